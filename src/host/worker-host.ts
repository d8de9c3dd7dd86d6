import type { ActionName, Outcome } from '../api/contract';
import { isActionName, toErrorInfo, unknownAction } from '../api/dispatch';
import { EXCLUSIVE_ACTIONS, READ_ACTIONS, READER_AHEAD_ACTIONS, READER_FIRST_ACTIONS } from '../api/read-actions';
import type { DialogKind, Host } from '../api/session';
import type { ErrorInfo, TematikError } from '../domain/errors';
import type { LocalizedText } from '../domain/text';
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
  /** Tests only: a worker crashes when asked to run this action. Nothing the renderer sends can set it. */
  readonly crashOn?: CrashTest;
  /** Tests only: other waits than HOST_TIMING's. */
  readonly timing?: Partial<HostTiming>;
}

/** How long the host waits before it starts or stops the reader, or makes the daily backup. */
export interface HostTiming {
  /** A read has waited behind a change running this long: the reader is started to answer it. */
  readonly readerAfterMs: number;
  /** The reader has answered nothing for this long: it is stopped, and its memory given back. */
  readonly readerIdleMs: number;
  /** The writer has had nothing to do for this long after an opening: the day's backup is made. */
  readonly backupAfterIdleMs: number;
  /** An import (READER_FIRST_ACTIONS) waits at most this long for the reader it started to be ready. */
  readonly readerAheadMs: number;
}

/**
 * The reader costs about 90 MB (its own V8 heap, the core's code, its SQLite connection), so it
 * runs only while changes keep reads waiting. The backup waits until the first screen's reads,
 * sent as soon as the opening is answered, have been answered.
 */
export const HOST_TIMING: HostTiming = { readerAfterMs: 200, readerIdleMs: 60_000, backupAfterIdleMs: 1_000, readerAheadMs: 1_000 };

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

/** The host's own job after an opening: the writer makes the day's backup (not an action: nobody asks for it). */
const DAILY_BACKUP = 'daily backup';

interface Call {
  readonly id: number;
  /** An action, or DAILY_BACKUP. */
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
 * worker holding the same project read-only on its own connection: started when a read has
 * waited behind a change for a moment, stopped when it has been idle a while. A worker that stops
 * is restarted on the same project (the reader, when next needed); a cancelled job stops at its
 * next progress report or `throwIfCancelled` check (src/domain/cancellation.ts), inside its
 * transaction. After an opening, once the writer is idle, it makes the day's backup.
 */
export class WorkerHost {
  private readonly writer: CoreThread;
  private reader: CoreThread | null = null;
  private readonly setup: Omit<WorkerSetup, 'role'>;
  private readonly timing: HostTiming;
  private readonly calls = new Map<number, Call>();
  private readonly queue: Call[] = [];
  private running: Call | null = null;
  /** When the running call was sent: how long reads have waited behind it. */
  private runningSince = 0;
  private nextId = 1;
  private current: OpenProject | null = null;
  /** What the reader has open; undefined while it is still following the writer. */
  private readerProject: OpenProject | null | undefined = null;
  /** What the reader was last asked to follow: it is not asked again for the same file, even when it could not open it. */
  private readerTarget: string | null = null;
  private readerStart: NodeJS.Timeout | null = null;
  private readerIdle: NodeJS.Timeout | null = null;
  /** The project the writer opened last still wants its daily backup. */
  private backupPending = false;
  private backupTimer: NodeJS.Timeout | null = null;
  /** A project whose backup job crashed the writer: not tried again on it, or the crash would repeat forever. */
  private backupCrashedOn: string | null = null;
  private restarts = 0;
  /** Workers that crashed: a new one may take over the project locks they left. */
  private readonly goneThreads: number[] = [];
  private gaveUp = false;
  private readonly crashListeners = new Set<(notice: CrashNotice) => void>();
  private readonly noticeListeners = new Set<(notice: LocalizedText) => void>();
  private readonly followWaiters: (() => void)[] = [];
  /** The long change at the head of the line that waits for the reader it started (`holdForReader`). */
  private held: { call: Call; expired: boolean; timer: NodeJS.Timeout } | null = null;

  constructor(private readonly options: WorkerHostOptions) {
    this.timing = { ...HOST_TIMING, ...options.timing };
    this.setup = {
      coder: options.coder, host: { ...options.host }, dialogs: options.choosePaths !== undefined,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
      ...(options.busyPatienceMs !== undefined ? { busyPatienceMs: options.busyPatienceMs } : {}),
    };
    this.writer = new CoreThread({ ...this.setup, role: 'writer', ...this.crashTest('writer') },
      (message) => this.heard('writer', message), () => this.writerCrashed());
  }

  /** The project the writer has open: what the window's title, menus and recent documents show. */
  get project(): OpenProject | null {
    return this.current;
  }

  /** Whether the reader thread is running (started, following or answering). */
  get readerRunning(): boolean {
    return this.reader !== null;
  }

  /** Runs one contract action. Resolves to its Outcome, never rejects: a crash or a cancel is an error Outcome too. */
  invoke(name: unknown, args: unknown, options: InvokeOptions = {}): Promise<Outcome<ActionName>> {
    // Checked here as well as in the worker: a name that is not a string could not even be posted.
    if (!isActionName(name)) return Promise.resolve(unknownAction(name));
    return new Promise((settle) => {
      const call = this.newCall(name, args, settle, options);
      if (this.gaveUp) return this.finish(call, failed(crashedError(call.name, 'given-up')));
      const read = this.running !== null && READ_ACTIONS.has(name);
      if (read && this.readerReady()) return this.send('reader', call);
      this.queue.push(call);
      if (read) this.wantReader();
      this.pump();
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
      if (this.held?.call === call) {
        clearTimeout(this.held.timer);
        this.held = null;
        this.pump();
      }
    } else Atomics.store(new Int32Array(call.cancel), 0, 1);
    return true;
  }

  /**
   * Starts the reader if it is not running, and resolves once it has the writer's project open, so
   * reads can be answered beside a long change. Until then they wait their turn behind it: the
   * reader only makes the window faster.
   */
  readerFollows(): Promise<void> {
    if (!this.reader) this.startReader();
    if (this.readerReady()) return Promise.resolve();
    return new Promise((resolve) => this.followWaiters.push(resolve));
  }

  /** Listens for a restart of the core after a crash; returns the function that stops listening. */
  onCrash(listener: (notice: CrashNotice) => void): () => void {
    this.crashListeners.add(listener);
    return () => this.crashListeners.delete(listener);
  }

  /** Listens for what the user is told outside any answer (a daily backup that could not be made); returns the function that stops listening. */
  onNotice(listener: (notice: LocalizedText) => void): () => void {
    this.noticeListeners.add(listener);
    return () => this.noticeListeners.delete(listener);
  }

  /** Closes the project (its WAL checkpointed into the file) and ends both workers. */
  async close(): Promise<void> {
    this.gaveUp = true;
    for (const timer of [this.readerStart, this.readerIdle, this.backupTimer, this.held?.timer]) if (timer) clearTimeout(timer);
    await Promise.all([this.writer.stop(), this.reader?.stop()]);
    for (const call of [...this.calls.values()]) this.finish(call, failed(crashedError(call.name, 'given-up')));
  }

  private readerReady(): boolean {
    return this.reader !== null && this.readerProject !== undefined && (this.readerProject?.file ?? null) === (this.current?.file ?? null);
  }

  private pump(): void {
    if (this.running) return;
    const head = this.queue[0];
    if (!head) return this.whenIdle();
    if (this.holdForReader(head)) {
      // The writer is free meanwhile: it answers the reads right behind the held change (they would see
      // the project as it is before that change on the reader too); a change behind it keeps its turn.
      const next = this.queue[1];
      if (next && READ_ACTIONS.has(next.name as ActionName)) this.run(this.queue.splice(1, 1)[0]!);
      return;
    }
    this.queue.shift();
    if (this.held?.call === head) {
      clearTimeout(this.held.timer);
      this.held = null;
    }
    this.run(head);
  }

  private run(call: Call): void {
    this.running = call;
    this.runningSince = performance.now();
    // A long change starts the reader as it begins, so the first read behind it need not wait for a thread.
    if (!this.reader && !this.gaveUp && READER_AHEAD_ACTIONS.has(call.name as ActionName)) this.startReader();
    if (!this.exclusive(call) || (this.readerProject === null && this.readerTarget === null)) return this.send('writer', call);
    // Sent once the reader has closed the project ('followed').
    this.readerTarget = null;
    if (this.readerProject !== undefined) {
      this.readerProject = undefined;
      this.reader?.post({ type: 'follow', project: null });
    }
  }

  /**
   * Whether an import (READER_FIRST_ACTIONS) waits before it starts: for the reader, which it starts,
   * to have the project open. A thread takes 0.3 s to start on an idle machine and three times as
   * long beside an import's parsing threads, and until it is ready every read would wait behind the
   * import; the import waits instead, for `readerAheadMs` at most.
   */
  private holdForReader(call: Call): boolean {
    if (!READER_FIRST_ACTIONS.has(call.name as ActionName) || this.gaveUp) return false;
    if (this.held?.call === call) return !this.held.expired && !this.readerReady();
    if (!this.reader) this.startReader();
    if (this.readerReady()) return false;
    const held = {
      call, expired: false,
      timer: setTimeout(() => {
        held.expired = true;
        this.pump();
      }, this.timing.readerAheadMs),
    };
    held.timer.unref();
    this.held = held;
    return true;
  }

  /** The writer has nothing to do: the day's backup of a project just opened, once it stays so for a moment. */
  private whenIdle(): void {
    if (!this.backupPending || this.backupTimer || this.gaveUp) return;
    this.backupTimer = setTimeout(() => {
      this.backupTimer = null;
      if (this.running || this.queue.length > 0 || !this.backupPending || this.gaveUp) return;
      this.backupPending = false;
      this.queue.push(this.internalCall(DAILY_BACKUP, null));
      this.pump();
    }, this.timing.backupAfterIdleMs);
    this.backupTimer.unref();
  }

  private exclusive(call: Call): boolean {
    return EXCLUSIVE_ACTIONS.has(call.name as ActionName);
  }

  private send(thread: 'writer' | 'reader', call: Call): void {
    call.on = thread;
    try {
      if (call.name === DAILY_BACKUP) this.writer.post({ type: 'daily-backup', id: call.id });
      else (thread === 'writer' ? this.writer : this.reader!).post({ type: 'call', id: call.id, name: call.name, args: call.args, cancel: call.cancel });
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
          this.backupPending = message.backupPending && message.project?.file !== this.backupCrashedOn;
          if (this.running?.id === message.id) this.running = null;
          this.follow();
        } else this.restReader();
        if (call) this.finish(call, message.outcome);
        this.pump();
        return;
      }
      case 'backed-up': {
        const call = this.calls.get(message.id);
        if (this.running?.id === message.id) this.running = null;
        if (call) this.finish(call, { ok: true, value: null } as Outcome<ActionName>);
        if (message.failure) for (const listener of this.noticeListeners) listener(message.failure);
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
            this.reader?.post({ type: 'follow', project: null });
          }
          return;
        }
        this.follow();
        if (this.readerReady()) {
          for (const resolve of this.followWaiters.splice(0)) resolve();
          this.handOverReads();
        }
        this.restReader();
        // A change held for the reader may start now.
        this.pump();
        return;
      case 'dialog': {
        const answer = (paths: readonly string[] | null) =>
          (thread === 'writer' ? this.writer : this.reader)?.post({ type: 'dialog-answer', id: message.id, paths });
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
    if (!this.reader || this.readerProject === undefined || target === this.readerTarget || (this.running && this.exclusive(this.running))) return;
    this.readerProject = undefined;
    this.readerTarget = target;
    this.reader.post({ type: 'follow', project: this.current });
  }

  /** A read waits behind a change: once the change has run `readerAfterMs`, the reader is started for it. */
  private wantReader(): void {
    if (this.reader || this.readerStart) return;
    const waited = performance.now() - this.runningSince;
    this.readerStart = setTimeout(() => {
      this.readerStart = null;
      if (!this.reader && !this.gaveUp && this.running && this.queue.some((c) => READ_ACTIONS.has(c.name as ActionName))) this.startReader();
    }, Math.max(0, this.timing.readerAfterMs - waited));
    this.readerStart.unref();
  }

  private startReader(): void {
    const thread: CoreThread = new CoreThread({ ...this.setup, role: 'reader', goneThreads: this.goneThreads, ...this.crashTest('reader') },
      (message) => { if (this.reader === thread) this.heard('reader', message); },
      () => { if (this.reader === thread) this.readerCrashed(thread); });
    this.reader = thread;
    this.readerProject = null;
    this.readerTarget = null;
    this.follow();
    if (this.readerReady()) this.handOverReads();
    this.restReader();
  }

  /** The reads waiting at the head of the line, behind the running change, go to the reader now it can answer them. */
  private handOverReads(): void {
    if (!this.running) return;
    while (this.queue[0] && READ_ACTIONS.has(this.queue[0].name as ActionName)) this.send('reader', this.queue.shift()!);
  }

  /** (Re)starts the reader's idle clock: when it runs out with nothing on the reader, the reader is stopped. */
  private restReader(): void {
    if (this.readerIdle) clearTimeout(this.readerIdle);
    this.readerIdle = setTimeout(() => {
      this.readerIdle = null;
      const thread = this.reader;
      if (!thread) return;
      const busy = this.readerProject === undefined || [...this.calls.values()].some((c) => c.on === 'reader') || this.followWaiters.length > 0;
      if (busy) return this.restReader();
      this.reader = null;
      this.readerProject = null;
      this.readerTarget = null;
      void thread.stop();
    }, this.timing.readerIdleMs);
    this.readerIdle.unref();
  }

  private writerCrashed(): void {
    const call = this.running;
    this.running = null;
    const project = this.current;
    if (call?.name === DAILY_BACKUP) this.backupCrashedOn = project?.file ?? null;
    if (++this.restarts > MOST_RESTARTS) {
      this.gaveUp = true;
      for (const waiting of [...this.calls.values()].filter((c) => c.on !== 'reader')) this.finish(waiting, failed(crashedError(waiting.name, 'given-up')));
      this.queue.length = 0;
      return;
    }
    this.goneThreads.push(this.writer.threadId);
    this.writer.restart(this.goneThreads);
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

  /** A reader that stopped is not restarted at once: the next read that waits behind a change starts a new one. */
  private readerCrashed(thread: CoreThread): void {
    for (const call of [...this.calls.values()].filter((c) => c.on === 'reader')) this.finish(call, failed(crashedError(call.name, 'restarted')));
    this.goneThreads.push(thread.threadId);
    this.reader = null;
    this.readerProject = null;
    this.readerTarget = null;
    // A change waiting for the old reader to let go of the project need not wait for the new one.
    if (this.running && !this.running.on) this.send('writer', this.running);
    if (this.followWaiters.length > 0) this.startReader();
  }

  private crashTest(role: WorkerSetup['role']): Pick<WorkerSetup, 'crashOn'> {
    const crashOn = this.options.crashOn;
    return crashOn && (crashOn.thread ?? 'writer') === role ? { crashOn } : {};
  }

  /** A call the host makes itself: nobody waits for its answer but the host's own bookkeeping. */
  private internalCall(name: string, args: unknown): Call {
    return this.newCall(name, args, () => undefined);
  }

  /** A call with its id, its job name and the flag that cancels it, known to the host until it is finished. */
  private newCall(name: string, args: unknown, settle: Call['settle'], options: InvokeOptions = {}): Call {
    const id = this.nextId++;
    const call: Call = { id, name, args, job: options.job ?? `job-${id}`, cancel: new SharedArrayBuffer(4), onProgress: options.onProgress, settle };
    this.calls.set(id, call);
    return call;
  }
}
