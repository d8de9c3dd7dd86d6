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
 * The same rule is written twice on purpose, once per access pattern: as SQL for a few
 * passages at a time (extract lists), and over integer columns for whole-project counts
 * (triangulation, codebook), where a per-coding query would cost seconds. A test holds the
 * two to the same answers.
 */

/** The informant ids a passage `[@start, @end)` of document `@document` is evidence of. */
export const SPOKEN_BY_SQL = `
  SELECT t.informant_id FROM turns t
  WHERE t.document_id = @document AND t.start_offset < @end AND t.end_offset > @start AND t.informant_id IS NOT NULL
  UNION
  SELECT di.informant_id FROM document_informants di
  WHERE di.document_id = @document AND NOT EXISTS (SELECT 1 FROM turns t WHERE t.document_id = @document)`;

/**
 * 1 when informant `i` was interviewed: a speaker turn is theirs, or a transcript of theirs has no
 * speaker turns (its whole text is theirs). An informant in the sheet without a transcript, or
 * whose speaker in a group interview is not mapped yet, was not heard and is never "silent".
 */
export const INTERVIEWED_SQL = `(EXISTS (SELECT 1 FROM turns t WHERE t.informant_id = i.id)
  OR EXISTS (SELECT 1 FROM document_informants di WHERE di.informant_id = i.id AND NOT EXISTS (SELECT 1 FROM turns t WHERE t.document_id = di.document_id)))`;

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

/**
 * Attributes every coding to informants over whole columns: turns are bucketed by
 * document and sorted by start, then each coding binary-searches its first turn.
 */
export function attributeCodings(db: Db, codings: CodingColumns, informants: IdIndex): Attribution {
  const documents = new IdIndex(db.prepare('SELECT id FROM documents ORDER BY id').pluck().all() as number[]);
  const turns = readIntColumns(db, 'turns', ['document_id', 'start_offset', 'end_offset', 'ifnull(informant_id, 0)']);
  const [turnDocuments, turnStarts, turnEnds, turnInformants] = turns.columns as [Int32Array, Int32Array, Int32Array, Int32Array];
  const documentOf = new Int32Array(turns.count);
  for (let t = 0; t < turns.count; t++) documentOf[t] = documents.get(turnDocuments[t]!);
  const byDocument = bucket(documentOf, documents.size);
  // Turns in each document's slice, ordered by start; turns never overlap, so ends follow the same order.
  const order = byDocument.order;
  for (let d = 0; d < documents.size; d++) {
    const slice = order.subarray(byDocument.first[d]!, byDocument.first[d + 1]!);
    for (let p = 1; p < slice.length; p++) {
      if (turnStarts[slice[p]!]! < turnStarts[slice[p - 1]!]!) {
        slice.sort((a, b) => turnStarts[a]! - turnStarts[b]!);
        break;
      }
    }
  }
  const linked = documentLinks(db, documents, informants);

  const first = new Int32Array(codings.count + 1);
  const list: number[] = [];
  for (let i = 0; i < codings.count; i++) {
    const d = documents.get(codings.documentIds[i]!);
    const from = list.length;
    if (d >= 0) {
      const lo = byDocument.first[d]!;
      const hi = byDocument.first[d + 1]!;
      if (lo === hi) {
        for (let k = linked.first[d]!; k < linked.first[d + 1]!; k++) list.push(linked.list[k]!);
      } else {
        const start = codings.starts[i]!;
        const end = codings.ends[i]!;
        // First turn whose end lies past the coding's start.
        let a = lo;
        let b = hi;
        while (a < b) {
          const mid = (a + b) >>> 1;
          if (turnEnds[order[mid]!]! > start) b = mid;
          else a = mid + 1;
        }
        for (let p = a; p < hi && turnStarts[order[p]!]! < end; p++) {
          const informant = turnInformants[order[p]!]!;
          if (informant === 0) continue;
          const m = informants.get(informant);
          if (m >= 0 && !includes(list, from, m)) list.push(m);
        }
      }
    }
    first[i + 1] = list.length;
  }
  return { first, list: Int32Array.from(list) };
}

function includes(list: readonly number[], from: number, value: number): boolean {
  for (let k = from; k < list.length; k++) if (list[k] === value) return true;
  return false;
}

/** The informants linked to each document (dense indices), for documents without turns. */
function documentLinks(db: Db, documents: IdIndex, informants: IdIndex): { first: Int32Array; list: Int32Array } {
  const links = db.prepare('SELECT document_id, informant_id FROM document_informants ORDER BY document_id, informant_id').raw().all() as [number, number][];
  const first = new Int32Array(documents.size + 1);
  for (const [documentId] of links) first[documents.get(documentId) + 1]!++;
  for (let d = 0; d < documents.size; d++) first[d + 1]! += first[d]!;
  return { first, list: Int32Array.from(links, ([, informantId]) => informants.get(informantId)) };
}

/** How many distinct informants each code's own codings are evidence of: code id → count. */
export function informantsPerCode(db: Db): Map<number, number> {
  const informants = new IdIndex(db.prepare('SELECT id FROM informants ORDER BY id').pluck().all() as number[]);
  const codings = readCodings(db, ['code_id']);
  const codeIds = codings.extra[0]!;
  const attribution = attributeCodings(db, codings, informants);
  const seen = new Map<number, Set<number>>();
  for (let i = 0; i < codings.count; i++) {
    let set = seen.get(codeIds[i]!);
    if (!set) seen.set(codeIds[i]!, (set = new Set()));
    for (let k = attribution.first[i]!; k < attribution.first[i + 1]!; k++) set.add(attribution.list[k]!);
  }
  return new Map([...seen].map(([code, set]) => [code, set.size]));
}
