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
    case 'refi.inspectProject':
      if (String(args['path']).includes('jahat')) {
        return { ok: false, error: { kind: 'invalid_file', message: 'jahat.qdpx was refused: the entry "../../etc/passwd" points outside the archive.', details: [] } };
      }
      return { ok: true, value: String(args['path']).includes('tanpa-kasus') ? { ...INSPECTION, counts: { ...INSPECTION.counts, cases: 0, variables: 0 }, variables: [], suggestedTypeVariable: null } : INSPECTION };
    case 'refi.importProject':
      if (args['typeVariable'] === 'Kota') {
        return { ok: false, error: { kind: 'bad_input', message: 'Studi.QDPX has no case variable "Kota" to take the informant types from.', details: [] } };
      }
      return { ok: true, value: {
        imported: [{ file: 'sources/P-01.txt', documentId: 7, title: 'P-01 wawancara', words: 3200, turns: 48, informants: ['P-01'] }],
        failed: [], skipped: [], informantsCreated: ['P-01'], typesCreated: [], codes: 14, codings: 96, memos: 3,
        report: [
          { kind: 'cases', found: 0, imported: 0, skipped: 0, notes: [{ text: { en: 'Informant types were taken from the variable "Sektor".', id: 'Jenis informan diambil dari variabel "Sektor".' }, count: 1, skipped: 0 }] },
          { kind: 'sources', found: 3, imported: 1, skipped: 2, notes: [{ text: { en: 'Skipped a picture source: Tematik codes text only.', id: 'Sumber gambar dilewati: Tematik hanya mengode teks.' }, count: 2, skipped: 2 }] },
        ],
      } };
    case 'refi.importCodebook': return { ok: true, value: { created: 12, existing: 2, report: [] } };
    case 'import.folder': return { ok: true, value: {
      imported: [{ file: 'P-01_fashion.txt', documentId: 8, title: 'P-01_fashion', words: 1200, turns: 30, informants: ['P-01'] }],
      failed: [], skipped: [{ file: 'catatan.pdf', reason: 'not a transcript format Tematik reads (.txt, .md, .docx, .vtt, .srt)' }], informantsCreated: ['P-01'], typesCreated: ['Pemilik UMKM'],
    } };
    default: return { ok: true, value: [] };
  }
}

const INSPECTION = {
  file: 'Studi.QDPX', name: 'Studi kopi', origin: 'NVivo 14', defaultType: 'Imported', suggestedTypeVariable: 'Role',
  counts: { sources: 3, codes: 14, codings: 96, memos: 3, cases: 4, variables: 3 },
  variables: [
    { name: 'Role', type: 'Text', cases: 4, distinct: 3, samples: ['Pemilik UMKM', 'Konsumen', 'Pakar'] },
    { name: 'Sektor', type: 'Text', cases: 3, distinct: 7, samples: ['Fashion', 'Kopi', 'Kriya', 'Kuliner', 'Batik'] },
    { name: 'Kota', type: 'Text', cases: 4, distinct: 2, samples: ['Yogyakarta', 'Solo'] },
  ],
};

let ImportDialog: typeof import('./ImportDialog').ImportDialog;
let ProjectProvider: typeof import('../../lib/state').ProjectProvider;
let I18nProvider: typeof import('../../i18n/i18n').I18nProvider;
let TeamContext: typeof import('../../lib/team-context').TeamContext;

beforeAll(async () => {
  installStandInBridge((name, args) => handle(name, args), { record: calls, ignore: /\.(list|info|state)$/ });
  ({ ImportDialog } = await import('./ImportDialog'));
  ({ ProjectProvider } = await import('../../lib/state'));
  ({ I18nProvider } = await import('../../i18n/i18n'));
  ({ TeamContext } = await import('../../lib/team-context'));
});
beforeEach(() => { calls.length = 0; });
afterEach(cleanup);

async function openRefi(language: 'en' | 'id' = 'en') {
  render(<I18nProvider language={language}><ProjectProvider><ImportDialog onClose={() => undefined} /></ProjectProvider></I18nProvider>);
  fireEvent.click(await screen.findByTestId('import-mode-refi'));
}
const typePath = (path: string) => fireEvent.change(screen.getByTestId('import-refi-path'), { target: { value: path } });

describe('ImportDialog, from another QDA tool', () => {
  it('reads a .qdpx first, shows what it holds and its variables, imports with the chosen one, and reports per kind', async () => {
    await openRefi();
    expect(screen.queryByTestId('import-skip-bad')).toBeNull();
    typePath('"/home/rina/dari nvivo/Studi.QDPX"');
    expect(screen.getByTestId('import-refi-kind').textContent).toContain('A project');
    expect(screen.getByTestId('import-refi-start').textContent).toBe('Next');
    fireEvent.click(screen.getByTestId('import-refi-start'));
    await screen.findByTestId('import-refi-type-choice');
    expect(calls).toEqual([{ name: 'refi.inspectProject', args: { path: '/home/rina/dari nvivo/Studi.QDPX' } }]);
    expect(screen.getByTestId('import-refi-holds-cases').textContent).toBe('Cases4');
    const options = screen.getAllByTestId('import-refi-type-option');
    expect(options.map((o) => o.dataset['variable'])).toEqual(['Role', 'Sektor', 'Kota']);
    // The suggestion is chosen to begin with; samples and how many more values there are help to recognise each.
    expect((within(options[0]!).getByRole('radio') as HTMLInputElement).checked).toBe(true);
    expect(options[0]!.textContent).toContain('suggested');
    expect(options[1]!.textContent).toContain('3 of 4 cases');
    expect(options[1]!.textContent).toContain('+2 more');
    expect(screen.getByTestId('import-refi-type-none').textContent).toContain('None — give every case the type "Imported"');

    fireEvent.click(within(options[1]!).getByRole('radio'));
    fireEvent.click(screen.getByTestId('import-refi-confirm'));
    const counts = await screen.findByTestId('import-refi-counts');
    expect(calls[1]).toEqual({ name: 'refi.importProject', args: { path: '/home/rina/dari nvivo/Studi.QDPX', language: 'en', typeVariable: 'Sektor' } });
    expect(within(counts).getByTestId('import-refi-count-documents').textContent).toBe('Documents1');
    expect(within(counts).getByTestId('import-refi-count-codings').textContent).toBe('Codings96');
    expect(within(screen.getByTestId('import-report-imported')).getByText('P-01 wawancara')).toBeTruthy();
    const sources = screen.getByTestId('import-refi-kind-sources');
    expect([...sources.querySelectorAll('th, td')].map((c) => c.textContent)).toEqual(['Sources', '3', '1', '2']);
    // A kind with remarks only shows no counts that would look like losses.
    expect([...screen.getByTestId('import-refi-kind-cases').querySelectorAll('td')].map((c) => c.textContent)).toEqual(['—', '—', '—']);
    expect(screen.getByTestId('import-refi-note-sources').textContent).toBe('Skipped a picture source: Tematik codes text only. (2 times)');
    expect(screen.getByTestId('import-done')).toBeTruthy();
  });

  it('shows the choice and the report in Indonesian, and "none" sends null', async () => {
    await openRefi('id');
    typePath('/home/rina/Studi.qdpx');
    fireEvent.click(screen.getByTestId('import-refi-start'));
    const choice = await screen.findByTestId('import-refi-type-choice');
    expect(choice.textContent).toContain('Variabel mana yang menjadi jenis informan?');
    fireEvent.click(within(screen.getByTestId('import-refi-type-none')).getByRole('radio'));
    fireEvent.click(screen.getByTestId('import-refi-confirm'));
    await screen.findByTestId('import-refi-kinds');
    expect(calls[1]!.args).toEqual({ path: '/home/rina/Studi.qdpx', language: 'id', typeVariable: null });
    expect(screen.getByTestId('import-refi-note-cases').textContent).toBe('Jenis informan diambil dari variabel "Sektor".');
    expect([...screen.getByTestId('import-refi-kind-sources').querySelectorAll('th, td')].map((c) => c.textContent)).toEqual(['Sumber', '3', '1', '2']);
  });

  it('asks nothing about variables for a file without cases, and sends no choice', async () => {
    await openRefi();
    typePath('/home/rina/tanpa-kasus.qdpx');
    fireEvent.click(screen.getByTestId('import-refi-start'));
    await screen.findByTestId('import-refi-no-cases');
    expect(screen.queryByTestId('import-refi-type-choice')).toBeNull();
    fireEvent.click(screen.getByTestId('import-refi-confirm'));
    await screen.findByTestId('import-refi-kinds');
    expect(calls[1]!.args).toEqual({ path: '/home/rina/tanpa-kasus.qdpx', language: 'en' });
  });

  it('keeps the choice open with the reason when the import is refused (the file changed since it was read)', async () => {
    await openRefi();
    typePath('/home/rina/Studi.qdpx');
    fireEvent.click(screen.getByTestId('import-refi-start'));
    const kota = (await screen.findAllByTestId('import-refi-type-option')).find((o) => o.dataset['variable'] === 'Kota')!;
    fireEvent.click(within(kota).getByRole('radio'));
    fireEvent.click(screen.getByTestId('import-refi-confirm'));
    expect((await screen.findByTestId('import-error')).textContent).toContain('has no case variable "Kota"');
    expect(screen.getByTestId('import-refi-type-choice')).toBeTruthy();
    fireEvent.click(screen.getByTestId('import-refi-back'));
    expect((screen.getByTestId('import-refi-path') as HTMLInputElement).value).toBe('/home/rina/Studi.qdpx');
  });

  it('imports a .qdc as a codebook', async () => {
    await openRefi();
    typePath('/home/rina/kode.qdc');
    fireEvent.click(screen.getByTestId('import-refi-start'));
    await screen.findByTestId('import-refi-report');
    expect(calls).toEqual([{ name: 'refi.importCodebook', args: { path: '/home/rina/kode.qdc', language: 'en' } }]);
    expect(screen.getByTestId('import-refi-count-created').textContent).toBe('New codes12');
    expect(screen.getByTestId('import-refi-count-existing').textContent).toBe('Already in the codebook2');
    expect(screen.queryByTestId('import-refi-nothing-new')).toBeNull();
    expect(screen.getByTestId('import-refi-kinds').textContent).toContain('Nothing was left out or changed.');
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

/**
 * A team server's page: the files are chosen in the page and sent to POST /api/team/uploads (a
 * stand-in for the server's fetch answers with a token per file, or refuses one), and the actions
 * run with the tokens in place of paths.
 */
describe('ImportDialog on a team page', () => {
  const sent: { name: string; bytes: number }[] = [];
  let refuse: string | null = null;
  const realFetch = globalThis.fetch;
  beforeEach(() => {
    sent.length = 0;
    refuse = null;
    globalThis.fetch = (async (url: string, init: RequestInit) => {
      expect(url).toBe('/api/team/uploads');
      const name = decodeURIComponent((init.headers as Record<string, string>)['x-file-name']!);
      if (name === refuse) {
        return new Response(JSON.stringify({ ok: false, error: { kind: 'bad_input', message: 'This file does not fit in your upload space on this server.' } }), { status: 413, headers: { 'content-type': 'application/json' } });
      }
      sent.push({ name, bytes: (init.body as Blob).size });
      return new Response(JSON.stringify({ upload: `upload:${String(sent.length).padStart(16, '0')}` }), { status: 200, headers: { 'content-type': 'application/json' } });
    }) as typeof fetch;
  });
  afterEach(() => { globalThis.fetch = realFetch; });

  const team = { user: { login: 'ayu', name: 'Ayu' }, project: { id: 1, name: 'Studi', role: 'coder' as const }, leave: () => undefined, logOut: () => undefined };
  async function openTeam(mode: 'refi' | 'folder', language: 'en' | 'id' = 'en') {
    render(<TeamContext.Provider value={team}><I18nProvider language={language}><ProjectProvider><ImportDialog onClose={() => undefined} /></ProjectProvider></I18nProvider></TeamContext.Provider>);
    fireEvent.click(await screen.findByTestId(`import-mode-${mode}`));
  }
  /** A file as a browser gives it, picked alone or as part of a folder. */
  const file = (relative: string, text = 'P: teks') => {
    const picked = new File([text], relative.split('/').pop()!, { lastModified: 1 });
    Object.defineProperty(picked, 'webkitRelativePath', { value: relative.includes('/') ? relative : '' });
    return picked;
  };
  const pick = (testId: string, files: File[]) => fireEvent.change(screen.getByTestId(testId), { target: { files } });

  it('offers all three ways to import, the exchange file chosen in the page instead of typed', async () => {
    await openTeam('refi');
    expect(screen.getAllByRole('tab').map((tab) => tab.dataset['testid'])).toEqual(['import-mode-folder', 'import-mode-files', 'import-mode-refi']);
    expect(screen.queryByTestId('import-refi-path')).toBeNull();
    expect((screen.getByTestId('import-upload-refi') as HTMLInputElement).accept).toBe('.qdpx,.qdc,.csv');
    fireEvent.click(screen.getByTestId('import-refi-start'));
    expect(screen.getByTestId('import-missing').textContent).toBe('Choose a .qdpx or .qdc file.');
    expect(sent).toEqual([]);
    expect(calls).toEqual([]);
  });

  it('uploads a .qdpx, inspects and imports it by its token, and names the file chosen in the report', async () => {
    await openTeam('refi');
    pick('import-upload-refi', [file('Studi.qdpx', 'PK-zip')]);
    expect(screen.getByTestId('import-refi-kind').textContent).toBe('Studi.qdpx: A project: transcripts, codes, codings and memos are added to this project.');
    expect(screen.getByTestId('import-refi-start').textContent).toBe('Next');
    fireEvent.click(screen.getByTestId('import-refi-start'));
    await screen.findByTestId('import-refi-type-choice');
    expect(sent).toEqual([{ name: 'Studi.qdpx', bytes: 6 }]);
    expect(calls).toEqual([{ name: 'refi.inspectProject', args: { path: 'upload:0000000000000001' } }]);
    fireEvent.click(screen.getByTestId('import-refi-confirm'));
    await screen.findByTestId('import-refi-counts');
    expect(calls[1]).toEqual({ name: 'refi.importProject', args: { path: 'upload:0000000000000001', language: 'en', typeVariable: 'Role' } });
    expect(screen.getByTestId('import-refi-report').textContent).toContain('Project imported from Studi.qdpx');
    expect(screen.getByTestId('import-refi-report').textContent).not.toContain('upload:');
  });

  it('imports a .qdc codebook from its upload, and shows a refused upload without importing', async () => {
    await openTeam('refi');
    pick('import-upload-refi', [file('kode.qdc')]);
    fireEvent.click(screen.getByTestId('import-refi-start'));
    await screen.findByTestId('import-refi-report');
    expect(calls).toEqual([{ name: 'refi.importCodebook', args: { path: 'upload:0000000000000001', language: 'en' } }]);
    expect(screen.getByTestId('import-refi-report').textContent).toContain('Codebook imported from kode.qdc');

    cleanup();
    calls.length = 0;
    await openTeam('refi');
    refuse = 'besar.qdpx';
    pick('import-upload-refi', [file('besar.qdpx')]);
    fireEvent.click(screen.getByTestId('import-refi-start'));
    expect((await screen.findByTestId('import-error')).textContent).toContain('does not fit in your upload space');
    expect(calls).toEqual([]);
  });

  it('sends the files directly in a chosen folder and the sheet, and runs the folder import on their tokens', async () => {
    await openTeam('folder');
    expect(screen.queryByTestId('import-folder')).toBeNull();
    pick('import-upload-folder', [
      file('wawancara/P-01_fashion.txt'), file('wawancara/catatan.pdf'), file('wawancara/lama/P-01_fashion.txt'), file('wawancara/.DS_Store'),
      file('wawancara/P-01_fashion.m4a'), file('wawancara/informants.csv', 'file,informant_id'),
    ]);
    expect(screen.getByTestId('import-folder-picked').textContent).toBe('wawancara: 3 files');
    // The sheet chosen from the same folder is sent once, as the sheet.
    pick('import-upload-sheet', [file('wawancara/informants.csv', 'file,informant_id')]);
    expect(screen.getByTestId('import-folder-picked').textContent).toBe('wawancara: 2 files');
    fireEvent.click(screen.getByTestId('import-skip-bad'));
    fireEvent.click(screen.getByTestId('import-start'));
    await screen.findByTestId('import-report');
    expect(sent.map((f) => f.name)).toEqual(['P-01_fashion.txt', 'catatan.pdf', 'informants.csv']);
    expect(calls).toEqual([{ name: 'import.folder', args: { files: ['upload:0000000000000001', 'upload:0000000000000002'], sheet: 'upload:0000000000000003', skipBad: true } }]);
    const skipped = screen.getByTestId('import-report-skipped');
    expect(skipped.textContent).toContain('catatan.pdf');
    expect(skipped.textContent).toContain('P-01_fashion.m4aa recording is not sent with a folder to a team server: link it to its transcript with “Link recording…”');
    expect(within(screen.getByTestId('import-report-imported')).getByText('P-01_fashion')).toBeTruthy();
  });

  it('says so when no folder is chosen, or the folder has no files directly in it, in Indonesian too', async () => {
    await openTeam('folder', 'id');
    fireEvent.click(screen.getByTestId('import-start'));
    expect(screen.getByTestId('import-missing').textContent).toBe('Pilih folder tempat transkrip berada.');
    pick('import-upload-folder', [file('wawancara/2024/P-01.txt')]);
    fireEvent.click(screen.getByTestId('import-start'));
    expect(screen.getByTestId('import-missing').textContent).toContain('Folder yang dipilih tidak berisi berkas langsung di dalamnya');
    expect(sent).toEqual([]);
    expect(calls).toEqual([]);
  });
});
