import type Database from 'better-sqlite3';
import pg from 'pg';
import { TematikError } from '../../domain/errors';
import { say } from './messages';
import { ident } from './names';
import type { MirroredTable } from './mirror-schema';

/**
 * Rows between a project file and its PostgreSQL schema, value for value: 64-bit integers as
 * BigInt both ways (SQLite read with safeIntegers, PostgreSQL's int8 parsed as BigInt), reals as
 * doubles (sent as JavaScript's shortest exact digits, printed back by PostgreSQL in its shortest exact form), text, blobs and NULLs as they are.
 */

/** A value as SQLite stores it in a STRICT table. */
export type Value = bigint | number | string | Buffer | null;
/** A row: its rowid first, then the table's columns in order. */
export type Row = Value[];

/** PostgreSQL's int8 as BigInt; every other type as pg parses it (float8 → number, bytea → Buffer, text → string). */
const exactTypes: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === pg.types.builtins.INT8 ? (text: string) => BigInt(text) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/** Statements stay well under PostgreSQL's 65,535 parameters, and a batch of 1 MiB recording parts under 16 MiB. */
export const MAX_PARAMS = 20_000;
export const MAX_BATCH_BYTES = 16 * 1024 * 1024;

function sizeOf(value: Value): number {
  if (typeof value === 'string') return value.length * 3;
  if (value instanceof Buffer) return value.length;
  return 8;
}

export const rowBytes = (row: Row): number => row.reduce<number>((sum, value) => sum + sizeOf(value), 0);

const columnList = (table: MirroredTable) => ['_rowid', ...table.columns.map((c) => c.name)].map(ident).join(', ');

/**
 * An INSERT of `count` rows whose values are the parameters from `$first` on (a row's rowid, then its
 * columns); with `upsert`, a row whose rowid is there already is written in its place.
 */
export function insertStatement(schema: string, table: MirroredTable, count: number, first: number, upsert: boolean): string {
  const width = table.columns.length + 1;
  const tuples = Array.from({ length: count }, (_, r) => `(${Array.from({ length: width }, (__, c) => `$${first + r * width + c}`).join(', ')})`);
  const tail = upsert ? ` ON CONFLICT (_rowid) DO UPDATE SET ${table.columns.map((c) => `${ident(c.name)} = EXCLUDED.${ident(c.name)}`).join(', ')}` : '';
  return `INSERT INTO ${ident(schema)}.${ident(table.name)} (${columnList(table)}) VALUES ${tuples.join(', ')}${tail}`;
}

/** A DELETE of the rows whose rowids are the array parameter `$at`. */
export const deleteStatement = (schema: string, table: string, at: number): string => `DELETE FROM ${ident(schema)}.${ident(table)} WHERE _rowid = ANY($${at}::bigint[])`;

/** Writes rows (new, or in place of those with the same rowid when `upsert`) in as few statements as the limits allow. */
export async function writeRows(client: pg.ClientBase, schema: string, table: MirroredTable, rows: readonly Row[], upsert: boolean): Promise<void> {
  const width = table.columns.length + 1;
  let batch: Row[] = [];
  let bytes = 0;
  const send = async () => {
    if (batch.length === 0) return;
    await client.query(insertStatement(schema, table, batch.length, 1, upsert), batch.flat());
    batch = [];
    bytes = 0;
  };
  for (const row of rows) {
    refuseNul(table, row);
    const size = rowBytes(row);
    if (batch.length > 0 && ((batch.length + 1) * width > MAX_PARAMS || bytes + size > MAX_BATCH_BYTES)) await send();
    batch.push(row);
    bytes += size;
  }
  await send();
}

/** PostgreSQL's text cannot hold U+0000, which SQLite's can: such a value is refused by name rather than changed. */
export function refuseNul(table: MirroredTable, row: Row): void {
  row.forEach((value, i) => {
    if (i > 0 && typeof value === 'string' && value.includes('\u0000')) {
      throw new TematikError('bad_input', say('nul', { table: table.name, column: table.columns[i - 1]!.name, rowid: String(row[0]) }));
    }
  });
}

/** Deletes the rows with these rowids. */
export async function deleteRows(client: pg.ClientBase, schema: string, table: string, rowids: readonly bigint[]): Promise<void> {
  if (rowids.length === 0) return;
  await client.query(deleteStatement(schema, table, 1), [rowids.map(String)]);
}

/**
 * The table's rows after `after` (by rowid), as many as one batch holds: pages keep memory bounded
 * (a project may hold 500 MB of recordings) and no statement of the file stays open across an await.
 */
function pageFromSqlite(db: Database.Database, table: MirroredTable, after: bigint | null): Row[] {
  const columns = table.columns.map((c) => ident(c.name)).join(', ');
  const statement = db.prepare(`SELECT rowid, ${columns} FROM main.${ident(table.name)} ${after === null ? '' : 'WHERE rowid > ?'} ORDER BY rowid`)
    .safeIntegers(true).raw(true);
  const rows: Row[] = [];
  let bytes = 0;
  for (const row of (after === null ? statement.iterate() : statement.iterate(after)) as Iterable<Row>) {
    rows.push(row);
    bytes += rowBytes(row);
    // Breaking out of the loop ends the statement.
    if (bytes >= MAX_BATCH_BYTES || rows.length * (table.columns.length + 1) >= MAX_PARAMS) break;
  }
  return rows;
}

/** Copies every row of the mirrored tables from the open project file into its PostgreSQL schema (the caller's transaction). */
export async function copyToPostgres(db: Database.Database, client: pg.ClientBase, schema: string, tables: readonly MirroredTable[]): Promise<void> {
  for (const table of tables) {
    let after: bigint | null = null;
    for (;;) {
      const rows = pageFromSqlite(db, table, after);
      if (rows.length === 0) break;
      await writeRows(client, schema, table, rows, false);
      after = rows[rows.length - 1]![0] as bigint;
    }
  }
}

/** Copies every row of the mirrored tables from PostgreSQL into the file's (empty) tables, rowids kept (the caller's transaction on both). */
export async function copyFromPostgres(client: pg.ClientBase, schema: string, db: Database.Database, tables: readonly MirroredTable[]): Promise<void> {
  for (const table of tables) {
    const names = table.columns.map((c) => ident(c.name));
    const insert = db.prepare(`INSERT INTO main.${ident(table.name)} (rowid, ${names.join(', ')}) VALUES (${['?', ...names.map(() => '?')].join(', ')})`);
    const pageRows = table.columns.some((c) => c.type === 'BLOB') ? 8 : 2000;
    let after = -(2n ** 63n);
    for (;;) {
      const result = await client.query<Row>({
        text: `SELECT ${columnList(table)} FROM ${ident(schema)}.${ident(table.name)} WHERE _rowid > $1 ORDER BY _rowid LIMIT ${pageRows}`,
        values: [after.toString()],
        rowMode: 'array',
        types: exactTypes,
      });
      for (const row of result.rows) insert.run(...row);
      if (result.rows.length < pageRows) break;
      after = result.rows[result.rows.length - 1]![0] as bigint;
    }
  }
}

/** Rows of `table` with these rowids, as the open file has them now. */
export function rowsFromSqlite(db: Database.Database, table: MirroredTable, rowids: readonly bigint[]): Row[] {
  const columns = table.columns.map((c) => ident(c.name)).join(', ');
  const statement = db.prepare(`SELECT rowid, ${columns} FROM main.${ident(table.name)} WHERE rowid = ?`).safeIntegers(true).raw(true);
  const rows: Row[] = [];
  for (const rowid of rowids) {
    const row = statement.get(rowid) as Row | undefined;
    if (row) rows.push(row);
  }
  return rows;
}
