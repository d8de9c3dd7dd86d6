import { describe, expect, it } from 'vitest';
import { nameFinder, replaceMatches, replacementOf, type NameSpec } from '../../../src/deid/find';
import { withoutHonorific } from '../../../src/deid/honorifics';
import { deidSpecs, SHARED_PLACEHOLDER } from '../../../src/deid/names';
import { SuspectTally } from '../../../src/deid/suspects';

const specs: NameSpec[] = [
  { id: 'informant:1', name: 'Sari Wulandari', kind: 'informant', replacement: '[P-01]' },
  { id: 'informant:2', name: 'Dewi Anggraini', kind: 'informant', replacement: '[K-01]' },
  { id: 'informant:3', name: 'Dewi Lestari', kind: 'informant', replacement: '[K-02]' },
  { id: 'informant:4', name: 'Li Wei', kind: 'informant', replacement: '[P-09]' },
  { id: 'listed:1', name: 'Kopi Lereng', kind: 'business', replacement: '[kedai kopi]' },
  { id: 'listed:2', name: 'Pak Harjo', kind: 'person', replacement: '[pemasok]' },
  { id: 'listed:3', name: 'Samarinda', kind: 'place', replacement: '[kota]' },
];
const byId = new Map(specs.map((s) => [s.id, s]));
const find = nameFinder(specs);
/** The text with every hit replaced, as de-identifying writes it. */
const deid = (text: string): string => replaceMatches(text, find(text), (m) => replacementOf(m, byId, SHARED_PLACEHOLDER));
const found = (text: string): string[] => find(text).map((m) => text.slice(m.start, m.end));

describe('finding names in Indonesian transcripts', () => {
  it('finds an informant after any honorific, in any case, and alone when capitalised', () => {
    expect(deid('Bu Sari bilang begitu. Ibu Sari juga. Mbak Sari, Kak Sari, Sdr. Sari, Bpk. Sari? Sari sendiri setuju.'))
      .toBe('Bu [P-01] bilang begitu. Ibu [P-01] juga. Mbak [P-01], Kak [P-01], Sdr. [P-01], Bpk. [P-01]? [P-01] sendiri setuju.');
    // Typed in lower case after an honorific, as transcribers do in chat.
    expect(deid('makasih bu sari, pak harjo')).toBe('makasih bu [P-01], pak [pemasok]');
  });

  it('finds a full name in any case and spacing, as one hit', () => {
    expect(found('Wawancara dengan SARI  WULANDARI\ndan sari\twulandari.')).toEqual(['SARI  WULANDARI', 'sari\twulandari']);
    expect(deid('Ibu Sari Wulandari, pemilik.')).toBe('Ibu [P-01], pemilik.');
  });

  it('leaves names used as ordinary lower-case words, and words that only begin with a name', () => {
    expect(deid('Ini sari kopi pilihan. Sariyem dan Dewiana bukan informan.')).toBe('Ini sari kopi pilihan. Sariyem dan Dewiana bukan informan.');
  });

  it('finds a name with an Indonesian enclitic and keeps the enclitic', () => {
    expect(deid('Produknya Sarinya laku. Kata Sari-lah yang benar. Harjopun datang.')).toBe('Produknya [P-01]nya laku. Kata [P-01]-lah yang benar. [pemasok]pun datang.');
  });

  it('finds short name parts only after an honorific', () => {
    expect(deid('Pak Li datang. Li bilang ok.')).toBe('Pak [P-09] datang. Li bilang ok.');
  });

  it('gives a first name two informants share a placeholder rather than a wrong pseudonym, and a full name its owner', () => {
    expect(deid('Dewi datang. Mbak Dewi Lestari-lah yang cerita, bukan Dewi Anggraini.')).toBe('[nama] datang. Mbak [K-02]-lah yang cerita, bukan [K-01].');
    expect(find('Dewi')[0]!.owners).toEqual(['informant:2', 'informant:3']);
  });

  it('finds places and businesses only whole, in any case and spacing', () => {
    expect(deid('Ngopi di kopi  lereng, SAMARINDA. Kopi enak, lereng gunung.')).toBe('Ngopi di [kedai kopi], [kota]. Kopi enak, lereng gunung.');
  });

  it('takes a listed person typed with an honorific as the name after it', () => {
    expect(withoutHonorific('Pak Harjo')).toBe('Harjo');
    expect(withoutHonorific('Bu Hj. Endang')).toBe('Endang');
    expect(deid('Bapak Harjo dan Harjo.')).toBe('Bapak [pemasok] dan [pemasok].');
  });

  it('handles names with accents and letters beyond ASCII, and emoji beside them', () => {
    const f = nameFinder([{ id: 'informant:9', name: 'Ça Ğül', kind: 'informant', replacement: '[X]' }]);
    const text = '🙏 Ğül, ça ğül!';
    expect(f(text).map((m) => text.slice(m.start, m.end))).toEqual(['Ğül', 'ça ğül']);
  });

  it('keeps the earliest, longest hit where hits overlap', () => {
    expect(found('Bu Sari Wulandari')).toEqual(['Sari Wulandari']);
  });
});

describe('the names de-identification looks for', () => {
  it('lists informants (by label), then listed names, then names only the key still has, each once', () => {
    const names = deidSpecs(
      [{ id: 1, label: 'P-01', name: 'Sari Wulandari' }, { id: 2, label: 'P-02', name: '' }],
      [{ id: 5 as never, term: 'sari wulandari', replacement: '[x]', kind: 'person', createdAt: '' }, { id: 6 as never, term: 'Kopi Lereng', replacement: '[kedai]', kind: 'business', createdAt: '' }],
      [{ id: 7, name: 'Joko Santoso', pseudonym: '[A-01]', kind: 'informant', informantId: null, replaced: 3, firstAppliedAt: '', lastAppliedAt: '' }],
    );
    expect(names.map((n) => [n.id, n.name, n.replacement])).toEqual([
      ['informant:1', 'Sari Wulandari', '[P-01]'], ['listed:6', 'Kopi Lereng', '[kedai]'], ['key:7', 'Joko Santoso', '[A-01]'],
    ]);
    expect(deidSpecs([{ id: 1, label: 'P-01', name: 'Sari' }], [], [], '[nama]')[0]!.replacement).toBe('[nama]');
  });
});

describe('possible names', () => {
  it('reports capitalised words after an honorific that no hit covers, but not titles', () => {
    const tally = new SuspectTally();
    const text = 'Pak Harjo dan Bu Endang datang, Pak RT dan Bu Camat juga, Bu Sari pulang. Pak Harjo lagi.';
    tally.add(text, find(text).filter((m) => text.slice(m.start, m.end) !== 'Harjo'), 'P-01');
    const listed = tally.list();
    expect(listed.map((s) => [s.word, s.count])).toEqual([['Harjo', 2], ['Endang', 1]]);
    expect(listed[0]!.where).toBe('P-01');
  });

  it('does not read a sentence or a line that ends with an honorific as one before a name', () => {
    const tally = new SuspectTally();
    tally.add('Sama-sama, Pak. Terima kasih.\nIya, Mas\nBoleh. Adminnya Mbak Admin-nya, Sdr. Wahyu datang.', [], 'A-01');
    expect(tally.list().map((s) => s.word)).toEqual(['Wahyu']);
    // Nor is the name after one found across a full stop that ends the sentence.
    expect(found('Terima kasih, Bu. Sari datang.')).toEqual(['Sari']);
    expect(found('Terima kasih, Bu. sari kopi.')).toEqual([]);
  });
});
