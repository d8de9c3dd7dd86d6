import fs from 'node:fs';
import path from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LocalClient } from '../../../src/api/client';
import type { Result } from '../../../src/api/contract';
import type { DocumentSummary, ExchangeSection } from '../../../src/domain/types';
import { newProject } from '../../helpers/temp-project';
import { schemaErrors, writeZip } from './fixture';

/** Exchange files written by hand in the shape of each tool's exports (see test/fixtures/refi/README.md). */
const FIXTURES = path.resolve(__dirname, '../../fixtures/refi');

/** Every file of a fixture folder, by its path inside the archive, plus `extra` entries. */
function archiveOf(folder: string, extra: Record<string, Uint8Array | string> = {}): string {
  const root = path.join(FIXTURES, folder);
  const files = (fs.readdirSync(root, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(root, f)).isFile());
  return writeZip({ ...Object.fromEntries(files.map((f) => [f.split(path.sep).join('/'), new Uint8Array(fs.readFileSync(path.join(root, f)))])), ...extra }, `${folder}.qdpx`);
}

const qdeOf = (folder: string): string => fs.readFileSync(path.join(FIXTURES, folder, 'project.qde'), 'utf8');

async function wordFile(...paragraphs: string[]): Promise<Uint8Array> {
  return Packer.toBuffer(new Document({ sections: [{ children: paragraphs.map((p) => new Paragraph(p)) }] }));
}

const section = (report: Result<'refi.importProject'>, kind: ExchangeSection['kind']): ExchangeSection | undefined => report.report.find((s) => s.kind === kind);
const notesOf = (report: Result<'refi.importProject'>, kind: ExchangeSection['kind']): string => (section(report, kind)?.notes ?? []).map((n) => `${n.text.en} | ${n.text.id}`).join('\n');

async function quotesOf(client: LocalClient, documents: readonly DocumentSummary[], title: string): Promise<string[]> {
  const document = documents.find((d) => d.title === title);
  if (!document) throw new Error(`no document "${title}" among ${documents.map((d) => d.title).join(', ')}`);
  return (await client.invoke('codings.forDocument', { documentId: document.id })).map((c) => c.quote);
}

describe('the fixtures are files the tools could have written', () => {
  it.each(['atlasti-23', 'nvivo-14', 'maxqda-24', 'path-forms'])('%s/project.qde validates against Project.xsd', async (folder) => {
    expect(await schemaErrors(qdeOf(folder), 'Project')).toEqual([]);
  });

  it('keeps the CR LF of the Windows tools\' files (test/fixtures/refi/.gitattributes)', () => {
    expect(qdeOf('atlasti-23')).toMatch(/Catatan 1\r\nHarga naik/);
    expect(qdeOf('nvivo-14')).toMatch(/Baris satu\r\nPelanggan senang/);
  });
});

describe('source paths in every form tools write', () => {
  let report: Result<'refi.importProject'>;
  let client: LocalClient;
  let documents: readonly DocumentSummary[];
  beforeAll(async () => {
    client = await newProject();
    report = await client.invoke('refi.importProject', { path: archiveOf('path-forms') });
    documents = await client.invoke('documents.list', {});
  });

  it('reads internal://, relative://, absolute://, a bare name, a folder path and a name in other capitals from the archive\'s sources/', async () => {
    expect(documents.map((d) => d.title).sort()).toEqual(['absolute', 'bare', 'capitals', 'folder', 'internal', 'relative'].map((k) => `Sumber ${k}`));
    for (const document of documents) expect(await quotesOf(client, documents, document.title)).toEqual(['polling']);
    expect(notesOf(report, 'sources')).toMatch(/named by a plain path instead of internal:\/\//);
  });

  it('skips only the source whose text is truly outside the archive, saying why', () => {
    expect(report.skipped).toEqual([expect.objectContaining({ file: 'Sumber di luar', reason: expect.stringMatching(/outside the \.qdpx \(absolute:\/\/\/home\/peneliti\/rahasia-lain\.txt\) and no sources\/rahasia-lain\.txt is inside it/) })]);
    expect(section(report, 'sources')).toMatchObject({ found: 7, imported: 6, skipped: 1 });
    expect(section(report, 'codings')).toMatchObject({ found: 6, imported: 6, skipped: 0 });
    expect(notesOf(report, 'sources')).toMatch(/Sumber "Sumber di luar" dilewati: teksnya berada di luar \.qdpx/);
  });
});

describe('line endings counted per origin', () => {
  it('ATLAS.ti counts each CR LF as one character, in its .txt and in inline PlainTextContent', async () => {
    const client = await newProject();
    const report = await client.invoke('refi.importProject', { path: archiveOf('atlasti-23') });
    const documents = await client.invoke('documents.list', {});
    expect(await quotesOf(client, documents, 'Wawancara Rina')).toEqual(['Pelanggan ikut memilih rasa baru']);
    expect(await quotesOf(client, documents, 'Catatan lapangan')).toEqual(['Pelanggan tetap datang']);
    const inline = await client.invoke('documents.get', { id: documents.find((d) => d.title === 'Catatan lapangan')!.id });
    expect(inline.text).toBe('Catatan 1\nHarga naik 😟 bulan lalu.\nPelanggan tetap datang.');
    expect(notesOf(report, 'codings')).toMatch(/comes from ATLAS\.ti 23\.2\.1 \(Windows\), which counts a line break \(CR LF\) as one character/);
  });

  it('the same file said to come from another tool is read counting CR LF as two, so the passages move', async () => {
    const client = await newProject();
    const qde = qdeOf('atlasti-23').replace('origin="ATLAS.ti 23.2.1 (Windows)"', 'origin="QualCoder 3.6"');
    await client.invoke('refi.importProject', { path: archiveOf('atlasti-23', { 'project.qde': qde }) });
    const documents = await client.invoke('documents.list', {});
    // Three CR LF before the passage in the .txt, two before it inline: counted as two, each moves it one character back.
    expect(await quotesOf(client, documents, 'Wawancara Rina')).toEqual(['a: Pelanggan ikut memilih rasa b']);
    expect(await quotesOf(client, documents, 'Catatan lapangan')).toEqual(['\nPelanggan tetap data']);
  });
});

describe('an NVivo 14 export', () => {
  let client: LocalClient;
  let report: Result<'refi.importProject'>;
  let documents: readonly DocumentSummary[];
  beforeAll(async () => {
    client = await newProject();
    report = await client.invoke('refi.importProject', {
      path: archiveOf('nvivo-14', {
        'Sources/0000B140-0000-4000-8000-000000000015.docx': await wordFile('Catatan lapangan: pelanggan menawar harga.', 'Penjual memberi bonus.'),
        'Sources/0000B140-0000-4000-8000-000000000033.docx': await wordFile('Memo reflektif dari Word.'),
      }),
    });
    documents = await client.invoke('documents.list', {});
  });

  it('reads Sources/ (capitalised) by internal:// paths in other capitals, counting CR LF as two in the .txt and inline', async () => {
    expect(documents.map((d) => d.title).sort()).toEqual(['Catatan lapangan', 'Memo lapangan', 'Wawancara Sari']);
    expect(await quotesOf(client, documents, 'Wawancara Sari')).toEqual(['rasa kopinya kuat']);
    expect(await quotesOf(client, documents, 'Memo lapangan')).toEqual(['Pelanggan senang']);
  });

  it('takes the Word text of a source whose plain text is empty, keeps the passages inside it and says the positions cannot be trusted', async () => {
    const field = await client.invoke('documents.get', { id: documents.find((d) => d.title === 'Catatan lapangan')!.id });
    expect(field.text).toBe('Catatan lapangan: pelanggan menawar harga.\nPenjual memberi bonus.');
    expect(await quotesOf(client, documents, 'Catatan lapangan')).toEqual(['pelanggan menawar harga']);
    expect(notesOf(report, 'sources')).toMatch(/The text of "Catatan lapangan" came from its Word file.*cannot be trusted.*\| Teks "Catatan lapangan" diambil dari berkas Word-nya/);
    expect(section(report, 'codings')!.notes).toContainEqual(expect.objectContaining({ skipped: 1, text: expect.objectContaining({ en: expect.stringMatching(/outside the 65 characters of the text read from its Word file/) }) }));
  });

  it('turns an annotation (Note → Link → PlainTextSelection) into a memo on the document, titled with the passage', async () => {
    const sari = documents.find((d) => d.title === 'Wawancara Sari')!;
    const memos = await client.invoke('memos.list', { target: { kind: 'document', id: sari.id } });
    const { text } = await client.invoke('documents.get', { id: sari.id });
    const start = text.indexOf('harganya juga pas');
    expect(memos).toEqual([expect.objectContaining({ title: `Anotasi harga — “harganya juga pas” (${start}–${start + 'harganya juga pas'.length})`, body: 'Harga ini dibandingkan dengan kafe lain.', author: 'Sari Peneliti' })]);
    expect(section(report, 'links')).toMatchObject({ found: 2, imported: 1, skipped: 1 });
    expect(notesOf(report, 'links')).toMatch(/Skipped links between items other than themes/);
  });

  it('reads a note whose plain text is empty from its Word file', async () => {
    // The import's own report is a journal entry on the project; the note from Word is the one memo.
    const memos = await client.invoke('memos.list', { target: { kind: 'project' }, kind: 'memo' });
    expect(memos).toEqual([expect.objectContaining({ title: 'Memo reflektif', body: 'Memo reflektif dari Word.' })]);
    expect(section(report, 'memos')).toMatchObject({ found: 2, imported: 2 });
  });

  it('takes a coding on a case\'s GUID as "this passage belongs to that informant": no code, no coding, a linked informant', async () => {
    const codes = await client.invoke('codes.list', {});
    expect(codes.map((c) => c.name).sort()).toEqual(['Harga', 'Rasa']);
    const [sari] = await client.invoke('informants.list', {});
    expect(sari).toMatchObject({ label: 'Ibu Sari', attributes: { Kota: 'Yogyakarta' } });
    expect(sari!.documentIds).toEqual([documents.find((d) => d.title === 'Wawancara Sari')!.id]);
    expect(section(report, 'codes')).toMatchObject({ found: 3, imported: 2, skipped: 1 });
    expect(section(report, 'codings')).toMatchObject({ found: 5, imported: 3, skipped: 2 });
    expect(notesOf(report, 'codings')).toMatch(/case coding.*links its document to that informant/);
    expect(section(report, 'cases')).toMatchObject({ found: 1, imported: 1 });
    expect(section(report, 'variables')).toMatchObject({ found: 1, imported: 1 });
  });
});

describe('a MAXQDA 24 export', () => {
  let client: LocalClient;
  let report: Result<'refi.importProject'>;
  let documents: readonly DocumentSummary[];
  beforeAll(async () => {
    client = await newProject();
    report = await client.invoke('refi.importProject', { path: archiveOf('maxqda-24') });
    documents = await client.invoke('documents.list', {});
  });

  it('finds a source named without an extension and keeps its coded passage', async () => {
    expect(await quotesOf(client, documents, 'Interview Ani')).toEqual(['Saling membutuhkan, memperkuat, menguntungkan']);
  });

  it('turns a selection with a description but no code into a memo on the document carrying the passage', async () => {
    const ani = documents.find((d) => d.title === 'Interview Ani')!;
    const { text } = await client.invoke('documents.get', { id: ani.id });
    const start = text.indexOf('Sejak 2018, lewat koperasi');
    const memos = await client.invoke('memos.list', { target: { kind: 'document', id: ani.id } });
    expect(memos).toEqual([expect.objectContaining({
      title: `“Sejak 2018, lewat koperasi” (${start}–${start + 'Sejak 2018, lewat koperasi'.length})`,
      body: 'Koperasi sebagai pintu masuk kemitraan: tanyakan ke informan lain.', author: 'ani.peneliti', createdAt: '2024-06-10T08:10:00Z',
    })]);
    expect(notesOf(report, 'memos')).toMatch(/description but no code .* became memos on their document/);
  });

  it('skips audio written as <VideoSource> as audio, and video as video', () => {
    expect(report.skipped).toEqual([
      expect.objectContaining({ file: 'Rekaman Ani', reason: expect.stringMatching(/^an audio source; Tematik codes text only/), reasonText: expect.objectContaining({ id: expect.stringMatching(/^sumber audio; /) }) }),
      expect.objectContaining({ file: 'Video toko', reason: expect.stringMatching(/^a video source; /) }),
    ]);
    expect(notesOf(report, 'sources')).toMatch(/Skipped audio source\(s\).*\| Sumber audio/);
  });

  it('imports survey rows exported as many sources, with one note', () => {
    expect(documents).toHaveLength(13);
    expect(section(report, 'sources')).toMatchObject({ found: 15, imported: 13, skipped: 2 });
    const survey = section(report, 'sources')!.notes.filter((n) => /rows of one survey/.test(n.text.en));
    expect(survey).toEqual([expect.objectContaining({ count: 1, text: expect.objectContaining({ en: expect.stringMatching(/^12 short sources .*"Survei 1"/) }) })]);
  });
});
