// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { installStandInBridge } from '../../test-support/stand-in-bridge';

/** The REFI-QDA mode of the import dialog against a stand-in for the preload bridge. */
interface Call { name: string; args: Record<string, unknown> }
const calls: Call[] = [];

function handle(name: string, args: Record<string, unknown>): { ok: true; value: unknown } | { ok: false; error: unknown } {
  switch (name) {
    case 'app.info': return { ok: true, value: { host: 'electron', dialogs: true, sampleAvailable: true, recent: [], projectPath: '/tmp/x.tematik', version: '0' } };
    case 'project.info': return { ok: true, value: { name: 'Studi', description: '', phase: 2, createdAt: '', schemaVersion: 3, path: '/tmp/x.tematik' } };
    case 'history.state': return { ok: true, value: { undo: null, redo: null } };
    case 'refi.importProject':
      if (String(args['path']).includes('jahat')) {
        return { ok: false, error: { kind: 'invalid_file', message: 'jahat.qdpx was refused: the entry "../../etc/passwd" points outside the archive.', details: [] } };
      }
      return { ok: true, value: {
        imported: [{ file: 'sources/P-01.txt', documentId: 7, title: 'P-01 wawancara', words: 3200, turns: 48, informants: ['P-01'] }],
        failed: [], skipped: [], informantsCreated: ['P-01'], typesCreated: [],
        notes: ['2 sets were not imported: Tematik has no sets.', '1 picture source was skipped.'], codes: 14, codings: 96, memos: 3,
      } };
    case 'refi.importCodebook': return { ok: true, value: { created: 12, existing: 2, notes: [] } };
    default: return { ok: true, value: [] };
  }
}

let ImportDialog: typeof import('./ImportDialog').ImportDialog;
let ProjectProvider: typeof import('../../lib/state').ProjectProvider;
let I18nProvider: typeof import('../../i18n/i18n').I18nProvider;

beforeAll(async () => {
  installStandInBridge((name, args) => handle(name, args), { record: calls, ignore: /\.(list|info|state)$/ });
  ({ ImportDialog } = await import('./ImportDialog'));
  ({ ProjectProvider } = await import('../../lib/state'));
  ({ I18nProvider } = await import('../../i18n/i18n'));
});
beforeEach(() => { calls.length = 0; });
afterEach(cleanup);

async function openRefi(language: 'en' | 'id' = 'en') {
  render(<I18nProvider language={language}><ProjectProvider><ImportDialog onClose={() => undefined} /></ProjectProvider></I18nProvider>);
  fireEvent.click(await screen.findByTestId('import-mode-refi'));
}
const typePath = (path: string) => fireEvent.change(screen.getByTestId('import-refi-path'), { target: { value: path } });

describe('ImportDialog, from another QDA tool', () => {
  it('imports a .qdpx by its typed path (even on the desktop) and reports what came in and what was left out', async () => {
    await openRefi();
    expect(screen.queryByTestId('import-skip-bad')).toBeNull();
    typePath('"/home/rina/dari nvivo/Studi.QDPX"');
    expect(screen.getByTestId('import-refi-kind').textContent).toContain('A project');
    fireEvent.click(screen.getByTestId('import-refi-start'));
    const counts = await screen.findByTestId('import-refi-counts');
    expect(calls).toEqual([{ name: 'refi.importProject', args: { path: '/home/rina/dari nvivo/Studi.QDPX' } }]);
    expect(within(counts).getByTestId('import-refi-count-documents').textContent).toBe('Documents1');
    expect(within(counts).getByTestId('import-refi-count-codings').textContent).toBe('Codings96');
    expect(within(screen.getByTestId('import-report-imported')).getByText('P-01 wawancara')).toBeTruthy();
    expect(within(screen.getByTestId('import-refi-notes')).getAllByRole('listitem').map((li) => li.textContent))
      .toEqual(['2 sets were not imported: Tematik has no sets.', '1 picture source was skipped.']);
    expect(screen.getByTestId('import-done')).toBeTruthy();
  });

  it('imports a .qdc as a codebook', async () => {
    await openRefi();
    typePath('/home/rina/kode.qdc');
    fireEvent.click(screen.getByTestId('import-refi-start'));
    await screen.findByTestId('import-refi-report');
    expect(calls).toEqual([{ name: 'refi.importCodebook', args: { path: '/home/rina/kode.qdc' } }]);
    expect(screen.getByTestId('import-refi-count-created').textContent).toBe('New codes12');
    expect(screen.getByTestId('import-refi-count-existing').textContent).toBe('Already in the codebook2');
    expect(screen.queryByTestId('import-refi-nothing-new')).toBeNull();
    expect(screen.queryByTestId('import-refi-notes')).toBeNull();
  });

  it('shows a refused file inline and keeps the path to fix', async () => {
    await openRefi();
    typePath('/tmp/jahat.qdpx');
    fireEvent.click(screen.getByTestId('import-refi-start'));
    const error = await screen.findByTestId('import-error');
    expect(error.textContent).toContain('points outside the archive');
    expect(error.textContent).not.toContain('Skip files');
    expect((screen.getByTestId('import-refi-path') as HTMLInputElement).value).toBe('/tmp/jahat.qdpx');
    // A new attempt with a path that is not REFI-QDA shows only what is wrong now.
    typePath('/tmp/notes.txt');
    fireEvent.click(screen.getByTestId('import-refi-start'));
    expect(screen.getByTestId('import-missing').textContent).toContain('not a REFI-QDA file');
    expect(screen.queryByTestId('import-error')).toBeNull();
  });

  it('says what is wrong with the path before calling', async () => {
    await openRefi('id');
    fireEvent.click(screen.getByTestId('import-refi-start'));
    expect(screen.getByTestId('import-missing').textContent).toBe('Sebutkan path berkas .qdpx atau .qdc.');
    typePath('/home/rina/P-01.docx');
    fireEvent.click(screen.getByTestId('import-refi-start'));
    await waitFor(() => expect(screen.getByTestId('import-missing').textContent).toContain('bukan berkas REFI-QDA'));
    expect(calls).toEqual([]);
  });
});
