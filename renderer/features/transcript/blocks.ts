import type { SpeakerRole, Turn } from '../../../src/domain/types';

/** A half-open range `[start, end)` of UTF-16 offsets into the stored text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/**
 * One unit the reader renders and virtualises: a speaker turn, the text before the
 * first turn, or (in a document without turns) a paragraph. `paragraphs` lists the
 * visible text as lines grouped into paragraphs; text outside them (speaker labels,
 * blank lines, line ends) is in the stored text but never rendered.
 */
export interface Block {
  readonly key: string;
  readonly kind: 'turn' | 'preamble' | 'paragraph';
  readonly speaker: string;
  readonly role: SpeakerRole;
  readonly startMs: number | null;
  /** Start of the first visible character and end of the last one. */
  readonly start: number;
  readonly end: number;
  readonly paragraphs: readonly (readonly Span[])[];
}

/** Lines longer than this many in one paragraph are cut into several blocks, so one block never dominates the window. */
const MAX_LINES_PER_BLOCK = 24;

/** The non-blank lines of `text` within `[from, to)`, each trimmed of surrounding whitespace. */
export function visibleLines(text: string, from: number, to: number): Span[] {
  const lines: Span[] = [];
  let lineStart = from;
  while (lineStart < to) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 || newline >= to ? to : newline;
    let s = lineStart;
    let e = lineEnd;
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e > s) lines.push({ start: s, end: e });
    lineStart = lineEnd + 1;
  }
  return lines;
}

/**
 * The blocks of a document. With turns, one block per turn, each line of the turn a
 * paragraph. Without turns, paragraphs split on newlines: where the text separates
 * paragraphs with blank lines, single line breaks stay inside a paragraph (hard-wrapped
 * text); otherwise every line is a paragraph.
 */
export function buildBlocks(text: string, turns: readonly Turn[]): Block[] {
  if (turns.length > 0) {
    const blocks: Block[] = [];
    for (const turn of turns) {
      const lines = visibleLines(text, turn.start, turn.end);
      if (lines.length === 0) continue;
      const preamble = turn.speaker === '';
      blocks.push({
        key: `t${turn.id}`, kind: preamble ? 'preamble' : 'turn', speaker: turn.speaker, role: turn.role, startMs: turn.startMs,
        start: lines[0]!.start, end: lines[lines.length - 1]!.end, paragraphs: lines.map((line) => [line]),
      });
    }
    return blocks;
  }
  const lines = visibleLines(text, 0, text.length);
  const blankSeparated = /\n[ \t\r]*\n/.test(text);
  const groups: Span[][] = [];
  let previous: Span | null = null;
  for (const line of lines) {
    const current = groups[groups.length - 1];
    const sameParagraph = blankSeparated && previous !== null && current !== undefined
      && !/\n[ \t\r]*\n/.test(text.slice(previous.end, line.start)) && current.length < MAX_LINES_PER_BLOCK;
    if (sameParagraph) current.push(line);
    else groups.push([line]);
    previous = line;
  }
  return groups.map((group) => ({
    key: `p${group[0]!.start}`, kind: 'paragraph', speaker: '', role: 'unknown', startMs: null,
    start: group[0]!.start, end: group[group.length - 1]!.end, paragraphs: [group],
  }));
}

/** Index of the block holding `offset`, or the nearest one after it (or the last block). */
export function blockIndexAt(blocks: readonly Block[], offset: number): number {
  let lo = 0;
  let hi = blocks.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (blocks[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return Math.max(0, lo);
}

/** A piece of a line with the codings covering all of it. */
export interface Segment extends Span {
  readonly codingIds: readonly number[];
}

export interface Ranged extends Span {
  readonly id: number;
}

/**
 * Cuts a line at every coding boundary inside it, so each piece is covered by one fixed
 * set of codings (listed shortest first: the innermost code is the most specific).
 * `codings` may hold codings outside the line; they are ignored.
 */
export function segmentLine(line: Span, codings: readonly Ranged[]): Segment[] {
  const inside = codings.filter((c) => c.start < line.end && c.end > line.start);
  const cuts = new Set([line.start, line.end]);
  for (const c of inside) {
    if (c.start > line.start) cuts.add(c.start);
    if (c.end < line.end) cuts.add(c.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    const covering = inside.filter((c) => c.start <= start && c.end >= end)
      .sort((a, b) => (a.end - a.start) - (b.end - b.start) || a.id - b.id);
    segments.push({ start, end, codingIds: covering.map((c) => c.id) });
  }
  return segments;
}
