import { describe, expect, it } from 'vitest';
import { informativeness, pickQuotes, quoted, trimQuote, wordCount, type QuoteCandidate } from '../../../src/report/quotes';
import { cleanText } from '../../../src/report/text';

let next = 1;
const quote = (text: string, type: string, label: string, extra: Partial<QuoteCandidate> = {}): QuoteCandidate => {
  const id = next++;
  return { id, documentId: id, codeId: 1, start: 0, end: text.length, words: wordCount(text), informantLabels: [label], informantTypes: [type], ...extra };
};
const long = (n: number) => Array.from({ length: n }, (_, i) => `kata${i}`).join(' ');

describe('choosing exemplar quotes', () => {
  it('puts the chosen exemplar first, then prefers informant types not yet quoted', () => {
    const owner1 = quote('Kami polling warna lewat Instagram Story setiap bulan sebelum produksi.', 'Pemilik UMKM', 'P-01');
    const owner2 = quote('Pelanggan jadi merasa ikut memiliki produk kami karena usulnya dipakai.', 'Pemilik UMKM', 'P-02');
    const consumer = quote('Pas produknya keluar rasanya kayak wah ini aku ikut milih.', 'Konsumen', 'K-01');
    const expert = quote('Yang banyak disebut cocreation itu sebenarnya sebagian besar adalah feedback.', 'Ahli Pemasaran', 'M-01');
    const picked = pickQuotes([owner1, owner2, consumer, expert], { count: 3, exemplarId: owner2.id, used: [] });
    expect(picked.map((q) => q.id)).toEqual([owner2.id, consumer.id, expert.id]);
  });

  it('never quotes fragments, quotes overlapping passages once, and never repeats a passage another section printed', () => {
    const fragment = quote('Kapasitas.', 'Komunitas Pelanggan', 'KP-01');
    const a = quote('Penjahit saya cuma enam, jadi tidak semua usulan bisa diikuti.', 'Pemilik UMKM', 'P-01', { documentId: 50, start: 10, end: 70 });
    const sameSentence = quote('Penjahit saya cuma enam, jadi tidak semua usulan bisa diikuti.', 'Pemilik UMKM', 'P-01', { documentId: 50, start: 10, end: 70, codeId: 2 });
    const used = quote('Anggota kami kebanyakan usaha mikro dengan karyawan satu sampai tiga orang.', 'Perwakilan Asosiasi/Pemerintah', 'A-01');
    // Printed under the parent theme by another coding of the same sentence: not again under the sub-theme.
    const printed = { documentId: used.documentId, start: used.start + 5, end: used.end };
    const picked = pickQuotes([fragment, a, sameSentence, used], { count: 3, exemplarId: null, used: [printed] });
    expect(picked.map((q) => q.id)).toEqual([a.id]);
    // Not even as the section's own exemplar.
    expect(pickQuotes([used, a], { count: 2, exemplarId: used.id, used: [printed] }).map((q) => q.id)).toEqual([a.id]);
  });

  it('leaves another theme’s exemplar to that theme', () => {
    const sub = quote('Pre-order dulu, baru kami produksi sesuai jumlah pesanan yang masuk.', 'Pemilik UMKM', 'P-03');
    const parent = quote('Kami polling warna lewat Instagram Story setiap bulan sebelum produksi.', 'Pemilik UMKM', 'P-01');
    expect(pickQuotes([sub, parent], { count: 2, exemplarId: null, used: [], reserved: new Set([sub.id]) }).map((q) => q.id)).toEqual([parent.id]);
  });

  it('keeps the exemplar even when it is short, and returns nothing when no quotes are asked for', () => {
    const short = quote('Saling membutuhkan.', 'Pemilik UMKM', 'P-01');
    expect(pickQuotes([short], { count: 2, exemplarId: short.id, used: [] })).toEqual([short]);
    expect(pickQuotes([short], { count: 0, exemplarId: short.id, used: [] })).toEqual([]);
  });

  it('prefers a readable length', () => {
    const of = (text: string) => informativeness(wordCount(text));
    expect(of('Ya.')).toBe(0);
    expect(of(long(30))).toBe(1);
    expect(of(long(8))).toBeLessThan(of(long(20)));
    expect(of(long(300))).toBeLessThan(of(long(100)));
  });

  it('cuts long extracts at a word with an ellipsis and keeps the line breaks of short ones', () => {
    expect(trimQuote(`${long(130)}`, 120)).toMatch(/kata119 \[…\]$/);
    expect(trimQuote('  Pewawancara: Kenapa?\r\n\nNarasumber:   Karena   murah.  ')).toBe('Pewawancara: Kenapa?\nNarasumber: Karena murah.');
  });
});

describe('quotation marks', () => {
  it('wraps a passage in curly quotes once, never doubling marks the transcript already has', () => {
    expect(quoted('Kami polling warna.')).toBe('“Kami polling warna.”');
    expect(quoted('“Kami polling warna.”')).toBe('“Kami polling warna.”');
    expect(quoted('"Kami polling warna."')).toBe('"Kami polling warna."');
    // A cut end: only the missing mark is added.
    expect(quoted('“Kami polling warna, terus')).toBe('“Kami polling warna, terus”');
    expect(quoted('terus kami produksi.”')).toBe('“terus kami produksi.”');
    // Marks inside a wrapped passage become single ones, as a quotation within a quotation.
    expect(quoted('"Ini laris," kata pelanggan.')).toBe('“‘Ini laris,’ kata pelanggan.”');
    expect(quoted('Dia bilang “ini laris” ke saya.')).toBe('“Dia bilang ‘ini laris’ ke saya.”');
    expect(quoted('sambil tanya "mau rasa apa lagi?')).toBe('“sambil tanya ‘mau rasa apa lagi?’”');
    // An apostrophe is not a quotation mark.
    expect(quoted('Sholat Jum’at dulu.')).toBe('“Sholat Jum’at dulu.”');
  });
});

describe('text Word can store', () => {
  it('drops control characters and lone surrogates, keeps tabs, line breaks and emoji', () => {
    expect(cleanText('a\u0007b\u000Bc\tdé\r\nf 😅 \uD83D g\uFFFF')).toBe('abc\tdé\nf 😅  g');
  });
});
