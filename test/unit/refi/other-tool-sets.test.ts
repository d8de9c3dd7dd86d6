import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LocalClient } from '../../../src/api/client';
import type { Result } from '../../../src/api/contract';
import { newProject } from '../../helpers/temp-project';
import { writeZip } from './fixture';

/** Code groups, document groups and links in the shape an ATLAS.ti-style export writes them. */
const QDE = fs.readFileSync(path.resolve(__dirname, '../../fixtures/refi/other-tool-sets.qde'), 'utf8');

describe('sets and links from another program', () => {
  let client: LocalClient;
  let report: Result<'refi.importProject'>;

  beforeAll(async () => {
    client = await newProject();
    report = await client.invoke('refi.importProject', { path: writeZip({ 'project.qde': QDE }, 'atlas-sets.qdpx') });
  });

  it('turns sets of codes into candidate themes with the set\'s description as definition', async () => {
    const codes = new Map((await client.invoke('codes.list', {})).map((c) => [c.id as number, c.name]));
    const themes = (await client.invoke('themes.list', {})).map((t) => ({ name: t.name, status: t.status, definition: t.definition, parent: t.parentId, codes: t.codeIds.map((c) => codes.get(c)).sort() }));
    expect(themes.sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      { name: 'Harga dan nilai', status: 'candidate', definition: '', parent: null, codes: ['Harga'] },
      { name: 'Peran komunitas', status: 'candidate', definition: 'Kode tentang komunitas pelanggan.', parent: null, codes: ['Komunitas', 'Word of mouth'] },
    ]);
  });

  it('turns sets of documents into informant attributes, "yes" for members and "no" for the file\'s other informants', async () => {
    const informants = Object.fromEntries((await client.invoke('informants.list', {})).map((i) => [i.label, i.attributes]));
    // "kota" is already a variable's name (case aside), so the set's attribute says it is a set.
    expect(informants).toEqual({
      Sari: { Kota: 'Yogyakarta', 'Anggota komunitas': 'yes', 'kota (set)': 'no' },
      Budi: { Kota: 'Sleman', 'Anggota komunitas': 'no', 'kota (set)': 'yes' },
    });
    const matrix = await client.invoke('analysis.triangulation', { rows: 'themes', groupBy: { kind: 'attribute', name: 'Anggota komunitas' } });
    expect(matrix.columns.map((c) => c.label)).toEqual(expect.arrayContaining(['yes', 'no']));
  });

  it('writes the group attribute in Indonesian, "ya" and "tidak", when the user imports in Indonesian', async () => {
    const indonesian = await newProject();
    const result = await indonesian.invoke('refi.importProject', { path: writeZip({ 'project.qde': QDE }, 'atlas-sets-id.qdpx'), language: 'id' });
    const informants = Object.fromEntries((await indonesian.invoke('informants.list', {})).map((i) => [i.label, i.attributes]));
    expect(informants['Sari']).toMatchObject({ 'Anggota komunitas': 'ya', 'kota (set)': 'tidak' });
    const sets = result.report.find((s) => s.kind === 'sets')!;
    expect(sets.notes.map((n) => n.text.id).join('\n')).toContain('"ya" bagi informan dokumennya dan "tidak" bagi informan lain');
  });

  it('keeps a link between two sets that became themes, and reports links between codes as skipped', async () => {
    const themes = new Map((await client.invoke('themes.list', {})).map((t) => [t.id as number, t.name]));
    const links = (await client.invoke('themeLinks.list', {})).map((l) => [themes.get(l.fromThemeId), l.kind, l.label, themes.get(l.toThemeId!)]);
    expect(links).toEqual([['Peran komunitas', 'associated-with', 'supports', 'Harga dan nilai']]);
    const section = report.report.find((s) => s.kind === 'links')!;
    expect(section).toMatchObject({ found: 2, imported: 1, skipped: 1 });
    expect(section.notes.map((n) => n.text.en)).toEqual(expect.arrayContaining([expect.stringMatching(/Skipped links between items other than themes/)]));
    expect(section.notes.map((n) => n.text.id)).toEqual(expect.arrayContaining([expect.stringMatching(/model tema Tematik hanya menghubungkan tema/)]));
  });

  it('reports each set: what it became, and why a document or an empty set could not come in', () => {
    const sets = report.report.find((s) => s.kind === 'sets')!;
    expect(sets).toMatchObject({ found: 5, imported: 4, skipped: 2 });
    const lines = sets.notes.map((n) => n.text.en).join('\n');
    expect(lines).toMatch(/Sets of codes became candidate themes/);
    expect(lines).toMatch(/Sets of documents became informant groups/);
    expect(lines).toMatch(/The set "kota" shares its name with a variable, so its informant attribute is called "kota \(set\)"/);
    expect(lines).toMatch(/Documents of the set "Anggota komunitas" that belong to no case/);
    expect(lines).toMatch(/Skipped the set "Kosong"/);
    expect(report.report.find((s) => s.kind === 'themes')).toMatchObject({ found: 2, imported: 2, skipped: 0 });
  });

  it('leaves a note that was in a set as a project memo', async () => {
    const memos = (await client.invoke('memos.list', {})).filter((m) => m.kind === 'memo');
    expect(memos.map((m) => [m.title, m.target.kind])).toEqual([['Tentang grup', 'project']]);
  });
});
