// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { BackupEntry } from '../../../src/domain/types';
import { installStandInBridge, type BridgeCall } from '../../test-support/stand-in-bridge';

const PROJECT = '/home/rina/studi.tematik';
const FOLDER = `${PROJECT}-backups`;
const entry = (id: string, kind: BackupEntry['kind'], createdAt: string, more: Partial<BackupEntry> = {}): BackupEntry => ({
  id, path: `${FOLDER}/${id}`, kind, createdAt, bytes: 540_672, projectName: 'Studi', schemaVersion: 5, documents: 11, codings: 240, problem: null, ...more,
});
const BACKUPS = [
  entry('studi.2026-12-06T14-05-00Z.manual.tematik-backup', 'manual', new Date(2026, 11, 6, 21, 5).toISOString()),
  entry('studi.2026-12-05T01-00-00Z.daily.tematik-backup', 'daily', new Date(2026, 11, 5, 8, 0).toISOString(), {
    schemaVersion: 6, problem: { en: 'It was made by a newer version of Tematik.', id: 'Cadangan ini dibuat oleh Tematik versi yang lebih baru.' },
  }),
  entry('studi.2026-12-01T02-00-00Z.migration.tematik-backup', 'migration', new Date(2026, 11, 1, 9, 0).toISOString(), { documents: 3, codings: 12 }),
];

const calls: BridgeCall[] = [];
let backups: BackupEntry[] = [];
let restoreAnswer: unknown = null;

function handle(name: string): unknown {
  switch (name) {
    case 'app.info': return { host: 'electron', dialogs: true, sampleAvailable: false, projectPath: PROJECT, version: '0', recent: [] };
    case 'project.info': return { name: 'Studi', description: '', phase: 2, createdAt: '', schemaVersion: 5, path: PROJECT, readOnly: null, notices: [] };
    case 'history.state': return { undo: null, redo: null };
    case 'backup.list': return { projectPath: PROJECT, folder: FOLDER, backups };
    case 'backup.create': {
      const made = entry('studi.2026-12-07T01-00-00Z.manual.tematik-backup', 'manual', new Date(2026, 11, 7, 8, 0).toISOString());
      backups = [made, ...backups];
      return made;
    }
    case 'backup.restore': return restoreAnswer;
    default: return null;
  }
}

let BackupDialog: typeof import('./BackupDialog').BackupDialog;
let state: typeof import('../../lib/state');
let I18nProvider: typeof import('../../i18n/i18n').I18nProvider;

beforeAll(async () => {
  installStandInBridge((name) => handle(name), { record: calls, ignore: /^(app\.info|project\.info|history\.state|backup\.list)$/ });
  ({ BackupDialog } = await import('./BackupDialog'));
  state = await import('../../lib/state');
  ({ I18nProvider } = await import('../../i18n/i18n'));
});
beforeEach(() => {
  calls.length = 0;
  backups = [...BACKUPS];
  restoreAnswer = { name: 'Studi', description: '', phase: 2, createdAt: '', schemaVersion: 5, path: PROJECT, readOnly: null, notices: [{ en: 'Restored "Studi".', id: '"Studi" dipulihkan.' }] };
});
afterEach(cleanup);

let closed = 0;
function show(language: 'en' | 'id' = 'en') {
  closed = 0;
  render(<I18nProvider language={language}><state.ProjectProvider><BackupDialog projectPath={PROJECT} onClose={() => { closed++; }} /></state.ProjectProvider></I18nProvider>);
}
const rows = () => screen.getAllByTestId('backup-row');

describe('the backup dialog', () => {
  it('lists the backups newest first with their date, kind and counts, in Indonesian', async () => {
    show('id');
    await screen.findByTestId('backup-table');
    expect(rows().map((r) => [...r.querySelectorAll('td')].slice(0, 5).map((c) => c.textContent))).toEqual([
      ['6 Des 2026, 21.05', 'Dicadangkan manual', '11', '240', '528 KB'],
      ['5 Des 2026, 08.00', 'HarianCadangan ini dibuat oleh Tematik versi yang lebih baru.', '11', '240', '528 KB'],
      ['1 Des 2026, 09.00', 'Sebelum pembaruan format', '3', '12', '528 KB'],
    ]);
    expect(screen.getByText(`Cadangan studi.tematik disimpan di ${FOLDER}.`)).toBeTruthy();
    // A backup this version cannot restore says why, and offers no Restore.
    expect(within(rows()[1]!).getByTestId('backup-restore').hasAttribute('disabled')).toBe(true);
    expect(within(rows()[0]!).getByRole('button', { name: 'Pulihkan cadangan 6 Des 2026, 21.05' })).toBeTruthy();
  });

  it('backs up now and shows the new backup at the top', async () => {
    show();
    await screen.findByTestId('backup-table');
    // The button waits for the open project's state, which may come after the backup list.
    fireEvent.click(await screen.findByTestId('backup-now'));
    await waitFor(() => expect(rows()).toHaveLength(4));
    expect(calls).toEqual([{ name: 'backup.create', args: {} }]);
    expect(rows()[0]!.textContent).toMatch(/Backed up by hand/);
  });

  it('asks before restoring, saying the current file is kept too; Back changes nothing, Restore restores and closes', async () => {
    show();
    await screen.findByTestId('backup-table');
    fireEvent.click(within(rows()[2]!).getByTestId('backup-restore'));
    const confirm = await screen.findByTestId('restore-confirm');
    expect(confirm.textContent).toMatch(/The project will be replaced by this backup \(3 transcripts, 12 codings\)/);
    expect(confirm.textContent).toMatch(/The current file is kept as a backup too/);
    fireEvent.click(within(confirm).getByText('Back'));
    await screen.findByTestId('backup-table');
    expect(calls).toEqual([]);

    fireEvent.click(within(rows()[2]!).getByTestId('backup-restore'));
    fireEvent.click(await screen.findByTestId('restore-confirm-button'));
    await waitFor(() => expect(closed).toBe(1));
    expect(calls).toEqual([{ name: 'backup.restore', args: { backup: BACKUPS[2]!.id, path: PROJECT } }]);
  });

  it('shows why a restore was refused and stays open', async () => {
    restoreAnswer = { ok: false, error: { kind: 'busy', message: 'studi.tematik is open in another Tematik window or program.' } };
    show();
    await screen.findByTestId('backup-table');
    fireEvent.click(within(rows()[0]!).getByTestId('backup-restore'));
    fireEvent.click(await screen.findByTestId('restore-confirm-button'));
    expect((await screen.findByRole('alert')).textContent).toBe('studi.tematik is open in another Tematik window or program.');
    expect(screen.getByTestId('backup-dialog')).toBeTruthy();
    expect(closed).toBe(0);
  });
});
