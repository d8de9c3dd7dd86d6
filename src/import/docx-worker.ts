import { parentPort } from 'node:worker_threads';
import mammoth from 'mammoth';

/**
 * The script of the worker thread that reads Word files (see docx-in-worker.ts). It runs
 * mammoth on a package whose parts were already inflated within bounds, and answers with the
 * text or with why it could not; if mammoth exhausts the worker's memory, the host sees the
 * worker die and the rest of the app carries on.
 */

/** A Word package to read: a zip of its XML parts, transferred, not copied. */
export interface DocxJob {
  readonly id: number;
  readonly bytes: ArrayBuffer;
}

export type DocxAnswer =
  | { readonly id: number; readonly ok: true; readonly text: string }
  /** `exhausted`: the parser ran out of stack or string length (XML nested too deeply, a run too long); `unreadable`: anything else mammoth refused. */
  | { readonly id: number; readonly ok: false; readonly problem: 'exhausted' | 'unreadable' };

const port = parentPort;
if (port) {
  port.on('message', (job: DocxJob) => {
    mammoth.extractRawText({ buffer: Buffer.from(job.bytes) }).then(
      (result) => port.postMessage({ id: job.id, ok: true, text: result.value } satisfies DocxAnswer),
      (error: unknown) => port.postMessage({ id: job.id, ok: false, problem: error instanceof RangeError ? 'exhausted' : 'unreadable' } satisfies DocxAnswer),
    );
  });
}
