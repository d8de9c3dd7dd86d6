import type Database from 'better-sqlite3';
import { bucket, IdIndex, readIntColumns } from './columnar';

type Db = Database.Database;

/**
 * Who a coding is evidence of: the informants who spoke the coded passage.
 *
 * - A coding counts for the informant of every speaker turn its range intersects, so a
 *   coding that spans turns of two informants counts for both.
 * - Interviewer turns, the header before the first turn, and turns whose speaker is not
 *   mapped to an informant yet count for no one.
 * - A document without speaker turns (a field note, an unlabelled transcript) counts for
 *   every informant linked to it: nothing in it says who spoke.
 *
 * One function, `spokenIn`, applies the rule to one document's turns; `attributeCodings`
 * feeds it whole columns for project-wide counts, `spokenBy` one document at a time for
 * extract lists.
 */

/**
 * 1 when informant `i` was interviewed: a speaker turn is theirs, or a transcript of theirs has no
 * speaker turns (its whole text is theirs). An informant in the sheet without a transcript, or
 * whose speaker in a group interview is not mapped yet, was not heard and is never "silent".
 */
export const INTERVIEWED_SQL = `(EXISTS (SELECT 1 FROM turns t WHERE t.informant_id = i.id)
  OR EXISTS (SELECT 1 FROM document_informants di WHERE di.informant_id = i.id AND NOT EXISTS (SELECT 1 FROM turns t WHERE t.document_id = di.document_id)))`;

/** A document's speaker turns in text order: where each starts and ends, and its informant id (0 for none). */
interface TurnSpans {
  readonly starts: readonly number[];
  readonly ends: readonly number[];
  readonly informants: readonly number[];
}

/**
 * Writes into `out` from position `n` (once each) the informants of the turns `[start, end)`
 * intersects, among a document's turns at positions `from … to - 1` (in text order; 0 for a turn
 * of no one), and returns the new end of `out`, which must have room for `to - from` more.
 * Turns never overlap, so their ends follow their starts: a binary search finds the first.
 * Positional arguments and a typed array: this runs once per coding of the project.
 */
export function spokenIn(
  starts: ArrayLike<number>, ends: ArrayLike<number>, informants: ArrayLike<number>, from: number, to: number, start: number, end: number, out: Int32Array, n: number,
): number {
  let a = from;
  let b = to;
  while (a < b) {
    const mid = (a + b) >>> 1;
    if (ends[mid]! > start) b = mid;
    else a = mid + 1;
  }
  const first = n;
  for (let p = a; p < to && starts[p]! < end; p++) {
    const informant = informants[p]!;
    if (informant === 0) continue;
    let seen = false;
    for (let k = first; k < n && !seen; k++) seen = out[k] === informant;
    if (!seen) out[n++] = informant;
  }
  return n;
}

/** Every coding's informants, as dense indices into `informants`, in the order of `codings`. */
export interface Attribution {
  /** The informants of coding i are `list[first[i]] … list[first[i + 1] - 1]`, each once. */
  readonly first: Int32Array;
  readonly list: Int32Array;
}

/** The codings of a project as parallel integer columns (see `readIntColumns`). */
export interface CodingColumns {
  readonly count: number;
  readonly documentIds: Int32Array;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
}

/** Reads the columns of every coding plus `extra` ones (e.g. `code_id`), in one pass. */
export function readCodings(db: Db, extra: readonly string[] = []): CodingColumns & { readonly extra: readonly Int32Array[] } {
  const { count, columns } = readIntColumns(db, 'codings', ['document_id', 'start_offset', 'end_offset', ...extra]);
  const [documentIds, starts, ends, ...rest] = columns;
  return { count, documentIds: documentIds!, starts: starts!, ends: ends!, extra: rest };
}

/** Attributes every coding to informants over whole columns: turns are bucketed by document and sorted by start. */
export function attributeCodings(db: Db, codings: CodingColumns, informants: IdIndex): Attribution {
  const documents = new IdIndex(db.prepare('SELECT id FROM documents ORDER BY id').pluck().all() as number[]);
  const turns = readIntColumns(db, 'turns', ['document_id', 'start_offset', 'end_offset', 'ifnull(informant_id, 0)']);
  const [turnDocuments, turnStarts, turnEnds, turnInformants] = turns.columns as [Int32Array, Int32Array, Int32Array, Int32Array];
  const documentOf = new Int32Array(turns.count);
  for (let t = 0; t < turns.count; t++) documentOf[t] = documents.get(turnDocuments[t]!);
  const byDocument = bucket(documentOf, documents.size);
  // Each document's turns copied in start order into one run of the arrays (stored in order, so this rarely sorts).
  const starts = new Int32Array(byDocument.order.length);
  const ends = new Int32Array(byDocument.order.length);
  const owners = new Int32Array(byDocument.order.length);
  for (let d = 0; d < documents.size; d++) {
    const slice = byDocument.order.subarray(byDocument.first[d]!, byDocument.first[d + 1]!);
    for (let p = 1; p < slice.length; p++) {
      if (turnStarts[slice[p]!]! < turnStarts[slice[p - 1]!]!) {
        slice.sort((a, b) => turnStarts[a]! - turnStarts[b]!);
        break;
      }
    }
  }
  // Owners as dense informant indices plus one (0: no one, or an informant not counted), so the loop below maps nothing.
  byDocument.order.forEach((t, p) => {
    starts[p] = turnStarts[t]!;
    ends[p] = turnEnds[t]!;
    owners[p] = turnInformants[t] === 0 ? 0 : informants.get(turnInformants[t]!) + 1;
  });
  const linked = documentLinks(db, documents);

  const first = new Int32Array(codings.count + 1);
  let list = new Int32Array(codings.count + 64);
  let n = 0;
  for (let i = 0; i < codings.count; i++) {
    const d = documents.get(codings.documentIds[i]!);
    if (d >= 0) {
      const from = byDocument.first[d]!;
      const to = byDocument.first[d + 1]!;
      const room = from === to ? linked.first[d + 1]! - linked.first[d]! : to - from;
      if (n + room > list.length) {
        const grown = new Int32Array(Math.max(2 * list.length, n + room));
        grown.set(list.subarray(0, n));
        list = grown;
      }
      if (from === to) {
        // Linked informants are distinct (the link table's key).
        for (let k = linked.first[d]!; k < linked.first[d + 1]!; k++) {
          const m = informants.get(linked.list[k]!);
          if (m >= 0) list[n++] = m + 1;
        }
      } else {
        n = spokenIn(starts, ends, owners, from, to, codings.starts[i]!, codings.ends[i]!, list, n);
      }
    }
    first[i + 1] = n;
  }
  for (let k = 0; k < n; k++) list[k]!--;
  return { first, list: list.slice(0, n) };
}

/** The informant ids linked to each document (by dense document index), for documents without turns. */
function documentLinks(db: Db, documents: IdIndex): { first: Int32Array; list: Int32Array } {
  const links = db.prepare('SELECT document_id, informant_id FROM document_informants ORDER BY document_id, informant_id').raw().all() as [number, number][];
  const first = new Int32Array(documents.size + 1);
  for (const [documentId] of links) first[documents.get(documentId) + 1]!++;
  for (let d = 0; d < documents.size; d++) first[d + 1]! += first[d]!;
  return { first, list: Int32Array.from(links, ([, informantId]) => informantId) };
}

/**
 * A lookup of the informant ids who spoke `[start, end)` of a document, for a few passages
 * at a time: each document's turns are read once, when first asked for.
 */
export function spokenBy(db: Db): (documentId: number, start: number, end: number) => number[] {
  const turnsOf = db.prepare('SELECT start_offset, end_offset, ifnull(informant_id, 0) FROM turns WHERE document_id = ? ORDER BY start_offset').raw();
  const linkedTo = db.prepare('SELECT informant_id FROM document_informants WHERE document_id = ? ORDER BY informant_id').pluck();
  const cache = new Map<number, TurnSpans | number[]>();
  return (documentId, start, end) => {
    let turns = cache.get(documentId);
    if (!turns) {
      const rows = turnsOf.all(documentId) as [number, number, number][];
      turns = rows.length === 0 ? linkedTo.all(documentId) as number[]
        : { starts: rows.map((r) => r[0]), ends: rows.map((r) => r[1]), informants: rows.map((r) => r[2]) };
      cache.set(documentId, turns);
    }
    if (Array.isArray(turns)) return [...turns];
    const out = new Int32Array(turns.starts.length);
    return Array.from(out.subarray(0, spokenIn(turns.starts, turns.ends, turns.informants, 0, turns.starts.length, start, end, out, 0)));
  };
}

/** How many distinct informants each code's own codings (of `coders` only, when given) are evidence of: code id → count. */
export function informantsPerCode(db: Db, coders?: ReadonlySet<number>): Map<number, number> {
  const informants = new IdIndex(db.prepare('SELECT id FROM informants ORDER BY id').pluck().all() as number[]);
  const codings = readCodings(db, ['code_id', 'coder_id']);
  const [codeIds, coderIds] = codings.extra as [Int32Array, Int32Array];
  const attribution = attributeCodings(db, codings, informants);
  const seen = new Map<number, Set<number>>();
  for (let i = 0; i < codings.count; i++) {
    if (coders && !coders.has(coderIds[i]!)) continue;
    let set = seen.get(codeIds[i]!);
    if (!set) seen.set(codeIds[i]!, (set = new Set()));
    for (let k = attribution.first[i]!; k < attribution.first[i + 1]!; k++) set.add(attribution.list[k]!);
  }
  return new Map([...seen].map(([code, set]) => [code, set.size]));
}

/** How many distinct informants one code's codings are evidence of (a single code: no whole-project pass). */
export function informantsOfCode(db: Db, codeId: number): number {
  const spoken = spokenBy(db);
  const people = new Set<number>();
  for (const [documentId, start, end] of db.prepare('SELECT document_id, start_offset, end_offset FROM codings WHERE code_id = ?').raw().all(codeId) as [number, number, number][]) {
    for (const id of spoken(documentId, start, end)) people.add(id);
  }
  return people.size;
}
