import { describe, expect, it } from 'vitest';
import type { CodeId, DocumentId, InformantId, ThemeId } from '../../../src/domain/ids';
import { PHASE_CHECKLISTS } from '../../../src/domain/phases';
import type { DocumentSummary, PhaseCheck, Theme } from '../../../src/domain/types';
import { checklist, checklistProgress, phaseFact, phaseState, viewForPhase } from './phase-model';

const doc = (id: number, title: string): DocumentSummary => ({
  id: id as DocumentId, title, sourceName: `${title}.docx`, format: 'docx', encoding: 'utf-8', wordCount: 100, charCount: 600, turnCount: 10,
  codingCount: 0, informantIds: [1 as InformantId], importedAt: '2025-01-01T00:00:00Z', contentHash: '0'.repeat(64),
});
const theme = (id: number, name: string, extra: Partial<Theme> = {}): Theme => ({
  id: id as ThemeId, parentId: null, name, definition: '', scope: '', status: 'candidate', colour: '#4e79a7', exemplarCodingId: null,
  codeIds: [1 as CodeId], convergence: null, convergenceReason: '', finding: '', ...extra,
});

describe('viewForPhase', () => {
  const docs = [doc(3, 'A-01'), doc(1, 'K-01')];

  it('opens the first transcript to read in phase 1, or home without any', () => {
    expect(viewForPhase(1, docs, [])).toEqual({ kind: 'document', route: { view: 'document', documentId: 3 }, title: 'A-01' });
    expect(viewForPhase(1, [], [])).toEqual({ kind: 'home', route: { view: 'home' } });
  });

  it('sends coding to the transcripts and theme building to the board', () => {
    expect(viewForPhase(2, docs, []).route).toEqual({ view: 'home' });
    expect(viewForPhase(3, docs, [theme(1, 'T')]).route).toEqual({ view: 'themes' });
  });

  it('reviews the first theme still in play in phase 4, or falls back to the board', () => {
    const themes = [theme(1, 'Dropped', { status: 'discarded' }), theme(2, 'Kept')];
    expect(viewForPhase(4, docs, themes)).toEqual({ kind: 'review', route: { view: 'theme', themeId: 2 }, name: 'Kept' });
    expect(viewForPhase(4, docs, [theme(1, 'Dropped', { status: 'discarded' })]).route).toEqual({ view: 'themes' });
  });

  it('in phase 5 goes to the first theme missing a definition or scope', () => {
    const themes = [theme(1, 'Done', { definition: 'd', scope: 's' }), theme(2, 'No scope', { definition: 'd' }), theme(3, 'Bare')];
    expect(viewForPhase(5, docs, themes)).toMatchObject({ kind: 'define', name: 'No scope' });
    expect(viewForPhase(5, docs, [themes[0]!])).toMatchObject({ kind: 'define', name: 'Done' });
    expect(viewForPhase(5, docs, []).route).toEqual({ view: 'themes' });
  });

  it('shows triangulation for the report', () => {
    expect(viewForPhase(6, docs, []).route).toEqual({ view: 'triangulation' });
  });
});

describe('checklist', () => {
  const checks: PhaseCheck[] = [
    { phase: 2, item: 'inclusive', doneAt: '2025-03-01T10:00:00Z', by: 'Rina' },
    { phase: 3, item: 'inclusive', doneAt: '2025-03-01T10:00:00Z', by: 'Rina' },
    { phase: 2, item: 'gone-from-list', doneAt: '2025-03-01T10:00:00Z', by: 'Rina' },
  ];

  it('lists every item of the phase in order, with its tick when ticked in that phase', () => {
    const rows = checklist(2, checks);
    expect(rows.map((r) => r.item.key)).toEqual(PHASE_CHECKLISTS[2].map((i) => i.key));
    expect(rows.find((r) => r.item.key === 'inclusive')?.check?.by).toBe('Rina');
    expect(rows.filter((r) => r.check !== null)).toHaveLength(1);
  });

  it('counts progress only on the phase’s own items', () => {
    expect(checklistProgress(2, checks)).toEqual({ done: 1, total: PHASE_CHECKLISTS[2].length });
    expect(checklistProgress(1, checks).done).toBe(0);
  });
});

describe('phaseState', () => {
  it('places phases before, at and after the current one', () => {
    expect([1, 3, 5].map((p) => phaseState(p as 1 | 3 | 5, 3))).toEqual(['done', 'current', 'ahead']);
  });
});

describe('phaseFact', () => {
  const stats = { documents: 11, words: 9000, codes: 15, codings: 245 };
  const themes = [
    theme(1, 'A', { status: 'reviewed' }), theme(2, 'B', { status: 'defined', convergence: 'agreement' }),
    theme(3, 'C'), theme(4, 'D', { status: 'discarded', convergence: 'silence' }),
  ];

  it('counts what each phase works on, leaving discarded themes out', () => {
    expect(phaseFact(1, stats, themes, 2)).toEqual({ key: 'documents', documents: 11, words: 9000 });
    expect(phaseFact(2, stats, themes, 2)).toEqual({ key: 'codes', codes: 15, codings: 245 });
    expect(phaseFact(3, stats, themes, 2)).toEqual({ key: 'themes', themes: 3, unthemed: 2 });
    expect(phaseFact(4, stats, themes, 2)).toEqual({ key: 'reviewed', done: 2, of: 3 });
    expect(phaseFact(5, stats, themes, 2)).toEqual({ key: 'defined', done: 1, of: 3 });
    expect(phaseFact(6, stats, themes, 2)).toEqual({ key: 'judged', done: 1, of: 3 });
  });
});
