// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { installStandInBridge, type BridgeCall } from '../../test-support/stand-in-bridge';

let dialogs = true;
let chosen: string[] | null = ['/home/rina/studi-baru.tematik'];
const calls: BridgeCall[] = [];

function handle(name: string): unknown {
  switch (name) {
    case 'app.info': return {
      host: dialogs ? 'electron' : 'browser', dialogs, sampleAvailable: true, projectPath: '/tmp/x.tematik', version: '0',
      recent: [{ path: '/tmp/x.tematik', name: 'Studi', openedAt: '' }, { path: '/tmp/lama.tematik', name: 'Studi lama', openedAt: '' }],
    };
    case 'project.info': return { name: 'Studi', description: '', phase: 2, createdAt: '', schemaVersion: 5, path: '/tmp/x.tematik', readOnly: null, notices: [] };
    case 'history.state': return { undo: null, redo: null };
    case 'app.choosePaths': return chosen;
    default: return null;
  }
}

let ProjectMenu: typeof import('./ProjectMenu').ProjectMenu;
let state: typeof import('../../lib/state');
let I18nProvider: typeof import('../../i18n/i18n').I18nProvider;

beforeAll(async () => {
  installStandInBridge((name) => handle(name), { record: calls, ignore: /^(app\.info|project\.info|history\.state)$/ });
  ({ ProjectMenu } = await import('./ProjectMenu'));
  state = await import('../../lib/state');
  ({ I18nProvider } = await import('../../i18n/i18n'));
});
beforeEach(() => { calls.length = 0; dialogs = true; chosen = ['/home/rina/studi-baru.tematik']; });
afterEach(cleanup);

async function openMenu(language: 'en' | 'id' = 'en') {
  render(<I18nProvider language={language}><state.ProjectProvider><ProjectMenu /></state.ProjectProvider></I18nProvider>);
  fireEvent.click(await screen.findByTestId('project-menu'));
  await screen.findByRole('menu');
}

describe('the project menu', () => {
  it('lists the other recent projects (not the open one) and reopens one', async () => {
    await openMenu();
    const recent = screen.getAllByTestId('menu-recent');
    expect(recent.map((b) => b.textContent)).toEqual(['Studi lama']);
    fireEvent.click(recent[0]!);
    await waitFor(() => expect(calls).toEqual([{ name: 'project.open', args: { path: '/tmp/lama.tematik' } }]));
    expect(screen.queryByRole('menu')).toBeNull();
  });

  it('in the desktop app, asks the native dialog for the new file, then creates it', async () => {
    await openMenu();
    fireEvent.click(screen.getByTestId('menu-new-project'));
    await waitFor(() => expect(calls.map((c) => c.name)).toEqual(['app.choosePaths', 'project.create']));
    expect(calls[0]!.args).toEqual({ kind: 'newProject' });
    expect(calls[1]!.args).toEqual({ path: '/home/rina/studi-baru.tematik' });
    expect(screen.queryByTestId('project-path-dialog')).toBeNull();
  });

  it('does nothing when the native dialog is cancelled', async () => {
    chosen = null;
    await openMenu();
    fireEvent.click(screen.getByTestId('menu-open-project'));
    await waitFor(() => expect(calls.map((c) => c.name)).toEqual(['app.choosePaths']));
    expect(calls[0]!.args).toEqual({ kind: 'openProject' });
  });

  it('in browser mode, asks for a typed path instead, in the interface language', async () => {
    dialogs = false;
    await openMenu('id');
    expect(screen.getByTestId('menu-close-project').textContent).toBe('Tutup proyek');
    fireEvent.click(screen.getByTestId('menu-open-project'));
    await screen.findByTestId('project-path-dialog');
    fireEvent.click(screen.getByTestId('project-path-submit'));
    expect(screen.getByRole('alert').textContent).toBe('Ketik path berkas proyek.');
    fireEvent.change(screen.getByTestId('project-path-input'), { target: { value: '/tmp/lain.tematik' } });
    fireEvent.click(screen.getByTestId('project-path-submit'));
    await waitFor(() => expect(calls).toEqual([{ name: 'project.open', args: { path: '/tmp/lain.tematik' } }]));
    await waitFor(() => expect(screen.queryByTestId('project-path-dialog')).toBeNull());
  });

  it('closes the project and opens either sample', async () => {
    await openMenu();
    fireEvent.click(screen.getByTestId('menu-sample-worked'));
    fireEvent.click(await screen.findByTestId('project-menu'));
    fireEvent.click(await screen.findByTestId('menu-close-project'));
    await waitFor(() => expect(calls).toEqual([{ name: 'app.openSample', args: { variant: 'worked' } }, { name: 'project.close', args: {} }]));
  });
});
