import type Database from 'better-sqlite3';
import { TematikError } from '../domain/errors';
import type { RedactionId } from '../domain/ids';
import type { Redaction } from '../domain/types';
import { now } from './project-store';

type Db = Database.Database;

const select = 'SELECT id, term, replacement, created_at AS createdAt FROM redactions';

/** One spelling of a term: NFC, single spaces, trimmed, so "Kopi  Lereng" and "Kopi Lereng" are one name. */
const tidy = (text: string): string => text.normalize('NFC').replace(/\s+/g, ' ').trim();

/** The names to replace, in the order they were added. */
export function listRedactions(db: Db): Redaction[] {
  return db.prepare(`${select} ORDER BY id`).all() as Redaction[];
}

export function getRedaction(db: Db, id: RedactionId): Redaction {
  const row = db.prepare(`${select} WHERE id = ?`).get(id) as Redaction | undefined;
  if (!row) throw new TematikError('not_found', `Name to hide ${id} does not exist (removed, or undone?). Refresh the list and try again.`);
  return row;
}

/** A term already in the list, compared as the table does (case-insensitive), other than `except`. */
function assertNew(db: Db, term: string, except: RedactionId | null): void {
  const clash = (db.prepare(`${select} WHERE term = ? COLLATE NOCASE AND id IS NOT ?`).get(term, except) as Redaction | undefined)
    // SQLite's NOCASE folds ASCII only; "ÇAY" and "çay" are one name too.
    ?? listRedactions(db).find((r) => r.id !== except && r.term.toLocaleLowerCase() === term.toLocaleLowerCase());
  if (clash) {
    throw new TematikError('conflict', `"${clash.term}" is already in the list of names to hide (replaced by "${clash.replacement}"). Edit that entry instead of adding it again.`);
  }
}

function checked(field: 'term' | 'replacement', value: string): string {
  const text = tidy(value);
  if (!text) {
    throw new TematikError('invalid_args', field === 'term'
      ? 'The name to hide is empty. Type a name, e.g. a shop name such as "Kopi Lereng".'
      : 'The replacement is empty. Type what the report prints instead, e.g. "[kedai kopi]".');
  }
  return text;
}

export function addRedaction(db: Db, input: { term: string; replacement: string }): RedactionId {
  const term = checked('term', input.term);
  const replacement = checked('replacement', input.replacement);
  assertNew(db, term, null);
  return Number(db.prepare('INSERT INTO redactions (term, replacement, created_at) VALUES (?, ?, ?)').run(term, replacement, now()).lastInsertRowid) as RedactionId;
}

export function updateRedaction(db: Db, id: RedactionId, changes: { term?: string | undefined; replacement?: string | undefined }): void {
  const current = getRedaction(db, id);
  const term = changes.term === undefined ? current.term : checked('term', changes.term);
  const replacement = changes.replacement === undefined ? current.replacement : checked('replacement', changes.replacement);
  assertNew(db, term, id);
  db.prepare('UPDATE redactions SET term = ?, replacement = ? WHERE id = ?').run(term, replacement, id);
}

export function removeRedaction(db: Db, id: RedactionId): Redaction {
  const current = getRedaction(db, id);
  db.prepare('DELETE FROM redactions WHERE id = ?').run(id);
  return current;
}
