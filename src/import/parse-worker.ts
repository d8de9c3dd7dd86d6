import { parentPort } from 'node:worker_threads';
import { TematikError } from '../domain/errors';
import { claimNext } from './parse-claims';
import { readForIndex } from './read-for-index';

/**
 * The script of an import's parsing threads (see parse-in-workers.ts): takes the next file of
 * the import from a counter shared by all the threads, reads it, finds its turns and computes
 * its search stems, and answers with the parsed document or with the error, flattened so that
 * it crosses the thread boundary; until no file is left or the import stops.
 */

/** The files of an import, handed to each thread once. */
export interface ParseJob {
  readonly files: readonly string[];
  /** Int32Array cells as CLAIMS (parse-claims.ts) names them. */
  readonly claims: SharedArrayBuffer;
  /** This thread's cell from CLAIMS.taken on. */
  readonly slot: number;
}

export type ParseAnswer =
  | { readonly id: number; readonly ok: true; readonly doc: Awaited<ReturnType<typeof readForIndex>> }
  /** A TematikError's parts, or `bug` with what String(error) said of anything else thrown. */
  | { readonly id: number; readonly ok: false; readonly error: { readonly kind: 'user'; readonly info: ReturnType<TematikError['toInfo']> } | { readonly kind: 'bug'; readonly name: string; readonly message: string } };

async function parseAll(port: NonNullable<typeof parentPort>, { files, claims, slot }: ParseJob): Promise<void> {
  const cells = new Int32Array(claims);
  // Taking files here, not waiting to be handed each one, keeps this thread parsing while the
  // import's writer is busy storing and indexing what was parsed before.
  for (let id = claimNext(cells, files.length, slot); id >= 0; id = claimNext(cells, files.length, slot)) {
    try {
      port.postMessage({ id, ok: true, doc: await readForIndex(files[id]!) } satisfies ParseAnswer);
    } catch (error) {
      port.postMessage({
        id, ok: false,
        error: error instanceof TematikError ? { kind: 'user', info: error.toInfo() }
          : { kind: 'bug', name: error instanceof Error ? error.name : 'Error', message: error instanceof Error ? error.message : String(error) },
      } satisfies ParseAnswer);
    }
  }
  // Nothing more to listen for: the thread ends, and its answers reach the pool before its exit does.
}

const port = parentPort;
if (port) port.once('message', (job: ParseJob) => void parseAll(port, job));
