import { TematikError } from '../domain/errors';
import { defineMessages } from '../domain/text';

const say = defineMessages({
  en: {
    utf32: '{file}: undecodable encoding: the file is UTF-32, which Tematik does not read. Open it in a text editor (Notepad, TextEdit, LibreOffice) and save it as UTF-8, then import it again.',
    notUtf8: '{file}: undecodable encoding: the file contains bytes that are not valid UTF-8. Open it in a text editor (Notepad, TextEdit, LibreOffice) and save it as UTF-8, then import it again.',
    notUtf8AfterMark: '{file}: undecodable encoding: the file starts with a UTF-8 marker but contains bytes that are not valid UTF-8. Open it in a text editor (Notepad, TextEdit, LibreOffice) and save it as UTF-8, then import it again.',
    oddUtf16: '{file}: the file is {encoding} but has an odd number of bytes, so it is cut short or damaged. Open it in a text editor (Notepad, TextEdit, LibreOffice) and save it as UTF-8, then import it again.',
    brokenUtf16: '{file}: the file is {encoding} but contains invalid characters (a broken surrogate pair), so it is damaged. Open it in a text editor (Notepad, TextEdit, LibreOffice) and save it as UTF-8, then import it again.',
    unknownEncoding: '{file}: undecodable encoding: the text is neither UTF-8, UTF-16 nor Windows-1252 (byte 0x{byte} at position {position}). Open it in a text editor (Notepad, TextEdit, LibreOffice) and save it as UTF-8, then import it again.',
    emptyTranscript: '{file}: the file is empty. Export the transcript again and re-import it.',
    emptySheet: '{file}: the file is empty. Export the informant sheet again and re-import it.',
    binaryTranscript: '{file}: looks like a binary file, not a transcript. Import the transcript as .txt, .md, .docx, .vtt or .srt.',
    binarySheet: '{file}: looks like a binary file, not an informant sheet. Save the informant sheet as plain text (CSV, UTF-8) and import that.',
  },
  id: {
    utf32: '{file}: pengodean tidak terbaca: berkas ini UTF-32, yang tidak dibaca Tematik. Buka di penyunting teks (Notepad, TextEdit, LibreOffice) dan simpan sebagai UTF-8, lalu impor lagi.',
    notUtf8: '{file}: pengodean tidak terbaca: berkas ini memuat byte yang bukan UTF-8 yang sah. Buka di penyunting teks (Notepad, TextEdit, LibreOffice) dan simpan sebagai UTF-8, lalu impor lagi.',
    notUtf8AfterMark: '{file}: pengodean tidak terbaca: berkas ini diawali penanda UTF-8 tetapi memuat byte yang bukan UTF-8 yang sah. Buka di penyunting teks (Notepad, TextEdit, LibreOffice) dan simpan sebagai UTF-8, lalu impor lagi.',
    oddUtf16: '{file}: berkas ini {encoding} tetapi jumlah byte-nya ganjil, jadi terpotong atau rusak. Buka di penyunting teks (Notepad, TextEdit, LibreOffice) dan simpan sebagai UTF-8, lalu impor lagi.',
    brokenUtf16: '{file}: berkas ini {encoding} tetapi memuat karakter yang tidak sah (pasangan surrogate yang rusak), jadi berkas ini rusak. Buka di penyunting teks (Notepad, TextEdit, LibreOffice) dan simpan sebagai UTF-8, lalu impor lagi.',
    unknownEncoding: '{file}: pengodean tidak terbaca: teksnya bukan UTF-8, UTF-16, maupun Windows-1252 (byte 0x{byte} di posisi {position}). Buka di penyunting teks (Notepad, TextEdit, LibreOffice) dan simpan sebagai UTF-8, lalu impor lagi.',
    emptyTranscript: '{file}: berkas ini kosong. Ekspor lagi transkripnya, lalu impor ulang.',
    emptySheet: '{file}: berkas ini kosong. Ekspor lagi lembar informannya, lalu impor ulang.',
    binaryTranscript: '{file}: tampaknya berkas biner, bukan transkrip. Impor transkrip sebagai .txt, .md, .docx, .vtt, atau .srt.',
    binarySheet: '{file}: tampaknya berkas biner, bukan lembar informan. Simpan lembar informan sebagai teks biasa (CSV, UTF-8), lalu impor berkas itu.',
  },
});

/** What kind of file is being decoded, for messages. */
export type DecodedKind = 'transcript' | 'informant sheet';

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedText {
  /** The text without BOM, with every line ending turned into '\n'. */
  readonly text: string;
  readonly encoding: TextEncoding;
}

/** Bytes 0x80–0x9F in Windows-1252; the five holes (0x81, 0x8D, 0x8F, 0x90, 0x9D) are 0. */
const CP1252_HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
  0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
];

/** Enough bytes to recognise BOM-less UTF-16 without scanning a whole 10 MB file. */
const SNIFF_BYTES = 64 * 1024;

/**
 * Decodes a text file whose encoding the user did not say: BOM first, then BOM-less
 * UTF-16, strict UTF-8, and Windows-1252 (what old Word and Excel exports on Windows use).
 * Offsets into the result are final, so it is not Unicode-normalised; only line endings change.
 * `what` names the kind of file in messages ("transcript", "informant sheet").
 * @throws TematikError `bad_input` for an empty, binary or undecodable file.
 */
export function decodeText(bytes: Uint8Array, fileName: string, what: DecodedKind = 'transcript'): DecodedText {
  if (bytes.length === 0) throw emptyError(fileName, what);
  const { text, encoding } = decodeRaw(bytes, fileName, what);
  assertNotBinary(text, fileName, what);
  const normalised = text.replace(/\r\n?/g, '\n');
  if (/^\s*$/.test(normalised)) throw emptyError(fileName, what);
  return { text: normalised, encoding };
}

function decodeRaw(bytes: Uint8Array, fileName: string, what: DecodedKind): DecodedText {
  const b0 = bytes[0];
  const b1 = bytes[1];
  if (b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf) {
    return { text: decodeUtf8(bytes.subarray(3), fileName, true), encoding: 'utf-8-bom' };
  }
  if (b0 === 0xff && b1 === 0xfe) {
    // FF FE 00 00 is the UTF-32 LE mark, which would otherwise decode as UTF-16 full of NULs.
    if (bytes[2] === 0 && bytes[3] === 0) {
      throw new TematikError('bad_input', say('utf32', { file: fileName }));
    }
    return { text: decodeUtf16(bytes.subarray(2), 'utf-16le', fileName), encoding: 'utf-16le' };
  }
  if (b0 === 0xfe && b1 === 0xff) return { text: decodeUtf16(bytes.subarray(2), 'utf-16be', fileName), encoding: 'utf-16be' };

  const guessed = sniffUtf16(bytes);
  if (guessed) return { text: decodeUtf16(bytes, guessed, fileName), encoding: guessed };

  if (bytes.indexOf(0) !== -1) throw binaryError(fileName, what);
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: decodeWindows1252(bytes, fileName), encoding: 'windows-1252' };
  }
}

/**
 * BOM-less UTF-16 of mostly-ASCII text has a NUL in every other byte; binary
 * files have NULs too, but not confined to one parity.
 */
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, SNIFF_BYTES) & ~1;
  if (n < 2) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul >= pairs * 0.4 && evenNul <= pairs * 0.02) return 'utf-16le';
  if (evenNul >= pairs * 0.4 && oddNul <= pairs * 0.02) return 'utf-16be';
  return null;
}

function decodeUtf8(bytes: Uint8Array, fileName: string, hasBom: boolean): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new TematikError('bad_input', say(hasBom ? 'notUtf8AfterMark' : 'notUtf8', { file: fileName }));
  }
}

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be', fileName: string): string {
  const label = encoding === 'utf-16le' ? 'UTF-16 LE' : 'UTF-16 BE';
  if (bytes.length % 2 !== 0) {
    throw new TematikError('bad_input', say('oddUtf16', { file: fileName, encoding: label }));
  }
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new TematikError('bad_input', say('brokenUtf16', { file: fileName, encoding: label }));
  }
}

function decodeWindows1252(bytes: Uint8Array, fileName: string): string {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b >= 0x80 && b <= 0x9f && CP1252_HIGH[b - 0x80] === 0) {
      const hex = b.toString(16).toUpperCase().padStart(2, '0');
      throw new TematikError('bad_input', say('unknownEncoding', { file: fileName, byte: hex, position: String(i) }));
    }
  }
  // latin1 maps every byte to the same code point; only 0x80–0x9F differ in cp1252.
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    .toString('latin1')
    .replace(/[\x80-\x9f]/g, (c) => String.fromCharCode(CP1252_HIGH[c.charCodeAt(0) - 0x80]!));
}

/** NUL, or more than 10% control characters other than \t \n \r \f, means this is not a transcript. */
function assertNotBinary(text: string, fileName: string, what: DecodedKind): void {
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) throw binaryError(fileName, what);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || (c >= 0x7f && c <= 0x9f)) controls++;
  }
  if (controls > text.length * 0.1) throw binaryError(fileName, what);
}

function emptyError(fileName: string, what: DecodedKind): TematikError {
  return new TematikError('bad_input', say(what === 'transcript' ? 'emptyTranscript' : 'emptySheet', { file: fileName }));
}

function binaryError(fileName: string, what: DecodedKind): TematikError {
  return new TematikError('bad_input', say(what === 'transcript' ? 'binaryTranscript' : 'binarySheet', { file: fileName }));
}
