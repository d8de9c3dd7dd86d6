import { describe, expect, it } from 'vitest';
import { countWords } from '../../../src/import/words';

describe('countWords', () => {
  it.each([
    ['', 0],
    ['   \n\t', 0],
    ['Saya jual tas rotan.', 4],
    ['ide-ide dan co-creation', 3],
    ['Rp 50.000.000,00', 2],
    ['omzet naik 3,5 persen.Lalu turun', 6],
    ["don't stop", 2],
    ['Kami senang 😀👍🏽 banget!!!', 3],
    ['😀 🙏', 0],
    ['caf\u00e9 cafe\u0301 e\u0301', 3],
    ['open innovation — brand equity', 4],
    ['UMKM/UKM, e-commerce; 2024', 4],
    ['ide- ide -ide', 3],
    ['日本語 テキスト', 2],
  ])('counts %j as %i', (text, expected) => {
    expect(countWords(text)).toBe(expected);
  });

  it('is fast on long text', () => {
    const text = 'Kami mulai co-creation dengan pelanggan sejak 2019, omzet Rp 50.000.000,00 per bulan. '.repeat(200_000);
    const started = performance.now();
    expect(countWords(text)).toBe(2_400_000);
    // ~8M words/s on a laptop; the bound only catches an accidental per-word allocation or quadratic loop.
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
