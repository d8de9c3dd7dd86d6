import fs from 'node:fs';
import path from 'node:path';

/** Deterministic PRNG (mulberry32): the same seed gives the same corpus on every machine. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ROOTS = ['mitra', 'kolaborasi', 'inovasi', 'pelanggan', 'produk', 'jual', 'pasar', 'harga', 'modal', 'usaha', 'kembang', 'kerja', 'ide',
  'desain', 'motif', 'rasa', 'kualitas', 'layan', 'promosi', 'bantu', 'latih', 'komunitas', 'percaya', 'untung', 'butuh', 'kuat', 'pesan',
  'kirim', 'bahan', 'olah', 'ajar', 'coba', 'ubah', 'nilai', 'saing', 'setia', 'beli', 'dengar', 'tanya', 'jawab', 'pikir', 'rencana'];
const PREFIXES = ['', '', '', 'ber', 'me', 'di', 'pe', 'ke', 'se', 'ter', 'mem', 'pen'];
const SUFFIXES = ['', '', '', 'an', 'kan', 'i', 'nya', 'lah', 'annya'];
const FUNCTION_WORDS = ['yang', 'dan', 'di', 'itu', 'ini', 'kami', 'saya', 'kita', 'untuk', 'dengan', 'dari', 'ke', 'juga', 'sudah', 'udah', 'banget',
  'nggak', 'tidak', 'ada', 'bisa', 'jadi', 'karena', 'kalau', 'tapi', 'lebih', 'sangat', 'mereka', 'dalam', 'pada', 'akan', 'sih', 'ya', 'gitu'];
const ENGLISH = ['co-creation', 'open innovation', 'brand equity', 'customer', 'feedback', 'polling', 'reseller', 'online', 'offline', 'trial',
  'word-of-mouth', 'skincare', 'e-commerce', 'buyer', 'insight', 'engagement', 'UMKM', 'UKM', 'MSME'];

function word(rand: () => number): string {
  const r = rand();
  if (r < 0.45) return FUNCTION_WORDS[Math.floor(rand() * FUNCTION_WORDS.length)]!;
  if (r < 0.52) return ENGLISH[Math.floor(rand() * ENGLISH.length)]!;
  const root = ROOTS[Math.floor(rand() * ROOTS.length)]!;
  return PREFIXES[Math.floor(rand() * PREFIXES.length)]! + root + SUFFIXES[Math.floor(rand() * SUFFIXES.length)]!;
}

/** One synthetic interview: alternating interviewer and informant turns, with timestamps. */
export function transcript(rand: () => number, targetWords: number): { text: string; words: number } {
  const lines: string[] = [];
  let words = 0;
  let seconds = 0;
  for (let turn = 0; words < targetWords; turn++) {
    const interviewer = turn % 2 === 0;
    const length = interviewer ? 8 + Math.floor(rand() * 20) : 40 + Math.floor(rand() * 160);
    const parts: string[] = [];
    for (let i = 0; i < length; i++) {
      let w = word(rand);
      if (i === 0) w = w[0]!.toUpperCase() + w.slice(1);
      parts.push(w);
      if (i > 0 && i % 12 === 11) parts[parts.length - 1] += rand() < 0.5 ? '.' : ',';
    }
    seconds += Math.round(length / 2.5);
    const stamp = new Date(seconds * 1000).toISOString().slice(11, 19);
    lines.push(`[${stamp}] ${interviewer ? 'Pewawancara' : 'Narasumber'}: ${parts.join(' ')}${interviewer ? '?' : '.'}`);
    words += length + 1;
  }
  return { text: `${lines.join('\n')}\n`, words };
}

/** Writes `count` transcripts of about `wordsEach` words into `dir`; returns the exact files and texts. */
export function writeCorpus(dir: string, count: number, wordsEach: number, seed = 20251125): { files: string[]; texts: string[] } {
  fs.mkdirSync(dir, { recursive: true });
  const rand = random(seed);
  const files: string[] = [];
  const texts: string[] = [];
  for (let i = 0; i < count; i++) {
    const { text } = transcript(rand, Math.round(wordsEach * (0.75 + rand() * 0.5)));
    const file = path.join(dir, `interview-${String(i + 1).padStart(4, '0')}.txt`);
    fs.writeFileSync(file, text);
    files.push(file);
    texts.push(text);
  }
  return { files, texts };
}
