import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { listBackups } from '../../../src/store/backup';
import { historyIsSound } from '../../../src/store/history';
import { SCHEMA_VERSION } from '../../../src/store/migrations/index';
import { ProjectStore } from '../../../src/store/project-store';
import { projectAtVersion } from '../../helpers/old-format';

/** A project file as version 5 of Tematik left it: data, and an undo history of SQL text (`steps` of them). */
function version5Project(steps: number): string {
  return projectAtVersion(5, (db) => {
    db.prepare(`INSERT INTO coders (id, name, created_at) VALUES (1, 'Peneliti A', '2025-01-01'), (2, 'Rina', '2025-01-02')`).run();
    db.prepare(`INSERT INTO documents (id, title, source_name, format, encoding, content_hash, text, word_count, imported_at)
      VALUES (1, 'P-01', 'P-01.txt', 'txt', 'utf-8', 'h', 'Narasumber: Kami polling di Instagram dulu.', 6, '2025-01-01')`).run();
    db.prepare(`INSERT INTO codes (id, name, colour, created_at) VALUES (1, 'polling', '#4e79a7', '2025-01-01')`).run();
    db.prepare(`INSERT INTO codings (id, document_id, code_id, coder_id, start_offset, end_offset, quote, created_at)
      VALUES (1, 1, 1, 2, 17, 24, 'polling', '2025-01-02')`).run();
    db.prepare(`INSERT INTO themes (id, name, colour, created_at, updated_at) VALUES (1, 'Platform digital', '#59a14f', 'x', 'x')`).run();
    db.prepare('INSERT INTO theme_codes (theme_id, code_id) VALUES (1, 1)').run();
    // Version 5's capture, one of its triggers: it wrote SQL text.
    db.exec(`CREATE TRIGGER "history_codings_insert" AFTER INSERT ON "codings" WHEN (SELECT step_id FROM history_capture WHERE id = 1) IS NOT NULL BEGIN
    INSERT INTO history_ops (step_id, sql) VALUES ((SELECT step_id FROM history_capture WHERE id = 1), 'DELETE FROM "codings" WHERE rowid = ' || new.rowid);
  END`);
    for (let i = 1; i <= steps; i++) {
      db.prepare(`INSERT INTO history_steps (id, label, action) VALUES (?, 'Apply code "polling"', 'codings.apply')`).run(i);
      db.prepare('INSERT INTO history_ops (step_id, sql) VALUES (?, ?)').run(i, 'DELETE FROM "codings" WHERE rowid = 1');
    }
  });
}

describe('migration 6: undo history as data', () => {
  it('keeps every row, drops the SQL-text history, and says so once', () => {
    const file = version5Project(2);
    const store = ProjectStore.open(file, 'Peneliti A');
    const { db } = store;
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(store.info().notices.map((n) => n.en)).toEqual([expect.stringMatching(/^Undo history from the earlier version of Tematik was cleared/)]);
    expect(store.info().notices[0]!.id).toMatch(/^Riwayat urungkan dari versi Tematik sebelumnya sudah dihapus/);
    expect(db.prepare('SELECT id, code_id, coder_id, quote FROM codings').all()).toEqual([{ id: 1, code_id: 1, coder_id: 2, quote: 'polling' }]);
    expect(db.prepare('SELECT t.name, c.name AS code FROM theme_codes tc JOIN themes t ON t.id = tc.theme_id JOIN codes c ON c.id = tc.code_id').all())
      .toEqual([{ name: 'Platform digital', code: 'polling' }]);
    expect(db.prepare('SELECT name FROM coders ORDER BY id').pluck().all()).toEqual(['Peneliti A', 'Rina']);
    expect(db.prepare('SELECT count(*) FROM history_steps').pluck().get()).toBe(0);
    expect(db.prepare(`SELECT name FROM pragma_table_info('history_ops') ORDER BY cid`).pluck().all())
      .toEqual(['id', 'step_id', 'table_name', 'row_id', 'op', 'before', 'after']);
    expect(historyIsSound(db)).toBe(true);
    expect(store.history().undo).toBeNull();
    expect(db.prepare(`SELECT sql FROM sqlite_schema WHERE name = 'history_codings_insert'`).pluck().get()).toMatch(/'codings', new\.rowid, 'insert', NULL, json_object\('id', new\."id"/);

    // The new triggers record data: an edit is recorded as the row before and after, and undone.
    store.change({ action: 'codes.update', summary: 'Rename code "polling"', args: {} }, () => db.prepare(`UPDATE codes SET name = 'survei' WHERE id = 1`).run());
    const op = db.prepare('SELECT table_name, row_id, op, before, after FROM history_ops').get() as Record<string, string>;
    expect(op).toMatchObject({ table_name: 'codes', row_id: 1, op: 'update' });
    expect(JSON.parse(op['before']!)).toMatchObject({ id: 1, name: 'polling', colour: '#4e79a7' });
    expect(JSON.parse(op['after']!)).toMatchObject({ id: 1, name: 'survei' });
    store.undo();
    expect(db.prepare('SELECT name FROM codes').pluck().get()).toBe('polling');
    store.close();

    // The old history is kept only in the backup taken before migrating.
    const migrationBackup = listBackups(file).backups.find((b) => b.kind === 'migration')!;
    expect(migrationBackup.schemaVersion).toBe(5);
    const backup = new Database(migrationBackup.path, { readonly: true });
    expect(backup.prepare('SELECT count(*) FROM history_ops').pluck().get()).toBe(2);
    backup.close();
    const again = ProjectStore.open(file, 'Peneliti A');
    expect(again.info().notices).toEqual([]);
    again.close();
  });

  it('tells nothing when there was no history to clear', () => {
    const store = ProjectStore.open(version5Project(0), 'Peneliti A');
    expect(store.info().notices).toEqual([]);
    expect(store.db.prepare('SELECT count(*) FROM codings').pluck().get()).toBe(1);
    store.close();
  });
});
