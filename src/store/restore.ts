import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { TematikError } from '../domain/errors';
import { defineMessages } from '../domain/text';
import type { BackupEntry } from '../domain/types';
import { lockedMessage } from './access-messages';
import { syncFile, syncFolder } from '../fs/durable';
import { backupFolder, copyAsBackup, failureReason, pruneBackups, removeBackup } from './backup';
import { lockHolder } from './lock';
import { SCHEMA_VERSION } from './migrations/index';
import { APPLICATION_ID } from './open';
import { withBinding } from './native-binding';

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** Files SQLite keeps beside a database and would apply to whatever file then has its name. */
const SIDE_FILES = ['-wal', '-shm', '-journal'] as const;

const say = defineMessages({
  en: {
    missing: 'There is no backup {file}. Choose one from the list of backups ("Restore from backup…" in the project menu, or "tematik backups <project>").',
    notSqlite: '{file} is not a Tematik backup: it is not an SQLite database. Choose a backup from the list; the project has not been changed.',
    foreign: '{file} is a database of another program, not a Tematik project. Choose a backup from the list; the project has not been changed.',
    newer: '{file} was made by a newer version of Tematik (project format {version}; this version reads up to {supported}). Update Tematik to restore it; the project has not been changed.',
    damaged: '{file} is damaged ({problem}) and cannot be restored. Choose an older backup; the project has not been changed.',
    inUse: '{file} is open in another Tematik window or program. Close it there, then restore; the project has not been changed.',
    keepFailed: 'The project as it is now could not be kept as a backup in {folder}: {reason}. Nothing was restored and the project has not been changed; free some space or make the folder writable, then try again.',
    replaceFailed: 'The backup could not take the place of {file}: {reason}. The project as it was is kept as the backup {kept}.',
  },
  id: {
    missing: 'Tidak ada cadangan {file}. Pilih salah satu dari daftar cadangan ("Pulihkan dari cadangan…" di menu proyek, atau "tematik backups <proyek>").',
    notSqlite: '{file} bukan cadangan Tematik: berkas itu bukan basis data SQLite. Pilih cadangan dari daftar; proyek tidak diubah.',
    foreign: '{file} adalah basis data program lain, bukan proyek Tematik. Pilih cadangan dari daftar; proyek tidak diubah.',
    newer: '{file} dibuat oleh Tematik versi yang lebih baru (format proyek {version}; versi ini membaca sampai {supported}). Perbarui Tematik untuk memulihkannya; proyek tidak diubah.',
    damaged: '{file} rusak ({problem}) dan tidak dapat dipulihkan. Pilih cadangan yang lebih lama; proyek tidak diubah.',
    inUse: '{file} sedang terbuka di jendela Tematik atau program lain. Tutup di sana, lalu pulihkan; proyek tidak diubah.',
    keepFailed: 'Proyek dalam keadaannya sekarang tidak dapat disimpan sebagai cadangan di {folder}: {reason}. Tidak ada yang dipulihkan dan proyek tidak diubah; kosongkan sebagian ruang disk atau buat folder itu dapat ditulisi, lalu coba lagi.',
    replaceFailed: 'Cadangan tidak dapat menggantikan {file}: {reason}. Proyek dalam keadaan sebelumnya disimpan sebagai cadangan {kept}.',
  },
});

/** A backup copied beside the project and checked, ready to take the project's place. */
export interface PreparedRestore {
  readonly projectFile: string;
  readonly source: string;
  /** The checked copy, in the project's folder so that the final rename stays on one file system. */
  readonly copy: string;
}

/** A backup named by its id in the project's backup folder, or by a path to a backup file anywhere. */
export function resolveBackup(projectFile: string, ref: string): string {
  const bare = !ref.includes('/') && !ref.includes('\\') && ref !== '.' && ref !== '..';
  return bare ? path.join(backupFolder(projectFile), ref) : path.resolve(ref);
}

/**
 * Copies the backup `source` (with the WAL beside it, if any) beside the project and checks the
 * copy, the bytes that will be restored rather than the file they came from: an SQLite file, a
 * Tematik project, of a format this version reads, passing `PRAGMA quick_check`. Checking folds
 * the copied WAL into the copy, so what is renamed into place is one self-contained file. Throws,
 * leaving nothing behind, when it cannot be restored; the project is not touched here at all.
 */
export function prepareRestore(projectFile: string, source: string): PreparedRestore {
  if (!fs.existsSync(source) || !fs.statSync(source).isFile()) throw new TematikError('not_found', say('missing', { file: source }));
  const copy = `${projectFile}.restoring-${process.pid}`;
  fs.mkdirSync(path.dirname(projectFile), { recursive: true });
  try {
    fs.copyFileSync(source, copy);
    if (fs.existsSync(`${source}-wal`)) fs.copyFileSync(`${source}-wal`, `${copy}-wal`);
    check(copy, source);
  } catch (error) {
    removeBackup(copy);
    throw error;
  }
  return { projectFile, source, copy };
}

/**
 * Puts a prepared backup in the project's place. The project must not be open in this process
 * (Session.close first). First the file as it is, with its WAL, goes byte for byte into the
 * backup set (kind 'before-restore'); then the restore is refused if any connection still has the
 * project open; then the project's WAL, shared-memory and journal files are removed, because
 * SQLite would apply the old file's pages in them to whatever file next has the project's name;
 * then the checked copy is renamed over the project in one step. Everything removed is in the
 * 'before-restore' backup by then, so a crash between two steps loses nothing.
 */
export function completeRestore(prepared: PreparedRestore, now: Date = new Date()): { readonly keptAs: BackupEntry | null } {
  const { projectFile, copy } = prepared;
  let keptAs: BackupEntry | null = null;
  if (fs.existsSync(projectFile)) {
    keptAs = keepCurrent(projectFile, now);
    try {
      assertNotInUse(projectFile);
    } catch (error) {
      // Copied while another program may have been writing: not a backup to keep.
      removeBackup(keptAs.path);
      throw error;
    }
  }
  try {
    for (const side of SIDE_FILES) fs.rmSync(`${projectFile}${side}`, { force: true });
    syncFile(copy);
    fs.renameSync(copy, projectFile);
    syncFolder(path.dirname(projectFile));
  } catch (error) {
    const { kind, reason } = failureReason(error);
    throw new TematikError(kind === 'internal' ? 'permission' : kind, say('replaceFailed', { file: projectFile, kept: keptAs?.path ?? '—', reason }));
  }
  pruneBackups(projectFile, 'before-restore');
  return { keptAs };
}

/** Removes the checked copy of a restore that will not happen. */
export function abandonRestore(prepared: PreparedRestore): void {
  removeBackup(prepared.copy);
}

function check(copy: string, source: string): void {
  const header = Buffer.alloc(SQLITE_HEADER.length);
  const fd = fs.openSync(copy, 'r');
  try { fs.readSync(fd, header, 0, header.length, 0); } finally { fs.closeSync(fd); }
  if (!header.equals(SQLITE_HEADER)) throw new TematikError('not_a_project', say('notSqlite', { file: source }));
  let db: Database.Database | undefined;
  try {
    // Read-write, on the copy: a copy of a WAL-mode file opens only with its shared-memory file, which closing removes.
    db = new Database(copy, withBinding({ fileMustExist: true, timeout: 0 }));
    const appId = db.pragma('application_id', { simple: true }) as number;
    const version = db.pragma('user_version', { simple: true }) as number;
    if (appId !== APPLICATION_ID || version < 1) throw new TematikError('not_a_project', say('foreign', { file: source }));
    if (version > SCHEMA_VERSION) throw new TematikError('newer_version', say('newer', { file: source, version, supported: SCHEMA_VERSION }));
    const problems = (db.pragma('quick_check(3)') as { quick_check: string }[]).map((row) => row.quick_check);
    if (problems.join() !== 'ok') throw new TematikError('damaged', say('damaged', { file: source, problem: problems.join('; ').replace(/\s*\n\s*/g, ' ') }));
    if (db.prepare('SELECT count(*) FROM project WHERE id = 1').pluck().get() !== 1) {
      throw new TematikError('damaged', say('damaged', { file: source, problem: 'no project row' }));
    }
  } catch (error) {
    if (error instanceof TematikError) throw error;
    const code = (error as { code?: unknown }).code;
    if (code === 'SQLITE_NOTADB') throw new TematikError('not_a_project', say('notSqlite', { file: source }));
    throw new TematikError('damaged', say('damaged', { file: source, problem: error instanceof Error ? error.message : String(error) }));
  } finally {
    db?.close();
  }
}

/**
 * Refuses when any connection, in this process or another, has the project open: replacing a file
 * under an open connection would corrupt it. A connection in exclusive locking mode cannot begin a
 * transaction while another holds the file. Another Tematik's live lock file refuses it first. (Closing it folds a WAL left by a crash into the old
 * file, which is being replaced anyway; its bytes as they were are already kept.)
 */
function assertNotInUse(file: string): void {
  // On a network or synced folder SQLite's locks may not reach the other computer; Tematik's lock file does.
  const holder = lockHolder(file);
  if (holder) throw new TematikError('locked', lockedMessage(holder));
  let db: Database.Database | undefined;
  try {
    db = new Database(file, withBinding({ fileMustExist: true, timeout: 0 }));
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE; COMMIT');
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') throw new TematikError('busy', say('inUse', { file }));
    // Anything else: a damaged file SQLite cannot lock. The restore is meant for it.
  } finally {
    try { db?.close(); } catch { /* a damaged file may fail its closing checkpoint; its bytes are kept next */ }
  }
}

/** The project as it is, into its backup set, or a refusal to go on when it cannot be kept. */
function keepCurrent(projectFile: string, now: Date): BackupEntry {
  try {
    return copyAsBackup(projectFile, 'before-restore', now);
  } catch (error) {
    const { kind, reason } = failureReason(error);
    throw new TematikError(kind === 'internal' ? 'permission' : kind, say('keepFailed', { folder: backupFolder(projectFile), reason }));
  }
}
