import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { TematikError } from '../domain/errors';
import type { SourceFormat } from '../domain/types';
import { decodeText } from './decode';
import { docxToText } from './docx';
import { parseSrt, parseVtt } from './subtitles';
import { settleRoles } from './roles';
import { parseTurns } from './turns';
import type { ParsedDocument, ParsedTurn } from './types';
import { countWords } from './words';

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
      throw new TematikError('bad_input', `${filePath} is not a regular file (it is a folder or a device). Choose a transcript file to import.`);
    }
    assertSize(sourceName, format, info.size);
    bytes = await readFile(filePath);
  } catch (error) {
    if (error instanceof TematikError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'the file does not exist' : code === 'EACCES' || code === 'EPERM' ? 'permission was denied' : `it could not be read (${code ?? String(error)})`;
    throw new TematikError('bad_input', `${filePath}: ${reason}. Check the path and that you may read the file, then import it again.`);
  }
  return parseTranscript(sourceName, bytes);
}

function formatOf(sourceName: string): TranscriptFormat {
  const extension = path.extname(sourceName).toLowerCase();
  const format = FORMATS.get(extension);
  if (format) return format;
  if (extension === '.doc' || extension === '.rtf' || extension === '.odt' || extension === '.pages') {
    throw new TematikError('bad_input', `${sourceName}: ${extension} files cannot be imported. Open it in Word or LibreOffice, save it as a Word document (.docx), and import that file.`);
  }
  const what = extension ? `"${extension}" files are not supported` : 'the file has no extension, so its format is unknown';
  throw new TematikError('bad_input', `${sourceName}: ${what}. Import a transcript as ${TRANSCRIPT_EXTENSIONS.join(', ')}.`);
}

function assertSize(sourceName: string, format: TranscriptFormat, size: number): void {
  const limit = format === 'docx' ? MAX_DOCX_BYTES : MAX_TEXT_BYTES;
  if (size <= limit) return;
  const fix = format === 'docx'
    ? 'Remove or compress the images in it, or save the transcript as .txt.'
    : 'Split it into several documents and import them one by one.';
  throw new TematikError(
    'bad_input',
    `${sourceName}: the file is ${formatMegabytes(size)} (${size} bytes), over the ${limit / 1024 / 1024} MB limit for .${format} files. ${fix}`,
  );
}

function formatMegabytes(size: number): string {
  return `${(size / 1024 / 1024).toFixed(1)} MB`;
}
