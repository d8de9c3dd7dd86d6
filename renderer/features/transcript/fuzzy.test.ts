import { describe, expect, it } from 'vitest';
import { fuzzyScore, hasExactName, normalise, rankByName } from './fuzzy';

const codes = [
  'Kendala modal',
  'Kapasitas produksi',
  'Co-creation lewat media sosial',
  'Kolaborasi pelanggan',
  'Loyalitas pelanggan',
  'Pre-order',
  'Café sebagai ruang komunitas',
].map((name) => ({ name }));
const names = (query: string) => rankByName(query, codes).map((c) => c.name);

describe('normalise', () => {
  it('folds case, diacritics and spaces', () => {
    expect(normalise('  Kolaborasí   PELANGGAN ')).toBe('kolaborasi pelanggan');
    expect(normalise('Cafe\u0301')).toBe('cafe');
  });
});

describe('fuzzyScore', () => {
  it('ranks exact over prefix over word prefix over substring over subsequence', () => {
    const exact = fuzzyScore('pre-order', 'Pre-order')!;
    const prefix = fuzzyScore('pre', 'Pre-order')!;
    const word = fuzzyScore('pel', 'Loyalitas pelanggan')!;
    const substring = fuzzyScore('itas', 'Loyalitas pelanggan')!;
    const subsequence = fuzzyScore('lyp', 'Loyalitas pelanggan')!;
    expect(exact).toBeGreaterThan(prefix);
    expect(prefix).toBeGreaterThan(word);
    expect(word).toBeGreaterThan(substring);
    expect(substring).toBeGreaterThan(subsequence);
  });
  it('does not match letters out of order or missing', () => {
    expect(fuzzyScore('zz', 'Kendala modal')).toBeNull();
    expect(fuzzyScore('ladom', 'Kendala modal')).toBeNull();
  });
  it('matches everything with an empty query', () => {
    expect(fuzzyScore('', 'Kendala modal')).toBe(0);
  });
  it('is case- and diacritic-insensitive both ways', () => {
    expect(fuzzyScore('CAFE', 'Café sebagai ruang komunitas')).not.toBeNull();
    expect(fuzzyScore('café', 'Cafe')).toBe(1000);
  });
  it('prefers shorter names within a tier', () => {
    expect(fuzzyScore('ko', 'Kolaborasi')!).toBeGreaterThan(fuzzyScore('ko', 'Kolaborasi pelanggan dalam desain produk')!);
  });
  it('rewards letters at word starts in a subsequence', () => {
    expect(fuzzyScore('kp', 'Kapasitas produksi')!).toBeGreaterThan(fuzzyScore('kp', 'Kapasitasp')!);
    expect(fuzzyScore('cms', 'Co-creation lewat media sosial')).not.toBeNull();
  });
});

describe('rankByName', () => {
  it('puts the best matches first', () => {
    expect(names('pel')).toEqual(['Loyalitas pelanggan', 'Kolaborasi pelanggan']); // same tier: the shorter name first
    expect(names('kap')[0]).toBe('Kapasitas produksi');
    expect(names('cocreation')).toEqual(['Co-creation lewat media sosial']);
  });
  it('keeps the given order for an empty query', () => {
    expect(names('')).toEqual(codes.map((c) => c.name));
  });
});

describe('hasExactName', () => {
  it('recognises an existing name regardless of case and accents', () => {
    expect(hasExactName('pre-ORDER', codes)).toBe(true);
    expect(hasExactName('cafe sebagai ruang komunitas', codes)).toBe(true);
    expect(hasExactName('pre', codes)).toBe(false);
  });
});
