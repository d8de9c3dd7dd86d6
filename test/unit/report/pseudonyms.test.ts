import { describe, expect, it } from 'vitest';
import { pseudonymiser } from '../../../src/report/pseudonyms';

const informants = [
  { id: 10, name: 'Rani Puspitasari' },
  { id: 11, name: 'Lestari Widyaningsih' },
  { id: 12, name: 'Ayu Larasati' },
  { id: 13, name: 'Dewi Anggraini' },
  { id: 14, name: 'Dewi Sartika' },
  { id: 15, name: '' },
];
const options = { enabled: true, pseudonym: (n: number) => `Informan ${n}`, shared: 'Informan …' };

describe('pseudonymising informant names', () => {
  it('maps each informant to a consistent pseudonym in the order given', () => {
    const p = pseudonymiser(informants, options);
    expect([10, 11, 12, 15].map((id) => p.name(id))).toEqual(['Informan 1', 'Informan 2', 'Informan 3', 'Informan 6']);
  });

  it('replaces full names in any case and spacing, and capitalised name parts as words', () => {
    const p = pseudonymiser(informants, options);
    expect(p.text('Wawancara dengan RANI  puspitasari (K-03).')).toBe('Wawancara dengan Informan 1 (K-03).');
    expect(p.text('Halo Rani, makasih ya. Mbak Ayu: iya.')).toBe('Halo Informan 1, makasih ya. Mbak Informan 3: iya.');
    // Words that merely contain a name, and names used as ordinary lower-case words, stay.
    expect(p.text('Produk Ayuma menjaga lingkungan tetap lestari.')).toBe('Produk Ayuma menjaga lingkungan tetap lestari.');
    expect(p.text('Bu Lestari dari dinas.')).toBe('Bu Informan 2 dari dinas.');
  });

  it('does not guess between two informants who share a name part', () => {
    const p = pseudonymiser(informants, options);
    expect(p.text('Kak Dewi bilang begitu; Dewi Sartika juga.')).toBe('Kak Informan … bilang begitu; Informan 5 juga.');
  });

  it('changes nothing when not asked to', () => {
    const p = pseudonymiser(informants, { ...options, enabled: false });
    expect(p.text('Halo Rani Puspitasari')).toBe('Halo Rani Puspitasari');
    expect(p.name(10)).toBe('Rani Puspitasari');
  });
});
