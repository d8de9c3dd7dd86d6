import { TematikError } from './errors';
import type { CodeId, CodingId, DocumentId, Utf16Offset } from './ids';
import { defineMessages } from './text';

/**
 * Editing a transcript's text while every anchor into it follows (issue 15). An edit replaces
 * [start, end) of the text as it was BEFORE any edit of the same call with `text`; offsets are
 * UTF-16 code units, the unit codings and turns store. A pure insertion has start = end, a pure
 * deletion an empty `text`. Pure TypeScript: the renderer computes the edit a user made with
 * `diffEdit`, the store moves codings and turns with `mapRange`.
 */
export interface TextEdit {
  readonly start: Utf16Offset;
  readonly end: Utf16Offset;
  readonly text: string;
}

/** A coding an edit took away: its text was wholly deleted, or it now covers the same words as an older coding of the same code and coder. */
export interface RemovedCoding {
  readonly id: CodingId;
  readonly codeId: CodeId;
  readonly codeName: string;
  readonly coderName: string;
  /** The coded text as it was. */
  readonly quote: string;
  /** Where it was, in the text before the edit. */
  readonly start: Utf16Offset;
  readonly end: Utf16Offset;
  readonly reason: 'deleted' | 'duplicate';
}

/** What an edit of one document did to the anchors in it. */
export interface TextEditResult {
  readonly documentId: DocumentId;
  /** The hash of the text now: the next edit is made against it. */
  readonly contentHash: string;
  /** False when the edits left the text as it was (nothing was written). */
  readonly changed: boolean;
  /** Codings whose range or quote changed (moved, grown or shrunk). */
  readonly codingsMoved: number;
  /** Codings that lost some of their text. */
  readonly codingsShrunk: number;
  readonly codingsRemoved: readonly RemovedCoding[];
  /** Turns whose range changed. */
  readonly turnsChanged: number;
  /** Turns whose whole text was deleted. */
  readonly turnsRemoved: number;
}

/** A coding whose words a replacement changed: it stays, on the corrected words. */
export interface ChangedCoding {
  readonly id: CodingId;
  readonly codeName: string;
  readonly coderName: string;
  readonly before: string;
  readonly after: string;
}

/**
 * What replacing a transcript with a corrected version would do (`documents.replacePlan`): the
 * codings carried over, those whose words change, those that cannot be placed (their text is not
 * in the new version) and the turns before and after. Nothing is written.
 */
export interface ReplacePlan {
  readonly documentId: DocumentId;
  readonly title: string;
  /** The corrected file's name. */
  readonly sourceName: string;
  /** The hash of the text the plan was made against: applying refuses another. */
  readonly expectedHash: string;
  /** True when the corrected file's text is the transcript's text already. */
  readonly unchanged: boolean;
  /** How many places differ. */
  readonly edits: number;
  readonly codingsKept: number;
  readonly codingsChanged: readonly ChangedCoding[];
  readonly codingsUnplaced: readonly RemovedCoding[];
  readonly turnsBefore: number;
  readonly turnsAfter: number;
}

/**
 * How a range's ends follow an insertion made exactly at them. A coding is `exclusive`: text
 * typed at its boundary stays outside it (QualCoder grew codings that way), text typed strictly
 * inside it joins it. A speaker turn is `inclusive`: what the user types at the end of a turn's
 * text is still that turn's speech.
 */
export type RangeBias = 'exclusive' | 'inclusive';

const say = defineMessages({
  en: {
    outside: 'An edit from {start} to {end} lies outside "{title}" ({length} characters). Reload the transcript and make the edit again.',
    reversed: 'An edit from {start} to {end} in "{title}" ends before it starts. Reload the transcript and make the edit again.',
    overlapping: 'Two edits of "{title}" overlap or are made at the same place ({at}); combine them into one edit and try again.',
    halfCharacter: 'The new text of an edit of "{title}" at {at} holds half a character (half of an emoji). Type the whole character again.',
  },
  id: {
    outside: 'Suntingan dari {start} sampai {end} berada di luar "{title}" ({length} karakter). Muat ulang transkrip lalu sunting lagi.',
    reversed: 'Suntingan dari {start} sampai {end} di "{title}" berakhir sebelum mulai. Muat ulang transkrip lalu sunting lagi.',
    overlapping: 'Dua suntingan pada "{title}" saling tumpang tindih atau berada di tempat yang sama ({at}); gabungkan menjadi satu suntingan lalu coba lagi.',
    halfCharacter: 'Teks baru suntingan "{title}" di posisi {at} berisi setengah karakter (setengah emoji). Ketik ulang karakter itu secara utuh.',
  },
});

const MARK = /^\p{M}/u;
/** Half of a surrogate pair standing alone: not a character, and not storable as UTF-8. */
const LONE_SURROGATE = /\p{Cs}/u;
const LONE_SURROGATES = /\p{Cs}/gu;
const NO_WORDS = /^[\s\p{P}]*$/u;
const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;
const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;

/**
 * True when a range may start or end at `offset` without splitting a character: not between the
 * halves of a surrogate pair (an emoji), not before a combining mark (the accent of "é" written
 * as e + U+0301), not inside an emoji joined by ZWJ or a skin-tone modifier.
 */
export function isGraphemeBoundary(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return true;
  const next = text.charCodeAt(offset);
  if (isLow(next) && isHigh(text.charCodeAt(offset - 1))) return false;
  if (MARK.test(text.slice(offset, offset + 2))) return false;
  if (next === 0x200d || text.charCodeAt(offset - 1) === 0x200d) return false;
  // Emoji modifiers (skin tones U+1F3FB–1F3FF) attach to the emoji before them.
  if (next === 0xd83c && offset + 1 < text.length) {
    const low = text.charCodeAt(offset + 1);
    if (low >= 0xdffb && low <= 0xdfff) return false;
  }
  // Variation selectors (U+FE0E, U+FE0F) attach too; \p{M} covers them, and tags do not occur in transcripts.
  return true;
}

/** The nearest boundary at or before `offset` (isGraphemeBoundary). */
function boundaryBefore(text: string, offset: number): number {
  let at = offset;
  while (!isGraphemeBoundary(text, at)) at--;
  return at;
}

/** The nearest boundary at or after `offset` (isGraphemeBoundary). */
function boundaryAfter(text: string, offset: number): number {
  let at = offset;
  while (!isGraphemeBoundary(text, at)) at++;
  return at;
}

/**
 * The edits checked against `text` and sorted, on whole characters. An insertion inside a
 * character (between an emoji's halves, before a combining accent) moves to the character's end.
 * An edit whose start or end cuts a character is widened to the whole character; of the cut
 * character it keeps what is still text on its own (the "e" of "é" when only the accent is
 * deleted, the 👍 of 👍🏽 when only the skin tone is) and drops half an emoji. So no range ever starts
 * or ends inside a character, and no half character is ever stored. Refuses edits outside the
 * text, reversed ones, new text holding half a character, and edits that overlap or are made at
 * the same place (which order would the texts go in?).
 */
export function normaliseEdits(text: string, title: string, edits: readonly TextEdit[]): TextEdit[] {
  for (const edit of edits) {
    if (edit.end < edit.start) throw new TematikError('invalid_args', say('reversed', { start: String(edit.start), end: String(edit.end), title }));
    if (edit.start < 0 || edit.end > text.length) {
      throw new TematikError('invalid_args', say('outside', { start: String(edit.start), end: String(edit.end), title, length: text.length }));
    }
    if (LONE_SURROGATE.test(edit.text)) throw new TematikError('invalid_args', say('halfCharacter', { title, at: String(edit.start) }));
  }
  const widened = edits.map((edit): TextEdit => {
    if (edit.start === edit.end) {
      const at = boundaryAfter(text, edit.start) as Utf16Offset;
      return at === edit.start ? edit : { start: at, end: at, text: edit.text };
    }
    const start = boundaryBefore(text, edit.start);
    const end = boundaryAfter(text, edit.end);
    if (start === edit.start && end === edit.end) return edit;
    const kept = (part: string) => part.replace(LONE_SURROGATES, '');
    return { start: start as Utf16Offset, end: end as Utf16Offset, text: kept(text.slice(start, edit.start)) + edit.text + kept(text.slice(edit.end, end)) };
  }).filter((edit) => edit.start !== edit.end || edit.text !== '');
  widened.sort((x, y) => x.start - y.start || x.end - y.end);
  for (let i = 1; i < widened.length; i++) {
    const before = widened[i - 1]!;
    const edit = widened[i]!;
    if (edit.start < before.end || (edit.start === before.start && (before.start === before.end || edit.start === edit.end))) {
      throw new TematikError('invalid_args', say('overlapping', { title, at: String(edit.start) }));
    }
  }
  return widened;
}

/** The text after `edits` (normalised, sorted). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const parts: string[] = [];
  let at = 0;
  for (const edit of edits) {
    parts.push(text.slice(at, edit.start), edit.text);
    at = edit.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/**
 * Maps positions of the text before `edits` (normalised, sorted) to the text after them. One
 * mapper serves a whole document: positions are looked up by binary search over the edits.
 */
export interface OffsetMapper {
  /** Where a range starting at `offset` starts now. */
  start(offset: number, bias: RangeBias): number;
  /** Where a range ending at `offset` ends now. */
  end(offset: number, bias: RangeBias): number;
  /** The range [start, end) after the edits; undefined when nothing of it is left (wholly deleted). */
  range(start: number, end: number, bias: RangeBias): { start: Utf16Offset; end: Utf16Offset } | undefined;
}

/**
 * The mapping rules, for an edit replacing [s, t) with L characters:
 * - a position before s stays, one after t moves by L - (t - s);
 * - an insertion (s = t) exactly at a range's start or end stays outside an `exclusive` range
 *   and joins an `inclusive` one; strictly inside a range it always joins;
 * - a replacement inside a range (s ≥ start, t ≤ end) is inside it: the range takes the new text,
 *   so correcting a coded word keeps the coding on the corrected word;
 * - a replacement across a range's boundary shrinks the range to the part that was kept;
 * - a range whose every character is replaced by text reaching beyond it is gone.
 */
export function offsetMapper(edits: readonly TextEdit[]): OffsetMapper {
  // shift[i]: how far edit i's start has moved, i.e. the change in length of the edits before it.
  const shift: number[] = [];
  let total = 0;
  for (const edit of edits) {
    shift.push(total);
    total += edit.text.length - (edit.end - edit.start);
  }
  /** The last edit with start <= offset, or -1. */
  const lastStartingBy = (offset: number): number => {
    let low = 0;
    let high = edits.length - 1;
    let found = -1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (edits[mid]!.start <= offset) {
        found = mid;
        low = mid + 1;
      } else {
        high = mid - 1;
      }
    }
    return found;
  };
  const map = (offset: number, side: 'start' | 'end', bias: RangeBias): number => {
    const i = lastStartingBy(offset);
    if (i < 0) return offset;
    const { start: s, end: t, text } = edits[i]!;
    const moved = s + shift[i]!;
    const delta = text.length - (t - s);
    if (offset > t) return offset + shift[i]! + delta;
    if (s === t) {
      // An insertion exactly here (offset = s = t).
      const joins = bias === 'inclusive';
      return side === 'start' ? (joins ? moved : moved + text.length) : (joins ? moved + text.length : moved);
    }
    if (side === 'start') return offset === s ? moved : moved + text.length;
    return offset === t ? moved + text.length : moved;
  };
  const start = (offset: number, bias: RangeBias) => map(offset, 'start', bias);
  const end = (offset: number, bias: RangeBias) => map(offset, 'end', bias);
  return {
    start,
    end,
    range: (from, to, bias) => {
      const a = start(from, bias);
      const b = end(to, bias);
      return b > a ? { start: a as Utf16Offset, end: b as Utf16Offset } : undefined;
    },
  };
}

/**
 * Where a coding of `quote` at [start, end) is after the edits (`after`: the text they made), or
 * undefined when its words are gone: nothing of it is left, or only the spaces and punctuation
 * beside the words that were deleted (a sentence cut with the space before it, not after it).
 */
export function carriedCoding(mapper: OffsetMapper, after: string, start: number, end: number, quote: string): { start: Utf16Offset; end: Utf16Offset } | undefined {
  const range = mapper.range(start, end, 'exclusive');
  if (!range) return undefined;
  const words = after.slice(range.start, range.end);
  return words !== quote && NO_WORDS.test(words) ? undefined : range;
}

/**
 * The one edit that turns `before` into `after`: the common start and end are kept, the middle
 * replaced. Offsets are relative to `before`; `base` adds the position of `before` in the whole
 * text (a turn's start). The kept parts end on whole characters, so changing one emoji into
 * another replaces the whole emoji, not its second half. Undefined when nothing changed.
 */
export function diffEdit(before: string, after: string, base = 0): TextEdit | undefined {
  if (before === after) return undefined;
  let prefix = 0;
  const shortest = Math.min(before.length, after.length);
  while (prefix < shortest && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < shortest - prefix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  // Back off to boundaries in both texts, so neither side splits a character.
  while (prefix > 0 && (!isGraphemeBoundary(before, prefix) || !isGraphemeBoundary(after, prefix))) prefix--;
  while (suffix > 0 && (!isGraphemeBoundary(before, before.length - suffix) || !isGraphemeBoundary(after, after.length - suffix))) suffix--;
  return {
    start: (base + prefix) as Utf16Offset,
    end: (base + before.length - suffix) as Utf16Offset,
    text: after.slice(prefix, after.length - suffix),
  };
}
