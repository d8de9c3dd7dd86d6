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
 * integers and the quotes' bytes read in slices and sorted here take a fifth of that, and keep
 * no quote but those printed.
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

/** Codings read per slice of ids: SQLite's concatenation and its copy here hold a slice's quotes, never all of them. */
const SLICE_IDS = 16_384;

/** The candidates whose code is one of `codeIds`, in extract order. */
export function readCandidates(db: Db, codeIds: readonly number[]): Candidates {
  const ranks = new Map(db.prepare('SELECT id, dense_rank() OVER (ORDER BY title COLLATE NOCASE) FROM documents').raw().all() as [number, number][]);
  const codeCount = db.prepare('SELECT count(*) FROM codes').pluck().get() as number;
  const filter = codeIds.length * 2 >= codeCount ? '+code_id' : 'code_id';
  const slice = db.prepare(`SELECT count(*), CAST(group_concat(id) AS BLOB), CAST(group_concat(document_id) AS BLOB), CAST(group_concat(code_id) AS BLOB),
      CAST(group_concat(start_offset) AS BLOB), CAST(group_concat(end_offset) AS BLOB), CAST(group_concat(length(CAST(quote AS BLOB))) AS BLOB), CAST(group_concat(quote, '') AS BLOB)
    FROM codings WHERE ${filter} IN (SELECT value FROM json_each(?)) AND id BETWEEN ? AND ?`).raw();
  const [first, last] = db.prepare('SELECT min(id), max(id) FROM codings').raw().get() as [number | null, number | null];
  const asked = JSON.stringify(codeIds);
  // The quotes' bytes (40 MB for 200,000 codings, and twice that while SQLite concatenates them) are
  // read a slice at a time and only counted: the few quotes printed are read again by id.
  const slices: Int32Array[][] = [];
  let count = 0;
  for (let from = first ?? 1; first !== null && from <= last!; from += SLICE_IDS) {
    const [n, ...lists] = slice.get(asked, from, from + SLICE_IDS - 1) as [number, ...(Uint8Array | null)[]];
    if (n === 0) continue;
    const columns = lists.slice(0, 6).map((list) => parseIntList(list, n)) as Int32Array[];
    const lengths = columns[5]!;
    const bytes = lists[6] ?? new Uint8Array(0);
    const words = new Int32Array(n);
    for (let i = 0, at = 0; i < n; at += lengths[i]!, i++) words[i] = utf8WordCount(bytes, at, at + lengths[i]!);
    columns[5] = words;
    slices.push(columns);
    count += n;
  }
  const [ids, documentIds, codes, starts, ends, wordsRead] = [0, 1, 2, 3, 4, 5].map((c) => joined(slices.map((columns) => columns[c]!), count));
  const rank = new Int32Array(count);
  for (let i = 0; i < count; i++) rank[i] = (ranks.get(documentIds![i]!) ?? 1) - 1;
  const order = extractOrder(rank, ranks.size, starts!, ends!, ids!);
  const pick = (column: Int32Array): Int32Array => {
    const out = new Int32Array(count);
    for (let p = 0; p < count; p++) out[p] = column[order[p]!]!;
    return out;
  };
  const orderedIds = pick(ids!);
  const quote = db.prepare('SELECT quote FROM codings WHERE id = ?').pluck();
  return {
    count, ids: orderedIds, documentIds: pick(documentIds!), codeIds: pick(codes!), starts: pick(starts!), ends: pick(ends!), words: pick(wordsRead!),
    text: (i) => quote.get(orderedIds[i]) as string,
  };
}

/** The slices' columns end to end. */
function joined(parts: readonly Int32Array[], count: number): Int32Array {
  const out = new Int32Array(count);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
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
