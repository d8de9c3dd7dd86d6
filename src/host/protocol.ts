import type { ActionName, Outcome } from '../api/contract';
import type { DialogKind, Host } from '../api/session';
import type { LocalizedText } from '../domain/text';
import type { Progress } from '../domain/types';

/** The project a worker's session has open, as the host reopens or follows it. */
export interface OpenProject {
  readonly file: string;
  readonly readOnly: boolean;
}

/**
 * How a test makes the writer crash: `exit` calls process.exit(1) (the thread's exit handlers still
 * run), `throw` leaves an error uncaught (they do not: the project lock stays behind, as after a real crash).
 */
export interface CrashTest {
  readonly action: ActionName;
  /** `after`: the action is answered, then the thread throws once idle. */
  readonly how: 'exit' | 'throw' | 'after';
  /** The thread that crashes: the writer unless said. */
  readonly thread?: 'writer' | 'reader';
}

/** What a worker is started with: plain data, as it crosses the thread boundary. */
export interface WorkerSetup {
  /** The writer runs every action; the reader answers READ_ACTIONS beside it, read-only. */
  readonly role: 'writer' | 'reader';
  readonly coder: string;
  readonly nativeBinding?: string;
  readonly busyPatienceMs?: number;
  readonly host: Pick<Host, 'kind' | 'dataDir' | 'sampleDir'>;
  /** Whether the main thread can show native file dialogs (Host.choosePaths). */
  readonly dialogs: boolean;
  /** Tests only: this worker crashes when asked to run this action. */
  readonly crashOn?: CrashTest;
  /** Threads of this process that crashed holding a project's lock: their locks are taken over. */
  readonly goneThreads?: readonly number[];
}

/** Host → worker. */
export type ToWorker =
  | {
    readonly type: 'call'; readonly id: number; readonly name: string; readonly args: unknown;
    /** One Int32 the host sets to 1 to cancel: read with Atomics, so it reaches a job that never yields. */
    readonly cancel: SharedArrayBuffer;
  }
  /** The writer makes the day's backup of the project it just opened, if still due (Session.backUpForToday). */
  | { readonly type: 'daily-backup'; readonly id: number }
  /** The reader opens this project read-only (or closes it for null), to follow the writer. */
  | { readonly type: 'follow'; readonly project: OpenProject | null }
  | { readonly type: 'dialog-answer'; readonly id: number; readonly paths: readonly string[] | null }
  /** Close the project (checkpointing its WAL and releasing its lock) before the host ends the worker. */
  | { readonly type: 'close' };

/** Worker → host. */
export type FromWorker =
  | { readonly type: 'progress'; readonly id: number; readonly progress: Progress }
  | {
    readonly type: 'done'; readonly id: number; readonly outcome: Outcome<ActionName>; readonly project: OpenProject | null;
    /** The project was just opened and its daily backup is still to be made. */
    readonly backupPending: boolean;
  }
  /** The answer to 'daily-backup': why no backup could be made, or null. */
  | { readonly type: 'backed-up'; readonly id: number; readonly failure: LocalizedText | null }
  | { readonly type: 'followed'; readonly project: OpenProject | null }
  | { readonly type: 'closed' }
  | { readonly type: 'dialog'; readonly id: number; readonly kind: DialogKind };
