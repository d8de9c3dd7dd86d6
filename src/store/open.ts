import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { TematikError } from '../domain/errors';
import { defineMessages, type LocalizedText } from '../domain/text';
import type { IntegrityReport, ReadOnlyReason } from '../domain/types';
import { inBoth, lockedMessage, openedReadOnlyNotice, type MediaBlock } from './access-messages';
import { failureOf, isCorrupt } from './failures';
import { backupBeforeMigration } from './backup';
import { installHistoryTriggers } from './history';
import { megabytes, partsText, quickCheck } from './integrity';
import { lockHolder, ProjectLock, type LockApp, type LockHolder } from './lock';
import { MIGRATIONS, SCHEMA_VERSION, type Migration } from './migrations/index';
import { withBinding } from './native-binding';

/** `PRAGMA application_id` of a Tematik project ("TMTK"), so other SQLite files are recognised as foreign. */
export const APPLICATION_ID = 0x544d544b;
export const PROJECT_EXTENSION = '.tematik';

/** About 40 MB of WAL at most between idle checkpoints. */
const WAL_AUTOCHECKPOINT_PAGES = 10_000;

/**
 * How long SQLite itself waits for another connection's lock. It blocks the whole process while it
 * waits (the Electron main process, the browser-mode server), so it is short; dispatch retries a
 * busy action without blocking (src/api/busy.ts).
 */
export const BUSY_TIMEOUT_MS = 100;

/**
 * Below this much free space a project opens read-only. One import of a long transcript with its
 * search index takes about 1 MB in the WAL; with less than this, the next changes would fail one by one.
 */
export const MIN_FREE_BYTES = 4 * 1024 * 1024;

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

const say = defineMessages({
  en: {
    exists: 'Cannot create {file}: a file with that name already exists. Choose another name or open the existing project.',
    noFolder: 'Cannot create {file}: the folder {dir} does not exist. Create the folder first, or choose another one.',
    missing: 'No project file at {file}. Check the path, or create a new project with "tematik init {file}".',
    folder: '{file} is a folder, not a Tematik project file (*.tematik).',
    empty: '{file} is empty (0 bytes) or damaged: it is not a project, and Tematik has left it as it is. If it should hold your project, restore the last backup (Project › Restore from backup) or an earlier copy of the file; to start afresh, create a new project under another name.',
    emptyDatabase: '{file} is an empty database, not a project, and Tematik has left it as it is. If it should hold your project, restore the last backup (Project › Restore from backup) or an earlier copy of the file; to start afresh, create a new project under another name.',
    notSqlite: '{file} is not a Tematik project: it is not an SQLite database. Open a *.tematik file, or import this file into a project instead.',
    foreign: '{file} is an SQLite database from another program, not a Tematik project. Open a *.tematik file instead.',
    newer: '{file} was saved by a newer version of Tematik (project format {version}; this version reads up to {supported}). Update Tematik to open it; the file has not been changed.',
    damagedFound: '{name} is damaged: SQLite found {count} problem(s) in {parts}. It is open read-only so that nothing more is lost. Export what can still be read (Export…), or restore the last backup (Project › Restore from backup).',
    damagedOpen: '{name} is damaged: SQLite could not read all of it. It is open read-only so that nothing more is lost. Export what can still be read (Export…), or restore the last backup (Project › Restore from backup); Project › Check project file lists the damage.',
    tooDamaged: '{file} is too damaged to open ({detail}). Restore the last backup (Project › Restore from backup) or an earlier copy of the file.',
    needsUpdate: '{file} was saved by an older version of Tematik and must be updated to this version\'s format before it can be read, which means writing to it; here it can only be read. Open it once where it can be written (a folder of your own, with no other Tematik window using it), then try again.',
    migrateFull: '{file} must be updated to this version\'s format, which needs more space than the disk has left; the file has not been changed. Free some space, then open it again.',
    walUnread: 'The latest changes to {name}, still in {wal}, cannot be read here because nothing can be written beside the file: you see the project as it was last fully saved. Open it where it can be written to see them.',
    unchecked: '{name} is large ({size} MB), so it was not checked for damage while opening (that takes a few seconds). Check it now and then: Project › Check project file, or "tematik check".',
  },
  id: {
    exists: 'Tidak dapat membuat {file}: sudah ada berkas dengan nama itu. Pilih nama lain atau buka proyek yang sudah ada.',
    noFolder: 'Tidak dapat membuat {file}: folder {dir} tidak ada. Buat foldernya dahulu, atau pilih folder lain.',
    missing: 'Tidak ada berkas proyek di {file}. Periksa path-nya, atau buat proyek baru dengan "tematik init {file}".',
    folder: '{file} adalah folder, bukan berkas proyek Tematik (*.tematik).',
    empty: '{file} kosong (0 byte) atau rusak: berkas ini bukan proyek, dan Tematik membiarkannya apa adanya. Jika seharusnya berisi proyek Anda, pulihkan cadangan terakhir (Proyek › Pulihkan dari cadangan) atau salinan berkas yang lebih lama; untuk memulai dari awal, buat proyek baru dengan nama lain.',
    emptyDatabase: '{file} adalah basis data kosong, bukan proyek, dan Tematik membiarkannya apa adanya. Jika seharusnya berisi proyek Anda, pulihkan cadangan terakhir (Proyek › Pulihkan dari cadangan) atau salinan berkas yang lebih lama; untuk memulai dari awal, buat proyek baru dengan nama lain.',
    notSqlite: '{file} bukan proyek Tematik: berkas ini bukan basis data SQLite. Buka berkas *.tematik, atau impor berkas ini ke dalam proyek.',
    foreign: '{file} adalah basis data SQLite dari program lain, bukan proyek Tematik. Buka berkas *.tematik.',
    newer: '{file} disimpan oleh Tematik versi yang lebih baru (format proyek {version}; versi ini hanya dapat membaca sampai {supported}). Perbarui Tematik untuk membukanya; berkas tidak diubah.',
    damagedFound: '{name} rusak: SQLite menemukan {count} masalah pada {parts}. Proyek dibuka dalam mode hanya-baca agar tidak ada lagi yang hilang. Ekspor apa yang masih dapat dibaca (Ekspor…), atau pulihkan cadangan terakhir (Proyek › Pulihkan dari cadangan).',
    damagedOpen: '{name} rusak: SQLite tidak dapat membaca seluruhnya. Proyek dibuka dalam mode hanya-baca agar tidak ada lagi yang hilang. Ekspor apa yang masih dapat dibaca (Ekspor…), atau pulihkan cadangan terakhir (Proyek › Pulihkan dari cadangan); Proyek › Periksa berkas proyek menunjukkan kerusakannya.',
    tooDamaged: '{file} terlalu rusak untuk dibuka ({detail}). Pulihkan cadangan terakhir (Proyek › Pulihkan dari cadangan) atau salinan berkas yang lebih lama.',
    needsUpdate: '{file} disimpan oleh Tematik versi lama dan harus diperbarui ke format versi ini sebelum dapat dibaca, yang berarti menulis ke berkas itu; di sini berkas hanya dapat dibaca. Buka sekali di tempat yang dapat ditulisi (folder Anda sendiri, tanpa jendela Tematik lain yang memakainya), lalu coba lagi.',
    migrateFull: '{file} harus diperbarui ke format versi ini, dan itu membutuhkan ruang lebih banyak daripada sisa ruang di disk; berkas tidak diubah. Kosongkan sebagian ruang, lalu buka lagi.',
    walUnread: 'Perubahan terakhir pada {name}, yang masih ada di {wal}, tidak dapat dibaca di sini karena tidak ada yang dapat ditulis di samping berkas itu: Anda melihat proyek seperti saat terakhir tersimpan penuh. Buka di tempat yang dapat ditulisi untuk melihatnya.',
    unchecked: '{name} berukuran besar ({size} MB), sehingga tidak diperiksa kerusakannya saat dibuka (itu memakan beberapa detik). Sesekali periksalah: Proyek › Periksa berkas proyek, atau "tematik check".',
  },
});

export interface OpenOptions {
  /** Create a new project at `file`; refused when the file already exists. */
  readonly create?: boolean;
  /** Project name for a new project; defaults to the file name. */
  readonly name?: string;
  /** Open for reading only, as the user asked (to look, or because another window has it). */
  readonly readOnly?: boolean;
  /** Who takes the lock when the project is opened for writing, and in which kind of Tematik. */
  readonly owner?: { readonly coder: string; readonly app: LockApp };
}

/** An opened project file and what this opening may do with it. */
export interface OpenedProject {
  readonly db: Database.Database;
  /** Null when open for writing; otherwise why not. */
  readonly readOnly: ReadOnlyReason | null;
  /** What the user must be told about this opening (why read-only, what the check found). */
  readonly notices: LocalizedText[];
  /** The lock held while open for writing; null when read-only. Release it on close. */
  readonly lock: ProjectLock | null;
}

/** Why the project cannot be opened for writing here, found before trying. */
type Blocker = { readonly reason: 'read_only_media'; readonly media: MediaBlock } | { readonly reason: 'disk_full'; readonly freeBytes: number };

/**
 * Opens (or creates) a project. For writing when it can: the lock taken, checked, migrated forward.
 * Otherwise read-only with the reason and a notice: asked for, a read-only folder or medium, a full
 * disk, a damaged file. Refuses files it must not touch, and a project another Tematik is writing.
 */
export function openProject(file: string, options: OpenOptions = {}): OpenedProject {
  const hadWal = fs.existsSync(`${file}-wal`) || fs.existsSync(`${file}-shm`);
  try {
    return openOrRefuse(file, options);
  } catch (error) {
    // A refused file is left as it was: without the empty -wal and -shm SQLite made while looking at it.
    if (!hadWal && !options.create) removeEmptyWal(file);
    throw error;
  }
}

function removeEmptyWal(file: string): void {
  try {
    if (fs.statSync(`${file}-wal`).size > 0) return;
  } catch {
    // No -wal: only a -shm can be left.
  }
  for (const suffix of ['-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true });
}

function openOrRefuse(file: string, options: OpenOptions): OpenedProject {
  const owner = options.owner ?? { coder: 'researcher', app: 'cli' };
  if (options.create) return createProject(file, options, owner);
  assertProjectFile(file);
  let blocker: Blocker | null = options.readOnly ? null : writeBlocker(file);
  if (!options.readOnly && !blocker) {
    let taken: ProjectLock | LockHolder | null = null;
    try {
      taken = ProjectLock.acquire(file, owner);
    } catch (error) {
      blocker = blockerOf(error);
      if (!blocker) throw failureOf(error, file) ?? error;
    }
    if (taken && !(taken instanceof ProjectLock)) throw new TematikError('locked', lockedMessage(taken));
    if (taken) {
      const opened = openForWriting(file, options, taken);
      return opened === 'damaged' ? openForReading(file, options, 'damaged') : opened;
    }
  }
  if (blocker) return openForReading(file, options, blocker.reason, blocker);
  const holder = lockHolder(file);
  return openForReading(file, options, holder ? 'locked' : 'requested');
}

/**
 * Opens `file` for writing without the lock or the read-only fallbacks, creating and migrating it:
 * for a file this process owns alone (a test, a scratch copy).
 */
export function openDatabase(file: string, options: Pick<OpenOptions, 'create' | 'name'> = {}): Database.Database {
  if (options.create) createEmpty(file);
  else assertProjectFile(file);
  let db: Database.Database | null = null;
  try {
    db = connect(file, false);
    checkIdentity(db, file, options.create ?? false);
    configureWriter(db);
    migrate(db, file, options.name ?? path.basename(file, PROJECT_EXTENSION));
    return db;
  } catch (error) {
    db?.close();
    if (options.create) removeCreated(file);
    throw error;
  }
}

function createProject(file: string, options: OpenOptions, owner: { coder: string; app: LockApp }): OpenedProject {
  createEmpty(file);
  let lock: ProjectLock | null = null;
  let db: Database.Database | null = null;
  try {
    const taken = ProjectLock.acquire(file, owner);
    if (!(taken instanceof ProjectLock)) throw new TematikError('locked', lockedMessage(taken));
    lock = taken;
    db = connect(file, false);
    checkIdentity(db, file, true);
    configureWriter(db);
    migrate(db, file, options.name ?? path.basename(file, PROJECT_EXTENSION));
    return { db, readOnly: null, notices: [], lock };
  } catch (error) {
    db?.close();
    lock?.release();
    // Only what this call made: createEmpty refused to touch an existing file.
    removeCreated(file);
    throw failureOf(error, file) ?? error;
  }
}

/** Creates the file only if there is none: nothing is ever created over an existing file, even by a racing opener. */
function createEmpty(file: string): void {
  try {
    fs.closeSync(fs.openSync(file, 'wx'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new TematikError('conflict', say('exists', { file }));
    if (code === 'ENOENT') throw new TematikError('not_found', say('noFolder', { file, dir: path.dirname(file) }));
    throw failureOf(error, file) ?? error;
  }
}

function removeCreated(file: string): void {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true });
}

/** Refuses, before SQLite sees it, anything that is not a project file: nothing missing, empty or foreign is ever turned into a project. */
function assertProjectFile(file: string): void {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new TematikError('not_found', say('missing', { file }));
    throw failureOf(error, file) ?? error;
  }
  if (stat.isDirectory()) throw new TematikError('not_a_project', say('folder', { file }));
  if (stat.size === 0) throw new TematikError('damaged', say('empty', { file }));
  const header = Buffer.alloc(16);
  try {
    const fd = fs.openSync(file, 'r');
    try { fs.readSync(fd, header, 0, 16, 0); } finally { fs.closeSync(fd); }
  } catch (error) {
    throw failureOf(error, file) ?? error;
  }
  if (!header.equals(SQLITE_HEADER)) throw new TematikError('not_a_project', say('notSqlite', { file }));
}

/**
 * What stops writing here, found without writing: a read-only medium, folder or file (SQLite needs
 * the folder for its -wal and -shm files, and we need it for the lock), or a full disk.
 */
function writeBlocker(file: string): Blocker | null {
  const checks: [string, MediaBlock][] = [[path.dirname(file), 'folder'], [file, 'file']];
  for (const [target, media] of checks) {
    try {
      fs.accessSync(target, fs.constants.W_OK);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EROFS') return { reason: 'read_only_media', media: 'disk' };
      if (code === 'EACCES' || code === 'EPERM') return { reason: 'read_only_media', media };
    }
  }
  try {
    const disk = fs.statfsSync(path.dirname(file));
    const freeBytes = disk.bavail * disk.bsize;
    if (freeBytes < MIN_FREE_BYTES) return { reason: 'disk_full', freeBytes };
  } catch {
    // No statfs for this file system: a full disk is then found by the first write that fails.
  }
  return null;
}

/** A failure to write the lock file that means "read-only here" rather than an error. */
function blockerOf(error: unknown): Blocker | null {
  switch ((error as NodeJS.ErrnoException).code) {
    case 'EROFS': return { reason: 'read_only_media', media: 'disk' };
    case 'EACCES':
    case 'EPERM': return { reason: 'read_only_media', media: 'folder' };
    case 'ENOSPC':
    case 'EDQUOT': return { reason: 'disk_full', freeBytes: 0 };
    default: return null;
  }
}

/** The writer's connection: checked before anything is written, then migrated. 'damaged' hands over to a read-only opening. */
function openForWriting(file: string, options: OpenOptions, lock: ProjectLock): OpenedProject | 'damaged' {
  let db: Database.Database | null = null;
  try {
    db = connect(file, false);
    checkIdentity(db, file, false);
    const notices: LocalizedText[] = [];
    const check = quickCheck(db);
    if (check && !check.ok) {
      db.close();
      lock.release();
      return 'damaged';
    }
    if (!check) notices.push(say('unchecked', { name: path.basename(file), size: megabytes(fs.statSync(file).size) }));
    configureWriter(db);
    try {
      migrate(db, file, options.name ?? path.basename(file, PROJECT_EXTENSION));
    } catch (error) {
      if (error instanceof Database.SqliteError && error.code === 'SQLITE_FULL') throw new TematikError('disk_full', say('migrateFull', { file }));
      throw error;
    }
    return { db, readOnly: null, notices, lock };
  } catch (error) {
    db?.close();
    lock.release();
    if (isCorrupt(error)) return 'damaged';
    throw failureOf(error, file) ?? error;
  }
}

/** A read-only opening, for `reason`; a damaged file is read as far as it can be, with what the check found. */
function openForReading(file: string, options: OpenOptions, reason: ReadOnlyReason, blocker?: Blocker): OpenedProject {
  const { db, notices } = connectReadOnly(file);
  try {
    checkIdentity(db, file, false);
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version < SCHEMA_VERSION) throw new TematikError('read_only', say('needsUpdate', { file }));
    const check = quickCheck(db);
    if (check && !check.ok) {
      notices.unshift(damagedNotice(file, check));
      return { db, readOnly: 'damaged', notices, lock: null };
    }
    if (reason === 'damaged') {
      // The writer's connection could not read the file, or it is too large to check while opening.
      notices.unshift(say('damagedOpen', { name: path.basename(file) }));
    } else {
      const notice = openedReadOnlyNotice(reason, file, {
        holder: reason === 'locked' ? lockHolder(file) : null,
        ...(blocker?.reason === 'read_only_media' ? { media: blocker.media } : {}),
        ...(blocker?.reason === 'disk_full' ? { freeBytes: blocker.freeBytes } : {}),
      });
      if (notice) notices.unshift(notice);
    }
    if (!check && reason !== 'damaged') notices.push(say('unchecked', { name: path.basename(file), size: megabytes(fs.statSync(file).size) }));
    return { db, readOnly: reason, notices, lock: null };
  } catch (error) {
    db.close();
    if (isCorrupt(error)) throw new TematikError('damaged', say('tooDamaged', { file, detail: (error as Error).message }));
    throw failureOf(error, file) ?? error;
  }
}

/** The notice of a file opened read-only because the check found damage: what, where, and the way out. */
export function damagedNotice(file: string, report: IntegrityReport): LocalizedText {
  const parts = partsText(report.parts);
  return inBoth((l) => say('damagedFound', { name: path.basename(file), count: report.problems.length, parts: parts[l] })[l]);
}

function connect(file: string, readonly: boolean): Database.Database {
  const db = new Database(file, withBinding({ readonly, fileMustExist: true, timeout: BUSY_TIMEOUT_MS }));
  // The schema comes from the file: its triggers and views may use only functions SQLite deems harmless.
  db.pragma('trusted_schema = OFF');
  return db;
}

/**
 * A read-only connection that reads a damaged file as far as it goes: SQLite's writable_schema
 * (with better-sqlite3's defensive mode off, which would refuse it) reads a file shorter than its
 * header says, as a truncated copy is. Nothing can be written through a read-only connection either way.
 *
 * A WAL-mode file needs a -shm file beside it even to be read; where none can be made (a read-only
 * folder or medium, a full disk) the file is read into memory instead, which needs none. better-sqlite3
 * is built without URI file names, so SQLite's `immutable=1` is not available.
 */
function connectReadOnly(file: string): { db: Database.Database; notices: LocalizedText[] } {
  let db = connect(file, true);
  try {
    lenient(db);
    db.pragma('user_version', { simple: true });
    return { db, notices: [] };
  } catch (error) {
    db.close();
    const code = error instanceof Database.SqliteError ? error.code : '';
    if (!/^SQLITE_(CANTOPEN|IOERR|READONLY)/.test(code)) throw corruptToDamaged(error, file);
  }
  const image = fs.readFileSync(file);
  // Header bytes 18–19 say WAL (2); an in-memory database cannot use WAL, so the copy says rollback journal (1).
  image[18] = 1;
  image[19] = 1;
  db = new Database(image, withBinding({ readonly: true }));
  lenient(db);
  const notices: LocalizedText[] = [];
  const wal = `${file}-wal`;
  if (fs.existsSync(wal) && fs.statSync(wal).size > 0) notices.push(say('walUnread', { name: path.basename(file), wal: path.basename(wal) }));
  return { db, notices };
}

function lenient(db: Database.Database): void {
  db.unsafeMode(true);
  db.pragma('writable_schema = ON');
}

function corruptToDamaged(error: unknown, file: string): unknown {
  return isCorrupt(error) ? new TematikError('damaged', say('tooDamaged', { file, detail: (error as Error).message })) : error;
}

function configureWriter(db: Database.Database): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  // Checkpoints run when the user pauses (ProjectStore), not inside an action: an automatic one
  // every 1,000 pages made one coding in a hundred take several milliseconds. This is the safety bound.
  db.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`);
}

/** Reads only: a file we refuse here is left exactly as it was. */
function checkIdentity(db: Database.Database, file: string, creating: boolean): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  const appId = db.pragma('application_id', { simple: true }) as number;
  const tables = db.prepare(`SELECT count(*) FROM sqlite_schema WHERE type = 'table'`).pluck().get() as number;
  if (appId !== APPLICATION_ID && (version !== 0 || tables > 0)) throw new TematikError('not_a_project', say('foreign', { file }));
  if (version > SCHEMA_VERSION) throw new TematikError('newer_version', say('newer', { file, version: String(version), supported: String(SCHEMA_VERSION) }));
  // Only a new project starts from nothing: an empty database is never silently made into one.
  if (!creating && version === 0) throw new TematikError('damaged', say('emptyDatabase', { file }));
}

/**
 * Runs `pending` migrations in order, then installs the undo capture triggers for the schema they
 * leave; the caller holds the transaction. The reference schema of triggers.ts is built the same way.
 */
export function applyMigrations(db: Database.Database, pending: readonly Migration[]): void {
  for (const migration of pending) {
    db.exec(migration.sql);
    migration.data?.(db);
  }
  installHistoryTriggers(db);
}

/** Runs every pending migration in one transaction, after backing up a file that already holds data. */
function migrate(db: Database.Database, file: string, name: string): void {
  const from = db.pragma('user_version', { simple: true }) as number;
  const pending = MIGRATIONS.filter((m) => m.version > from);
  if (pending.length === 0) return;
  // Into the project's backup set; a copy that cannot be made does not stop the upgrade (the store tells the user).
  if (from > 0) backupBeforeMigration(db, file);
  db.transaction(() => {
    applyMigrations(db, pending);
    if (from === 0) db.prepare(`INSERT INTO project (id, name, created_at, guid) VALUES (1, ?, ?, ?)`).run(name, new Date().toISOString(), randomUUID());
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }).immediate();
}
