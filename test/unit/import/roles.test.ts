import { describe, expect, it } from 'vitest';
import { inferInterviewer, settleRoles, speakerProfiles } from '../../../src/import/roles';
import { parseTurns } from '../../../src/import/turns';

const roles = (text: string): [string, string][] => {
  const seen = new Map<string, string>();
  for (const turn of settleRoles(text, parseTurns(text))) if (turn.speaker) seen.set(turn.speaker, turn.role);
  return [...seen];
};

describe('who asks the questions', () => {
  it('reads I: as the interviewer in an Indonesian transcript where I asks and P answers', () => {
    // By the Indonesian rule P = peneliti, I = informan; this researcher used the English convention.
    const text = [
      'I: Selamat pagi, Bu. Sejak kapan usaha ini berjalan?',
      'P: Sejak 2019, awalnya hanya jualan online lewat Instagram, lalu kami buka toko kecil di rumah.',
      'I: Bagaimana pelanggan ikut memberi ide produk?',
      'P: Biasanya lewat polling di story, mereka pilih motif yang paling disukai, terus kami produksi dalam jumlah kecil dulu.',
      'I: Apa kendalanya?',
      'P: Kapasitas produksi kami terbatas, jadi kalau pesanan ramai kami harus menolak sebagian.',
    ].join('\n');
    expect(roles(text)).toEqual([['I', 'interviewer'], ['P', 'informant']]);
  });

  it('keeps the Indonesian reading when P asks', () => {
    const text = 'P: Boleh cerita tentang usahanya?\nI: Saya jualan batik sejak lama, sekarang dibantu anak saya di bagian online.\nP: Siapa pelanggannya?\nI: Kebanyakan ibu-ibu kantoran dan reseller dari luar kota.';
    expect(roles(text)).toEqual([['P', 'interviewer'], ['I', 'informant']]);
  });

  it('finds the interviewer among names, where no label says who is who', () => {
    const text = 'Rina: Bagaimana awalnya bergabung?\nBudi: Saya diajak teman waktu acara cupping, terus jadi sering datang setiap bulan.\nRina: Apa yang membuat bertahan?\nBudi: Orang-orangnya, dan kami sering diajak mencoba menu baru sebelum dijual.';
    expect(roles(text)).toEqual([['Rina', 'interviewer'], ['Budi', 'informant']]);
  });

  it('leaves the roles as the labels gave them when the transcript does not say clearly', () => {
    // Both ask as often as they answer: no guess.
    const text = 'Rina: Ada apa? Kenapa?\nBudi: Tidak tahu? Mungkin.\nRina: Lalu?\nBudi: Entah?';
    expect(roles(text)).toEqual([['Rina', 'unknown'], ['Budi', 'unknown']]);
    // Role words are never overridden, even by a transcript whose informant asks more.
    const labelled = 'Pewawancara: Ceritakan usaha Ibu.\nNarasumber: Kenapa? Apa perlu? Oke?\nPewawancara: Silakan mulai dari awal.\nNarasumber: Mulai dari mana? Dulu?';
    expect(roles(labelled)).toEqual([['Pewawancara', 'interviewer'], ['Narasumber', 'informant']]);
  });

  it('gives a lone speaker the informant role', () => {
    const text = 'Fitri: Saya mulai usaha ini dari rumah.\nFitri: Sekarang sudah punya tiga penjahit.';
    expect(roles(text)).toEqual([['Fitri', 'informant']]);
  });

  it('profiles speakers by turns, questions and length', () => {
    const text = 'A: Apa?\nB: Ya, betul sekali.\nA: Oh?\nB: Tentu.';
    const profiles = speakerProfiles(text, parseTurns(text));
    expect(profiles).toEqual([{ label: 'A', turns: 2, questions: 2, characters: 7 }, { label: 'B', turns: 2, questions: 0, characters: 23 }]);
    expect(inferInterviewer(profiles)).toBe('A');
  });
});
