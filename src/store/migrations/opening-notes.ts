import type Database from 'better-sqlite3';
import type { LocalizedText } from '../../domain/text';

/**
 * What a migration has to tell the user about the opening that ran it. Kept beside the
 * connection rather than in the file, so it is told once, to whoever opened the file.
 */
const notes = new WeakMap<Database.Database, LocalizedText[]>();

/** Called by a migration's data step, or by the backup taken before migrating; shown on the opening that migrated the file. */
export function noteOnOpening(db: Database.Database, text: LocalizedText): void {
  const list = notes.get(db) ?? [];
  list.push(text);
  notes.set(db, list);
}

/** The notes migrations left on this connection, handed out once. */
export function takeOpeningNotes(db: Database.Database): readonly LocalizedText[] {
  const list = notes.get(db) ?? [];
  notes.delete(db);
  return list;
}
