import { describe, expect, it } from 'vitest';
import { hitSpans } from '../../../src/search/hit-spans';
import { matchSpans, parseQuery } from '../../../src/search/query';
import { analyse } from '../../../src/search/tokens';

/** The hits of analysing the whole passage, as search did before sentences were skipped. */
function wholePassage(passage: string, query: string): [number, number][] {
  const tree = parseQuery(query)!;
  const tokens = analyse(passage);
  const out: [number, number][] = [];
  let last = -1;
  for (const [first, lastToken] of matchSpans(tree, tokens.map((t) => t.stem)).sort((a, b) => a[0] - b[0])) {
    if (first <= last) continue;
    last = lastToken;
    out.push([tokens[first]!.start, tokens[lastToken]!.end]);
  }
  return out;
}

const passage = [
  'Kami mulai co creation dengan pelanggan. Lalu co-creation lagi, kami bisa.',
  'Bisa juga kami, bisa! Program non formal itu ide ide bagus; e-commerce-nya ramai: Rp50.000 per hari.',
  "Jum'at kemarin kami berkolaborasi, berkolaborasi lagi. Café kami di-follow banyak orang, sebanyak-banyaknya.",
  'Open innovation. Word of mouth, getok tular? Kolaborasi',
  'Gerakan anti-korupsi, usaha mikro-kecil.',
].join('\n');

describe('hits found sentence by sentence', () => {
  it.each([
    'kolaborasi', 'cocreation', 'co-creation', '"kami bisa"', '"bisa juga kami"', 'nonformal', 'ide', 'ecommerce',
    '50000', 'jumat', 'cafe', 'follow', 'orang', '"open innovation"', '"word of mouth"', '"word-of-mouth getok-tular"', 'kolab*', 'kami OR ramai',
    'kolaborasi -ramai', 'ramai hari', 'antikorupsi', 'mikrokecil',
  ])('are those of the whole passage for %s', (query) => {
    const expected = wholePassage(passage, query);
    expect(expected.length).toBeGreaterThan(0);
    expect(hitSpans(passage, parseQuery(query)!)).toEqual(expected);
  });

  it('finds a phrase whose words lie either side of a full stop', () => {
    const text = 'Kami bisa. Kalau itu kami. Bisa saja, kami\nbisa';
    expect(hitSpans(text, parseQuery('"kami bisa"')!).map(([s, e]) => text.slice(s, e))).toEqual(['Kami bisa', 'kami. Bisa', 'kami\nbisa']);
  });

  it('finds nothing where the whole passage has nothing', () => {
    // "non formal" is one word, nonformal; "Word of mouth" one compound.
    for (const query of ['formal', '"innovation word"']) {
      expect(wholePassage(passage, query)).toEqual([]);
      expect(hitSpans(passage, parseQuery(query)!)).toEqual([]);
    }
  });
});
