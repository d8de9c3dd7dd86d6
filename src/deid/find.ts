import type { NameKind } from '../domain/deid';
import { anyCase, ENCLITICS, escapeRegExp, HONORIFIC_BEFORE, withoutHonorific } from './honorifics';

/** A name to look for and what it becomes. */
export interface NameSpec {
  readonly id: string;
  readonly name: string;
  readonly kind: NameKind;
  readonly replacement: string;
}

/** One place a name was found: `[start, end)` in UTF-16 code units, the enclitic ("-nya") and honorific left outside. */
export interface NameMatch {
  readonly start: number;
  readonly end: number;
  /** The names these words may be; more than one when two people share a first name. */
  readonly owners: readonly string[];
}

/** Parts of a name shorter than this are found only after an honorific ("Pak Li"): alone they are too often ordinary words. */
const MIN_PART = 3;

/** One spelling: NFC, single spaces, lower case. */
export const nameKey = (text: string): string => text.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleLowerCase();

const byLength = (a: string, b: string): number => b.length - a.length || a.localeCompare(b);
/** A whole word: no letter or digit before, none after but an enclitic. */
const START = '(?<![\\p{L}\\p{N}])';
const END = `(?=(?:-?(?:${ENCLITICS.join('|')}))?(?![\\p{L}\\p{N}]))`;

/** Kinds whose single name parts are found alone: people. A place's or business's words ("Kopi", "Lereng") are ordinary words. */
const hasParts = (kind: NameKind): boolean => kind === 'informant' || kind === 'person';

const wordsOf = (name: string): string[] => name.split(' ').map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')).filter(Boolean);

/** `Sari` → `Sari`; `SARI` → `SARI` and `Sari`: a part is found as the name writes it or capitalised. */
function capitalisedForms(part: string): string[] {
  const title = part.charAt(0).toLocaleUpperCase() + part.slice(1).toLocaleLowerCase();
  return [...new Set([part, title])].filter((form) => /^\p{Lu}/u.test(form));
}

/**
 * Finds names the way people write them in Indonesian transcripts.
 *
 * - A full name (an informant's, or one in the list of names to hide) in any case and any spacing:
 *   "Fitri Handayani", "fitri  handayani", "Kopi Lereng".
 * - A part of a person's name (three letters or more) written capitalised as in the name: "Fitri"
 *   and "Handayani" alone. Case-sensitive, because many Indonesian names are also words ("sari",
 *   "ayu", "lestari"); a lower-case "sari kopi" stays. Leaking a name is worse than replacing a
 *   word, so a capitalised "Sari" at the start of a sentence is a hit.
 * - After an honorific ("Bu", "Ibu", "Pak", "Bapak", "Bpk.", "Mbak", "Mas", "Kak", "Sdr.", …) any part
 *   of a person's name in any case and of any length: "bu sari", "Pak Li". The honorific stays
 *   in the text (it says how the speaker addressed someone, not who).
 * - Whole words only, an Indonesian enclitic allowed after the name and kept: "Sarinya" is a hit on
 *   "Sari" and becomes "[P-01]nya"; "Sariyem" is not a hit.
 *
 * Overlapping hits keep the earliest, then the longest ("Fitri Handayani" over "Fitri").
 */
export function nameFinder(specs: readonly NameSpec[]): (text: string) => NameMatch[] {
  const fullOwners = new Map<string, Set<string>>();
  const partOwners = new Map<string, Set<string>>();
  const add = (map: Map<string, Set<string>>, key: string, id: string) => map.set(key, (map.get(key) ?? new Set()).add(id));
  for (const spec of specs) {
    const name = nameKey(hasParts(spec.kind) ? withoutHonorific(spec.name) : spec.name);
    if (!name) continue;
    add(fullOwners, name, spec.id);
    if (!hasParts(spec.kind)) continue;
    const words = wordsOf(spec.name.normalize('NFC').replace(/\s+/g, ' ').trim());
    const own = wordsOf(withoutHonorific(spec.name.normalize('NFC').replace(/\s+/g, ' ').trim()));
    for (const word of own.length ? own : words) if ([...word].length >= 2) add(partOwners, word, spec.id);
  }

  const fulls = [...fullOwners.keys()].sort(byLength).map((n) => escapeRegExp(n).replace(/ /g, '\\s+'));
  const longParts = [...partOwners.keys()].filter((p) => [...p].length >= MIN_PART);
  const partForms = new Map<string, string>();
  for (const part of longParts) for (const form of capitalisedForms(part)) partForms.set(form, part);
  const anyPart = [...new Set([...partOwners.keys()].map((p) => p.toLocaleLowerCase()))];
  const ownersOfPart = new Map<string, Set<string>>();
  for (const [part, owners] of partOwners) {
    const k = part.toLocaleLowerCase();
    ownersOfPart.set(k, new Set([...(ownersOfPart.get(k) ?? []), ...owners]));
  }

  const passes: { pattern: RegExp; owners: (found: string) => readonly string[] }[] = [];
  if (fulls.length) {
    passes.push({ pattern: new RegExp(`${START}(?:${fulls.join('|')})${END}`, 'giu'), owners: (found) => [...(fullOwners.get(nameKey(found)) ?? [])] });
  }
  if (partForms.size) {
    passes.push({
      pattern: new RegExp(`${START}(?:${[...partForms.keys()].sort(byLength).map(escapeRegExp).join('|')})${END}`, 'gu'),
      owners: (found) => [...(ownersOfPart.get((partForms.get(found) ?? found).toLocaleLowerCase()) ?? [])],
    });
  }
  if (anyPart.length || fulls.length) {
    const names = [...fulls, ...anyPart.sort(byLength).map(anyCase)];
    passes.push({
      // Lookbehind keeps the honorific out of the hit.
      pattern: new RegExp(`(?<=${HONORIFIC_BEFORE})(?:${names.join('|')})${END}`, 'gu'),
      owners: (found) => [...(fullOwners.get(nameKey(found)) ?? ownersOfPart.get(nameKey(found)) ?? [])],
    });
  }

  return (text) => {
    const found: NameMatch[] = [];
    for (const pass of passes) {
      for (const match of text.matchAll(pass.pattern)) {
        const owners = pass.owners(match[0]);
        if (owners.length) found.push({ start: match.index, end: match.index + match[0].length, owners });
      }
    }
    found.sort((a, b) => a.start - b.start || b.end - a.end);
    const kept: NameMatch[] = [];
    for (const match of found) {
      const last = kept[kept.length - 1];
      if (!last || match.start >= last.end) kept.push(match);
    }
    return kept;
  };
}

/** What a hit becomes: its one owner's replacement, or `shared` when the words may be two different people. */
export function replacementOf(match: NameMatch, specs: ReadonlyMap<string, NameSpec>, shared: string): string {
  const replacements = new Set(match.owners.map((id) => specs.get(id)?.replacement ?? shared));
  return replacements.size === 1 ? [...replacements][0]! : shared;
}

/** `text` with every match replaced (matches in order, not overlapping), for text no anchor points into: memos, titles, attribute values. */
export function replaceMatches(text: string, matches: readonly NameMatch[], replacement: (match: NameMatch) => string): string {
  let out = '';
  let last = 0;
  for (const match of matches) {
    out += text.slice(last, match.start) + replacement(match);
    last = match.end;
  }
  return out + text.slice(last);
}
