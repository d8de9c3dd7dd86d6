import type Database from 'better-sqlite3';
import { bucket, parseIntList } from '../analysis/columnar';

type Db = Database.Database;

/**
 * The codings a report may quote, as parallel columns in extract order (document title without
 * regard to case, then start and end offset, then id: the order of `extractsOf`), with each
 * passage's word count. A quote's text is decoded only for the passages the report prints.
 *
 * Why: a 100-theme report weighs 200,000 codings to print 2,000. Reading them as rows (objects,
 * a string per quote, the sort done by SQLite on whole records) took 2 s of the report's 4.5;
 * integers and the quotes' bytes read in one pass and sorted here take a fifth of that.
 */
export interface Candidates {
  readonly count: number;
  readonly ids: Int32Array;
  readonly documentIds: Int32Array;
  readonly codeIds: Int32Array;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  /** Words as `quote.split(/\s+/).filter(Boolean)` counts them. */
  readonly words: Int32Array;
  /** The stored quote of candidate i. */
  readonly text: (i: number) => string;
}

/** The candidates whose code is one of `codeIds`, in extract order. */
export function readCandidates(db: Db, codeIds: readonly number[]): Candidates {
  const ranks = new Map(db.prepare('SELECT id, dense_rank() OVER (ORDER BY title COLLATE NOCASE) FROM documents').raw().all() as [number, number][]);
  // Most of the project's codes (a report on every theme): the table read in order is twice as fast as
  // an index lookup per row ('+' keeps SQLite off the index); for a few codes the index is.
  const codeCount = db.prepare('SELECT count(*) FROM codes').pluck().get() as number;
  const filter = codeIds.length * 2 >= codeCount ? '+code_id' : 'code_id';
  // One query, so every column sees the rows in the same order (see readIntColumns).
  const [count, ...lists] = db.prepare(`SELECT count(*), CAST(group_concat(id) AS BLOB), CAST(group_concat(document_id) AS BLOB), CAST(group_concat(code_id) AS BLOB),
      CAST(group_concat(start_offset) AS BLOB), CAST(group_concat(end_offset) AS BLOB), CAST(group_concat(length(CAST(quote AS BLOB))) AS BLOB), CAST(group_concat(quote, '') AS BLOB)
    FROM codings WHERE ${filter} IN (SELECT value FROM json_each(?))`).raw().get(JSON.stringify(codeIds)) as [number, ...(Uint8Array | null)[]];
  const [ids, documentIds, codes, starts, ends, lengths] = lists.slice(0, 6).map((list) => parseIntList(list, count)) as Int32Array[];
  const bytes = Buffer.from(lists[6]?.buffer ?? new ArrayBuffer(0), lists[6]?.byteOffset ?? 0, lists[6]?.byteLength ?? 0);
  const offsets = new Float64Array(count + 1);
  for (let i = 0; i < count; i++) offsets[i + 1] = offsets[i]! + lengths![i]!;
  const rank = new Int32Array(count);
  for (let i = 0; i < count; i++) rank[i] = (ranks.get(documentIds![i]!) ?? 1) - 1;
  const order = extractOrder(rank, ranks.size, starts!, ends!, ids!);
  // Plain loops: a typed array's `from` with a mapping function is several times slower on 200,000 items.
  const pick = (column: Int32Array): Int32Array => {
    const out = new Int32Array(count);
    for (let p = 0; p < count; p++) out[p] = column[order[p]!]!;
    return out;
  };
  const words = new Int32Array(count);
  for (let p = 0; p < count; p++) words[p] = utf8WordCount(bytes, offsets[order[p]!]!, offsets[order[p]! + 1]!);
  return {
    count, ids: pick(ids!), documentIds: pick(documentIds!), codeIds: pick(codes!), starts: pick(starts!), ends: pick(ends!), words,
    text: (i) => bytes.toString('utf8', offsets[order[i]!]!, offsets[order[i]! + 1]!),
  };
}

/** Positions in a document's run that a sort key carries below the start offset (2^52 is still exact in a double). */
const POSITION_BITS = 2 ** 21;

/**
 * The order of `count` codings by document rank, start, end and id, as positions. A comparison
 * sort of 200,000 took a second; here the documents are counted into runs and each run is sorted
 * as numbers (start offset and position packed into one double), leaving only equal starts,
 * which are rare, to a comparison.
 */
function extractOrder(rank: Int32Array, ranks: number, starts: Int32Array, ends: Int32Array, ids: Int32Array): Int32Array {
  const { first, order } = bucket(rank, ranks);
  const byEndThenId = (a: number, b: number): number => ends[a]! - ends[b]! || ids[a]! - ids[b]!;
  for (let r = 0; r < ranks; r++) {
    const run = order.subarray(first[r]!, first[r + 1]!);
    if (run.length < 2) continue;
    if (run.length >= POSITION_BITS) {
      run.sort((a, b) => starts[a]! - starts[b]! || byEndThenId(a, b));
      continue;
    }
    const keys = new Float64Array(run.length);
    for (let j = 0; j < run.length; j++) keys[j] = starts[run[j]!]! * POSITION_BITS + j;
    keys.sort();
    const sorted = new Int32Array(run.length);
    for (let j = 0; j < run.length; j++) sorted[j] = run[keys[j]! % POSITION_BITS]!;
    for (let j = 0; j < sorted.length;) {
      let k = j + 1;
      while (k < sorted.length && starts[sorted[k]!] === starts[sorted[j]!]) k++;
      if (k - j > 1) sorted.subarray(j, k).sort(byEndThenId);
      j = k;
    }
    run.set(sorted);
  }
  return order;
}

/**
 * Words in the UTF-8 bytes `from … to - 1`, counted as `wordCount` in quotes.ts counts the
 * decoded text: a word starts at a character that is not JavaScript's `\s` after one that is.
 * Counted on the bytes so that no string is made for a passage that is never printed.
 */
export function utf8WordCount(bytes: Uint8Array, from: number, to: number): number {
  let words = 0;
  let inWord = false;
  for (let i = from; i < to; i++) {
    const c = bytes[i]!;
    // A continuation byte belongs to the character its lead byte began.
    if (c >= 0x80 && c < 0xc0) continue;
    const space = c < 0x80 ? c === 0x20 || (c >= 0x09 && c <= 0x0d) : isWideSpace(c, i + 1 < to ? bytes[i + 1]! : 0, i + 2 < to ? bytes[i + 2]! : 0);
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}

/** JavaScript's `\s` beyond ASCII, by the UTF-8 bytes of the character (0 for a byte past the passage's end). */
function isWideSpace(a: number, b: number, c: number): boolean {
  if (a === 0xc2) return b === 0xa0;
  if (a === 0xe1) return b === 0x9a && c === 0x80;
  if (a === 0xe2) return (b === 0x80 && (c <= 0x8a || c === 0xa8 || c === 0xa9 || c === 0xaf)) || (b === 0x81 && c === 0x9f);
  if (a === 0xe3) return b === 0x80 && c === 0x80;
  return a === 0xef && b === 0xbb && c === 0xbf;
}
