import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalNumber, foldTerm, SYNONYM_GROUPS, synonymsOf } from '../../../src/search/normalise';
import { looksEnglish, stemWithLanguage } from '../../../src/search/stem';
import { ENGLISH_STOPWORDS, INDONESIAN_STOPWORDS, isStopword } from '../../../src/search/stopwords';
import { analyse, expandSynonyms, tokenize } from '../../../src/search/tokens';

const terms = (text: string) => tokenize(text).map((t) => t.term);
const stems = (text: string) => analyse(text).map((t) => t.stem);
const surfaces = (text: string) => tokenize(text).map((t) => text.slice(t.start, t.end));

const FIXTURES = path.resolve(__dirname, '../../fixtures/sample-src');

describe('tokenize', () => {
  it('gives UTF-16 offsets of the original surface forms around emoji and combining marks', () => {
    const text = 'Kafe\u0301 👍🏽 ramai, Jum’at kami ❤️‍🔥 co-creation 🇮🇩 naïve 𝐁𝐚𝐭𝐢𝐤\u00a0mbak';
    expect(surfaces(text)).toEqual(['Kafe\u0301', 'ramai', 'Jum’at', 'kami', 'co-creation', 'naïve', '𝐁𝐚𝐭𝐢𝐤', 'mbak']);
    expect(terms(text)).toEqual(['kafe', 'ramai', 'jumat', 'kami', 'cocreation', 'naive', 'batik', 'mbak']);
  });

  it('drops emoji, keycaps and punctuation, and keeps letters of any script', () => {
    expect(terms('😀 1️⃣ #️⃣ … — “oke” 👍 السلام 日本')).toEqual(['oke', 'السلام', '日本']);
  });

  it('folds case, compatibility forms and diacritics', () => {
    expect(terms('İNOVASİ ﬁnal ＵＭＫＭ Café')).toEqual(['inovasi', 'final', 'umkm', 'cafe']);
    expect(foldTerm('Pe\u0301ngrajin')).toBe('pengrajin');
  });

  it.each([
    ['co-creation', 'co creation', 'cocreation', 'Co‑Creation'],
    ['e-commerce', 'e commerce', 'ecommerce', 'E-Commerce'],
    ['word-of-mouth', 'word of mouth', 'wordofmouth', 'Word of Mouth'],
    ['pre-order', 'pre order', 'preorder', 'Pre-Order'],
    ['re-seller', 're seller', 'reseller', 'Reseller'],
    ['on-line', 'on line', 'online', 'Online'],
    ['off-line', 'off line', 'offline', 'OFFLINE'],
    ['terima kasih', 'terimakasih', 'Terima kasih', 'terima-kasih'],
  ])('gives one term to the spellings %s / %s / %s / %s', (...spellings) => {
    const found = spellings.map((s) => terms(s));
    for (const f of found) expect(f).toEqual(found[0]);
    expect(found[0]).toHaveLength(1);
  });

  it('folds reduplication with and without a hyphen', () => {
    expect(terms('ide-ide, ide ide, Ide-Ide, ide‑ide')).toEqual(['ide', 'ide', 'ide', 'ide']);
    expect(surfaces('ide ide baru')).toEqual(['ide ide', 'baru']);
    expect(stems('sebanyak-banyaknya')).toEqual(['banyak']);
    expect(stems('ide-idenya')).toEqual(['ide']);
  });

  it('splits hyphenated pairs that are not one word, as FTS5 would', () => {
    expect(terms('bolak-balik follow-up gotong-royong K-01')).toEqual(['bolak', 'balik', 'follow', 'up', 'gotong', 'royong', 'k', '01']);
    expect(terms('kerja sama-sama')).toEqual(['kerja', 'sama']); // not the compound "kerjasama"
  });

  it('joins bound prefixes and keeps clitics and Indonesian prefixes on loanwords in one term', () => {
    expect(terms('non-formal non formal e-KTP')).toEqual(['nonformal', 'nonformal', 'ektp']);
    const tokens = analyse('DP-nya di-follow nge-share se-Indonesia feedback-nya');
    expect(tokens.map((t) => t.term)).toEqual(['dpnya', 'difollow', 'ngeshare', 'seindonesia', 'feedbacknya']);
    expect(tokens.map((t) => t.stem)).toEqual(['dp', 'follow', 'share', 'indonesia', 'feedback']);
  });

  it('keeps numbers whole, whatever their separators', () => {
    expect(terms('Rp 50.000.000,00')).toEqual(['rp', '50000000']);
    expect(terms('Rp50.000.000')).toEqual(['rp', '50000000']);
    expect(surfaces('Rp50.000.000 dan 2,5% atau 1.500 unit, 2019.')).toEqual(['Rp', '50.000.000', 'dan', '2,5', 'atau', '1.500', 'unit', '2019']);
    expect(analyse('300-an orang')[0]).toMatchObject({ term: '300an', stem: '300' });
  });

  it('reads the decimal convention from the number', () => {
    expect(canonicalNumber('50.000.000,00')).toBe('50000000');
    expect(canonicalNumber('50000000')).toBe('50000000');
    expect(canonicalNumber('2,5')).toBe('2d5');
    expect(canonicalNumber('2.5')).toBe('2d5');
    expect(canonicalNumber('1.500')).toBe('1500');
    expect(canonicalNumber('1,234,567.80')).toBe('1234567d8');
  });

  it('produces only runs of letters and digits, one FTS5 token each, with exact surface offsets', () => {
    for (const file of fs.readdirSync(FIXTURES)) {
      const text = fs.readFileSync(path.join(FIXTURES, file), 'utf8');
      const tokens = analyse(text);
      expect(tokens.length).toBeGreaterThan(50);
      // Collected, then compared once: an expect per token makes this test slow.
      const wrong = tokens.filter((t, i) => !/^[\p{L}\p{N}]+$/u.test(t.term) || !/^[\p{L}\p{N}]+$/u.test(t.stem)
        || t.start < (tokens[i - 1]?.end ?? 0) || t.end <= t.start || !foldTerm(text.slice(t.start, t.end)).startsWith(t.term.slice(0, 1)));
      expect(wrong, file).toEqual([]);
      expect(tokenize(text)).toEqual(tokens.map(({ term, start, end }) => ({ term, start, end })));
    }
  });
});

describe('analyse', () => {
  it('stems Indonesian words to their roots and English words with Porter', () => {
    expect(stems('Pengembangan kemitraan dengan pelanggan')).toEqual(['kembang', 'mitra', 'dengan', 'langgan']);
    expect(stems('innovations innovation')).toEqual(['innov', 'innov']);
    expect(stems('brand brands branding brandnya')).toEqual(['brand', 'brand', 'brand', 'brand']);
  });

  it.each([
    ['bisnis', 'bisnis', 'id'], // a root: Porter would make it "bisni"
    ['pengembangan', 'kembang', 'id'],
    ['mentoring', 'mentor', 'en'], // English: ECS would cut men- off
    ['followers', 'follow', 'en'],
    ['difollow', 'follow', 'en'], // an Indonesian prefix on an English word
    ['postingannya', 'post', 'en'],
    ['throughput', 'throughput', 'en'], // unknown, spelt the English way
    ['kewalahan', 'walah', 'id'], // unknown, Indonesian affixes
    ['samarinda', 'samarinda', 'id'],
    ['50000000', '50000000', 'none'],
  ])('decides %s → %s (%s)', (term, stem, language) => {
    expect(stemWithLanguage(term)).toEqual({ stem, language });
  });

  it('tells English spelling from Indonesian', () => {
    for (const word of ['throughput', 'quality', 'checklist', 'growth', 'brands', 'community']) expect(looksEnglish(word), word).toBe(true);
    for (const word of ['kewalahan', 'nyanyian', 'sayur', 'pengrajin', 'wawancara', 'samarinda']) expect(looksEnglish(word), word).toBe(false);
  });
});

describe('stop words', () => {
  it('hold the formal and informal Indonesian function words and the English ones', () => {
    for (const word of ['yang', 'dan', 'di', 'ke', 'dari', 'ini', 'itu', 'nggak', 'udah', 'banget', 'sih', 'dong', 'kok', 'gitu', 'ya', 'the', 'dont', 'and']) {
      expect(isStopword(word), word).toBe(true);
    }
    for (const word of ['usaha', 'mitra', 'mbak', 'saling', 'habis', 'baru', 'online']) expect(isStopword(word), word).toBe(false);
    expect(INDONESIAN_STOPWORDS.size).toBeGreaterThanOrEqual(150);
    expect(INDONESIAN_STOPWORDS.size).toBeLessThanOrEqual(300);
    expect(ENGLISH_STOPWORDS.size).toBeGreaterThan(100);
  });

  it('are in the folded form the tokenizer produces', () => {
    for (const word of [...INDONESIAN_STOPWORDS, ...ENGLISH_STOPWORDS]) expect(terms(word), word).toEqual([word]);
  });
});

describe('synonyms', () => {
  it('join UMKM, UKM, IKM, MSME and SME at query time only', () => {
    expect(synonymsOf('ukm')).toEqual(expect.arrayContaining(['umkm', 'ikm', 'msme', 'sme']));
    expect(stems('UKM')).toEqual(['ukm']);
    expect(expandSynonyms('ukm', 'ukm')).toEqual(expect.arrayContaining(['ukm', 'umkm', 'ikm', 'msme', 'sme']));
    expect(expandSynonyms('ukmnya', 'ukm')).toContain('umkm');
    expect(expandSynonyms('kopi', 'kopi')).toEqual(['kopi']);
  });

  it('link the spellings pengrajin and perajin, which also share a stem', () => {
    expect(synonymsOf('pengrajin')).toContain('perajin');
    expect(stems('pengrajin perajin')).toEqual(['rajin', 'rajin']);
  });

  it('list folded terms only', () => {
    for (const group of SYNONYM_GROUPS) for (const term of group) expect(terms(term)).toEqual([term]);
  });
});
