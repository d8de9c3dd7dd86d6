/** An extract that could illustrate a theme. */
export interface QuoteCandidate {
  readonly id: number;
  readonly documentId: number;
  readonly codeId: number;
  readonly start: number;
  readonly end: number;
  /** Words in the passage (see {@link wordCount}): how it is weighed, before any text is read. */
  readonly words: number;
  readonly informantLabels: readonly string[];
  readonly informantTypes: readonly string[];
}

/** Fewer words than this say nothing on their own in a report ("Kapasitas."): never quoted but as the chosen exemplar. */
export const MIN_QUOTE_WORDS = 3;

/**
 * How well a quote of `words` words (see {@link wordCount}) reads in a report, 0–1: long enough
 * to say something, short enough to read. 0 for fragments of fewer than {@link MIN_QUOTE_WORDS} words.
 */
export function informativeness(words: number): number {
  if (words < MIN_QUOTE_WORDS) return 0;
  if (words < 12) return 0.3 + (words - MIN_QUOTE_WORDS) * 0.07;
  if (words <= 60) return 1;
  if (words <= 150) return 1 - ((words - 60) / 90) * 0.4;
  return 0.5;
}

/** Words as `text.split(/\s+/).filter(Boolean)` counts them, without building the list: every candidate of a report is counted. */
export function wordCount(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = isSpace(text.charCodeAt(i));
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}

/** JavaScript's `\s`. */
function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

const overlaps = (a: QuotedPassage, b: QuotedPassage): boolean => a.documentId === b.documentId && a.start < b.end && b.start < a.end;

/** A passage already quoted elsewhere in the report. */
export interface QuotedPassage {
  readonly documentId: number;
  readonly start: number;
  readonly end: number;
}

/**
 * The quotes a theme's section prints, best first: the researcher's chosen exemplar, then
 * greedily the candidate that adds the most: one from an informant type not yet quoted,
 * then from a new informant or a new code, then the more informative length. Fragments
 * are never picked, and overlapping passages (one sentence under two codes) are quoted
 * once. A passage another section already printed (`used`) or keeps as its own exemplar
 * (`reserved`) is never taken: a quote appears once in the report, not under both a theme
 * and its sub-theme.
 */
export function pickQuotes<Q extends QuoteCandidate>(
  candidates: readonly Q[],
  options: { readonly count: number; readonly exemplarId: number | null; readonly used: readonly QuotedPassage[]; readonly reserved?: ReadonlySet<number> },
): Q[] {
  const chosen: Q[] = [];
  if (options.count <= 0) return chosen;
  // Passages quoted elsewhere, by document: a report of 2,000 quotes checks each candidate against a few, not all.
  const usedIn = new Map<number, QuotedPassage[]>();
  for (const u of options.used) {
    const list = usedIn.get(u.documentId);
    if (list) list.push(u); else usedIn.set(u.documentId, [u]);
  }
  const taken = (c: QuoteCandidate) => usedIn.get(c.documentId)?.some((u) => overlaps(u, c)) ?? false;
  const exemplar = options.exemplarId === null ? undefined : candidates.find((c) => c.id === options.exemplarId);
  if (exemplar && !taken(exemplar)) chosen.push(exemplar);
  const types = new Set(chosen.flatMap((c) => c.informantTypes));
  const informants = new Set(chosen.flatMap((c) => c.informantLabels));
  const codes = new Set(chosen.map((c) => c.codeId));
  // Candidates quoted elsewhere or kept by another section never become free within one call.
  const scores = candidates.map((c) => (options.reserved?.has(c.id) || taken(c) ? 0 : informativeness(c.words)));
  // A chosen quote rules out itself and what overlaps it: marked once as it is chosen, not checked against every chosen quote in every round.
  const rule = (q: QuotedPassage & { readonly id: number }) => {
    for (let i = 0; i < candidates.length; i++) {
      const c = candidates[i]!;
      if (scores[i] !== 0 && (c.id === q.id || overlaps(q, c))) scores[i] = 0;
    }
  };
  for (const q of chosen) rule(q);
  // How many of each candidate's types and informants are not quoted yet, kept as quotes are chosen
  // (a theme of 2,000 candidates is scanned once a quote, and these sets only grow).
  const newTypes = uncovered(candidates, (c) => c.informantTypes, types);
  const newInformants = uncovered(candidates, (c) => c.informantLabels, informants);

  while (chosen.length < options.count) {
    // Best by a new informant type first, then by what else it adds.
    let best = -1;
    let bestType = 0;
    let bestRest = 0;
    for (let i = 0; i < candidates.length; i++) {
      if (scores[i] === 0) continue;
      const type = newTypes.count[i]! > 0 ? 1 : 0;
      if (best >= 0 && type < bestType) continue;
      const rest = (newInformants.count[i]! > 0 ? 0.3 : 0) + (codes.has(candidates[i]!.codeId) ? 0 : 0.2) + scores[i]!;
      if (best < 0 || type > bestType || rest > bestRest) { best = i; bestType = type; bestRest = rest; }
    }
    if (best < 0) break;
    const pick = candidates[best]!;
    chosen.push(pick);
    rule(pick);
    for (const t of pick.informantTypes) newTypes.add(t);
    for (const l of pick.informantLabels) newInformants.add(l);
    codes.add(pick.codeId);
  }
  return chosen;
}

/**
 * For each candidate, how many of its values (types or informants) are not in `seen`; `add` puts
 * a value in `seen` and counts it off every candidate that has it.
 */
function uncovered<Q>(candidates: readonly Q[], values: (c: Q) => readonly string[], seen: Set<string>): { readonly count: Int32Array; readonly add: (value: string) => void } {
  const count = new Int32Array(candidates.length);
  const holders = new Map<string, number[]>();
  candidates.forEach((c, i) => {
    for (const v of new Set(values(c))) {
      if (seen.has(v)) continue;
      count[i]!++;
      const list = holders.get(v);
      if (list) list.push(i); else holders.set(v, [i]);
    }
  });
  return {
    count,
    add: (value) => {
      if (seen.has(value)) return;
      seen.add(value);
      for (const i of holders.get(value) ?? []) count[i]!--;
    },
  };
}

/** Long extracts are cut at a word with the ellipsis academic writing uses, so one extract cannot fill a page. */
export function trimQuote(text: string, maxWords = 120): string {
  const tidy = text.replace(/\r\n?/g, '\n').replace(/[^\S\n]+/g, ' ').replace(/ *\n\s*/g, '\n').trim();
  const words = tidy.split(/(?<=\s)/);
  if (words.length <= maxWords) return tidy;
  return `${words.slice(0, maxWords).join('').trimEnd()} […]`;
}

const OPENERS = '"“„«‘';
const CLOSERS = '"”»’';
/** The closing mark of each opening one. */
const PAIRS: Readonly<Record<string, string>> = { '"': '"', '“': '”', '„': '“', '«': '»', '‘': '’' };

/**
 * A quote in the report's quotation marks, never doubled: a transcript passage that
 * already starts and ends with quotation marks gets none added; one that lost a mark at a
 * cut end gets only the missing one; marks inside a passage that is wrapped become single
 * ones, as nested quotations are written.
 */
export function quoted(text: string): string {
  const first = text.charAt(0);
  const last = text.charAt(text.length - 1);
  const opens = OPENERS.includes(first);
  const closes = text.length > 1 && CLOSERS.includes(last);
  if (opens && closes) return text;
  const inner = text.slice(opens ? 1 : 0);
  // A mark at one end whose partner is missing: the coded range cut the quotation; close it.
  if (opens && !hasCloser(inner, first)) return `${text}${PAIRS[first] ?? '”'}`;
  if (closes && !hasOpener(text.slice(0, -1), last)) return `“${text}`;
  const nested = text.replace(/["“”„]/g, (m) => (m === '”' ? '’' : m === '"' ? '\u2019' : '‘')).replace(/(^|[\s([])\u2019/gu, '$1‘');
  // A nested quotation the coded range cut short is closed before the outer mark.
  const open = (nested.match(/‘/g)?.length ?? 0) > (nested.match(/’(?![\p{L}])/gu)?.length ?? 0);
  return `“${nested}${open ? '’' : ''}”`;
}

const hasCloser = (text: string, opener: string): boolean => text.includes(PAIRS[opener] ?? '”');
const hasOpener = (text: string, closer: string): boolean => (closer === '"' ? text.includes('"') : [...OPENERS].some((o) => PAIRS[o] === closer && text.includes(o)));
