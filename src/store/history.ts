import type Database from 'better-sqlite3';

/**
 * Store-level undo/redo, after SQLite's "automatic undo/redo" technique: triggers on
 * every undoable table write the SQL that reverts each row change into `history_ops`,
 * tagged with the step the running action opened. Undoing a step runs that SQL
 * backwards, and the triggers capture its inverse, which becomes the redo.
 */

/** Tables whose rows a user action changes; the audit log and coders are never undone. */
export const UNDOABLE_TABLES = [
  'project', 'informant_types', 'informants', 'attributes', 'informant_attributes',
  'documents', 'document_informants', 'turns', 'codes', 'codings', 'themes', 'theme_codes',
  'theme_links', 'memos', 'theme_positions', 'code_positions', 'comments', 'phase_checks', 'redactions',
] as const;

/**
 * Tables whose rows are only ever inserted together with their parent in one action:
 * undoing that action deletes the parent and the cascade removes them, so their
 * inserts need no record (an import of 1,000 transcripts writes ~130k turns).
 */
const INSERTED_WITH_PARENT: ReadonlySet<string> = new Set(['turns']);

/** How many actions stay undoable; older steps are forgotten. */
export const HISTORY_LIMIT = 200;

const capturing = '(SELECT step_id FROM history_capture WHERE id = 1)';

/**
 * Drops and recreates the capture triggers from the current schema. Runs with the
 * migrations only, so a change to these triggers needs a new (possibly empty) migration.
 */
export function installHistoryTriggers(db: Database.Database): void {
  const existing = db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'history\\_%' ESCAPE '\\'`).pluck().all() as string[];
  for (const name of existing) db.exec(`DROP TRIGGER "${name}"`);
  for (const table of UNDOABLE_TABLES) {
    const columns = (db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[]);
    const quoted = columns.map((c) => `quote(old."${c}")`).join(` || ',' || `);
    const assignments = columns.map((c) => `'"${c}"=' || quote(old."${c}")`).join(` || ',' || `);
    const columnList = columns.map((c) => `"${c}"`).join(',');
    if (!INSERTED_WITH_PARENT.has(table)) {
      db.exec(`
CREATE TRIGGER "history_${table}_insert" AFTER INSERT ON "${table}" WHEN ${capturing} IS NOT NULL BEGIN
  INSERT INTO history_ops (step_id, sql) VALUES (${capturing}, 'DELETE FROM "${table}" WHERE rowid = ' || new.rowid);
END;`);
    }
    db.exec(`
CREATE TRIGGER "history_${table}_update" AFTER UPDATE ON "${table}" WHEN ${capturing} IS NOT NULL BEGIN
  INSERT INTO history_ops (step_id, sql) VALUES (${capturing}, 'UPDATE "${table}" SET ' || ${assignments} || ' WHERE rowid = ' || old.rowid);
END;
CREATE TRIGGER "history_${table}_delete" BEFORE DELETE ON "${table}" WHEN ${capturing} IS NOT NULL BEGIN
  INSERT INTO history_ops (step_id, sql) VALUES (${capturing}, 'INSERT INTO "${table}" (rowid,${columnList.replace(/'/g, "''")}) VALUES (' || old.rowid || ',' || ${quoted} || ')');
END;`);
  }
}

/** Opens a new undo step for an action about to run; clears the redo stack. Call inside the action's transaction. */
export function beginStep(db: Database.Database, label: string, action: string): void {
  db.prepare('DELETE FROM history_steps WHERE undone = 1').run();
  const id = db.prepare('INSERT INTO history_steps (label, action) VALUES (?, ?)').run(label, action).lastInsertRowid;
  db.prepare('DELETE FROM history_steps WHERE id <= ?').run(Number(id) - HISTORY_LIMIT);
  db.prepare('UPDATE history_capture SET step_id = ? WHERE id = 1').run(id);
}

/** Stops capturing; an action that changed nothing leaves no step behind. */
export function endStep(db: Database.Database): void {
  const step = db.prepare('SELECT step_id FROM history_capture WHERE id = 1').pluck().get() as number | null;
  db.prepare('UPDATE history_capture SET step_id = NULL WHERE id = 1').run();
  if (step !== null) db.prepare('DELETE FROM history_steps WHERE id = ? AND NOT EXISTS (SELECT 1 FROM history_ops WHERE step_id = ?)').run(step, step);
}

/** The label and contract action of the step undo (or redo) would replay, if any. */
export function peek(db: Database.Database, direction: 'undo' | 'redo'): { id: number; label: string; action: string } | undefined {
  const sql = direction === 'undo'
    ? 'SELECT id, label, action FROM history_steps WHERE undone = 0 ORDER BY id DESC LIMIT 1'
    : 'SELECT id, label, action FROM history_steps WHERE undone = 1 ORDER BY id ASC LIMIT 1';
  return db.prepare(sql).get() as { id: number; label: string; action: string } | undefined;
}

/**
 * Replays a step backwards inside the caller's transaction, leaving its inverse
 * recorded under the same step. Foreign keys are checked at commit, because a
 * cascade is recorded parent first and so replays child first.
 */
export function replay(db: Database.Database, stepId: number, direction: 'undo' | 'redo'): void {
  const ops = db.prepare('SELECT id, sql FROM history_ops WHERE step_id = ? ORDER BY id DESC').all(stepId) as { id: number; sql: string }[];
  db.pragma('defer_foreign_keys = ON');
  db.prepare('DELETE FROM history_ops WHERE step_id = ?').run(stepId);
  db.prepare('UPDATE history_capture SET step_id = ? WHERE id = 1').run(stepId);
  for (const op of ops) db.exec(op.sql);
  db.prepare('UPDATE history_capture SET step_id = NULL WHERE id = 1').run();
  db.prepare('UPDATE history_steps SET undone = ? WHERE id = ?').run(direction === 'undo' ? 1 : 0, stepId);
}
