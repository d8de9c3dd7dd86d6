import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { localClient, type LocalClient } from '../../src/api/client';
import type { Session } from '../../src/api/session';
import { imageStoreOf, postgresBackend } from '../../src/store/postgres/backend';
import { createEmpty, publishFile, takeCopy } from '../../src/store/postgres/publish';
import { projectIdOf, teamName } from '../../src/store/postgres/names';
import { dumpTables } from './table-dump';

/**
 * Which store the handler tests' projects live in: project files (the default), or a team server's
 * PostgreSQL when TEMATIK_TEST_STORE=postgres (test/vitest.postgres.config.mts). The cluster is the
 * run's one (test/postgres-global-setup.ts, its URL in TEMATIK_TEST_PG_URL); each test file gets a
 * database of its own, made at its first project and dropped after its last test
 * (test/helpers/test-store-setup.ts), so files stay independent.
 */
export const STORE_ENV = 'TEMATIK_TEST_STORE';
export const PG_URL_ENV = 'TEMATIK_TEST_PG_URL';

export const onPostgres = (): boolean => process.env[STORE_ENV] === 'postgres';

interface FileDatabase {
  readonly name: string;
  readonly pool: pg.Pool;
  nextId: number;
}

let database: Promise<FileDatabase> | null = null;
const sessions: Session[] = [];

function clusterUrl(): string {
  const url = process.env[PG_URL_ENV];
  if (!url) throw new Error(`${STORE_ENV}=postgres needs a cluster: run the tests with test/vitest.postgres.config.mts, which starts one and sets ${PG_URL_ENV}.`);
  return url;
}

/** `url` with another database in its path (the query keeps the socket folder). */
function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

async function admin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: clusterUrl() });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** This test file's database, made the first time it is wanted. */
function fileDatabase(): Promise<FileDatabase> {
  database ??= (async () => {
    const name = `test_${randomUUID().replaceAll('-', '')}`;
    await admin((client) => client.query(`CREATE DATABASE ${name}`));
    // Each open team project holds a connection (its lock) and tests leave projects open until the file ends:
    // room for all of a file's (PostgreSQL's 100 are shared by the run's workers).
    return { name, pool: new pg.Pool({ connectionString: withDatabase(clusterUrl(), name), max: 45 }), nextId: 1 };
  })();
  return database;
}

/**
 * Team project `projectId` opened by a client whose session runs on the PostgreSQL backend, as the server's runtime
 * does (src/team-server/runtime.ts); read-only, a snapshot built from PostgreSQL, taking no lock.
 */
async function openTeamProject(db: FileDatabase, projectId: number, coder: string, readOnly = false): Promise<LocalClient & { file: string; dir: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tematik-test-'));
  const client = localClient({ coder, backend: postgresBackend({ pool: db.pool, cacheDir: path.join(dir, 'cache') }) });
  sessions.push(client.session);
  // What tests read through `session.store` is the working image, where a team project's queries run.
  if (!readOnly) Object.defineProperty(client.session, 'store', { get: () => imageStoreOf(client.session.project) });
  const file = teamName(projectId);
  await client.session.open(file, { readOnly });
  return { ...client, file, dir };
}

/** A new, empty team project (`team:<id>`), as a team server creates one, opened as the server opens it. */
export async function newTeamProject(coder: string, name: string): Promise<LocalClient & { file: string; dir: string }> {
  const db = await fileDatabase();
  const projectId = db.nextId++;
  await createEmpty(db.pool, projectId, name);
  return openTeamProject(db, projectId, coder);
}

/** A project file published to the team server (`tematik team publish`), opened as the server opens it. */
export async function publishedTeamProject(file: string, coder: string): Promise<LocalClient & { file: string; dir: string }> {
  const db = await fileDatabase();
  const projectId = db.nextId++;
  await publishFile(db.pool, projectId, file);
  return openTeamProject(db, projectId, coder);
}

/**
 * Project `file`, closed by whoever had it, opened by `coder`: the next coder's turn at it, or with
 * `readOnly` an onlooker's look. A project file is opened by its path; a team project (`team:<id>`) as
 * the server opens an idle one, its working image built afresh from what PostgreSQL holds (a new cache
 * folder), so all that follows reads only what was written through.
 */
export async function openedAs(file: string, coder: string, { readOnly = false } = {}): Promise<LocalClient & { file: string }> {
  const projectId = projectIdOf(file);
  if (projectId !== null) return openTeamProject(await fileDatabase(), projectId, coder, readOnly);
  const client = localClient({ coder });
  await client.invoke('project.open', { path: file, ...(readOnly ? { readOnly } : {}) });
  return { ...client, file };
}

/** The project `client` has open, closed and opened again by `coder` (see openedAs). */
export async function reopenedAs(client: LocalClient, coder: string): Promise<LocalClient & { file: string }> {
  const { file } = client.session.project;
  await client.session.close();
  return openedAs(file, coder);
}

/**
 * The project as its store keeps it, as a file SQLite can read: the project file itself, or for a
 * team project (`team:<id>`) a copy taken from PostgreSQL now (takeCopy), so tests compare what PostgreSQL holds.
 */
export async function storedFile(file: string): Promise<string> {
  const projectId = projectIdOf(file);
  if (projectId === null) return file;
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tematik-stored-')), 'stored.tematik');
  await takeCopy((await fileDatabase()).pool, projectId, out);
  return out;
}

/** The undo history and audit trail of a project file, row by row (dumpTables leaves them out). */
function historyRows(file: string): Record<string, string> {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return Object.fromEntries(['history_steps', 'history_ops', 'audit_log']
      .map((table) => [table, JSON.stringify(db.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).raw().all())]));
  } finally {
    db.close();
  }
}

/**
 * After a test file, before its sessions close: every team project still open for writing holds in
 * PostgreSQL what its working image holds, history and audit trail included. The tests counted on the
 * image; this says those counts were written through.
 */
export async function expectWrittenThrough(): Promise<void> {
  for (const session of sessions) {
    if (!session.isOpen || session.project.readOnly !== null) continue;
    const image = imageStoreOf(session.project).file;
    const stored = await storedFile(session.project.file);
    const [held, kept] = [{ ...dumpTables(image), ...historyRows(image) }, { ...dumpTables(stored), ...historyRows(stored) }];
    const differ = Object.keys({ ...held, ...kept }).filter((table) => held[table] !== kept[table]);
    if (differ.length > 0) throw new Error(`${session.project.file}: PostgreSQL does not hold what the working image holds in ${differ.join(', ')}: a change was not written through.`);
  }
}

/** After a test file: its sessions closed, its pool ended, its database dropped. */
export async function dropFileDatabase(): Promise<void> {
  for (const session of sessions.splice(0)) session.close();
  if (!database) return;
  const { name, pool } = await database;
  database = null;
  await pool.end();
  await admin((client) => client.query(`DROP DATABASE ${name} WITH (FORCE)`));
}
