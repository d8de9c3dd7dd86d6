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
 * stemmed as the word alone: its stems are looked up in the word-form table, and the sentence
 * is skipped when none could match. Any other sentence (digits, hyphens, apostrophes, other
 * scripts) is analysed. Adjacent sentences are analysed together, so a phrase can span the cut.
 */
export function hitSpans(passage: string, tree: QueryNode): [number, number][] {
  const could = stemTest(tree);
  const spans: [number, number][] = [];
  let runStart = -1;
  let runEnd = -1;
  const flush = () => {
    if (runStart < 0) return;
    const text = passage.slice(runStart, runEnd);
    const tokens = analyse(text);
    let last = -1;
    for (const [first, lastToken] of matchSpans(tree, tokens.map((t) => t.stem)).sort((a, b) => a[0] - b[0])) {
      if (first <= last) continue;
      last = lastToken;
      spans.push([runStart + tokens[first]!.start, runStart + tokens[lastToken]!.end]);
    }
    runStart = -1;
  };
  makeRoomForForms();
  const n = passage.length;
  for (let from = 0; from < n;) {
    let wanted = false;
    let i = from;
    // One sentence: up to and including its cut.
    for (; i < n; i++) {
      const c = passage.charCodeAt(i);
      if (c === 0x0a) { i++; break; }
      if (isCut(c) && i + 1 < n && isSpace(passage.charCodeAt(i + 1))) { i++; break; }
      if (wanted) continue;
      if (c >= 0x80 || (c >= 0x30 && c <= 0x39) || c === 0x27 || c === 0x2d) { wanted = true; continue; }
      const lower = c | 0x20;
      if (lower < 0x61 || lower > 0x7a) continue;
      const start = i;
      for (; i < n; i++) {
        const d = passage.charCodeAt(i) | 0x20;
        if (d < 0x61 || d > 0x7a) break;
      }
      const slot = letterRunSlot(passage, start, i);
      const term = slot >= 0 ? formTerm(slot) : passage.slice(start, i).toLowerCase();
      wanted = could(slot >= 0 ? formStem(slot) : stemTerm(term)) || STARTS_JOINED.has(term);
      i--;
    }
    if (wanted) {
      if (runStart < 0) runStart = from;
      runEnd = i;
    } else flush();
    from = i;
  }
  flush();
  return spans;
}

/** Sentence punctuation: never inside a word when a space follows. */
const isCut = (c: number): boolean => c === 0x2e || c === 0x2c || c === 0x3f || c === 0x21 || c === 0x3b || c === 0x3a;
const isSpace = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;

/** Whether a token with this stem could be part of a hit: every stem a positive part of the query matches. */
function stemTest(tree: QueryNode): (stem: string) => boolean {
  const stems = new Set<string>();
  const prefixes: string[] = [];
  const collect = (node: QueryNode): void => {
    if (node.kind === 'term' || node.kind === 'phrase') node.stems.forEach((s) => stems.add(s));
    else if (node.kind === 'prefix') prefixes.push(node.prefix);
    else if (node.kind === 'and' || node.kind === 'or') node.nodes.forEach(collect);
  };
  collect(tree);
  return prefixes.length === 0 ? (stem) => stems.has(stem) : (stem) => stems.has(stem) || prefixes.some((p) => stem.startsWith(p));
}
