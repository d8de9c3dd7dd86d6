import { COMPOUNDS, SPACED_JOIN_PREFIXES } from './normalise';
import { matchSpans, type QueryNode } from './query';
import { analyse } from './tokens';
import * as forms from './word-forms';

/** Held in constants, as in tokens.ts: called through the import bindings once per character or word, they were not inlined. */
const { addToHash, FORM_HASH_SEED, formSlot, formStem, formTerm, makeRoomForForms } = forms;

/** Words that begin a multi-word token when followed by a space: a compound's first part or a bound prefix written apart. */
const STARTS_JOINED = new Set<string>([...COMPOUNDS.map((parts) => parts[0]!), ...SPACED_JOIN_PREFIXES]);

/**
 * Where a query matches in a passage: [start, end) UTF-16 offsets of each hit, in order, a hit
 * overlapping an earlier one left out. The same as analysing the whole passage and matching its
 * stems, but only the sentences that could hold a hit are analysed: analysing every word of 200
 * passages was most of a search's time, when the hits lie in one sentence of each.
 *
 * A passage is cut after sentence punctuation followed by a space and at line ends, where no
 * token spans the cut (the variant rules join words across a hyphen or a space only). A sentence
 * of plain ASCII letters and spaces, whose words begin no compound, has one token per word,
 * stemmed as the word alone: its stems are looked up in the word-form table; with hyphens, the
 * stems of its hyphen-joined chains as well (chainBits). Any other sentence (digits,
 * apostrophes, other scripts) could hold any stem. Adjacent sentences holding
 * query stems are taken together, so that a phrase can span the cut, and only when they hold
 * every word of a phrase or one of a word's forms. Such a run of plain sentences is matched on
 * the words read, which are its tokens; a run with any other sentence is analysed.
 */
export function hitSpans(passage: string, tree: QueryNode): [number, number][] {
  makeRoomForForms();
  const wants = queryStems(tree);
  wants.number();
  const spans: [number, number][] = [];
  let runStart = -1;
  let runEnd = -1;
  let runSeen = 0;
  let runPlain = true;
  let runChains = chainsAnalysed;
  const flush = () => {
    if (runStart < 0) return;
    if (wants.enough(runSeen)) {
      // A chain analysed since the run began may have started the table of forms again, and its slots with it.
      if (runPlain && runChains === chainsAnalysed) matchWords(tree, passage, spans);
      else {
        const tokens = analyse(passage.slice(runStart, runEnd));
        let last = -1;
        for (const [first, lastToken] of matchSpans(tree, tokens.map((t) => t.stem)).sort((a, b) => a[0] - b[0])) {
          if (first <= last) continue;
          last = lastToken;
          spans.push([runStart + tokens[first]!.start, runStart + tokens[lastToken]!.end]);
        }
      }
    }
    runStart = -1;
    runSeen = 0;
    runPlain = true;
    words.count = 0;
  };
  const n = passage.length;
  for (let from = 0; from < n;) {
    let seen = 0;
    let hyphens = false;
    let chainStart = -1;
    let i = from;
    // The words of a sentence outside a run are kept only if it starts one.
    if (runStart < 0) {
      words.count = 0;
      runChains = chainsAnalysed;
    }
    const sentenceWords = words.count;
    // One sentence: up to and including its cut.
    for (; i < n; i++) {
      const c = passage.charCodeAt(i);
      if (c === 0x0a) { i++; break; }
      if (isCut(c) && i + 1 < n && isSpace(passage.charCodeAt(i + 1))) { i++; break; }
      if (seen === ANY) continue;
      if (c === 0x2d) { hyphens = true; continue; }
      if (c >= 0x80 || (c >= 0x30 && c <= 0x39) || c === 0x27) { seen = ANY; continue; }
      const lower = c | 0x20;
      if (lower < 0x61 || lower > 0x7a) continue;
      const start = i;
      // The word's form is hashed as it is read, for its slot in word-forms.ts.
      let hash = FORM_HASH_SEED;
      for (; i < n; i++) {
        const d = passage.charCodeAt(i) | 0x20;
        if (d < 0x61 || d > 0x7a) break;
        hash = addToHash(hash, d);
      }
      const slot = formSlot(passage, start, i, hash);
      // A form the table has no room for leaves its sentence to be analysed.
      if (slot < 0 || slot >= SLOT_CACHE) { seen = ANY; i--; continue; }
      const term = formTerm(slot);
      // The table of forms starts again empty when full: a slot's stem number holds only while it holds the same form.
      let stem = slotEpoch[slot] === stems.epoch && slotTerms[slot] === term ? slotStems[slot]! : NO_STEM;
      if (stem === NO_STEM) {
        stem = STARTS_JOINED.has(term) ? JOINED : stems.number(formStem(slot));
        slotEpoch[slot] = stems.epoch;
        slotTerms[slot] = term;
        slotStems[slot] = stem;
      }
      seen |= stem === JOINED ? ANY : wants.bits(stem);
      words.add(start, i, slot);
      // Words joined by single hyphens ("kapan-kapan", "di-follow", "DP-nya") may be one token of another stem: the chain's own.
      if (!(start >= 2 && passage.charCodeAt(start - 1) === 0x2d && isLetter(passage.charCodeAt(start - 2)))) chainStart = start;
      if (chainStart < start && !(i + 1 < n && passage.charCodeAt(i) === 0x2d && isLetter(passage.charCodeAt(i + 1)))) {
        seen |= chainBits(passage.slice(chainStart, i), wants);
      }
      i--;
    }
    if (seen !== 0) {
      if (runStart < 0) runStart = from;
      runEnd = i;
      runSeen |= seen;
      if (seen === ANY || hyphens) runPlain = false;
    } else {
      words.count = sentenceWords;
      flush();
    }
    from = i;
  }
  flush();
  return spans;
}

/**
 * The words of the run being read, each a token of its own (a plain sentence's): where it is
 * and its slot in word-forms.ts. Typed arrays kept between calls: a passage's words are
 * stored without allocating or marking anything for the collector.
 */
const words = {
  count: 0,
  starts: new Int32Array(1024),
  ends: new Int32Array(1024),
  slots: new Int32Array(1024),
  add(start: number, end: number, slot: number): void {
    if (this.count === this.slots.length) {
      const grow = (a: Int32Array) => { const b = new Int32Array(a.length * 2); b.set(a); return b; };
      this.starts = grow(this.starts);
      this.ends = grow(this.ends);
      this.slots = grow(this.slots);
    }
    this.starts[this.count] = start;
    this.ends[this.count] = end;
    this.slots[this.count++] = slot;
  },
};

/**
 * The hits in a run of plain sentences, from the words read: what analysing the run gives,
 * whose tokens there are its words, except that a word repeated after spaces only ("ide ide")
 * is one token with the first one's stem, as tokens.ts joins it.
 */
function matchWords(tree: QueryNode, passage: string, spans: [number, number][]): void {
  const { count, starts, ends, slots } = words;
  const tokenStarts: number[] = [];
  const tokenEnds: number[] = [];
  const tokenStems: string[] = [];
  for (let k = 0; k < count;) {
    let last = k;
    // One slot is one form while the text is read.
    while (last + 1 < count && slots[last + 1] === slots[k] && onlySpaces(passage, ends[last]!, starts[last + 1]!)) last++;
    tokenStarts.push(starts[k]!);
    tokenEnds.push(ends[last]!);
    tokenStems.push(formStem(slots[k]!));
    k = last + 1;
  }
  let last = -1;
  for (const [first, lastToken] of matchSpans(tree, tokenStems).sort((a, b) => a[0] - b[0])) {
    if (first <= last) continue;
    last = lastToken;
    spans.push([tokenStarts[first]!, tokenEnds[lastToken]!]);
  }
}

/** Only spaces and tabs between two words: what tokens.ts joins a repeated word across. */
function onlySpaces(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09) return false;
  }
  return true;
}

const isLetter = (c: number): boolean => ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a);

/** The stems a chain of hyphen-joined words can give, by its text in lower case; started again when it holds CHAINS_KEPT. */
const chainStems = new Map<string, readonly string[]>();
const CHAINS_KEPT = 1 << 14;
/** Chains analysed so far: analysing one may start word-forms.ts's table again, invalidating the slots of the words read before it. */
let chainsAnalysed = 0;

/**
 * The bits of the stems a chain of words joined by single hyphens can give, in a sentence of
 * ASCII letters whose words begin no compound. tokens.ts makes the chain's tokens from its own
 * words alone (hyphenChain), unless a word repeated before it takes its first word ("ide
 * ide-nya"): then the rest is tokens of its own. Every other token of such a sentence is one
 * of its words, whose stems the scan looks up.
 */
function chainBits(chain: string, wants: QueryStems): number {
  const key = chain.toLowerCase();
  let found = chainStems.get(key);
  if (!found) {
    if (chainStems.size >= CHAINS_KEPT) chainStems.clear();
    chainsAnalysed++;
    found = [...analyse(key), ...analyse(key.slice(key.indexOf('-') + 1))].map((t) => t.stem);
    chainStems.set(key, found);
  }
  let bits = 0;
  for (const stem of found) bits |= wants.bits(stems.number(stem));
  return bits;
}

/** Sentence punctuation: never inside a word when a space follows. */
const isCut = (c: number): boolean => c === 0x2e || c === 0x2c || c === 0x3f || c === 0x21 || c === 0x3b || c === 0x3a;
const isSpace = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;

/** Every bit: a stretch whose stems are not known could hold any. */
const ANY = -1;

/**
 * Stems by number, so that a word's stem is found once for all queries and tested against a
 * query without a string lookup. Past STEMS_KEPT stems the numbering starts again (a new
 * epoch), as the form table does past its limit.
 */
const STEMS_KEPT = 1 << 17;
const stems = {
  epoch: 1,
  byStem: new Map<string, number>(),
  list: [] as string[],
  number(stem: string): number {
    let found = this.byStem.get(stem);
    if (found === undefined) {
      if (this.list.length >= STEMS_KEPT) {
        this.byStem.clear();
        this.list.length = 0;
        this.epoch++;
      }
      found = this.list.length;
      this.byStem.set(stem, found);
      this.list.push(stem);
    }
    return found;
  },
};

/** A word's stem number by its slot in word-forms.ts, with the form and epoch it holds for: most words of a passage are forms met many times. */
const SLOT_CACHE = 1 << 17;
const slotEpoch = new Int32Array(SLOT_CACHE);
const slotStems = new Int32Array(SLOT_CACHE);
const slotTerms: (string | undefined)[] = new Array<string | undefined>(SLOT_CACHE).fill(undefined);
const NO_STEM = -1;
/** A form that begins a compound or a spaced prefix: its sentence is analysed. */
const JOINED = -2;

interface QueryStems {
  /** Numbers the query's stems in the current epoch, if not yet. */
  readonly number: () => void;
  /** The bits of a stem, by number: which of the query's words it could be. */
  readonly bits: (stem: number) => number;
  /** Whether stems seen together could make a hit of some part. */
  readonly enough: (seen: number) => boolean;
}

/** Worked out once per parsed query: a search asks for the same query's hits in up to 200 passages. */
const byTree = new WeakMap<QueryNode, QueryStems>();

/**
 * The stems of the query's positive parts, one bit each: a word's stems share one, each word
 * of a phrase has its own (past 31 bits they share the last, which only analyses more).
 */
function queryStems(tree: QueryNode): QueryStems {
  const known = byTree.get(tree);
  if (known) return known;
  const byStem = new Map<string, number>();
  const prefixes: [string, number][] = [];
  let next = 0;
  const bit = () => 1 << Math.min(next++, 31);
  const add = (stem: string, b: number) => byStem.set(stem, (byStem.get(stem) ?? 0) | b);
  const build = (node: QueryNode): ((seen: number) => boolean) => {
    switch (node.kind) {
      case 'term': { const b = bit(); node.stems.forEach((s) => add(s, b)); return (seen) => (seen & b) !== 0; }
      case 'prefix': { const b = bit(); prefixes.push([node.prefix, b]); return (seen) => (seen & b) !== 0; }
      case 'phrase': {
        let mask = 0;
        for (const s of node.stems) { const b = bit(); add(s, b); mask |= b; }
        return (seen) => (seen & mask) === mask;
      }
      case 'not': return () => false;
      // matchSpans takes the hits of every part of AND as of OR.
      default: { const parts = node.nodes.map(build); return (seen) => parts.some((part) => part(seen)); }
    }
  };
  const enough = build(tree);
  const ofStem = (stem: string) => prefixes.reduce((b, [prefix, pb]) => (stem.startsWith(prefix) ? b | pb : b), byStem.get(stem) ?? 0);
  // The query's stems by number, in the epoch they were numbered in; with a prefix, every stem's bits as first met.
  let epoch = 0;
  let byNumber = new Map<number, number>();
  // Numbered before a passage is read, and again when a word's stem started the numbering anew (the word's number is of the new epoch).
  const number = () => {
    while (epoch !== stems.epoch) {
      const now = stems.epoch;
      byNumber = new Map([...byStem].map(([s, b]) => [stems.number(s), b]));
      // Numbering the query's own stems may itself have started it anew: then again, in an epoch that has room for them.
      epoch = now;
    }
  };
  const bits = (stem: number): number => {
    number();
    if (prefixes.length === 0) return byNumber.get(stem) ?? 0;
    let found = byNumber.get(stem);
    if (found === undefined) byNumber.set(stem, (found = ofStem(stems.list[stem]!)));
    return found;
  };
  const made = { number, bits, enough };
  byTree.set(tree, made);
  return made;
}
