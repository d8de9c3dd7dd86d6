import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { TematikError } from '../domain/errors';
import { backupBeforeMigration } from './backup';
import { installHistoryTriggers } from './history';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations/index';

/** `PRAGMA application_id` of a Tematik project ("TMTK"), so other SQLite files are recognised as foreign. */
export const APPLICATION_ID = 0x544d544b;
export const PROJECT_EXTENSION = '.tematik';

/** About 40 MB of WAL at most between idle checkpoints. */
const WAL_AUTOCHECKPOINT_PAGES = 10_000;

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

export interface OpenOptions {
  /** Create a new project at `file`; refused when the file already exists. */
  readonly create?: boolean;
  /** Project name for a new project; defaults to the file name. */
  readonly name?: string;
  /**
   * Path of a better-sqlite3 binary built for another runtime. Electron passes the
   * one built against its own ABI, so Node's copy stays usable for tests and the CLI.
   */
  readonly nativeBinding?: string;
}

/** Opens (or creates) a project file, migrating it forward; refuses files it must not touch. */
export function openDatabase(file: string, options: OpenOptions = {}): Database.Database {
  const exists = fs.existsSync(file);
  if (options.create && exists) {
    throw new TematikError('conflict', `Cannot create ${file}: a file with that name already exists. Choose another name or open the existing project.`);
  }
  if (!options.create && !exists) {
    throw new TematikError('not_found', `No project file at ${file}. Check the path, or create a new project with "tematik init ${file}".`);
  }
  if (exists) assertSqliteFile(file);
  const db = new Database(file, { fileMustExist: !options.create, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
  try {
    checkIdentity(db, file);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // Checkpoints run when the user pauses (ProjectStore), not inside an action: an automatic one
    // every 1,000 pages made one coding in a hundred take several milliseconds. This is the safety bound.
    db.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`);
    migrate(db, file, options.name ?? path.basename(file, PROJECT_EXTENSION));
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function assertSqliteFile(file: string): void {
  const stat = fs.statSync(file);
  if (stat.isDirectory()) throw new TematikError('not_a_project', `${file} is a folder, not a Tematik project file (*.tematik).`);
  if (stat.size === 0) return; // an empty file becomes a new project, as SQLite itself treats it
  const header = Buffer.alloc(16);
  const fd = fs.openSync(file, 'r');
  try { fs.readSync(fd, header, 0, 16, 0); } finally { fs.closeSync(fd); }
  if (!header.equals(SQLITE_HEADER)) {
    throw new TematikError('not_a_project', `${file} is not a Tematik project: it is not an SQLite database. Open a *.tematik file, or import this file into a project instead.`);
  }
}

/** Reads only: a file we refuse here is left exactly as it was. */
function checkIdentity(db: Database.Database, file: string): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  const appId = db.pragma('application_id', { simple: true }) as number;
  const tables = db.prepare(`SELECT count(*) FROM sqlite_schema WHERE type = 'table'`).pluck().get() as number;
  if (appId !== APPLICATION_ID && (version !== 0 || tables > 0)) {
    throw new TematikError('not_a_project', `${file} is an SQLite database from another program, not a Tematik project. Open a *.tematik file instead.`);
  }
  if (version > SCHEMA_VERSION) {
    throw new TematikError('newer_version', `${file} was saved by a newer version of Tematik (project format ${version}; this version reads up to ${SCHEMA_VERSION}). Update Tematik to open it; the file has not been changed.`);
  }
}

/** Runs every pending migration in one transaction, after backing up a file that already holds data. */
function migrate(db: Database.Database, file: string, name: string): void {
  const from = db.pragma('user_version', { simple: true }) as number;
  const pending = MIGRATIONS.filter((m) => m.version > from);
  if (pending.length === 0) return;
  // Into the project's backup set; a copy that cannot be made does not stop the upgrade (the store tells the user).
  if (from > 0) backupBeforeMigration(db, file);
  db.transaction(() => {
    for (const migration of pending) {
      db.exec(migration.sql);
      migration.data?.(db);
    }
    if (from === 0) db.prepare(`INSERT INTO project (id, name, created_at, guid) VALUES (1, ?, ?, ?)`).run(name, new Date().toISOString(), randomUUID());
    installHistoryTriggers(db);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }).immediate();
}
