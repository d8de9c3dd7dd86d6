import type { CodeId, CodingId } from '../../../src/domain/ids';
import type { Comment, Convergence, Extract, ThemeReview, TriangulationMatrix } from '../../../src/domain/types';

type Groups = ThemeReview['groups'];

/** Each extract once: a group interview lists the same extract under each of its informants. */
export function uniqueExtracts(groups: Groups): Extract[] {
  const seen = new Map<CodingId, Extract>();
  for (const group of groups) for (const informant of group.informants) for (const e of informant.extracts) if (!seen.has(e.id)) seen.set(e.id, e);
  return [...seen.values()];
}

export function findExtract(groups: Groups, id: CodingId | null): Extract | undefined {
  if (id === null) return undefined;
  for (const group of groups) for (const informant of group.informants) for (const e of informant.extracts) if (e.id === id) return e;
  return undefined;
}

/** The groups with only the extracts of one code (null: all), dropping informants and types left empty. */
export function filterGroups(groups: Groups, codeId: CodeId | null): Groups {
  if (codeId === null) return groups;
  return groups
    .map((g) => ({ type: g.type, informants: g.informants.map((i) => ({ label: i.label, extracts: i.extracts.filter((e) => e.codeId === codeId) })).filter((i) => i.extracts.length > 0) }))
    .filter((g) => g.informants.length > 0);
}

/** One coded passage and every coding of the theme on exactly that range (two codes on one sentence are one card). */
export interface Passage {
  readonly extract: Extract;
  readonly codings: readonly Extract[];
}

export function passages(extracts: readonly Extract[]): Passage[] {
  const byRange = new Map<string, Extract[]>();
  for (const e of extracts) {
    const key = `${e.documentId}:${e.start}:${e.end}`;
    const list = byRange.get(key);
    if (list) list.push(e);
    else byRange.set(key, [e]);
  }
  return [...byRange.values()].map((codings) => ({ extract: codings[0]!, codings }));
}

export interface SupportRow {
  readonly type: string;
  readonly colour: string;
  readonly informants: number;
  readonly totalInformants: number;
  readonly extracts: number;
  /** Informants of the type not interviewed (yet): listed apart, never counted. */
  readonly notInterviewed: readonly string[];
  /** Share of the type's interviewed informants who support the theme (0–1). */
  readonly share: number;
  /** At least one informant of the type was interviewed. */
  readonly heard: boolean;
  /** A type with informants but nothing on this theme: a finding to interpret, not a gap to hide. */
  readonly silent: boolean;
}

export function supportRows(support: ThemeReview['support']): SupportRow[] {
  return support.map((s) => ({
    ...s,
    share: s.totalInformants > 0 ? s.informants / s.totalInformants : 0,
    heard: s.totalInformants > 0,
    // Silence means "interviewed, did not raise it": a type nobody was interviewed from is not silent.
    silent: s.totalInformants > 0 && s.extracts === 0,
  }));
}

export interface Suggestion {
  readonly judgement: Convergence;
  readonly silent: readonly string[];
  readonly spread: readonly { readonly label: string; readonly share: number; readonly informants: number }[];
}

/** This theme's row of the triangulation matrix, as the convergence panel shows it; undefined until it loads. */
export function suggestionFor(matrix: TriangulationMatrix | undefined, themeId: number): Suggestion | undefined {
  const row = matrix?.rows.find((r) => r.kind === 'theme' && r.id === themeId);
  if (!matrix || !row) return undefined;
  return {
    judgement: row.suggestion.judgement,
    silent: row.suggestion.silent,
    spread: matrix.columns.map((c, i) => ({ label: c.label, share: row.suggestion.spread[i] ?? 0, informants: c.informants })),
  };
}

/** Open comments first in the order written; resolved ones apart (collapsed in the thread). */
export function partitionComments(comments: readonly Comment[]): { open: Comment[]; resolved: Comment[] } {
  const byTime = [...comments].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id - b.id);
  return { open: byTime.filter((c) => c.resolvedAt === null), resolved: byTime.filter((c) => c.resolvedAt !== null) };
}

/** The neighbours of a theme in reading order, for previous/next. */
export function neighbours<T extends { readonly id: number }>(list: readonly T[], id: number): { previous: T | undefined; next: T | undefined } {
  const at = list.findIndex((t) => t.id === id);
  if (at < 0) return { previous: undefined, next: undefined };
  return { previous: list[at - 1], next: list[at + 1] };
}
