import lunr from 'lunr';

/** The Porter stemmer that ships with lunr, applied to one lower-case word. */
export function porterStem(word: string): string {
  return lunr.stemmer(new lunr.Token(word, {})).toString();
}

const cache = new Map<string, string>();
/** Vocabularies are small and tokens many; the bound only guards against unbounded input such as ids. */
const CACHE_LIMIT = 200_000;

/**
 * The Porter stem of an English word ("innovations" and "innovation" → "innov"),
 * cached: lunr's stemmer builds a Token and runs several regular expressions per call.
 */
export function stemEnglish(word: string): string {
  let stem = cache.get(word);
  if (stem === undefined) {
    stem = porterStem(word);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(word, stem);
  }
  return stem;
}
