import { parentPort } from 'node:worker_threads';
import { TematikError } from '../domain/errors';
import { readForIndex } from './read-for-index';

/**
 * The script of an import's parsing threads (see parse-in-workers.ts): reads a transcript,
 * finds its turns and computes its search stems, and answers with the parsed document or
 * with the error, flattened so that it crosses the thread boundary.
 */

/** A transcript to read. */
export interface ParseJob {
  readonly id: number;
  readonly file: string;
}

export type ParseAnswer =
  | { readonly id: number; readonly ok: true; readonly doc: Awaited<ReturnType<typeof readForIndex>> }
  /** A TematikError's parts, or `bug` with what String(error) said of anything else thrown. */
  | { readonly id: number; readonly ok: false; readonly error: { readonly kind: 'user'; readonly info: ReturnType<TematikError['toInfo']> } | { readonly kind: 'bug'; readonly name: string; readonly message: string } };

const port = parentPort;
if (port) {
  port.on('message', (job: ParseJob) => {
    readForIndex(job.file).then(
      (doc) => port.postMessage({ id: job.id, ok: true, doc } satisfies ParseAnswer),
      (error: unknown) => port.postMessage({
        id: job.id, ok: false,
        error: error instanceof TematikError ? { kind: 'user', info: error.toInfo() }
          : { kind: 'bug', name: error instanceof Error ? error.name : 'Error', message: error instanceof Error ? error.message : String(error) },
      } satisfies ParseAnswer),
    );
  });
}
