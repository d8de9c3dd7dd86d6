import type { CodePointOffset, Utf16Offset } from './ids';

const isHighSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

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
