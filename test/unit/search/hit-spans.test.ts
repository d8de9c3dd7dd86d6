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

describe('hits of plain sentences, matched on the words read', () => {
  const cases: [string, string][] = [
    ['Itu ide ide bagus sekali. Ide\tide lagi', 'ide'],
    ['Itu ide ide bagus sekali. Ide\tide lagi', '"ide bagus"'],
    ['Kami bisa\r\nbisa kami. Kalau ide\r ide, ya', '"kami bisa"'],
    ['Kami bisa\r\nbisa kami. Kalau ide\r ide, ya', 'ide'],
    ['Pelanggannya berkolaborasi dengan kami. Para pelanggan senang berlangganan', 'pelanggan'],
    ['Pelanggannya berkolaborasi dengan kami. Para pelanggan senang berlangganan', 'kolaborasi'],
    ['Kami bisa 👍 kami bisa. Cafe\u0301 kami bisa, kami', '"kami bisa"'],
    ['Kami bisa 👍 kami bisa. Cafe\u0301 kami bisa, kami', 'cafe'],
    ['Ini 👨‍👩‍👧 keluarga kami. Keluarga besar, keluarga kecil', 'keluarga'],
    ['Brand equity matters. The brand equities grew; branding too', '"brand equity"'],
    ['Gerakan anti-korupsi itu. Usaha mikro-kecil, DP-nya', 'antikorupsi'],
    ['Gerakan anti-korupsi itu. Usaha mikro-kecil, DP-nya', 'mikrokecil'],
    ['Gerakan anti-korupsi itu. Usaha mikro-kecil, DP-nya', 'dp'],
    // A repeated word takes the chain's first word: the rest of the chain is tokens of its own.
    ['Gerakan mikro mikro mikro-anti-korupsi ya', 'antikorupsi'],
  ];
  it.each(cases)('in %j are those of the whole passage for %s', (text, query) => {
    const expected = wholePassage(text, query);
    expect(expected.length).toBeGreaterThan(0);
    expect(hitSpans(text, parseQuery(query)!)).toEqual(expected);
  });

  it('joins a word repeated after spaces into one hit, as the tokens do', () => {
    const text = 'Itu ide ide bagus. Ide\nide';
    expect(hitSpans(text, parseQuery('ide')!).map(([s, e]) => text.slice(s, e))).toEqual(['ide ide', 'Ide', 'ide']);
  });

  it('are those of the whole passage on generated text of every kind of character', () => {
    // Seeded: the same passages every run.
    let seed = 7;
    const next = () => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed / 0x80000000; };
    const pieces = ['kami', 'Kami', 'bisa', 'ide', 'ide', 'pelanggan', 'pelanggannya', 'berlangganan', 'co', 'creation', 'non', 'formal',
      'brand', 'equity', 'di', 'follow', 'Café', 'cafe\u0301', '👍', '50.000', 'Rp50.000', "Jum'at", 'e-commerce', 'ide-ide', 'kolaborasi', 'ide ide', 'bisa  bisa', 'Ide\tide',
      'kapan-kapan', 'Pelanggan-nya', 'di-follow', 'sebanyak-banyaknya', 'kerja-sama', 'tolong-menolong', 'follow-up', 'ide-bagus-nya', 'kami-kami', 'bisa-',
      'anti', 'korupsi', 'mikro', 'kecil', 'up', 'nya', 'sama', 'DP', 'ide ide ide'];
    const separators = [' ', ' ', ' ', '  ', '\t', '. ', ', ', '! ', '\n', '\r\n', ' - ', '-', '-', '--', '- ', ' -', '; '];
    const queries = ['"kami bisa"', 'ide', '"ide pelanggan"', 'pelanggan', 'cocreation', 'nonformal', '"brand equity"', 'cafe', 'follow',
      '50000', 'jumat', 'ecommerce', 'kolab*', 'kami OR ide', 'pelanggan -cafe', '"bisa kami"', '"kapan kapan"', '"sebanyak banyaknya"', 'tolong', '"follow up"',
      'pelanggannya', 'kerjasama', 'bagus', '"ide bagus"', '"kerja sama"', '"kapan ide"', 'menolong',
      'antikorupsi', 'korupsi', 'mikrokecil', 'kecil', 'dpnya', 'kerjasama', 'anti*'];
    for (let n = 0; n < 300; n++) {
      let text = '';
      for (let w = 0, words = 5 + Math.floor(next() * 40); w < words; w++) {
        text += pieces[Math.floor(next() * pieces.length)]! + separators[Math.floor(next() * separators.length)]!;
      }
      for (const query of queries) expect([text, query, hitSpans(text, parseQuery(query)!)]).toEqual([text, query, wholePassage(text, query)]);
    }
  });

  it('are the same after the table of word forms and the numbering of stems start again', () => {
    const text = 'Para pelanggan senang. Kami bisa, pelanggannya juga bisa';
    const tree = parseQuery('pelanggan')!;
    const before = hitSpans(text, tree);
    // Made-up words, each its own form and stem, past both limits (2^17 stems; the form table starts again at 2^16 forms).
    const made = (i: number) => `zq${i.toString(26).replace(/./g, (d) => 'bcdfghjklmnpqrstvwxzbcdfgh'[parseInt(d, 26)]!)}`;
    for (let block = 0; block < 5; block++) {
      const filler = Array.from({ length: 30_000 }, (_, i) => made(block * 30_000 + i)).join(' ');
      hitSpans(filler, tree);
      expect(hitSpans(text, tree)).toEqual(before);
    }
    expect(before).toEqual(wholePassage(text, 'pelanggan'));
  });

  it('are those of the whole passage when a hyphenated chain, analysed mid-passage, starts the table of word forms again', () => {
    const made = (i: number) => `zk${i.toString(26).replace(/./g, (d) => 'bcdfghjklmnpqrstvwxzbcdfgh'[parseInt(d, 26)]!)}`;
    // Past the table's limit of forms within one sentence that holds the word, then a chain not met before.
    const text = `Pelanggan kami ${Array.from({ length: 70_000 }, (_, i) => made(i)).join(' ')} pelanggan. Zq-zqzq lagi. Pelanggan`;
    // Other forms first, past the limit: the search below starts with the table empty.
    hitSpans(Array.from({ length: 70_000 }, (_, i) => made(100_000 + i)).join(' '), parseQuery('pelanggan')!);
    expect(hitSpans(text, parseQuery('pelanggan')!)).toEqual(wholePassage(text, 'pelanggan'));
  });
});
