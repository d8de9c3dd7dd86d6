import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LocalClient } from '../../../src/api/client';
import type { Result } from '../../../src/api/contract';
import type { Memo } from '../../../src/domain/types';
import { newProject, tempDir } from '../../helpers/temp-project';
import { populatedProject, rangeOf, TRICKY_TEXT, type Populated } from './fixture';

/** Everything the exchange must carry, keyed by names rather than ids (ids differ between projects). */
async function snapshot(client: LocalClient) {
  const documents = await client.invoke('documents.list', {});
  const docTitle = new Map(documents.map((d) => [d.id as number, d.title]));
  const codes = await client.invoke('codes.list', {});
  const codeName = new Map(codes.map((c) => [c.id as number, c.name]));
  const texts = Object.fromEntries(await Promise.all(documents.map(async (d) => [d.title, (await client.invoke('documents.get', { id: d.id })).text] as const)));
  const codings = (await Promise.all(documents.map((d) => client.invoke('codings.forDocument', { documentId: d.id }))))
    .flat().map((c) => `${docTitle.get(c.documentId)} | ${codeName.get(c.codeId)} | ${c.coderName} | ${c.start}-${c.end} | ${c.quote}`).sort();
  const codingLabel = new Map((await Promise.all(documents.map((d) => client.invoke('codings.forDocument', { documentId: d.id })))).flat()
    .map((c) => [c.id as number, `${docTitle.get(c.documentId)}@${c.start}`]));
  const themeName = new Map((await client.invoke('themes.list', {})).map((t) => [t.id as number, t.name]));
  const target = (m: Memo): string => (m.target.kind === 'project' ? 'project'
    : m.target.kind === 'document' ? `document ${docTitle.get(m.target.id)}`
    : m.target.kind === 'code' ? `code ${codeName.get(m.target.id)}`
    : m.target.kind === 'coding' ? `coding ${codingLabel.get(m.target.id)}` : `theme ${themeName.get(m.target.id)}`);
  const memos = (await client.invoke('memos.list', {})).map((m) => `${m.kind} | ${m.title} | ${m.body} | ${target(m)} | ${m.author} | ${m.phase}`).sort();
  const informants = (await client.invoke('informants.list', {})).map((i) => ({
    label: i.label, name: i.name, type: i.typeName, attributes: i.attributes, documents: i.documentIds.map((id) => docTitle.get(id)).sort(),
  })).sort((a, b) => a.label.localeCompare(b.label));
  return {
    texts, codings, memos, informants,
    codes: codes.map((c) => ({ name: c.name, parent: c.parentId === null ? null : codeName.get(c.parentId), colour: c.colour.toLowerCase(), description: c.description }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  };
}

describe('REFI-QDA round trip: export, then import into a new project', () => {
  let source: Populated;
  let target: LocalClient;
  let before: Awaited<ReturnType<typeof snapshot>>;
  let after: Awaited<ReturnType<typeof snapshot>>;
  let report: Result<'refi.importProject'>;

  beforeAll(async () => {
    source = await populatedProject();
    const file = path.join(tempDir(), 'study.qdpx');
    await source.client.invoke('refi.exportProject', { path: file });
    before = await snapshot(source.client);
    target = await newProject('Peneliti C');
    report = await target.invoke('refi.importProject', { path: file });
    after = await snapshot(target);
  });

  it('brings every document with its text character for character', () => {
    expect(Object.keys(after.texts).sort()).toEqual(Object.keys(before.texts).sort());
    for (const [title, text] of Object.entries(before.texts)) expect(after.texts[title], title).toBe(text);
    expect(report).toMatchObject({ failed: [], codes: 4, codings: 8, memos: 6 });
    expect(report.imported).toHaveLength(12);
    expect(report.informantsCreated).toHaveLength(14);
  });

  it('brings the codebook with its hierarchy, colours and descriptions', () => {
    expect(after.codes).toEqual(before.codes);
  });

  it('brings every coding with the same range, quote and coder, in UTF-16 units again', () => {
    expect(after.codings).toEqual(before.codings);
    const { start, end } = rangeOf(TRICKY_TEXT, 'brand equity');
    expect(after.codings).toContain(`KP-09_kafe | Kendala modal | Peneliti A | ${start}-${end} | brand equity`);
    expect(after.codings.filter((c) => c.includes('Peneliti B'))).toHaveLength(2);
  });

  it('brings informants with their type, name, attributes and documents', () => {
    const expected = before.informants.map((i) => (i.label === 'KP-09' ? { ...i, attributes: { ...i.attributes, years_in_business: '2.5' } } : i));
    expect(after.informants).toEqual(expected);
  });

  it('brings memos on the project, documents, codes, codings and themes, and the journal', () => {
    // The import adds its own report to the journal (tested in import-journal.test.ts).
    const ownEntry = (m: string) => m.startsWith('journal | Imported study.qdpx |');
    expect(after.memos.filter(ownEntry)).toHaveLength(1);
    expect(after.memos.filter((m) => !ownEntry(m))).toEqual(before.memos);
    expect(after.memos.find((m) => m.includes('| Tema |'))).toMatch(/\| theme Pelanggan sebagai mitra \|/);
    expect(after.memos.find((m) => m.startsWith('journal | Refleksi'))).toMatch(/\| Refleksi \| .* \| project \| Peneliti A \| 1$/);
  });

  it('is one undoable step', async () => {
    expect((await target.invoke('history.state', {})).undo).toBe('Import REFI-QDA project "Co-creation UMKM"');
    await target.invoke('history.undo', {});
    expect(await target.invoke('documents.list', {})).toEqual([]);
    expect(await target.invoke('codes.list', {})).toEqual([]);
    expect(await target.invoke('informants.list', {})).toEqual([]);
    expect(await target.invoke('memos.list', {})).toEqual([]);
    await target.invoke('history.redo', {});
    expect((await snapshot(target)).codings).toEqual(before.codings);
  });

  it('adds nothing twice when the same file is imported again', async () => {
    const file = path.join(tempDir(), 'again.qdpx');
    await source.client.invoke('refi.exportProject', { path: file });
    const again = await target.invoke('refi.importProject', { path: file });
    expect(again).toMatchObject({ imported: [], codes: 0, codings: 0, memos: 0 });
    expect(again.skipped).toHaveLength(12);
    expect((await snapshot(target)).codings).toEqual(before.codings);
  });
});
