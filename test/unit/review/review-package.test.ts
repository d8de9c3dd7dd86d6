import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReviewPackageData } from '../../../src/domain/review-package';
import { newProject, tempDir } from '../../helpers/temp-project';
import { reportStudy, type ReportStudy } from '../report/fixture';
import { packageData } from './package-html';
import { onPostgres } from '../../helpers/test-store';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/**
 * The review package's data, gathered through the store interface from the report's study:
 * every count as the app shows it, every extract behind a cell as the app's drill-down lists
 * it, every row named by its GUID, names pseudonymised as in the Word report.
 */
describe('export.reviewPackage', () => {
  let study: ReportStudy;
  let data: ReviewPackageData;
  let html: string;
  const db = () => study.client.session.store.db;

  beforeAll(async () => {
    study = await reportStudy();
    await study.client.invoke('comments.add', { target: { kind: 'theme', id: study.themes.digital }, body: 'Apakah polling benar-benar co-creation?' });
    const result = await study.client.invoke('export.reviewPackage', { journal: 'all' });
    expect(result.path).toBeNull();
    expect(result.fileName).toBe('co-creation-umkm-review-package.html');
    html = Buffer.from(result.base64!, 'base64').toString('utf8');
    expect(Buffer.byteLength(html)).toBe(result.bytes);
    data = packageData(html);
    expect(data.packageGuid).toBe(result.packageGuid);
  }, 60_000);
  afterAll(() => study.client.session.close());

  it('names the project and its rows by their GUIDs, and each package by a GUID of its own', async () => {
    expect(data.projectGuid).toBe(db().prepare('SELECT guid FROM project').pluck().get());
    expect(data.packageGuid).toMatch(GUID);
    const again = await study.client.invoke('export.reviewPackage', {});
    expect(again.packageGuid).not.toBe(data.packageGuid);
    const guidOf = (table: string, id: number) => db().prepare(`SELECT guid FROM ${table} WHERE id = ?`).pluck().get(id);
    for (const theme of data.themes) expect(theme.guid).toBe(guidOf('themes', theme.id));
    for (const link of data.links) expect(link.guid).toBe(guidOf('theme_links', link.id));
    for (const code of data.codes) expect(code.guid).toBe(guidOf('codes', code.id));
    for (const extract of data.extracts) expect(extract.guid).toBe(guidOf('codings', extract.id));
  });

  it('holds the themes in play with their sub-themes, links and exemplar first, and leaves the discarded out', () => {
    const names = data.themes.map((t) => t.name);
    expect(names).toEqual(expect.arrayContaining(['Co-creation lewat platform digital', 'Pre-order sebagai uji pasar', 'Kapasitas produksi membatasi co-creation']));
    expect(names).not.toContain('Harga bersaing');
    const digital = data.themes.find((t) => t.id === study.themes.digital)!;
    const preorder = data.themes.find((t) => t.id === study.themes.preorder)!;
    expect(preorder.parentId).toBe(digital.id);
    expect(digital.subThemeIds).toEqual([preorder.id]);
    expect(digital.scope).toBe('Bukan promosi satu arah dan bukan sekadar ulasan setelah membeli.');
    expect(digital.convergence).toBe('partial');
    expect(data.extracts.find((e) => e.id === digital.quoteIds[0])!.text).toBe(study.exemplarQuote);
    expect(digital.quoteIds.length).toBe(3);
    expect(data.links.map((l) => l.text)).toEqual(expect.arrayContaining([
      '"Kapasitas produksi membatasi co-creation" moderates "Co-creation lewat platform digital"',
      '"Komunitas sebagai penggerak word of mouth" influences "Co-creation lewat platform digital"',
    ]));
    expect(data.map!.nodes.map((n) => n.themeId).sort()).toEqual(data.themes.map((t) => t.id).sort());
    expect(data.map!.lines.filter((l) => l.kind === 'link')).toHaveLength(2);
  });

  it('counts every cell as the triangulation matrix does, and lists the extracts its drill-down lists', async () => {
    const matrix = await study.client.invoke('analysis.triangulation', { rows: 'themes' });
    expect(data.columns.map((c) => c.label)).toEqual(matrix.columns.map((c) => c.label));
    let checked = 0;
    for (const theme of data.themes) {
      const row = matrix.rows.find((r) => r.id === theme.id)!;
      expect(theme.informants).toBe(row.informants);
      expect(theme.extracts).toBe(row.extracts);
      for (const [i, column] of matrix.columns.entries()) {
        const cell = theme.cells[i]!;
        expect([cell.informants, cell.extracts]).toEqual([row.cells[i]!.informants, row.cells[i]!.extracts]);
        const behind = await study.client.invoke('analysis.cellExtracts', { rowKind: 'theme', rowId: theme.id, column: column.key });
        expect([...cell.extractIds].sort()).toEqual(behind.map((e) => e.id).sort());
        expect(cell.supporters).toHaveLength(cell.informants);
        checked += cell.extracts;
      }
    }
    expect(checked).toBeGreaterThan(10);
  });

  it('gives each code its own extracts, in codebook order with depth', async () => {
    const child = data.codes.find((c) => c.name === 'polling warna')!;
    const parent = data.codes.find((c) => c.name === 'polling di media sosial')!;
    expect(child.depth).toBe(1);
    expect(data.codes.indexOf(child)).toBe(data.codes.indexOf(parent) + 1);
    const own = await study.client.invoke('codings.forCode', { codeId: study.codes['polling di media sosial']! });
    expect([...parent.extractIds].sort()).toEqual(own.map((e) => e.id).sort());
    const extracts = new Map(data.extracts.map((e) => [e.id, e]));
    expect(parent.extractIds.every((id) => extracts.get(id)?.codeId === parent.id)).toBe(true);
  });

  it('pseudonymises names as the Word report does, and keeps them when asked', async () => {
    const text = JSON.stringify(data);
    expect(text).not.toMatch(/Rani Puspitasari|Dimas/);
    expect(data.journal.find((j) => j.title === 'Posisi peneliti')!.body).toContain('Informant K-03 (K-03)');
    expect(data.pseudonymised).toBe(true);
    const real = packageData(Buffer.from((await study.client.invoke('export.reviewPackage', { pseudonymise: false, journal: 'all' })).base64!, 'base64').toString('utf8'));
    expect(real.pseudonymised).toBe(false);
    expect(real.journal.find((j) => j.title === 'Posisi peneliti')!.body).toContain('Rani Puspitasari (K-03)');
  });

  it('includes the journal entries chosen: all, none or some', async () => {
    expect(data.journal.length).toBeGreaterThan(1);
    const entry = db().prepare("SELECT id FROM memos WHERE title = 'Posisi peneliti'").pluck().get() as number;
    const only = packageData(Buffer.from((await study.client.invoke('export.reviewPackage', { journal: [entry] })).base64!, 'base64').toString('utf8'));
    expect(only.journal.map((j) => j.title)).toEqual(['Posisi peneliti']);
    const none = packageData(Buffer.from((await study.client.invoke('export.reviewPackage', {})).base64!, 'base64').toString('utf8'));
    expect(none.journal).toEqual([]);
    // The phases come from the phase moves whatever the journal choice.
    expect(none.phases.map((p) => p.status)).toEqual(['completed', 'completed', 'completed', 'completed', 'current', 'todo']);
  });

  it('carries the project’s comment threads, with their resolutions', async () => {
    const [comment] = data.comments;
    expect(comment).toMatchObject({ kind: 'theme', targetGuid: data.themes.find((t) => t.id === study.themes.digital)!.guid, author: 'Peneliti A', body: 'Apakah polling benar-benar co-creation?', resolvedAt: null });
    const id = db().prepare('SELECT id FROM comments').pluck().get() as number;
    await study.client.invoke('comments.resolve', { id, resolved: true });
    const later = packageData(Buffer.from((await study.client.invoke('export.reviewPackage', {})).base64!, 'base64').toString('utf8'));
    expect(later.comments[0]).toMatchObject({ resolvedBy: 'Peneliti A' });
    expect(later.comments[0]!.resolvedAt).not.toBeNull();
  });

  it('carries threads on codes and quotes too, named by their rows’ GUIDs', async () => {
    const code = study.codes['peran komunitas']!;
    const [coding] = await study.client.invoke('codings.forCode', { codeId: code });
    await study.client.invoke('comments.add', { target: { kind: 'code', id: code }, body: 'Kode ini terlalu luas.' });
    await study.client.invoke('comments.add', { target: { kind: 'coding', id: coding!.id }, body: 'Kutipan ini kuat.' });
    const later = packageData(Buffer.from((await study.client.invoke('export.reviewPackage', {})).base64!, 'base64').toString('utf8'));
    expect(later.comments.find((c) => c.body === 'Kode ini terlalu luas.')).toMatchObject({ kind: 'code', targetGuid: later.codes.find((c) => c.id === code)!.guid });
    expect(later.comments.find((c) => c.body === 'Kutipan ini kuat.')).toMatchObject({ kind: 'coding', targetGuid: later.extracts.find((e) => e.id === coding!.id)!.guid });
  });

  it('speaks Indonesian when asked, in its words and its file name', async () => {
    const result = await study.client.invoke('export.reviewPackage', { language: 'id' });
    const id = packageData(Buffer.from(result.base64!, 'base64').toString('utf8'));
    expect(result.fileName).toBe('co-creation-umkm-paket-telaah.html');
    expect(id.strings.packageTitle).toBe('Paket telaah');
    expect(id.strings['kind_moderates']).toBe('memoderasi');
    expect(id.links.map((l) => l.text)).toContain('"Kapasitas produksi membatasi co-creation" memoderasi "Co-creation lewat platform digital"');
    expect(id.phases[0]!.name).toBe('Membiasakan diri dengan data');
    const journal = packageData(Buffer.from((await study.client.invoke('export.reviewPackage', { language: 'id', journal: 'all' })).base64!, 'base64').toString('utf8')).journal;
    expect(journal.map((j) => j.title)).toContain('Fase 4 → 3');
  });

  it('writes to a path like other exports, and never over a file of another kind', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'review.html');
    const written = await study.client.invoke('export.reviewPackage', { path: out });
    expect(written).toMatchObject({ path: out, base64: null });
    expect(packageData(fs.readFileSync(out, 'utf8')).packageGuid).toBe(written.packageGuid);
    // The project file itself; a team project has none, so there another kind of file where the package would go.
    const other = onPostgres() ? path.join(dir, 'study.tematik') : study.client.file;
    if (onPostgres()) fs.writeFileSync(other, 'SQLite format 3\0');
    await expect(study.client.invoke('export.reviewPackage', { path: other })).rejects.toThrow(/is not a \.html file/);
  });
});

describe('the review package of a project without themes yet', () => {
  it('is made all the same: no map, an empty matrix, the codebook and the phases', async () => {
    const client = await newProject();
    try {
      await client.invoke('codes.create', { name: 'polling' });
      const data = packageData(Buffer.from((await client.invoke('export.reviewPackage', {})).base64!, 'base64').toString('utf8'));
      expect(data.map).toBeNull();
      expect([data.themes, data.links, data.extracts, data.comments, data.journal]).toEqual([[], [], [], [], []]);
      expect(data.codes.map((c) => [c.name, c.extractIds])).toEqual([['polling', []]]);
      expect(data.phases[0]).toMatchObject({ phase: 1, status: 'current' });
    } finally {
      client.session.close();
    }
  });
});
