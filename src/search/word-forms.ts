import { stemTerm } from './stem';

/**
 * The word forms met so far, each with its stem, looked up straight from the text being
 * scanned. Most words of a transcript are plain ASCII letters and digits, whose folded form
 * is the text itself in lower case: the scanner hashes their characters as it reads them and
 * finds the form here without cutting a string out of the text or hashing it again, which
 * with the stem's map lookup was a third of analysing a text.
 */
const SLOTS = 1 << 17;
const MASK = SLOTS - 1;
/** Open addressing wants room to spare; past this many forms the table starts again empty. */
const LIMIT = SLOTS >> 1;

const hashes = new Int32Array(SLOTS);
const terms: (string | undefined)[] = new Array<string | undefined>(SLOTS).fill(undefined);
const stems: (string | undefined)[] = new Array<string | undefined>(SLOTS).fill(undefined);
let count = 0;

/** FNV-1a over a form's characters, in lower case: start with FORM_HASH_SEED, add each code with addToHash. 0 marks an empty slot. */
export const FORM_HASH_SEED = 0x811c9dc5 | 0;
export const addToHash = (hash: number, code: number): number => Math.imul(hash ^ (code | 0x20), 16777619);

/**
 * Room for a whole text's new forms: called before a text is scanned, so that a slot handed
 * out for one of its words stays valid until the text is done.
 */
export function makeRoomForForms(): void {
  if (count < LIMIT) return;
  hashes.fill(0);
  terms.fill(undefined);
  stems.fill(undefined);
  count = 0;
}

/**
 * The slot of the form `text.slice(start, end)` in lower case (ASCII letters and digits only,
 * hashed with addToHash), added if new; -1 when the table is full until the next text.
 */
export function formSlot(text: string, start: number, end: number, anyHash: number): number {
  const hash = anyHash === 0 ? 1 : anyHash;
  const length = end - start;
  // The hashes are probed first: one small typed array, where a slot of another form is passed over without reading its string.
  for (let slot = hash & MASK; ; slot = (slot + 1) & MASK) {
    const found = hashes[slot];
    if (found === 0) {
      if (count >= SLOTS - (SLOTS >> 2)) return -1;
      terms[slot] = text.slice(start, end).toLowerCase();
      hashes[slot] = hash;
      count++;
      return slot;
    }
    if (found === hash) {
      const term = terms[slot]!;
      if (term.length === length && sameInLowerCase(term, text, start)) return slot;
    }
  }
}

/** formSlot of a run of ASCII letters, hashed here: a caller outside this module paid a call per character to hash it. */
export function letterRunSlot(text: string, start: number, end: number): number {
  let hash = FORM_HASH_SEED;
  for (let i = start; i < end; i++) hash = addToHash(hash, text.charCodeAt(i));
  return formSlot(text, start, end, hash);
}

function sameInLowerCase(term: string, text: string, start: number): boolean {
  for (let i = 0; i < term.length; i++) if (term.charCodeAt(i) !== (text.charCodeAt(start + i) | 0x20)) return false;
  return true;
}

/** The form in a slot. */
export const formTerm = (slot: number): string => terms[slot]!;

/** The stem of the form in a slot (stem.ts), worked out once. */
export function formStem(slot: number): string {
  let stem = stems[slot];
  if (stem === undefined) stems[slot] = stem = stemTerm(terms[slot]!);
  return stem;
}
