import type Database from 'better-sqlite3';
import type pg from 'pg';
import { deleteRows, rowsFromSqlite, writeRows, type Row } from './copy-rows';
import type { MirroredTable } from './mirror-schema';
import { ident } from './names';

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

/** What committed changes wrote, table by table: the rows as they are now, and the rowids that are gone. */
export interface Captured {
  readonly tables: readonly { readonly table: MirroredTable; readonly rows: readonly Row[]; readonly gone: readonly bigint[] }[];
}

/**
 * Takes what was captured since the last call: the rows are read now, and the record is emptied.
 * Synchronous, so no other statement of the connection lands between reading and emptying.
 * Call only when no write transaction is open (the committed state is what goes to PostgreSQL).
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
  const result: Captured['tables'][number][] = [];
  for (const [name, ids] of rowids) {
    const table = byName.get(name);
    if (!table) throw new Error(`Rows of ${name} were captured, which is not a mirrored table`);
    const rows = rowsFromSqlite(db, table, ids);
    const present = new Set(rows.map((row) => row[0] as bigint));
    result.push({ table, rows, gone: ids.filter((id) => !present.has(id)) });
  }
  db.exec(`DELETE FROM ${CHANGED}`);
  return { tables: result };
}

/** Writes what was captured into the project's schema, in the caller's transaction. */
export async function writeCaptured(client: pg.ClientBase, schema: string, captured: Captured): Promise<void> {
  for (const { table, rows, gone } of captured.tables) {
    await deleteRows(client, schema, table.name, gone);
    await writeRows(client, schema, table, rows, true);
  }
}
