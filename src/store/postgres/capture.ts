import type Database from 'better-sqlite3';
import type pg from 'pg';
import { deleteRows, deleteStatement, insertStatement, MAX_BATCH_BYTES, MAX_PARAMS, refuseNul, rowBytes, rowsFromSqlite, writeRows } from './copy-rows';
import type { MirroredTable } from './mirror-schema';
import { ident } from './names';
import { inTransactionOn } from './transaction';

/**
 * Which rows a change wrote, caught on the working image by TEMP triggers (they live with the
 * connection, not in the file: the project's own triggers stay exactly Tematik's). Each write of a
 * mirrored table records (table, rowid) in a TEMP table, in the same transaction as the write, so a
 * rolled-back change leaves nothing recorded. An update records the old rowid too: a changed
 * INTEGER PRIMARY KEY moves the row. Cascades fire the child tables' triggers, so they are caught.
 */

const CHANGED = 'temp._pg_changed';

/** Installs the TEMP table and triggers on the image's connection. */
export function startCapture(db: Database.Database, tables: readonly MirroredTable[]): void {
  db.exec(`CREATE TEMP TABLE IF NOT EXISTS _pg_changed (tbl TEXT NOT NULL, rid INTEGER NOT NULL, PRIMARY KEY (tbl, rid)) WITHOUT ROWID`);
  for (const { name } of tables) {
    const literal = `'${name.replace(/'/g, "''")}'`;
    // Not INSERT OR IGNORE: the statement that fires a trigger imposes its own conflict handling on the trigger's statements.
    const record = (rowid: string) => `INSERT INTO ${CHANGED} SELECT ${literal}, ${rowid} WHERE NOT EXISTS (SELECT 1 FROM ${CHANGED} WHERE tbl = ${literal} AND rid = ${rowid});`;
    const trigger = (kind: string) => ident(`_pg_capture_${name}_${kind}`);
    db.exec(`
CREATE TEMP TRIGGER ${trigger('insert')} AFTER INSERT ON main.${ident(name)} BEGIN ${record('new.rowid')} END;
CREATE TEMP TRIGGER ${trigger('update')} AFTER UPDATE ON main.${ident(name)} BEGIN ${record('old.rowid')} ${record('new.rowid')} END;
CREATE TEMP TRIGGER ${trigger('delete')} AFTER DELETE ON main.${ident(name)} BEGIN ${record('old.rowid')} END;`);
  }
}

/** Which rows committed changes wrote, table by table, by rowid. */
export interface Captured {
  readonly tables: readonly { readonly table: MirroredTable; readonly rowids: readonly bigint[] }[];
}

/**
 * Takes what was captured since the last call and empties the record, in one synchronous step.
 * Call only when no write transaction is open, and write the rows (writeChange) before the next
 * change may run: their values are read from the image as the rows are sent.
 */
export function takeCaptured(db: Database.Database, tables: readonly MirroredTable[]): Captured | null {
  const captured = db.prepare(`SELECT tbl, rid FROM ${CHANGED} ORDER BY tbl, rid`).safeIntegers(true).all() as { tbl: string; rid: bigint }[];
  if (captured.length === 0) return null;
  const byName = new Map(tables.map((t) => [t.name, t]));
  const rowids = new Map<string, bigint[]>();
  for (const { tbl, rid } of captured) {
    const list = rowids.get(tbl) ?? [];
    list.push(rid);
    rowids.set(tbl, list);
  }
  db.exec(`DELETE FROM ${CHANGED}`);
  return {
    tables: [...rowids].map(([name, ids]) => {
      const table = byName.get(name);
      if (!table) throw new Error(`Rows of ${name} were captured, which is not a mirrored table`);
      return { table, rowids: ids };
    }),
  };
}

/** Rows read from the image at a time: a change that embeds a 500 MB recording is sent 1 MiB part by part, never held whole. */
const rowsPerRead = (table: MirroredTable) => (table.columns.some((c) => c.type === 'BLOB') ? 8 : 1000);

/** Rows of a change sent in one statement at most: an apply, a rename or an undo writes a handful. */
const ONE_STATEMENT_ROWS = 200;

/**
 * Writes a change's captured rows into the project's schema and counts it in `_meta.seq`, in one
 * PostgreSQL transaction; returns the new seq. A small change (no blobs, a few hundred rows) is one
 * statement, its own transaction: each statement is a round trip, and an apply, which writes six
 * tables, spent most of its time on a dozen of them. Data-modifying WITH parts all run, on disjoint
 * rows: a table's gone rows are deleted, its present rows written.
 */
export async function writeChange(
  client: pg.ClientBase, schema: string, db: Database.Database, captured: Captured | null,
  /** More the change wrote, in the same transaction (a re-indexed transcript's search rows): then it is never one statement. */
  alsoWrite?: (client: pg.ClientBase) => Promise<void>,
): Promise<bigint> {
  const bump = `UPDATE ${ident(schema)}._meta SET seq = seq + 1 RETURNING seq::text AS seq`;
  const single = captured && !alsoWrite ? oneStatement(schema, db, captured, bump) : null;
  if (single) return BigInt((await client.query<{ seq: string }>(single.text, single.values)).rows[0]!.seq);
  return inTransactionOn(client, async () => {
    if (captured) await writeCaptured(client, schema, db, captured);
    await alsoWrite?.(client);
    return BigInt((await client.query<{ seq: string }>(bump)).rows[0]!.seq);
  });
}

/** The change as one statement ending in `last`, or null when it is too big for one (or holds blobs, sent part by part). */
function oneStatement(schema: string, db: Database.Database, captured: Captured, last: string): { text: string; values: unknown[] } | null {
  const count = captured.tables.reduce((sum, { rowids }) => sum + rowids.length, 0);
  if (count > ONE_STATEMENT_ROWS || captured.tables.some(({ table }) => table.columns.some((c) => c.type === 'BLOB'))) return null;
  const parts: string[] = [];
  const values: unknown[] = [];
  let bytes = 0;
  for (const { table, rowids } of captured.tables) {
    const rows = rowsFromSqlite(db, table, rowids);
    const present = new Set(rows.map((row) => row[0] as bigint));
    const gone = rowids.filter((id) => !present.has(id));
    if (gone.length > 0) {
      values.push(gone.map(String));
      parts.push(deleteStatement(schema, table.name, values.length));
    }
    if (rows.length > 0) {
      for (const row of rows) {
        refuseNul(table, row);
        bytes += rowBytes(row);
      }
      parts.push(insertStatement(schema, table, rows.length, values.length + 1, true));
      values.push(...rows.flat());
    }
  }
  if (values.length > MAX_PARAMS || bytes > MAX_BATCH_BYTES) return null;
  return { text: `WITH ${parts.map((part, i) => `w${i} AS (${part})`).join(', ')} ${last}`, values };
}

/** Writes the captured rows as the image has them now into the project's schema (the caller's transaction): gone rows deleted, the others written. */
async function writeCaptured(client: pg.ClientBase, schema: string, db: Database.Database, captured: Captured): Promise<void> {
  for (const { table, rowids } of captured.tables) {
    const step = rowsPerRead(table);
    for (let at = 0; at < rowids.length; at += step) {
      const ids = rowids.slice(at, at + step);
      const rows = rowsFromSqlite(db, table, ids);
      const present = new Set(rows.map((row) => row[0] as bigint));
      await deleteRows(client, schema, table.name, ids.filter((id) => !present.has(id)));
      await writeRows(client, schema, table, rows, true);
    }
  }
}
