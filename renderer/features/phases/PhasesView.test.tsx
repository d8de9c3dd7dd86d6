// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PHASE_CHECKLISTS } from '../../../src/domain/phases';
import type { PhaseCheck } from '../../../src/domain/types';
import { installStandInBridge } from '../../test-support/stand-in-bridge';

let phase = 3;
let checks: PhaseCheck[] = [{ phase: 3, item: 'cluster', doneAt: '2025-03-15T09:30:00Z', by: 'Rina' }];
const calls: { name: string; args: Record<string, unknown> }[] = [];

function handle(name: string, args: Record<string, unknown>): unknown {
  switch (name) {
    case 'app.info': return { host: 'browser', dialogs: false, sampleAvailable: true, recent: [], projectPath: '/tmp/x.tematik', version: '0' };
    case 'project.info': return { name: 'Studi', description: '', phase, createdAt: '', schemaVersion: 1, path: '/tmp/x.tematik' };
    case 'history.state': return { undo: null, redo: null };
    case 'phases.checks': return checks;
    case 'phases.check': {
      const { phase: p, item, done } = args as { phase: 1; item: string; done: boolean };
      checks = checks.filter((c) => !(c.phase === p && c.item === item));
      if (done) checks.push({ phase: p, item, doneAt: '2025-03-16T10:00:00Z', by: 'Dewi' });
      return checks;
    }
    case 'project.setPhase': phase = args['phase'] as number; return handle('project.info', {});
    case 'documents.list': return [{ id: 7, title: 'P-01_fashion', informantIds: [1] }];
    case 'themes.list': return [
      { id: 5, name: 'Dibuang', status: 'discarded', definition: '', scope: '', convergence: null },
      { id: 6, name: 'Pelanggan sebagai co-kreator', status: 'candidate', definition: '', scope: '', convergence: null },
    ];
    case 'project.stats': return { documents: 11, words: 8394, codes: 15, codings: 245 };
    case 'codes.unthemed': return [{ id: 1 }, { id: 2 }];
    default: return null;
  }
}

let PhasesView: typeof import('./PhasesView').PhasesView;
let state: typeof import('../../lib/state');
let I18nProvider: typeof import('../../i18n/i18n').I18nProvider;
let TeamContext: typeof import('../../lib/team-context').TeamContext;

beforeAll(async () => {
  installStandInBridge((name, args) => handle(name, args), { record: calls });
  ({ PhasesView } = await import('./PhasesView'));
  state = await import('../../lib/state');
  ({ I18nProvider } = await import('../../i18n/i18n'));
  ({ TeamContext } = await import('../../lib/team-context'));
});
beforeEach(() => {
  calls.length = 0;
  phase = 3;
  checks = [{ phase: 3, item: 'cluster', doneAt: '2025-03-15T09:30:00Z', by: 'Rina' }];
});
afterEach(cleanup);

function RouteProbe() {
  return <output data-testid="route">{JSON.stringify(state.useProject().route)}</output>;
}

async function renderView(language: 'en' | 'id' = 'en', role?: 'coder' | 'reviewer') {
  const view = <I18nProvider language={language}><state.ProjectProvider><PhasesView /><RouteProbe /></state.ProjectProvider></I18nProvider>;
  // A team server's page: who is logged in, and their role in the open project.
  const team = role && { user: { login: 'sari', name: 'Sari' }, project: { id: 1, name: 'Studi', role }, leave: () => undefined, logOut: () => undefined };
  render(team ? <TeamContext.Provider value={team}>{view}</TeamContext.Provider> : view);
  await waitFor(() => expect(screen.getAllByTestId('phase-step')).toHaveLength(6));
  await waitFor(() => expect(screen.getAllByTestId('phase-check').length).toBeGreaterThan(0));
}
const step = (n: number) => within(document.querySelector<HTMLElement>(`[data-testid=phase-step][data-phase="${n}"]`)!);

describe('PhasesView', () => {
  it('opens only the current phase, with its checklist in the interface language and who ticked what', async () => {
    await renderView('id');
    expect(document.querySelector('[data-testid=phase-step][aria-current=step]')?.getAttribute('data-phase')).toBe('3');
    const items = step(3).getAllByTestId('phase-check') as HTMLInputElement[];
    expect(items.map((i) => i.dataset.item)).toEqual(PHASE_CHECKLISTS[3].map((i) => i.key));
    expect(step(3).getByText(PHASE_CHECKLISTS[3][0]!.id)).toBeTruthy();
    // Who ticked what arrives with its own query, after the checklist.
    await waitFor(() => expect((step(3).getAllByTestId('phase-check')[0] as HTMLInputElement).checked).toBe(true));
    expect(step(3).getByTestId('phase-check-by').textContent).toContain('Rina');
    expect(step(2).queryAllByTestId('phase-check')).toHaveLength(0);
    expect(step(3).getByText('1 tema · 2 kode di luar tema')).toBeTruthy();
  });

  it('ticks and unticks an item through phases.check', async () => {
    await renderView();
    const item = step(3).getAllByTestId('phase-check')[1] as HTMLInputElement;
    fireEvent.click(item);
    expect(item.checked).toBe(true);
    await waitFor(() => expect(step(3).getAllByTestId('phase-check-by')).toHaveLength(2));
    expect(calls.find((c) => c.name === 'phases.check')?.args).toEqual({ phase: 3, item: 'organising-concept', done: true });
    fireEvent.click(step(3).getAllByTestId('phase-check')[0]!);
    await waitFor(() => expect(calls.filter((c) => c.name === 'phases.check')[1]?.args).toEqual({ phase: 3, item: 'cluster', done: false }));
  });

  it('shows a reviewer of a team project the checklist and who ticked what, with nothing to tick and no phase to move to', async () => {
    await renderView('en', 'reviewer');
    await waitFor(() => expect(step(3).getByTestId('phase-check-by').textContent).toContain('Rina'));
    const items = step(3).getAllByTestId('phase-check') as HTMLInputElement[];
    expect(items.every((i) => i.disabled)).toBe(true);
    expect(items[0]!.checked).toBe(true);
    fireEvent.click(step(4).getByTestId('phase-toggle'));
    expect(step(4).queryByTestId('phase-move')).toBeNull();
    expect(step(4).queryByTestId('phase-note')).toBeNull();
    // Opening the view a phase suits is reading: still offered.
    fireEvent.click(step(4).getByTestId('phase-open-view'));
    expect(JSON.parse(screen.getByTestId('route').textContent!)).toEqual({ view: 'theme', themeId: 6 });
  });

  it('offers a coder of a team project the ticks and the move, as on the desktop', async () => {
    await renderView('en', 'coder');
    expect((step(3).getAllByTestId('phase-check') as HTMLInputElement[]).some((i) => i.disabled)).toBe(false);
    fireEvent.click(step(4).getByTestId('phase-toggle'));
    expect(step(4).getByTestId('phase-move')).toBeTruthy();
  });

  it('opens the view that suits each phase', async () => {
    await renderView();
    fireEvent.click(step(3).getByTestId('phase-open-view'));
    expect(JSON.parse(screen.getByTestId('route').textContent!)).toEqual({ view: 'themes' });
    fireEvent.click(step(4).getByTestId('phase-toggle'));
    expect(step(4).getByTestId('phase-open-view').textContent).toContain('Pelanggan sebagai co-kreator');
    fireEvent.click(step(4).getByTestId('phase-open-view'));
    expect(JSON.parse(screen.getByTestId('route').textContent!)).toEqual({ view: 'theme', themeId: 6 });
    fireEvent.click(step(1).getByTestId('phase-toggle'));
    fireEvent.click(step(1).getByTestId('phase-open-view'));
    expect(JSON.parse(screen.getByTestId('route').textContent!)).toEqual({ view: 'document', documentId: 7 });
  });

  it('moves to another phase with a note for the journal, then opens the new current phase', async () => {
    await renderView();
    expect(step(3).queryByTestId('phase-move')).toBeNull();
    fireEvent.click(step(4).getByTestId('phase-toggle'));
    expect(step(4).getByText('The move is recorded in the reflexive journal, with your note.')).toBeTruthy();
    fireEvent.change(step(4).getByTestId('phase-note'), { target: { value: '  Semua kode sudah masuk tema.  ' } });
    fireEvent.click(step(4).getByTestId('phase-move'));
    await waitFor(() => expect(calls.find((c) => c.name === 'project.setPhase')?.args).toEqual({ phase: 4, note: 'Semua kode sudah masuk tema.' }));
    await waitFor(() => expect(document.querySelector('[data-testid=phase-step][aria-current=step]')?.getAttribute('data-phase')).toBe('4'));
    expect(step(3).queryAllByTestId('phase-check')).toHaveLength(0);
    expect(step(2).getByTestId('phase-toggle').textContent).toContain('Generating initial codes');
    fireEvent.click(step(2).getByTestId('phase-toggle'));
    expect(step(2).getByTestId('phase-move').textContent).toBe('Go back to phase 2');
  });
});
