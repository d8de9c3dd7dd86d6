import {
  canonicalNumber, COMPOUNDS, foldTerm, HYPHEN_PREFIXES, HYPHEN_SUFFIXES, JOIN_PREFIXES, SPACED_JOIN_PREFIXES, synonymsOf,
} from './normalise';
import { stemTerm } from './stem';
import { stemIndonesian } from './stem-id';
import { addToHash as addToFormHash, FORM_HASH_SEED, formSlot, formStem, formTerm, makeRoomForForms } from './word-forms';

/** A word of a text: its search form and where it is, in UTF-16 code units of the original text. */
export interface Token {
  /** The folded form (lower case, no diacritics, variants joined): a run of letters and digits. */
  readonly term: string;
  /** `text.slice(start, end)` is the word as written, for highlighting. */
  readonly start: number;
  readonly end: number;
}

/** A token with its index form. */
export interface AnalysedToken extends Token {
  /** What the stemmed FTS5 column holds: the Indonesian root or English Porter stem (stem.ts). */
  readonly stem: string;
}

/*
 * Character classes. A word is a run of letters, digits and combining marks;
 * apostrophes and invisible joiners inside it are dropped ("Jum'at" → jumat);
 * '.' and ',' between digits keep a number whole ("50.000.000,00"). Hyphens and
 * spaces between words are kept as separators, for the variant rules.
 */
const OTHER = 0;
const LOWER = 1;
const UPPER = 2;
const DIGIT = 3;
/** A non-ASCII letter or digit: the word needs full folding. */
const WIDE = 4;
const MARK = 5;
const HYPHEN = 6;
const APOSTROPHE = 7;
/** Soft hyphen, zero-width (non-)joiner: invisible inside a word. */
const INVISIBLE = 8;
const NUMBER_MARK = 9;
const SPACE = 10;

const ASCII = new Uint8Array(128);
for (let c = 97; c <= 122; c++) ASCII[c] = LOWER;
for (let c = 65; c <= 90; c++) ASCII[c] = UPPER;
for (let c = 48; c <= 57; c++) ASCII[c] = DIGIT;
ASCII[0x2d] = HYPHEN;
ASCII[0x27] = APOSTROPHE;
ASCII[0x2e] = NUMBER_MARK;
ASCII[0x2c] = NUMBER_MARK;
ASCII[0x20] = SPACE;
ASCII[0x09] = SPACE;

/** Sticky, so one character is tested in place without slicing; `u` takes a surrogate pair whole. */
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/uy;
const COMBINING = /\p{M}/uy;

/**
 * Class of the character at `i` (ASCII ones come from the table); `width` receives
 * its length in code units, a second result passed without allocating on the hot path.
 */
let width = 1;
function classify(text: string, i: number, c: number): number {
  width = 1;
  if (c < 128) return ASCII[c]!;
  switch (c) {
    case 0x2019: case 0x2018: case 0x02bc: return APOSTROPHE;
    case 0x2010: case 0x2011: return HYPHEN;
    case 0x00ad: case 0x200c: case 0x200d: return INVISIBLE;
    case 0x00a0: case 0x202f: case 0x3000: return SPACE;
    // Emoji presentation selectors and the keycap mark are marks in Unicode but end a word here.
    case 0xfe0e: case 0xfe0f: case 0x20e3: return OTHER;
  }
  if (c >= 0x2000 && c <= 0x200a) return SPACE;
  LETTER_OR_DIGIT.lastIndex = i;
  if (LETTER_OR_DIGIT.test(text)) {
    width = LETTER_OR_DIGIT.lastIndex - i;
    return WIDE;
  }
  COMBINING.lastIndex = i;
  if (COMBINING.test(text)) {
    width = COMBINING.lastIndex - i;
    return MARK;
  }
  // Emoji and other astral symbols: skip the surrogate pair whole.
  const low = text.charCodeAt(i + 1);
  if (c >= 0xd800 && c <= 0xdbff && low >= 0xdc00 && low <= 0xdfff) width = 2;
  return OTHER;
}

/** Held in a constant: called through the import binding once per character, it was not inlined (a seventh of analysing a text). */
const addToHash = addToFormHash;

const isWordClass = (k: number): boolean => k === LOWER || k === UPPER || k === DIGIT || k === WIDE;

/** What separates a piece from the next one: exactly one hyphen, only spaces, or anything else. */
const SEP_OTHER = 0;
const SEP_HYPHEN = 1;
const SEP_SPACE = 2;

/** The words of a text before the variant rules join them. */
interface Pieces {
  count: number;
  readonly starts: number[];
  readonly ends: number[];
  readonly terms: string[];
  /** 1 when the piece is a number. */
  readonly numbers: number[];
  /** seps[k] separates piece k from piece k + 1. */
  readonly seps: number[];
  /** The piece's slot in word-forms.ts, whose stem is kept there; -1 for a piece folded otherwise. */
  readonly forms: number[];
}

function scanPieces(text: string): Pieces {
  const pieces: Pieces = { count: 0, starts: [], ends: [], terms: [], numbers: [], seps: [], forms: [] };
  makeRoomForForms();
  const n = text.length;
  let hyphens = 0;
  let spaces = 0;
  let others = 0;
  const push = (start: number, end: number, term: string, isNumber: boolean, form: number) => {
    if (pieces.count > 0) pieces.seps[pieces.count - 1] = others === 0 && hyphens === 1 && spaces === 0 ? SEP_HYPHEN : others === 0 && hyphens === 0 && spaces > 0 ? SEP_SPACE : SEP_OTHER;
    pieces.starts.push(start);
    pieces.ends.push(end);
    pieces.terms.push(term);
    pieces.numbers.push(isNumber ? 1 : 0);
    pieces.forms.push(form);
    pieces.count++;
    hyphens = spaces = others = 0;
  };
  for (let i = 0; i < n;) {
    const c = text.charCodeAt(i);
    let kind = classify(text, i, c);
    if (!isWordClass(kind)) {
      if (kind === HYPHEN) hyphens++;
      else if (kind === SPACE) spaces++;
      else others++;
      i += width;
      continue;
    }
    const start = i;
    let fold = false;
    let upper = false;
    let digitsOnly = true;
    let numberMarks = false;
    // Of ASCII letters and digits only; other pieces are folded from their text below.
    let hash = FORM_HASH_SEED;
    let code = c;
    for (;;) {
      if (kind === LOWER) digitsOnly = false;
      else if (kind === UPPER) {
        digitsOnly = false;
        upper = true;
      } else if (kind === WIDE || kind === MARK) {
        digitsOnly = false;
        fold = true;
      } else if (kind === DIGIT && !digitsOnly && i - start === 2 && isRupiah(text, start)) break; // "Rp50.000": currency and number apart
      hash = addToHash(hash, code);
      i += width;
      if (i >= n) break;
      code = text.charCodeAt(i);
      kind = classify(text, i, code);
      if (isWordClass(kind) || kind === MARK) {
        if (numberMarks && kind !== DIGIT) break; // "1.5kg": the number ends where letters begin
        continue;
      }
      if (kind === APOSTROPHE || kind === INVISIBLE) {
        if (i + 1 < n && isWordClass(classify(text, i + 1, text.charCodeAt(i + 1))) && !digitsOnly) {
          fold = true;
          i += 1;
          kind = classify(text, i, text.charCodeAt(i));
          continue;
        }
        break;
      }
      if (kind === NUMBER_MARK && digitsOnly && i + 1 < n && classify(text, i + 1, text.charCodeAt(i + 1)) === DIGIT) {
        numberMarks = true;
        i += 1;
        kind = DIGIT;
        continue;
      }
      break;
    }
    const end = i;
    // A keycap emoji ("1️⃣") is a digit followed by emoji marks: not a word.
    if (end - start === 1 && end < n && (text.charCodeAt(end) === 0xfe0f || text.charCodeAt(end) === 0x20e3)) {
      others++;
      continue;
    }
    const form = fold || numberMarks ? -1 : formSlot(text, start, end, hash);
    if (form >= 0) {
      push(start, end, formTerm(form), digitsOnly, form);
      continue;
    }
    const surface = text.slice(start, end);
    let term = fold ? foldTerm(surface) : upper ? surface.toLowerCase() : surface;
    if (numberMarks) term = canonicalNumber(term);
    if (term.length === 0) {
      others++;
      continue;
    }
    push(start, end, term, digitsOnly, -1);
  }
  return pieces;
}

function isRupiah(text: string, start: number): boolean {
  return (text.charCodeAt(start) | 0x20) === 0x72 && (text.charCodeAt(start + 1) | 0x20) === 0x70;
}

const COMPOUNDS_BY_FIRST = new Map<string, (readonly string[])[]>();
for (const parts of [...COMPOUNDS].sort((a, b) => b.length - a.length)) {
  const list = COMPOUNDS_BY_FIRST.get(parts[0]!) ?? [];
  list.push(parts);
  COMPOUNDS_BY_FIRST.set(parts[0]!, list);
}

/** Length in pieces of the compound starting at piece k, or 0. */
function matchCompound(p: Pieces, k: number, candidates: readonly (readonly string[])[]): number {
  outer: for (const parts of candidates) {
    if (k + parts.length > p.count) continue;
    for (let j = 1; j < parts.length; j++) {
      const sep = p.seps[k + j - 1];
      if ((sep !== SEP_HYPHEN && sep !== SEP_SPACE) || p.terms[k + j] !== parts[j]) continue outer;
    }
    const last = k + parts.length - 1;
    // "kerja sama-sama" (work together) is not the compound "kerjasama".
    if (last + 1 < p.count && p.seps[last] === SEP_HYPHEN && !HYPHEN_SUFFIXES.has(p.terms[last + 1]!)) continue;
    return parts.length;
  }
  return 0;
}

type Emit = (first: number, last: number, term: string, stemBase: string, stem?: string) => void;

/** Emits the tokens of a hyphen-joined chain of pieces k…last; returns the piece after it. */
function hyphenChain(p: Pieces, k: number, emit: Emit): number {
  let last = k;
  while (last + 1 < p.count && p.seps[last] === SEP_HYPHEN) last++;
  const withSuffix = (end: number, term: string): [number, string] =>
    end < last && HYPHEN_SUFFIXES.has(p.terms[end + 1]!) ? [end + 1, term + p.terms[end + 1]!] : [end, term];
  for (let j = k; j <= last;) {
    if (j < last) {
      const a = p.terms[j]!;
      const b = p.terms[j + 1]!;
      const bothWords = p.numbers[j] === 0 && p.numbers[j + 1] === 0;
      if (HYPHEN_SUFFIXES.has(b)) {
        // "DP-nya", "300-an": one word, stemmed without the suffix.
        emit(j, j + 1, a + b, a);
        j += 2;
        continue;
      }
      if (bothWords && (JOIN_PREFIXES.has(a) || HYPHEN_PREFIXES.has(a))) {
        // "e-commerce" is one word; "di-follow" is follow with an Indonesian prefix.
        const [end, term] = withSuffix(j + 1, a + b);
        emit(j, end, term, JOIN_PREFIXES.has(a) ? a + b : b);
        j = end + 1;
        continue;
      }
      if (bothWords && a === b) {
        const [end, term] = withSuffix(j + 1, a);
        emit(j, end, term, a);
        j = end + 1;
        continue;
      }
      if (bothWords) {
        // Affixed reduplication: "sebanyak-banyaknya", "berbalas-balasan", "tolong-menolong".
        const root = stemIndonesian(`${a}-${b}`);
        if (!root.includes('-')) {
          const [end, term] = withSuffix(j + 1, a + b);
          emit(j, end, term, root, root);
          j = end + 1;
          continue;
        }
      }
    }
    emit(j, j, p.terms[j]!, p.terms[j]!);
    j++;
  }
  return last + 1;
}

/** Applies the variant rules of normalise.ts to the pieces and emits the tokens. */
function combine(p: Pieces, emit: Emit): void {
  for (let k = 0; k < p.count;) {
    const term = p.terms[k]!;
    const candidates = COMPOUNDS_BY_FIRST.get(term);
    const length = candidates === undefined ? 0 : matchCompound(p, k, candidates);
    if (length > 0) {
      let last = k + length - 1;
      let joined = p.terms.slice(k, last + 1).join('');
      const base = joined;
      if (last + 1 < p.count && p.seps[last] === SEP_HYPHEN && HYPHEN_SUFFIXES.has(p.terms[last + 1]!)) joined += p.terms[++last]!;
      emit(k, last, joined, base);
      k = last + 1;
      continue;
    }
    const sep = k + 1 < p.count ? p.seps[k] : SEP_OTHER;
    if (sep === SEP_HYPHEN) {
      k = hyphenChain(p, k, emit);
      continue;
    }
    if (sep === SEP_SPACE && p.numbers[k] === 0 && p.numbers[k + 1] === 0 && (k + 2 >= p.count || p.seps[k + 1] !== SEP_HYPHEN)) {
      if (SPACED_JOIN_PREFIXES.has(term)) {
        // "non formal", "pasca panen": the bound prefix written apart.
        const joined = term + p.terms[k + 1]!;
        emit(k, k + 1, joined, joined);
        k += 2;
        continue;
      }
      if (p.terms[k + 1] === term) {
        // "ide ide" is "ide-ide" without the hyphen.
        let last = k + 1;
        while (last + 1 < p.count && p.seps[last] === SEP_SPACE && p.terms[last + 1] === term) last++;
        emit(k, last, term, term);
        k = last + 1;
        continue;
      }
    }
    emit(k, k, term, term);
    k++;
  }
}

/**
 * Splits a text into words for search: case and diacritics folded (NFKD, marks
 * removed, letters of any script kept), emoji and punctuation dropped, numbers kept
 * whole ("Rp 50.000.000,00" → rp, 50000000), and the variants of DOMAIN.md folded:
 * "co-creation" / "co creation" / "cocreation" → cocreation (COMPOUNDS), "ide-ide" /
 * "ide ide" → ide, "DP-nya" → dpnya, other hyphenated pairs split ("follow-up").
 * Offsets are UTF-16 positions in `text`: `text.slice(start, end)` is what was written.
 */
export function tokenize(text: string): Token[] {
  const p = scanPieces(text);
  const out: Token[] = [];
  combine(p, (first, last, term) => {
    out.push({ term, start: p.starts[first]!, end: p.ends[last]! });
  });
  return out;
}

/**
 * Tokens with their index forms (stem.ts): what the stemmed FTS5 column holds,
 * space-joined, and what a query is matched with. Stop words are kept (phrases
 * need them); isStopword tells them apart.
 */
export function analyse(text: string): AnalysedToken[] {
  const p = scanPieces(text);
  const out: AnalysedToken[] = [];
  combine(p, (first, last, term, stemBase, stem) => {
    out.push({ term, stem: stem ?? stemOf(p, first, stemBase), start: p.starts[first]!, end: p.ends[last]! });
  });
  return out;
}

/** The stem of a token starting at piece `first` and stemmed as `stemBase`: numbers are their own, a known form's is kept with it. */
function stemOf(p: Pieces, first: number, stemBase: string): string {
  if (p.numbers[first] === 1) return stemBase;
  const form = p.forms[first]!;
  return form >= 0 && stemBase === p.terms[first] ? formStem(form) : stemTerm(stemBase);
}

/**
 * The stems a query term stands for with its near-synonyms (normalise.ts,
 * SYNONYM_GROUPS): "ukm" → the stems of umkm, ukm, ikm, umk, msme, sme. Looked up
 * by term, then by stem ("UKM-nya" has the term ukmnya and the stem ukm).
 */
export function expandSynonyms(term: string, stem: string): readonly string[] {
  let group = synonymsOf(term);
  if (group.length === 1) group = synonymsOf(stem);
  if (group.length === 1) return [stem];
  const stems = new Set([stem]);
  for (const member of group) stems.add(stemTerm(member));
  return [...stems];
}
