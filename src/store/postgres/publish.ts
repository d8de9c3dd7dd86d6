import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type pg from 'pg';
import { TematikError } from '../../domain/errors';
import type { LocalizedText } from '../../domain/text';
import { rebuildSearchIndex, refreshSearchIndex } from '../../search/indexer';
import { integrityCheck } from '../integrity';
import { damagedNotice, openDatabase, openProject } from '../open';
import { ProjectStore } from '../project-store';
import { copyToPostgres } from './copy-rows';
import { buildImage, comparable, removeImage } from './image';
import { lockProject, unlockProject } from './lock';
import { say } from './messages';
import { inTransaction } from './transaction';
import { createMirror, mirroredTables, referenceSchema, referenceTables, sameTables, schemaRows, type Meta } from './mirror-schema';
import { ident, schemaOf } from './names';
import { writeSearchIndex } from './search-index';

/** What a published or new project is called: its GUID (the same in every copy) and its name. */
export interface PublishedProject {
  readonly guid: string;
  readonly name: string;
}

/** PostgreSQL's "schema already exists". */
const DUPLICATE_SCHEMA = '42P06';

/**
 * Writes the whole project from the open file into a new schema `project_<id>`: tables, `_meta`,
 * `_schema`, every row and the search index `_search` made from the file's (the caller's transaction). `seq` carries on the count of changes written;
 * the writing gets a new generation, so no image made before it is taken for current.
 */
export async function writeProject(client: pg.ClientBase, projectId: number, db: Database.Database, seq: bigint): Promise<Meta> {
  const meta: Meta = {
    userVersion: db.pragma('user_version', { simple: true }) as number,
    applicationId: db.pragma('application_id', { simple: true }) as number,
    seq,
    generation: randomUUID(),
  };
  const tables = mirroredTables(db);
  await createMirror(client, schemaOf(projectId), tables, schemaRows(db), meta);
  await copyToPostgres(db, client, schemaOf(projectId), tables);
  refreshSearchIndex(db);
  await writeSearchIndex(client, schemaOf(projectId), db);
  return meta;
}

/** Writes a checked project file as team project `projectId`, refused when the project exists. */
async function store(pool: pg.Pool, projectId: number, db: Database.Database): Promise<PublishedProject> {
  const project = db.prepare('SELECT guid, name FROM project WHERE id = 1').get() as PublishedProject;
  try {
    await inTransaction(pool, (client) => writeProject(client, projectId, db, 0n));
  } catch (error) {
    if ((error as { code?: string }).code === DUPLICATE_SCHEMA) throw new TematikError('conflict', say('exists', { id: projectId }));
    throw error;
  }
  return { guid: project.guid, name: project.name };
}

/** The same message naming `to` where it named `from` (the scratch copy that was opened in place of the user's file). */
function renamed(error: unknown, from: string, to: string): unknown {
  if (!(error instanceof TematikError)) return error;
  const swap = (text: string) => text.split(from).join(to);
  const text: LocalizedText = error.text ? { en: swap(error.text.en), id: swap(error.text.id) } : { en: swap(error.message), id: swap(error.message) };
  return new TematikError(error.kind, text, error.detailTexts ?? error.details);
}

/**
 * Publishes a `.tematik` file as team project `projectId`, in one transaction. The file is never
 * trusted and never changed: a scratch copy of it is opened with Tematik's own opening code (checked,
 * migrated to this version, its triggers made Tematik's, its undo history checked), checked in full,
 * and refused, with the usual messages naming the user's file, when it is damaged, foreign, newer,
 * or not as Tematik makes it. Nothing is left behind in PostgreSQL when it is refused.
 */
export async function publishFile(pool: pg.Pool, projectId: number, file: string): Promise<PublishedProject> {
  schemaOf(projectId);
  let isFile = false;
  try {
    isFile = fs.statSync(file).isFile();
  } catch {
    // Missing: the opening below says so as it always does.
  }
  // A missing file or a folder is refused by the opening with its usual message, before anything is read or written.
  if (!isFile) openProject(file, { readOnly: true }).db.close();

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tematik-publish-'));
  const copy = path.join(dir, path.basename(file));
  let opened: ProjectStore | null = null;
  try {
    fs.copyFileSync(file, copy);
    // Changes not yet checkpointed into the file are part of it.
    if (fs.existsSync(`${file}-wal`)) fs.copyFileSync(`${file}-wal`, `${copy}-wal`);
    opened = ProjectStore.open(copy, 'Tematik server', { app: 'server' });
    if (opened.readOnly === 'damaged') throw new TematikError('damaged', opened.notices[0] ?? say('damagedFile', { file, problem: 'damaged' }));
    if (opened.readOnly !== null) throw new TematikError('read_only', say('readOnlyFile', { file: copy, reason: opened.readOnly }));
    const { db } = opened;
    const report = integrityCheck(db);
    if (!report.ok) throw new TematikError('damaged', damagedNotice(copy, report));
    const version = db.pragma('user_version', { simple: true }) as number;
    // The schema first: with Tematik's own schema, every table is one mirroredTables can copy exactly.
    if (comparable(schemaRows(db)) !== comparable(referenceSchema(version)) || !sameTables(mirroredTables(db), referenceTables(version))) {
      throw new TematikError('not_a_project', say('notAsMadeFile', { file: copy }));
    }
    // The file's search index is not trusted either: PostgreSQL's is made from the one made here from the data.
    rebuildSearchIndex(db);
    // Everything committed is in the file itself before its rows are read.
    db.pragma('wal_checkpoint(TRUNCATE)');
    return await store(pool, projectId, db);
  } catch (error) {
    throw renamed(error, copy, file);
  } finally {
    opened?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** A new, empty team project named `name`, as `tematik init` would make it. */
export async function createEmpty(pool: pg.Pool, projectId: number, name: string): Promise<PublishedProject> {
  schemaOf(projectId);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tematik-new-'));
  const db = openDatabase(path.join(dir, 'new.tematik'), { create: true, name });
  try {
    return await store(pool, projectId, db);
  } finally {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The project as a `.tematik` file at `out`, rebuilt from PostgreSQL: every table, its undo history,
 * audit trail and embedded recordings, its format, and its search index made again. Refused when `out` exists.
 */
export async function takeCopy(pool: pg.Pool, projectId: number, out: string): Promise<void> {
  if (fs.existsSync(out)) throw new TematikError('conflict', say('outExists', { file: out }));
  const partial = `${out}.${randomUUID()}.partial`;
  const client = await pool.connect();
  try {
    await buildImage(client, projectId, partial);
    // A link is refused if a file appeared at `out` meanwhile: nothing is ever written over one.
    try {
      fs.linkSync(partial, out);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new TematikError('conflict', say('outExists', { file: out }));
      throw error;
    }
  } finally {
    client.release();
    removeImage(partial);
  }
}

/** Deletes team project `projectId` from the database; refused while a server process has it open. */
export async function dropProject(pool: pg.Pool, projectId: number): Promise<void> {
  const schema = schemaOf(projectId);
  const client = await lockProject(pool, projectId);
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${ident(schema)} CASCADE`);
  } finally {
    await unlockProject(client);
  }
}
