import { describe, expect, it } from 'vitest';
import { pseudonymiser, type PseudonymOptions } from '../../../src/report/pseudonyms';

const informants = [
  { id: 10, label: 'K-03', name: 'Rani Puspitasari' },
  { id: 11, label: 'G-01', name: 'Lestari Widyaningsih' },
  { id: 12, label: 'KP-02', name: 'Ayu Larasati' },
  { id: 13, label: 'K-01', name: 'Dewi Anggraini' },
  { id: 14, label: 'K-05', name: 'Dewi Sartika' },
  { id: 15, label: 'P-09', name: '' },
];
const byLabel: PseudonymOptions = { enabled: true, identifier: (i) => `Informan ${i.label}`, shared: 'Informan …' };
const byNumber: PseudonymOptions = { enabled: true, identifier: (_, n) => `Informan ${n}`, shared: 'Informan …', replaceLabels: true };

describe('pseudonymising informant names', () => {
  it('gives each informant one identifier: the label, or a number in the order given', () => {
    expect([10, 11, 15].map((id) => pseudonymiser(informants, byLabel).identifier(id))).toEqual(['Informan K-03', 'Informan G-01', 'Informan P-09']);
    expect([10, 11, 12, 15].map((id) => pseudonymiser(informants, byNumber).identifier(id))).toEqual(['Informan 1', 'Informan 2', 'Informan 3', 'Informan 6']);
  });

  it('replaces full names in any case and spacing, and capitalised name parts as words, by the same identifier', () => {
    const p = pseudonymiser(informants, byLabel);
    expect(p.text('Wawancara dengan RANI  puspitasari (K-03).')).toBe('Wawancara dengan Informan K-03 (K-03).');
    expect(p.text('Halo Rani, makasih ya. Mbak Ayu: iya.')).toBe('Halo Informan K-03, makasih ya. Mbak Informan KP-02: iya.');
    // Words that merely contain a name, and names used as ordinary lower-case words, stay.
    expect(p.text('Produk Ayuma menjaga lingkungan tetap lestari.')).toBe('Produk Ayuma menjaga lingkungan tetap lestari.');
    expect(p.text('Bu Lestari dari dinas.')).toBe('Bu Informan G-01 dari dinas.');
  });

  it('with numbered pseudonyms, also replaces labels so a person never has two names', () => {
    const p = pseudonymiser(informants, byNumber);
    expect(p.text('Wawancara dengan Rani Puspitasari (K-03); KP-02 setuju, KP-021 tidak ada.')).toBe('Wawancara dengan Informan 1 (Informan 1); Informan 3 setuju, KP-021 tidak ada.');
  });

  it('does not guess between two informants who share a name part', () => {
    const p = pseudonymiser(informants, byLabel);
    expect(p.text('Kak Dewi bilang begitu; Dewi Sartika juga.')).toBe('Kak Informan … bilang begitu; Informan K-05 juga.');
  });

  it('replaces marked names of third parties and businesses: whole words, any case, longest first, beyond ASCII', () => {
    const p = pseudonymiser(informants, {
      ...byLabel,
      redactions: [
        { term: 'Kopi', replacement: '[kopi]' }, { term: 'Kopi Lereng', replacement: '[kedai kopi]' }, { term: 'Pak Slamet', replacement: '[pemasok]' },
        { term: 'Warung Ébé', replacement: '[warung]' }, { term: 'Dewi Sartika', replacement: '[tidak dipakai]' },
      ],
    });
    expect(p.text('Dulu saya kerja di KOPI  lereng, kopinya enak; Kopi Lerengan lain lagi.'))
      .toBe('Dulu saya kerja di [kedai kopi], kopinya enak; [kopi] Lerengan lain lagi.');
    expect(p.text('Pak Slamet dari Warung ébé (WARUNG ÉBÉ) kirim bahan ke Rani.')).toBe('[pemasok] dari [warung] ([warung]) kirim bahan ke Informan K-03.');
    // Decomposed accents (as some keyboards type them) are the same name.
    expect(p.text('Warung E\u0301be\u0301 tutup.')).toBe('[warung] tutup.');
    // An informant's own name stays the informant's identifier, and a replacement is not replaced again.
    expect(p.text('Dewi Sartika.')).toBe('Informan K-05.');
    const q = pseudonymiser(informants, { ...byLabel, redactions: [{ term: 'Sruput Jogja', replacement: '[kedai milik Rani]' }] });
    expect(q.text('Di Sruput Jogja.')).toBe('Di [kedai milik Rani].');
  });

  it('changes no name when not asked to', () => {
    const p = pseudonymiser(informants, { ...byLabel, enabled: false, redactions: [{ term: 'Kopi Lereng', replacement: '[x]' }] });
    expect(p.text('Halo Rani Puspitasari dari Kopi Lereng')).toBe('Halo Rani Puspitasari dari Kopi Lereng');
    expect(p.identifier(10)).toBe('Informan K-03');
  });
});
