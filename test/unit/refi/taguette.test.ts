import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { inLanguage } from '../../../src/domain/text';
import { newProject, tempDir } from '../../helpers/temp-project';
import { reportNotes } from '../../helpers/report-notes';

const FIXTURES = path.resolve(__dirname, '../../fixtures/taguette');
const fixture = (name: string) => path.join(FIXTURES, name);

type Client = Awaited<ReturnType<typeof newProject>>;

/** The codebook as "parent / name → description", in the codebook's order. */
async function tree(client: Client): Promise<string[]> {
  const codes = await client.invoke('codes.list', {});
  const name = new Map(codes.map((c) => [c.id as number, c.name]));
  return codes.map((c) => `${c.parentId === null ? '' : `${name.get(c.parentId)} / `}${c.name} → ${c.description}`).sort();
}

/** A CSV file as Taguette's "Import codebook" reads it: UTF-8 (a BOM would be part of the first column's name), "," between cells, one of tag/name/path. */
function asTaguetteReadsIt(bytes: Buffer): { path: string; description: string }[] {
  const [header, ...rows] = parse(bytes.toString('utf8'), { relax_column_count: true }) as string[][];
  const nameColumns = ['tag', 'name', 'path'].filter((c) => header!.includes(c));
  expect(nameColumns).toHaveLength(1);
  const name = header!.indexOf(nameColumns[0]!);
  const description = header!.indexOf('description');
  return rows.filter((r) => r.some(Boolean)).map((r) => ({ path: r[name]!.trim(), description: description < 0 ? '' : r[description]!.trim() }));
}

describe('Taguette codebooks', () => {
  it('imports the CSV Taguette exports, with its parent column, descriptions and Indonesian text, as one undoable step', async () => {
    const client = await newProject();
    const result = await client.invoke('taguette.importCodebook', { path: fixture('codebook.csv') });
    expect(result).toMatchObject({ created: 5, existing: 0 });
    expect(await tree(client)).toEqual([
      'Harga → Rp 50.000.000,00 dan diskon',
      'Kemitraan / Kepercayaan → Trust sebelum logika bisnis;\nmuncul setelah trial business',
      'Kemitraan / Musyawarah → ',
      'Kemitraan → Kerja sama antar-UMKM: "saling membutuhkan, memperkuat, menguntungkan"',
      'co-creation → Co-creation lewat platform digital 📱',
    ]);
    const codes = result.report.find((s) => s.kind === 'codes');
    expect(codes).toMatchObject({ found: 5, imported: 5, skipped: 0 });
    expect(codes!.notes.map((n) => n.text.en)).toEqual(['The column "number of highlights" was not imported: the counts come back with the codings, not with a codebook.']);
    expect(inLanguage(codes!.notes[0]!.text, 'id')).toMatch(/^Kolom "number of highlights" tidak diimpor/);
    expect((await client.invoke('history.state', {})).undo).toBe('Import codebook codebook.csv');
    await client.invoke('history.undo', {});
    expect(await client.invoke('codes.list', {})).toEqual([]);
  });

  it('imports the older CSV without a parent column flat, and keeps codes the project already has', async () => {
    const client = await newProject();
    await client.invoke('codes.create', { name: 'kemitraan', description: 'milik proyek' });
    const result = await client.invoke('taguette.importCodebook', { path: fixture('codebook-flat.csv') });
    expect(result).toMatchObject({ created: 4, existing: 1 });
    expect(result.report.find((s) => s.kind === 'codes')).toMatchObject({ found: 5, imported: 4, skipped: 1 });
    const codes = await client.invoke('codes.list', {});
    expect(codes.every((c) => c.parentId === null)).toBe(true);
    expect(codes.find((c) => c.name === 'kemitraan')?.description).toBe('milik proyek');
  });

  it('imports the .qdc Taguette exports: upper-case GUIDs, no colours or descriptions, an empty <Sets/>', async () => {
    const client = await newProject();
    const result = await client.invoke('refi.importCodebook', { path: fixture('codebook.qdc') });
    expect(result).toMatchObject({ created: 5, existing: 0 });
    // Nothing was lost, so nothing is reported but the counts: no "sets" section for an empty <Sets/>.
    expect(result.report).toEqual([{ kind: 'codes', found: 5, imported: 5, skipped: 0, notes: [] }]);
    const codes = await client.invoke('codes.list', {});
    expect(codes.map((c) => c.name).sort()).toEqual(['Harga', 'Kemitraan', 'Kepercayaan', 'Musyawarah', 'co-creation']);
    expect(new Set(codes.map((c) => c.colour)).size).toBeGreaterThan(1);
    expect(codes.every((c) => /^#[0-9a-f]{6}$/.test(c.colour))).toBe(true);
  });

  it('reports empty names, repeated names, unknown parents and parent loops, and imports the rest', async () => {
    const client = await newProject();
    const file = path.join(tempDir(), 'kode.csv');
    fs.writeFileSync(file, '\uFEFFName;Description;Parent\r\nA;satu;B\r\nB;dua;A\r\n;tanpa nama;\r\nC;tiga;Tidak Ada\r\nC;lagi;\r\n;;\r\nD;empat;C\r\n');
    const result = await client.invoke('taguette.importCodebook', { path: file });
    expect(result.created).toBe(4);
    expect(await tree(client)).toEqual(['A → satu', 'B → dua', 'C / D → empat', 'C → tiga']);
    expect(result.report.find((s) => s.kind === 'codes')).toMatchObject({ found: 6, imported: 4, skipped: 2 });
    expect(reportNotes(result.report)).toEqual([
      'Skipped rows without a code name.',
      'Skipped a second row named "C": Taguette names each tag once.',
      '"A" is its own ancestor through the "parent" column, so it was added at the top level.',
      '"B" is its own ancestor through the "parent" column, so it was added at the top level.',
      '"C" names the parent "Tidak Ada", which is not in the file, so it was added at the top level.',
    ]);
  });

  it('refuses a file it cannot read as a codebook, saying what to do, and changes nothing', async () => {
    const client = await newProject();
    const dir = tempDir();
    const write = (name: string, content: string | Buffer) => { const file = path.join(dir, name); fs.writeFileSync(file, content); return file; };
    const cases: [string, string | Buffer, RegExp][] = [
      ['judul.csv', 'kode,keterangan\r\nHarga,x\r\n', /no column "tag", "name" or "path".*add such a header/],
      ['dua.csv', 'tag,name\r\nHarga,Harga\r\n', /more than one of the columns "tag", "name" and "path" \(tag, name\)/],
      ['kosong.csv', 'tag,description\r\n\r\n', /holds no code names below its header/],
      ['buku.csv', Buffer.from('PK\x03\x04 workbook', 'latin1'), /is an Excel workbook, not CSV.*"CSV UTF-8"/],
      ['kutip.csv', 'tag,description\r\n"Harga,x\r\n', /line \d+: the file is not valid CSV/],
    ];
    for (const [name, content, message] of cases) {
      await expect(client.invoke('taguette.importCodebook', { path: write(name, content) }), name).rejects.toMatchObject({ kind: 'bad_input', message: expect.stringMatching(message) });
    }
    await expect(client.invoke('taguette.importCodebook', { path: path.join(dir, 'tidak-ada.csv') })).rejects.toMatchObject({ kind: 'bad_input', message: expect.stringMatching(/does not exist/) });
    expect(await client.invoke('codes.list', {})).toEqual([]);
    expect((await client.invoke('history.state', {})).undo).toBeNull();
  });

  it('exports a CSV Taguette imports as it is: name and description, no BOM, sub-codes named by their path', async () => {
    const client = await newProject();
    const parent = await client.invoke('codes.create', { name: 'Kemitraan', description: 'Kerja sama, "saling menguntungkan"' });
    await client.invoke('codes.create', { name: 'Kepercayaan', parentId: parent.id, description: 'Trust sebelum logika bisnis\nbaris dua' });
    const harga = await client.invoke('codes.create', { name: 'Harga' });
    await client.invoke('codes.create', { name: 'Kepercayaan', parentId: harga.id });
    const result = await client.invoke('taguette.exportCodebook', {});
    expect(result.fileName).toBe('Co-creation UMKM – codebook for Taguette.csv');
    const bytes = Buffer.from(result.base64!, 'base64');
    expect(bytes.subarray(0, 18).toString('utf8')).toBe('name,description\r\n');
    expect(asTaguetteReadsIt(bytes).sort((a, b) => a.path.localeCompare(b.path))).toEqual([
      { path: 'Harga', description: '' },
      { path: 'Harga / Kepercayaan', description: '' },
      { path: 'Kemitraan', description: 'Kerja sama, "saling menguntungkan"' },
      { path: 'Kemitraan / Kepercayaan', description: 'Trust sebelum logika bisnis\nbaris dua' },
    ]);
    const file = path.join(tempDir(), 'untuk-taguette.csv');
    expect(await client.invoke('taguette.exportCodebook', { path: file })).toMatchObject({ path: file, base64: null });
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
    // And back: Tematik reads what it wrote for Taguette.
    const other = await newProject();
    expect(await other.invoke('taguette.importCodebook', { path: file })).toMatchObject({ created: 4 });
  });
});
