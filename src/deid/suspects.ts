import type { DeidSuspect } from '../domain/deid';
import type { NameMatch } from './find';
import { HONORIFIC_BEFORE, TITLES_NOT_NAMES } from './honorifics';

/** A capitalised word right after an honorific: "Pak Harjo", "Bu Endang", "Sdr. Wahyu". */
const AFTER_HONORIFIC = new RegExp(`(?<=${HONORIFIC_BEFORE})\\p{Lu}[\\p{L}\\p{M}'’]*`, 'gu');

/** Tallies possible names across texts; `add` each text with the hits already found in it. */
export class SuspectTally {
  private readonly byWord = new Map<string, { word: string; count: number; where: string; context: string }>();

  /** Notes every capitalised word after an honorific in `text` that no hit in `matches` covers. */
  add(text: string, matches: readonly NameMatch[], where: string): void {
    for (const found of text.matchAll(AFTER_HONORIFIC)) {
      const start = found.index;
      const end = start + found[0].length;
      if (matches.some((m) => m.start < end && start < m.end)) continue;
      const word = found[0].replace(/['’]+$/u, '');
      const key = word.toLocaleLowerCase();
      // "Adminnya" is the admin: a title with an enclitic is still a title.
      if (TITLES_NOT_NAMES.has(key) || TITLES_NOT_NAMES.has(key.replace(/-?nya$/u, ''))) continue;
      const known = this.byWord.get(key);
      if (known) known.count += 1;
      else this.byWord.set(key, { word, count: 1, where, context: text.slice(Math.max(0, start - 40), Math.min(text.length, end + 40)).replace(/\s+/g, ' ').trim() });
    }
  }

  /** The words, most frequent first. */
  list(): DeidSuspect[] {
    return [...this.byWord.values()].sort((a, b) => b.count - a.count || a.word.localeCompare(b.word));
  }
}
