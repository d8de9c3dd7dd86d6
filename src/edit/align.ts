import { TematikError } from '../domain/errors';
import type { Utf16Offset } from '../domain/ids';
import { defineMessages } from '../domain/text';
import type { TextEdit } from '../domain/text-edits';

/**
 * Aligns a transcript with a corrected version of it (the user fixed typos in Word and saved it
 * again) as the edits that turn one into the other, so the edit core carries every coding over
 * (issue 15). Lines first, then the words of each changed stretch of lines: a transcript is a
 * line per turn, a correction changes a few words in a few lines, and two small diffs cost far
 * less than one over every word. Each diff is Myers' O(ND) algorithm over tokens; written here
 * rather than taken from a package (jsdiff, diff-match-patch) because the tokens must never split
 * a character and the result must be edits in this project's offsets, which would be all the
 * code around either library.
 */

const say = defineMessages({
  en: {
    tooDifferent: '"{file}" differs from "{title}" in more than {limit} places: it does not look like a corrected version of this transcript. Check that you chose the right file, or import it as a new transcript.',
  },
  id: {
    tooDifferent: '"{file}" berbeda dari "{title}" di lebih dari {limit} tempat: berkas itu tidak tampak seperti versi perbaikan transkrip ini. Periksa apakah berkasnya benar, atau impor sebagai transkrip baru.',
  },
});

/** The most differences a diff follows (its memory grows with their square): a corrected transcript has far fewer. */
export const MAX_DIFFERENCES = 3000;

interface Token {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Lines, each with its line break. */
function lines(text: string, from: number, to: number): Token[] {
  const tokens: Token[] = [];
  for (let at = from; at < to;) {
    const newline = text.indexOf('\n', at);
    const end = newline === -1 || newline >= to ? to : newline + 1;
    tokens.push({ start: at, end, text: text.slice(at, end) });
    at = end;
  }
  return tokens;
}

/**
 * Words (letters, marks and digits), runs of spaces, and single other characters, an emoji with
 * its modifiers and ZWJ partners being one, so no token ends inside a character.
 */
const WORD = /[\p{L}\p{M}\p{N}]+|[^\S\n]+|\n|[^\s\p{L}\p{N}\p{M}][\p{M}\u{1F3FB}-\u{1F3FF}]*(?:\u200D[^\s][\p{M}\u{1F3FB}-\u{1F3FF}]*)*|[\s\S]/uy;

function words(text: string, from: number, to: number): Token[] {
  const tokens: Token[] = [];
  const part = text.slice(from, to);
  WORD.lastIndex = 0;
  while (WORD.lastIndex < part.length) {
    const at = WORD.lastIndex;
    const match = WORD.exec(part)!;
    tokens.push({ start: from + at, end: from + at + match[0].length, text: match[0] });
  }
  return tokens;
}

/**
 * The pairs (i, j) of tokens a[i] = b[j] kept by a shortest edit script, in order; undefined when
 * more than `limit` tokens differ.
 */
export function matchTokens(a: readonly string[], b: readonly string[], limit: number): [number, number][] | undefined {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const off = max + 1;
  const v = new Int32Array(2 * max + 3);
  // trace[d] is v as step d found it, from k = -d - 1 to d + 1.
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    if (d > limit) return undefined;
    trace.push(v.slice(off - d - 1, off + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[off + k - 1]! < v[off + k + 1]!) ? v[off + k + 1]! : v[off + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[off + k] = x;
      if (x >= n && y >= m) return backtrack(trace, d, n, m);
    }
  }
  return [];
}

function backtrack(trace: readonly Int32Array[], last: number, n: number, m: number): [number, number][] {
  const pairs: [number, number][] = [];
  let x = n;
  let y = m;
  for (let d = last; d >= 0; d--) {
    const saved = trace[d]!;
    const at = (k: number) => saved[k + d + 1]!;
    const k = x - y;
    const prevK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY && x > 0 && y > 0) {
      pairs.push([x - 1, y - 1]);
      x--;
      y--;
    }
    x = prevX;
    y = prevY;
  }
  return pairs.reverse();
}

/** The edits that replace each unmatched stretch of `a`'s tokens by the unmatched stretch of `b`'s between the same matches. */
function gaps(a: readonly Token[], b: readonly Token[], pairs: readonly [number, number][], each: (aFrom: number, aTo: number, bFrom: number, bTo: number) => void): void {
  let i = 0;
  let j = 0;
  for (const [pi, pj] of [...pairs, [a.length, b.length] as [number, number]]) {
    if (pi > i || pj > j) each(i, pi, j, pj);
    i = pi + 1;
    j = pj + 1;
  }
}

/**
 * The edits (offsets into `before`) that make `after` of it. Refuses two texts too different to
 * be versions of one transcript, naming the file and the transcript.
 */
export function alignEdits(before: string, after: string, names: { readonly file: string; readonly title: string }): TextEdit[] {
  const tooDifferent = () => new TematikError('bad_input', say('tooDifferent', { file: names.file, title: names.title, limit: MAX_DIFFERENCES }));
  const edits: TextEdit[] = [];
  const a = lines(before, 0, before.length);
  const b = lines(after, 0, after.length);
  const linePairs = matchTokens(a.map((t) => t.text), b.map((t) => t.text), MAX_DIFFERENCES);
  if (!linePairs) throw tooDifferent();
  gaps(a, b, linePairs, (aFrom, aTo, bFrom, bTo) => {
    const aStart = aFrom < a.length ? a[aFrom]!.start : before.length;
    const aEnd = aTo > aFrom ? a[aTo - 1]!.end : aStart;
    const bStart = bFrom < b.length ? b[bFrom]!.start : after.length;
    const bEnd = bTo > bFrom ? b[bTo - 1]!.end : bStart;
    if (aStart === aEnd || bStart === bEnd) {
      edits.push({ start: aStart as Utf16Offset, end: aEnd as Utf16Offset, text: after.slice(bStart, bEnd) });
      return;
    }
    const aw = words(before, aStart, aEnd);
    const bw = words(after, bStart, bEnd);
    const wordPairs = matchTokens(aw.map((t) => t.text), bw.map((t) => t.text), MAX_DIFFERENCES);
    if (!wordPairs) throw tooDifferent();
    gaps(aw, bw, wordPairs, (wFrom, wTo, xFrom, xTo) => {
      const start = wFrom < aw.length ? aw[wFrom]!.start : aEnd;
      const end = wTo > wFrom ? aw[wTo - 1]!.end : start;
      const from = xFrom < bw.length ? bw[xFrom]!.start : bEnd;
      const to = xTo > xFrom ? bw[xTo - 1]!.end : from;
      edits.push({ start: start as Utf16Offset, end: end as Utf16Offset, text: after.slice(from, to) });
    });
  });
  return edits;
}
