import fs from 'node:fs';
import path from 'node:path';
import { EN_WORDS } from '../../src/search/en-words';
import { ID_ROOTS } from '../../src/search/id-roots';

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

/** Which bench corpus: the dense worst case (every passage holds nearly every word) or Zipf-distributed like real interviews. */
export type CorpusKind = 'dense' | 'realistic';

const ROOTS = ['mitra', 'kolaborasi', 'inovasi', 'pelanggan', 'produk', 'jual', 'pasar', 'harga', 'modal', 'usaha', 'kembang', 'kerja', 'ide',
  'desain', 'motif', 'rasa', 'kualitas', 'layan', 'promosi', 'bantu', 'latih', 'komunitas', 'percaya', 'untung', 'butuh', 'kuat', 'pesan',
  'kirim', 'bahan', 'olah', 'ajar', 'coba', 'ubah', 'nilai', 'saing', 'setia', 'beli', 'dengar', 'tanya', 'jawab', 'pikir', 'rencana'];
const PREFIXES = ['', '', '', 'ber', 'me', 'di', 'pe', 'ke', 'se', 'ter', 'mem', 'pen'];
const SUFFIXES = ['', '', '', 'an', 'kan', 'i', 'nya', 'lah', 'annya'];
const FUNCTION_WORDS = ['yang', 'dan', 'di', 'itu', 'ini', 'kami', 'saya', 'kita', 'untuk', 'dengan', 'dari', 'ke', 'juga', 'sudah', 'udah', 'banget',
  'nggak', 'tidak', 'ada', 'bisa', 'jadi', 'karena', 'kalau', 'tapi', 'lebih', 'sangat', 'mereka', 'dalam', 'pada', 'akan', 'sih', 'ya', 'gitu'];
const ENGLISH = ['co-creation', 'open innovation', 'brand equity', 'customer', 'feedback', 'polling', 'reseller', 'online', 'offline', 'trial',
  'word-of-mouth', 'skincare', 'e-commerce', 'buyer', 'insight', 'engagement', 'UMKM', 'UKM', 'MSME'];

/** The dense corpus's word: 45 % function words, 7 % English terms, the rest 42 roots with affixes — nearly every passage has every word. */
function denseWord(rand: () => number): string {
  const r = rand();
  if (r < 0.45) return FUNCTION_WORDS[Math.floor(rand() * FUNCTION_WORDS.length)]!;
  if (r < 0.52) return ENGLISH[Math.floor(rand() * ENGLISH.length)]!;
  const root = ROOTS[Math.floor(rand() * ROOTS.length)]!;
  return PREFIXES[Math.floor(rand() * PREFIXES.length)]! + root + SUFFIXES[Math.floor(rand() * SUFFIXES.length)]!;
}

/** The sample study's transcripts (test/fixtures/sample-src): the realistic corpus copies their vocabulary's head and its profile. */
const SAMPLE_DIR = path.join(__dirname, '..', 'fixtures', 'sample-src');
const WORD = /[^\W\d_]+(?:-[^\W\d_]+)*/gu;

/** The words of a text as the profile counts them: runs of letters (hyphenated ones whole), lower case; subtitle tags and times left out. */
export function wordsOf(text: string): string[] {
  return (text.replace(/<[^>]*>/g, ' ').match(WORD) ?? []).map((w) => w.toLowerCase());
}

export function sampleTexts(): string[] {
  return fs.readdirSync(SAMPLE_DIR).filter((f) => /\.(txt|md|vtt|srt)$/.test(f) && f !== 'README.md').sort()
    .map((f) => fs.readFileSync(path.join(SAMPLE_DIR, f), 'utf8'));
}

/** Type/token profile of a word sequence; ttr depends on length, so profiles are compared at equal token counts. */
export interface Profile { tokens: number; types: number; ttr: number; hapaxShare: number; top100Share: number; zipf: number }

export function profile(words: readonly string[]): Profile {
  const counts = new Map<string, number>();
  for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1);
  const freqs = [...counts.values()].sort((a, b) => b - a);
  const top100 = freqs.slice(0, 100).reduce((a, b) => a + b, 0);
  // Zipf exponent: least-squares slope of log frequency on log rank over the ranks with at least 2 occurrences.
  const fit = freqs.filter((f) => f >= 2).map((f, i) => [Math.log(i + 1), Math.log(f)] as const);
  const mx = fit.reduce((a, [x]) => a + x, 0) / fit.length;
  const my = fit.reduce((a, [, y]) => a + y, 0) / fit.length;
  const slope = fit.reduce((a, [x, y]) => a + (x - mx) * (y - my), 0) / fit.reduce((a, [x]) => a + (x - mx) ** 2, 0);
  return { tokens: words.length, types: counts.size, ttr: counts.size / words.length, hapaxShare: freqs.filter((f) => f === 1).length / counts.size,
    top100Share: top100 / words.length, zipf: -slope };
}

const SYLLABLE_ONSETS = ['b', 'c', 'd', 'g', 'h', 'j', 'k', 'l', 'm', 'n', 'ny', 'p', 'r', 's', 't', 'w', 'y', 'ng', ''];
const VOWELS = ['a', 'a', 'i', 'u', 'e', 'o'];
const CODAS = ['', '', '', 'n', 'ng', 'k', 'r', 's', 't', 'l', 'h', 'm'];
const ID_AFFIXES: readonly [string, string][] = [['', 'nya'], ['ber', ''], ['me', ''], ['me', 'kan'], ['di', ''], ['di', 'kan'], ['di', 'i'], ['pe', 'an'],
  ['ke', 'an'], ['', 'an'], ['ter', ''], ['se', 'nya'], ['', 'kan'], ['per', 'an'], ['ber', 'an'], ['', 'annya'], ['di', 'nya'], ['', 'lah']];
const EN_FORMS: readonly [string, string][] = [['', ''], ['', 's'], ['', 'nya'], ['di', ''], ['', 'ing'], ['nge', '']];

/**
 * The realistic corpus's vocabulary, most frequent first: the sample transcripts' own words
 * in their order of frequency (function words, address terms, the study's terms), then in a
 * seeded order dictionary roots with Indonesian affixes, English words with English and
 * Indonesian endings, and made-up words (names, slang, typing slips) that no dictionary knows.
 */
export function realisticVocabulary(size: number, seed = 20261207): string[] {
  const rand = random(seed);
  const counts = new Map<string, number>();
  for (const text of sampleTexts()) for (const w of wordsOf(text)) counts.set(w, (counts.get(w) ?? 0) + 1);
  const head = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([w]) => w);
  const seen = new Set(head);
  const tail: string[] = [];
  const add = (w: string) => { if (!seen.has(w)) { seen.add(w); tail.push(w); } };
  for (const root of ID_ROOTS) {
    add(root);
    for (let k = 0; k < 7; k++) { const [p, s] = ID_AFFIXES[Math.floor(rand() * ID_AFFIXES.length)]!; add(p + root + s); }
  }
  for (const word of EN_WORDS) for (const [p, s] of EN_FORMS) add(p + word + s);
  const syllable = () => SYLLABLE_ONSETS[Math.floor(rand() * SYLLABLE_ONSETS.length)]! + VOWELS[Math.floor(rand() * VOWELS.length)]!;
  while (head.length + tail.length < size) {
    const n = 2 + Math.floor(rand() * 2);
    let w = '';
    for (let i = 0; i < n; i++) w += syllable();
    add(w + CODAS[Math.floor(rand() * CODAS.length)]!);
  }
  for (let i = tail.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [tail[i], tail[j]] = [tail[j]!, tail[i]!];
  }
  return [...head, ...tail].slice(0, size);
}

/** Word forms of the realistic corpus and its Zipf–Mandelbrot exponent and offset, tuned so its profile meets the sample's. */
export const REALISTIC_VOCABULARY = 50_000;
const ZIPF_S = 1.1;
const ZIPF_Q = 2.7;
/** Interviews come back to their words: this share of words repeats one of the transcript's last REPEAT_WINDOW words. */
const REPEAT = 0.45;
const REPEAT_WINDOW = 400;

/** Draws words with frequency ∝ 1 / (rank + q)^s from a vocabulary (inverse CDF by binary search). */
function zipfSampler(vocabulary: readonly string[]): (rand: () => number) => string {
  const cumulative = new Float64Array(vocabulary.length);
  let sum = 0;
  for (let r = 0; r < vocabulary.length; r++) cumulative[r] = sum += 1 / (r + 1 + ZIPF_Q) ** ZIPF_S;
  return (rand) => {
    const x = rand() * sum;
    let lo = 0;
    let hi = vocabulary.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return vocabulary[lo]!;
  };
}

/** A transcript's word source that comes back to its recent words (REPEAT of the time), as an interview stays on its topics. */
function withRepeats(draw: (rand: () => number) => string): (rand: () => number) => string {
  const recent: string[] = [];
  let next = 0;
  return (rand) => {
    const w = recent.length >= 50 && rand() < REPEAT ? recent[Math.floor(rand() * recent.length)]! : draw(rand);
    recent[next] = w;
    next = (next + 1) % REPEAT_WINDOW;
    return w;
  };
}

/** One synthetic interview: alternating interviewer and informant turns, with timestamps. */
export function transcript(rand: () => number, targetWords: number, word: (rand: () => number) => string = denseWord): { text: string; words: number } {
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
export function writeCorpus(dir: string, count: number, wordsEach: number, seed = 20251125, kind: CorpusKind = 'dense'): { files: string[]; texts: string[] } {
  fs.mkdirSync(dir, { recursive: true });
  const rand = random(seed);
  const draw = kind === 'dense' ? null : zipfSampler(realisticVocabulary(REALISTIC_VOCABULARY));
  const files: string[] = [];
  const texts: string[] = [];
  for (let i = 0; i < count; i++) {
    const { text } = transcript(rand, Math.round(wordsEach * (0.75 + rand() * 0.5)), draw ? withRepeats(draw) : denseWord);
    const file = path.join(dir, `interview-${String(i + 1).padStart(4, '0')}.txt`);
    fs.writeFileSync(file, text);
    files.push(file);
    texts.push(text);
  }
  return { files, texts };
}

/**
 * The corpus's profile beside the sample's, like for like (type/token ratios fall with length):
 * as many transcripts as the sample has, each cut to its sample counterpart's length.
 */
export function compareProfiles(texts: readonly string[]): { sample: Profile; corpus: Profile; corpusTypes: number } {
  const samples = sampleTexts().map(wordsOf);
  const cut = samples.flatMap((words, i) => wordsOf(texts[i % texts.length]!).slice(0, words.length));
  const types = new Set<string>();
  for (const text of texts) for (const w of wordsOf(text)) types.add(w);
  return { sample: profile(samples.flat()), corpus: profile(cut), corpusTypes: types.size };
}
