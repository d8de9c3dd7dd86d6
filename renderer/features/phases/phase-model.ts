import type { ThemeId } from '../../../src/domain/ids';
import { PHASE_CHECKLISTS, type ChecklistItem } from '../../../src/domain/phases';
import type { DocumentSummary, Phase, PhaseCheck, Theme } from '../../../src/domain/types';
import type { Route } from '../../lib/state';

/** The view that suits a phase, and what the button opening it should say. */
export type PhaseTarget =
  | { readonly kind: 'document'; readonly route: Route; readonly title: string }
  | { readonly kind: 'home'; readonly route: Route }
  | { readonly kind: 'themes'; readonly route: Route }
  | { readonly kind: 'review' | 'define'; readonly route: Route; readonly name: string }
  | { readonly kind: 'triangulation'; readonly route: Route };

/**
 * Where each phase's work happens:
 * 1 the first transcript (to read), or home when there is none;
 * 2 the transcripts, listed at home;
 * 3 the themes board;
 * 4 the review of the first theme still in play, or the board when there is none;
 * 5 the first theme still missing a definition or scope (else the first theme), or the board;
 * 6 triangulation, the table the report leans on (until a report export exists).
 */
export function viewForPhase(phase: Phase, documents: readonly DocumentSummary[], themes: readonly Theme[]): PhaseTarget {
  const live = themes.filter((theme) => theme.status !== 'discarded');
  const theme = (t: Theme): Route => ({ view: 'theme', themeId: t.id as ThemeId });
  switch (phase) {
    case 1: {
      const first = documents[0];
      return first ? { kind: 'document', route: { view: 'document', documentId: first.id }, title: first.title } : { kind: 'home', route: { view: 'home' } };
    }
    case 2:
      return { kind: 'home', route: { view: 'home' } };
    case 3:
      return { kind: 'themes', route: { view: 'themes' } };
    case 4: {
      const first = live[0];
      return first ? { kind: 'review', route: theme(first), name: first.name } : { kind: 'themes', route: { view: 'themes' } };
    }
    case 5: {
      const first = live.find((t) => !t.definition.trim() || !t.scope.trim()) ?? live[0];
      return first ? { kind: 'define', route: theme(first), name: first.name } : { kind: 'themes', route: { view: 'themes' } };
    }
    case 6:
      return { kind: 'triangulation', route: { view: 'triangulation' } };
  }
}

/** One checklist item with who ticked it and when, if it is ticked. */
export interface ChecklistRow {
  readonly item: ChecklistItem;
  readonly check: PhaseCheck | null;
}

export function checklist(phase: Phase, checks: readonly PhaseCheck[]): readonly ChecklistRow[] {
  const byItem = new Map(checks.filter((c) => c.phase === phase).map((c) => [c.item, c]));
  return PHASE_CHECKLISTS[phase].map((item) => ({ item, check: byItem.get(item.key) ?? null }));
}

/** Ticked items of a phase's own checklist (a tick on an item no longer in the list does not count). */
export function checklistProgress(phase: Phase, checks: readonly PhaseCheck[]): { readonly done: number; readonly total: number } {
  const rows = checklist(phase, checks);
  return { done: rows.filter((row) => row.check !== null).length, total: rows.length };
}

/** A phase's place relative to the current one, for the stepper's look. */
export function phaseState(phase: Phase, current: Phase): 'done' | 'current' | 'ahead' {
  return phase === current ? 'current' : phase < current ? 'done' : 'ahead';
}

/** Counts that orient the researcher in a phase (what there is to work on), never a score. */
export type PhaseFact =
  | { readonly key: 'documents'; readonly documents: number; readonly words: number }
  | { readonly key: 'codes'; readonly codes: number; readonly codings: number }
  | { readonly key: 'themes'; readonly themes: number; readonly unthemed: number }
  | { readonly key: 'reviewed' | 'defined' | 'judged'; readonly done: number; readonly of: number };

export function phaseFact(
  phase: Phase,
  stats: { readonly documents: number; readonly words: number; readonly codes: number; readonly codings: number },
  themes: readonly Theme[],
  unthemed: number,
): PhaseFact {
  const live = themes.filter((theme) => theme.status !== 'discarded');
  switch (phase) {
    case 1: return { key: 'documents', documents: stats.documents, words: stats.words };
    case 2: return { key: 'codes', codes: stats.codes, codings: stats.codings };
    case 3: return { key: 'themes', themes: live.length, unthemed };
    case 4: return { key: 'reviewed', done: live.filter((t) => t.status === 'reviewed' || t.status === 'defined').length, of: live.length };
    case 5: return { key: 'defined', done: live.filter((t) => t.status === 'defined').length, of: live.length };
    case 6: return { key: 'judged', done: live.filter((t) => t.convergence !== null).length, of: live.length };
  }
}
