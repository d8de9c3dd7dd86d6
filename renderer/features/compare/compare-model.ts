import type { CodeId, CoderId, CodingId } from '../../../src/domain/ids';
import type { Coding } from '../../../src/domain/types';
import type { Ranged, Span } from '../transcript/blocks';

/** How a stretch of text was coded with one code by the two compared coders. */
export type MarkStatus = 'both' | 'first' | 'second';

/** A stretch of one code's coverage: coded by both coders, or by one only. `id` numbers it for segmenting lines. */
export interface Mark extends Ranged {
  readonly codeId: CodeId;
  readonly status: MarkStatus;
}

/**
 * A disagreement: a run of overlapping codings of one code by the two coders (chained: A's
 * overlaps B's, which overlaps A's next …) whose coverage differs somewhere in it, or a coding
 * the other coder has nothing beside.
 */
export interface Disagreement extends Span {
  /** Stable while the codings stay: the sorted ids of its codings. */
  readonly key: string;
  readonly codeId: CodeId;
  readonly first: readonly Coding[];
  readonly second: readonly Coding[];
  /** What only one coder coded, in characters (UTF-16 units), and what both did. */
  readonly onlyFirst: number;
  readonly onlySecond: number;
  readonly both: number;
  /** A consensus coding of the code overlaps it: the team has settled it (codings.resolve). */
  readonly settled: boolean;
}

export interface CodeComparison {
  readonly codeId: CodeId;
  /** Runs of codings where the coders' coverage is the same. */
  readonly agreements: number;
  readonly disagreements: readonly Disagreement[];
}

export interface Comparison {
  /** Every mark of the compared codes, by start. */
  readonly marks: readonly Mark[];
  /** One per compared code that either coder applied in the document, in the order asked. */
  readonly codes: readonly CodeComparison[];
  /** Every disagreement by position. */
  readonly disagreements: readonly Disagreement[];
}

export interface CompareInput {
  readonly codings: readonly Coding[];
  readonly first: CoderId;
  readonly second: CoderId;
  /** The consensus coder, whose codings mark disagreements settled; null while the project has none. */
  readonly consensus: CoderId | null;
  /** The codes compared, in display order. */
  readonly codeIds: readonly CodeId[];
}

/**
 * Compares two coders' codings of one transcript, code by code: the marks to draw (both, first
 * only, second only) and the disagreements to settle. Linear in the codings after sorting, so a
 * long transcript with hundreds of codings is compared in well under a frame.
 */
export function compareCodings({ codings, first, second, consensus, codeIds }: CompareInput): Comparison {
  const wanted = new Set(codeIds);
  const byCode = new Map<CodeId, { ofPair: Coding[]; ofConsensus: Coding[] }>();
  for (const coding of codings) {
    if (!wanted.has(coding.codeId)) continue;
    const isPair = coding.coderId === first || coding.coderId === second;
    if (!isPair && coding.coderId !== consensus) continue;
    let entry = byCode.get(coding.codeId);
    if (!entry) byCode.set(coding.codeId, (entry = { ofPair: [], ofConsensus: [] }));
    (isPair ? entry.ofPair : entry.ofConsensus).push(coding);
  }
  const marks: Mark[] = [];
  const codes: CodeComparison[] = [];
  for (const codeId of codeIds) {
    const entry = byCode.get(codeId);
    if (!entry || entry.ofPair.length === 0) continue;
    const sorted = [...entry.ofPair].sort((a, b) => a.start - b.start || a.end - b.end || a.id - b.id);
    const disagreements: Disagreement[] = [];
    let agreements = 0;
    for (const run of runsOf(sorted)) {
      const pieces = piecesOf(run, first);
      let onlyFirst = 0;
      let onlySecond = 0;
      let both = 0;
      for (const piece of pieces) {
        const size = piece.end - piece.start;
        if (piece.status === 'both') both += size;
        else if (piece.status === 'first') onlyFirst += size;
        else onlySecond += size;
        marks.push({ id: marks.length, start: piece.start, end: piece.end, codeId, status: piece.status });
      }
      if (onlyFirst === 0 && onlySecond === 0) {
        agreements++;
        continue;
      }
      const start = run[0]!.start;
      const end = Math.max(...run.map((c) => c.end));
      disagreements.push({
        key: run.map((c) => c.id).sort((a, b) => a - b).join(','), codeId, start, end,
        first: run.filter((c) => c.coderId === first), second: run.filter((c) => c.coderId === second),
        onlyFirst, onlySecond, both,
        settled: entry.ofConsensus.some((c) => c.start < end && c.end > start),
      });
    }
    codes.push({ codeId, agreements, disagreements });
  }
  marks.sort((a, b) => a.start - b.start || a.end - b.end);
  const all = codes.flatMap((c) => c.disagreements).sort((a, b) => a.start - b.start || a.end - b.end || a.codeId - b.codeId);
  return { marks, codes, disagreements: all };
}

/** Runs of codings that overlap one another (sorted by start); touching ranges do not overlap. */
function runsOf(sorted: readonly Coding[]): Coding[][] {
  const runs: Coding[][] = [];
  let runEnd = -1;
  for (const coding of sorted) {
    const current = runs[runs.length - 1];
    if (current && coding.start < runEnd) {
      current.push(coding);
      runEnd = Math.max(runEnd, coding.end);
    } else {
      runs.push([coding]);
      runEnd = coding.end;
    }
  }
  return runs;
}

/** A run cut where any coding starts or ends; each piece covered by the first coder, the second, or both; neighbours alike joined. */
function piecesOf(run: readonly Coding[], first: CoderId): { start: number; end: number; status: MarkStatus }[] {
  const cuts = [...new Set(run.flatMap((c) => [c.start, c.end]))].sort((a, b) => a - b);
  const pieces: { start: number; end: number; status: MarkStatus }[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const start = cuts[i]!;
    const end = cuts[i + 1]!;
    let byFirst = false;
    let bySecond = false;
    for (const c of run) {
      if (c.start <= start && c.end >= end) {
        if (c.coderId === first) byFirst = true;
        else bySecond = true;
      }
    }
    if (!byFirst && !bySecond) continue;
    const status: MarkStatus = byFirst && bySecond ? 'both' : byFirst ? 'first' : 'second';
    const last = pieces[pieces.length - 1];
    if (last && last.end === start && last.status === status) last.end = end;
    else pieces.push({ start, end, status });
  }
  return pieces;
}

/** How a piece of text covered by some marks is drawn: agreement, one coder only, or both coders one-sidedly (two codes). */
export function pieceStatus(marks: readonly Mark[]): MarkStatus | 'mixed' | null {
  let first = false;
  let second = false;
  let both = false;
  for (const m of marks) {
    if (m.status === 'first') first = true;
    else if (m.status === 'second') second = true;
    else both = true;
  }
  if (first && second) return 'mixed';
  if (first) return 'first';
  if (second) return 'second';
  return both ? 'both' : null;
}

/** The codings a "keep" of the disagreement names: all of both coders'. */
export function codingIdsOf(d: Disagreement): CodingId[] {
  return [...d.first, ...d.second].map((c) => c.id);
}
