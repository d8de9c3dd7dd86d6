import { beforeAll, describe, expect, it } from 'vitest';
import type { CodeId, ThemeId } from '../../../src/domain/ids';
import type { TriangulationMatrix, TriangulationRow } from '../../../src/domain/types';
import { sampleStudy, type SampleStudy } from './fixture';

/*
 * The sample study: 13 informants of 5 types (in sheet order); 12 were interviewed.
 *   Pemilik UMKM                    P-01, P-02, P-03                         (3)
 *   Konsumen                        K-01, K-02, K-03; K-04 has no transcript (3 interviewed, K-04 not interviewed)
 *   Ahli Pemasaran                  M-01, M-02                               (2)
 *   Komunitas Pelanggan             KP-01 (Mas Dimas) + KP-02 (Mbak Ayu), one group interview (2)
 *   Perwakilan Asosiasi/Pemerintah  G-01, A-01                               (2)
 * Cities: Yogyakarta P-01 P-02 K-01 K-03 M-01 KP-01 KP-02 G-01 (8); Surakarta P-03; Semarang K-02;
 * Jakarta M-02; Sleman A-01; Bandung K-04 (not interviewed). years_in_business: P-01 6, P-02 4, P-03 15, nobody else.
 *
 * Codings: one word each, where an informant says it (interviewer turns skipped); in the group
 * interview the speaker is named. Occurrence numbers are 0-based.
 *   polling        "polling"    P-01 ×2, P-02, K-01, KP (Dimas → KP-01), M-01, A-01                  7 extracts
 *   komunitas      "komunitas"  P-01, P-02, P-03, KP #0 (Ayu → KP-02), KP #7 (Dimas → KP-01), M-01, G-01   7
 *   media sosial   "Instagram"  P-01, P-02, K-01, K-02, K-03, KP (Ayu → KP-02), M-01, M-02, G-01       9
 *   pelatihan      "pelatihan"  G-01 ×2, A-01, P-01, M-02                                         5
 *   produksi       "produksi"   P-01, K-02                                                        2
 *   kosong         (none)                                                                        0
 *   pertanyaan     the moderator's question about the community (interviewer: no one)            1
 *   simbiosis      from the end of Dimas's turn into Ayu's reply (both KP-01 and KP-02)           1
 * Themes:
 *   Keterlibatan pelanggan  codes polling, media sosial
 *     └ Komunitas sebagai saluran  codes komunitas, media sosial   (media sosial is in both)
 *     └ Kapasitas (discarded)      code produksi                   (lends no evidence)
 *   Dukungan pemerintah     code pelatihan; convergence recorded as "silence"
 */
const TYPES = ['Pemilik UMKM', 'Konsumen', 'Ahli Pemasaran', 'Komunitas Pelanggan', 'Perwakilan Asosiasi/Pemerintah'];

let study: SampleStudy;
let codes: Record<'polling' | 'komunitas' | 'media' | 'pelatihan' | 'produksi' | 'kosong' | 'pertanyaan' | 'simbiosis', CodeId>;
let themes: Record<'keterlibatan' | 'saluran' | 'kapasitas' | 'dukungan', ThemeId>;

beforeAll(async () => {
  study = await sampleStudy();
  const { client, code, codeWord, codeRange, text } = study;
  codes = {
    polling: await code('polling produk'), komunitas: await code('peran komunitas'), media: await code('media sosial'),
    pelatihan: await code('pelatihan dinas'), produksi: await code('kapasitas produksi'), kosong: await code('belum dipakai'),
    pertanyaan: await code('pertanyaan moderator'), simbiosis: await code('debat simbiosis'),
  };
  await codeWord(codes.polling, 'P-01', 'polling', 0);
  await codeWord(codes.polling, 'P-01', 'polling', 1);
  for (const label of ['P-02', 'K-01', 'KP-01', 'M-01', 'A-01']) await codeWord(codes.polling, label, 'polling');
  for (const label of ['P-01', 'P-02', 'P-03', 'M-01', 'G-01']) await codeWord(codes.komunitas, label, 'komunitas');
  await codeWord(codes.komunitas, 'KP-01', 'komunitas', 0);
  await codeWord(codes.komunitas, 'KP-01', 'komunitas', 7);
  for (const label of ['P-01', 'P-02', 'K-01', 'K-02', 'K-03', 'KP-01', 'M-01', 'M-02', 'G-01']) await codeWord(codes.media, label, 'Instagram');
  await codeWord(codes.pelatihan, 'G-01', 'pelatihan', 0);
  await codeWord(codes.pelatihan, 'G-01', 'pelatihan', 1);
  for (const label of ['A-01', 'P-01', 'M-02']) await codeWord(codes.pelatihan, label, 'pelatihan');
  for (const label of ['P-01', 'K-02']) await codeWord(codes.produksi, label, 'produksi');
  const kp = text('KP-01');
  const question = kp.indexOf('Bisa diceritakan, komunitas ini');
  await codeRange(codes.pertanyaan, 'KP-01', question, question + 'Bisa diceritakan, komunitas ini'.length);
  const from = kp.indexOf('Kolaborasi kan nggak harus');
  const reply = 'Ya, tapi kalau lama-lama';
  await codeRange(codes.simbiosis, 'KP-01', from, kp.indexOf(reply) + reply.length);

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
  it('has one column per informant type, in sort order, counting the interviewed and listing the not interviewed apart', async () => {
    const matrix = await study.client.invoke('analysis.triangulation', { rows: 'codes' });
    const types = await study.client.invoke('informantTypes.list', {});
    expect(matrix.groupBy).toEqual({ kind: 'type' });
    expect(matrix.columns).toEqual(TYPES.map((label, i) => ({
      key: `type:${types[i]!.id}`, label, informants: [3, 3, 2, 2, 2][i], notInterviewed: i === 1 ? ['K-04'] : [],
    })));
  });

  it('counts a code row: distinct informants against extracts; in a group interview only the speaker', async () => {
    const matrix = await study.client.invoke('analysis.triangulation', { rows: 'codes' });
    expect(matrix.rows.map((r) => r.name)).toEqual(['polling produk', 'peran komunitas', 'media sosial', 'pelatihan dinas', 'kapasitas produksi', 'belum dipakai', 'pertanyaan moderator', 'debat simbiosis']);
    const polling = row(matrix, codes.polling)!;
    // Owners: P-01 (2 extracts) + P-02 = 2 informants, 3 extracts. Community: Dimas's extract supports KP-01 only.
    expect(cells(polling)).toEqual([[2, 3], [1, 1], [1, 1], [1, 1], [1, 1]]);
    expect([polling.informants, polling.extracts]).toEqual([6, 7]);
    expect(polling).toMatchObject({ kind: 'code', colour: expect.stringMatching(/^#/), convergence: null, convergenceReason: '' });
    // The community's two extracts come from its two speakers: two informants.
    expect(cells(row(matrix, codes.komunitas))).toEqual([[3, 3], [0, 0], [1, 1], [2, 2], [1, 1]]);
    expect([row(matrix, codes.komunitas)!.informants, row(matrix, codes.komunitas)!.extracts]).toEqual([7, 7]);
    // G-01's two extracts count twice as extracts, once as an informant.
    expect(cells(row(matrix, codes.pelatihan))).toEqual([[1, 1], [0, 0], [1, 1], [0, 0], [2, 3]]);
    expect(cells(row(matrix, codes.kosong))).toEqual([[0, 0], [0, 0], [0, 0], [0, 0], [0, 0]]);
  });

  it("counts the interviewer's words for no one, and a passage spanning two speakers for both", async () => {
    const matrix = await study.client.invoke('analysis.triangulation', { rows: 'codes' });
    const question = row(matrix, codes.pertanyaan)!;
    expect(cells(question)).toEqual([[0, 0], [0, 0], [0, 0], [0, 0], [0, 0]]);
    expect([question.informants, question.extracts]).toEqual([0, 1]);
    const debate = row(matrix, codes.simbiosis)!;
    expect(cells(debate)).toEqual([[0, 0], [0, 0], [0, 0], [2, 1], [0, 0]]);
    expect([debate.informants, debate.extracts]).toEqual([2, 1]);
    const [extract] = await study.client.invoke('codings.forCode', { codeId: codes.simbiosis });
    expect(extract).toMatchObject({ informantLabels: ['KP-01', 'KP-02'], informantTypes: ['Komunitas Pelanggan'] });
    const [asked] = await study.client.invoke('codings.forCode', { codeId: codes.pertanyaan });
    expect(asked).toMatchObject({ informantIds: [], informantLabels: [], informantTypes: [] });
  });

  it('suggests agreement, partial agreement or silence from the spread of the interviewed, never dissonance', async () => {
    const matrix = await study.client.invoke('analysis.triangulation', { rows: 'codes' });
    // polling: every type speaks, but only 1 of the 3 interviewed consumers (K-04 is not in the denominator).
    expect(row(matrix, codes.polling)!.suggestion).toEqual({ judgement: 'partial', silent: [], spread: [2 / 3, 1 / 3, 1 / 2, 1 / 2, 1 / 2] });
    // komunitas: the consumers say nothing.
    expect(row(matrix, codes.komunitas)!.suggestion).toEqual({ judgement: 'silence', silent: ['Konsumen'], spread: [1, 0, 1 / 2, 1, 1 / 2] });
    // media sosial: every type, each with at least half of its interviewed informants (3 of 3 consumers).
    expect(row(matrix, codes.media)!.suggestion).toEqual({ judgement: 'agreement', silent: [], spread: [2 / 3, 1, 1, 1 / 2, 1 / 2] });
    expect(row(matrix, codes.pelatihan)!.suggestion).toMatchObject({ judgement: 'silence', silent: ['Konsumen', 'Komunitas Pelanggan'] });
    expect(row(matrix, codes.kosong)!.suggestion).toEqual({ judgement: 'silence', silent: TYPES, spread: [0, 0, 0, 0, 0] });
  });

  it("counts a theme's own codes and its sub-themes' codes, each coding once, without discarded themes", async () => {
    const matrix = await study.client.invoke('analysis.triangulation', { rows: 'themes' });
    expect(matrix.rows.map((r) => r.name)).toEqual(['Keterlibatan pelanggan', 'Komunitas sebagai saluran', 'Dukungan pemerintah']);
    // polling (7) + media sosial (9, reached directly and through the sub-theme, counted once) + komunitas (7) = 23 extracts;
    // the discarded sub-theme's produksi codings (P-01, K-02) add nothing.
    // Owners: polling 3 + media 2 + komunitas 3 = 8 from P-01, P-02, P-03. Consumers: 1 + 3 + 0 = 4 from K-01, K-02, K-03.
    // Experts: 1 + 2 + 1 = 4. Community: Dimas 1 + Ayu 1 + both 2 = 4. Representatives: A-01 1 + G-01 1 + G-01 1 = 3.
    const keterlibatan = row(matrix, themes.keterlibatan)!;
    expect(cells(keterlibatan)).toEqual([[3, 8], [3, 4], [2, 4], [2, 4], [2, 3]]);
    expect([keterlibatan.informants, keterlibatan.extracts]).toEqual([12, 23]);
    expect(keterlibatan).toMatchObject({ kind: 'theme', convergence: null, convergenceReason: '', suggestion: { judgement: 'agreement', spread: [1, 1, 1, 1, 1] } });
    // The sub-theme on its own: komunitas (7) + media sosial (9).
    const saluran = row(matrix, themes.saluran)!;
    expect(cells(saluran)).toEqual([[3, 5], [3, 3], [2, 3], [2, 3], [1, 2]]);
    expect([saluran.informants, saluran.extracts]).toEqual([11, 16]);
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
  it('makes one column per value, sorted, each with its interviewed informants; a group interview counts once in its city', async () => {
    const matrix = await study.client.invoke('analysis.triangulation', { rows: 'codes', groupBy: { kind: 'attribute', name: 'city' } });
    expect(matrix.groupBy).toEqual({ kind: 'attribute', name: 'city' });
    expect(matrix.columns).toEqual([
      { key: 'value:Bandung', label: 'Bandung', informants: 0, notInterviewed: ['K-04'] }, { key: 'value:Jakarta', label: 'Jakarta', informants: 1, notInterviewed: [] },
      { key: 'value:Semarang', label: 'Semarang', informants: 1, notInterviewed: [] }, { key: 'value:Sleman', label: 'Sleman', informants: 1, notInterviewed: [] },
      { key: 'value:Surakarta', label: 'Surakarta', informants: 1, notInterviewed: [] }, { key: 'value:Yogyakarta', label: 'Yogyakarta', informants: 8, notInterviewed: [] },
    ]);
    // komunitas in Yogyakarta: P-01, P-02, M-01, G-01 and both speakers of the group interview: 6 informants, 6 extracts.
    // Bandung's only informant (K-04) was never interviewed: no column to be silent, whatever the row.
    const komunitas = row(matrix, codes.komunitas)!;
    expect(cells(komunitas)).toEqual([[0, 0], [0, 0], [0, 0], [0, 0], [1, 1], [6, 6]]);
    expect(komunitas.suggestion).toEqual({ judgement: 'silence', silent: ['Jakarta', 'Semarang', 'Sleman'], spread: [0, 0, 0, 0, 1, 6 / 8] });
  });

  it('sorts a number attribute as numbers and puts informants without a value in a last "(no value)" column', async () => {
    const matrix = await study.client.invoke('analysis.triangulation', { rows: 'codes', groupBy: { kind: 'attribute', name: 'Years_In_Business' } });
    expect(matrix.columns).toEqual([
      { key: 'value:4', label: '4', informants: 1, notInterviewed: [] }, { key: 'value:6', label: '6', informants: 1, notInterviewed: [] },
      { key: 'value:15', label: '15', informants: 1, notInterviewed: [] }, { key: 'none', label: '(no value)', informants: 9, notInterviewed: ['K-04'] },
    ]);
    // polling: P-02 (4 years) once, P-01 (6 years) twice, P-03 never; K-01, KP-01, M-01 and A-01 have no value.
    expect(cells(row(matrix, codes.polling))).toEqual([[1, 1], [1, 2], [0, 0], [4, 4]]);
    const extracts = await study.client.invoke('analysis.cellExtracts', { rowKind: 'code', rowId: codes.polling, groupBy: { kind: 'attribute', name: 'years_in_business' }, column: 'none' });
    expect(extracts.map((e) => e.documentTitle)).toEqual(['A-01_asosiasi', 'K-01_skincare', 'KP-01_komunitas_kopi', 'M-01_konsultan']);
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
    expect(extracts.map((e) => [e.documentTitle, e.start])).toEqual([
      ['P-01_fashion', study.spokenAt('P-01', 'polling', 0)], ['P-01_fashion', study.spokenAt('P-01', 'polling', 1)], ['P-02_kopi', study.spokenAt('P-02', 'polling')],
    ]);
    const forCode = (await study.client.invoke('codings.forCode', { codeId: codes.polling })).filter((e) => e.informantTypes.includes('Pemilik UMKM'));
    expect(extracts).toEqual(forCode);
    expect(extracts[0]).toMatchObject({ codeId: codes.polling, codeName: 'polling produk', quote: 'polling', informantLabels: ['P-01'], informantTypes: ['Pemilik UMKM'] });
  });

  it('gives each group interview extract its speaker, for a theme through its sub-theme', async () => {
    const types = await study.client.invoke('informantTypes.list', {});
    const community = `type:${types.find((t) => t.name === 'Komunitas Pelanggan')!.id}`;
    const extracts = await study.client.invoke('analysis.cellExtracts', { rowKind: 'theme', rowId: themes.keterlibatan, column: community });
    expect(extracts.map((e) => [e.quote, e.informantLabels])).toEqual([
      ['komunitas', ['KP-02']], ['Instagram', ['KP-02']], ['polling', ['KP-01']], ['komunitas', ['KP-01']],
    ]);
    for (const e of extracts) expect(e).toMatchObject({ documentTitle: 'KP-01_komunitas_kopi', informantTypes: ['Komunitas Pelanggan'] });
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
