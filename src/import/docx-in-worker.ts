import { Worker } from 'node:worker_threads';
import { workerScript } from '../fs/worker-script';
import type { DocxAnswer, DocxJob } from './docx-worker';

/** What reading a Word package in the worker came to. */
export type WorkerOutcome =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'unreadable' | 'exhausted' | 'outOfMemory' | 'timeout' };

export interface WorkerLimits {
  /** Largest V8 heap of the worker; mammoth holds the whole document tree, about 55 bytes per byte of XML. */
  readonly heapMb: number;
  /** Longest a single document may take. */
  readonly seconds: number;
}

/** An idle worker is kept this long for the next file of a batch, then ended to give its memory back. */
const IDLE_MS = 10_000;

interface Pending {
  readonly id: number;
  /** The worker reading it: events of a worker already ended must not settle a later document. */
  readonly worker: Worker;
  settle(outcome: WorkerOutcome): void;
  fail(error: Error): void;
}

/**
 * Runs mammoth in a worker thread with a heap limit, one document at a time, so that a Word
 * file that still blows up after the size checks kills the worker, not the app: the caller
 * gets `outOfMemory` or `timeout` and the next document starts a fresh worker. A worker
 * costs about 80 ms to start, so one is kept for the files of a batch.
 */
class DocxWorker {
  private worker: Worker | undefined;
  private heapMb = 0;
  private pending: Pending | undefined;
  private nextId = 1;
  private idle: NodeJS.Timeout | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  read(packageBytes: Uint8Array, limits: WorkerLimits): Promise<WorkerOutcome> {
    const run = this.queue.then(() => this.readNow(packageBytes, limits));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private readNow(packageBytes: Uint8Array, limits: WorkerLimits): Promise<WorkerOutcome> {
    clearTimeout(this.idle);
    if (this.worker && this.heapMb !== limits.heapMb) this.end();
    const worker = this.worker ?? this.start(limits.heapMb);
    worker.ref();
    return new Promise<WorkerOutcome>((resolve, reject) => {
      const id = this.nextId++;
      const done = () => {
        clearTimeout(timer);
        this.pending = undefined;
        if (this.worker) {
          this.worker.unref();
          this.idle = setTimeout(() => this.end(), IDLE_MS).unref();
        }
      };
      const timer = setTimeout(() => {
        done();
        this.end();
        resolve({ kind: 'timeout' });
      }, limits.seconds * 1000);
      this.pending = {
        id,
        worker,
        settle: (outcome) => { done(); resolve(outcome); },
        fail: (error) => { done(); reject(error); },
      };
      const bytes = packageBytes.slice().buffer;
      worker.postMessage({ id, bytes } satisfies DocxJob, [bytes]);
    });
  }

  private start(heapMb: number): Worker {
    const { file, execArgv } = workerScript(__dirname, __filename, 'docx-worker');
    const worker = new Worker(file, { execArgv, resourceLimits: { maxOldGenerationSizeMb: heapMb } });
    const mine = () => (this.pending?.worker === worker ? this.pending : undefined);
    worker.on('message', (answer: DocxAnswer) => {
      const pending = mine();
      if (pending?.id === answer.id) pending.settle(answer.ok ? { kind: 'text', text: answer.text } : { kind: answer.problem });
    });
    // Always listened to: an 'error' event nobody hears would take the whole process down.
    worker.on('error', (error: Error & { code?: string }) => {
      if (this.worker === worker) this.worker = undefined;
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') mine()?.settle({ kind: 'outOfMemory' });
      else mine()?.fail(error);
    });
    worker.on('exit', (code) => {
      if (this.worker === worker) this.worker = undefined;
      mine()?.fail(new Error(`The Word reader thread stopped (exit code ${code}) before answering.`));
    });
    this.worker = worker;
    this.heapMb = heapMb;
    return worker;
  }

  private end(): void {
    const worker = this.worker;
    this.worker = undefined;
    void worker?.terminate();
  }
}

const shared = new DocxWorker();

/** Extracts the raw text of a Word package (a zip of its XML parts) in the shared worker thread. */
export function readDocxInWorker(packageBytes: Uint8Array, limits: WorkerLimits): Promise<WorkerOutcome> {
  return shared.read(packageBytes, limits);
}
