import type Database from 'better-sqlite3';
import { TematikError } from '../domain/errors';
import { defineMessages } from '../domain/text';
import type { CodeId } from '../domain/ids';
import type { CooccurrenceMatrix, CooccurrenceScope, Extract } from '../domain/types';
import { bucket, IdIndex, readIntColumns } from './columnar';
import { extractsOf } from './extracts';

const say = defineMessages({
  en: {
    codeNotFound: 'Code {id} does not exist (it may have been deleted or merged). Refresh the co-occurrence table and try again.',
    sameCode: "Choose two different codes: a code does not co-occur with itself (the diagonal counts its codings, which the code's extract list shows).",
    tooLarge: 'A document has too many codings or is too long for co-occurrence counting.',
  },
  id: {
    codeNotFound: 'Kode {id} tidak ada (mungkin sudah dihapus atau digabungkan). Muat ulang tabel ko-okurensi lalu coba lagi.',
    sameCode: 'Pilih dua kode yang berbeda: ko-okurensi sebuah kode dengan dirinya sendiri tidak dihitung (diagonal berisi jumlah pengodeannya, yang juga tampak di daftar kutipan kode itu).',
    tooLarge: 'Sebuah transkrip memiliki terlalu banyak pengodean atau terlalu panjang untuk penghitungan ko-okurensi.',
  },
});

type Db = Database.Database;

/**
 * How often two codes are applied together, over every code of the codebook (in
 * codebook order: sort order, then name).
 *
 * `counts[i][j]` (i ≠ j) is the number of distinct pairs (a coding of code i, a coding
 * of code j) that co-occur; each pair counts once however much the two overlap or
 * however many turns they share. The diagonal holds each code's number of codings.
 * The matrix is symmetric. Two codings of the same code never count.
 *
 * - `overlap`: both codings are in the same document and their ranges intersect.
 *   Ranges are half-open, so [0, 5) and [5, 9) touch but do not overlap; a range
 *   nested in another overlaps it.
 * - `turn`: both codings touch the same speaker turn of the same document. A coding
 *   touches every turn its range intersects. Text between two turns (the next
 *   speaker's label, blank lines) belongs to the turn after it, text before the first
 *   turn to the first and text after the last turn to the last, so every coding
 *   touches at least one turn. A document without turns counts as one turn.
 *
 * Both scopes reduce to intersecting spans (of characters, or of turn indices) within
 * a document, counted with a sweep over each document's span starts and ends that
 * adds, when a span opens, the number of open spans of every other code: the work
 * grows with codings × codes open at once, never with the number of pairs.
 */
export function cooccurrenceMatrix(db: Db, scope: CooccurrenceScope): CooccurrenceMatrix {
  return db.transaction(() => {
    const codes = db.prepare('SELECT id, name, colour FROM codes ORDER BY sort_order, name COLLATE NOCASE').all() as { id: CodeId; name: string; colour: string }[];
    const codeIndex = new IdIndex(codes.map((code) => code.id));
    const n = codes.length;
    const documents = new IdIndex(db.prepare('SELECT id FROM documents ORDER BY id').pluck().all() as number[]);
    const { count, columns: [documentIds, codeIds, starts, ends] } = readIntColumns(db, 'codings', ['document_id', 'code_id', 'start_offset', 'end_offset']);
    const codeOf = new Int32Array(count);
    const documentOf = new Int32Array(count);
    for (let i = 0; i < count; i++) {
      codeOf[i] = codeIndex.get(codeIds![i]!);
      documentOf[i] = documents.get(documentIds![i]!);
    }

    const counts = new Float64Array(n * n);
    for (let i = 0; i < count; i++) if (codeOf[i]! >= 0) counts[codeOf[i]! * (n + 1)]! += 1;
    const byDocument = bucket(documentOf, documents.size);
    const sweep = new Sweep(n, counts, codeOf, starts!, ends!);
    const turns = scope === 'turn' ? turnEnds(db, documents) : null;
    for (let d = 0; d < documents.size; d++) {
      const members = byDocument.order.subarray(byDocument.first[d]!, byDocument.first[d + 1]!);
      if (turns) sweep.byTurns(members, turns.ends.subarray(turns.first[d]!, turns.first[d + 1]!));
      else sweep.byOffsets(members);
    }
    const rows: number[][] = [];
    for (let i = 0; i < n; i++) rows.push(Array.from(counts.subarray(i * n, (i + 1) * n)));
    return { scope, codes: codes.map(({ id, name, colour }) => ({ id, name, colour })), counts: rows };
  })();
}

/** The co-occurring pairs behind one cell: [extract of `a`, extract of `b`], by document title, then a's and b's offsets. */
export function cooccurrencePairs(db: Db, a: number, b: number, scope: CooccurrenceScope): [Extract, Extract][] {
  return db.transaction(() => {
    for (const id of [a, b]) {
      if (db.prepare('SELECT 1 FROM codes WHERE id = ?').get(id) === undefined) {
        throw new TematikError('not_found', say('codeNotFound', { id: String(id) }));
      }
    }
    if (a === b) {
      throw new TematikError('invalid_args', say('sameCode'));
    }
    const extracts = extractsOf(db, [a, b]);
    const byDocument = new Map<number, { a: Extract[]; b: Extract[] }>();
    for (const extract of extracts) {
      let both = byDocument.get(extract.documentId);
      if (!both) byDocument.set(extract.documentId, (both = { a: [], b: [] }));
      (extract.codeId === a ? both.a : both.b).push(extract);
    }
    const turnEndsByDocument = scope === 'turn' ? turnEndsOf(db, [...byDocument.keys()]) : new Map<number, Int32Array>();
    const pairs: [Extract, Extract][] = [];
    for (const [documentId, both] of byDocument) {
      const ends = turnEndsByDocument.get(documentId) ?? new Int32Array(0);
      const span = (x: Extract): [number, number] => (scope === 'overlap' ? [x.start, x.end] : turnSpan(ends, x.start, x.end));
      const bSpans = both.b.map(span);
      for (const x of both.a) {
        const [from, to] = span(x);
        both.b.forEach((y, k) => { if (from < bSpans[k]![1] && bSpans[k]![0] < to) pairs.push([x, y]); });
      }
    }
    return pairs;
  })();
}

/**
 * Counts, document by document, the pairs of intersecting spans of different codes
 * into `counts`. Spans open in order of their start; before one opens, every open span
 * that ends at or before its start closes (spans are half-open), kept in a min-heap of
 * ends. The opening span adds one pair for each open span of another code.
 */
class Sweep {
  /** Open spans per code. */
  private readonly open: Int32Array;
  /** Codes with at least one open span, unordered; `slot[c]` is code c's place in it. */
  private readonly openCodes: Int32Array;
  private readonly slot: Int32Array;
  private openCount = 0;
  // Scratch space per document, grown as needed: span of each member, members in start order, heap of open spans.
  private spanFrom = new Int32Array(64);
  private spanTo = new Int32Array(64);
  private order = new Int32Array(64);
  private keys = new Float64Array(64);
  private places = new Int32Array(64);
  private heapEnd = new Int32Array(64);
  private heapMember = new Int32Array(64);

  constructor(
    private readonly n: number,
    private readonly counts: Float64Array,
    private readonly codeOf: Int32Array,
    private readonly starts: Int32Array,
    private readonly ends: Int32Array,
  ) {
    this.open = new Int32Array(n);
    this.openCodes = new Int32Array(n);
    this.slot = new Int32Array(n);
  }

  /** `members`: the codings of one document, as indices into codeOf, starts and ends. */
  byOffsets(members: Int32Array): void {
    const m = members.length;
    if (m < 2) return;
    this.reserve(m);
    // Start and member in one sortable number, so a native typed-array sort orders them.
    let scale = 1;
    while (scale <= m) scale *= 2;
    const { spanFrom, spanTo, order } = this;
    const keys = this.keys.subarray(0, m);
    let maxStart = 0;
    for (let k = 0; k < m; k++) {
      const i = members[k]!;
      spanFrom[k] = this.starts[i]!;
      spanTo[k] = this.ends[i]!;
      maxStart = Math.max(maxStart, spanFrom[k]!);
      keys[k] = spanFrom[k]! * scale + k;
    }
    if ((maxStart + 1) * scale > Number.MAX_SAFE_INTEGER) throw new TematikError('internal', say('tooLarge'));
    keys.sort();
    for (let k = 0; k < m; k++) order[k] = keys[k]! % scale;
    this.run(members);
  }

  /**
   * Like `byOffsets`, on spans of turn indices: `turnEnds` are the sorted end offsets of
   * the document's turns (none: the document is one turn). Turn indices are small, so a
   * counting sort orders the spans.
   */
  byTurns(members: Int32Array, turnEnds: Int32Array): void {
    const m = members.length;
    if (m < 2) return;
    this.reserve(m);
    const turns = Math.max(turnEnds.length, 1);
    if (this.places.length < turns + 1) this.places = new Int32Array(2 * turns + 1);
    const { spanFrom, spanTo, order } = this;
    const places = this.places.fill(0, 0, turns + 1);
    for (let k = 0; k < m; k++) {
      const i = members[k]!;
      if (turnEnds.length === 0) {
        spanFrom[k] = 0;
        spanTo[k] = 1;
      } else {
        const from = Math.min(firstEndAbove(turnEnds, 0, turns, this.starts[i]!), turns - 1);
        spanFrom[k] = from;
        spanTo[k] = Math.min(firstEndAbove(turnEnds, from, turns, this.ends[i]! - 1), turns - 1) + 1;
      }
      places[spanFrom[k]! + 1]! += 1;
    }
    for (let t = 1; t <= turns; t++) places[t]! += places[t - 1]!;
    for (let k = 0; k < m; k++) order[places[spanFrom[k]!]!++] = k;
    this.run(members);
  }

  private reserve(m: number): void {
    if (this.order.length >= m) return;
    const size = 2 * m;
    this.spanFrom = new Int32Array(size);
    this.spanTo = new Int32Array(size);
    this.order = new Int32Array(size);
    this.keys = new Float64Array(size);
    this.heapEnd = new Int32Array(size);
    this.heapMember = new Int32Array(size);
  }

  /** Sweeps the spans of `members` (in `spanFrom`/`spanTo`), opening them in `order`. */
  private run(members: Int32Array): void {
    const { open, openCodes, slot, counts, n, codeOf, spanFrom, spanTo, order, heapEnd, heapMember } = this;
    let heapSize = 0;
    for (let o = 0; o < members.length; o++) {
      const k = order[o]!;
      const start = spanFrom[k]!;
      while (heapSize > 0 && heapEnd[0]! <= start) {
        const closing = codeOf[members[heapMember[0]!]!]!;
        open[closing]! -= 1;
        if (open[closing] === 0) {
          const last = openCodes[--this.openCount]!;
          openCodes[slot[closing]!] = last;
          slot[last] = slot[closing]!;
        }
        // Pop: move the last entry to the root and sift it down.
        heapSize--;
        const end = heapEnd[heapSize]!;
        const member = heapMember[heapSize]!;
        let at = 0;
        for (;;) {
          let child = 2 * at + 1;
          if (child >= heapSize) break;
          if (child + 1 < heapSize && heapEnd[child + 1]! < heapEnd[child]!) child++;
          if (heapEnd[child]! >= end) break;
          heapEnd[at] = heapEnd[child]!;
          heapMember[at] = heapMember[child]!;
          at = child;
        }
        heapEnd[at] = end;
        heapMember[at] = member;
      }
      const c = codeOf[members[k]!]!;
      if (c < 0) continue;
      for (let t = 0; t < this.openCount; t++) {
        const other = openCodes[t]!;
        if (other === c) continue;
        counts[c * n + other]! += open[other]!;
        counts[other * n + c]! += open[other]!;
      }
      if (open[c] === 0) {
        slot[c] = this.openCount;
        openCodes[this.openCount++] = c;
      }
      open[c]! += 1;
      // Push: sift the new end up.
      const end = spanTo[k]!;
      let at = heapSize++;
      while (at > 0) {
        const parent = (at - 1) >> 1;
        if (heapEnd[parent]! <= end) break;
        heapEnd[at] = heapEnd[parent]!;
        heapMember[at] = heapMember[parent]!;
        at = parent;
      }
      heapEnd[at] = end;
      heapMember[at] = k;
    }
    // Close what is still open, ready for the next document.
    for (let h = 0; h < heapSize; h++) open[codeOf[members[heapMember[h]!]!]!] = 0;
    this.openCount = 0;
  }
}

/** The sorted end offsets of every document's turns: those of document d are `ends[first[d]] … ends[first[d + 1] - 1]`. */
function turnEnds(db: Db, documents: IdIndex): { readonly first: Int32Array; readonly ends: Int32Array } {
  const { columns: [documentIds, endOffsets] } = readIntColumns(db, 'turns', ['document_id', 'end_offset']);
  const documentOf = new Int32Array(documentIds!.length);
  for (let t = 0; t < documentOf.length; t++) documentOf[t] = documents.get(documentIds![t]!);
  const { first, order } = bucket(documentOf, documents.size);
  const ends = new Int32Array(order.length);
  for (let p = 0; p < order.length; p++) ends[p] = endOffsets![order[p]!]!;
  for (let d = 0; d < documents.size; d++) {
    // Turns are stored in order, so this rarely sorts anything.
    for (let p = first[d]! + 1; p < first[d + 1]!; p++) {
      if (ends[p]! < ends[p - 1]!) {
        ends.subarray(first[d]!, first[d + 1]!).sort();
        break;
      }
    }
  }
  return { first, ends };
}

/**
 * The turns a range [start, end) touches, as indices [from, to) into `ends`, the sorted
 * end offsets of a document's turns: turn k owns the text from the end of turn k - 1 up
 * to its own end; the last turn also owns what follows.
 */
function turnSpan(ends: Int32Array, start: number, end: number): [number, number] {
  if (ends.length === 0) return [0, 1];
  return [Math.min(firstEndAbove(ends, 0, ends.length, start), ends.length - 1), Math.min(firstEndAbove(ends, 0, ends.length, end - 1), ends.length - 1) + 1];
}

/** Binary search: the first index in [lo, hi) whose end offset is above `offset`, or hi. */
function firstEndAbove(ends: Int32Array, lo: number, hi: number, offset: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ends[mid]! > offset) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Sorted turn end offsets of each of `documentIds` that has turns. */
function turnEndsOf(db: Db, documentIds: readonly number[]): Map<number, Int32Array> {
  const rows = db.prepare('SELECT document_id, end_offset FROM turns WHERE document_id IN (SELECT value FROM json_each(?)) ORDER BY document_id, end_offset')
    .raw().all(JSON.stringify(documentIds)) as [number, number][];
  const ends = new Map<number, number[]>();
  for (const [documentId, end] of rows) {
    let list = ends.get(documentId);
    if (!list) ends.set(documentId, (list = []));
    list.push(end);
  }
  return new Map([...ends].map(([id, list]) => [id, Int32Array.from(list)]));
}
