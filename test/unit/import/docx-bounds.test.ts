import fs from 'node:fs';
import path from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import { describe, expect, it } from 'vitest';
import { type TematikError } from '../../../src/domain/errors';
import { DOCX_LIMITS, docxToText } from '../../../src/import/docx';
import { deflatedEntry } from '../../helpers/crafted-zip';
import { DOCUMENT_HEAD as HEAD, DOCUMENT_TAIL as TAIL, documentOf, paragraphsIn, wordPackage } from '../../helpers/word-package';
import { newProject } from '../../helpers/temp-project';
import { refused } from '../../helpers/refused';

async function refusal(promise: Promise<unknown>): Promise<TematikError> {
  const error = await refused(promise);
  expect(error.kind).toBe('bad_input');
  return error;
}

const normalDocx = () => Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Peneliti: Bagaimana awal usaha Ibu?'), new Paragraph('Informan: Dari hobi.')] }] }));

describe('Word files that inflate beyond what a transcript can be', () => {
  it('refuses the 1 MB .docx with 250 MB of XML, and the rest of the batch still imports', async () => {
    const bomb = wordPackage(await documentOf(250));
    console.log(`generated a ${Math.round(bomb.length / 1024)} KB .docx whose document.xml is 250 MB`);
    const client = await newProject();
    fs.writeFileSync(path.join(client.dir, 'wawancara-raksasa.docx'), bomb);
    fs.writeFileSync(path.join(client.dir, 'wawancara-biasa.docx'), await normalDocx());
    const started = performance.now();
    const report = await client.invoke('import.files', { paths: [path.join(client.dir, 'wawancara-raksasa.docx'), path.join(client.dir, 'wawancara-biasa.docx')], skipBad: true });
    console.log(`batch with the 250 MB-XML .docx done in ${Math.round(performance.now() - started)} ms`);
    expect(report.imported.map((i) => i.file)).toEqual(['wawancara-biasa.docx']);
    expect(report.failed).toEqual([expect.objectContaining({
      file: 'wawancara-raksasa.docx',
      reason: 'wawancara-raksasa.docx is too large or malformed to be a transcript: its text inflates to more than 24 MB. Save it again from Word, or export it as .txt.',
      reasonText: expect.objectContaining({ id: 'wawancara-raksasa.docx terlalu besar atau cacat untuk sebuah transkrip: teksnya mengembang melebihi 24 MB. Simpan lagi dari Word, atau ekspor sebagai .txt.' }),
    })]);
    const [document] = await client.invoke('documents.list', {});
    expect((await client.invoke('documents.get', { id: document!.id })).text).toBe('Peneliti: Bagaimana awal usaha Ibu?\nInforman: Dari hobi.');
  });

  it('stops inflating where the directory says the XML ends, when it understates the size', async () => {
    const honest = await documentOf(250);
    const lying = wordPackage({ ...honest, declaredSize: honest.data.length });
    const started = performance.now();
    const error = await refusal(docxToText(lying, 'bohong.docx'));
    console.log(`lying .docx refused in ${Math.round(performance.now() - started)} ms`);
    expect(error.message).toBe(`bohong.docx is not a readable Word (.docx) file: "word/document.xml" inflates to more than the ${Math.round(honest.data.length / 1024)} KB its directory declares. Open it in Word or LibreOffice and save it as .docx again, or save the transcript as .txt.`);
  });

  it('refuses a directory that declares more XML than the limit before inflating any', async () => {
    const small = await documentOf(1);
    const error = await refusal(docxToText(wordPackage({ ...small, declaredSize: 0xfffffff0 }), 'klaim.docx'));
    expect(error.message).toMatch(/^klaim\.docx is too large or malformed to be a transcript: its text inflates to more than 24 MB\./);
  });

  it('parses a long transcript (4 MB of XML, about 40,000 words) within the limits', async () => {
    const text = await docxToText(wordPackage(await documentOf(4)), 'panjang.docx');
    expect(text.split('\n')).toHaveLength(paragraphsIn(4));
  });
});

describe('the worker that parses Word files', () => {
  it('is stopped by its memory cap without taking the app down, and the next file reads normally', async () => {
    const bytes = wordPackage(await documentOf(8));
    const error = await refusal(docxToText(bytes, 'rakus.docx', { ...DOCX_LIMITS, heapMb: 32 }));
    expect(error.message).toBe('rakus.docx is too large or malformed to be a transcript: reading it needs more than 32 MB of memory. Save it again from Word, or export it as .txt.');
    expect(error.text?.id).toContain('membacanya butuh memori lebih dari 32 MB');
    expect(await docxToText(await normalDocx(), 'biasa.docx')).toBe('Peneliti: Bagaimana awal usaha Ibu?\nInforman: Dari hobi.');
  });

  it('is stopped by its time limit', async () => {
    // 8 MB of XML takes mammoth seconds; a twentieth of a second is not enough on any machine.
    const error = await refusal(docxToText(wordPackage(await documentOf(8)), 'lambat.docx', { ...DOCX_LIMITS, seconds: 0.05 }));
    expect(error.message).toMatch(/^lambat\.docx is too large or malformed to be a transcript: reading it takes more than 0\.05 seconds\./);
    expect(await docxToText(await normalDocx(), 'biasa.docx')).toContain('Dari hobi.');
  });

  it('refuses XML nested too deeply to parse as malformed, not as a bug', async () => {
    const depth = 200_000;
    const nested = `${HEAD}${'<w:sdt><w:sdtContent>'.repeat(depth)}<w:p><w:r><w:t>x</w:t></w:r></w:p>${'</w:sdtContent></w:sdt>'.repeat(depth)}${TAIL}`;
    const error = await refusal(docxToText(wordPackage(deflatedEntry('word/document.xml', nested)), 'dalam.docx'));
    expect(error.message).toBe('dalam.docx is too large or malformed to be a transcript: its XML is nested too deeply or too long to read. Save it again from Word, or export it as .txt.');
  });
});
