import fs from 'node:fs';
import Database from 'better-sqlite3';
import type pg from 'pg';
import { TematikError } from '../../domain/errors';
import { rebuildSearchIndex } from '../../search/indexer';
import { MIGRATIONS, SCHEMA_VERSION } from '../migrations/index';
import { withBinding } from '../native-binding';
import { applyMigrations } from '../open';
import { copyFromPostgres } from './copy-rows';
import { say } from './messages';
import { readMeta, referenceTables, sameTables, schemaRows, storedTables, type Meta, type SchemaRow } from './mirror-schema';
import { ident, schemaOf } from './names';

/**
 * A project file made from what PostgreSQL holds: the schema of its format made by Tematik's own
 * migrations (nothing read from the database is run as SQL), checked against the tables and the
 * `_schema` rows PostgreSQL has, then every row with its rowid, then the search index made from the
 * data. Read in one REPEATABLE READ transaction: one state of the project, whoever writes meanwhile.
 */
export async function buildImage(client: pg.ClientBase, projectId: number, file: string): Promise<Meta> {
  const schema = schemaOf(projectId);
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  try {
    const meta = await readMeta(client, schema);
    if (!meta) throw new TematikError('not_found', say('noProject', { id: projectId }));
    if (meta.userVersion > SCHEMA_VERSION) {
      throw new TematikError('newer_version', say('newer', { id: projectId, version: meta.userVersion, supported: SCHEMA_VERSION }));
    }
    const tables = referenceTables(meta.userVersion);
    const notAsMade = () => new TematikError('damaged', say('notAsMade', { id: projectId, version: meta.userVersion }));
    if (!sameTables(await storedTables(client, schema), tables)) throw notAsMade();
    const stored = (await client.query(`SELECT type, name, tbl_name, sql FROM ${ident(schema)}._schema ORDER BY seq`)).rows as SchemaRow[];
    removeImage(file);
    const db = new Database(file, withBinding({}));
    try {
      // Rows go in table by table, children before their parents as often as not; the keys are checked once all are in.
      db.pragma('foreign_keys = OFF');
      db.exec('BEGIN');
      applyMigrations(db, MIGRATIONS.filter((m) => m.version <= meta.userVersion));
      if (comparable(schemaRows(db)) !== comparable(stored)) throw notAsMade();
      // The rows go in as they were written: no trigger of the project may add to them or object.
      const triggers = db.prepare(`SELECT name, sql FROM sqlite_schema WHERE type = 'trigger'`).all() as { name: string; sql: string }[];
      for (const { name } of triggers) db.exec(`DROP TRIGGER ${ident(name)}`);
      for (const { name } of tables) db.exec(`DELETE FROM main.${ident(name)}`);
      await copyFromPostgres(client, schema, db, tables);
      if (db.prepare('SELECT 1 FROM pragma_foreign_key_check LIMIT 1').get()) throw notAsMade();
      for (const { sql } of triggers) db.exec(sql);
      db.pragma(`application_id = ${meta.applicationId}`);
      db.pragma(`user_version = ${meta.userVersion}`);
      db.exec('COMMIT');
      rebuildSearchIndex(db);
    } catch (error) {
      db.close();
      removeImage(file);
      throw error;
    }
    db.close();
    await client.query('COMMIT');
    return meta;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/**
 * A schema to compare: its tables, indexes and views by type and name, without SQLite's own
 * (autoindexes, statistics). Triggers are left out: an opening for writing makes them Tematik's
 * own for the format whatever the file had (src/store/triggers.ts), and older versions made them differently.
 */
export function comparable(rows: readonly SchemaRow[]): string {
  const own = rows.filter((r) => !r.name.startsWith('sqlite_') && r.type !== 'trigger').map((r) => [r.type, r.name, r.tbl_name, r.sql] as const);
  own.sort((a, b) => (a[0] + '\0' + a[1] < b[0] + '\0' + b[1] ? -1 : 1));
  return JSON.stringify(own);
}

/** Removes an image and what SQLite and the lock keep beside it. */
export function removeImage(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(`${file}${suffix}`, { force: true });
}
