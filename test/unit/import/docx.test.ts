import { Document, Packer, Paragraph, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { TematikError } from '../../../src/domain/errors';
import { docxToText } from '../../../src/import/docx';

async function makeDocx(paragraphs: readonly Paragraph[]): Promise<Uint8Array> {
  return Packer.toBuffer(new Document({ sections: [{ children: [...paragraphs] }] }));
}

async function badInput(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(TematikError);
    expect((error as TematikError).kind).toBe('bad_input');
    return (error as TematikError).message;
  }
  throw new Error('expected a bad_input error');
}

describe('docxToText', () => {
  it('puts each paragraph on its own line without trailing spaces', async () => {
    const bytes = await makeDocx([
      new Paragraph({ children: [new TextRun({ text: 'Transkrip Wawancara 2', bold: true })] }),
      new Paragraph(''),
      new Paragraph({ children: [new TextRun({ text: 'Peneliti:', bold: true }), new TextRun(' Bagaimana awal usaha Ibu?   ')] }),
      new Paragraph('Informan: Dari hobi. Lalu ide-ide datang dari pelanggan 😀.'),
      new Paragraph('Kedua, kami pakai polling.'),
    ]);
    expect(await docxToText(bytes, 'wawancara2.docx')).toBe(
      'Transkrip Wawancara 2\n\nPeneliti: Bagaimana awal usaha Ibu?\nInforman: Dari hobi. Lalu ide-ide datang dari pelanggan 😀.\nKedua, kami pakai polling.',
    );
  });

  it('sends an old .doc file to "save as .docx"', async () => {
    const doc = new Uint8Array(512);
    doc.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(await badInput(docxToText(doc, 'lama.docx'))).toMatch(/^lama\.docx: this is an old Word 97–2003 document \(\.doc\).*save it as a Word document \(\.docx\)/);
  });

  it('refuses a corrupt zip and a zip without a Word document', async () => {
    const good = await makeDocx([new Paragraph('Halo')]);
    const truncated = good.subarray(0, Math.floor(good.length / 2));
    expect(await badInput(docxToText(truncated, 'rusak.docx'))).toBe(
      'rusak.docx is not a readable Word (.docx) file; open it in Word or LibreOffice and save it as .docx again.',
    );
    const emptyZip = new Uint8Array([0x50, 0x4b, 0x05, 0x06, ...new Array<number>(18).fill(0)]);
    expect(await badInput(docxToText(emptyZip, 'kosong.docx'))).toContain('kosong.docx is not a readable Word (.docx) file');
    expect(await badInput(docxToText(new TextEncoder().encode('just text'), 'teks.docx'))).toContain('not a readable Word');
  });

  it('refuses a Word document without text', async () => {
    expect(await badInput(docxToText(await makeDocx([new Paragraph('  ')]), 'blank.docx'))).toMatch(/^blank\.docx: the Word document contains no text/);
  });
});
