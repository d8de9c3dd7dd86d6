import { zipSync } from 'fflate';
import { TematikError } from '../domain/errors';
import { defineMessages } from '../domain/text';
import { byteSize } from '../domain/byte-size';
import { SafeZip, ZipRefusal, type ZipLimits } from '../refi/safe-zip';
import { readDocxInWorker, type WorkerLimits } from './docx-in-worker';

const say = defineMessages({
  en: {
    oldDoc: '{file}: this is an old Word 97–2003 document (.doc), which Tematik cannot read. Open it in Word or LibreOffice, save it as a Word document (.docx), and import that file.',
    otherOffice: '{file}: this is {what}, not a Word document. Copy the transcript into Word or LibreOffice Writer, save it as .docx, and import that file.',
    excel: 'an Excel workbook',
    powerPoint: 'a PowerPoint presentation',
    openDocument: 'an OpenDocument file',
    unreadable: '{file} is not a readable Word (.docx) file; open it in Word or LibreOffice and save it as .docx again.',
    unreadableBecause: '{file} is not a readable Word (.docx) file: {reason}. Open it in Word or LibreOffice and save it as .docx again, or save the transcript as .txt.',
    tooLarge: '{file} is too large or malformed to be a transcript: its text inflates to more than {limit}. Save it again from Word, or export it as .txt.',
    outOfMemory: '{file} is too large or malformed to be a transcript: reading it needs more than {limit} of memory. Save it again from Word, or export it as .txt.',
    exhausted: '{file} is too large or malformed to be a transcript: its XML is nested too deeply or too long to read. Save it again from Word, or export it as .txt.',
    timeout: '{file} is too large or malformed to be a transcript: reading it takes more than {seconds} seconds. Save it again from Word, or export it as .txt.',
    noText: '{file}: the Word document contains no text. Check that it is the right file; text inside images or text boxes is not imported.',
  },
  id: {
    oldDoc: '{file}: ini dokumen Word 97–2003 lama (.doc), yang tidak dapat dibaca Tematik. Buka di Word atau LibreOffice, simpan sebagai dokumen Word (.docx), lalu impor berkas itu.',
    otherOffice: '{file}: ini {what}, bukan dokumen Word. Salin transkripnya ke Word atau LibreOffice Writer, simpan sebagai .docx, lalu impor berkas itu.',
    excel: 'buku kerja Excel',
    powerPoint: 'presentasi PowerPoint',
    openDocument: 'berkas OpenDocument',
    unreadable: '{file} bukan berkas Word (.docx) yang dapat dibaca; buka di Word atau LibreOffice lalu simpan lagi sebagai .docx.',
    unreadableBecause: '{file} bukan berkas Word (.docx) yang dapat dibaca: {reason}. Buka di Word atau LibreOffice lalu simpan lagi sebagai .docx, atau simpan transkripnya sebagai .txt.',
    tooLarge: '{file} terlalu besar atau cacat untuk sebuah transkrip: teksnya mengembang melebihi {limit}. Simpan lagi dari Word, atau ekspor sebagai .txt.',
    outOfMemory: '{file} terlalu besar atau cacat untuk sebuah transkrip: membacanya butuh memori lebih dari {limit}. Simpan lagi dari Word, atau ekspor sebagai .txt.',
    exhausted: '{file} terlalu besar atau cacat untuk sebuah transkrip: XML-nya bersarang terlalu dalam atau terlalu panjang untuk dibaca. Simpan lagi dari Word, atau ekspor sebagai .txt.',
    timeout: '{file} terlalu besar atau cacat untuk sebuah transkrip: membacanya memakan waktu lebih dari {seconds} detik. Simpan lagi dari Word, atau ekspor sebagai .txt.',
    noText: '{file}: dokumen Word ini tidak berisi teks. Periksa apakah berkasnya benar; teks di dalam gambar atau kotak teks tidak diimpor.',
  },
});

/** Word 97–2003 files are OLE compound documents. */
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** What reading one Word file may cost. */
export interface DocxLimits extends WorkerLimits {
  /** Largest inflated size of the package's XML parts together. */
  readonly xmlBytes: number;
}

/**
 * The longest plausible interview is about 100,000 words (a whole day of recording; the
 * studies Tematik serves have 3–15k), under 1 MB as text. WordprocessingML wraps text in
 * markup: 2–5 times the text for a plainly typed transcript, 20–25 times when every few words
 * are their own run with full formatting (revision ids, spell-check splits). 24 MB of XML holds
 * such an interview with room to spare, while the 890 KB zip that inflates to 250 MB of XML is
 * refused after inflating 24 MB. mammoth keeps the whole document tree, about 55 bytes of heap
 * per byte of XML (measured), so 24 MB parses within a 1.5 GB worker in 5–10 seconds; the
 * worker's limits catch whatever the size check does not (deep nesting, pathological markup).
 */
export const DOCX_LIMITS: DocxLimits = { xmlBytes: 24 * 1024 * 1024, heapMb: 1536, seconds: 60 };

/**
 * Extracts the text of a Word (.docx) file, one paragraph per line, trailing spaces
 * removed. The package is opened with the same untrusting zip reader as exchange files: only
 * its XML parts are inflated, counting the bytes actually produced against `limits.xmlBytes`
 * whatever the directory declares, and mammoth then parses them in a worker thread with a
 * memory and time limit. Old .doc files, other Office files, broken zips and oversized or
 * malformed documents are refused with a message saying how to fix them.
 * @throws TematikError `bad_input` when the file is not a readable .docx, is too large or malformed, or has no text.
 */
export async function docxToText(bytes: Uint8Array, fileName: string, limits: DocxLimits = DOCX_LIMITS): Promise<string> {
  if (OLE_MAGIC.every((b, i) => bytes[i] === b)) throw new TematikError('bad_input', say('oldDoc', { file: fileName }));
  const outcome = await readDocxInWorker(xmlPackage(bytes, fileName, limits), limits);
  switch (outcome.kind) {
    case 'text':
      break;
    case 'unreadable':
      throw new TematikError('bad_input', say('unreadable', { file: fileName }));
    case 'outOfMemory':
      throw new TematikError('bad_input', say('outOfMemory', { file: fileName, limit: byteSize(limits.heapMb * 1024 * 1024) }));
    case 'exhausted':
      throw new TematikError('bad_input', say('exhausted', { file: fileName }));
    case 'timeout':
      throw new TematikError('bad_input', say('timeout', { file: fileName, seconds: limits.seconds }));
  }
  const text = outcome.text
    .replace(/\n\n/gu, '\n')
    .replace(/[ \t\u00a0]+$/gmu, '')
    .replace(/^\n+|\n+$/gu, '');
  if (text.trim() === '') throw new TematikError('bad_input', say('noText', { file: fileName }));
  return text;
}

/**
 * The package's XML parts (document, styles, numbering, notes, relationships), inflated within
 * the limit and zipped again without compression for mammoth. Pictures and other media are
 * never inflated: raw text does not need them. Handing mammoth only bytes Tematik inflated
 * itself also means mammoth's own zip reader cannot be led to read anything else.
 */
function xmlPackage(bytes: Uint8Array, fileName: string, limits: DocxLimits): Uint8Array {
  const zipLimits: ZipLimits = {
    entryBytes: limits.xmlBytes,
    totalBytes: limits.xmlBytes,
    // The bound on bytes actually inflated makes a ratio check redundant, and repetitive markup compresses very well.
    ratio: Number.POSITIVE_INFINITY,
    ratioFloorBytes: 0,
    entries: 20_000,
  };
  try {
    const zip = SafeZip.fromBytes(bytes, fileName, zipLimits);
    const names = new Set(zip.entries.map((entry) => entry.name.toLowerCase()));
    const other = names.has('xl/workbook.xml') ? 'excel' : names.has('ppt/presentation.xml') ? 'powerPoint'
      : names.has('content.xml') && names.has('mimetype') ? 'openDocument' : null;
    if (other) throw new TematikError('bad_input', say('otherOffice', { file: fileName, what: say(other) }));
    const parts = zip.entries.filter((entry) => /\.(?:xml|rels)$/iu.test(entry.name));
    zip.assertReadable(parts);
    return zipSync(Object.fromEntries(parts.map((entry) => [entry.name, zip.read(entry)])), { level: 0 });
  } catch (error) {
    if (!(error instanceof ZipRefusal)) throw error;
    if (error.problem === 'tooLarge') throw new TematikError('bad_input', say('tooLarge', { file: fileName, limit: byteSize(limits.xmlBytes) }));
    if (error.problem === 'notZip') throw new TematikError('bad_input', say('unreadable', { file: fileName }));
    throw new TematikError('bad_input', say('unreadableBecause', { file: fileName, reason: error.reason }));
  }
}
