/** De-identification's rows (issue 15): the key of real names and pseudonyms, and speaker labels renamed. */
import type Database from 'better-sqlite3';
import type { AppliedName, DeidKeyEntry } from '../domain/deid';
import type { DocumentId } from '../domain/ids';
import { now } from './project-store';

type Db = Database.Database;

/** The key: every real name replaced in the transcripts and its pseudonym, by name. */
export function listDeidKey(db: Db): DeidKeyEntry[] {
  return db.prepare(`SELECT id, name, pseudonym, kind, informant_id AS informantId, replaced,
    first_applied_at AS firstAppliedAt, last_applied_at AS lastAppliedAt FROM deid_key ORDER BY name COLLATE NOCASE, id`).all() as DeidKeyEntry[];
}

/** Adds what one application replaced to the key: a name and pseudonym seen before counts up, a new pair gets a row. */
export function recordDeidKey(db: Db, applied: readonly AppliedName[]): void {
  const at = now();
  const upsert = db.prepare(`INSERT INTO deid_key (name, pseudonym, kind, informant_id, replaced, first_applied_at, last_applied_at)
    VALUES (?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (name COLLATE NOCASE, pseudonym) DO UPDATE SET replaced = replaced + excluded.replaced, last_applied_at = excluded.last_applied_at,
      informant_id = coalesce(excluded.informant_id, informant_id)`);
  for (const entry of applied) {
    if (entry.replaced > 0) upsert.run(entry.name, entry.pseudonym, entry.kind, entry.informantId, entry.replaced, at, at);
  }
}

/**
 * Speaker labels of a document renamed (`from` → `to`), as de-identification replaced the names in
 * them ("Pak Joko" → "Pak [A-01]"), the label in the text having been replaced with the rest of the
 * text. Not `setTurnSpeaker` (src/store/edit-turns.ts): that says a turn is spoken by someone else
 * and maps its role and informant anew; here the speaker is the same person under a pseudonym, so
 * each turn keeps its role and informant and the evidence stays attributed.
 */
export function renameSpeakers(db: Db, documentId: DocumentId, renames: readonly { from: string; to: string }[]): void {
  const rename = db.prepare('UPDATE turns SET speaker = ? WHERE document_id = ? AND speaker = ?');
  for (const { from, to } of renames) rename.run(to, documentId, from);
}
