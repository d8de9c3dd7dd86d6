/**
 * One open project of the team server: a `Session` on the server's backend (PostgreSQL through
 * its working image), the handler table through `dispatch`, changes one at a time (READ_BESIDE). Every logged-in
 * user acts under their own name, and every change is told to whoever listens to the project.
 */
import type { ActionName, Outcome } from '../api/contract';
import { dispatch } from '../api/dispatch';
import { Session } from '../api/session';
import { effects } from '../api/touches';
import type { Progress } from '../domain/types';
import type { ProjectBackend } from '../store/backend';

/** Who acts: the logged-in user, and the login session (its public id) the request came from. */
export interface Actor {
  readonly login: string;
  readonly name: string;
  readonly session: string;
}

/** Told to every listener of a project after a change by anyone. */
export interface ChangeEvent {
  readonly action: ActionName;
  readonly by: { readonly login: string; readonly name: string };
  /** The acting login session's public id, so a page can skip its own changes. */
  readonly session: string;
}

/** Where an action's time went on the server: waiting for the actions queued before it, then its own run (write-through included). */
export interface ActionTiming {
  readonly queueMs: number;
  readonly runMs: number;
}

export type ChangeListener = (event: ChangeEvent) => void;

/**
 * Reads that run beside one another: a coder's page asks for them all the time, and a search spends
 * most of its run waiting for PostgreSQL, which made every other request wait too. They still wait for
 * the changes queued before them and changes wait for them, so none sees a change half done (on the
 * working image, a change is committed before PostgreSQL has it). Only reads whose answer is the same
 * for whoever asks are here: the project's acting coder (actAs) is set for the actions that run alone,
 * and a read beside others leaves it as it is.
 */
const READ_BESIDE: ReadonlySet<ActionName> = new Set<ActionName>(['search.query', 'documents.get', 'documents.list', 'codes.list', 'codings.forDocument']);

/** Whether the action may change the project: such actions are told to the listeners when they succeed. */
export function changesProject(action: ActionName): boolean {
  const effect = effects[action];
  return effect !== 'none' && 'changes' in effect;
}

export class ProjectRuntime {
  private readonly session: Session;
  private opened: Promise<void> | null = null;
  /** The last action queued that runs alone: every action after it waits for it. */
  private lastAlone: Promise<unknown> = Promise.resolve();
  /** Reads beside one another not yet ended, each gone once it ends: the next action that runs alone waits for them too. */
  private readonly readsRunning = new Set<Promise<void>>();
  private readonly listeners = new Set<ChangeListener>();
  private running = 0;
  /** When the last action ended (or the project was opened): idle projects are closed. */
  lastUsed = Date.now();

  constructor(readonly file: string, backend: ProjectBackend) {
    // No data folder: identity comes from the login, never from what this machine remembers.
    this.session = new Session({ coder: 'Tematik server', backend, host: { kind: 'server' } });
  }

  /** Opens the project (once); a failed opening is tried again by the next caller. */
  open(): Promise<void> {
    this.opened ??= this.session.open(this.file).then(() => undefined, (error: unknown) => {
      this.opened = null;
      throw error;
    });
    return this.opened;
  }

  /**
   * Runs one action as `actor`, after every action queued before it (reads in READ_BESIDE only after
   * the actions that run alone: they run beside one another). The caller has checked the actor's role
   * and the arguments' paths; a change that succeeds is told to every listener.
   */
  invoke(actor: Actor, name: ActionName, args: unknown, progress: (p: Progress) => void = () => undefined, timed?: (timing: ActionTiming) => void): Promise<Outcome<ActionName>> {
    this.running++;
    const queued = performance.now();
    const beside = READ_BESIDE.has(name);
    const run = async (): Promise<Outcome<ActionName>> => {
      const began = performance.now();
      try {
        await this.open();
        if (!beside) this.session.project.actAs(actor.name);
        const outcome = await dispatch(name, args, { session: this.session, progress });
        // A change the store could not write through leaves the opening unusable (src/store/postgres/backend.ts):
        // the next action opens the project again, as the database has it.
        if (!outcome.ok && outcome.error.kind === 'io') void this.reset();
        if (outcome.ok && changesProject(name)) this.tell({ action: name, by: { login: actor.login, name: actor.name }, session: actor.session });
        return outcome;
      } finally {
        this.running--;
        this.lastUsed = Date.now();
        timed?.({ queueMs: began - queued, runMs: performance.now() - began });
      }
    };
    if (beside) {
      const outcome = this.lastAlone.then(run, run);
      // Forgotten once ended, so a project only read for hours keeps no list of every read it answered.
      const ended: Promise<void> = outcome.then(() => undefined, () => undefined).then(() => void this.readsRunning.delete(ended));
      this.readsRunning.add(ended);
      return outcome;
    }
    const outcome = Promise.all([this.lastAlone, ...this.readsRunning]).then(run, run);
    this.lastAlone = outcome.catch(() => undefined);
    return outcome;
  }

  /** Listens to the project's changes until the returned function is called. */
  listen(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  /** Nothing runs or waits, and nobody listens: the project may be closed. */
  get idle(): boolean {
    return this.running === 0 && this.listeners.size === 0;
  }

  /** Closes the project once the actions queued before have finished; resolves when its lock is let go of. */
  async close(): Promise<void> {
    await Promise.all([this.lastAlone, ...this.readsRunning]);
    await this.reset();
  }

  private reset(): Promise<void> {
    this.opened = null;
    return this.session.close();
  }

  private tell(event: ChangeEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // A listener that fails (a stream closed mid-write) must not fail the action it is told about.
      }
    }
  }
}

export interface RuntimesOptions {
  readonly backend: ProjectBackend;
  /** The backend's name of a project (`team:<id>` on PostgreSQL, a file in tests on SQLite). */
  readonly fileOf: (projectId: number) => string;
  /** How long a project nobody uses stays open; 10 minutes by default. */
  readonly idleMs?: number;
}

/** The open projects of a server, opened on first use and closed when idle. */
export class Runtimes {
  private readonly open = new Map<number, ProjectRuntime>();
  /** Projects being closed: opened again only once closed (the store's lock would refuse a second opening). */
  private readonly closing = new Map<number, Promise<void>>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(private readonly options: RuntimesOptions) {
    const idleMs = options.idleMs ?? 10 * 60_000;
    this.sweeper = setInterval(() => void this.closeIdle(idleMs), Math.min(idleMs, 60_000));
    this.sweeper.unref();
  }

  /** The runtime of a project, opening it if needed. */
  async get(projectId: number): Promise<ProjectRuntime> {
    await this.closing.get(projectId)?.catch(() => undefined);
    let runtime = this.open.get(projectId);
    if (!runtime) {
      runtime = new ProjectRuntime(this.options.fileOf(projectId), this.options.backend);
      this.open.set(projectId, runtime);
    }
    try {
      await runtime.open();
    } catch (error) {
      if (this.open.get(projectId) === runtime) this.open.delete(projectId);
      throw error;
    }
    return runtime;
  }

  /** Closes a project if it is open; resolves once its lock is let go of, so it may be deleted next. */
  async close(projectId: number): Promise<void> {
    const runtime = this.open.get(projectId);
    if (!runtime) return;
    this.open.delete(projectId);
    const closed = runtime.close().finally(() => this.closing.delete(projectId));
    this.closing.set(projectId, closed);
    await closed;
  }

  /** Closes the projects nobody has used for `idleMs`. */
  async closeIdle(idleMs: number, now = Date.now()): Promise<number[]> {
    const closed: number[] = [];
    for (const [id, runtime] of this.open) {
      if (runtime.idle && now - runtime.lastUsed >= idleMs) {
        closed.push(id);
        await this.close(id);
      }
    }
    return closed;
  }

  async closeAll(): Promise<void> {
    clearInterval(this.sweeper);
    await Promise.all([...this.open.keys()].map((id) => this.close(id)));
  }
}
