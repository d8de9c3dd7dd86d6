import { COMPOUNDS, SPACED_JOIN_PREFIXES } from './normalise';
import { matchSpans, type QueryNode } from './query';
import { stemTerm } from './stem';
import { analyse } from './tokens';
import { formStem, formTerm, letterRunSlot, makeRoomForForms } from './word-forms';

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
 * stemmed as the word alone: its stems are looked up in the word-form table. Any other sentence
 * (digits, hyphens, apostrophes, other scripts) could hold any stem. Adjacent sentences holding
 * query stems are analysed together, so that a phrase can span the cut, and only when they hold
 * every word of a phrase or one of a word's forms.
 */
export function hitSpans(passage: string, tree: QueryNode): [number, number][] {
  const wants = queryStems(tree);
  const spans: [number, number][] = [];
  let runStart = -1;
  let runEnd = -1;
  let runSeen = 0;
  const flush = () => {
    if (runStart < 0) return;
    if (wants.enough(runSeen)) {
      const tokens = analyse(passage.slice(runStart, runEnd));
      let last = -1;
      for (const [first, lastToken] of matchSpans(tree, tokens.map((t) => t.stem)).sort((a, b) => a[0] - b[0])) {
        if (first <= last) continue;
        last = lastToken;
        spans.push([runStart + tokens[first]!.start, runStart + tokens[lastToken]!.end]);
      }
    }
    runStart = -1;
    runSeen = 0;
  };
  makeRoomForForms();
  const n = passage.length;
  for (let from = 0; from < n;) {
    let seen = 0;
    let i = from;
    // One sentence: up to and including its cut.
    for (; i < n; i++) {
      const c = passage.charCodeAt(i);
      if (c === 0x0a) { i++; break; }
      if (isCut(c) && i + 1 < n && isSpace(passage.charCodeAt(i + 1))) { i++; break; }
      if (seen === ANY) continue;
      if (c >= 0x80 || (c >= 0x30 && c <= 0x39) || c === 0x27 || c === 0x2d) { seen = ANY; continue; }
      const lower = c | 0x20;
      if (lower < 0x61 || lower > 0x7a) continue;
      const start = i;
      for (; i < n; i++) {
        const d = passage.charCodeAt(i) | 0x20;
        if (d < 0x61 || d > 0x7a) break;
      }
      const slot = letterRunSlot(passage, start, i);
      const term = slot >= 0 ? formTerm(slot) : passage.slice(start, i).toLowerCase();
      seen |= STARTS_JOINED.has(term) ? ANY : wants.bits(slot >= 0 ? formStem(slot) : stemTerm(term));
      i--;
    }
    if (seen !== 0) {
      if (runStart < 0) runStart = from;
      runEnd = i;
      runSeen |= seen;
    } else flush();
    from = i;
  }
  flush();
  return spans;
}

/** Sentence punctuation: never inside a word when a space follows. */
const isCut = (c: number): boolean => c === 0x2e || c === 0x2c || c === 0x3f || c === 0x21 || c === 0x3b || c === 0x3a;
const isSpace = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;

/** Every bit: a stretch whose stems are not known could hold any. */
const ANY = -1;

/**
 * The stems of the query's positive parts, one bit each: a word's stems share one, each word
 * of a phrase has its own (past 31 bits they share the last, which only analyses more).
 * `enough` tells whether stems seen together could make a hit of some part.
 */
function queryStems(tree: QueryNode): { bits: (stem: string) => number; enough: (seen: number) => boolean } {
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
  const bits = prefixes.length === 0 ? (stem: string) => byStem.get(stem) ?? 0
    : (stem: string) => prefixes.reduce((b, [prefix, pb]) => (stem.startsWith(prefix) ? b | pb : b), byStem.get(stem) ?? 0);
  return { bits, enough };
}
