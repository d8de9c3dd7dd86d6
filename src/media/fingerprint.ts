import { createHash } from 'node:crypto';
import fs from 'node:fs';

/** How much of each end of a file the fingerprint reads. */
const EDGE_BYTES = 64 * 1024;

/**
 * A cheap fingerprint of a media file: SHA-256 of its size and its first and last 64 KiB. It
 * tells the linked recording from another file of the same name (another interview, a re-encoded
 * copy) after a move, without reading a 2 GB video. Read through an open descriptor so the bytes
 * checked are those of the file then served.
 */
export function fingerprintOf(fd: number, size: number): string {
  const hash = createHash('sha256').update(`${size}\n`);
  const head = Buffer.alloc(Math.min(EDGE_BYTES, size));
  fs.readSync(fd, head, 0, head.length, 0);
  hash.update(head);
  const tailLength = Math.min(EDGE_BYTES, size);
  const tail = Buffer.alloc(tailLength);
  fs.readSync(fd, tail, 0, tailLength, size - tailLength);
  hash.update(tail);
  return hash.digest('hex');
}

/** The fingerprint of the file at `file` (a regular file), with its size. */
export function fingerprintFile(file: string): { size: number; fingerprint: string } {
  const fd = fs.openSync(file, 'r');
  try {
    const { size } = fs.fstatSync(fd);
    return { size, fingerprint: fingerprintOf(fd, size) };
  } finally {
    fs.closeSync(fd);
  }
}
