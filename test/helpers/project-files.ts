import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { localClient } from '../../src/api/client';
import { SAMPLE_SHEET, SAMPLE_STUDY, tempDir } from './temp-project';

/**
 * A closed project file holding the sample study (eleven transcripts, a code, a memo): a real,
 * multi-page file for tests that damage, move or lock it. Closed, so its WAL is folded into it.
 */
export async function sampleProjectFile(dir = tempDir(), name = 'study.tematik'): Promise<string> {
  const file = path.join(dir, name);
  const client = localClient({ coder: 'Peneliti A' });
  await client.invoke('project.create', { path: file, name: 'Co-creation UMKM' });
  await client.invoke('import.folder', { folder: SAMPLE_STUDY, sheet: SAMPLE_SHEET });
  await client.invoke('codes.create', { name: 'kolaborasi' });
  await client.invoke('memos.create', { title: 'Catatan awal', body: 'Semua informan menyebut WA grup.', target: { kind: 'project' } });
  client.session.close();
  return file;
}

/** The pages (1-based) of a table's b-tree, leaves only when asked, as SQLite's dbstat lists them. */
export function pagesOf(file: string, table: string, type?: 'leaf' | 'internal' | 'overflow'): number[] {
  // Not read-only: as the last connection to close it folds its -wal away, leaving the file alone as it found it.
  const db = new Database(file, { fileMustExist: true });
  try {
    return (db.prepare('SELECT pageno, pagetype FROM dbstat WHERE name = ? ORDER BY pageno').all(table) as { pageno: number; pagetype: string }[])
      .filter((p) => !type || p.pagetype === type).map((p) => p.pageno);
  } finally {
    db.close();
  }
}

/** Overwrites `length` bytes of page `page` from `offset` with junk, as a bad sector or a broken copy would. */
export function damagePage(file: string, page: number, offset = 1000, length = 2000): void {
  const pageSize = 4096;
  const fd = fs.openSync(file, 'r+');
  try {
    fs.writeSync(fd, Buffer.alloc(length, 0xa5), 0, length, (page - 1) * pageSize + offset);
  } finally {
    fs.closeSync(fd);
  }
}
