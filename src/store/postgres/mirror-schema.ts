import Database from 'better-sqlite3';
import type pg from 'pg';
import { applyMigrations } from '../open';
import { MIGRATIONS } from '../migrations/index';
import { withBinding } from '../native-binding';
import { ident } from './names';

/**
 * The tables PostgreSQL keeps of a project: every table of the project file, column for column,
 * with the row's SQLite rowid kept as `_rowid`. Left out: SQLite's own tables (`sqlite_*`) and the
 * search index (every `search_*` table: the FTS5 tables, their shadow tables and the units they
 * index), which is derived from the data and made again whenever an image is built. PostgreSQL keeps
 * its own search index beside the mirror, `_search` (search-index.ts), which is not a mirrored table.
 */

/** The storage classes a STRICT table declares (ANY is not used by Tematik and is refused). */
export type ColumnType = 'INTEGER' | 'REAL' | 'TEXT' | 'BLOB';

export interface MirroredTable {
  readonly name: string;
  readonly columns: readonly { readonly name: string; readonly type: ColumnType }[];
}

/** A row of SQLite's `sqlite_schema`, kept in `_schema` so an image's schema can be checked against the one the rows were written with. */
export interface SchemaRow {
  readonly type: string;
  readonly name: string;
  readonly tbl_name: string;
  readonly sql: string | null;
}

const PG_TYPES: Readonly<Record<ColumnType, string>> = { INTEGER: 'bigint', REAL: 'double precision', TEXT: 'text', BLOB: 'bytea' };

/** Whether a table of the project file is kept in PostgreSQL. */
export function isMirrored(name: string): boolean {
  return !name.startsWith('sqlite_') && !name.startsWith('search_');
}

/**
 * The mirrored tables of an open project, by name. Every one must be a STRICT rowid table, so that
 * each value is of its column's declared type and the copy is exact; anything else is not a table
 * Tematik made, and is refused (the caller has already compared the schema with Tematik's own).
 */
export function mirroredTables(db: Database.Database): MirroredTable[] {
  const list = db.prepare(`SELECT name, type, wr, strict FROM pragma_table_list WHERE schema = 'main' ORDER BY name`).all() as
    { name: string; type: string; wr: number; strict: number }[];
  const tables: MirroredTable[] = [];
  for (const table of list) {
    if (table.type !== 'table' || !isMirrored(table.name)) continue;
    if (table.wr || !table.strict) throw new Error(`Table ${table.name} is not a STRICT rowid table: it cannot be kept in PostgreSQL as it is`);
    const columns = (db.prepare('SELECT name, type FROM pragma_table_info(?) ORDER BY cid').all(table.name) as { name: string; type: string }[])
      .map(({ name, type }) => {
        const declared = type.toUpperCase() === 'INT' ? 'INTEGER' : type.toUpperCase();
        if (!(declared in PG_TYPES)) throw new Error(`Column ${table.name}.${name} is of type ${type}, which cannot be kept in PostgreSQL exactly`);
        if (name === '_rowid') throw new Error(`Table ${table.name} has a column named _rowid`);
        return { name, type: declared as ColumnType };
      });
    tables.push({ name: table.name, columns });
  }
  return tables;
}

/** The file's schema rows, in SQLite's order. */
export function schemaRows(db: Database.Database): SchemaRow[] {
  return db.prepare('SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY rowid').all() as SchemaRow[];
}

interface Reference {
  readonly tables: readonly MirroredTable[];
  readonly rows: readonly SchemaRow[];
}

const references = new Map<number, Reference>();

/** The mirrored tables and schema rows of a new project of `version`, built once per process in memory. */
function reference(version: number): Reference {
  const known = references.get(version);
  if (known) return known;
  const db = new Database(':memory:', withBinding({}));
  try {
    db.transaction(() => applyMigrations(db, MIGRATIONS.filter((m) => m.version <= version)))();
    const made = { tables: mirroredTables(db), rows: schemaRows(db) };
    references.set(version, made);
    return made;
  } finally {
    db.close();
  }
}

/** The mirrored tables of a project of `version` as Tematik makes it. */
export function referenceTables(version: number): readonly MirroredTable[] {
  return reference(version).tables;
}

/** The schema rows of a project of `version` as Tematik makes it. */
export function referenceSchema(version: number): readonly SchemaRow[] {
  return reference(version).rows;
}

/** Whether two lists of tables are the same, column for column. */
export function sameTables(a: readonly MirroredTable[], b: readonly MirroredTable[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** What `_meta` holds: the project's format, and a counter of the changes written so an image knows whether it is current. */
export interface Meta {
  readonly userVersion: number;
  readonly applicationId: number;
  /** Goes up by one with every change written through. */
  readonly seq: bigint;
  /** Made anew whenever the whole project is written: an image of an earlier writing is never taken for current. */
  readonly generation: string;
}

/** Makes the project's schema in PostgreSQL: its tables, `_meta` and `_schema` (the caller's transaction; the schema must not exist). */
export async function createMirror(client: pg.ClientBase, schema: string, tables: readonly MirroredTable[], rows: readonly SchemaRow[], meta: Meta): Promise<void> {
  const s = ident(schema);
  await client.query(`CREATE SCHEMA ${s}`);
  for (const table of tables) {
    const columns = table.columns.map((c) => `${ident(c.name)} ${PG_TYPES[c.type]}`);
    await client.query(`CREATE TABLE ${s}.${ident(table.name)} (_rowid bigint PRIMARY KEY${columns.map((c) => `, ${c}`).join('')})`);
  }
  await client.query(`CREATE TABLE ${s}._meta (id integer PRIMARY KEY CHECK (id = 1), user_version integer NOT NULL, application_id bigint NOT NULL,
    seq bigint NOT NULL, generation text NOT NULL)`);
  await client.query(`INSERT INTO ${s}._meta VALUES (1, $1, $2, $3, $4)`, [meta.userVersion, meta.applicationId, meta.seq.toString(), meta.generation]);
  await client.query(`CREATE TABLE ${s}._schema (seq integer PRIMARY KEY, type text NOT NULL, name text NOT NULL, tbl_name text NOT NULL, sql text)`);
  for (const [i, row] of rows.entries()) {
    await client.query(`INSERT INTO ${s}._schema VALUES ($1, $2, $3, $4, $5)`, [i, row.type, row.name, row.tbl_name, row.sql]);
  }
}

/** The project's `_meta`, or null when there is no such project in the database. */
export async function readMeta(client: pg.ClientBase, schema: string): Promise<Meta | null> {
  const exists = await client.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema]);
  if (exists.rowCount === 0) return null;
  const { rows } = await client.query(`SELECT user_version, application_id::text, seq::text, generation FROM ${ident(schema)}._meta`);
  const row = rows[0] as { user_version: number; application_id: string; seq: string; generation: string } | undefined;
  if (!row) return null;
  return { userVersion: row.user_version, applicationId: Number(row.application_id), seq: BigInt(row.seq), generation: row.generation };
}

/** The mirrored tables as PostgreSQL has them, from the catalogue's columns (not `_meta`, `_schema`, or the search index `_search`). */
export async function storedTables(client: pg.ClientBase, schema: string): Promise<MirroredTable[]> {
  const { rows } = await client.query(`SELECT table_name, column_name, data_type FROM information_schema.columns
    WHERE table_schema = $1 AND table_name NOT IN ('_meta', '_schema', '_search') AND column_name <> '_rowid' ORDER BY table_name, ordinal_position`, [schema]);
  const byPg = Object.fromEntries(Object.entries(PG_TYPES).map(([k, v]) => [v, k])) as Record<string, ColumnType>;
  const tables = new Map<string, { name: string; type: ColumnType }[]>();
  for (const row of rows as { table_name: string; column_name: string; data_type: string }[]) {
    const type = byPg[row.data_type];
    if (!type) throw new Error(`Column ${schema}.${row.table_name}.${row.column_name} is of type ${row.data_type}, not one Tematik writes`);
    const columns = tables.get(row.table_name) ?? [];
    columns.push({ name: row.column_name, type });
    tables.set(row.table_name, columns);
  }
  return [...tables].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([name, columns]) => ({ name, columns }));
}
