import type { Code } from '../../../src/domain/types';
import type { CodeChoice } from './hit-selection';

/** Lower case, no diacritics, single spaces: what two code names are compared by. */
export function normaliseName(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * Existing codes for a typed name, best first: the exact name, then names starting with
 * it, then names with a word starting with it, then names containing it; within a tier,
 * shorter names first. An empty text suggests nothing (the codebook panel lists them all).
 */
export function suggestCodes(codes: readonly Code[], text: string, limit = 8): readonly Code[] {
  const q = normaliseName(text);
  if (!q) return [];
  const ranked: { code: Code; tier: number }[] = [];
  for (const code of codes) {
    const name = normaliseName(code.name);
    const at = name.indexOf(q);
    if (at < 0) continue;
    const tier = name === q ? 0 : at === 0 ? 1 : /[\s\-_/(]/.test(name[at - 1]!) ? 2 : 3;
    ranked.push({ code, tier });
  }
  ranked.sort((a, b) => a.tier - b.tier || a.code.name.length - b.code.name.length || a.code.name.localeCompare(b.code.name, 'id'));
  return ranked.slice(0, limit).map((r) => r.code);
}

/**
 * What the typed name codes with: the existing code of that name (ignoring case and
 * accents), or a new code of that name. Null when nothing usable is typed.
 */
export function resolveCode(codes: readonly Code[], text: string): CodeChoice | null {
  const name = text.replace(/\s+/g, ' ').trim();
  if (!name) return null;
  const wanted = normaliseName(name);
  const existing = codes.find((c) => normaliseName(c.name) === wanted);
  return existing ? { codeId: existing.id } : { codeName: name.slice(0, 200) };
}
