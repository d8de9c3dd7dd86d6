import type { Block, Span } from './blocks';
import { blockIndexAt } from './blocks';
import { snapToCharacter } from './selection-offsets';

/**
 * Caret movement for coding with the keyboard. The caret is a UTF-16 offset into the
 * stored text that always lies on visible text: inside or at either end of a rendered
 * line (speaker labels and line breaks between lines are stepped over as one step).
 * Every function is pure, so the reader and its tests share them.
 */

/** A keyboard selection: `anchor` stays, `focus` moves; equal when it is just a caret. */
export interface KeySelection {
  readonly anchor: number;
  readonly focus: number;
}

export type Unit = 'character' | 'word' | 'sentence' | 'turn';

/** Every rendered line of the document, in order. */
export const linesOf = (blocks: readonly Block[]): Span[] => blocks.flatMap((b) => b.paragraphs.flatMap((p) => [...p]));

/** Index of the line holding `offset` (ends included), or of the nearest line after it (or the last). */
function lineAt(lines: readonly Span[], offset: number): number {
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (lines[mid]!.end < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The nearest caret position on visible text. */
export function clampCaret(lines: readonly Span[], offset: number): number {
  if (lines.length === 0) return 0;
  const line = lines[lineAt(lines, offset)]!;
  return Math.min(Math.max(offset, line.start), line.end);
}

const WORD = /[\p{L}\p{N}\p{M}]/u;
/** A letter, or a hyphen or apostrophe joining two letters ("co-creation", "ide-ide", "don't"). */
function isWordChar(text: string, i: number): boolean {
  const c = text[i];
  if (c === undefined) return false;
  if (WORD.test(c)) return true;
  // A letter outside the BMP is two code units: test the pair.
  if (c >= '\uD800' && c <= '\uDBFF') return WORD.test(text.slice(i, i + 2));
  if (c >= '\uDC00' && c <= '\uDFFF') return WORD.test(text.slice(i - 1, i + 1));
  return (c === '-' || c === '\'' || c === '’') && WORD.test(text[i - 1] ?? '') && WORD.test(text[i + 1] ?? '');
}

/** The end of a sentence: terminal punctuation and any closing quotes or brackets after it. */
const SENTENCE_END = /[.!?…]+["'”’)\]]*/gu;

function charStep(text: string, lines: readonly Span[], offset: number, dir: 1 | -1): number {
  const i = lineAt(lines, offset);
  const line = lines[i]!;
  if (dir > 0) {
    if (offset >= line.end) return lines[i + 1]?.start ?? line.end;
    return Math.min(line.end, snapToCharacter(text, offset + 1, 'forward'));
  }
  if (offset <= line.start) return lines[i - 1]?.end ?? line.start;
  return Math.max(line.start, snapToCharacter(text, offset - 1, 'back'));
}

function wordStep(text: string, lines: readonly Span[], offset: number, dir: 1 | -1): number {
  let i = lineAt(lines, offset);
  let at = offset;
  if (dir > 0) {
    for (; i < lines.length; i++) {
      const line = lines[i]!;
      at = Math.max(at, line.start);
      while (at < line.end && !isWordChar(text, at)) at++;
      if (at < line.end) {
        while (at < line.end && isWordChar(text, at)) at++;
        return at;
      }
    }
    return lines[lines.length - 1]!.end;
  }
  for (; i >= 0; i--) {
    const line = lines[i]!;
    at = Math.min(at, line.end);
    while (at > line.start && !isWordChar(text, at - 1)) at--;
    if (at > line.start) {
      while (at > line.start && isWordChar(text, at - 1)) at--;
      return at;
    }
  }
  return lines[0]!.start;
}

/** Sentence ends within a line, as offsets just after the punctuation. */
function sentenceEnds(text: string, line: Span): number[] {
  const ends: number[] = [];
  const slice = text.slice(line.start, line.end);
  for (const m of slice.matchAll(SENTENCE_END)) {
    const end = line.start + m.index + m[0].length;
    // "Rp 50.000.000,00" and "3.5": a full stop between digits ends no sentence.
    if (end < line.end && !/\s/.test(text[end]!)) continue;
    ends.push(end);
  }
  if (ends[ends.length - 1] !== line.end) ends.push(line.end);
  return ends;
}

function sentenceStep(text: string, lines: readonly Span[], offset: number, dir: 1 | -1): number {
  const i = lineAt(lines, offset);
  const line = lines[i]!;
  if (dir > 0) {
    if (offset >= line.end) {
      const next = lines[i + 1];
      return next ? sentenceEnds(text, next)[0]! : line.end;
    }
    return sentenceEnds(text, line).find((e) => e > offset) ?? line.end;
  }
  // Sentence starts: the line start and the first non-space after each sentence end.
  const starts = [line.start];
  for (const end of sentenceEnds(text, line)) {
    let s = end;
    while (s < line.end && /\s/.test(text[s]!)) s++;
    if (s < line.end) starts.push(s);
  }
  const before = starts.filter((s) => s < offset);
  if (before.length > 0) return before[before.length - 1]!;
  const previous = lines[i - 1];
  if (!previous) return line.start;
  return sentenceStep(text, lines, previous.end, -1);
}

function turnStep(blocks: readonly Block[], offset: number, dir: 1 | -1): number {
  const i = blockIndexAt(blocks, offset);
  const block = blocks[i]!;
  if (dir > 0) return offset < block.end ? block.end : blocks[i + 1]?.end ?? block.end;
  if (offset > block.start) return block.start;
  return blocks[i - 1]?.start ?? block.start;
}

/** Where the caret goes from `offset` by one unit forward (1) or back (-1). */
export function step(text: string, blocks: readonly Block[], offset: number, unit: Unit, dir: 1 | -1): number {
  const lines = linesOf(blocks);
  if (lines.length === 0) return offset;
  const from = clampCaret(lines, offset);
  switch (unit) {
    case 'character': return charStep(text, lines, from, dir);
    case 'word': return wordStep(text, lines, from, dir);
    case 'sentence': return sentenceStep(text, lines, from, dir);
    case 'turn': return turnStep(blocks, from, dir);
  }
}

/** The start of the next (1) or previous (-1) turn: plain ↓ and ↑. */
export function turnStart(blocks: readonly Block[], offset: number, dir: 1 | -1): number {
  if (blocks.length === 0) return offset;
  const i = blockIndexAt(blocks, offset);
  const target = dir > 0 ? Math.min(blocks.length - 1, i + 1) : offset > blocks[i]!.start ? i : Math.max(0, i - 1);
  return blocks[target]!.start;
}

/** The range a keyboard selection codes: ordered, without whitespace at either end; null when empty. */
export function selectionSpan(text: string, selection: KeySelection): Span | null {
  let start = Math.min(selection.anchor, selection.focus);
  let end = Math.max(selection.anchor, selection.focus);
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return end > start ? { start, end } : null;
}

/**
 * The key bindings, in one place for the reader and the README: what a key press does
 * to the caret, or null when the key is not a caret key.
 */
export function caretCommand(event: { key: string; shiftKey: boolean; ctrlKey: boolean; altKey: boolean; metaKey: boolean }):
  { readonly extend: boolean; readonly move: { readonly unit: Unit; readonly dir: 1 | -1 } | 'next-turn' | 'previous-turn' | 'turn-start' | 'turn-end' } | null {
  const { key, shiftKey: extend, altKey: alt } = event;
  const ctrl = event.ctrlKey || event.metaKey;
  const dir = key === 'ArrowRight' ? 1 : key === 'ArrowLeft' ? -1 : null;
  if (dir !== null) {
    const unit: Unit = alt ? 'sentence' : ctrl ? 'word' : 'character';
    return { extend, move: { unit, dir } };
  }
  if (key === 'ArrowDown' || key === 'ArrowUp') {
    const down = key === 'ArrowDown';
    if (ctrl && extend) return { extend, move: { unit: 'turn', dir: down ? 1 : -1 } };
    if (ctrl || alt) return null;
    return { extend, move: down ? 'next-turn' : 'previous-turn' };
  }
  if (key === 'Home' && !ctrl) return { extend, move: 'turn-start' };
  if (key === 'End' && !ctrl) return { extend, move: 'turn-end' };
  return null;
}
