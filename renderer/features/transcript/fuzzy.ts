/** Lower case without diacritics or runs of spaces: "Kolaborasí  Pelanggan" → "kolaborasi pelanggan". */
export function normalise(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

const isWordStart = (s: string, i: number): boolean => i === 0 || /[\s\-_/.,:;()'"“”]/.test(s[i - 1]!);

/**
 * How well `query` matches `name`, higher is better; null when it does not match.
 * Tiers: exact (1000) > prefix (900) > prefix of a later word (800) > substring (700)
 * > subsequence (≤ 500, rewarding runs of consecutive letters and letters at word
 * starts). Within a tier, shorter names win. Case- and diacritic-insensitive.
 */
export function fuzzyScore(query: string, name: string): number | null {
  const q = normalise(query);
  const n = normalise(name);
  if (q === '') return 0;
  const shortness = Math.max(0, 50 - n.length) / 100;
  if (n === q) return 1000;
  if (n.startsWith(q)) return 900 + shortness;
  const at = n.indexOf(q);
  if (at > 0 && isWordStart(n, at)) return 800 + shortness;
  if (at > 0) return 700 - Math.min(at, 50) / 100 + shortness;
  const sub = subsequenceScore(q.replace(/ /g, ''), n);
  return sub === null ? null : Math.min(500, sub) + shortness;
}

/**
 * Best alignment of `q` as a subsequence of `n` (dynamic programming over where each
 * letter lands, so "kp" finds the word starts of "Kapasitas produksi", not its first "p").
 */
function subsequenceScore(q: string, n: string): number | null {
  if (q === '') return 0;
  const NONE = -Infinity;
  let prev = new Array<number>(n.length).fill(NONE);
  for (let j = 0; j < n.length; j++) {
    if (n[j] === q[0]) prev[j] = (isWordStart(n, j) ? 30 : 10) + 300 - Math.min(j, 50);
  }
  for (let i = 1; i < q.length; i++) {
    const next = new Array<number>(n.length).fill(NONE);
    // Gaps longer than ten letters all cost the same, so a running maximum covers them.
    let far = NONE;
    for (let j = 0; j < n.length; j++) {
      if (j - 11 >= 0) far = Math.max(far, prev[j - 11]!);
      if (n[j] !== q[i]) continue;
      const landing = isWordStart(n, j) ? 20 : 5;
      let best = far === NONE ? NONE : far + landing - 10;
      for (let k = Math.max(0, j - 10); k < j; k++) {
        if (prev[k] === NONE) continue;
        best = Math.max(best, prev[k]! + (k === j - 1 ? 25 : landing - (j - k - 1)));
      }
      next[j] = best;
    }
    prev = next;
  }
  const best = Math.max(...prev);
  return best === NONE ? null : best;
}

/** The items matching `query`, best first (ties keep their given order). */
export function rankByName<T extends { readonly name: string }>(query: string, items: readonly T[]): T[] {
  const scored: { item: T; score: number; index: number }[] = [];
  items.forEach((item, index) => {
    const score = fuzzyScore(query, item.name);
    if (score !== null) scored.push({ item, score, index });
  });
  return scored.sort((a, b) => b.score - a.score || a.index - b.index).map((s) => s.item);
}

/** True when `query` names exactly one of the items, ignoring case and diacritics: no need to offer creating it. */
export const hasExactName = (query: string, items: readonly { readonly name: string }[]): boolean =>
  items.some((item) => normalise(item.name) === normalise(query));
