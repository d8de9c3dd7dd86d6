import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { syncFile, syncFolder } from '../fs/durable';
import { TematikError, type ErrorKind } from '../domain/errors';
import { defineMessages, untranslated, type LocalizedText } from '../domain/text';
import { BACKUP_KINDS, BACKUP_LIMITS, type BackupEntry, type BackupKind, type BackupList } from '../domain/types';
import { SCHEMA_VERSION } from './migrations/index';
import { noteOnOpening } from './migrations/opening-notes';
import type { ProjectStore } from './project-store';
import { withBinding } from './native-binding';

/**
 * A project's backup set: `<project>.tematik-backups/` beside the project file.
 *
 * Beside the project rather than in the app's data folder: the CLI has no data folder; the
 * backups of a damaged file must be found from its path alone (its GUID may be unreadable);
 * copies of one study for merging share a GUID, so a set keyed by GUID would mix coder A's
 * backups with coder B's; and whoever moves or copies the project folder takes its backups
 * along. The cost: a synced folder uploads each new backup, and a file e-mailed or carried on
 * a USB stick goes without them (as it should: they hold the same confidential transcripts).
 *
 * Backups of an open project are written with `VACUUM INTO`, synchronously. A backup "before"
 * something must be complete before that something writes: SQLite's online backup API copies
 * writes made on the same connection into a backup still running, so it would have to be awaited
 * anyway, and an unfinished one is cut off when the CLI closes the project. VACUUM INTO reads one
 * consistent snapshot (the WAL included), writes a compact file in rollback-journal mode that
 * opens without side files, and takes about 40 ms for a 16 MB project of sixty interviews. The
 * file a restore replaces is copied byte for byte instead (`copyAsBackup`): it may be damaged.
 */

export const BACKUP_EXTENSION = '.tematik-backup';

/** Files SQLite keeps beside a database; a backup's go with it when it is removed. */
const SIDE_FILES = ['-wal', '-shm', '-journal'] as const;

/** `study.2026-12-06T21-47-20Z.daily.tematik-backup`, or `…20Z-2.daily…` for a second one in the same second. */
const NAME = new RegExp(`^(.+)\\.(\\d{4}-\\d{2}-\\d{2}T\\d{2}-\\d{2}-\\d{2}Z)(?:-(\\d+))?\\.(${BACKUP_KINDS.join('|')})\\${BACKUP_EXTENSION}$`);

/** A half-made backup older than this was left by a crash, not by a backup still being written. */
const STALE_PARTIAL_MS = 24 * 60 * 60 * 1000;

const say = defineMessages({
  en: {
    failedDaily: 'Today\'s backup of this project could not be made in {folder}: {reason}. Your work goes on and is saved in the project as usual; {remedy}',
    failedMigration: 'The copy of this project as it was before Tematik upgraded its format could not be made in {folder}: {reason}. The upgrade went ahead; {remedy}',
    failedMerge: 'The backup before merging could not be made in {folder}: {reason}. The merge went ahead; {remedy}',
    failedManual: 'The backup could not be made in {folder}: {reason}. The project itself is unchanged; {remedy}',
    remedy: 'free some space or make the folder writable, then choose "Back up now" in the project menu.',
    full: 'the disk is full',
    denied: 'the folder cannot be written (read-only disk, no permission, or a file of that name is in the way)',
    damaged: 'the project file is damaged',
    newer: 'It was made by a newer version of Tematik (project format {version}; this version reads up to {supported}): update Tematik to restore it.',
    unreadable: 'It cannot be read as a Tematik project: {reason}.',
  },
  id: {
    failedDaily: 'Cadangan harian proyek ini tidak dapat dibuat di {folder}: {reason}. Pekerjaan Anda tetap berjalan dan tersimpan di proyek seperti biasa; {remedy}',
    failedMigration: 'Salinan proyek ini sebelum Tematik memperbarui formatnya tidak dapat dibuat di {folder}: {reason}. Pembaruan tetap dilakukan; {remedy}',
    failedMerge: 'Cadangan sebelum penggabungan tidak dapat dibuat di {folder}: {reason}. Penggabungan tetap dilakukan; {remedy}',
    failedManual: 'Cadangan tidak dapat dibuat di {folder}: {reason}. Proyeknya sendiri tidak berubah; {remedy}',
    remedy: 'kosongkan sebagian ruang disk atau buat folder itu dapat ditulisi, lalu pilih "Cadangkan sekarang" di menu proyek.',
    full: 'disk penuh',
    denied: 'folder itu tidak dapat ditulisi (disk hanya-baca, tanpa izin, atau ada berkas bernama sama yang menghalangi)',
    damaged: 'berkas proyek rusak',
    newer: 'Cadangan ini dibuat oleh Tematik versi yang lebih baru (format proyek {version}; versi ini membaca sampai {supported}): perbarui Tematik untuk memulihkannya.',
    unreadable: 'Cadangan ini tidak dapat dibaca sebagai proyek Tematik: {reason}.',
  },
});

/** The folder holding the backups of the project at `projectFile`. */
export function backupFolder(projectFile: string): string {
  return `${projectFile}-backups`;
}

/**
 * Writes a backup of the open database `db` (the project at `projectFile`) into its backup folder
 * under a temporary name, makes it durable, then gives it its name, so a half-made backup never
 * looks complete; then removes the oldest of its kind beyond the limit. Must not run inside a
 * transaction. Throws what the file system or SQLite threw (see `failureReason`).
 */
export function writeBackup(db: Database.Database, projectFile: string, kind: BackupKind, now: Date = new Date()): BackupEntry {
  const folder = backupFolder(projectFile);
  fs.mkdirSync(folder, { recursive: true });
  const id = freeName(folder, projectFile, kind, now);
  const partial = path.join(folder, `${id}.partial`);
  try {
    db.prepare('VACUUM INTO ?').run(partial);
    settle(partial, path.join(folder, id));
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  }
  prune(folder, kind);
  return describe(folder, id);
}

/** "Back up now": as `writeBackup`, but a failure is the answer, in words the user can act on. */
export function createBackup(db: Database.Database, projectFile: string, now: Date = new Date()): BackupEntry {
  try {
    return writeBackup(db, projectFile, 'manual', now);
  } catch (error) {
    const { kind, reason } = failureReason(error);
    throw new TematikError(kind, compose('failedManual', backupFolder(projectFile), reason));
  }
}

/**
 * The file as it is, byte for byte with its WAL or journal beside the copy, as a backup: for a
 * project about to be replaced, which may be damaged, and which SQLite must not touch before it
 * is kept (opening it may fold, or with a damaged file even drop, a WAL). Does not prune: the
 * caller may still take it back (`removeBackup`). Throws what the file system threw.
 */
export function copyAsBackup(projectFile: string, kind: BackupKind, now: Date = new Date()): BackupEntry {
  const folder = backupFolder(projectFile);
  fs.mkdirSync(folder, { recursive: true });
  const id = freeName(folder, projectFile, kind, now);
  const final = path.join(folder, id);
  const partial = `${final}.partial`;
  const sides = SIDE_FILES.filter((side) => side !== '-shm' && fs.existsSync(`${projectFile}${side}`));
  try {
    fs.copyFileSync(projectFile, partial);
    for (const side of sides) {
      fs.copyFileSync(`${projectFile}${side}`, `${partial}${side}`);
      syncFile(`${partial}${side}`);
    }
    // The side files take their final names first: the pair is complete once the main file has its own.
    for (const side of sides) fs.renameSync(`${partial}${side}`, `${final}${side}`);
    settle(partial, final);
  } catch (error) {
    for (const suffix of ['', ...sides]) {
      fs.rmSync(`${partial}${suffix}`, { force: true });
      if (suffix) fs.rmSync(`${final}${suffix}`, { force: true });
    }
    throw error;
  }
  return describe(folder, id);
}

/** Removes a backup (or a restore's copy) with its side files. */
export function removeBackup(file: string): void {
  for (const suffix of ['', ...SIDE_FILES]) fs.rmSync(`${file}${suffix}`, { force: true });
}

/** Removes the oldest backups of `kind` beyond its limit, and what crashed backups left. Never fails. */
export function pruneBackups(projectFile: string, kind: BackupKind): void {
  prune(backupFolder(projectFile), kind);
}

/** The backups of the project at `projectFile`, newest first, each described from its own content. */
export function listBackups(projectFile: string): BackupList {
  const folder = backupFolder(projectFile);
  return { projectPath: projectFile, folder, backups: named(folder).map((n) => describe(folder, n.id)) };
}

/** The last day (local time) each open store had its daily backup, so a change need not look at the folder. */
const dailyDone = new WeakMap<ProjectStore, string>();

/** Stores whose file is not the project's record (a team server's working image: PostgreSQL is, backed up by pg_dump). */
const noDaily = new WeakSet<ProjectStore>();

/** No daily backups of this store's file: it is a working copy of a project kept elsewhere. */
export function withoutDailyBackups(store: ProjectStore): void {
  noDaily.add(store);
}

/**
 * Makes the day's backup of a project: after the first opening (Session.backUpForToday) and at
 * the first change of each day (local time), so a window left open overnight still gets one. Not while the project holds
 * nothing yet, not for a project open read-only (a damaged file must not push the good backups
 * out of the set) and not inside a transaction. A failure never stops the user: it becomes a
 * notice and the work goes on.
 */
export function dailyBackup(store: ProjectStore, now: Date = new Date()): Attempt {
  const none = { entry: null, failure: null };
  if (store.readOnly !== null || !store.db.open || store.db.inTransaction || noDaily.has(store)) return none;
  const today = localDay(now);
  if (dailyDone.get(store) === today) return none;
  let empty: boolean;
  try {
    empty = isEmpty(store.db);
  } catch (error) {
    return failed(store, 'failedDaily', error);
  }
  if (empty) return none;
  dailyDone.set(store, today);
  const made = named(backupFolder(store.file)).some((n) => n.kind === 'daily' && localDay(new Date(n.createdAt)) === today);
  return made ? none : attempt(store, 'daily', 'failedDaily', now);
}

function isEmpty(db: Database.Database): boolean {
  return db.prepare('SELECT NOT EXISTS (SELECT 1 FROM documents) AND NOT EXISTS (SELECT 1 FROM codes) AND NOT EXISTS (SELECT 1 FROM memos)').pluck().get() === 1;
}

/**
 * A backup before an action that rewrites much of the project (merging another copy into it).
 * Call it before the action's transaction begins. Returns null when it could not be made: the
 * store's notices then say why, and the action goes on.
 */
export function backupBefore(store: ProjectStore, what: 'merge', now: Date = new Date()): BackupEntry | null {
  return attempt(store, `before-${what}`, 'failedMerge', now).entry;
}

/**
 * The copy of a project as it is before a migration, by the open connection `db` (open.ts calls it
 * before migrating). A failure does not stop the upgrade: the migration runs in one transaction and
 * leaves the file as it was when it fails, and the notice is told on this opening like a migration's own.
 */
export function backupBeforeMigration(db: Database.Database, projectFile: string, now: Date = new Date()): BackupEntry | null {
  try {
    return writeBackup(db, projectFile, 'migration', now);
  } catch (error) {
    noteOnOpening(db, compose('failedMigration', backupFolder(projectFile), failureReason(error).reason));
    return null;
  }
}

/** A backup that may not stop the work: the one made, or the notice that says why none was. */
export interface Attempt {
  readonly entry: BackupEntry | null;
  /** Also added to the store's notices, which `project.info` reports. */
  readonly failure: LocalizedText | null;
}

function attempt(store: ProjectStore, kind: BackupKind, message: 'failedDaily' | 'failedMerge', now: Date): Attempt {
  try {
    return { entry: writeBackup(store.db, store.file, kind, now), failure: null };
  } catch (error) {
    return failed(store, message, error);
  }
}

function failed(store: ProjectStore, message: 'failedDaily' | 'failedMerge', error: unknown): Attempt {
  const failure = compose(message, backupFolder(store.file), failureReason(error).reason);
  store.notices.push(failure);
  return { entry: null, failure };
}

/** The backups in `folder` as their names tell them: id, kind and time, newest first. */
function named(folder: string): { id: string; kind: BackupKind; createdAt: string }[] {
  let files: string[];
  try {
    files = fs.readdirSync(folder);
  } catch {
    return [];
  }
  const found: { id: string; kind: BackupKind; createdAt: string; serial: number }[] = [];
  for (const id of files) {
    const match = NAME.exec(id);
    if (!match) continue;
    found.push({ id, kind: match[4] as BackupKind, createdAt: fromStamp(match[2]!), serial: Number(match[3] ?? 1) });
  }
  return found.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.serial - a.serial);
}

/** A backup's facts, read from the file: what it holds, and whether this Tematik can restore it. */
function describe(folder: string, id: string): BackupEntry {
  const file = path.join(folder, id);
  const match = NAME.exec(id)!;
  const base = { id, path: file, kind: match[4] as BackupKind, createdAt: fromStamp(match[2]!), bytes: fs.statSync(file).size };
  const unknown = { projectName: null, schemaVersion: null, documents: null, codings: null };
  let db: Database.Database | undefined;
  try {
    db = new Database(file, withBinding({ readonly: true, fileMustExist: true }));
    const version = db.pragma('user_version', { simple: true }) as number;
    const count = (table: string) => db!.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
    const facts = {
      projectName: db.prepare('SELECT name FROM project WHERE id = 1').pluck().get() as string,
      schemaVersion: version,
      documents: count('documents'),
      codings: count('codings'),
    };
    const problem = version > SCHEMA_VERSION ? say('newer', { version, supported: SCHEMA_VERSION }) : null;
    return { ...base, ...facts, problem };
  } catch (error) {
    return { ...base, ...unknown, problem: say('unreadable', { reason: error instanceof Error ? error.message : String(error) }) };
  } finally {
    db?.close();
  }
}

/** Makes `partial` durable, then gives it its final name, durably. */
function settle(partial: string, final: string): void {
  syncFile(partial);
  fs.renameSync(partial, final);
  syncFolder(path.dirname(final));
}

/** Removes the oldest backups of `kind` beyond its limit, and what crashed backups left. Never fails the backup just made. */
function prune(folder: string, kind: BackupKind): void {
  const remove = (file: string) => { try { fs.rmSync(file, { force: true }); } catch { /* the next backup tries again */ } };
  for (const old of named(folder).filter((n) => n.kind === kind).slice(BACKUP_LIMITS[kind])) {
    for (const suffix of ['', ...SIDE_FILES]) remove(path.join(folder, `${old.id}${suffix}`));
  }
  let files: string[] = [];
  try { files = fs.readdirSync(folder); } catch { return; }
  const present = new Set(files);
  for (const file of files) {
    const full = path.join(folder, file);
    const orphan = SIDE_FILES.some((side) => file.endsWith(`${BACKUP_EXTENSION}${side}`) && !present.has(file.slice(0, -side.length)));
    const stale = /\.partial(-wal|-journal)?$/.test(file) && ageMs(full) > STALE_PARTIAL_MS;
    if (orphan || stale) remove(full);
  }
}

function ageMs(file: string): number {
  try { return Date.now() - fs.statSync(file).mtimeMs; } catch { return 0; }
}

/** A name after every backup made in the same second, so pruning one of them never frees a name for an older-looking newcomer. */
function freeName(folder: string, projectFile: string, kind: BackupKind, now: Date): string {
  const stem = path.basename(projectFile).replace(/\.tematik$/i, '');
  const stamp = now.toISOString().slice(0, 19).replaceAll(':', '-') + 'Z';
  let serial = 1;
  for (const file of fs.readdirSync(folder)) {
    const match = NAME.exec(file.replace(/\.partial$/, ''));
    if (match && match[2] === stamp) serial = Math.max(serial, Number(match[3] ?? 1) + 1);
  }
  return `${stem}.${stamp}${serial > 1 ? `-${serial}` : ''}.${kind}${BACKUP_EXTENSION}`;
}

/** `2026-12-06T21-47-20Z` → `2026-12-06T21:47:20.000Z`. */
function fromStamp(stamp: string): string {
  return new Date(`${stamp.slice(0, 10)}T${stamp.slice(11, 19).replaceAll('-', ':')}Z`).toISOString();
}

/** The calendar day in the machine's time zone: a researcher's day, not UTC's. */
export function localDay(date: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}`;
}

type FailureMessage = 'failedDaily' | 'failedMigration' | 'failedMerge' | 'failedManual';

/** Why a backup failed, in words a researcher can act on, and the error kind the UI and CLI branch on. */
export function failureReason(error: unknown): { kind: ErrorKind; reason: LocalizedText } {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_FULL') return { kind: 'disk_full', reason: say('full') };
  if (typeof code === 'string' && ['EACCES', 'EPERM', 'EROFS', 'ENOTDIR', 'EEXIST', 'SQLITE_CANTOPEN', 'SQLITE_READONLY', 'SQLITE_PERM'].includes(code)) {
    return { kind: 'permission', reason: say('denied') };
  }
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') return { kind: 'damaged', reason: say('damaged') };
  return { kind: 'internal', reason: untranslated(error instanceof Error ? error.message : String(error)) };
}

/** The failure sentence with its reason and remedy, each language with its own. */
function compose(message: FailureMessage, folder: string, reason: LocalizedText): LocalizedText {
  return say(message, { folder, reason, remedy: say('remedy') });
}
