import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { TematikError } from '../domain/errors';
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

/**
 * Reads, decodes and parses the files of an import and computes their search stems, in
 * parallel worker threads when the batch is large enough to repay them (one per core). The
 * promises come back in the order of `files`, each settling with its document or its error;
 * all are already handled, so a failure is reported when its turn comes, not as unhandled.
 * The threads end when the last file is done. `minBytes`: the least text worth the threads.
 */
export function readInParallel(files: readonly string[], { minBytes = WORKER_MIN_BYTES }: { readonly minBytes?: number } = {}): Promise<ParsedDocument>[] {
  const threads = Math.min(MAX_WORKERS, os.availableParallelism(), files.length);
  const reads = threads > 1 && totalBytes(files) >= minBytes ? new ParsePool(threads).readAll(files) : readInTurn(files);
  for (const read of reads) read.catch(() => undefined);
  return reads;
}

/** One file at a time on this thread, each starting when the one before it is done. */
function readInTurn(files: readonly string[]): Promise<ParsedDocument>[] {
  let previous: Promise<unknown> = Promise.resolve();
  return files.map((file) => {
    const read = previous.then(() => readForIndex(file));
    previous = read.catch(() => undefined);
    return read;
  });
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
  private idle: Worker[] = [];

  constructor(private readonly size: number) {}

  readAll(files: readonly string[]): Promise<ParsedDocument>[] {
    const reads = files.map((file, id) => new Promise<ParsedDocument>((resolve, reject) => this.queue.push({ id, file, resolve, reject })));
    for (let i = 0; i < this.size; i++) this.next(this.start());
    return reads;
  }

  private start(): Worker {
    const { file, execArgv } = workerScript();
    const worker = new Worker(file, { execArgv });
    worker.on('message', (answer: ParseAnswer) => {
      const job = this.busy.get(worker);
      if (job?.id !== answer.id) return;
      this.busy.delete(worker);
      if (answer.ok) job.resolve(answer.doc);
      else job.reject(answer.error.kind === 'user'
        ? new TematikError(answer.error.info.kind, answer.error.info.text ?? answer.error.info.message, answer.error.info.detailTexts ?? answer.error.info.details)
        : Object.assign(new Error(answer.error.message), { name: answer.error.name }));
      this.next(worker);
    });
    // A thread that dies (out of memory, a crash) fails its file; the others carry on with the rest.
    const lost = (error: Error) => {
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
    const reads = readInTurn(jobs.map((job) => job.file));
    jobs.forEach((job, i) => reads[i]!.then(job.resolve, job.reject));
  }
}

/** The worker's script beside this module: compiled .js from dist/, or the .ts through tsx's require hook under tests and tsx. */
function workerScript(): { file: string; execArgv: string[] } {
  const extension = path.extname(__filename);
  const file = path.join(__dirname, `parse-worker${extension}`);
  if (extension === '.js') return { file, execArgv: [] };
  return { file, execArgv: ['--require', createRequire(__filename).resolve('tsx/cjs')] };
}
