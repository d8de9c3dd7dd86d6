import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { TematikError } from '../domain/errors';
import { defineMessages, type LocalizedText } from '../domain/text';
import type { SourceFormat } from '../domain/types';
import { decodeText } from './decode';
import { docxToText } from './docx';
import { parseSrt, parseVtt } from './subtitles';
import { settleRoles } from './roles';
import { parseTurns } from './turns';
import type { ParsedDocument, ParsedTurn } from './types';
import { countWords } from './words';

const say = defineMessages({
  en: {
    notAFile: '{file} is not a regular file (it is a folder or a device). Choose a transcript file to import.',
    cannotRead: '{file}: {reason}. Check the path and that you may read the file, then import it again.',
    missing: 'the file does not exist',
    denied: 'permission was denied',
    unreadable: 'it could not be read ({code})',
    oldWordFormat: '{file}: {extension} files cannot be imported. Open it in Word or LibreOffice, save it as a Word document (.docx), and import that file.',
    unsupported: '{file}: "{extension}" files are not supported. Import a transcript as {formats}.',
    noExtension: '{file}: the file has no extension, so its format is unknown. Import a transcript as {formats}.',
    docxTooLarge: '{file}: the file is {megabytes} MB ({bytes} bytes), over the {limit} MB limit for .{format} files. Remove or compress the images in it, or save the transcript as .txt.',
    textTooLarge: '{file}: the file is {megabytes} MB ({bytes} bytes), over the {limit} MB limit for .{format} files. Split it into several documents and import them one by one.',
  },
  id: {
    notAFile: '{file} bukan berkas biasa (melainkan folder atau perangkat). Pilih berkas transkrip untuk diimpor.',
    cannotRead: '{file}: {reason}. Periksa path-nya dan pastikan Anda boleh membaca berkas itu, lalu impor lagi.',
    missing: 'berkas tidak ada',
    denied: 'akses ditolak',
    unreadable: 'berkas tidak bisa dibaca ({code})',
    oldWordFormat: '{file}: berkas {extension} tidak bisa diimpor. Buka di Word atau LibreOffice, simpan sebagai dokumen Word (.docx), lalu impor berkas itu.',
    unsupported: '{file}: berkas "{extension}" tidak didukung. Impor transkrip sebagai {formats}.',
    noExtension: '{file}: berkas tidak punya ekstensi, jadi formatnya tidak diketahui. Impor transkrip sebagai {formats}.',
    docxTooLarge: '{file}: ukuran berkas {megabytes} MB ({bytes} byte), melebihi batas {limit} MB untuk berkas .{format}. Hapus atau kompres gambar di dalamnya, atau simpan transkrip sebagai .txt.',
    textTooLarge: '{file}: ukuran berkas {megabytes} MB ({bytes} byte), melebihi batas {limit} MB untuk berkas .{format}. Pecah menjadi beberapa transkrip lalu impor satu per satu.',
  },
});

/** Largest plain-text or subtitle file accepted (a 15k-word transcript is about 100 KB). */
export const MAX_TEXT_BYTES = 10 * 1024 * 1024;
/** Largest Word file accepted; embedded photos make .docx files much bigger than their text. */
export const MAX_DOCX_BYTES = 50 * 1024 * 1024;

type TranscriptFormat = Exclude<SourceFormat, 'qdpx'>;

const FORMATS: ReadonlyMap<string, TranscriptFormat> = new Map<string, TranscriptFormat>([
  ['.txt', 'txt'], ['.md', 'md'], ['.markdown', 'md'], ['.docx', 'docx'], ['.vtt', 'vtt'], ['.srt', 'srt'],
]);

/** The extensions `parseTranscript` accepts, for file dialogs and messages. */
export const TRANSCRIPT_EXTENSIONS: readonly string[] = [...FORMATS.keys()];

/** True when the file's extension is one `parseTranscript` reads (case-insensitive). */
export function isTranscriptFile(fileName: string): boolean {
  return FORMATS.has(path.extname(fileName).toLowerCase());
}

/**
 * Parses one transcript file into its stored text, speaker turns and word count. The
 * format comes from the extension; the size is checked before anything is decoded.
 * @throws TematikError `bad_input` for an unsupported, oversized, empty or unreadable file.
 */
export async function parseTranscript(fileName: string, bytes: Uint8Array): Promise<ParsedDocument> {
  const sourceName = path.basename(fileName);
  const format = formatOf(sourceName);
  assertSize(sourceName, format, bytes.length);

  let text: string;
  let encoding: string;
  let turns: readonly ParsedTurn[];
  if (format === 'docx') {
    text = await docxToText(bytes, sourceName);
    encoding = 'docx';
    turns = parseTurns(text);
  } else {
    const decoded = decodeText(bytes, sourceName);
    encoding = decoded.encoding;
    if (format === 'vtt' || format === 'srt') {
      ({ text, turns } = format === 'vtt' ? parseVtt(decoded.text, sourceName) : parseSrt(decoded.text, sourceName));
    } else {
      text = decoded.text;
      turns = parseTurns(text);
    }
  }
  return {
    title: path.parse(sourceName).name,
    sourceName,
    format,
    encoding,
    text,
    turns: settleRoles(text, turns),
    wordCount: countWords(text),
    contentHash: createHash('sha256').update(text, 'utf8').digest('hex'),
  };
}

/**
 * Reads and parses a transcript from disk, refusing folders, unreadable files and
 * oversized files before reading them.
 * @throws TematikError `bad_input` as `parseTranscript`, or when the path cannot be read.
 */
export async function readTranscript(filePath: string): Promise<ParsedDocument> {
  const sourceName = path.basename(filePath);
  const format = formatOf(sourceName);
  let bytes: Uint8Array;
  try {
    const info = await stat(filePath);
    if (!info.isFile()) {
      throw new TematikError('bad_input', say('notAFile', { file: filePath }));
    }
    assertSize(sourceName, format, info.size);
    bytes = await readFile(filePath);
  } catch (error) {
    if (error instanceof TematikError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? say('missing') : code === 'EACCES' || code === 'EPERM' ? say('denied') : say('unreadable', { code: code ?? String(error) });
    throw new TematikError('bad_input', say('cannotRead', { file: filePath, reason }));
  }
  return parseTranscript(sourceName, bytes);
}

function formatOf(sourceName: string): TranscriptFormat {
  const extension = path.extname(sourceName).toLowerCase();
  const format = FORMATS.get(extension);
  if (format) return format;
  if (extension === '.doc' || extension === '.rtf' || extension === '.odt' || extension === '.pages') {
    throw new TematikError('bad_input', say('oldWordFormat', { file: sourceName, extension }));
  }
  const formats = TRANSCRIPT_EXTENSIONS.join(', ');
  throw new TematikError('bad_input', extension ? say('unsupported', { file: sourceName, extension, formats }) : say('noExtension', { file: sourceName, formats }));
}

/** One decimal always, so a file just over the limit does not read as the limit itself (10.0 MB, 10,0 MB). */
function megabytes(size: number): LocalizedText {
  const format = (locale: string) => new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(size / 1024 / 1024);
  return { en: format('en-GB'), id: format('id-ID') };
}

function assertSize(sourceName: string, format: TranscriptFormat, size: number): void {
  const limit = format === 'docx' ? MAX_DOCX_BYTES : MAX_TEXT_BYTES;
  if (size <= limit) return;
  throw new TematikError('bad_input', say(format === 'docx' ? 'docxTooLarge' : 'textTooLarge', {
    file: sourceName, megabytes: megabytes(size), bytes: size, limit: limit / 1024 / 1024, format,
  }));
}
