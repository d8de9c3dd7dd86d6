import { describe, expect, it } from 'vitest';
import { applyEdits, normaliseEdits } from '../../../src/domain/text-edits';
import { alignEdits, matchTokens } from '../../../src/edit/align';

const names = { file: 'P-01_revisi.docx', title: 'P-01' };
const aligned = (before: string, after: string) => applyEdits(before, normaliseEdits(before, 'P-01', alignEdits(before, after, names)));

describe('aligning a transcript with its corrected version', () => {
  it('turns the differences into edits that make the corrected text exactly', () => {
    const before = 'Pewawancara: Sejak kapan?\nBu Rina: Sejak 2019, jual kopi 👍🏽 di pasar.\nPewawancara: Oke.\n';
    const cases = [
      'Pewawancara: Sejak kapan?\nBu Rina: Sejak 2018, jual kopi 👎🏽 di pasar pagi.\nPewawancara: Oke.\n',
      'Bu Rina: Sejak 2019.\n',
      '',
      `${before}Pewawancara: Terima kasih.\n`,
      'Catatan.\nPewawancara: Sejak kapan?\nBu Rini: Sejak 2019, jual kopi 👍🏽 di pasar.\nPewawancara: Oke.',
      'Pewawancara: Sejak kapan?\nBu Rina: Sejak 2019, jual kopi\u0301 👍 di pasar.\nPewawancara: Oke.\n',
    ];
    for (const after of cases) expect(aligned(before, after), after).toBe(after);
    expect(alignEdits(before, before, names)).toEqual([]);
  });

  it('changes only the words that differ', () => {
    const before = 'Bu Rina: Kami jual kopi di pasar pagi.\n';
    expect(alignEdits(before, 'Bu Rina: Kami jual teh di pasar pagi.\n', names)).toEqual([{ start: 19, end: 23, text: 'teh' }]);
  });

  it('finds a shortest edit script', () => {
    const pairs = matchTokens([...'ABCABBA'], [...'CBABAC'], 100)!;
    expect(pairs).toHaveLength(4);
    for (const [i, j] of pairs) expect('ABCABBA'[i]).toBe('CBABAC'[j]);
    expect(matchTokens([...'ABCD'], [...'WXYZ'], 3)).toBeUndefined();
  });
});
