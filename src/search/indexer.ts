import { throwIfCancelled } from '../domain/cancellation';
import type Database from 'better-sqlite3';
import { analyse } from './tokens';
import { prepared } from '../store/prepared';
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

/** What the index holds units of: transcripts, memos and codes. */
export type SourceKind = 'document' | 'memo' | 'code';

/**
 * The text a transcript's, memo's or code's units point into (memoText, codeText); null when it is
 * gone. The indexer reads it to make the units, and a team server to store their stems in PostgreSQL
 * and to check a unit word for word (src/store/postgres/search-index.ts, search-query.ts).
 */
export function sourceText(db: Db, kind: SourceKind, id: number): string | null {
  if (kind === 'document') return (prepared(db, 'SELECT text FROM documents WHERE id = ?').pluck().get(id) as string | undefined) ?? null;
  if (kind === 'memo') {
    const memo = prepared(db, 'SELECT title, body FROM memos WHERE id = ?').get(id) as { title: string; body: string } | undefined;
    return memo ? memoText(memo.title, memo.body) : null;
  }
  const code = prepared(db, 'SELECT name, description FROM codes WHERE id = ?').get(id) as { name: string; description: string } | undefined;
  return code ? codeText(code.name, code.description) : null;
}

/** Space-joined stems: what FTS5 indexes. Stop words stay, so phrases match word for word. */
export function stemsOf(text: string, start: number, end: number): string {
  return analyse(text.slice(start, end)).map((t) => t.stem).join(' ');
}

/** The stems of a document's units (documentUnits of its text and turns), made before it was stored. */
interface Offer {
  readonly text: string;
  readonly units: readonly Unit[];
  readonly stems: readonly string[];
  /** Each unit's start and end in UTF-8 bytes (unitBytes), when they were counted with the stems. */
  readonly bytes: readonly number[] | undefined;
}

const offers = new WeakMap<Db, Map<number, Offer>>();

/**
 * Hands the indexer the stems of a document just written, computed by an import's parsing
 * workers, so that the next refresh stores them instead of analysing the text again on the
 * writer's thread. They are used only if the text and units are still exactly these.
 */
export function offerStems(db: Db, documentId: number, text: string, units: readonly Unit[], stems: readonly string[], bytes?: readonly number[]): void {
  let byDocument = offers.get(db);
  if (!byDocument) offers.set(db, (byDocument = new Map()));
  byDocument.set(documentId, { text, units: units.map(({ start, end }) => ({ start, end })), stems, bytes });
}

/** The stems of each of a document's units, in order. */
export function unitStems(text: string, units: readonly Unit[]): string[] {
  return units.map((unit) => stemsOf(text, unit.start, unit.end));
}

/** Each unit's start and end in UTF-8 bytes of the text, one after the other: what search_units stores beside them. */
export function unitBytes(text: string, units: readonly Unit[]): number[] {
  const bytes = utf8Offsets(text);
  const out: number[] = [];
  for (const unit of units) out.push(bytes(unit.start), bytes(unit.end));
  return out;
}

/**
 * From this many documents, memos and codes at once a refresh indexes in bulk (see bulkSettings):
 * an import's batch, a whole project after a migration.
 */
const BULK_REFRESH = 32;

/**
 * FTS5's settings while a refresh indexes in bulk: its pending terms written out in 16 MB
 * segments instead of 1 MB ones, and no merging as they are written (FTS5 still merges when
 * 16 segments pile up on a level). About a third less CPU for 8M words. The index holds the
 * same terms and positions either way, so searches find the same; the measured query times
 * were the same with 1 segment or 30.
 */
const BULK_SETTINGS = { hashsize: 16 * 1024 * 1024, automerge: 0 };
/** FTS5's own defaults: the settings a project has unless a bulk refresh is running. */
const USUAL_SETTINGS = { hashsize: 1024 * 1024, automerge: 4 };

/**
 * FTS5 settings are rows of its config table, changed by a special INSERT that first writes out
 * the pending terms: set back at the end of a bulk refresh, the last of them are written with the
 * bulk settings, and the next change merges nothing it did not write.
 */
function setFts(db: Db, settings: typeof BULK_SETTINGS): void {
  for (const [name, value] of Object.entries(settings)) db.prepare(`INSERT INTO search_fts(search_fts, rank) VALUES ('${name}', ${value})`).run();
}

/**
 * Brings the index up to date with everything marked dirty (by triggers) since the last
 * call; cheap when nothing changed.
 */
export function refreshSearchIndex(db: Db): number {
  try {
    const dirty = db.prepare('SELECT kind, ref_id AS id FROM search_dirty').all() as { kind: SourceKind; id: number }[];
    if (dirty.length === 0) return 0;
    // One transaction (a savepoint inside an action's): a search that finds a whole migrated project
    // to index must not commit row by row, and a failure must not leave the index half done.
    return db.transaction(() => {
      const bulk = dirty.length >= BULK_REFRESH;
      if (bulk) setFts(db, BULK_SETTINGS);
      const done = reindex(db, dirty);
      if (bulk) setFts(db, USUAL_SETTINGS);
      return done;
    })();
  } finally {
    // Offers live for one refresh: a rolled-back import's ids come round again for other documents.
    offers.delete(db);
  }
}

function offered(db: Db, id: number, text: string, units: readonly Unit[]): Offer | undefined {
  const offer = offers.get(db)?.get(id);
  if (!offer || offer.text !== text || offer.units.length !== units.length) return undefined;
  return offer.units.every((unit, i) => unit.start === units[i]!.start && unit.end === units[i]!.end) ? offer : undefined;
}

function reindex(db: Db, dirty: readonly { kind: SourceKind; id: number }[]): number {
  const insertUnit = prepared(db, 'INSERT INTO search_units (document_id, memo_id, code_id, start_offset, end_offset, byte_start, byte_end, role, informant_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const insertFts = prepared(db, 'INSERT INTO search_fts (rowid, stems) VALUES (?, ?)');
  const add = (ids: [number | null, number | null, number | null], text: string, units: readonly (Unit & { role?: string; informantId?: number | null })[], offer?: Offer) => {
    const stems = offer?.stems ?? unitStems(text, units);
    const bytes = offer?.bytes ?? unitBytes(text, units);
    units.forEach((unit, i) => {
      const id = insertUnit.run(...ids, unit.start, unit.end, bytes[2 * i], bytes[2 * i + 1], unit.role ?? null, unit.informantId ?? null).lastInsertRowid;
      insertFts.run(id, stems[i]);
    });
  };
  // The old units of everything dirty go first, in one statement per kind. A statement that
  // deletes from search_fts opens a savepoint, and at a savepoint FTS5 writes out its pending
  // terms: deleting between inserts made a segment of every document, and merging them was
  // two fifths of an import's index time.
  for (const kind of ['document', 'memo', 'code'] as const) {
    db.prepare(`DELETE FROM search_units WHERE ${kind}_id IN (SELECT ref_id FROM search_dirty WHERE kind = ?)`).run(kind);
  }
  for (const { kind, id } of dirty) {
    throwIfCancelled();
    const text = sourceText(db, kind, id);
    if (text === null) continue;
    if (kind === 'document') {
      const turns = prepared(db, 'SELECT start_offset AS start, end_offset AS end, role, informant_id AS informantId FROM turns WHERE document_id = ? ORDER BY seq')
        .all(id) as (Unit & { role: string; informantId: number | null })[];
      // A document's units are its turns, speaker and all; without turns, its lines (no speaker).
      const units = documentUnits(text, turns);
      add([id, null, null], text, units, offered(db, id, text, units));
    } else if (kind === 'memo') {
      if (text.trim()) add([null, id, null], text, [{ start: 0, end: text.length }]);
    } else {
      add([null, null, id], text, [{ start: 0, end: text.length }]);
    }
  }
  db.prepare('DELETE FROM search_dirty').run();
  return dirty.length;
}

/**
 * The whole index made again from the stored transcripts, memos and codes, for a copy whose rows
 * were written without it: an image built from PostgreSQL (src/store/postgres/image.ts), or a
 * de-identified copy, where no stem of a replaced name may stay in the FTS tables (src/deid/share.ts).
 */
export function rebuildSearchIndex(db: Db): void {
  db.transaction(() => {
    db.exec(`DELETE FROM search_units;
      INSERT INTO search_fts(search_fts) VALUES ('delete-all');
      DELETE FROM search_dirty;
      INSERT INTO search_dirty (kind, ref_id) SELECT 'document', id FROM documents;
      INSERT INTO search_dirty (kind, ref_id) SELECT 'memo', id FROM memos;
      INSERT INTO search_dirty (kind, ref_id) SELECT 'code', id FROM codes;`);
    refreshSearchIndex(db);
  })();
  db.exec(`INSERT INTO search_fts(search_fts) VALUES ('optimize')`);
}
