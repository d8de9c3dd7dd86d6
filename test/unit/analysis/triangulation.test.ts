import { beforeAll, describe, expect, it } from 'vitest';
import type { CodeId, ThemeId } from '../../../src/domain/ids';
import type { TriangulationMatrix, TriangulationRow } from '../../../src/domain/types';
import { sampleStudy, type SampleStudy } from './fixture';

/*
 * The sample study: 13 informants of 5 types (in sheet order).
 *   Pemilik UMKM                    P-01, P-02, P-03                  (3)
 *   Konsumen                        K-01, K-02, K-03, K-04 (no file)  (4)
 *   Ahli Pemasaran                  M-01, M-02                        (2)
 *   Komunitas Pelanggan             KP-01 + KP-02, one group interview (2)
 *   Perwakilan Asosiasi/Pemerintah  G-01, A-01                        (2)
 * Cities: Yogyakarta P-01 P-02 K-01 K-03 M-01 KP-01 KP-02 G-01 (8); Surakarta P-03; Semarang K-02;
 * Jakarta M-02; Sleman A-01; Bandung K-04. years_in_business: P-01 6, P-02 4, P-03 15, nobody else.
 *
 * Codings (one word each, found in the transcript):
 *   polling        "polling"    P-01 ×2, P-02, K-01, K-03, KP-01, M-01          7 extracts
 *   komunitas      "komunitas"  P-01, P-02, P-03, K-01, K-02, K-03, KP-01, M-01, G-01, A-01   10
 *   media sosial   "Instagram"  P-01, K-01, KP-01, M-01, M-02, G-01             6
 *   pelatihan      "pelatihan"  G-01 ×2, A-01, P-01, M-02                        5
 *   produksi       "produksi"   P-01, K-02                                       2
 *   kosong         (none)                                                       0
 * Themes:
 *   Keterlibatan pelanggan  codes polling, media sosial
 *     └ Komunitas sebagai saluran  codes komunitas, media sosial   (media sosial is in both)
 *     └ Kapasitas (discarded)      code produksi                   (lends no evidence)
 *   Dukungan pemerintah     code pelatihan; convergence recorded as "silence"
 */
const TYPES = ['Pemilik UMKM', 'Konsumen', 'Ahli Pemasaran', 'Komunitas Pelanggan', 'Perwakilan Asosiasi/Pemerintah'];

let study: SampleStudy;
let codes: Record<'polling' | 'komunitas' | 'media' | 'pelatihan' | 'produksi' | 'kosong', CodeId>;
let themes: Record<'keterlibatan' | 'saluran' | 'kapasitas' | 'dukungan', ThemeId>;

beforeAll(async () => {
  study = await sampleStudy();
  const { client, code, codeWord } = study;
  codes = {
    polling: await code('polling produk'), komunitas: await code('peran komunitas'), media: await code('media sosial'),
    pelatihan: await code('pelatihan dinas'), produksi: await code('kapasitas produksi'), kosong: await code('belum dipakai'),
  };
  await codeWord(codes.polling, 'P-01', 'polling', 0);
  await codeWord(codes.polling, 'P-01', 'polling', 1);
  for (const label of ['P-02', 'K-01', 'K-03', 'KP-01', 'M-01']) await codeWord(codes.polling, label, 'polling');
  for (const label of ['P-01', 'P-02', 'P-03', 'K-01', 'K-02', 'K-03', 'KP-01', 'M-01', 'G-01', 'A-01']) await codeWord(codes.komunitas, label, 'komunitas');
  for (const label of ['P-01', 'K-01', 'KP-01', 'M-01', 'M-02', 'G-01']) await codeWord(codes.media, label, 'Instagram');
  await codeWord(codes.pelatihan, 'G-01', 'pelatihan', 0);
  await codeWord(codes.pelatihan, 'G-01', 'pelatihan', 1);
  for (const label of ['A-01', 'P-01', 'M-02']) await codeWord(codes.pelatihan, label, 'pelatihan');
  for (const label of ['P-01', 'K-02']) await codeWord(codes.produksi, label, 'produksi');

  const keterlibatan = (await client.invoke('themes.create', { name: 'Keterlibatan pelanggan', codeIds: [codes.polling, codes.media] })).id;
  const saluran = (await client.invoke('themes.create', { name: 'Komunitas sebagai saluran', parentId: keterlibatan, codeIds: [codes.komunitas, codes.media] })).id;
  const kapasitas = (await client.invoke('themes.create', { name: 'Kapasitas', parentId: keterlibatan, codeIds: [codes.produksi] })).id;
  await client.invoke('themes.update', { id: kapasitas, status: 'discarded' });
  const dukungan = (await client.invoke('themes.create', { name: 'Dukungan pemerintah', codeIds: [codes.pelatihan] })).id;
  await client.invoke('themes.setConvergence', { id: dukungan, convergence: 'silence', reason: 'Konsumen tidak ditanya tentang dinas.' });
  themes = { keterlibatan, saluran, kapasitas, dukungan };
});

/** Cells as [informants, extracts] pairs, in column order. */
const cells = (row: TriangulationRow | undefined): [number, number][] => row!.cells.map((c) => [c.informants, c.extracts]);
const row = (matrix: TriangulationMatrix, id: number): TriangulationRow | undefined => matrix.rows.find((r) => r.id === id);

describe('triangulation by informant type', () => {
  it('has one column per informant type, in sort order, with all its informants (also those without a transcript)', async () => {
    const matrix = await study.client.invoke('analysis.triangulation', { rows: 'codes' });
    const types = await study.client.invoke('informantTypes.list', {});
    expect(matrix.groupBy).toEqual({ kind: 'type' });
    expect(matrix.columns).toEqual(TYPES.map((label, i) => ({ key: `type:${types[i]!.id}`, label, informants: [3, 4, 2, 2, 2][i] })));
  });

  it('counts a code row: distinct informants against extracts; a group interview supports both its informants', async () => {
    const matrix = await study.client.invoke('analysis.triangulation', { rows: 'codes' });
    expect(matrix.rows.map((r) => r.name)).toEqual(['polling produk', 'peran komunitas', 'media sosial', 'pelatihan dinas', 'kapasitas produksi', 'belum dipakai']);
    const polling = row(matrix, codes.polling)!;
    // Owners: P-01 (2 extracts) + P-02 = 2 informants, 3 extracts. Community: 1 group-interview extract, 2 informants.
    expect(cells(polling)).toEqual([[2, 3], [2, 2], [1, 1], [2, 1], [0, 0]]);
    expect([polling.informants, polling.extracts]).toEqual([7, 7]);
    expect(polling).toMatchObject({ kind: 'code', colour: expect.stringMatching(/^#/), convergence: null, convergenceReason: '' });

    expect(cells(row(matrix, codes.komunitas))).toEqual([[3, 3], [3, 3], [1, 1], [2, 1], [2, 2]]);
    expect([row(matrix, codes.komunitas)!.informants, row(matrix, codes.komunitas)!.extracts]).toEqual([11, 10]);
    // G-01's two extracts count twice as extracts, once as an informant.
    expect(cells(row(matrix, codes.pelatihan))).toEqual([[1, 1], [0, 0], [1, 1], [0, 0], [2, 3]]);
    expect(cells(row(matrix, codes.kosong))).toEqual([[0, 0], [0, 0], [0, 0], [0, 0], [0, 0]]);
  });

  it('suggests agreement, partial agreement or silence from the spread, never dissonance', async () => {
    const matrix = await study.client.invoke('analysis.triangulation', { rows: 'codes' });
    // polling: the government/association representatives say nothing.
    expect(row(matrix, codes.polling)!.suggestion).toEqual({ judgement: 'silence', silent: ['Perwakilan Asosiasi/Pemerintah'], spread: [2 / 3, 2 / 4, 1 / 2, 1, 0] });
    // komunitas: every type, each with at least half of its informants (Ahli 1 of 2 is exactly half).
    expect(row(matrix, codes.komunitas)!.suggestion).toEqual({ judgement: 'agreement', silent: [], spread: [1, 3 / 4, 1 / 2, 1, 1] });
    // media sosial: every type speaks, but only 1 of 3 owners and 1 of 4 consumers.
    expect(row(matrix, codes.media)!.suggestion).toEqual({ judgement: 'partial', silent: [], spread: [1 / 3, 1 / 4, 1, 1, 1 / 2] });
    expect(row(matrix, codes.pelatihan)!.suggestion).toMatchObject({ judgement: 'silence', silent: ['Konsumen', 'Komunitas Pelanggan'] });
    expect(row(matrix, codes.kosong)!.suggestion).toEqual({ judgement: 'silence', silent: TYPES, spread: [0, 0, 0, 0, 0] });
  });

  it("counts a theme's own codes and its sub-themes' codes, each coding once, without discarded themes", async () => {
    const matrix = await study.client.invoke('analysis.triangulation', { rows: 'themes' });
    expect(matrix.rows.map((r) => r.name)).toEqual(['Keterlibatan pelanggan', 'Komunitas sebagai saluran', 'Dukungan pemerintah']);
    // polling (7) + media sosial (6, reached directly and through the sub-theme, counted once) + komunitas (10) = 23 extracts;
    // the discarded sub-theme's produksi codings (P-01, K-02) add nothing.
    // Owners: P-01, P-02, P-03 — polling 3 + media 1 + komunitas 3 = 7. Consumers: K-01, K-02, K-03 — 2 + 1 + 3 = 6.
    // Experts: M-01, M-02 — 1 + 2 + 1 = 4. Community: KP-01, KP-02 — 1 + 1 + 1 = 3. Representatives: G-01, A-01 — 0 + 1 + 2 = 3.
    const keterlibatan = row(matrix, themes.keterlibatan)!;
    expect(cells(keterlibatan)).toEqual([[3, 7], [3, 6], [2, 4], [2, 3], [2, 3]]);
    expect([keterlibatan.informants, keterlibatan.extracts]).toEqual([12, 23]);
    expect(keterlibatan).toMatchObject({ kind: 'theme', convergence: null, convergenceReason: '', suggestion: { judgement: 'agreement', spread: [1, 3 / 4, 1, 1, 1] } });
    // The sub-theme on its own: komunitas (10) + media sosial (6).
    const saluran = row(matrix, themes.saluran)!;
    expect(cells(saluran)).toEqual([[3, 4], [3, 4], [2, 3], [2, 2], [2, 3]]);
    expect([saluran.informants, saluran.extracts]).toEqual([12, 16]);
    // The recorded judgement travels with the row, beside the suggestion.
    expect(row(matrix, themes.dukungan)).toMatchObject({
      informants: 4, extracts: 5, convergence: 'silence', convergenceReason: 'Konsumen tidak ditanya tentang dinas.',
      suggestion: { judgement: 'silence', silent: ['Konsumen', 'Komunitas Pelanggan'] },
    });
  });

  it('shows discarded themes when asked, still without lending their evidence to the parent', async () => {
    const matrix = await study.client.invoke('analysis.triangulation', { rows: 'themes', includeDiscarded: true });
    expect(matrix.rows.map((r) => r.name)).toEqual(['Keterlibatan pelanggan', 'Komunitas sebagai saluran', 'Kapasitas', 'Dukungan pemerintah']);
    expect(cells(row(matrix, themes.kapasitas))).toEqual([[1, 1], [1, 1], [0, 0], [0, 0], [0, 0]]);
    expect(row(matrix, themes.keterlibatan)!.extracts).toBe(23);
  });

  it('agrees with the extracts behind each cell, cell by cell', async () => {
    for (const rows of ['codes', 'themes'] as const) {
      const matrix = await study.client.invoke('analysis.triangulation', { rows, includeDiscarded: true });
      for (const r of matrix.rows) {
        for (const [i, column] of matrix.columns.entries()) {
          const extracts = await study.client.invoke('analysis.cellExtracts', { rowKind: r.kind, rowId: r.id, column: column.key });
          expect(extracts.length, `${r.name} × ${column.label}`).toBe(r.cells[i]!.extracts);
          const people = await study.client.invoke('informants.list', {});
          const inColumn = new Set(people.filter((p) => p.typeName === column.label).map((p) => p.label));
          const supporting = new Set(extracts.flatMap((e) => e.informantLabels).filter((label) => inColumn.has(label)));
          expect(supporting.size, `${r.name} × ${column.label}`).toBe(r.cells[i]!.informants);
        }
      }
    }
  });
});

describe('triangulation by attribute', () => {
  it('makes one column per value, sorted, each with its informants; a group interview counts once in its city', async () => {
    const matrix = await study.client.invoke('analysis.triangulation', { rows: 'codes', groupBy: { kind: 'attribute', name: 'city' } });
    expect(matrix.groupBy).toEqual({ kind: 'attribute', name: 'city' });
    expect(matrix.columns).toEqual([
      { key: 'value:Bandung', label: 'Bandung', informants: 1 }, { key: 'value:Jakarta', label: 'Jakarta', informants: 1 },
      { key: 'value:Semarang', label: 'Semarang', informants: 1 }, { key: 'value:Sleman', label: 'Sleman', informants: 1 },
      { key: 'value:Surakarta', label: 'Surakarta', informants: 1 }, { key: 'value:Yogyakarta', label: 'Yogyakarta', informants: 8 },
    ]);
    // komunitas: Yogyakarta has P-01 P-02 K-01 K-03 M-01 G-01 and the KP-01 group interview (KP-01, KP-02):
    // 8 informants from 7 extracts. K-04 (Bandung) has no transcript and M-02 (Jakarta) did not speak of it.
    const komunitas = row(matrix, codes.komunitas)!;
    expect(cells(komunitas)).toEqual([[0, 0], [0, 0], [1, 1], [1, 1], [1, 1], [8, 7]]);
    expect(komunitas.suggestion).toEqual({ judgement: 'silence', silent: ['Bandung', 'Jakarta'], spread: [0, 0, 1, 1, 1, 1] });
  });

  it('sorts a number attribute as numbers and puts informants without a value in a last "(no value)" column', async () => {
    const matrix = await study.client.invoke('analysis.triangulation', { rows: 'codes', groupBy: { kind: 'attribute', name: 'Years_In_Business' } });
    expect(matrix.columns).toEqual([
      { key: 'value:4', label: '4', informants: 1 }, { key: 'value:6', label: '6', informants: 1 }, { key: 'value:15', label: '15', informants: 1 },
      { key: 'none', label: '(no value)', informants: 10 },
    ]);
    // polling: P-02 (4 years) once, P-01 (6 years) twice, P-03 never; K-01, K-03, M-01 and the KP-01 pair have no value.
    expect(cells(row(matrix, codes.polling))).toEqual([[1, 1], [1, 2], [0, 0], [5, 4]]);
    const extracts = await study.client.invoke('analysis.cellExtracts', { rowKind: 'code', rowId: codes.polling, groupBy: { kind: 'attribute', name: 'years_in_business' }, column: 'none' });
    expect(extracts.map((e) => e.documentTitle)).toEqual(['K-01_skincare', 'K-03_skincare', 'KP-01_komunitas_kopi', 'M-01_konsultan']);
  });

  it('refuses an attribute the project does not have, naming the ones it has', async () => {
    await expect(study.client.invoke('analysis.triangulation', { rows: 'codes', groupBy: { kind: 'attribute', name: 'kota' } }))
      .rejects.toMatchObject({ kind: 'not_found', message: expect.stringMatching(/No informant attribute is named "kota"\. Group by one of: city, gender, sector, years_in_business\./) });
  });
});

describe('the extracts behind a cell', () => {
  it('lists them like codings.forCode, by document title then offset', async () => {
    const types = await study.client.invoke('informantTypes.list', {});
    const owners = `type:${types.find((t) => t.name === 'Pemilik UMKM')!.id}`;
    const extracts = await study.client.invoke('analysis.cellExtracts', { rowKind: 'code', rowId: codes.polling, column: owners });
    const p01 = study.text('P-01');
    expect(extracts.map((e) => [e.documentTitle, e.start])).toEqual([
      ['P-01_fashion', p01.indexOf('polling')], ['P-01_fashion', p01.indexOf('polling', p01.indexOf('polling') + 1)], ['P-02_kopi', study.text('P-02').indexOf('polling')],
    ]);
    const forCode = (await study.client.invoke('codings.forCode', { codeId: codes.polling })).filter((e) => e.informantTypes.includes('Pemilik UMKM'));
    expect(extracts).toEqual(forCode);
    expect(extracts[0]).toMatchObject({ codeId: codes.polling, codeName: 'polling produk', quote: 'polling', informantLabels: ['P-01'], informantTypes: ['Pemilik UMKM'] });
  });

  it('gives a group interview extract with both informants, for a theme through its sub-theme', async () => {
    const types = await study.client.invoke('informantTypes.list', {});
    const community = `type:${types.find((t) => t.name === 'Komunitas Pelanggan')!.id}`;
    const extracts = await study.client.invoke('analysis.cellExtracts', { rowKind: 'theme', rowId: themes.keterlibatan, column: community });
    expect(extracts.map((e) => e.quote)).toEqual(['komunitas', 'Instagram', 'polling']);
    for (const e of extracts) expect(e).toMatchObject({ documentTitle: 'KP-01_komunitas_kopi', informantLabels: ['KP-01', 'KP-02'], informantTypes: ['Komunitas Pelanggan'] });
  });

  it('refuses an unknown row or column with a message saying what to do', async () => {
    await expect(study.client.invoke('analysis.cellExtracts', { rowKind: 'theme', rowId: 9999, column: 'none' }))
      .rejects.toMatchObject({ kind: 'not_found', message: expect.stringMatching(/Theme 9999 does not exist.*Refresh/) });
    await expect(study.client.invoke('analysis.cellExtracts', { rowKind: 'code', rowId: 9999, column: 'none' }))
      .rejects.toMatchObject({ kind: 'not_found', message: expect.stringMatching(/Code 9999 does not exist/) });
    await expect(study.client.invoke('analysis.cellExtracts', { rowKind: 'code', rowId: codes.polling, column: 'value:Yogyakarta' }))
      .rejects.toMatchObject({ kind: 'not_found', message: expect.stringMatching(/no column "value:Yogyakarta" when grouping by informant type; the columns are type:\d+ \(Pemilik UMKM\)/) });
    // Every informant has a city, so there is no "(no value)" column.
    await expect(study.client.invoke('analysis.cellExtracts', { rowKind: 'code', rowId: codes.polling, groupBy: { kind: 'attribute', name: 'city' }, column: 'none' }))
      .rejects.toMatchObject({ kind: 'not_found', message: expect.stringMatching(/when grouping by attribute "city"/) });
  });
});
