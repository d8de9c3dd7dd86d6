import type Database from 'better-sqlite3';
import { defineMessages } from '../../domain/text';
import type { Migration } from './index';
import { noteOnOpening } from './opening-notes';

/**
 * The undo tables as this migration creates them, one statement per schema object. Opening a
 * project compares its history tables with these (src/store/history.ts), so a file whose tables
 * were made by hand is recognised; keep them as they are, and shape the tables anew in a later
 * migration if they must change.
 */
export const HISTORY_SCHEMA_V6 = {
  history_steps: `CREATE TABLE history_steps (
  id INTEGER PRIMARY KEY,
  coder_id INTEGER NOT NULL REFERENCES coders(id) ON DELETE CASCADE,
  label TEXT NOT NULL,
  action TEXT NOT NULL,
  undone INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1))
) STRICT`,
  history_ops: `CREATE TABLE history_ops (
  id INTEGER PRIMARY KEY,
  step_id INTEGER NOT NULL REFERENCES history_steps(id) ON DELETE CASCADE,
  table_name TEXT NOT NULL,
  row_id INTEGER NOT NULL,
  op TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
  before TEXT,
  after TEXT,
  CHECK ((before IS NULL) = (op = 'insert') AND (after IS NULL) = (op = 'delete'))
) STRICT`,
  history_ops_step: 'CREATE INDEX history_ops_step ON history_ops(step_id, id)',
  history_ops_row: 'CREATE INDEX history_ops_row ON history_ops(table_name, row_id)',
  history_capture: `CREATE TABLE history_capture (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  step_id INTEGER
) STRICT`,
} as const;

const say = defineMessages({
  en: { cleared: 'Undo history from the earlier version of Tematik was cleared: it was kept in a form that cannot be trusted. Your data is unchanged; undo works again from your next change.' },
  id: { cleared: 'Riwayat urungkan dari versi Tematik sebelumnya sudah dihapus karena disimpan dalam bentuk yang tidak bisa dipercaya. Data Anda tidak berubah; urungkan berfungsi lagi mulai perubahan Anda berikutnya.' },
});

/**
 * Undo steps become data (issue 10). Until now each recorded row change was SQL text that undo
 * ran as it was, so a project file could carry any statement, ATTACH another file included. Now
 * a change is its table, row id, kind and the row's values as JSON, and undo builds its own
 * statements from the schema. Each step also names its coder, so undo takes back only your own
 * changes. The old history cannot be checked, so it is dropped, and the user is told.
 */
export const migration006: Migration = {
  version: 6,
  name: 'undo history as data, per coder',
  // Everything is in `data`: it has to count the old steps before dropping them.
  sql: '',
  data: (db: Database.Database) => {
    const earlier = db.prepare('SELECT count(*) FROM history_steps').pluck().get() as number;
    db.exec('DROP TABLE history_ops; DROP TABLE history_steps; DROP TABLE history_capture;');
    for (const statement of Object.values(HISTORY_SCHEMA_V6)) db.exec(statement);
    db.prepare('INSERT INTO history_capture (id, step_id) VALUES (1, NULL)').run();
    if (earlier > 0) noteOnOpening(db, say('cleared'));
  },
};
