import fs from 'node:fs';
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { errorFromInfo } from '../domain/errors';
import { workerScript } from '../fs/worker-script';
import type { ParseAnswer, ParseJob } from './parse-worker';
import { readForIndex } from './read-for-index';
import type { ParsedDocument } from './types';

/**
 * Below this much text a batch is parsed on the calling thread: starting a thread costs about
 * 80 ms (more under the test runner's TypeScript loader), about what 1 MB of transcripts takes.
 */
const WORKER_MIN_BYTES = 2 * 1024 * 1024;
/** More threads than this gains little: the one writer that stores the results is the next limit. */
const MAX_WORKERS = 4;

/** The reads of one import, and the way to end them early. */
export interface ParallelReads {
  /** One per file, in the order given, each settling with its document or its error; all already handled. */
  readonly reads: Promise<ParsedDocument>[];
  /**
   * Ends the threads and drops the files not yet read, whose reads then fail: for an import that
   * stopped early (cancelled, or failed on a file), so no thread goes on parsing for nothing.
   */
  stop(): void;
}

/**
 * Reads, decodes and parses the files of an import and computes their search stems, in
 * parallel worker threads when the batch is large enough to repay them (one per core). A
 * failure is reported when its file's turn comes, not as unhandled. The threads end when the
 * last file is done, or at `stop`. `minBytes`: the least text worth the threads.
 */
export function readInParallel(files: readonly string[], { minBytes = WORKER_MIN_BYTES }: { readonly minBytes?: number } = {}): ParallelReads {
  const threads = Math.min(MAX_WORKERS, os.availableParallelism(), files.length);
  const parallel = threads > 1 && totalBytes(files) >= minBytes ? new ParsePool(threads).readAll(files) : readInTurn(files);
  for (const read of parallel.reads) read.catch(() => undefined);
  return parallel;
}

const stoppedError = (): Error => new Error('The import stopped before this file was read.');

/** One file at a time on this thread, each starting when the one before it is done. */
function readInTurn(files: readonly string[]): ParallelReads {
  let stopped = false;
  let previous: Promise<unknown> = Promise.resolve();
  const reads = files.map((file) => {
    const read = previous.then(() => {
      if (stopped) throw stoppedError();
      return readForIndex(file);
    });
    previous = read.catch(() => undefined);
    return read;
  });
  return { reads, stop: () => { stopped = true; } };
}

function totalBytes(files: readonly string[]): number {
  let sum = 0;
  for (const file of files) {
    try {
      sum += fs.statSync(file).size;
    } catch {
      // Reading it will say what is wrong with it.
    }
  }
  return sum;
}

interface Job {
  readonly id: number;
  readonly file: string;
  resolve(doc: ParsedDocument): void;
  reject(error: Error): void;
}

/** Worker threads taking the next file from one queue as each finishes the last. */
class ParsePool {
  private readonly queue: Job[] = [];
  private readonly busy = new Map<Worker, Job>();
  private readonly workers = new Set<Worker>();
  private idle: Worker[] = [];
  private stopped = false;

  constructor(private readonly size: number) {}

  readAll(files: readonly string[]): ParallelReads {
    const reads = files.map((file, id) => new Promise<ParsedDocument>((resolve, reject) => this.queue.push({ id, file, resolve, reject })));
    for (let i = 0; i < this.size; i++) this.next(this.start());
    return { reads, stop: () => this.stop() };
  }

  private stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    for (const job of [...this.queue.splice(0), ...this.busy.values()]) job.reject(stoppedError());
    this.busy.clear();
    for (const worker of this.workers) void worker.terminate();
  }

  private start(): Worker {
    const { file, execArgv } = workerScript(__dirname, __filename, 'parse-worker');
    const worker = new Worker(file, { execArgv });
    this.workers.add(worker);
    worker.on('message', (answer: ParseAnswer) => {
      const job = this.busy.get(worker);
      if (job?.id !== answer.id) return;
      this.busy.delete(worker);
      if (answer.ok) job.resolve(answer.doc);
      else job.reject(answer.error.kind === 'user'
        ? errorFromInfo(answer.error.info)
        : Object.assign(new Error(answer.error.message), { name: answer.error.name }));
      this.next(worker);
    });
    // A thread that dies (out of memory, a crash) fails its file; the others carry on with the rest.
    const lost = (error: Error) => {
      this.workers.delete(worker);
      if (this.stopped) return;
      const job = this.busy.get(worker);
      this.busy.delete(worker);
      this.idle = this.idle.filter((w) => w !== worker);
      job?.reject(error);
      if (this.busy.size === 0) this.drainHere();
    };
    worker.on('error', lost);
    worker.on('exit', (code) => lost(new Error(`The import's parsing thread stopped (exit code ${code}).`)));
    return worker;
  }

  private next(worker: Worker): void {
    const job = this.queue.shift();
    if (!job) {
      this.idle.push(worker);
      if (this.busy.size === 0) for (const done of this.idle.splice(0)) void done.terminate();
      return;
    }
    this.busy.set(worker, job);
    worker.postMessage({ id: job.id, file: job.file } satisfies ParseJob);
  }

  /** Every thread gone with files still waiting: this thread reads them. */
  private drainHere(): void {
    const jobs = this.queue.splice(0);
    const { reads } = readInTurn(jobs.map((job) => job.file));
    jobs.forEach((job, i) => reads[i]!.then(job.resolve, job.reject));
  }
}
