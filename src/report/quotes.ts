/** An extract that could illustrate a theme. */
export interface QuoteCandidate {
  readonly id: number;
  readonly documentId: number;
  readonly codeId: number;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly informantLabels: readonly string[];
  readonly informantTypes: readonly string[];
}

/** Fewer words than this say nothing on their own in a report ("Kapasitas."): never quoted but as the chosen exemplar. */
export const MIN_QUOTE_WORDS = 3;

/**
 * How well a quote reads in a report, 0–1: long enough to say something, short enough to
 * read. 0 for fragments of fewer than {@link MIN_QUOTE_WORDS} words.
 */
export function informativeness(text: string): number {
  const words = text.split(/\s+/).filter(Boolean).length;
  if (words < MIN_QUOTE_WORDS) return 0;
  if (words < 12) return 0.3 + (words - MIN_QUOTE_WORDS) * 0.07;
  if (words <= 60) return 1;
  if (words <= 150) return 1 - ((words - 60) / 90) * 0.4;
  return 0.5;
}

const overlaps = (a: QuoteCandidate, b: QuoteCandidate): boolean => a.documentId === b.documentId && a.start < b.end && b.start < a.end;

/**
 * The quotes a theme's section prints, best first: the researcher's chosen exemplar, then
 * greedily the candidate that adds the most: one from an informant type not yet quoted,
 * then from a new informant or a new code, then the more informative length. Fragments
 * are never picked, and overlapping passages (one sentence under two codes) are
 * quoted once. Quotes another section already printed (`used`) are taken only when nothing
 * else is left, so a parent theme and its sub-themes do not repeat each other.
 */
export function pickQuotes<Q extends QuoteCandidate>(
  candidates: readonly Q[],
  options: { readonly count: number; readonly exemplarId: number | null; readonly used: ReadonlySet<number> },
): Q[] {
  const chosen: Q[] = [];
  if (options.count <= 0) return chosen;
  const exemplar = options.exemplarId === null ? undefined : candidates.find((c) => c.id === options.exemplarId);
  if (exemplar) chosen.push(exemplar);
  const types = new Set(chosen.flatMap((c) => c.informantTypes));
  const informants = new Set(chosen.flatMap((c) => c.informantLabels));
  const codes = new Set(chosen.map((c) => c.codeId));
  const scores = candidates.map((c) => informativeness(c.text));

  for (const allowUsed of [false, true]) {
    while (chosen.length < options.count) {
      let best = -1;
      let bestKey: readonly number[] = [];
      for (let i = 0; i < candidates.length; i++) {
        const c = candidates[i]!;
        if (scores[i] === 0 || (!allowUsed && options.used.has(c.id)) || chosen.some((q) => q.id === c.id || overlaps(q, c))) continue;
        const key = [
          c.informantTypes.some((t) => !types.has(t)) ? 1 : 0,
          (c.informantLabels.some((l) => !informants.has(l)) ? 0.3 : 0) + (codes.has(c.codeId) ? 0 : 0.2) + scores[i]!,
        ];
        if (best < 0 || greater(key, bestKey)) { best = i; bestKey = key; }
      }
      if (best < 0) break;
      const pick = candidates[best]!;
      chosen.push(pick);
      for (const t of pick.informantTypes) types.add(t);
      for (const l of pick.informantLabels) informants.add(l);
      codes.add(pick.codeId);
    }
  }
  return chosen;
}

function greater(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! > b[i]!;
  return false;
}

/** Long extracts are cut at a word with the ellipsis academic writing uses, so one extract cannot fill a page. */
export function trimQuote(text: string, maxWords = 120): string {
  const tidy = text.replace(/\r\n?/g, '\n').replace(/[^\S\n]+/g, ' ').replace(/ *\n\s*/g, '\n').trim();
  const words = tidy.split(/(?<=\s)/);
  if (words.length <= maxWords) return tidy;
  return `${words.slice(0, maxWords).join('').trimEnd()} […]`;
}
