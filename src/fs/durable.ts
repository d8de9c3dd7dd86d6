import fs from 'node:fs';

/**
 * A file written to a temporary name and renamed into place is only safe once both its bytes and
 * the rename have reached the disk; exports, backups and restores share these two steps.
 */

/** Flushes a file's contents to the disk. */
export function syncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try { fs.fsyncSync(fd); } finally { fs.closeSync(fd); }
}

/** Makes a rename in `folder` durable. Best effort: Windows cannot open a folder for syncing, and the file is in place either way. */
export function syncFolder(folder: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(folder, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Not every system can sync a directory; the file's own contents are already synced.
  } finally {
    if (fd !== undefined) {
      try { fs.closeSync(fd); } catch { /* nothing was written through it */ }
    }
  }
}
