import { beforeAll, describe, expect, it } from 'vitest';
import type { LocalClient } from '../../../src/api/client';
import { evidenceCodes, supportByType, type ThemeShape } from '../../../src/analysis/theme-evidence';
import type { CodeId, InformantTypeId, ThemeId, Utf16Offset } from '../../../src/domain/ids';
import type { ThemeReview, TriangulationMatrix } from '../../../src/domain/types';
import { buildReportModel, type ReportModel } from '../../../src/report/model';
import { reopenedAs } from '../../helpers/test-store';
import { sampleStudy } from './fixture';

describe('evidenceCodes', () => {
  const shape = (id: number, parentId: number | null, codeIds: number[], status: ThemeShape['status'] = 'candidate'): ThemeShape => ({ id, parentId, status, codeIds });

  it("takes a theme's own codes, then its sub-themes' in list order, each code once", () => {
    const codesOf = evidenceCodes([shape(1, null, [10, 11]), shape(2, 1, [12, 10]), shape(3, 2, [13]), shape(4, null, [14])]);
    expect(codesOf(1)).toEqual([10, 11, 12, 13]);
    expect(codesOf(2)).toEqual([12, 10, 13]);
    expect(codesOf(4)).toEqual([14]);
  });

  it('leaves out a discarded sub-theme and everything under it, but a discarded theme keeps its own codes', () => {
    const codesOf = evidenceCodes([shape(1, null, [10]), shape(2, 1, [11], 'discarded'), shape(3, 2, [12]), shape(4, 1, [13], 'defined')]);
    expect(codesOf(1)).toEqual([10, 13]);
    expect(codesOf(2)).toEqual([11, 12]);
  });

  it('ends a parent cycle where it closes, and knows no codes for a theme that does not exist', () => {
    const codesOf = evidenceCodes([shape(1, 2, [10]), shape(2, 1, [11])]);
    expect(codesOf(1)).toEqual([10, 11]);
    expect(codesOf(2)).toEqual([11, 10]);
    expect(codesOf(99)).toEqual([]);
  });
});

describe('supportByType', () => {
  it('groups extracts by type in the given order, then by informant in natural order; a passage of two speakers under both, the interviewer under no one', () => {
    const spoken = (id: number, ...informantLabels: string[]) => ({ id, informantLabels });
    const typeOf = new Map([['P-2', 'Pemilik'], ['P-10', 'Pemilik'], ['K-1', 'Konsumen']]);
    const support = supportByType([spoken(1, 'P-10'), spoken(2, 'K-1', 'P-2'), spoken(3), spoken(4, 'P-10')], typeOf, ['Pemilik', 'Konsumen']);
    expect(support.map((s) => [s.type, s.informants.map((i) => [i.label, i.extracts.map((e) => e.id)])])).toEqual([
      ['Pemilik', [['P-2', [2]], ['P-10', [1, 4]]]],
      ['Konsumen', [['K-1', [2]]]],
    ]);
  });
});

/*
 * The sample study (see triangulation.test.ts) made harder: a second coder, Rina, codes some of
 * the same passages again (same code: two coders; another code of the same theme: one passage
 * under two codes), and two more Konsumen, K-9 and K-10, are in the sheet but not interviewed
 * (natural order puts K-9 before K-10).
 */
describe("a theme's evidence on the three surfaces", () => {
  let rina: LocalClient;
  let themeIds: ThemeId[];
  let matrix: TriangulationMatrix;
  let reviews: Map<number, ThemeReview>;
  let report: ReportModel;

  beforeAll(async () => {
    const study = await sampleStudy();
    const { client, code, codeWord } = study;
    const polling = await code('polling produk');
    const media = await code('media sosial');
    const komunitas = await code('peran komunitas');
    const produksi = await code('kapasitas produksi');
    for (const label of ['P-01', 'P-02', 'K-01', 'KP-01', 'M-01']) await codeWord(polling, label, 'polling');
    for (const label of ['P-01', 'K-02', 'KP-01', 'G-01']) await codeWord(media, label, 'Instagram');
    for (const label of ['P-03', 'KP-01']) await codeWord(komunitas, label, 'komunitas');
    await codeWord(produksi, 'K-02', 'produksi');
    const top = (await client.invoke('themes.create', { name: 'Keterlibatan pelanggan', codeIds: [polling, media] })).id;
    const sub = (await client.invoke('themes.create', { name: 'Komunitas sebagai saluran', parentId: top, codeIds: [komunitas, media] })).id;
    const dropped = (await client.invoke('themes.create', { name: 'Kapasitas', parentId: top, codeIds: [produksi] })).id;
    await client.invoke('themes.update', { id: dropped, status: 'discarded' });
    const konsumen = (await client.invoke('informantTypes.list', {})).find((t) => t.name === 'Konsumen')!.id as InformantTypeId;
    for (const label of ['K-10', 'K-9']) await client.invoke('informants.create', { label, typeId: konsumen });
    // Rina takes her turn at the project: on PostgreSQL, opened again from what the database holds.
    rina = await reopenedAs(client, 'Rina');
    const { file } = rina.session.project;
    const again = (codeId: CodeId, label: string, needle: string) => {
      const at = study.spokenAt(label, needle);
      return rina.invoke('codings.apply', { documentId: study.doc(label), codeId, start: at as Utf16Offset, end: (at + needle.length) as Utf16Offset });
    };
    await again(polling, 'P-01', 'polling');
    await again(polling, 'KP-01', 'polling');
    await again(media, 'P-02', 'polling');
    await again(komunitas, 'KP-01', 'komunitas');

    themeIds = [top, sub, dropped];
    matrix = await rina.invoke('analysis.triangulation', { rows: 'themes', includeDiscarded: true });
    reviews = new Map();
    for (const id of themeIds) reviews.set(id, await rina.invoke('themes.review', { id }));
    report = buildReportModel(rina.session.store.db, file, matrix, { themeIds, quotesPerTheme: 3, language: 'en', pseudonymise: false, journal: false, audit: false, attribution: 'label' });
  });

  it('gives the same informants and extracts per informant type in the triangulation table, the theme review and the report', () => {
    for (const id of themeIds) {
      const row = matrix.rows.find((r) => r.id === id)!;
      const review = reviews.get(id)!;
      const section = report.themes.find((t) => t.id === id)!;
      const fromReview = review.support.map((s) => [s.type, s.informants, s.extracts]);
      expect(fromReview).toEqual(matrix.columns.map((c, i) => [c.label, row.cells[i]!.informants, row.cells[i]!.extracts]));
      expect(section.cells).toEqual(row.cells);
      // Who: the review's groups and the report's supporters name the same people in the same order.
      expect(section.supporters).toEqual(review.groups.map((g) => ({ type: g.type, informants: g.informants.map((i) => i.label) })));
      expect(section.supporters.map((s) => s.informants.length)).toEqual(row.cells.filter((c) => c.informants > 0).map((c) => c.informants));
    }
  });

  it('counts what the tricky cases should: two coders with one code on one passage are one extract, two codes on one passage two, the group interview gives its speakers, the discarded sub-theme nothing', () => {
    const [top, sub, dropped] = themeIds.map((id) => matrix.rows.find((r) => r.id === id)!);
    const column = (label: string) => matrix.columns.findIndex((c) => c.label === label);
    // Top: polling 5 (Rina's two are the same passages with the same code), media 4 + 1 (Rina, another code on P-02's "polling"),
    // komunitas 2 (Rina's is Peneliti A's passage again) through the sub-theme; media once although in both.
    expect(top!.extracts).toBe(12);
    expect(top!.cells[column('Pemilik UMKM')]).toEqual({ informants: 3, extracts: 5 });
    expect(top!.cells[column('Komunitas Pelanggan')]!.informants).toBe(2);
    expect(sub!.extracts).toBe(7);
    expect(dropped!.extracts).toBe(1);
    expect(top!.cells[column('Konsumen')]).toEqual({ informants: 2, extracts: 2 });
  });

  it('lists the not interviewed alike, in natural order, never among the silent', () => {
    const konsumen = matrix.columns.find((c) => c.label === 'Konsumen')!;
    expect(konsumen.notInterviewed).toEqual(['K-04', 'K-9', 'K-10']);
    for (const review of reviews.values()) expect(review.support.find((s) => s.type === 'Konsumen')!.notInterviewed).toEqual(konsumen.notInterviewed);
    expect(report.columns.find((c) => c.label === 'Konsumen')!.notInterviewed).toEqual(konsumen.notInterviewed);
  });
});
