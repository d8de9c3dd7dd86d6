import path from 'node:path';
import { writeExport } from './write-file';

/** A file an export made: written to `path`, or handed back as base64 for the browser to download. */
export interface Delivered {
  readonly path: string | null;
  readonly fileName: string;
  readonly base64: string | null;
  readonly bytes: number;
}

/**
 * Writes to `file` when the host gave a path (the CLI, Electron's save dialog); otherwise
 * hands the bytes back, as base64, for the renderer to save through a download link.
 * @param extensions the export's own extensions with the dot; the first names it in messages
 */
export function deliver(bytes: Uint8Array, file: string | undefined, fileName: string, extensions: readonly string[]): Delivered {
  if (file) {
    writeExport(file, bytes, extensions);
    return { path: file, fileName: path.basename(file), base64: null, bytes: bytes.byteLength };
  }
  return { path: null, fileName, base64: Buffer.from(bytes).toString('base64'), bytes: bytes.byteLength };
}
