import type Database from 'better-sqlite3';
import { actionPhrase } from '../domain/action-names';
import { TematikError, type ErrorKind } from '../domain/errors';
import { defineMessages, untranslated, type Language, type LocalizedText } from '../domain/text';
import { HISTORY_SCHEMA_V6 } from './migrations/006-undo-as-data';
import { forgetPrepared, prepared } from './prepared';
import { ident } from './sql-ident';

/**
 * Store-level undo/redo, after SQLite's "automatic undo/redo" technique, with the changes kept
 * as data: triggers on every undoable table record each row change (table, row id, kind, the
 * row's values before and after, as JSON) under the step the running action opened. Undoing a
 * step reverts its changes backwards with statements built here from the schema; the triggers
 * record what that did, which becomes the redo, and so on both ways.
 *
 * A project file arrives by e-mail and USB stick, so nothing read from its history is run or
 * spliced into SQL: a table must be one of UNDOABLE_TABLES, a column one that table has, a
 * value a bound parameter. Each step belongs to the coder who made it, and is undone only by
 * them, only while the rows it touched are as it left them.
 */

type Db = Database.Database;

/** Tables whose rows a user action changes; the audit log and coders are never undone. */
export const UNDOABLE_TABLES = [
  'project', 'informant_types', 'informants', 'attributes', 'informant_attributes',
  'documents', 'document_informants', 'turns', 'codes', 'codings', 'themes', 'theme_codes',
  'theme_links', 'memos', 'theme_positions', 'code_positions', 'comments', 'phase_checks', 'redactions',
  'merged_codings', 'deid_key', 'recordings',
] as const;
type UndoableTable = (typeof UNDOABLE_TABLES)[number];

/**
 * Tables whose rows are mostly inserted together with their parent in one action, with the
 * column naming the parent: undoing that action deletes the parent and the cascade removes
 * them, so their inserts need no record (an import of 1,000 transcripts writes ~130k turns),
 * nor do their updates in the step that inserted the parent (the import's speaker mapping).
 * A row inserted into a parent that stood before the step (editing splits a turn) is recorded.
 */
const INSERTED_WITH_PARENT: ReadonlyMap<string, { readonly parent: UndoableTable; readonly column: string }> =
  new Map([['turns', { parent: 'documents', column: 'document_id' }]]);

/**
 * Columns the after-state leaves out. The after-state only tells whether a row is still as a
 * step left it; with a transcript's text in it, an import's history would be as large as the
 * transcripts. Another coder's edit of a text is still seen: it is a step of theirs on that row.
 */
const NOT_IN_AFTER_STATE: Readonly<Partial<Record<UndoableTable, readonly string[]>>> = { documents: ['text'] };

/** How many actions stay undoable; older steps are forgotten. */
export const HISTORY_LIMIT = 200;

const say = defineMessages({
  en: {
    nothingToUndo: 'There is nothing to undo. Only your own changes to this project can be undone, the most recent first.',
    nothingToRedo: 'There is nothing to redo. Redo brings back what you undid, until you make another change.',
    undoOff: 'Undo is turned off for this project in this window: its undo history was damaged and could not be cleared, because the project is open read-only. Your data is unchanged.',
    undoChanged: 'Cannot undo "{what}": {coder} has changed the same {row} since. Undo is only possible for your own latest changes; nothing was changed.',
    redoChanged: 'Cannot redo "{what}": {coder} has changed the same {row} since. Redo is only possible while nobody else has changed what it touches; nothing was changed.',
    undoChangedUnknown: 'Cannot undo "{what}": the same {row} has been changed since by another action. Undo is only possible for your own latest changes; nothing was changed.',
    redoChangedUnknown: 'Cannot redo "{what}": the same {row} has been changed since by another action. Nothing was changed.',
    undoClash: 'Cannot undo "{what}": it clashes with what was changed since (something it needs was removed, or something else now has the same name). Nothing was changed.',
    redoClash: 'Cannot redo "{what}": it clashes with what was changed since (something it needs was removed, or something else now has the same name). Nothing was changed.',
    undoDamaged: 'Cannot undo "{what}": its record in the undo history is damaged or was not made by Tematik. Nothing was changed; close and reopen the project to clear the damaged history.',
    redoDamaged: 'Cannot redo "{what}": its record in the undo history is damaged or was not made by Tematik. Nothing was changed; close and reopen the project to clear the damaged history.',
    cleared: "This project's undo history was damaged or not made by Tematik and has been cleared; your data is unchanged.",
    turnedOff: "This project's undo history is damaged or was not made by Tematik. It cannot be cleared while the project is open read-only, so undo is turned off in this window; your data is unchanged.",
  },
  id: {
    nothingToUndo: 'Tidak ada yang bisa diurungkan. Hanya perubahan Anda sendiri pada proyek ini yang bisa diurungkan, mulai dari yang terakhir.',
    nothingToRedo: 'Tidak ada yang bisa diulangi. Ulangi mengembalikan apa yang Anda urungkan, sampai Anda membuat perubahan lain.',
    undoOff: 'Urungkan dimatikan untuk proyek ini di jendela ini: riwayat urungkannya rusak dan tidak bisa dihapus karena proyek dibuka hanya-baca. Data Anda tidak berubah.',
    undoChanged: 'Tidak dapat mengurungkan "{what}": {coder} telah mengubah {row} yang sama sejak itu. Hanya perubahan terakhir Anda sendiri yang bisa diurungkan; tidak ada yang diubah.',
    redoChanged: 'Tidak dapat mengulangi "{what}": {coder} telah mengubah {row} yang sama sejak itu. Ulangi hanya bisa selama belum ada orang lain yang mengubah bagian yang sama; tidak ada yang diubah.',
    undoChangedUnknown: 'Tidak dapat mengurungkan "{what}": {row} yang sama telah diubah sejak itu oleh tindakan lain. Hanya perubahan terakhir Anda sendiri yang bisa diurungkan; tidak ada yang diubah.',
    redoChangedUnknown: 'Tidak dapat mengulangi "{what}": {row} yang sama telah diubah sejak itu oleh tindakan lain. Tidak ada yang diubah.',
    undoClash: 'Tidak dapat mengurungkan "{what}": langkah ini bertentangan dengan perubahan sesudahnya (sesuatu yang dibutuhkannya sudah dihapus, atau ada yang lain kini bernama sama). Tidak ada yang diubah.',
    redoClash: 'Tidak dapat mengulangi "{what}": langkah ini bertentangan dengan perubahan sesudahnya (sesuatu yang dibutuhkannya sudah dihapus, atau ada yang lain kini bernama sama). Tidak ada yang diubah.',
    undoDamaged: 'Tidak dapat mengurungkan "{what}": catatannya di riwayat urungkan rusak atau tidak dibuat oleh Tematik. Tidak ada yang diubah; tutup lalu buka lagi proyek ini untuk menghapus riwayat yang rusak.',
    redoDamaged: 'Tidak dapat mengulangi "{what}": catatannya di riwayat urungkan rusak atau tidak dibuat oleh Tematik. Tidak ada yang diubah; tutup lalu buka lagi proyek ini untuk menghapus riwayat yang rusak.',
    cleared: 'Riwayat urungkan proyek ini rusak atau tidak dibuat oleh Tematik, jadi sudah dihapus; data Anda tidak berubah.',
    turnedOff: 'Riwayat urungkan proyek ini rusak atau tidak dibuat oleh Tematik. Riwayat itu tidak bisa dihapus selama proyek dibuka hanya-baca, jadi urungkan dimatikan di jendela ini; data Anda tidak berubah.',
  },
});

/** What a row of each table is called in a refusal ("has changed the same coding since"). */
const rowName = defineMessages({
  en: {
    project: 'project details', informant_types: 'informant type', informants: 'informant', attributes: 'attribute',
    informant_attributes: 'attribute value of an informant', documents: 'transcript', document_informants: 'link between a transcript and an informant',
    turns: 'speaker turn', codes: 'code', codings: 'coding', themes: 'theme', theme_codes: 'code in a theme', theme_links: 'link between themes',
    memos: 'memo', theme_positions: 'place of a theme on the map', code_positions: 'place of a code on the map', comments: 'comment',
    phase_checks: 'checklist item', redactions: 'name to hide', merged_codings: 'record of a merged coding',
    deid_key: 'entry of the de-identification key', recordings: 'linked recording',
  },
  id: {
    project: 'detail proyek', informant_types: 'jenis informan', informants: 'informan', attributes: 'atribut',
    informant_attributes: 'nilai atribut informan', documents: 'transkrip', document_informants: 'tautan transkrip ke informan',
    turns: 'giliran bicara', codes: 'kode', codings: 'pengodean', themes: 'tema', theme_codes: 'kode dalam tema', theme_links: 'tautan antartema',
    memos: 'memo', theme_positions: 'posisi tema di peta', code_positions: 'posisi kode di peta', comments: 'komentar',
    phase_checks: 'butir daftar periksa', redactions: 'nama yang disamarkan', merged_codings: 'catatan pengodean yang digabungkan',
    deid_key: 'entri kunci penyamaran identitas', recordings: 'rekaman yang ditautkan',
  },
});

export type Direction = 'undo' | 'redo';

/** One undo step: a user action, named by its summary and contract action. */
export interface Step {
  readonly id: number;
  readonly label: string;
  readonly action: string;
}

/** The refusal when undo is turned off for a store (see `damagedHistoryNotice`). */
export function undoTurnedOff(): TematikError {
  return new TematikError('nothing_to_undo', say('undoOff'));
}

/** The refusal when there is no step of this coder's to undo or redo. */
export function nothingTo(direction: Direction): TematikError {
  return new TematikError('nothing_to_undo', say(direction === 'undo' ? 'nothingToUndo' : 'nothingToRedo'));
}

/** A constraint the replayed step broke at commit (a parent removed since, a name taken since), as the user's refusal. */
export function clash(step: Step, direction: Direction): TematikError {
  return refusal('conflict', direction === 'undo' ? 'undoClash' : 'redoClash', step);
}

type MessageKey = Parameters<typeof say>[0];

/**
 * A refusal naming the step as the undo button does: the action's phrase in the user's
 * language ("apply a code"), its recorded summary as the detail.
 */
function refusal(kind: ErrorKind, key: MessageKey, step: Step, params: (language: Language) => Record<string, string> = () => ({})): TematikError {
  const text = (language: Language) => say(key, { what: actionPhrase(step.action, language) ?? step.label, ...params(language) })[language];
  return new TematikError(kind, { en: text('en'), id: text('id') }, [untranslated(step.label)]);
}

/** Literal quoting for names read from the schema (never from the history); identifiers by ident (src/store/sql-ident.ts). */
const literal = (text: string): string => `'${text.replace(/'/g, "''")}'`;

interface TableShape {
  readonly table: UndoableTable;
  /** Every column, in the table's order. */
  readonly columns: readonly string[];
  readonly known: ReadonlySet<string>;
  /** The INTEGER PRIMARY KEY column, which is the rowid itself; null for a table keyed otherwise. */
  readonly rowidColumn: string | null;
  /** What each column may hold, as its STRICT type and NOT NULL say. */
  readonly accepts: ReadonlyMap<string, (value: Scalar) => boolean>;
  /** The columns an after-state records. */
  readonly afterColumns: readonly string[];
}

function readShape(db: Db, table: UndoableTable): TableShape {
  const info = db.prepare('SELECT name, type, "notnull" AS required, pk FROM pragma_table_info(?) ORDER BY cid').all(table) as { name: string; type: string; required: number; pk: number }[];
  const keys = info.filter((c) => c.pk > 0);
  const columns = info.map((c) => c.name);
  const left = new Set(NOT_IN_AFTER_STATE[table] ?? []);
  return {
    table, columns, known: new Set(columns),
    rowidColumn: keys.length === 1 && keys[0]!.type.toUpperCase() === 'INTEGER' ? keys[0]!.name : null,
    afterColumns: columns.filter((c) => !left.has(c)),
    accepts: new Map(info.map((c) => [c.name, accepting(c.type, c.required === 1 && c.pk === 0)])),
  };
}

/** A value check for a column of declared `type`; other types than STRICT's are left to SQLite. */
function accepting(type: string, notNull: boolean): (value: Scalar) => boolean {
  const of = { INTEGER: (v: Scalar) => typeof v === 'number' && Number.isInteger(v), REAL: (v: Scalar) => typeof v === 'number', TEXT: (v: Scalar) => typeof v === 'string' }[type.toUpperCase()];
  return (value) => (value === null ? !notNull : of === undefined || of(value));
}

const shapeCache = new WeakMap<Db, ReadonlyMap<string, TableShape>>();

/** The undoable tables as this file's schema has them; the schema changes only by migrations, before any store reads it. */
function tableShapes(db: Db): ReadonlyMap<string, TableShape> {
  let shapes = shapeCache.get(db);
  if (!shapes) {
    shapes = new Map(UNDOABLE_TABLES.map((table) => [table, readShape(db, table)]));
    shapeCache.set(db, shapes);
  }
  return shapes;
}

const capturing = '(SELECT step_id FROM history_capture WHERE id = 1)';

/**
 * Drops and recreates the capture triggers from the current schema. Runs with the
 * migrations only, so a change to these triggers needs a new (possibly empty) migration.
 */
export function installHistoryTriggers(db: Db): void {
  const existing = db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'history\\_%' ESCAPE '\\'`).pluck().all() as string[];
  for (const name of existing) db.exec(`DROP TRIGGER ${ident(name)}`);
  const present = new Set(db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table'`).pluck().all() as string[]);
  // A file left at an older version (the migrations' tests build them) lacks the tables later ones add.
  for (const table of UNDOABLE_TABLES.filter((t) => present.has(t))) {
    const shape = readShape(db, table);
    const values = (row: 'old' | 'new', columns: readonly string[]) => `json_object(${columns.map((c) => `${literal(c)}, ${row}.${ident(c)}`).join(', ')})`;
    const record = (rowid: string, op: string, before: string, after: string) =>
      `INSERT INTO history_ops (step_id, table_name, row_id, op, before, after) VALUES (${capturing}, ${literal(table)}, ${rowid}, '${op}', ${before}, ${after});`;
    const parent = INSERTED_WITH_PARENT.get(table);
    // A row inserted into a parent that already stood before this step (a turn split in two) is recorded; one inserted
    // with its parent is not, nor one put back by a redo before its parent (the parent is not there yet).
    const parentStood = parent ? ` AND EXISTS (SELECT 1 FROM ${ident(parent.parent)} WHERE rowid = new.${ident(parent.column)})
    AND NOT EXISTS (SELECT 1 FROM history_ops WHERE table_name = ${literal(parent.parent)} AND row_id = new.${ident(parent.column)}
    AND op = 'insert' AND step_id = ${capturing})` : '';
    db.exec(`CREATE TRIGGER ${ident(`history_${table}_insert`)} AFTER INSERT ON ${ident(table)} WHEN ${capturing} IS NOT NULL${parentStood} BEGIN
  ${record('new.rowid', 'insert', 'NULL', values('new', shape.afterColumns))}
END;`);
    const parentNew = parent ? ` AND NOT EXISTS (SELECT 1 FROM history_ops WHERE table_name = ${literal(parent.parent)} AND row_id = old.${ident(parent.column)}
    AND op = 'insert' AND step_id = ${capturing})` : '';
    db.exec(`CREATE TRIGGER ${ident(`history_${table}_update`)} AFTER UPDATE ON ${ident(table)} WHEN ${capturing} IS NOT NULL${parentNew} BEGIN
  ${record('old.rowid', 'update', values('old', shape.columns), values('new', shape.afterColumns))}
END;
CREATE TRIGGER ${ident(`history_${table}_delete`)} BEFORE DELETE ON ${ident(table)} WHEN ${capturing} IS NOT NULL BEGIN
  ${record('old.rowid', 'delete', values('old', shape.columns), 'NULL')}
END;`);
  }
}

/** Opens a new undo step of `coderId` for an action about to run; clears that coder's redo. Call inside the action's transaction. */
export function beginStep(db: Db, label: string, action: string, coderId: number): void {
  prepared(db, 'DELETE FROM history_steps WHERE undone = 1 AND coder_id = ?').run(coderId);
  const id = Number(prepared(db, 'INSERT INTO history_steps (coder_id, label, action) VALUES (?, ?, ?)').run(coderId, label, action).lastInsertRowid);
  prepared(db, 'DELETE FROM history_steps WHERE id <= ?').run(id - HISTORY_LIMIT);
  prepared(db, 'UPDATE history_capture SET step_id = ? WHERE id = 1').run(id);
}

/** Stops capturing; an action that changed nothing leaves no step behind. `label`: the step's label, if it changed as the action ran. */
export function endStep(db: Db, label?: string): void {
  const step = prepared(db, 'SELECT step_id FROM history_capture WHERE id = 1').pluck().get() as number | null;
  prepared(db, 'UPDATE history_capture SET step_id = NULL WHERE id = 1').run();
  if (step !== null && label !== undefined) prepared(db, 'UPDATE history_steps SET label = ? WHERE id = ?').run(label, step);
  if (step !== null) prepared(db, 'DELETE FROM history_steps WHERE id = ? AND NOT EXISTS (SELECT 1 FROM history_ops WHERE step_id = ?)').run(step, step);
}

/** The step of `coderId` that undo (or redo) would replay, if any: nobody undoes another coder's work. */
export function peek(db: Db, direction: Direction, coderId: number): Step | undefined {
  const sql = direction === 'undo'
    ? 'SELECT id, label, action FROM history_steps WHERE coder_id = ? AND undone = 0 ORDER BY id DESC LIMIT 1'
    : 'SELECT id, label, action FROM history_steps WHERE coder_id = ? AND undone = 1 ORDER BY id ASC LIMIT 1';
  return prepared(db, sql).get(coderId) as Step | undefined;
}

type OpKind = 'insert' | 'update' | 'delete';
type Scalar = string | number | null;
type Row = Readonly<Record<string, Scalar>>;

/** A recorded row change that passed every check against the schema. */
interface Op {
  readonly id: number;
  readonly shape: TableShape;
  readonly rowId: number;
  readonly kind: OpKind;
  /** All columns before the change; null for an insert. */
  readonly before: Row | null;
  /** The after-state (`afterColumns`); null for a delete. */
  readonly after: Row | null;
}

interface StoredOp {
  readonly id: unknown;
  readonly table_name: unknown;
  readonly row_id: unknown;
  readonly row_type: unknown;
  readonly op: unknown;
  readonly before: unknown;
  readonly after: unknown;
}

const SELECT_OPS = 'SELECT id, table_name, row_id, typeof(row_id) AS row_type, op, before, after FROM history_ops';

/** The op if everything in it is what Tematik writes; undefined otherwise. */
function parseOp(stored: StoredOp, shapes: ReadonlyMap<string, TableShape>): Op | undefined {
  const { id, row_id: rowId, op: kind } = stored;
  if (typeof id !== 'number' || !Number.isSafeInteger(id)) return undefined;
  const shape = typeof stored.table_name === 'string' ? shapes.get(stored.table_name) : undefined;
  if (!shape) return undefined;
  if (stored.row_type !== 'integer' || typeof rowId !== 'number' || !Number.isSafeInteger(rowId)) return undefined;
  if (kind !== 'insert' && kind !== 'update' && kind !== 'delete') return undefined;
  const before = kind === 'insert' ? (stored.before === null ? null : undefined) : parseRow(stored.before, shape, rowId);
  const after = kind === 'delete' ? (stored.after === null ? null : undefined) : parseRow(stored.after, shape, rowId);
  if (before === undefined || after === undefined) return undefined;
  return { id, shape, rowId, kind, before, after };
}

/** A JSON object of SQLite scalars whose keys are columns of the table; undefined otherwise. */
function parseRow(text: unknown, shape: TableShape, rowId: number): Row | undefined {
  if (typeof text !== 'string') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  for (const [key, v] of Object.entries(value)) {
    if (!shape.known.has(key)) return undefined;
    const scalar = v === null || typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v) && (!Number.isInteger(v) || Number.isSafeInteger(v)));
    if (!scalar || !shape.accepts.get(key)!(v as Scalar)) return undefined;
  }
  const row = value as Row;
  // The rowid and its alias column are one value: a row that says otherwise would move under undo.
  if (shape.rowidColumn !== null && Object.hasOwn(row, shape.rowidColumn) && row[shape.rowidColumn] !== rowId) return undefined;
  return row;
}

/** The schema's columns present in `row`, in the table's order: SQL is built from these names only. */
const columnsOf = (shape: TableShape, row: Row): string[] => shape.columns.filter((c) => Object.hasOwn(row, c));

const rowKey = (table: string, rowId: number): string => `${table}\u0000${rowId}`;

/**
 * Reverts a step of `coderId`'s inside the caller's transaction, backwards, and records what
 * that did under the same step (the way back). Refuses, changing nothing, when a row the step
 * touched is no longer as it left it, or when reverting would reach rows someone changed since.
 * Foreign keys are checked at commit, because a cascade is recorded parent first and so
 * replays child first; the caller turns a failure there into `clash`.
 */
export function replay(db: Db, step: Step, direction: Direction, coderId: number): void {
  const shapes = tableShapes(db);
  const ops: Op[] = [];
  for (const stored of prepared(db, `${SELECT_OPS} WHERE step_id = ? ORDER BY id`).all(step.id) as StoredOp[]) {
    const op = parseOp(stored, shapes);
    if (!op) throw damaged(step, direction);
    ops.push(op);
  }
  // Op ids grow with time, so every change recorded after this step's own is above `since`.
  const since = ops.length > 0 ? ops[ops.length - 1]!.id : 0;
  assertAsLeft(db, step, direction, ops, since, coderId);

  db.pragma('defer_foreign_keys = ON');
  prepared(db, 'DELETE FROM history_ops WHERE step_id = ?').run(step.id);
  prepared(db, 'UPDATE history_capture SET step_id = ? WHERE id = 1').run(step.id);
  for (let i = ops.length - 1; i >= 0; i--) revert(db, ops[i]!, step, direction);
  prepared(db, 'UPDATE history_capture SET step_id = NULL WHERE id = 1').run();

  assertNoOneElseReached(db, step, direction, new Set(ops.map((op) => rowKey(op.shape.table, op.rowId))), since, coderId);
  prepared(db, 'UPDATE history_steps SET undone = ? WHERE id = ?').run(direction === 'undo' ? 1 : 0, step.id);
}

/** Every row the step touched still has the values its last change there left (or is still gone). */
function assertAsLeft(db: Db, step: Step, direction: Direction, ops: readonly Op[], since: number, coderId: number): void {
  const last = new Map<string, Op>();
  for (const op of ops) last.set(rowKey(op.shape.table, op.rowId), op);
  for (const op of last.values()) {
    const current = afterState(db, op.shape, op.rowId);
    const expected = op.after;
    const same = expected === null
      ? current === undefined
      : current !== undefined && Object.entries(expected).every(([column, value]) => current[column] === value);
    if (!same) throw changedSince(db, step, direction, op.shape.table, op.rowId, since, coderId);
  }
}

/** The row's after-state as the triggers would record it now, read through the same JSON so numbers compare exactly. */
function afterState(db: Db, shape: TableShape, rowId: number): Row | undefined {
  const columns = shape.afterColumns.map((c) => `${literal(c)}, ${ident(c)}`).join(', ');
  const json = prepared(db, `SELECT json_object(${columns}) FROM ${ident(shape.table)} WHERE rowid = ?`).pluck().get(rowId) as string | undefined;
  return json === undefined ? undefined : (JSON.parse(json) as Row);
}

/** Applies the inverse of one recorded change, with statements built from the schema and every value bound. */
function revert(db: Db, op: Op, step: Step, direction: Direction): void {
  const table = ident(op.shape.table);
  if (op.kind === 'insert') {
    const gone = prepared(db, `DELETE FROM ${table} WHERE rowid = ?`).run(op.rowId).changes === 0;
    if (gone && !removedByThisReplay(db, step, op)) throw damaged(step, direction);
  } else if (op.kind === 'update') {
    const before = op.before!;
    const current = prepared(db, `SELECT * FROM ${table} WHERE rowid = ?`).get(op.rowId) as Record<string, Scalar> | undefined;
    if (current === undefined) {
      if (!removedByThisReplay(db, step, op)) throw damaged(step, direction);
      return;
    }
    // Only what differs is set: a trigger "AFTER UPDATE OF text" (the search index) then fires only when the text changes.
    const changed = columnsOf(op.shape, before).filter((c) => current[c] !== before[c]);
    if (changed.length === 0) return;
    prepared(db, `UPDATE ${table} SET ${changed.map((c) => `${ident(c)} = ?`).join(', ')} WHERE rowid = ?`)
      .run(...changed.map((c) => before[c]), op.rowId);
  } else {
    const before = op.before!;
    const columns = columnsOf(op.shape, before);
    const inserted = prepared(db, `INSERT INTO ${table} (rowid${columns.map((c) => `, ${ident(c)}`).join('')}) VALUES (?${', ?'.repeat(columns.length)})`)
      .run(op.rowId, ...columns.map((c) => before[c]));
    if (Number(inserted.lastInsertRowid) !== op.rowId) throw damaged(step, direction);
  }
}

/** A row already removed by a cascade earlier in this replay (its removal is recorded under the step). */
function removedByThisReplay(db: Db, step: Step, op: Op): boolean {
  return prepared(db, `SELECT 1 FROM history_ops WHERE step_id = ? AND table_name = ? AND row_id = ? AND op = 'delete'`)
    .get(step.id, op.shape.table, op.rowId) !== undefined;
}

/**
 * After the replay: it reached no row beyond the step's own except by a cascade into rows made
 * with their parent (turns), and no row it changed was changed since by a step of another coder
 * that still stands (their change would be lost, even where the values happen to agree).
 */
function assertNoOneElseReached(db: Db, step: Step, direction: Direction, own: ReadonlySet<string>, since: number, coderId: number): void {
  const recorded = prepared(db, 'SELECT table_name AS tableName, row_id AS rowId, op FROM history_ops WHERE step_id = ? ORDER BY id').iterate(step.id) as IterableIterator<{ tableName: string; rowId: number; op: OpKind }>;
  let beyond: { tableName: string; rowId: number } | undefined;
  for (const { tableName, rowId, op } of recorded) {
    if (own.has(rowKey(tableName, rowId)) || (INSERTED_WITH_PARENT.has(tableName) && op === 'delete')) continue;
    beyond = { tableName, rowId };
    break;
  }
  // Asked after the loop: the connection runs no other statement while one is being iterated.
  if (beyond) throw changedSince(db, step, direction, beyond.tableName, beyond.rowId, since, coderId);
  const later = prepared(db, `SELECT o.table_name AS tableName, o.row_id AS rowId FROM history_ops o
    JOIN history_ops l ON l.table_name = o.table_name AND l.row_id = o.row_id AND l.id > ? AND l.step_id <> o.step_id
    JOIN history_steps s ON s.id = l.step_id AND s.undone = 0 AND s.coder_id <> ?
    WHERE o.step_id = ? LIMIT 1`).get(since, coderId, step.id) as { tableName: string; rowId: number } | undefined;
  if (later) throw changedSince(db, step, direction, later.tableName, later.rowId, since, coderId);
}

/** The refusal naming who changed the row since the step, when the history knows. */
function changedSince(db: Db, step: Step, direction: Direction, table: string, rowId: number, since: number, coderId: number): TematikError {
  const coder = prepared(db, `SELECT c.name FROM history_ops o JOIN history_steps s ON s.id = o.step_id JOIN coders c ON c.id = s.coder_id
    WHERE o.table_name = ? AND o.row_id = ? AND o.id > ? AND o.step_id <> ? AND s.coder_id <> ? ORDER BY o.id DESC LIMIT 1`)
    .pluck().get(table, rowId, since, step.id, coderId) as string | undefined;
  const row = rowName(table as UndoableTable);
  const key = coder === undefined ? (direction === 'undo' ? 'undoChangedUnknown' : 'redoChangedUnknown') : (direction === 'undo' ? 'undoChanged' : 'redoChanged');
  return refusal('conflict', key, step, (language) => ({ coder: coder ?? '', row: row[language] }));
}

function damaged(step: Step, direction: Direction): TematikError {
  return refusal('damaged', direction === 'undo' ? 'undoDamaged' : 'redoDamaged', step);
}

/**
 * Whether the history is exactly as Tematik keeps it: its tables as the migration made them,
 * nothing capturing, every step of a known coder, every op of an existing step passing the
 * checks replay makes. Reads only, and never throws: anything unexpected is "not sound".
 */
export function historyIsSound(db: Db): boolean {
  try {
    const names = Object.keys(HISTORY_SCHEMA_V6);
    const made = db.prepare(`SELECT name, sql FROM sqlite_schema WHERE name IN (${names.map(() => '?').join(', ')})`).all(...names) as { name: string; sql: string }[];
    if (made.length !== names.length || made.some((m) => HISTORY_SCHEMA_V6[m.name as keyof typeof HISTORY_SCHEMA_V6] !== m.sql)) return false;
    // A trigger on the history tables would run with every recorded change.
    if (db.prepare(`SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND tbl_name IN ('history_steps', 'history_ops', 'history_capture')`).pluck().get() !== 0) return false;
    const capture = db.prepare('SELECT id, step_id FROM history_capture').all() as { id: number; step_id: number | null }[];
    if (capture.length !== 1 || capture[0]!.id !== 1 || capture[0]!.step_id !== null) return false;
    // Column types and CHECKs are checked again: a file can be written with them switched off.
    const badSteps = db.prepare(`SELECT count(*) FROM history_steps s
      WHERE typeof(s.coder_id) <> 'integer' OR NOT EXISTS (SELECT 1 FROM coders c WHERE c.id = s.coder_id)
        OR typeof(s.label) <> 'text' OR typeof(s.action) <> 'text' OR typeof(s.undone) <> 'integer' OR s.undone NOT IN (0, 1)`).pluck().get() as number;
    if (badSteps > 0) return false;
    const orphans = db.prepare('SELECT count(*) FROM history_ops o WHERE NOT EXISTS (SELECT 1 FROM history_steps s WHERE s.id = o.step_id)').pluck().get() as number;
    if (orphans > 0) return false;
    const shapes = tableShapes(db);
    for (const stored of db.prepare(SELECT_OPS).iterate() as IterableIterator<StoredOp>) {
      if (!parseOp(stored, shapes)) return false;
    }
    return true;
  } catch {
    return false;
  }
}

/**
 * Checks the history before a project is used. One that is not exactly as Tematik keeps it is
 * cleared, or, where the connection may not write, left alone with undo turned off; either
 * way `notice` says so. Never throws: a damaged history must not keep a project from opening.
 */
export function checkHistoryOnOpen(db: Db, mayWrite: boolean): { readonly undoAvailable: boolean; readonly notice: LocalizedText | null } {
  if (historyIsSound(db)) return { undoAvailable: true, notice: null };
  if (mayWrite) {
    try {
      clearHistory(db);
      return { undoAvailable: true, notice: say('cleared') };
    } catch {
      // The file could not be written after all (read-only media, a lock): undo is turned off instead.
    }
  }
  return { undoAvailable: false, notice: say('turnedOff') };
}

/**
 * Empties the history in one transaction, making its tables anew: a file edited by hand may
 * have them in another shape, or carry triggers on them, which dropping the tables removes.
 */
export function clearHistory(db: Db): void {
  db.transaction(() => {
    db.exec('DROP TABLE IF EXISTS history_ops; DROP TABLE IF EXISTS history_steps; DROP TABLE IF EXISTS history_capture;');
    for (const statement of Object.values(HISTORY_SCHEMA_V6)) db.exec(statement);
    db.prepare('INSERT INTO history_capture (id, step_id) VALUES (1, NULL)').run();
  }).immediate();
  forgetPrepared(db);
}
