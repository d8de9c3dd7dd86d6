import mammoth from 'mammoth';
import { TematikError } from '../domain/errors';

/** Word 97–2003 files are OLE compound documents. */
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_ENTRY_SIGNATURE = 0x02014b50;
/**
 * Unpacked XML a transcript could plausibly need; more means a damaged file or a zip
 * bomb, refused before mammoth inflates it in memory.
 */
const MAX_UNPACKED_XML_BYTES = 256 * 1024 * 1024;

/**
 * Extracts the text of a Word (.docx) file, one paragraph per line, trailing spaces
 * removed. Old .doc files, other Office files and broken zips are refused with a
 * message saying how to fix them.
 * @throws TematikError `bad_input` when the file is not a readable .docx or has no text.
 */
export async function docxToText(bytes: Uint8Array, fileName: string): Promise<string> {
  if (OLE_MAGIC.every((b, i) => bytes[i] === b)) {
    throw new TematikError(
      'bad_input',
      `${fileName}: this is an old Word 97–2003 document (.doc), which Tematik cannot read. Open it in Word or LibreOffice, save it as a Word document (.docx), and import that file.`,
    );
  }
  const entries = readZipDirectory(bytes);
  if (!entries) throw unreadable(fileName);
  const names = new Set(entries.map((entry) => entry.name));
  const other = names.has('xl/workbook.xml') ? 'an Excel workbook' : names.has('ppt/presentation.xml') ? 'a PowerPoint presentation' :
    names.has('content.xml') && names.has('mimetype') ? 'an OpenDocument file' : null;
  if (other) {
    throw new TematikError('bad_input', `${fileName}: this is ${other}, not a Word document. Copy the transcript into Word or LibreOffice Writer, save it as .docx, and import that file.`);
  }
  const xmlBytes = entries.filter((entry) => /\.(?:xml|rels)$/iu.test(entry.name)).reduce((sum, entry) => sum + entry.size, 0);
  if (xmlBytes > MAX_UNPACKED_XML_BYTES) {
    throw new TematikError(
      'bad_input',
      `${fileName}: the document unpacks to ${Math.round(xmlBytes / 1024 / 1024)} MB of XML, more than a transcript needs; the file may be damaged. Open it in Word or LibreOffice and save it as .docx again, or import the transcript as .txt.`,
    );
  }

  let raw: string;
  try {
    const result = await mammoth.extractRawText({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
    raw = result.value;
  } catch {
    // mammoth fails on anything that is not a WordprocessingML package (e.g. no word/document.xml).
    throw unreadable(fileName);
  }
  const text = raw
    .replace(/\n\n/gu, '\n')
    .replace(/[ \t\u00a0]+$/gmu, '')
    .replace(/^\n+|\n+$/gu, '');
  if (text.trim() === '') {
    throw new TematikError('bad_input', `${fileName}: the Word document contains no text. Check that it is the right file; text inside images or text boxes is not imported.`);
  }
  return text;
}

function unreadable(fileName: string): TematikError {
  return new TematikError(
    'bad_input',
    `${fileName} is not a readable Word (.docx) file; open it in Word or LibreOffice and save it as .docx again.`,
  );
}

interface ZipEntry {
  readonly name: string;
  /** Uncompressed size as the central directory declares it. */
  readonly size: number;
}

/** Lists a zip's entries from its central directory; null when the bytes are not a zip. */
function readZipDirectory(bytes: Uint8Array): ZipEntry[] | null {
  if (bytes.length < 22 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end record sits in the last 22 bytes plus a comment of up to 64 KiB.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd === -1) return null;
  const count = view.getUint16(eocd + 10, true);
  const offset = view.getUint32(eocd + 16, true);
  // ZIP64 keeps the real values elsewhere; leave such (rare) files to mammoth.
  if (count === 0xffff || offset === 0xffffffff) return [];
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder('utf-8');
  let p = offset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== CENTRAL_ENTRY_SIGNATURE) return null;
    const size = view.getUint32(p + 24, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    if (p + 46 + nameLength > bytes.length) return null;
    entries.push({ name: decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength)), size });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}
