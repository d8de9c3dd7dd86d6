import { describe, expect, it } from 'vitest';
import { guessLanguage, parseTurns } from '../../../src/import/turns';
import type { ParsedTurn } from '../../../src/import/types';

/** Each turn as [speaker, role, utterance], the utterance read back through its offsets. */
function read(text: string, turns: readonly ParsedTurn[] = parseTurns(text)): [string, string, string][] {
  return turns.map((turn) => [turn.speaker, turn.role, text.slice(turn.start, turn.end)]);
}

describe('parseTurns', () => {
  it('splits role labels and keeps offsets on the utterance only', () => {
    const text = 'Pewawancara: Sejak kapan Ibu berjualan?\nNarasumber:   Sejak 2019, awalnya online saja.  \n';
    const turns = parseTurns(text);
    expect(read(text, turns)).toEqual([
      ['Pewawancara', 'interviewer', 'Sejak kapan Ibu berjualan?'],
      ['Narasumber', 'informant', 'Sejak 2019, awalnya online saja.'],
    ]);
    expect(turns[0]).toMatchObject({ start: 13, end: 39, startMs: null, endMs: null });
  });

  it.each([
    ['Peneliti', 'interviewer'], ['Interviewer', 'interviewer'], ['Moderator', 'interviewer'], ['Fasilitator', 'interviewer'],
    ['Facilitator', 'interviewer'], ['Informan', 'informant'], ['Respondent', 'informant'], ['Responden', 'informant'],
    ['Partisipan', 'informant'], ['Participant', 'informant'], ['INFORMAN 2', 'informant'], ['Moderator (Rina)', 'interviewer'],
  ])('recognises the role label %s', (label, role) => {
    const text = `Judul wawancara\n${label}: Ya, betul.`;
    expect(read(text)).toEqual([['', 'unknown', 'Judul wawancara'], [label, role, 'Ya, betul.']]);
  });

  it('recognises Q and A', () => {
    expect(read('Q: What do you sell?\nA: Rattan bags.')).toEqual([
      ['Q', 'interviewer', 'What do you sell?'],
      ['A', 'informant', 'Rattan bags.'],
    ]);
  });

  it('reads bracketed, parenthesised and bare timestamps', () => {
    const text = [
      '[00:01:23] Peneliti: Bagaimana awalnya?',
      '(00:01:30.5) Bu Rina: Dari Instagram.',
      '00:02:05 Peneliti: Lalu?',
      '[02:10] Bu Rina: Lalu reseller.',
    ].join('\n');
    const turns = parseTurns(text);
    expect(turns.map((t) => t.startMs)).toEqual([83_000, 90_500, 125_000, 130_000]);
    expect(turns.every((t) => t.endMs === null)).toBe(true);
    expect(read(text, turns)).toEqual([
      ['Peneliti', 'interviewer', 'Bagaimana awalnya?'],
      ['Bu Rina', 'informant', 'Dari Instagram.'],
      ['Peneliti', 'interviewer', 'Lalu?'],
      ['Bu Rina', 'informant', 'Lalu reseller.'],
    ]);
  });

  it('reads markdown bold labels in both placements', () => {
    const text = '# Wawancara 3\n\n**Pewawancara:** Apa tantangannya?\n\n**Mas Dimas**: Kapasitas produksi.\n\n**Mas Dimas:** Dan modal.';
    expect(read(text)).toEqual([
      ['', 'unknown', '# Wawancara 3'],
      ['Pewawancara', 'interviewer', 'Apa tantangannya?'],
      ['Mas Dimas', 'informant', 'Kapasitas produksi.'],
      ['Mas Dimas', 'informant', 'Dan modal.'],
    ]);
  });

  it('names people by labels that recur, with space before the colon and any script', () => {
    const text = 'Pak Joko : Saya mulai dari nol.\nBu Rina: Saya juga.\nPak Joko: Iya.\nBu Rina : Betul.\nÉmilie O\'Neil-Smith: Oui.\nÉmilie O\'Neil-Smith: Bien.';
    expect(read(text)).toEqual([
      ['Pak Joko', 'unknown', 'Saya mulai dari nol.'],
      ['Bu Rina', 'unknown', 'Saya juga.'],
      ['Pak Joko', 'unknown', 'Iya.'],
      ['Bu Rina', 'unknown', 'Betul.'],
      ['Émilie O\'Neil-Smith', 'unknown', 'Oui.'],
      ['Émilie O\'Neil-Smith', 'unknown', 'Bien.'],
    ]);
  });

  it('continues a turn over unlabelled paragraphs and ends it at its last non-blank line', () => {
    const text = 'Peneliti: Ceritakan.\nInforman:\n\n  Pertama, kami ikut pameran.\n\nKedua, kami buka reseller.   \n\n\nPeneliti: Terima kasih.';
    expect(read(text)).toEqual([
      ['Peneliti', 'interviewer', 'Ceritakan.'],
      ['Informan', 'informant', 'Pertama, kami ikut pameran.\n\nKedua, kami buka reseller.'],
      ['Peneliti', 'interviewer', 'Terima kasih.'],
    ]);
  });

  it('keeps narrative "Catatan:" and one-off labels as text', () => {
    const text = 'Peneliti: Bagaimana omzetnya?\nInforman: Naik.\nCatatan: informan tertawa.\nHarga: Rp 50.000 per tas.\nCatatan: wawancara berhenti.\nPeneliti: Lanjut.';
    expect(read(text)).toEqual([
      ['Peneliti', 'interviewer', 'Bagaimana omzetnya?'],
      ['Informan', 'informant', 'Naik.\nCatatan: informan tertawa.\nHarga: Rp 50.000 per tas.\nCatatan: wawancara berhenti.'],
      ['Peneliti', 'interviewer', 'Lanjut.'],
    ]);
  });

  it('does not take long phrases, URLs or clock times for labels', () => {
    const text = 'Peneliti: Dan?\nInforman: Lihat https://contoh.id ya.\nPukul 10:30 kami buka.\nIni adalah kalimat yang terlalu panjang: bukan label.\nIni adalah kalimat yang terlalu panjang: bukan label.';
    expect(read(text).map(([speaker]) => speaker)).toEqual(['Peneliti', 'Informan']);
  });

  it('makes a header turn of text before the first speaker', () => {
    const text = '\n\nTranskrip Wawancara 1\nTanggal: 3 Mei 2024\n\nPeneliti: Mulai.';
    expect(read(text)).toEqual([
      ['', 'unknown', 'Transkrip Wawancara 1\nTanggal: 3 Mei 2024'],
      ['Peneliti', 'interviewer', 'Mulai.'],
    ]);
  });

  it('returns no turns for text without speakers', () => {
    expect(parseTurns('Catatan lapangan.\nCatatan: toko ramai.\n\nPemilik melayani pembeli.')).toEqual([]);
  });

  it('reads P and I by the language of the document', () => {
    const id = 'P: Apa yang Ibu lakukan untuk pelanggan?\nI: Kami buat polling di Instagram, jadi mereka bisa pilih.';
    expect(read(id).map(([s, r]) => [s, r])).toEqual([['P', 'interviewer'], ['I', 'informant']]);
    const en = 'I: What do you do for your customers?\nP: We run polls on Instagram, so they can choose what we make.';
    expect(read(en).map(([s, r]) => [s, r])).toEqual([['I', 'interviewer'], ['P', 'informant']]);
  });

  it('calls people informants only when someone is the interviewer', () => {
    const text = 'Peneliti: Siapa yang desain?\nBu Rina: Saya.\nMas Dimas: Kadang saya.\nBu Rina: Iya.\nMas Dimas: Betul.';
    expect(read(text).map(([s, r]) => [s, r])).toEqual([
      ['Peneliti', 'interviewer'], ['Bu Rina', 'informant'], ['Mas Dimas', 'informant'], ['Bu Rina', 'informant'], ['Mas Dimas', 'informant'],
    ]);
  });

  it('keeps offsets right around emoji and combining marks', () => {
    const text = '😀 Wawancara 😀\nPeneliti: Café e\u0301 😀?\nInforman 2: Bagus 👍🏽 banget, caf\u00e9 e\u0301.\nPeneliti: 🙏';
    const turns = parseTurns(text);
    expect(read(text, turns)).toEqual([
      ['', 'unknown', '😀 Wawancara 😀'],
      ['Peneliti', 'interviewer', 'Café e\u0301 😀?'],
      ['Informan 2', 'informant', 'Bagus 👍🏽 banget, caf\u00e9 e\u0301.'],
      ['Peneliti', 'interviewer', '🙏'],
    ]);
    expect(turns[2]!.start).toBe(text.indexOf('Bagus'));
  });

  it('handles Windows line endings', () => {
    const text = 'Peneliti: Halo.\r\nInforman: Hai.\r\n';
    expect(read(text)).toEqual([['Peneliti', 'interviewer', 'Halo.'], ['Informan', 'informant', 'Hai.']]);
  });
});

describe('guessLanguage', () => {
  it('tells Indonesian from English', () => {
    expect(guessLanguage('Saya sudah jualan di Shopee dan itu bagus banget untuk co-creation.')).toBe('id');
    expect(guessLanguage('We have been selling on Shopee and it is good for co-creation.')).toBe('en');
    expect(guessLanguage('')).toBe('id');
  });
});
