import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { newProject, SAMPLE_SHEET, SAMPLE_STUDY, tempDir } from '../helpers/temp-project';

/** Copies the sample study so a test can add or break files without touching the fixture. */
function copyOfSample(): string {
  const dir = tempDir('tematik-sample-');
  for (const name of fs.readdirSync(SAMPLE_STUDY)) fs.copyFileSync(path.join(SAMPLE_STUDY, name), path.join(dir, name));
  return dir;
}

describe('importing the sample study with its informant sheet', () => {
  it('creates every document, informant, type and attribute in one step', async () => {
    const client = await newProject();
    const report = await client.invoke('import.folder', { folder: SAMPLE_STUDY, sheet: SAMPLE_SHEET });
    expect(report.failed).toEqual([]);
    expect(report.skipped).toEqual([]);
    expect(report.imported.map((d) => d.file).sort()).toEqual([
      'A-01_asosiasi.txt', 'G-01_dinas_koperasi.docx', 'K-01_skincare.vtt', 'K-02_skincare.srt', 'K-03_skincare.txt', 'KP-01_komunitas_kopi.txt',
      'M-01_konsultan.txt', 'M-02_brand_strategist.txt', 'P-01_fashion.txt', 'P-02_kopi.docx', 'P-03_batik.md',
    ]);
    expect(report.typesCreated).toEqual(['Pemilik UMKM', 'Konsumen', 'Ahli Pemasaran', 'Komunitas Pelanggan', 'Perwakilan Asosiasi/Pemerintah']);
    expect(report.informantsCreated).toHaveLength(13);

    const docs = await client.invoke('documents.list', {});
    const byTitle = new Map(docs.map((d) => [d.title, d]));
    expect(byTitle.get('M-02_brand_strategist')?.encoding).toBe('windows-1252');
    expect(byTitle.get('KP-01_komunitas_kopi')?.encoding).toBe('utf-16le');
    expect(byTitle.get('P-02_kopi')?.format).toBe('docx');
    expect(byTitle.get('KP-01_komunitas_kopi')?.informantIds).toHaveLength(2);
    for (const doc of docs) {
      expect(doc.wordCount, doc.title).toBeGreaterThan(600);
      expect(doc.turnCount, doc.title).toBeGreaterThanOrEqual(14);
    }

    const m02 = await client.invoke('documents.get', { id: byTitle.get('M-02_brand_strategist')!.id });
    expect(m02.text).toContain('“');
    expect(m02.text).not.toContain('\r');
    const vtt = await client.invoke('documents.get', { id: byTitle.get('K-01_skincare')!.id });
    expect(vtt.turns[0]!.startMs).toBe(5000);
    expect(new Set(vtt.turns.map((t) => t.speaker))).toEqual(new Set(['Pewawancara', 'Dewi']));
    for (const turn of vtt.turns) expect(vtt.text.slice(turn.start, turn.end).trim()).toBe(vtt.text.slice(turn.start, turn.end));

    const people = await client.invoke('informants.list', {});
    const p01 = people.find((p) => p.label === 'P-01')!;
    expect(p01.typeName).toBe('Pemilik UMKM');
    expect(p01.attributes).toMatchObject({ city: 'Yogyakarta', sector: 'Fashion muslim', years_in_business: '6' });
    const k04 = people.find((p) => p.label === 'K-04')!;
    expect(k04.documentIds).toEqual([]);
    expect((await client.invoke('attributes.list', {})).find((a) => a.name === 'years_in_business')?.valueType).toBe('number');

    const stats = await client.invoke('project.stats', {});
    expect(stats.informantsPerType.find((t) => t.type === 'Komunitas Pelanggan')).toEqual({ type: 'Komunitas Pelanggan', informants: 2, documents: 1 });
  });

  it('skips files already in the project when the folder is imported again', async () => {
    const client = await newProject();
    await client.invoke('import.folder', { folder: SAMPLE_STUDY, sheet: SAMPLE_SHEET });
    const again = await client.invoke('import.folder', { folder: SAMPLE_STUDY, sheet: SAMPLE_SHEET });
    expect(again.imported).toEqual([]);
    expect(again.skipped).toHaveLength(11);
    expect(again.skipped[0]!.reason).toMatch(/already in the project as/);
    expect(await client.invoke('documents.list', {})).toHaveLength(11);
  });

  it('imports nothing when one file is bad, and names the file; with skipBad it imports the rest', async () => {
    const dir = copyOfSample();
    fs.writeFileSync(path.join(dir, 'rekaman.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]));
    fs.writeFileSync(path.join(dir, 'kosong.txt'), '');
    const client = await newProject();
    await client.invoke('codes.create', { name: 'sudah ada' });
    const error = await client.invoke('import.folder', { folder: dir, sheet: path.join(dir, 'informants.csv') }).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'bad_input', message: expect.stringMatching(/2 of 13 file\(s\) could not be imported, so nothing was imported/) });
    expect((error as { details: string[] }).details.join('\n')).toMatch(/kosong\.txt: .*empty/);
    expect((error as { details: string[] }).details.join('\n')).toMatch(/rekaman\.txt: .*binary/);
    expect(await client.invoke('documents.list', {})).toEqual([]);
    expect(await client.invoke('informants.list', {})).toEqual([]);
    expect((await client.invoke('codes.list', {})).map((c) => c.name)).toEqual(['sudah ada']);

    const report = await client.invoke('import.folder', { folder: dir, sheet: path.join(dir, 'informants.csv'), skipBad: true });
    expect(report.imported).toHaveLength(11);
    expect(report.failed.map((f) => f.file).sort()).toEqual(['kosong.txt', 'rekaman.txt']);
  });

  it('refuses a sheet that names a missing file, changing nothing', async () => {
    const dir = copyOfSample();
    fs.rmSync(path.join(dir, 'K-02_skincare.srt'));
    const client = await newProject();
    await expect(client.invoke('import.folder', { folder: dir, sheet: path.join(dir, 'informants.csv') }))
      .rejects.toMatchObject({ kind: 'bad_input', details: [expect.stringMatching(/informants\.csv line \d+: names "K-02_skincare\.srt", which is not in/)] });
    expect(await client.invoke('documents.list', {})).toEqual([]);
  });

  it('refuses a sheet that would move an existing informant to another type', async () => {
    const client = await newProject();
    const type = await client.invoke('informantTypes.create', { name: 'Ahli Pemasaran' });
    await client.invoke('informants.create', { label: 'P-01', typeId: type.id });
    await expect(client.invoke('import.folder', { folder: SAMPLE_STUDY, sheet: SAMPLE_SHEET }))
      .rejects.toMatchObject({ kind: 'bad_input', details: [expect.stringMatching(/P-01 is a "Ahli Pemasaran" in the project but "Pemilik UMKM" in the sheet/)] });
    expect(await client.invoke('documents.list', {})).toEqual([]);
  });

  it('undoes a whole import in one step, and redoes it', async () => {
    const client = await newProject();
    await client.invoke('import.folder', { folder: SAMPLE_STUDY, sheet: SAMPLE_SHEET });
    const turns = () => client.session.store.db.prepare('SELECT count(*) FROM turns').pluck().get();
    const before = turns();
    expect((await client.invoke('history.state', {})).undo).toBe('Import 11 document(s)');
    await client.invoke('history.undo', {});
    expect(await client.invoke('documents.list', {})).toEqual([]);
    expect(await client.invoke('informants.list', {})).toEqual([]);
    expect(turns()).toBe(0);
    await client.invoke('history.redo', {});
    expect(await client.invoke('documents.list', {})).toHaveLength(11);
    expect(turns()).toBe(before);
  });

  it('imports single files and attaches them to an informant', async () => {
    const client = await newProject();
    const type = await client.invoke('informantTypes.create', { name: 'Konsumen' });
    const k01 = await client.invoke('informants.create', { label: 'K-01', typeId: type.id });
    const report = await client.invoke('import.files', { paths: [path.join(SAMPLE_STUDY, 'K-01_skincare.vtt')], informantId: k01.id });
    expect(report.imported[0]!.turns).toBeGreaterThan(10);
    expect((await client.invoke('informants.list', {}))[0]!.documentIds).toEqual([report.imported[0]!.documentId]);
    await expect(client.invoke('import.files', { paths: [path.join(SAMPLE_STUDY, 'nope.txt')] }))
      .rejects.toMatchObject({ kind: 'bad_input', details: [expect.stringContaining('nope.txt')] });
  });
});
