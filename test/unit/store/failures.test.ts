import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { toErrorInfo } from '../../../src/api/dispatch';
import { failureOf, isBusy } from '../../../src/store/failures';
import { quickCheck } from '../../../src/store/integrity';
import { openDatabase } from '../../../src/store/open';
import { tempDir } from '../../helpers/temp-project';

/** What Node's fs throws, as it throws it. */
const errno = (code: string, file: string) => Object.assign(new Error(`${code}: failed, open '${file}'`), { code, syscall: 'open', path: file });

describe('failures that are not bugs', () => {
  it('gives each disk failure its own kind and message in both languages', () => {
    expect(failureOf(errno('ENOSPC', '/media/usb/laporan.docx'), null)).toMatchObject({ kind: 'disk_full', message: expect.stringMatching(/^The disk is full: \/media\/usb\/laporan\.docx could not be written/) });
    expect(failureOf(errno('EACCES', '/srv/bersama/studi.tematik'), null)).toMatchObject({ kind: 'permission', message: expect.stringMatching(/Tematik may not use \/srv\/bersama\/studi\.tematik \(permission denied\)/) });
    expect(failureOf(errno('EROFS', '/media/cd/studi.tematik'), null)).toMatchObject({ kind: 'permission', message: expect.stringMatching(/on a disk that cannot be written/) });
    const io = failureOf(errno('EIO', '/media/usb/studi.tematik'), null);
    expect(io).toMatchObject({ kind: 'io', message: expect.stringMatching(/may have been disconnected/) });
    expect(io?.text?.id).toMatch(/mungkin terputus/);
  });

  it('translates SQLite failures, naming the project, and leaves anything else to be reported as a bug', () => {
    const db = new Database(':memory:');
    let busy: unknown;
    try {
      db.exec('ROLLBACK');
    } catch (error) {
      busy = error;
    }
    expect(isBusy(busy)).toBe(false);
    expect(failureOf(busy, '/x/studi.tematik')).toBeNull();
    expect(toErrorInfo(new Error('boom')).kind).toBe('internal');

    const file = path.join(tempDir(), 'studi.tematik');
    const writer = openDatabase(file, { create: true });
    const other = new Database(file, { timeout: 0 });
    writer.exec('BEGIN IMMEDIATE');
    let locked: unknown;
    try {
      other.exec('BEGIN IMMEDIATE');
    } catch (error) {
      locked = error;
    }
    writer.exec('ROLLBACK');
    expect(isBusy(locked)).toBe(true);
    expect(failureOf(locked, file)).toMatchObject({ kind: 'busy', message: 'The project is busy: another Tematik window or the command line is writing to it. Try again in a moment.' });
    other.close();

    const readOnly = new Database(file, { readonly: true });
    let refused: unknown;
    try {
      readOnly.exec("UPDATE project SET name = 'x'");
    } catch (error) {
      refused = error;
    }
    expect(failureOf(refused, file)).toMatchObject({ kind: 'read_only', message: expect.stringMatching(/^studi\.tematik cannot be written at the moment \(attempt to write a readonly database\)/) });
    readOnly.close();
    writer.close();
  });

  it('skips the quick check of a file larger than the bound, so opening a large project never waits for it', () => {
    const db = openDatabase(path.join(tempDir(), 'studi.tematik'), { create: true });
    expect(quickCheck(db)).toMatchObject({ ok: true, depth: 'quick' });
    expect(quickCheck(db, 4096)).toBeNull();
    db.close();
  });
});
