import { craftZip, deflatedEntry, deflateRepeated, type CraftedEntry } from './crafted-zip';

const MB = 1024 * 1024;
const CONTENT_TYPES = '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const RELS = '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';
export const DOCUMENT_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>';
export const DOCUMENT_TAIL = '</w:body></w:document>';
export const PARAGRAPH = '<w:p><w:r><w:t xml:space="preserve">Informan: Saya mulai usaha ini dari hobi, lalu pelanggan ikut memberi ide. </w:t></w:r></w:p>';

/** A Word package around `document` (word/document.xml as given), written byte by byte. */
export const wordPackage = (document: CraftedEntry): Buffer => craftZip([deflatedEntry('[Content_Types].xml', CONTENT_TYPES), deflatedEntry('_rels/.rels', RELS), document]);

/** How many paragraphs `documentOf(megabytes)` holds. */
export const paragraphsIn = (megabytes: number): number => Math.floor((megabytes * MB - DOCUMENT_HEAD.length - DOCUMENT_TAIL.length) / PARAGRAPH.length);

/**
 * word/document.xml of a real, well-formed Word document of `megabytes` of ordinary
 * paragraphs, deflated as a stream (250 MB of XML becomes a 1 MB .docx), with honest sizes.
 */
export async function documentOf(megabytes: number): Promise<CraftedEntry> {
  const paragraphs = paragraphsIn(megabytes);
  // Deflated a thousand paragraphs at a time: one stream write per paragraph would take longer than the test.
  const { data, size, crc } = await deflateRepeated(DOCUMENT_HEAD, PARAGRAPH.repeat(1000), Math.floor(paragraphs / 1000), `${PARAGRAPH.repeat(paragraphs % 1000)}${DOCUMENT_TAIL}`);
  return { name: 'word/document.xml', data, declaredSize: size, crc };
}
