import { beforeAll, describe, expect, it } from 'vitest';
import type { CodeId, CoderId, ThemeId } from '../../../src/domain/ids';
import type { TriangulationRow } from '../../../src/domain/types';
import { refused } from '../../helpers/refused';
import { sampleStudy, type SampleStudy } from './fixture';

/*
 * The sample study coded with "polling" by three coders (types in sheet order: Pemilik UMKM,
 * Konsumen, Ahli Pemasaran, Komunitas Pelanggan, Perwakilan Asosiasi/Pemerintah):
 *   Peneliti A  P-01 "polling" #0, KP-01 "polling" (Dimas speaks it in the group interview), M-01
 *   Rina        the same P-01 and KP-01 passages; a passage overlapping P-01's (one word longer); K-01
 *   Sari        the same P-01 and KP-01 passages
 * One passage coded alike by several coders is one piece of evidence; an overlapping passage is another.
 *   all coders:  P-01 (1 + overlap 1), KP-01 1, M-01 1, K-01 1   → 5 extracts, 4 informants
 */
let study: SampleStudy;
let polling: CodeId;
let theme: ThemeId;
const ids: Record<string, CoderId> = {};

beforeAll(async () => {
  study = await sampleStudy();
  const { client, codeWord, codeRange, spokenAt } = study;
  polling = await study.code('polling produk');
  const p01 = spokenAt('P-01', 'polling');
  const as = async (name: string) => {
    const list = await client.invoke('coders.setCurrent', { name });
    ids[name] = list.coders.find((c) => c.name === name)!.id;
  };
  await as('Peneliti A');
  await codeWord(polling, 'P-01', 'polling');
  await codeWord(polling, 'KP-01', 'polling');
  await codeWord(polling, 'M-01', 'polling');
  await as('Rina');
  await codeWord(polling, 'P-01', 'polling');
  await codeWord(polling, 'KP-01', 'polling');
  await codeRange(polling, 'P-01', p01, p01 + 'polling'.length + 3);
  await codeWord(polling, 'K-01', 'polling');
  await as('Sari');
  await codeWord(polling, 'P-01', 'polling');
  await codeWord(polling, 'KP-01', 'polling');
  theme = (await client.invoke('themes.create', { name: 'Mendengar pelanggan', codeIds: [polling] })).id;
});

const cells = (row: TriangulationRow | undefined): [number, number][] => row!.cells.map((c) => [c.informants, c.extracts]);

describe('several coders: one passage coded alike counts once as evidence', () => {
  it('triangulation counts a passage three coders coded with one code once, an overlapping passage apart, and names the coders it includes', async () => {
    for (const rows of ['codes', 'themes'] as const) {
      const matrix = await study.client.invoke('analysis.triangulation', { rows });
      const row = matrix.rows.find((r) => r.id === (rows === 'codes' ? polling : theme))!;
      expect([row.informants, row.extracts], rows).toEqual([4, 5]);
      expect(cells(row)).toEqual([[1, 2], [1, 1], [1, 1], [1, 1], [0, 0]]);
      expect(matrix.coders.map((c) => c.name)).toEqual(['Peneliti A', 'Rina', 'Sari']);
    }
  });

  it('counts only the coders asked for, and says which', async () => {
    const rina = await study.client.invoke('analysis.triangulation', { rows: 'codes', coders: [ids['Rina']!] });
    const row = rina.rows.find((r) => r.id === polling)!;
    expect(rina.coders.map((c) => c.name)).toEqual(['Rina']);
    expect([row.informants, row.extracts]).toEqual([3, 4]);
    expect(cells(row)).toEqual([[1, 2], [1, 1], [0, 0], [1, 1], [0, 0]]);

    const two = await study.client.invoke('analysis.triangulation', { rows: 'themes', coders: [ids['Sari']!, ids['Peneliti A']!] });
    const themeRow = two.rows.find((r) => r.id === theme)!;
    expect(two.coders.map((c) => c.name)).toEqual(['Peneliti A', 'Sari']);
    expect([themeRow.informants, themeRow.extracts]).toEqual([3, 3]);
    expect(cells(themeRow)).toEqual([[1, 1], [0, 0], [1, 1], [1, 1], [0, 0]]);

    const unknown = await refused(study.client.invoke('analysis.triangulation', { rows: 'codes', coders: [9999 as CoderId] }));
    expect(unknown.kind).toBe('not_found');
    expect(unknown.text).toEqual({ en: expect.stringMatching(/Coder 9999 does not exist/), id: expect.stringMatching(/Pengode 9999 tidak ada/) });
  });

  it('a cell\'s extracts, a code\'s extracts and the theme review list the shared passage once', async () => {
    const owners = await study.client.invoke('analysis.cellExtracts', { rowKind: 'theme', rowId: theme, column: (await study.client.invoke('analysis.triangulation', { rows: 'themes' })).columns[0]!.key });
    expect(owners.map((e) => [e.informantLabels.join(), e.coderName, e.end - e.start])).toEqual([['P-01', 'Peneliti A', 7], ['P-01', 'Rina', 10]]);
    // With the first coder left out, the next coder's coding of the passage stands for it.
    const withoutA = await study.client.invoke('analysis.cellExtracts', {
      rowKind: 'code', rowId: polling, column: (await study.client.invoke('analysis.triangulation', { rows: 'codes' })).columns[3]!.key, coders: [ids['Sari']!, ids['Rina']!],
    });
    expect(withoutA.map((e) => [e.informantLabels.join(), e.coderName])).toEqual([['KP-01', 'Rina']]);

    const extracts = await study.client.invoke('codings.forCode', { codeId: polling });
    expect(extracts.map((e) => e.informantLabels.join()).sort()).toEqual(['K-01', 'KP-01', 'M-01', 'P-01', 'P-01']);

    const review = await study.client.invoke('themes.review', { id: theme });
    expect(review.support.map((s) => [s.type, s.informants, s.extracts])).toEqual([
      ['Pemilik UMKM', 1, 2], ['Konsumen', 1, 1], ['Ahli Pemasaran', 1, 1], ['Komunitas Pelanggan', 1, 1], ['Perwakilan Asosiasi/Pemerintah', 0, 0],
    ]);
  });
});
