import type { SpeakerRole } from '../domain/types';
import { cleanLabel, guessLanguage, isNeverSpeaker, isRoleLabel, LABEL_SOURCE, labelKey, roleAssigner } from './speakers';
import type { ParsedTurn } from './types';

export { guessLanguage } from './speakers';
export type { Language } from './speakers';

const TIME_SOURCE = String.raw`\d{1,3}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?`;

/**
 * A labelled line: optional `[ts]`, `(ts)` or bare `ts`, then `Name:`, `**Name:**` or
 * `**Name**:` followed by a space or the end of the line. Sticky, so it is tried at
 * each line start without slicing the text; the trailing `[ \t]*` leaves `lastIndex`
 * at the utterance.
 */
const LINE_RE = new RegExp(
  String.raw`[ \t]*(?:(?:\[(${TIME_SOURCE})\]|\((${TIME_SOURCE})\)|(${TIME_SOURCE}))[ \t]+)?` +
    String.raw`(?:\*\*(${LABEL_SOURCE})[ \t]*:\*\*|\*\*(${LABEL_SOURCE})[ \t]*\*\*[ \t]*:|(${LABEL_SOURCE})[ \t]*:)` +
    String.raw`(?=[ \t\r\n]|$)[ \t]*`,
  'uy',
);

interface LabelledLine {
  readonly lineStart: number;
  readonly contentStart: number;
  readonly label: string;
  readonly key: string;
  readonly startMs: number | null;
}

/**
 * Splits a transcript into speaker turns. A line `Name: …` (optionally timestamped or
 * in markdown bold) starts a turn; unlabelled lines continue it. A label counts as a
 * speaker when it is a role label (Pewawancara, Informan 2, P, Q…) or starts at least
 * two lines, so one-off headings like "Catatan:" stay text. Text before the first turn
 * becomes a turn with speaker ''. Ranges are UTF-16 offsets covering the utterance only.
 * @returns [] when the document has no speaker labels (one unbroken text).
 */
export function parseTurns(text: string): ParsedTurn[] {
  const labelled = findLabelledLines(text);
  const counts = new Map<string, number>();
  for (const line of labelled) counts.set(line.key, (counts.get(line.key) ?? 0) + 1);
  const speakerLines = labelled.filter(
    (line) => !isNeverSpeaker(line.label) && (isRoleLabel(line.label) || (counts.get(line.key) ?? 0) >= 2),
  );
  const first = speakerLines[0];
  if (!first) return [];

  let language: ReturnType<typeof guessLanguage> | undefined;
  const roleOf = roleAssigner(speakerLines.map((line) => line.label), () => (language ??= guessLanguage(text)));
  const turns: ParsedTurn[] = [];
  pushTurn(turns, text, 0, first.lineStart, '', 'unknown', null);
  speakerLines.forEach((line, i) => {
    const regionEnd = speakerLines[i + 1]?.lineStart ?? text.length;
    pushTurn(turns, text, line.contentStart, regionEnd, line.label, roleOf(line.label), line.startMs);
  });
  return turns;
}

function findLabelledLines(text: string): LabelledLine[] {
  const found: LabelledLine[] = [];
  for (let lineStart = 0; lineStart < text.length; ) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    LINE_RE.lastIndex = lineStart;
    const match = LINE_RE.exec(text);
    const label = match ? cleanLabel(match[4] ?? match[5] ?? match[6] ?? '') : null;
    if (match && label) {
      const time = match[1] ?? match[2] ?? match[3];
      found.push({ lineStart, contentStart: LINE_RE.lastIndex, label, key: labelKey(label), startMs: time ? parseClock(time) : null });
    }
    lineStart = lineEnd + 1;
  }
  return found;
}

/** Adds the turn for `[from, to)` trimmed of surrounding whitespace; blank regions add nothing. */
function pushTurn(
  turns: ParsedTurn[], text: string, from: number, to: number, speaker: string, role: SpeakerRole, startMs: number | null,
): void {
  let start = from;
  let end = to;
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  if (start < end) turns.push({ speaker, role, startMs, endMs: null, start, end });
}

/** The characters JavaScript's `\s` matches, without a regex per character. */
export function isSpace(c: number): boolean {
  return (c >= 0x09 && c <= 0x0d) || c === 0x20 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Parses `h:mm:ss`, `mm:ss`, with an optional `.mmm` or `,mmm` fraction, into milliseconds. */
export function parseClock(clock: string): number {
  const [whole = '', fraction = ''] = clock.split(/[.,]/);
  const parts = whole.split(':').map(Number);
  const seconds = parts.reduce((total, part) => total * 60 + part, 0);
  return seconds * 1000 + (fraction ? Number(fraction.padEnd(3, '0')) : 0);
}
