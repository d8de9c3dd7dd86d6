import type { CodePointOffset, Utf16Offset } from './ids';

export const isHighSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
export const isLowSurrogate = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/** Converts a UTF-16 offset into `text` to a code point offset. */
export function toCodePoint(text: string, offset: Utf16Offset): CodePointOffset {
  let points = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (!(isLowSurrogate(text.charCodeAt(i)) && i > 0 && isHighSurrogate(text.charCodeAt(i - 1)))) points++;
  }
  return points as CodePointOffset;
}

/** Converts a code point offset into `text` to a UTF-16 offset (clamped to the text). */
export function toUtf16(text: string, offset: CodePointOffset): Utf16Offset {
  let i = 0;
  for (let points = 0; points < offset && i < text.length; points++) {
    i += isHighSurrogate(text.charCodeAt(i)) && isLowSurrogate(text.charCodeAt(i + 1)) ? 2 : 1;
  }
  return i as Utf16Offset;
}

/** True when `offset` does not split a surrogate pair, so a range may start or end there. */
export function isCharBoundary(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return offset === 0 || offset === text.length;
  return !(isHighSurrogate(text.charCodeAt(offset - 1)) && isLowSurrogate(text.charCodeAt(offset)));
}

/**
 * Converts offsets of one text between UTF-16 units (the store) and code points (REFI-QDA),
 * with the same rules as toCodePoint/toUtf16 above but in constant time per offset: a document with
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
    if (isLowSurrogate(text.charCodeAt(i)) && i > 0 && isHighSurrogate(text.charCodeAt(i - 1))) astral++;
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
    if (isLowSurrogate(text.charCodeAt(i)) && i > 0 && isHighSurrogate(text.charCodeAt(i - 1))) continue;
    toUnit[point] = i;
    point++;
  }
  toPoint[text.length] = point;
  toUnit[point] = text.length;
  return {
    codePoints,
    // The low half of a pair counts as part of its character, as in toCodePoint above.
    toCodePoint: (offset) => toPoint[Math.min(offset, text.length)]! as CodePointOffset,
    toUtf16: (offset) => (offset <= codePoints ? toUnit[offset]! as Utf16Offset : undefined),
  };
}
