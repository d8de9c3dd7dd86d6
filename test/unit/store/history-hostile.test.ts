import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { localClient, type LocalClient } from '../../../src/api/client';
import { TematikError } from '../../../src/domain/errors';
import { checkHistoryOnOpen, historyIsSound } from '../../../src/store/history';
import { MIGRATIONS } from '../../../src/store/migrations/index';
import { APPLICATION_ID } from '../../../src/store/open';
import { addDocument } from '../../helpers/documents';
import { newProject, tempDir } from '../../helpers/temp-project';

const TEXT = 'Pewawancara: Bagaimana co-creation dijalankan?\nNarasumber: Kami polling di Instagram dulu, terus pelanggan ikut milih motif. Kolaborasinya bikin mereka merasa memiliki.';

const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** Rows of a table in a closed project file, read without writing to it. */
function rowsOf(file: string, sql: string): unknown[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(sql).all();
  } finally {
    db.close();
  }
}

/** Another project of the same researcher, which the attack aims at: it must come through untouched. */
async function otherProject(): Promise<{ file: string; assertUntouched: () => void }> {
  const client = await newProject('Rina');
  const doc = await addDocument(client, 'P-07', TEXT);
  await client.invoke('codings.apply', { documentId: doc, start: 60, end: 89, codeName: 'polling Instagram' });
  await client.invoke('codings.apply', { documentId: doc, start: 130, end: 160, codeName: 'rasa memiliki' });
  client.session.close();
  const before = sha(client.file);
  return {
    file: client.file,
    assertUntouched: () => {
      expect(fs.existsSync(`${client.file}-wal`)).toBe(false);
      expect(sha(client.file)).toBe(before);
      expect(rowsOf(client.file, 'SELECT quote FROM codings ORDER BY id')).toEqual([{ quote: TEXT.slice(60, 89) }, { quote: TEXT.slice(130, 160) }]);
    },
  };
}

/** Databases on the connection beside the project itself (SQLite's own temp schema aside): an ATTACH would show here. */
const attached = (db: Database.Database) => (db.prepare('PRAGMA database_list').all() as { name: string; file: string }[])
  .filter((d) => d.name !== 'main' && d.name !== 'temp').map((d) => d.file);

const attack = (victim: string) => `ATTACH '${victim.replace(/'/g, "''")}' AS v; DELETE FROM v.codings;`;

/** What every hostile project must come to: opened, history gone with a notice, undo with nothing to do, its own data kept. */
async function openAndPressUndo(file: string, expectedNotice: RegExp): Promise<LocalClient> {
  const client = localClient({ coder: 'Peneliti A' });
  const info = await client.invoke('project.open', { path: file });
  expect(info.notices.map((n) => n.en)).toEqual([expect.stringMatching(expectedNotice)]);
  expect(info.notices[0]!.id.length).toBeGreaterThan(20);
  expect(await client.invoke('history.state', {})).toEqual({ undo: null, redo: null, undoAction: null, redoAction: null });
  await expect(client.invoke('history.undo', {})).rejects.toMatchObject({ kind: 'nothing_to_undo' });
  await expect(client.invoke('history.redo', {})).rejects.toMatchObject({ kind: 'nothing_to_undo' });
  const { db } = client.session.store;
  // Nothing was attached, and the history is empty and as Tematik makes it again.
  expect(attached(db)).toEqual([]);
  expect(db.prepare('SELECT (SELECT count(*) FROM history_steps) + (SELECT count(*) FROM history_ops)').pluck().get()).toBe(0);
  expect(historyIsSound(db)).toBe(true);
  return client;
}

/** A project file as version 5 of Tematik wrote it, its history holding SQL text. */
function version5Project(historySql: string): string {
  const file = path.join(tempDir(), 'contoh-dari-rekan.tematik');
  const db = new Database(file);
  for (const migration of MIGRATIONS.slice(0, 5)) db.exec(migration.sql);
  db.prepare(`INSERT INTO project (id, name, created_at, guid) VALUES (1, 'Contoh', '2025-01-01', 'g')`).run();
  db.prepare(`INSERT INTO coders (id, name, created_at) VALUES (1, 'Peneliti A', '2025-01-01')`).run();
  db.prepare(`INSERT INTO documents (id, title, source_name, format, encoding, content_hash, text, word_count, imported_at)
    VALUES (1, 'P-01', 'P-01.txt', 'txt', 'utf-8', 'h', ?, 20, '2025-01-01')`).run(TEXT);
  db.prepare(`INSERT INTO codes (id, name, colour, created_at) VALUES (1, 'polling', '#4e79a7', '2025-01-01')`).run();
  db.prepare(`INSERT INTO codings (document_id, code_id, coder_id, start_offset, end_offset, quote, created_at) VALUES (1, 1, 1, 60, 89, ?, '2025-01-01')`).run(TEXT.slice(60, 89));
  db.prepare(`INSERT INTO history_steps (id, label, action) VALUES (1, 'Apply code "polling"', 'codings.apply')`).run();
  db.prepare('INSERT INTO history_ops (step_id, sql) VALUES (1, ?)').run(historySql);
  db.pragma(`application_id = ${APPLICATION_ID}`);
  db.pragma('user_version = 5');
  db.close();
  return file;
}

describe('a project whose history was written to attack', () => {
  it('from version 5: the SQL text is dropped by the migration, never run, and the user is told', async () => {
    const victim = await otherProject();
    const file = version5Project(attack(victim.file));
    const client = await openAndPressUndo(file, /Undo history from the earlier version of Tematik was cleared/);
    // The project's own data came through the migration.
    expect(await client.invoke('codes.list', {})).toMatchObject([{ name: 'polling', codingCount: 1 }]);
    client.session.close();
    victim.assertUntouched();
  });

  /** A version 6 project, with a real history, edited by hand with foreign keys and CHECKs off. */
  async function handEdited(edit: (db: Database.Database, step: number, victim: string) => void) {
    const victim = await otherProject();
    const author = await newProject('Peneliti A');
    const doc = await addDocument(author, 'P-01', TEXT);
    await author.invoke('codings.apply', { documentId: doc, start: 60, end: 89, codeName: 'polling Instagram' });
    await author.invoke('codings.apply', { documentId: doc, start: 130, end: 160, codeName: 'rasa memiliki' });
    author.session.close();
    const db = new Database(author.file);
    db.pragma('foreign_keys = OFF');
    db.pragma('ignore_check_constraints = ON');
    const step = db.prepare('SELECT max(id) FROM history_steps').pluck().get() as number;
    edit(db, step, victim.file);
    db.close();
    const data = () => rowsOf(author.file, 'SELECT * FROM codings ORDER BY id');
    return { file: author.file, victim, data, before: data() };
  }

  const insertOp = (db: Database.Database, op: { step: number; table: string; rowId: unknown; op: string; before?: unknown; after?: unknown }) =>
    db.prepare('INSERT INTO history_ops (step_id, table_name, row_id, op, before, after) VALUES (?, ?, ?, ?, ?, ?)')
      .run(op.step, op.table, op.rowId, op.op, op.before ?? null, op.after ?? null);
  const row = (values: Record<string, unknown>) => JSON.stringify({ id: 1, document_id: 1, code_id: 1, coder_id: 1, start_offset: 60, end_offset: 89, quote: 'x', created_at: 'x', ...values });

  const attacks: [string, (db: Database.Database, step: number, victim: string) => void][] = [
    ['the old SQL text where the values belong', (db, step, victim) => insertOp(db, { step, table: 'codings', rowId: 1, op: 'delete', before: attack(victim) })],
    ['a table name that is a statement', (db, step, victim) => insertOp(db, { step, table: `codings" WHERE 0; ${attack(victim)} --`, rowId: 1, op: 'delete', before: row({}) })],
    ['a table name with a DROP', (db, step) => insertOp(db, { step, table: 'codings; DROP TABLE codes', rowId: 1, op: 'insert', after: '{}' })],
    ['a table Tematik never undoes: sqlite_schema', (db, step) => insertOp(db, { step, table: 'sqlite_schema', rowId: 1, op: 'insert', after: '{}' })],
    ['a table Tematik never undoes: audit_log', (db, step) => insertOp(db, { step, table: 'audit_log', rowId: 1, op: 'insert', after: '{}' })],
    ['a column name with quotes', (db, step, victim) => insertOp(db, {
      step, table: 'codings', rowId: 1, op: 'update', after: row({}), before: JSON.stringify({ id: 1, [`quote" = 'x' WHERE 0; ${attack(victim)} --`]: 'x' }),
    })],
    ['a value that is a JSON object', (db, step, victim) => insertOp(db, { step, table: 'codings', rowId: 1, op: 'update', after: row({}), before: row({ quote: { sql: attack(victim) } }) })],
    ['a value that is a list', (db, step) => insertOp(db, { step, table: 'codings', rowId: 1, op: 'update', after: row({}), before: row({ quote: ['x'] }) })],
    ['a value that is true', (db, step) => insertOp(db, { step, table: 'codings', rowId: 1, op: 'update', after: row({}), before: row({ quote: true }) })],
    ['an integer beyond what a number holds exactly', (db, step) => insertOp(db, { step, table: 'codings', rowId: 1, op: 'update', after: row({}), before: row({}).replace('"start_offset":60', '"start_offset":9007199254740993') })],
    ['a value of the wrong type for its column', (db, step) => insertOp(db, { step, table: 'codings', rowId: 1, op: 'update', after: row({}), before: row({ start_offset: '60; DROP TABLE codes' }) })],
    ['nothing where a value is required', (db, step) => insertOp(db, { step, table: 'codings', rowId: 1, op: 'delete', before: row({ quote: null }) })],
    ['values that are a list, not an object', (db, step) => insertOp(db, { step, table: 'codings', rowId: 1, op: 'delete', before: '[1, 2]' })],
    ['values that are not JSON', (db, step) => insertOp(db, { step, table: 'codings', rowId: 1, op: 'delete', before: '{"id": 1,' })],
    ['a row id that disagrees with the id in the values', (db, step) => insertOp(db, { step, table: 'codings', rowId: 1, op: 'update', after: row({}), before: row({ id: 2 }) })],
    ['changes of a step that does not exist', (db) => insertOp(db, { step: 999, table: 'codings', rowId: 1, op: 'insert', after: row({}) })],
    ['a step of a coder the project does not know', (db) => {
      const step = Number(db.prepare(`INSERT INTO history_steps (coder_id, label, action) VALUES (999, 'x', 'codings.apply')`).run().lastInsertRowid);
      insertOp(db, { step, table: 'codings', rowId: 1, op: 'insert', after: row({}) });
    }],
    ['recording left switched on', (db, step) => db.prepare('UPDATE history_capture SET step_id = ?').run(step)],
    ['a row id that is text, in a history table rebuilt without STRICT', (db, step, victim) => {
      const ops = db.prepare('SELECT * FROM history_ops').all();
      db.exec('DROP TABLE history_ops');
      db.exec('CREATE TABLE history_ops (id INTEGER PRIMARY KEY, step_id INTEGER NOT NULL, table_name TEXT NOT NULL, row_id, op TEXT NOT NULL, before TEXT, after TEXT)');
      for (const op of ops) db.prepare('INSERT INTO history_ops VALUES (@id, @step_id, @table_name, @row_id, @op, @before, @after)').run(op);
      insertOp(db, { step, table: 'codings', rowId: `1; ${attack(victim)}`, op: 'insert', after: row({}) });
    }],
    ['no history tables at all', (db) => db.exec('DROP TABLE history_ops; DROP TABLE history_steps; DROP TABLE history_capture')],
  ];

  /** Edits that break a CHECK of the history tables: SQLite's own check on opening finds them first. */
  const breakingChecks: typeof attacks = [
    ['an unknown kind of change', (db, step, victim) => insertOp(db, { step, table: 'codings', rowId: 1, op: attack(victim), before: row({}) })],
    ['a step that says it is half undone', (db, step) => db.prepare('UPDATE history_steps SET undone = 7 WHERE id = ?').run(step)],
  ];

  it.each(breakingChecks)('version 6 edited by hand, %s: the file opens read-only as damaged, undo turned off, nothing run', async (_, edit) => {
    const project = await handEdited(edit);
    const client = localClient({ coder: 'Peneliti A' });
    const info = await client.invoke('project.open', { path: project.file });
    expect(info.readOnly).toBe('damaged');
    expect(info.notices.map((n) => n.en)).toEqual([expect.stringMatching(/is damaged/), expect.stringMatching(/cannot be cleared while the project is open read-only, so undo is turned off/)]);
    expect(await client.invoke('history.state', {})).toEqual({ undo: null, redo: null, undoAction: null, redoAction: null });
    await expect(client.invoke('history.undo', {})).rejects.toMatchObject({ kind: 'read_only' });
    expect(attached(client.session.store.db)).toEqual([]);
    client.session.close();
    expect(rowsOf(project.file, 'SELECT * FROM codings ORDER BY id')).toEqual(project.before);
    project.victim.assertUntouched();
  });

  it.each(attacks)('version 6 edited by hand, %s: history dropped with a notice, nothing run', async (_, edit) => {
    const project = await handEdited(edit);
    const client = await openAndPressUndo(project.file, /undo history was damaged or not made by Tematik and has been cleared; your data is unchanged/);
    const { db } = client.session.store;
    expect(db.prepare('SELECT * FROM codings ORDER BY id').all()).toEqual(project.before);
    expect(db.prepare(`SELECT count(*) FROM sqlite_schema WHERE name = 'history_wipe'`).pluck().get()).toBe(0);
    // Undo works again from the next change.
    await client.invoke('codes.create', { name: 'kolaborasi' });
    expect((await client.invoke('history.state', {})).undo).toBe('Create code "kolaborasi"');
    await client.invoke('history.undo', {});
    expect((await client.invoke('codes.list', {})).map((c) => c.name)).not.toContain('kolaborasi');
    client.session.close();
    expect(rowsOf(project.file, 'SELECT * FROM codings ORDER BY id')).toEqual(project.before);
    project.victim.assertUntouched();
  });

  it('version 6 edited by hand, a trigger on the history that deletes codings: the trigger is removed on opening, before anything writes, and undo goes on', async () => {
    const project = await handEdited((db) => db.exec('CREATE TRIGGER history_wipe AFTER INSERT ON history_ops BEGIN DELETE FROM codings; END'));
    const client = localClient({ coder: 'Peneliti A' });
    const info = await client.invoke('project.open', { path: project.file });
    expect(info.notices.map((n) => n.en)).toEqual([expect.stringMatching(/contained 1 database trigger\(s\) that Tematik did not make or that had been altered \(history_wipe\)/)]);
    const { db } = client.session.store;
    expect(db.prepare(`SELECT count(*) FROM sqlite_schema WHERE name = 'history_wipe'`).pluck().get()).toBe(0);
    await client.invoke('codes.create', { name: 'kolaborasi' });
    await client.invoke('history.undo', {});
    expect(db.prepare('SELECT * FROM codings ORDER BY id').all()).toEqual(project.before);
    client.session.close();
    project.victim.assertUntouched();
  });

  const writtenWhileOpen = ['the old SQL text where the values belong', 'a table name that is a statement', 'a table Tematik never undoes: sqlite_schema',
    'a column name with quotes', 'a value that is a JSON object', 'a row id that disagrees with the id in the values', 'a value of the wrong type for its column'];

  it.each(attacks.filter(([name]) => writtenWhileOpen.includes(name)))('written into the history while the project is open, %s: undo refuses that step and changes nothing', async (_, edit) => {
    const victim = await otherProject();
    const client = await newProject('Peneliti A');
    const doc = await addDocument(client, 'P-01', TEXT);
    await client.invoke('codings.apply', { documentId: doc, start: 60, end: 89, codeName: 'polling Instagram' });
    const { db } = client.session.store;
    const before = db.prepare('SELECT * FROM codings').all();
    const intruder = new Database(client.file);
    edit(intruder, intruder.prepare('SELECT max(id) FROM history_steps').pluck().get() as number, victim.file);
    intruder.close();

    const error = await client.invoke('history.undo', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TematikError);
    expect(error).toMatchObject({ kind: 'damaged', message: expect.stringMatching(/^Cannot undo "apply a code": its record in the undo history is damaged or was not made by Tematik. Nothing was changed/) });
    expect((error as TematikError).details).toEqual(['Apply code "polling Instagram"']);
    expect((error as TematikError).text?.id).toMatch(/Tidak dapat mengurungkan/);
    expect(db.prepare('SELECT * FROM codings').all()).toEqual(before);
    expect(attached(db)).toEqual([]);
    client.session.close();
    victim.assertUntouched();

    // The next opening finds the damage and clears it.
    const again = localClient({ coder: 'Peneliti A' });
    expect((await again.invoke('project.open', { path: client.file })).notices.map((n) => n.en)).toEqual([expect.stringMatching(/has been cleared/)]);
    again.session.close();
  });

  it('inconsistent though well formed: an insert of a row that is not there, a delete of one that is', async () => {
    const project = await handEdited((db, step) => {
      db.prepare('DELETE FROM history_ops WHERE step_id = ?').run(step);
      insertOp(db, { step, table: 'codings', rowId: 1, op: 'delete', before: row({}) });
    });
    // Sound on opening (every part checks out), so the contradiction is found when replayed: refused, nothing changed.
    const client = localClient({ coder: 'Peneliti A' });
    expect((await client.invoke('project.open', { path: project.file })).notices).toEqual([]);
    await expect(client.invoke('history.undo', {})).rejects.toMatchObject({ kind: 'conflict' });
    expect(client.session.store.db.prepare('SELECT * FROM codings ORDER BY id').all()).toEqual(project.before);
    client.session.close();
    project.victim.assertUntouched();
  });

  it('read-only: a damaged history cannot be cleared, so undo is turned off and the file is left as it is', async () => {
    const project = await handEdited((db, step) => insertOp(db, { step, table: 'sqlite_schema', rowId: 1, op: 'insert', after: '{}' }));
    const before = sha(project.file);
    const db = new Database(project.file, { readonly: true });
    const checked = checkHistoryOnOpen(db, false);
    expect(checked.undoAvailable).toBe(false);
    expect(checked.notice?.en).toMatch(/cannot be cleared while the project is open read-only, so undo is turned off/);
    expect(checked.notice?.id).toMatch(/urungkan dimatikan/);
    // A connection that may not write, told it may: the clearing fails, and undo is turned off all the same.
    expect(checkHistoryOnOpen(db, true).undoAvailable).toBe(false);
    db.close();
    expect(sha(project.file)).toBe(before);
  });
});
