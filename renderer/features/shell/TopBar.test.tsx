// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { HistoryState } from '../../../src/domain/types';
import { installStandInBridge, type BridgeCall } from '../../test-support/stand-in-bridge';

const applied: HistoryState = { undo: 'Apply code "trust" to P-01', redo: null, undoAction: 'codings.apply', redoAction: null };
const undone: HistoryState = { undo: 'Create code "trust"', redo: 'Apply code "trust" to P-01', undoAction: 'codes.create', redoAction: 'codings.apply' };
let history = applied;
const calls: BridgeCall[] = [];

function handle(name: string): unknown {
  switch (name) {
    case 'app.info': return { host: 'browser', dialogs: false, sampleAvailable: true, recent: [], projectPath: '/tmp/x.tematik', version: '0' };
    case 'project.info': return { name: 'Studi', description: '', phase: 2, createdAt: '', schemaVersion: 5, path: '/tmp/x.tematik', readOnly: null, notices: [] };
    case 'history.state': return history;
    case 'history.undo': history = undone; return history;
    case 'history.redo': history = applied; return history;
    default: return null;
  }
}

let TopBar: typeof import('./TopBar').TopBar;
let Notices: typeof import('./Notices').Notices;
let state: typeof import('../../lib/state');
let I18nProvider: typeof import('../../i18n/i18n').I18nProvider;

beforeAll(async () => {
  installStandInBridge((name) => handle(name), { record: calls, ignore: /^(app\.info|project\.info|history\.state)$/ });
  ({ TopBar } = await import('./TopBar'));
  ({ Notices } = await import('./Notices'));
  state = await import('../../lib/state');
  ({ I18nProvider } = await import('../../i18n/i18n'));
});
beforeEach(() => { history = applied; calls.length = 0; });
afterEach(cleanup);

async function renderBar(language: 'en' | 'id') {
  render(<I18nProvider language={language}><state.ProjectProvider><TopBar onImport={() => undefined} onExport={() => undefined} /><Notices /></state.ProjectProvider></I18nProvider>);
  await waitFor(() => expect(screen.getByTestId('undo')).not.toHaveProperty('disabled', true));
}

describe('undo and redo name the step they replay', () => {
  it('in English: a tooltip before, a notice after, the summary as detail', async () => {
    await renderBar('en');
    expect(screen.getByTestId('undo').title).toBe('Undo: apply a code\nApply code "trust" to P-01');
    expect(screen.getByTestId('redo').title).toBe('Nothing to redo');
    fireEvent.click(screen.getByTestId('undo'));
    await waitFor(() => expect(screen.getByText('Undone: apply a code')).toBeTruthy());
    expect(screen.getByText('Apply code "trust" to P-01')).toBeTruthy();
    expect(calls.map((c) => c.name)).toEqual(['history.undo']);
    await waitFor(() => expect(screen.getByTestId('redo').title).toBe('Redo: apply a code\nApply code "trust" to P-01'));
    expect(screen.getByTestId('undo').title).toBe('Undo: create a code\nCreate code "trust"');
  });

  it('in Indonesian', async () => {
    await renderBar('id');
    expect(screen.getByTestId('undo').title).toBe('Urungkan: menerapkan kode\nApply code "trust" to P-01');
    fireEvent.click(screen.getByTestId('undo'));
    await waitFor(() => expect(screen.getByText('Diurungkan: menerapkan kode')).toBeTruthy());
    await waitFor(() => expect(screen.getByTestId('redo').title).toMatch(/^Ulangi: menerapkan kode/));
    fireEvent.click(screen.getByTestId('redo'));
    await waitFor(() => expect(screen.getByText('Diulangi: menerapkan kode')).toBeTruthy());
  });

  it('an action the table does not know yet still reads as a phrase, never as a raw action name', async () => {
    history = { undo: 'Map speaker "Mas Dimas" to KP-01', redo: null, undoAction: 'speakers.map', redoAction: null };
    await renderBar('id');
    expect(screen.getByTestId('undo').title).toBe('Urungkan: perubahan terakhir\nMap speaker "Mas Dimas" to KP-01');
  });
});
