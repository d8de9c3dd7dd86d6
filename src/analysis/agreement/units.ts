import type { AgreementUnit } from '../../domain/agreement';
import { codePointIndex } from '../../domain/offsets';

/**
 * A document cut into units, end to end: unit k covers [ends[k − 1], ends[k]) (unit 0 from 0),
 * in UTF-16 offsets like the codings; a coding past the last end belongs to the last unit.
 * `weights[k]` is what unit k counts for (characters: its length in code points); null when
 * every unit counts once.
 */
export interface DocumentUnits {
  readonly ends: Int32Array;
  readonly weights: Float64Array | null;
}

/** What a document offers to be cut into units. */
export interface UnitSource {
  /** Needed for sentences and characters; unused for turns and documents. */
  readonly text: string | null;
  /** Sorted end offsets of the document's speaker turns; empty when it has none. */
  readonly turnEnds: Int32Array;
}

const END = 0x7fffffff;

/**
 * Units of `unit` for one document. For characters the units are the stretches between any two
 * consecutive coding boundaries (`boundaries`: the starts and ends of the codings compared), so
 * every character of a stretch is coded alike and the stretch stands for all of them.
 */
export function documentUnits(unit: AgreementUnit, source: UnitSource, boundaries: ArrayLike<number>): DocumentUnits {
  switch (unit) {
    case 'turn':
      // Text between two turns (the next speaker's label) belongs to the turn after it, text after the last turn to the last, as in co-occurrence by turn.
      return { ends: source.turnEnds.length > 0 ? source.turnEnds : Int32Array.of(END), weights: null };
    case 'sentence':
      return { ends: sentenceEnds(textOf(source)), weights: null };
    case 'character':
      return characterUnits(textOf(source), boundaries);
    case 'document':
      return { ends: Int32Array.of(END), weights: null };
  }
}

function textOf(source: UnitSource): string {
  if (source.text === null) throw new Error('Sentence and character units are cut from the text: read it with the document');
  return source.text;
}

/**
 * A sentence ends after its closing punctuation (. ! ? … and any closing quotes or brackets)
 * and the white space after it, or after a line break: a transcript line is at least one
 * sentence. "2.5" or "dll.," do not end one (no white space follows the full stop). A regular
 * expression rather than Intl.Segmenter: the same boundaries for transcripts, ten times faster.
 */
const SENTENCE_END = /[.!?…]+["'”’»)\]]*[^\S\n]+|[^\S\n]*\n\s*/gu;

/** Sentence ends; white space that opens the text belongs to the first sentence, blank lines to the sentence before them. */
export function sentenceEnds(text: string): Int32Array {
  const ends: number[] = [];
  for (const match of text.matchAll(SENTENCE_END)) {
    const end = match.index + match[0].length;
    // Nothing but white space before it: not a sentence of its own.
    if (/\S/u.test(text.slice(ends[ends.length - 1] ?? 0, match.index + match[0].length))) ends.push(end);
  }
  if (ends[ends.length - 1] !== text.length && /\S/u.test(text.slice(ends[ends.length - 1] ?? 0))) ends.push(text.length);
  else if (ends.length > 0) ends[ends.length - 1] = text.length;
  return Int32Array.from(ends.length > 0 ? ends : [END]);
}

/** Stretches between consecutive coding boundaries (and the ends of the text), weighted by their code points. */
export function characterUnits(text: string, boundaries: ArrayLike<number>): DocumentUnits {
  const cuts = new Int32Array(boundaries.length + 1);
  for (let i = 0; i < boundaries.length; i++) cuts[i] = Math.min(boundaries[i]!, text.length);
  cuts[boundaries.length] = text.length;
  cuts.sort();
  const ends: number[] = [];
  for (const cut of cuts) if (cut > 0 && cut !== ends[ends.length - 1]) ends.push(cut);
  if (ends.length === 0) ends.push(END);
  const points = codePointIndex(text);
  const weights = new Float64Array(ends.length);
  let previous = 0;
  ends.forEach((end, k) => {
    const at = Math.min(end, text.length);
    weights[k] = points.toCodePoint(at as never) - points.toCodePoint(previous as never);
    previous = at;
  });
  return { ends: Int32Array.from(ends), weights };
}

/** The units a range [start, end) touches, as [from, to): every unit it shares at least one character with. */
export function unitSpan(units: DocumentUnits, start: number, end: number): [number, number] {
  const { ends } = units;
  const last = ends.length - 1;
  const from = Math.min(firstEndAbove(ends, start), last);
  const to = Math.min(firstEndAbove(ends, end - 1), last) + 1;
  return [from, Math.max(to, from + 1)];
}

/** Index of the first end greater than `offset` (ends.length when none is). */
function firstEndAbove(ends: Int32Array, offset: number): number {
  let lo = 0;
  let hi = ends.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ends[mid]! > offset) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Where unit k starts and ends in the text (the last unit runs to the end of the text). */
export function unitRange(units: DocumentUnits, k: number, textLength: number): [number, number] {
  const start = k === 0 ? 0 : Math.min(units.ends[k - 1]!, textLength);
  const end = k === units.ends.length - 1 ? textLength : Math.min(units.ends[k]!, textLength);
  return [start, end];
}

/** The number of units, or characters for character units: what "all the text" counts for. */
export function totalWeight(units: DocumentUnits): number {
  if (!units.weights) return units.ends.length;
  let sum = 0;
  for (const w of units.weights) sum += w;
  return sum;
}

export const weightOf = (units: DocumentUnits, k: number): number => (units.weights ? units.weights[k]! : 1);
