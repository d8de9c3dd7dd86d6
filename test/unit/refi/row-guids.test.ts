import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { localClient, type LocalClient } from '../../../src/api/client';
import { JOURNAL_SET } from '../../../src/refi/export';
import { parseXml, type XmlElement } from '../../../src/refi/xml';
import { keptGuid, GUID_TABLES } from '../../../src/store/row-guid';
import { newProject, tempDir } from '../../helpers/temp-project';
import { schemaErrors, unzipText } from './fixture';

const all = (el: XmlElement, name: string): XmlElement[] => [...(el.name === name ? [el] : []), ...el.children.flatMap((c) => all(c, name))];

/** The exported elements that stand for a row, by element name and name (or, for codings, position and code). */
async function exportedGuids(client: LocalClient): Promise<{ qde: string; guids: Map<string, string> }> {
  const exported = await client.invoke('refi.exportProject', {});
  const qde = unzipText(Buffer.from(exported.base64!, 'base64'))['project.qde']!;
  const root = parseXml(Buffer.from(qde), 'project.qde');
  const guids = new Map<string, string>();
  for (const kind of ['User', 'Code', 'Case', 'TextSource', 'Note', 'Set', 'Link', 'Variable']) {
    for (const el of all(root, kind)) guids.set(`${kind} ${el.attrs.get('name')}`, el.attrs.get('guid')!);
  }
  for (const selection of all(root, 'PlainTextSelection')) {
    const key = `${selection.attrs.get('startPosition')}-${selection.attrs.get('endPosition')} by ${selection.attrs.get('creatingUser')}`;
    guids.set(`PlainTextSelection ${key}`, selection.attrs.get('guid')!);
    guids.set(`Coding ${key}`, all(selection, 'Coding')[0]!.attrs.get('guid')!);
  }
  return { qde, guids };
}

const rowGuids = (client: LocalClient, table: string): string[] => client.session.store.db.prepare(`SELECT guid FROM ${table} ORDER BY guid`).pluck().all() as string[];

/** A small study with a row in every table that travels, coded by two coders. */
async function study(): Promise<LocalClient & { file: string }> {
  const client = await newProject('Peneliti A');
  const type = await client.invoke('informantTypes.create', { name: 'Pemilik UMKM' });
  const owner = await client.invoke('informants.create', { label: 'P-01', typeId: type.id, attributes: { kota: 'Bandung' } });
  const file = path.join(tempDir('tematik-guid-src-'), 'P-01.txt');
  fs.writeFileSync(file, 'Pewawancara: Bagaimana?\nNarasumber: Kami polling pelanggan di Instagram dulu.');
  const documentId = (await client.invoke('import.files', { paths: [file], informantId: owner.id })).imported[0]!.documentId;
  const code = await client.invoke('codes.create', { name: 'polling' });
  const text = (await client.invoke('documents.get', { id: documentId })).text;
  const start = text.indexOf('polling');
  const coding = await client.invoke('codings.apply', { documentId, codeId: code.id, start, end: start + 7 });
  await client.invoke('memos.create', { title: 'Kutipan', body: 'Contoh bagus.', target: { kind: 'coding', id: coding.id } });
  await client.invoke('memos.create', { kind: 'journal', title: 'Refleksi', body: 'Terlalu cepat.', target: { kind: 'project' } });
  const one = await client.invoke('themes.create', { name: 'Mendengar pelanggan', codeIds: [code.id] });
  const two = await client.invoke('themes.create', { name: 'Platform digital' });
  const link = await client.invoke('themeLinks.create', { fromThemeId: one.id, toThemeId: two.id, kind: 'influences' });
  await client.invoke('comments.add', { target: { kind: 'link', id: link.id }, body: 'Arahnya benar?' });
  client.session.close();
  const second = localClient({ coder: 'Peneliti B' });
  await second.invoke('project.open', { path: client.file });
  await second.invoke('codings.apply', { documentId, codeId: code.id, start, end: start + 7 });
  second.session.close();
  await client.invoke('project.open', { path: client.file });
  return client;
}

describe('REFI-QDA GUIDs are the rows\' own', () => {
  let original: LocalClient & { file: string };

  beforeAll(async () => {
    original = await study();
  });

  it('two copies of one project export the same GUID for the same row, and a new row in each copy gets its own', async () => {
    const copyFile = path.join(tempDir(), 'salinan.tematik');
    original.session.close();
    fs.copyFileSync(original.file, copyFile);
    await original.invoke('project.open', { path: original.file });
    const copy = localClient({ coder: 'Peneliti B' });
    await copy.invoke('project.open', { path: copyFile });

    const a = await exportedGuids(original);
    const b = await exportedGuids(copy);
    expect(b.guids).toEqual(a.guids);
    expect([...a.guids.keys()].filter((k) => k.startsWith('Coding '))).toHaveLength(2);

    await original.invoke('codes.create', { name: 'baru' });
    await copy.invoke('codes.create', { name: 'baru' });
    const newA = (await exportedGuids(original)).guids.get('Code baru')!;
    const newB = (await exportedGuids(copy)).guids.get('Code baru')!;
    expect(newA).not.toBe(newB);
    // And neither is the GUID of any row the two copies share.
    expect([...a.guids.values()]).not.toContain(newA);
    expect([...a.guids.values()]).not.toContain(newB);
    copy.session.close();
  });

  it('an exported element carries its row\'s GUID; derived ones (selections) are unique too', async () => {
    const { guids } = await exportedGuids(original);
    expect(guids.get('Code polling')).toBe(original.session.store.db.prepare(`SELECT guid FROM codes WHERE name = 'polling'`).pluck().get());
    expect(guids.get('TextSource P-01')).toBe(rowGuids(original, 'documents')[0]);
    expect(guids.get('Case P-01')).toBe(rowGuids(original, 'informants')[0]);
    expect(guids.get('Variable kota')).toBe(rowGuids(original, 'attributes')[0]);
    const codings = [...guids].filter(([k]) => k.startsWith('Coding ')).map(([, g]) => g).sort();
    expect(codings).toEqual(rowGuids(original, 'codings'));
    const values = [...guids.values()];
    expect(new Set(values).size).toBe(values.length);
  });

  it('a round trip keeps every GUID: imported rows take the GUIDs they came with, and export them again', async () => {
    const exported = await original.invoke('refi.exportProject', { path: path.join(tempDir(), 'studi.qdpx') });
    const before = await exportedGuids(original);
    const target = await newProject('Peneliti C');
    await target.invoke('refi.importProject', { path: exported.path! });
    for (const table of ['coders', 'documents', 'informants', 'codes', 'codings', 'themes', 'theme_links', 'comments']) {
      const theirs = rowGuids(original, table);
      expect(rowGuids(target, table).filter((g) => theirs.includes(g)), table).toEqual(theirs);
    }
    // Both memos come back as memos with their GUIDs (the import adds a journal entry of its own).
    const memos = rowGuids(original, 'memos');
    expect(rowGuids(target, 'memos').filter((g) => memos.includes(g))).toEqual(memos);
    const after = await exportedGuids(target);
    for (const [key, guid] of before.guids) {
      // Variables become attributes by name, and the journal set is the project's own: both are named anew.
      if (key.startsWith('Variable ') || key === `Set ${JOURNAL_SET}`) continue;
      expect(after.guids.get(key), key).toBe(guid);
    }
    expect(await schemaErrors(after.qde, 'Project')).toEqual([]);
    target.session.close();
  });

  it('keeps an incoming GUID only when it is one and no row of the project has it', async () => {
    const { db } = original.session.store;
    const fresh = '0f8fad5b-d9cb-469f-a165-70867728950e';
    expect(keptGuid(db, fresh)).toBe(fresh);
    expect(keptGuid(db, 'note-3')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4/);
    expect(keptGuid(db, undefined)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4/);
    for (const table of GUID_TABLES) {
      const used = db.prepare(`SELECT guid FROM ${table} LIMIT 1`).pluck().get() as string;
      const given = keptGuid(db, used);
      expect(given, table).not.toBe(used);
      expect(given).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4/);
    }
  });
});
