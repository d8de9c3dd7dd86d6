import type { CodePointOffset, Utf16Offset } from '../domain/ids';

const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/**
 * Converts offsets of one text between UTF-16 units (the store) and code points (REFI-QDA),
 * with the same rules as `domain/offsets.ts` but in constant time per offset: a document with
 * a thousand codings is scanned once, not once per coding. Texts without astral characters
 * (most transcripts) need no table at all.
 */
export interface CodePointIndex {
  /** Length of the text in code points. */
  readonly codePoints: number;
  toCodePoint(offset: Utf16Offset): CodePointOffset;
  /** The UTF-16 offset of a code point offset, or undefined when it lies past the end of the text. */
  toUtf16(offset: CodePointOffset): Utf16Offset | undefined;
}

export function codePointIndex(text: string): CodePointIndex {
  let astral = 0;
  for (let i = 0; i < text.length; i++) {
    if (isLow(text.charCodeAt(i)) && i > 0 && isHigh(text.charCodeAt(i - 1))) astral++;
  }
  const codePoints = text.length - astral;
  if (astral === 0) {
    return {
      codePoints,
      toCodePoint: (offset) => Math.min(offset, text.length) as CodePointOffset,
      toUtf16: (offset) => (offset <= codePoints ? offset as number as Utf16Offset : undefined),
    };
  }
  const toPoint = new Uint32Array(text.length + 1);
  const toUnit = new Uint32Array(codePoints + 1);
  let point = 0;
  for (let i = 0; i < text.length; i++) {
    toPoint[i] = point;
    if (isLow(text.charCodeAt(i)) && i > 0 && isHigh(text.charCodeAt(i - 1))) continue;
    toUnit[point] = i;
    point++;
  }
  toPoint[text.length] = point;
  toUnit[point] = text.length;
  return {
    codePoints,
    // The low half of a pair counts as part of its character, as in domain/offsets.ts.
    toCodePoint: (offset) => toPoint[Math.min(offset, text.length)]! as CodePointOffset,
    toUtf16: (offset) => (offset <= codePoints ? toUnit[offset]! as Utf16Offset : undefined),
  };
}

/** A source text as Tematik stores it, with the way back from the other tool's positions. */
export interface ImportedText {
  /** The text with every line ending turned into '\n', as Tematik's own importers store it. */
  readonly text: string;
  /** Code points in the text as the other tool counted them (before line endings changed). */
  readonly codePoints: number;
  /** UTF-16 offset in `text` of a code point position in the original, or undefined past its end. */
  toUtf16(position: number): Utf16Offset | undefined;
}

/**
 * Normalises line endings (CR LF and lone CR become LF, as `import/decode.ts` does) while
 * keeping a table from the original code point positions, which the other tool wrote, to
 * UTF-16 offsets in the stored text. A position between CR and LF maps to the LF.
 */
export function importedText(raw: string): ImportedText {
  if (!raw.includes('\r')) {
    const index = codePointIndex(raw);
    return { text: raw, codePoints: index.codePoints, toUtf16: (p) => index.toUtf16(p as CodePointOffset) };
  }
  const table: number[] = [];
  let out = '';
  let chunkStart = 0;
  let unit = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (isLow(c) && i > 0 && isHigh(raw.charCodeAt(i - 1))) { unit++; continue; }
    table.push(unit);
    if (c === 0x0d) {
      out += raw.slice(chunkStart, i);
      chunkStart = i + 1;
      if (raw.charCodeAt(i + 1) !== 0x0a) { out += '\n'; unit++; }
      continue;
    }
    unit++;
  }
  out += raw.slice(chunkStart);
  table.push(unit);
  const positions = Uint32Array.from(table);
  return { text: out, codePoints: positions.length - 1, toUtf16: (p) => (p >= 0 && p < positions.length ? positions[p]! as Utf16Offset : undefined) };
}
