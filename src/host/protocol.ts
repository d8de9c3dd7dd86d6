import type { ActionName, Outcome } from '../api/contract';
import type { DialogKind, Host } from '../api/session';
import type { Progress } from '../domain/types';

/** The project a worker's session has open, as the host reopens or follows it. */
export interface OpenProject {
  readonly file: string;
  readonly readOnly: boolean;
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
  /** Tests only: the worker exits with code 1 when asked to run this action, as a crash would. */
  readonly exitOn?: ActionName;
}

/** Host → worker. */
export type ToWorker =
  | {
    readonly type: 'call'; readonly id: number; readonly name: string; readonly args: unknown;
    /** One Int32 the host sets to 1 to cancel: read with Atomics, so it reaches a job that never yields. */
    readonly cancel: SharedArrayBuffer;
  }
  /** The reader opens this project read-only (or closes it for null), to follow the writer. */
  | { readonly type: 'follow'; readonly project: OpenProject | null }
  | { readonly type: 'dialog-answer'; readonly id: number; readonly paths: readonly string[] | null }
  /** Close the project (checkpointing its WAL and releasing its lock) before the host ends the worker. */
  | { readonly type: 'close' };

/** Worker → host. */
export type FromWorker =
  | { readonly type: 'progress'; readonly id: number; readonly progress: Progress }
  | { readonly type: 'done'; readonly id: number; readonly outcome: Outcome<ActionName>; readonly project: OpenProject | null }
  | { readonly type: 'followed'; readonly project: OpenProject | null }
  | { readonly type: 'closed' }
  | { readonly type: 'dialog'; readonly id: number; readonly kind: DialogKind };
