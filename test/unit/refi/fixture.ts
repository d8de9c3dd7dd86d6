import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { validateXML } from 'xmllint-wasm';
import { localClient, type LocalClient } from '../../../src/api/client';
import type { DocumentId } from '../../../src/domain/ids';
import { newProject, SAMPLE_SHEET, SAMPLE_STUDY, tempDir } from '../../helpers/temp-project';
import { onPostgres } from '../../helpers/test-store';

const FIXTURES = path.resolve(__dirname, '../../fixtures/refi');

/** Validates XML against one of the REFI-QDA schemas with libxml2; returns its error messages (empty when valid). */
export async function schemaErrors(xml: string, schema: 'Project' | 'Codebook'): Promise<string[]> {
  const result = await validateXML({
    xml: { fileName: schema === 'Project' ? 'project.qde' : 'codebook.qdc', contents: xml },
    schema: { fileName: `${schema}.xsd`, contents: fs.readFileSync(path.join(FIXTURES, `${schema}.xsd`), 'utf8') },
  });
  return result.valid ? [] : result.errors.map((e) => e.rawMessage);
}

/** Text with astral emoji (two UTF-16 units, one code point) and combining marks (two code points, one glyph) before the coded words. */
export const TRICKY_TEXT = [
  'Pewawancara: Bagaimana kopi di kafe\u0301 Anda? ☕',
  '',
  'Narasumber: Enak 😋😋 sekali, kata pelanggan 👩🏽‍💻. Nai\u0308ve sekali kalau kita tidak mendengar co-creation dari mereka.',
  'Kami pakai 𝓯𝓪𝓷𝓬𝔂 brand equity untuk promosi.',
].join('\n');

/** A start/end pair around the first occurrence of `phrase` in `text`, in UTF-16 units. */
export function rangeOf(text: string, phrase: string): { start: number; end: number } {
  const start = text.indexOf(phrase);
  if (start < 0) throw new Error(`"${phrase}" is not in the text`);
  return { start, end: start + phrase.length };
}

export interface Populated {
  readonly client: LocalClient & { file: string; dir: string };
  readonly tricky: DocumentId;
}

/**
 * The sample study (11 transcripts, 13 informants with attributes), plus a transcript with
 * emoji and combining marks, a two-level codebook with colours, codings by two coders
 * (some after and across emoji), memos on every kind of target, a journal entry and a theme.
 */
export async function populatedProject(): Promise<Populated> {
  const client = await newProject();
  await client.invoke('import.folder', { folder: SAMPLE_STUDY, sheet: SAMPLE_SHEET });
  const trickyFile = path.join(tempDir('tematik-refi-src-'), 'KP-09_kafe.txt');
  fs.writeFileSync(trickyFile, TRICKY_TEXT);
  const types = await client.invoke('informantTypes.list', {});
  const kp09 = await client.invoke('informants.create', { label: 'KP-09', typeId: types.find((t) => t.name === 'Komunitas Pelanggan')!.id, attributes: { city: 'Malang', years_in_business: '2,5' } });
  const tricky = (await client.invoke('import.files', { paths: [trickyFile], informantId: kp09.id })).imported[0]!.documentId;

  const parent = await client.invoke('codes.create', { name: 'Co-creation', colour: '#1f77b4', description: 'Customers shaping products with the firm.' });
  const feedback = await client.invoke('codes.create', { name: 'Feedback pelanggan', parentId: parent.id, colour: '#FF7F0E', description: 'Asking customers what they want: polls, samples, chats.' });
  const modal = await client.invoke('codes.create', { name: 'Kendala modal', colour: '#2ca02c' });
  await client.invoke('codes.create', { name: 'Brand equity & "trust" <kepercayaan>', parentId: parent.id });

  const docs = await client.invoke('documents.list', {});
  const a01 = docs.find((d) => d.title === 'A-01_asosiasi')!.id;
  const a01Text = (await client.invoke('documents.get', { id: a01 })).text;
  const apply = async (c: LocalClient, documentId: DocumentId, text: string, phrase: string, codeId: number) =>
    c.invoke('codings.apply', { documentId, ...rangeOf(text, phrase), codeId });
  const afterEmoji = await apply(client, a01, a01Text, 'Yang muda-muda biasanya pinter', feedback.id);
  await apply(client, a01, a01Text, 'itu 😅 Yang', parent.id);
  await apply(client, a01, a01Text, 'pinjam modal Rp 50 juta', modal.id);
  await apply(client, tricky, TRICKY_TEXT, 'co-creation', parent.id);
  await apply(client, tricky, TRICKY_TEXT, 'Enak 😋😋 sekali', feedback.id);
  await apply(client, tricky, TRICKY_TEXT, 'brand equity', modal.id);

  const secondCoder = async (second: LocalClient) => {
    await apply(second, tricky, TRICKY_TEXT, 'Nai\u0308ve sekali', feedback.id);
    await apply(second, a01, a01Text, 'Yang muda-muda biasanya pinter', feedback.id);
  };
  if (onPostgres()) {
    // On a team server the coders share the project's one session, each action recorded as its author's (src/team-server/runtime.ts).
    client.session.project.actAs('Peneliti B');
    await secondCoder(client);
    client.session.project.actAs(client.session.options.coder);
  } else {
    // A second coder working on the same file, as a team member would: in turn, one writer at a time.
    client.session.close();
    const second = localClient({ coder: 'Peneliti B' });
    await second.invoke('project.open', { path: client.file });
    await secondCoder(second);
    second.session.close();
    await client.invoke('project.open', { path: client.file });
  }

  await client.invoke('memos.create', { title: 'Catatan awal', body: 'Semua informan menyebut WA grup.\nBaris kedua & <tanda>.', target: { kind: 'project' } });
  await client.invoke('memos.create', { kind: 'journal', title: 'Refleksi', body: 'Saya terlalu cepat memberi kode.', target: { kind: 'project' } });
  await client.invoke('memos.create', { title: 'Tentang A-01', body: 'Ketua asosiasi, banyak contoh.', target: { kind: 'document', id: a01 } });
  await client.invoke('memos.create', { title: 'Definisi', body: 'Feedback = input langsung pelanggan.', target: { kind: 'code', id: feedback.id } });
  await client.invoke('memos.create', { title: '', body: 'Contoh bagus untuk bab 4 😊', target: { kind: 'coding', id: afterEmoji.id } });
  const theme = await client.invoke('themes.create', { name: 'Pelanggan sebagai mitra', codeIds: [parent.id, feedback.id] });
  await client.invoke('themes.update', { id: theme.id, definition: 'UMKM treat customers as partners in product decisions.' });
  await client.invoke('memos.create', { title: 'Tema', body: 'Mungkin terlalu luas.', target: { kind: 'theme', id: theme.id } });
  return { client, tricky };
}

/** The entries of a .qdpx as text. */
export function unzipText(bytes: Uint8Array): Record<string, string> {
  return Object.fromEntries(Object.entries(unzipSync(bytes)).map(([name, data]) => [name, strFromU8(data)]));
}

/** Writes a .qdpx made of the given entries (text or bytes) to a temp file. */
export function writeZip(entries: Record<string, string | Uint8Array>, name = 'other-tool.qdpx'): string {
  const file = path.join(tempDir('tematik-refi-'), name);
  fs.writeFileSync(file, zipSync(Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, typeof v === 'string' ? strToU8(v) : v]))));
  return file;
}
