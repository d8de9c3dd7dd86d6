import type { ActionName, Outcome } from '../api/contract';
import { isActionName, toErrorInfo, unknownAction } from '../api/dispatch';
import { EXCLUSIVE_ACTIONS, READ_ACTIONS } from '../api/read-actions';
import type { DialogKind, Host } from '../api/session';
import type { ErrorInfo, TematikError } from '../domain/errors';
import type { Progress } from '../domain/types';
import { CoreThread } from './core-thread';
import { cancelledError } from '../domain/cancellation';
import { crashedError, idleCrashError } from './errors';
import type { CrashTest, FromWorker, OpenProject, WorkerSetup } from './protocol';

export type { CrashTest, OpenProject } from './protocol';

export interface WorkerHostOptions {
  /** Who makes the changes: recorded on every coding, memo and audit row. */
  readonly coder: string;
  /** better-sqlite3 binary for a runtime other than Node (Electron). */
  readonly nativeBinding?: string;
  readonly busyPatienceMs?: number;
  readonly host: Pick<Host, 'kind' | 'dataDir' | 'sampleDir'>;
  /** The native file dialogs, shown by the thread that owns the windows; absent in browser mode. */
  readonly choosePaths?: (kind: DialogKind) => Promise<string[] | null>;
  /** Tests only: the writer crashes when asked to run this action. Nothing the renderer sends can set it. */
  readonly crashOn?: CrashTest;
}

export interface InvokeOptions {
  /** Progress of a long action, with the job id `cancel` takes. */
  readonly onProgress?: (progress: Progress, job: string) => void;
  /** The caller's name for this call, to cancel it by; one is made up when absent. */
  readonly job?: string;
}

/** What the user is told after the core's worker stopped and was restarted. */
export interface CrashNotice {
  readonly error: ErrorInfo;
  /** The project open again in the new worker, if any. */
  readonly project: OpenProject | null;
}

interface Call {
  readonly id: number;
  readonly name: string;
  readonly args: unknown;
  readonly job: string;
  readonly cancel: SharedArrayBuffer;
  readonly onProgress: ((progress: Progress, job: string) => void) | undefined;
  readonly settle: (outcome: Outcome<ActionName>) => void;
  on?: 'writer' | 'reader';
}

/** Restarts in a row, with no action answered between them, after which the host gives up. */
const MOST_RESTARTS = 3;

const failed = (error: TematikError): Outcome<ActionName> => ({ ok: false, error: error.toInfo() });

/**
 * Runs the core in worker threads, so the thread that owns the windows (Electron's main process,
 * the browser-mode server) stays free. The writer worker owns the Session and runs changes one at
 * a time in the order they arrive. While it is busy, READ_ACTIONS are answered by a reader
 * worker holding the same project read-only on its own connection. A worker that stops is
 * restarted on the same project; a cancelled job stops at its next progress report or
 * `throwIfCancelled` check (src/domain/cancellation.ts), inside its transaction.
 */
export class WorkerHost {
  private readonly writer: CoreThread;
  private readonly reader: CoreThread;
  private readonly calls = new Map<number, Call>();
  private readonly queue: Call[] = [];
  private running: Call | null = null;
  private nextId = 1;
  private current: OpenProject | null = null;
  /** What the reader has open; undefined while it is still following the writer. */
  private readerProject: OpenProject | null | undefined = null;
  /** What the reader was last asked to follow: it is not asked again for the same file, even when it could not open it. */
  private readerTarget: string | null = null;
  private restarts = 0;
  /** Workers that crashed: a new one may take over the project locks they left. */
  private readonly goneThreads: number[] = [];
  private gaveUp = false;
  private readonly crashListeners = new Set<(notice: CrashNotice) => void>();
  private readonly followWaiters: (() => void)[] = [];

  constructor(private readonly options: WorkerHostOptions) {
    const setup: Omit<WorkerSetup, 'role'> = {
      coder: options.coder, host: { ...options.host }, dialogs: options.choosePaths !== undefined,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
      ...(options.busyPatienceMs !== undefined ? { busyPatienceMs: options.busyPatienceMs } : {}),
    };
    this.writer = new CoreThread({ ...setup, role: 'writer', ...(options.crashOn ? { crashOn: options.crashOn } : {}) },
      (message) => this.heard('writer', message), () => this.writerCrashed());
    this.reader = new CoreThread({ ...setup, role: 'reader' }, (message) => this.heard('reader', message), () => this.readerCrashed());
  }

  /** The project the writer has open: what the window's title, menus and recent documents show. */
  get project(): OpenProject | null {
    return this.current;
  }

  /** Runs one contract action. Resolves to its Outcome, never rejects: a crash or a cancel is an error Outcome too. */
  invoke(name: unknown, args: unknown, options: InvokeOptions = {}): Promise<Outcome<ActionName>> {
    // Checked here as well as in the worker: a name that is not a string could not even be posted.
    if (!isActionName(name)) return Promise.resolve(unknownAction(name));
    return new Promise((settle) => {
      const call = this.newCall(name, args, settle, options);
      if (this.gaveUp) return this.finish(call, failed(crashedError(call.name, 'given-up')));
      if (this.running && this.readerReady() && READ_ACTIONS.has(name)) this.send('reader', call);
      else {
        this.queue.push(call);
        this.pump();
      }
    });
  }

  /**
   * Cancels a job: one still waiting is dropped, one running stops at its next check and rolls
   * back. False when no such job is waiting or running (it may have finished).
   */
  cancel(job: string): boolean {
    const call = [...this.calls.values()].find((c) => c.job === job);
    if (!call) return false;
    const waiting = this.queue.indexOf(call);
    if (waiting >= 0) {
      this.queue.splice(waiting, 1);
      this.finish(call, failed(cancelledError()));
    } else Atomics.store(new Int32Array(call.cancel), 0, 1);
    return true;
  }

  /**
   * Resolves once the reader has the writer's project open, so reads can be answered beside a long
   * change. Until then they wait their turn behind it: the reader only makes the window faster.
   */
  readerFollows(): Promise<void> {
    if (this.readerReady()) return Promise.resolve();
    return new Promise((resolve) => this.followWaiters.push(resolve));
  }

  /** Listens for a restart of the core after a crash; returns the function that stops listening. */
  onCrash(listener: (notice: CrashNotice) => void): () => void {
    this.crashListeners.add(listener);
    return () => this.crashListeners.delete(listener);
  }

  /** Closes the project (its WAL checkpointed into the file) and ends both workers. */
  async close(): Promise<void> {
    this.gaveUp = true;
    await Promise.all([this.writer.stop(), this.reader.stop()]);
    for (const call of [...this.calls.values()]) this.finish(call, failed(crashedError(call.name, 'given-up')));
  }

  private readerReady(): boolean {
    return this.readerProject !== undefined && (this.readerProject?.file ?? null) === (this.current?.file ?? null);
  }

  private pump(): void {
    if (this.running) return;
    const call = this.queue.shift();
    if (!call) return;
    this.running = call;
    if (!this.exclusive(call) || (this.readerProject === null && this.readerTarget === null)) return this.send('writer', call);
    // Sent once the reader has closed the project ('followed').
    this.readerTarget = null;
    if (this.readerProject !== undefined) {
      this.readerProject = undefined;
      this.reader.post({ type: 'follow', project: null });
    }
  }

  private exclusive(call: Call): boolean {
    return EXCLUSIVE_ACTIONS.has(call.name as ActionName);
  }

  private send(thread: 'writer' | 'reader', call: Call): void {
    call.on = thread;
    try {
      (thread === 'writer' ? this.writer : this.reader).post({ type: 'call', id: call.id, name: call.name, args: call.args, cancel: call.cancel });
    } catch (error) {
      // Arguments that cannot cross to the worker (a function, say): refused before anything ran.
      if (this.running === call) this.running = null;
      this.finish(call, { ok: false, error: toErrorInfo(error) });
      this.pump();
    }
  }

  private finish(call: Call, outcome: Outcome<ActionName>): void {
    this.calls.delete(call.id);
    call.settle(outcome);
  }

  private heard(thread: 'writer' | 'reader', message: FromWorker): void {
    switch (message.type) {
      case 'progress': {
        const call = this.calls.get(message.id);
        call?.onProgress?.(message.progress, call.job);
        return;
      }
      case 'done': {
        const call = this.calls.get(message.id);
        if (thread === 'writer') {
          this.restarts = 0;
          this.current = message.project;
          if (this.running?.id === message.id) this.running = null;
          this.follow();
        }
        if (call) this.finish(call, message.outcome);
        this.pump();
        return;
      }
      case 'followed':
        this.readerProject = message.project;
        if (this.running && !this.running.on && this.exclusive(this.running)) {
          if (message.project === null) this.send('writer', this.running);
          else {
            // It was still opening the project when the exclusive change came up: close it again.
            this.readerProject = undefined;
            this.reader.post({ type: 'follow', project: null });
          }
          return;
        }
        this.follow();
        if (this.readerReady()) for (const resolve of this.followWaiters.splice(0)) resolve();
        return;
      case 'dialog': {
        const answer = (paths: readonly string[] | null) =>
          (thread === 'writer' ? this.writer : this.reader).post({ type: 'dialog-answer', id: message.id, paths });
        const choose = this.options.choosePaths;
        if (!choose) return answer(null);
        choose(message.kind).then(answer, () => answer(null));
        return;
      }
      case 'closed':
    }
  }

  /** Has the reader open what the writer has open, once it is done with its last step. */
  private follow(): void {
    const target = this.current?.file ?? null;
    if (this.readerProject === undefined || target === this.readerTarget || (this.running && this.exclusive(this.running))) return;
    this.readerProject = undefined;
    this.readerTarget = target;
    this.reader.post({ type: 'follow', project: this.current });
  }

  private writerCrashed(): void {
    const call = this.running;
    this.running = null;
    const project = this.current;
    if (++this.restarts > MOST_RESTARTS) {
      this.gaveUp = true;
      for (const waiting of [...this.calls.values()].filter((c) => c.on !== 'reader')) this.finish(waiting, failed(crashedError(waiting.name, 'given-up')));
      this.queue.length = 0;
      return;
    }
    this.restartThread(this.writer);
    const restart = project ? 'reopened' : 'restarted';
    const error = call ? crashedError(call.name, restart) : idleCrashError(restart);
    if (call) this.finish(call, failed(error));
    // `current` stays: the reader still has that project open, and the reopening call reports what really opened.
    if (project) {
      // First in line: the actions waiting behind the crashed one run on the project they were sent for.
      this.queue.unshift(this.internalCall('project.open', { path: project.file, ...(project.readOnly ? { readOnly: true } : {}) }));
    }
    this.pump();
    for (const listener of this.crashListeners) listener({ error: error.toInfo(), project });
  }

  private readerCrashed(): void {
    for (const call of [...this.calls.values()].filter((c) => c.on === 'reader')) this.finish(call, failed(crashedError(call.name, 'restarted')));
    this.restartThread(this.reader);
    this.readerProject = null;
    this.readerTarget = null;
    // A change waiting for the old reader to let go of the project need not wait for the new one.
    if (this.running && !this.running.on) this.send('writer', this.running);
    this.follow();
  }

  private restartThread(thread: CoreThread): void {
    this.goneThreads.push(thread.threadId);
    thread.restart(this.goneThreads);
  }

  /** A call the host makes itself: nobody waits for its answer but the host's own bookkeeping. */
  private internalCall(name: ActionName, args: unknown): Call {
    return this.newCall(name, args, () => undefined);
  }

  /** A call with its id, its job name and the flag that cancels it, known to the host until it is finished. */
  private newCall(name: ActionName, args: unknown, settle: Call['settle'], options: InvokeOptions = {}): Call {
    const id = this.nextId++;
    const call: Call = { id, name, args, job: options.job ?? `job-${id}`, cancel: new SharedArrayBuffer(4), onProgress: options.onProgress, settle };
    this.calls.set(id, call);
    return call;
  }
}
