import { throwIfCancelled } from '../domain/cancellation';
import type Database from 'better-sqlite3';
import { analyse } from './tokens';
import { utf8Offsets } from './utf8-offsets';

type Db = Database.Database;

interface Unit {
  readonly start: number;
  readonly end: number;
}

/**
 * The pieces of a document that are indexed: its speaker turns (a header before the first
 * turn is a turn of its own), or every non-empty line of a document without turns. Speaker
 * labels between turns are left out, so searching "Narasumber" finds no false hits.
 */
export function documentUnits<T extends Unit>(text: string, turns: readonly T[]): readonly (T | Unit)[] {
  if (turns.length > 0) return turns;
  const units: Unit[] = [];
  for (let start = 0; start < text.length;) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    if (text.slice(start, end).trim()) units.push({ start, end });
    start = end + 1;
  }
  return units;
}

/** The text a memo or code is searched as; unit offsets point into it. */
export const memoText = (title: string, body: string): string => (title ? `${title}\n${body}` : body);
export const codeText = (name: string, description: string): string => (description ? `${name}\n${description}` : name);

/** Space-joined stems: what FTS5 indexes. Stop words stay, so phrases match word for word. */
export function stemsOf(text: string, start: number, end: number): string {
  return analyse(text.slice(start, end)).map((t) => t.stem).join(' ');
}

/** The stems of a document's units (documentUnits of its text and turns), made before it was stored. */
interface Offer {
  readonly text: string;
  readonly units: readonly Unit[];
  readonly stems: readonly string[];
}

const offers = new WeakMap<Db, Map<number, Offer>>();

/**
 * Hands the indexer the stems of a document just written, computed by an import's parsing
 * workers, so that the next refresh stores them instead of analysing the text again on the
 * writer's thread. They are used only if the text and units are still exactly these.
 */
export function offerStems(db: Db, documentId: number, text: string, units: readonly Unit[], stems: readonly string[]): void {
  let byDocument = offers.get(db);
  if (!byDocument) offers.set(db, (byDocument = new Map()));
  byDocument.set(documentId, { text, units: units.map(({ start, end }) => ({ start, end })), stems });
}

/** The stems of each of a document's units, in order. */
export function unitStems(text: string, units: readonly Unit[]): string[] {
  return units.map((unit) => stemsOf(text, unit.start, unit.end));
}

/**
 * Brings the index up to date with everything marked dirty (by triggers) since the last
 * call; cheap when nothing changed.
 */
export function refreshSearchIndex(db: Db): number {
  try {
    const dirty = db.prepare('SELECT kind, ref_id AS id FROM search_dirty').all() as { kind: 'document' | 'memo' | 'code'; id: number }[];
    if (dirty.length === 0) return 0;
    // One transaction (a savepoint inside an action's): a search that finds a whole migrated project
    // to index must not commit row by row, and a failure must not leave the index half done.
    return db.transaction(() => reindex(db, dirty))();
  } finally {
    // Offers live for one refresh: a rolled-back import's ids come round again for other documents.
    offers.delete(db);
  }
}

function offered(db: Db, id: number, text: string, units: readonly Unit[]): readonly string[] | undefined {
  const offer = offers.get(db)?.get(id);
  if (!offer || offer.text !== text || offer.units.length !== units.length) return undefined;
  return offer.units.every((unit, i) => unit.start === units[i]!.start && unit.end === units[i]!.end) ? offer.stems : undefined;
}

function reindex(db: Db, dirty: readonly { kind: 'document' | 'memo' | 'code'; id: number }[]): number {
  const insertUnit = db.prepare('INSERT INTO search_units (document_id, memo_id, code_id, start_offset, end_offset, byte_start, byte_end, role, informant_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const insertFts = db.prepare('INSERT INTO search_fts (rowid, stems) VALUES (?, ?)');
  const add = (ids: [number | null, number | null, number | null], text: string, units: readonly (Unit & { role?: string; informantId?: number | null })[],
    stems: readonly string[] = unitStems(text, units)) => {
    const bytes = utf8Offsets(text);
    units.forEach((unit, i) => {
      const id = insertUnit.run(...ids, unit.start, unit.end, bytes(unit.start), bytes(unit.end),
        unit.role ?? null, unit.informantId ?? null).lastInsertRowid;
      insertFts.run(id, stems[i]);
    });
  };
  for (const { kind, id } of dirty) {
    throwIfCancelled();
    db.prepare(`DELETE FROM search_units WHERE ${kind}_id = ?`).run(id);
    if (kind === 'document') {
      const text = db.prepare('SELECT text FROM documents WHERE id = ?').pluck().get(id) as string | undefined;
      if (text === undefined) continue;
      const turns = db.prepare('SELECT start_offset AS start, end_offset AS end, role, informant_id AS informantId FROM turns WHERE document_id = ? ORDER BY seq')
        .all(id) as (Unit & { role: string; informantId: number | null })[];
      // A document's units are its turns, speaker and all; without turns, its lines (no speaker).
      const units = documentUnits(text, turns);
      add([id, null, null], text, units, offered(db, id, text, units));
    } else if (kind === 'memo') {
      const memo = db.prepare('SELECT title, body FROM memos WHERE id = ?').get(id) as { title: string; body: string } | undefined;
      if (!memo) continue;
      const text = memoText(memo.title, memo.body);
      if (text.trim()) add([null, id, null], text, [{ start: 0, end: text.length }]);
    } else {
      const code = db.prepare('SELECT name, description FROM codes WHERE id = ?').get(id) as { name: string; description: string } | undefined;
      if (!code) continue;
      const text = codeText(code.name, code.description);
      add([null, null, id], text, [{ start: 0, end: text.length }]);
    }
  }
  db.prepare('DELETE FROM search_dirty').run();
  return dirty.length;
}
