import fs from 'node:fs';
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { errorFromInfo } from '../domain/errors';
import { workerScript } from '../fs/worker-script';
import { CLAIMS } from './parse-claims';
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

interface Settle {
  resolve(doc: ParsedDocument): void;
  reject(error: Error): void;
}

/**
 * Worker threads that take the files of one import from a shared counter (parse-worker.ts,
 * claimNext) as each finishes the last: a thread never waits for this one, which is busy
 * storing and indexing the files read before.
 */
class ParsePool {
  private readonly workers = new Set<Worker>();
  /** CLAIMS cells: the next file, the stop flag, then the file each thread took last. */
  private readonly claims: Int32Array;
  /** Each file's read, until it settles. */
  private readonly waiting = new Map<number, Settle>();
  /** Reads this thread took over when every thread was gone. */
  private here: ParallelReads | null = null;
  private files: readonly string[] = [];
  private stopped = false;

  constructor(private readonly size: number) {
    this.claims = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT * (CLAIMS.taken + size))).fill(-1, CLAIMS.taken);
  }

  readAll(files: readonly string[]): ParallelReads {
    this.files = files;
    const reads = files.map((_, id) => new Promise<ParsedDocument>((resolve, reject) => this.waiting.set(id, { resolve, reject })));
    for (let slot = 0; slot < this.size; slot++) this.start(slot);
    return { reads, stop: () => this.stop() };
  }

  private stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    Atomics.store(this.claims, CLAIMS.stopped, 1);
    for (const id of [...this.waiting.keys()]) this.settle(id, (read) => read.reject(stoppedError()));
    this.here?.stop();
    for (const worker of this.workers) void worker.terminate();
  }

  private settle(id: number, how: (read: Settle) => void): void {
    const read = this.waiting.get(id);
    if (!read) return;
    this.waiting.delete(id);
    how(read);
  }

  private start(slot: number): void {
    const { file, execArgv } = workerScript(__dirname, __filename, 'parse-worker');
    const worker = new Worker(file, { execArgv });
    this.workers.add(worker);
    worker.postMessage({ files: this.files, claims: this.claims.buffer as SharedArrayBuffer, slot } satisfies ParseJob);
    worker.on('message', (answer: ParseAnswer) => {
      if (answer.ok) this.settle(answer.id, (read) => read.resolve(answer.doc));
      else {
        const error = answer.error.kind === 'user'
          ? errorFromInfo(answer.error.info)
          : Object.assign(new Error(answer.error.message), { name: answer.error.name });
        this.settle(answer.id, (read) => read.reject(error));
      }
    });
    // A thread ends when no file is left. One that dies (out of memory, a crash) fails the file it
    // had taken, if that was not answered (its answers arrive before its exit); the others carry on.
    const lost = (error: Error) => {
      if (!this.workers.delete(worker) || this.stopped) return;
      this.settle(Atomics.load(this.claims, CLAIMS.taken + slot), (read) => read.reject(error));
      if (this.workers.size === 0) this.drainHere();
    };
    worker.on('error', lost);
    worker.on('exit', (code) => lost(new Error(`The import's parsing thread stopped (exit code ${code}).`)));
  }

  /** Every thread gone with files still waiting: this thread reads them. */
  private drainHere(): void {
    const from = Atomics.add(this.claims, CLAIMS.next, this.files.length);
    if (from >= this.files.length) return;
    const ids = this.files.slice(from).map((_, i) => from + i);
    this.here = readInTurn(ids.map((id) => this.files[id]!));
    this.here.reads.forEach((read, i) => read.then(
      (doc) => this.settle(ids[i]!, (r) => r.resolve(doc)),
      (error: Error) => this.settle(ids[i]!, (r) => r.reject(error))));
  }
}
