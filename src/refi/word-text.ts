import { TematikError } from '../domain/errors';
import { untranslated, type LocalizedText } from '../domain/text';
import { docxToText } from '../import/docx';
import type { SafeZip, ZipEntry } from './safe-zip';

/**
 * The text of a Word file inside the archive (a source's or note's `richTextPath`), read by
 * the same bounded .docx importer as a transcript; or why it cannot be used, in the words of
 * that importer (empty, damaged, too large).
 */
export async function wordTextOf(zip: SafeZip, entry: ZipEntry): Promise<string | LocalizedText> {
  const bytes = zip.read(entry); // a damaged .qdpx refuses the whole import, as for any entry
  try {
    return await docxToText(bytes, entry.name);
  } catch (error) {
    if (error instanceof TematikError && error.kind === 'bad_input') return error.text ?? untranslated(error.message);
    throw error;
  }
}
