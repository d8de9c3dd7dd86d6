import { EN_STEMS, EN_WORDS } from './en-words';
import { ID_ROOTS } from './id-roots';
import { stemEnglish } from './stem-en';
import { indonesianRoot, ruleStem } from './stem-id';

/** Which stemmer produced a stem; 'none' for numbers, other scripts and words left whole. */
export type StemLanguage = 'id' | 'en' | 'none';

/*
 * Indonesian-affixed English: "di-follow" is split at the hyphen by the tokenizer,
 * but "difollow", "ngeshare", "postingannya", "reviewnya" arrive whole.
 */
const ID_PREFIXES_ON_EN = ['di', 'ke', 'ter', 'nge', 'se', 'ber', 'meng', 'mem', 'men', 'me', 'peng', 'pem', 'pen'];
const ID_CLITICS_ON_EN = ['nya', 'lah', 'kah', 'pun', 'ku', 'mu'];
const ID_SUFFIXES_ON_EN = ['an', 'kan', 'in'];

/** English-only spellings: letters Indonesian does not use, digraphs, doubled consonants. */
const ENGLISH_SPELLING = /[qx]|th|sh|ph|ck|wh|ch|ee|oo|ou|bb|cc|dd|ff|ll|mm|pp|rr|ss|tt|zz/;
const ENGLISH_ENDING = /(?:ings?|tions?|sions?|ness|ments?|ity|ies|ed|ly|ful|less|able|ible|ives?|ize|ous|ship)$/;

function isVowel(c: string | undefined): boolean {
  return c === 'a' || c === 'e' || c === 'i' || c === 'o' || c === 'u';
}

function isLowerAscii(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c < 97 || c > 122) return false;
  }
  return true;
}

/**
 * Whether an unknown word is spelt the English way. Indonesian spelling is
 * regular: w and y come before a vowel, c before a vowel, a word ends in a vowel,
 * one consonant or "ng"; q, x, doubled consonants and English digraphs and endings
 * do not occur in native words.
 */
export function looksEnglish(word: string): boolean {
  if (word.length >= 5 && ENGLISH_ENDING.test(word)) return true;
  if (ENGLISH_SPELLING.test(word)) return true;
  for (let i = 0; i < word.length; i++) {
    const c = word[i];
    if ((c === 'w' || c === 'y' || c === 'c') && !isVowel(word[i + 1])) return true;
  }
  const last = word[word.length - 1];
  const before = word[word.length - 2];
  if (word.length >= 3 && !isVowel(last) && !isVowel(before)) {
    const end = before! + last!;
    if (end !== 'ng' && end !== 'kh' && end !== 'ny') return true;
  }
  return false;
}

function isKnownEnglish(word: string): boolean {
  return EN_WORDS.has(word) || EN_STEMS.has(stemEnglish(word));
}

/** The English word inside Indonesian affixes ("difollow" → follow), or null. */
function englishInside(word: string): string | null {
  for (const prefix of ['', ...ID_PREFIXES_ON_EN]) {
    if (!word.startsWith(prefix)) continue;
    const afterPrefix = word.slice(prefix.length);
    for (const clitic of ['', ...ID_CLITICS_ON_EN]) {
      if (!afterPrefix.endsWith(clitic)) continue;
      const afterClitic = afterPrefix.slice(0, afterPrefix.length - clitic.length);
      for (const suffix of ['', ...ID_SUFFIXES_ON_EN]) {
        if (!afterClitic.endsWith(suffix) || prefix + clitic + suffix === '') continue;
        const inner = afterClitic.slice(0, afterClitic.length - suffix.length);
        if (inner.length >= 3 && isKnownEnglish(inner)) return inner;
      }
    }
  }
  return null;
}

/**
 * The index form of one folded term and the stemmer that made it. The rule, in order:
 * 1. numbers, other scripts and words with digits are their own stem;
 * 2. an Indonesian root (the dictionary in id-roots.ts) is its own stem;
 * 3. a known English word (en-words.ts) takes its Porter stem;
 * 4. a word whose Indonesian affixes strip to a dictionary root takes that root;
 * 5. a known English word in another form ("followers") or inside Indonesian
 *    affixes ("difollow", "postingannya") takes the Porter stem of the English word;
 * 6. an unknown word spelt the English way takes its Porter stem;
 * 7. anything else is treated as Indonesian and stripped by the regular rules alone,
 *    when what remains is plausible.
 * Dictionary evidence comes first because the two languages share spellings:
 * "bisnis" must not lose its s to Porter, "mentoring" must not lose men- to ECS.
 */
export function stemWithLanguage(term: string): { readonly stem: string; readonly language: StemLanguage } {
  if (term.length < 3 || !isLowerAscii(term)) return { stem: term, language: 'none' };
  if (ID_ROOTS.has(term)) return { stem: term, language: 'id' };
  if (EN_WORDS.has(term)) return { stem: stemEnglish(term), language: 'en' };
  const root = indonesianRoot(term);
  if (root !== null) return { stem: root, language: 'id' };
  const porter = stemEnglish(term);
  if (EN_STEMS.has(porter)) return { stem: porter, language: 'en' };
  const inner = englishInside(term);
  if (inner !== null) return { stem: stemEnglish(inner), language: 'en' };
  if (looksEnglish(term)) return { stem: porter, language: 'en' };
  const stem = ruleStem(term);
  return { stem, language: stem === term ? 'none' : 'id' };
}

const cache = new Map<string, string>();
/** Vocabularies are small and tokens many; the bound only guards against unbounded input such as ids. */
const CACHE_LIMIT = 200_000;

/** The index form of one folded term (see stemWithLanguage for the rule), cached. */
export function stemTerm(term: string): string {
  let stem = cache.get(term);
  if (stem === undefined) {
    stem = stemWithLanguage(term).stem;
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(term, stem);
  }
  return stem;
}
