import type { CodePointOffset, Utf16Offset } from '../domain/ids';
import { codePointIndex, isHighSurrogate, isLowSurrogate } from '../domain/offsets';
import { ORIGIN } from './export';

/**
 * How the tool that wrote a .qdpx counted a CR LF pair in `startPosition`/`endPosition`:
 * as the two characters its plain text file holds, or as the one line break it shows.
 */
export type CrLfCount = 'two' | 'one';

/**
 * REFI-QDA counts positions in the characters of the source's plain text, so a CR LF is two;
 * qc, QualCoder, NVivo and MAXQDA count so. Tematik counts a line break once whichever line
 * endings its export wrote (its CRLF export is for ATLAS.ti). ATLAS.ti is the exception: its
 * `.txt` files have CR LF while its positions count each CR LF as one character. This follows
 * QualCoder's importer (`src/qualcoder/refi.py`, `load_text_source`: "Atlas stored correct
 * positions … as though it is \n - one character. But the source.txt stores \r\n", and
 * `parse_project_tag` detecting ATLAS.ti by `<Project origin>`), which is tested against real
 * exports of both kinds; the REFI-QDA 1.5 text does not settle it.
 */
export function crLfCountOf(origin: string | undefined): CrLfCount {
  return origin?.trim() === ORIGIN || /atlas\s*\.?\s*ti/i.test(origin ?? '') ? 'one' : 'two';
}

/** A source text as Tematik stores it, with the way back from the other tool's positions. */
export interface ImportedText {
  /** The text with every line ending turned into '\n', as Tematik's own importers store it. */
  readonly text: string;
  /** Positions in the text as the other tool counted them (before line endings changed). */
  readonly codePoints: number;
  /** UTF-16 offset in `text` of a code point position in the original, or undefined past its end. */
  toUtf16(position: number): Utf16Offset | undefined;
}

/**
 * Normalises line endings (CR LF and lone CR become LF, as `import/decode.ts` does) while
 * keeping a table from the original code point positions, which the other tool wrote, to
 * UTF-16 offsets in the stored text. Counting a CR LF as two, a position between CR and LF
 * maps to the LF; counting it as one, the pair is one position. A lone CR is one either way.
 */
export function importedText(raw: string, crLf: CrLfCount = 'two'): ImportedText {
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
    if (c === 0x0d) {
      out += raw.slice(chunkStart, i);
      chunkStart = i + 1;
      const pair = raw.charCodeAt(i + 1) === 0x0a;
      if (pair && crLf === 'one') continue; // the LF that follows stands for both
      table.push(unit);
      if (!pair) { out += '\n'; unit++; }
      continue;
    }
    table.push(unit);
    unit++;
  }
  out += raw.slice(chunkStart);
  table.push(unit);
  const positions = Uint32Array.from(table);
  return { text: out, codePoints: positions.length - 1, toUtf16: (p) => (p >= 0 && p < positions.length ? positions[p]! as Utf16Offset : undefined) };
}
