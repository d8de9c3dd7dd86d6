import type { CodePointOffset, Utf16Offset } from '../domain/ids';
import { codePointIndex, isHighSurrogate, isLowSurrogate } from '../domain/offsets';

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
 * UTF-16 offsets in the stored text. A position between CR and LF maps to the LF. With
 * `crlfIsOne` the tool counted CR LF as one character (Tematik's CRLF export, ATLAS.ti), so the
 * CR has no position of its own.
 */
export function importedText(raw: string, crlfIsOne = false): ImportedText {
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
    if (isLowSurrogate(c) && i > 0 && isHighSurrogate(raw.charCodeAt(i - 1))) { unit++; continue; }
    if (crlfIsOne && c === 0x0d && raw.charCodeAt(i + 1) === 0x0a) {
      out += raw.slice(chunkStart, i);
      chunkStart = i + 1;
      continue;
    }
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
