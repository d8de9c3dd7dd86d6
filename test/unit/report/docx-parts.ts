import { strFromU8, unzipSync } from 'fflate';

/** The parts of a .docx, text parts decoded; throws if it is not a zip (what Word would refuse). */
export function docxParts(docx: Buffer | Uint8Array): { readonly files: Readonly<Record<string, Uint8Array>>; text(name: string): string } {
  const files = unzipSync(docx instanceof Uint8Array ? docx : new Uint8Array(docx));
  return {
    files,
    text: (name) => {
      const file = files[name];
      if (!file) throw new Error(`${name} is not in the .docx (parts: ${Object.keys(files).join(', ')})`);
      return strFromU8(file);
    },
  };
}

/** The visible text of WordprocessingML: every w:t run joined, paragraphs on their own lines. */
export function plainText(xml: string): string {
  return xml
    .replace(/<\/w:p>/g, '\n')
    .replace(/<w:tab\/>/g, '\t')
    .replace(/<w:br\/>/g, '\n')
    .replace(/<w:noBreakHyphen\/>/g, '-')
    .replace(/<w:instrText[^>]*>.*?<\/w:instrText>/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, '\'').replace(/&amp;/g, '&');
}

/** The paragraphs (as XML) whose style is `styleId`. */
export function paragraphsWithStyle(xml: string, styleId: string): string[] {
  return [...xml.matchAll(/<w:p>(?:(?!<\/w:p>).)*?<\/w:p>|<w:p [^>]*>(?:(?!<\/w:p>).)*?<\/w:p>/gs)]
    .map((m) => m[0])
    .filter((p) => p.includes(`<w:pStyle w:val="${styleId}"/>`));
}
