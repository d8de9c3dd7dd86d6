import type Database from 'better-sqlite3';
import { paletteColour } from '../../domain/palette';
import { GUID_TABLES, newGuid } from '../row-guid';
import type { Migration } from './index';

/**
 * Every row that travels between copies gets a stable GUID (issue 13): two copies of one project
 * used to export the same REFI-QDA GUID for different rows (it was derived from the project GUID
 * and the integer id), and merging a coder's copy back has to match rows by something both copies
 * share. ALTER TABLE cannot add a NOT NULL column without a constant default, and rebuilding these
 * tables would cascade deletes through their foreign keys, so the column is nullable in the table
 * and the triggers below refuse a row without one (and any change of one).
 */
const guidSql = GUID_TABLES.map((table) => `
ALTER TABLE ${table} ADD COLUMN guid TEXT;
CREATE UNIQUE INDEX ${table}_guid ON ${table}(guid);
CREATE TRIGGER ${table}_guid_required BEFORE INSERT ON ${table} WHEN new.guid IS NULL
BEGIN SELECT RAISE(ABORT, '${table}.guid is required'); END;
CREATE TRIGGER ${table}_guid_kept BEFORE UPDATE OF guid ON ${table} WHEN old.guid IS NOT NULL AND new.guid IS NOT old.guid
BEGIN SELECT RAISE(ABORT, '${table}.guid never changes'); END;`).join('\n');

export const migration009: Migration = {
  version: 9,
  name: 'row guids',
  sql: `${guidSql}
-- A colour per coder, so views can show who coded what (filled in below, one palette colour each).
ALTER TABLE coders ADD COLUMN colour TEXT NOT NULL DEFAULT '#4e79a7';
`,
  data: (db: Database.Database) => {
    for (const table of GUID_TABLES) {
      const update = db.prepare(`UPDATE ${table} SET guid = ? WHERE rowid = ?`);
      for (const rowid of db.prepare(`SELECT rowid FROM ${table} WHERE guid IS NULL`).pluck().all() as number[]) update.run(newGuid(), rowid);
    }
    const colour = db.prepare('UPDATE coders SET colour = ? WHERE id = ?');
    (db.prepare('SELECT id FROM coders ORDER BY id').pluck().all() as number[]).forEach((id, n) => colour.run(paletteColour(n), id));
    giveDeletedRowsGuids(db);
  },
};

/**
 * A row that an undo step would bring back (its delete recorded before this version) gets its
 * GUID now, in the recorded row, so undo re-inserts it with one. Recorded updates need none:
 * undo sets only the columns a recorded row names, so it leaves the GUID alone.
 */
function giveDeletedRowsGuids(db: Database.Database): void {
  const tables = GUID_TABLES.map((t) => `'${t}'`).join(', ');
  const ops = db.prepare(`SELECT id, before FROM history_ops WHERE op = 'delete' AND table_name IN (${tables})
    AND json_valid(before) AND json_type(before, '$.guid') IS NULL`).all() as { id: number; before: string }[];
  const update = db.prepare(`UPDATE history_ops SET before = json_set(before, '$.guid', ?) WHERE id = ?`);
  for (const op of ops) update.run(newGuid(), op.id);
}
