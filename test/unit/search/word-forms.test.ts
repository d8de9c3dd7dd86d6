import { describe, expect, it } from 'vitest';
import { stemWithLanguage } from '../../../src/search/stem';
import { analyse } from '../../../src/search/tokens';

describe('word forms found straight from the text', () => {
  it('are the lower-case form whatever the case, with the stem of that form', () => {
    const tokens = analyse('PENGEMBANGAN, Pengembangan; pengembangan, pengembanganNYA Followers, FOLLOWERS 2026 ab12');
    expect(tokens.map((t) => t.term)).toEqual(['pengembangan', 'pengembangan', 'pengembangan', 'pengembangannya', 'followers', 'followers', '2026', 'ab12']);
    for (const token of tokens.filter((t) => t.term !== '2026')) expect(token.stem).toBe(stemWithLanguage(token.term).stem);
    expect(tokens.map((t) => t.stem).slice(0, 3)).toEqual(['kembang', 'kembang', 'kembang']);
  });

  it('stay right when the table of forms has filled and started again, in the middle of a long text too', () => {
    // Repeated words side by side are one token ("ide ide"), so each made-up form is said once. 100,000 of them: more than the table keeps, so it empties between texts and refuses new forms inside one.
    const made = (i: number) => `w${i.toString(36)}q`;
    const words = Array.from({ length: 100_000 }, (_, i) => made(i)).join(' ');
    const tokens = analyse(`${words} Kopi`);
    expect(tokens).toHaveLength(100_001);
    expect(tokens[76_543]).toMatchObject({ term: made(76_543), stem: stemWithLanguage(made(76_543)).stem });
    expect(tokens[100_000]).toMatchObject({ term: 'kopi', stem: 'kopi' });
    for (let round = 0; round < 2; round++) {
      expect(analyse('Kopi, KOPI, kopinya').map((t) => [t.term, t.stem])).toEqual([['kopi', 'kopi'], ['kopi', 'kopi'], ['kopinya', 'kopi']]);
    }
  });
});
