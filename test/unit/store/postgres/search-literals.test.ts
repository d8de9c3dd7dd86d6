import { describe, expect, it } from 'vitest';
import { parseQuery, toFts } from '../../../../src/search/query';
import { tsvectorOf } from '../../../../src/store/postgres/search-index';
import { toTsquery } from '../../../../src/store/postgres/search-query';

describe('tsvector and tsquery literals of Tematik stems', () => {
  it('writes every stem at its 1-based word position, quoted', () => {
    expect(tsvectorOf(['kolaborasi', 'brand', 'kolaborasi', "it's", 'a\\b'])).toEqual({ tsv: "'kolaborasi':1,3 'brand':2 'it''s':4 'a\\\\b':5", exact: true });
    expect(tsvectorOf([])).toEqual({ tsv: '', exact: true });
  });

  it('marks a unit PostgreSQL could not hold word by word as inexact, without words', () => {
    const inexact = { tsv: '', exact: false };
    expect(tsvectorOf(Array.from({ length: 16384 }, (_, i) => `w${i % 100}`))).toEqual(inexact);
    expect(tsvectorOf(Array.from({ length: 16383 }, (_, i) => `w${i % 100}`)).exact).toBe(true);
    expect(tsvectorOf([...Array.from({ length: 257 }, () => 'yang'), 'zebra'])).toEqual(inexact);
    expect(tsvectorOf(Array.from({ length: 256 }, () => 'yang')).exact).toBe(true);
    expect(tsvectorOf(['x'.repeat(2047)])).toEqual(inexact);
    expect(tsvectorOf(['é'.repeat(1023)]).exact).toBe(true);
  });

  it('says in tsquery what the FTS5 expression says', () => {
    const both = (query: string) => { const tree = parseQuery(query)!; return [toFts(tree), toTsquery(tree)]; };
    expect(both('"brand equity"')).toEqual(['"brand equiti"', "('brand' <-> 'equiti')"]);
    expect(both('kolab*')).toEqual(['"kolab" *', "'kolab':*"]);
    expect(both('mitra OR kolaborasi')).toEqual(['("mitra" OR "kolaborasi")', "('mitra' | 'kolaborasi')"]);
    expect(both('kolaborasi NOT mitra')).toEqual(['(("kolaborasi") NOT "mitra")', "('kolaborasi' & !'mitra')"]);
    expect(toTsquery(parseQuery('UKM')!)).toMatch(/^\('ukm' \| .*'umkm'.*\)$/);
  });
});
