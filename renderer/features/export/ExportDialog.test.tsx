// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { installStandInBridge } from '../../test-support/stand-in-bridge';

/** Base64 of UTF-8 text or bytes, as the core sends files (the renderer has no Buffer). */
const toBase64 = (data: string | Uint8Array) => btoa(String.fromCharCode(...(typeof data === 'string' ? new TextEncoder().encode(data) : data)));

/**
 * The dialog against a stand-in for the preload bridge (the renderer may not import the real
 * handlers; browser-mode runs in Chromium cover those). Downloads are caught at the <a download>
 * click, with the Blob that was linked.
 */
interface Call { name: string; args: Record<string, unknown> }
const calls: Call[] = [];
let failReport: string | null = null;
let redactions: { id: number; term: string; replacement: string; createdAt: string }[] = [];
let host: 'electron' | 'browser' | 'server' = 'browser';

const theme = (id: number, name: string, status: string, parentId: number | null = null) => ({
  id, parentId, name, definition: '', scope: '', status, colour: '#4e79a7', exemplarCodingId: null, codeIds: [], convergence: null, convergenceReason: '', finding: '',
});

function handle(name: string, args: Record<string, unknown>): { ok: true; value: unknown } | { ok: false; error: unknown } {
  switch (name) {
    case 'app.info': return { ok: true, value: { host, dialogs: false, sampleAvailable: true, recent: [], projectPath: '/tmp/x.tematik', version: '0' } };
    case 'project.info': return { ok: true, value: { name: 'Studi UMKM Batik', description: '', phase: 6, createdAt: '', schemaVersion: 3, path: '/tmp/x.tematik' } };
    case 'history.state': return { ok: true, value: { undo: null, redo: null } };
    case 'themes.list': return { ok: true, value: [theme(1, 'Co-creation', 'defined'), theme(2, 'Komunitas', 'candidate', 1), theme(3, 'Harga', 'reviewed'), theme(4, 'Lama', 'discarded')] };
    case 'report.word':
      if (failReport) return { ok: false, error: { kind: 'invalid_args', message: failReport, details: ['Theme 3 has no definition.'] } };
      return { ok: true, value: { path: null, fileName: 'studi-umkm-batik-report.docx', base64: toBase64('PK\u0003\u0004docx'), bytes: 8 } };
    case 'redactions.list': return { ok: true, value: redactions };
    case 'redactions.add': {
      const term = String(args['term']);
      if (redactions.some((r) => r.term.toLowerCase() === term.toLowerCase())) {
        return { ok: false, error: { kind: 'conflict', message: `"${term}" is already in the list of names to hide.` } };
      }
      redactions = [...redactions, { id: redactions.length + 1, term, replacement: String(args['replacement']), createdAt: '' }];
      return { ok: true, value: redactions.at(-1) };
    }
    case 'redactions.remove':
      redactions = redactions.filter((r) => r.id !== args['id']);
      return { ok: true, value: null };
    case 'refi.exportProject': return { ok: true, value: { path: null, fileName: 'studi.qdpx', base64: toBase64('PK\u0003\u0004qdpx'), bytes: 8 } };
    case 'refi.exportCodebook': return { ok: true, value: { path: null, fileName: 'studi.qdc', base64: toBase64('<CodeBook/>'), bytes: 11 } };
    case 'export.table': return { ok: true, value: { base64: toBase64('\uFEFFCode,Parent\r\nHarga,\r\n'), fileName: `Studi – ${String(args['table'])}.${String(args['format'])}`, path: null, bytes: 24 } };
    case 'taguette.exportCodebook': return { ok: true, value: { base64: toBase64('name,description\r\nHarga,\r\n'), fileName: 'Studi – codebook for Taguette.csv', path: null, bytes: 25 } };
    case 'export.themeMap': return { ok: true, value: { svg: '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>', path: null } };
    case 'export.reviewPackage': return { ok: true, value: { path: null, fileName: 'studi-umkm-batik-paket-telaah.html', base64: toBase64('<!DOCTYPE html>'), bytes: 15, packageGuid: '7019c398-73ef-4775-a881-08813cca8e6f' } };
    default: return { ok: true, value: [] };
  }
}

let ExportDialog: typeof import('./ExportDialog').ExportDialog;
let ProjectProvider: typeof import('../../lib/state').ProjectProvider;
let I18nProvider: typeof import('../../i18n/i18n').I18nProvider;

beforeAll(async () => {
  installStandInBridge((name, args) => handle(name, args), { record: calls, ignore: /\.(list|info|state)$/ });
  ({ ExportDialog } = await import('./ExportDialog'));
  ({ ProjectProvider } = await import('../../lib/state'));
  ({ I18nProvider } = await import('../../i18n/i18n'));
});

let downloads: { fileName: string; blob: Blob }[] = [];
beforeEach(() => {
  calls.length = 0;
  failReport = null;
  redactions = [];
  host = 'browser';
  downloads = [];
  localStorage.clear();
  const blobs = new Map<string, Blob>();
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    const url = `blob:test/${blobs.size}`;
    blobs.set(url, blob as Blob);
    return url;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push({ fileName: this.download, blob: blobs.get(this.href)! });
  });
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

async function renderDialog(language: 'en' | 'id' = 'en') {
  const onClose = vi.fn();
  render(<I18nProvider language={language}><ProjectProvider><ExportDialog onClose={onClose} /></ProjectProvider></I18nProvider>);
  await waitFor(() => expect(screen.getAllByTestId('export-report-theme')).toHaveLength(3));
  return onClose;
}
const ticked = () => screen.getAllByTestId<HTMLInputElement>('export-report-theme').filter((c) => c.checked).map((c) => Number(c.dataset['themeId']));

describe('ExportDialog', () => {
  it('offers the themes in play with the defined ones and their sub-themes ticked, and the shortcuts', async () => {
    await renderDialog();
    expect(screen.queryByText('Lama')).toBeNull();
    expect(ticked()).toEqual([1, 2]);
    fireEvent.click(screen.getByTestId('export-themes-none'));
    expect(ticked()).toEqual([]);
    fireEvent.click(screen.getByTestId('export-themes-all'));
    expect(ticked()).toEqual([1, 2, 3]);
    expect(screen.getByTestId('export-report-theme-count').textContent).toBe('3 of 3 selected');
    fireEvent.click(screen.getByTestId('export-themes-defined'));
    expect(ticked()).toEqual([1, 2]);
  });

  it('makes the Word report with the chosen options and downloads it as .docx', async () => {
    await renderDialog();
    fireEvent.click(screen.getAllByTestId('export-report-theme')[1]!);
    fireEvent.click(screen.getAllByTestId('export-report-theme')[2]!);
    fireEvent.change(screen.getByTestId('export-report-quotes'), { target: { value: '12' } });
    fireEvent.change(screen.getByTestId('export-report-language'), { target: { value: 'id' } });
    fireEvent.click(screen.getByTestId('export-report-pseudonymise'));
    fireEvent.click(screen.getByTestId('export-report-audit'));
    // The examples follow the report's language.
    const attribution = screen.getByTestId<HTMLSelectElement>('export-report-attribution');
    expect([...attribution.options].map((o) => o.text)).toEqual([
      '(Informan P-01, Pemilik UMKM)', '(P-01)', '(Informan 1, Pemilik UMKM)',
    ]);
    expect(attribution.parentElement!.textContent).toContain('Label and type');
    fireEvent.change(attribution, { target: { value: 'pseudonym-type' } });
    expect(attribution.parentElement!.textContent).toContain('Pseudonym and type');
    // The agreement paragraph: a coefficient first, then its unit appears.
    expect(screen.queryByTestId('export-report-agreement-unit')).toBeNull();
    fireEvent.change(screen.getByTestId('export-report-agreement'), { target: { value: 'alpha' } });
    fireEvent.change(screen.getByTestId('export-report-agreement-unit'), { target: { value: 'sentence' } });
    fireEvent.click(screen.getByTestId('export-report-run'));
    await waitFor(() => expect(screen.getByTestId('export-report-done').textContent).toContain('studi-umkm-batik-report.docx'));
    expect(calls).toEqual([{ name: 'report.word', args: { themeIds: [1, 3], quotesPerTheme: 10, language: 'id', pseudonymise: false, journal: false, audit: true, attribution: 'pseudonym-type', agreement: { coefficient: 'alpha', unit: 'sentence' } } }]);
    expect(downloads).toHaveLength(1);
    expect(downloads[0]!.fileName).toBe('studi-umkm-batik-report.docx');
    expect(downloads[0]!.blob.type).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(new TextDecoder().decode(await downloads[0]!.blob.arrayBuffer())).toBe('PK\u0003\u0004docx');
    expect((screen.getByTestId('export-report-quotes') as HTMLInputElement).value).toBe('10');
    // Remembered for next time, except the themes and the heading language.
    expect(JSON.parse(localStorage.getItem('tematik.export.report')!)).toEqual({ quotesPerTheme: 3, pseudonymise: false, journal: false, audit: true, attribution: 'pseudonym-type', agreement: { coefficient: 'alpha', unit: 'sentence' }, timestamps: false });
  });

  it('says where a download went in a browser, browser mode\'s or a team server\'s page, and not in the desktop window', async () => {
    for (const [where, hint] of [['browser', true], ['server', true], ['electron', false]] as const) {
      host = where;
      await renderDialog();
      fireEvent.click(screen.getByTestId('export-report-run'));
      await waitFor(() => expect(screen.getByTestId('export-report-done').textContent).toContain('studi-umkm-batik-report.docx'));
      expect(screen.getByTestId('export-report-done').textContent?.includes('Look for it in your Downloads folder.'), where).toBe(hint);
      cleanup();
    }
  });

  it('keeps a list of other names to hide: adds, shows a refusal beside the fields, removes', async () => {
    await renderDialog();
    const editor = screen.getByTestId('export-redactions');
    fireEvent.change(within(editor).getByTestId('redaction-term'), { target: { value: 'Kopi Lereng' } });
    fireEvent.change(within(editor).getByTestId('redaction-replacement'), { target: { value: '[kedai kopi]' } });
    fireEvent.click(within(editor).getByTestId('redaction-add'));
    await waitFor(() => expect(within(editor).getAllByTestId('redaction').map((r) => r.dataset['term'])).toEqual(['Kopi Lereng']));
    expect((within(editor).getByTestId('redaction-term') as HTMLInputElement).value).toBe('');
    expect(within(editor).getByText('Other names to hide (1)')).toBeTruthy();

    fireEvent.change(within(editor).getByTestId('redaction-term'), { target: { value: 'kopi lereng' } });
    fireEvent.change(within(editor).getByTestId('redaction-replacement'), { target: { value: '[x]' } });
    fireEvent.click(within(editor).getByTestId('redaction-add'));
    expect((await within(editor).findByTestId('redaction-error')).textContent).toContain('already in the list of names to hide');
    // What was typed stays, to be corrected.
    expect((within(editor).getByTestId('redaction-term') as HTMLInputElement).value).toBe('kopi lereng');

    fireEvent.click(within(editor).getByTestId('redaction-remove'));
    await waitFor(() => expect(within(editor).queryAllByTestId('redaction')).toEqual([]));
    expect(calls.filter((c) => c.name.startsWith('redactions.')).map((c) => c.name)).toEqual(['redactions.add', 'redactions.add', 'redactions.remove']);
    // Without pseudonymising the list is kept but not applied, and the dialog says so.
    fireEvent.click(screen.getByTestId('export-report-pseudonymise'));
    expect(editor.textContent).toContain('this report prints them as written');
  });

  it('shows a refusal in the report section and stays open', async () => {
    const onClose = await renderDialog();
    failReport = 'The report needs defined themes.';
    fireEvent.click(screen.getByTestId('export-report-run'));
    const error = await screen.findByTestId('export-report-error');
    expect(error.textContent).toContain('The report needs defined themes.');
    expect(error.textContent).toContain('Theme 3 has no definition.');
    expect(downloads).toEqual([]);
    expect(onClose).not.toHaveBeenCalled();
  });

  it('asks for a theme instead of calling with none', async () => {
    await renderDialog();
    fireEvent.click(screen.getByTestId('export-themes-none'));
    fireEvent.click(screen.getByTestId('export-report-run'));
    expect(screen.getByTestId('export-report-missing').textContent).toContain('Select at least one theme');
    expect(calls).toEqual([]);
  });

  it('exports the REFI-QDA project with LF line endings unless CRLF is chosen for ATLAS.ti', async () => {
    await renderDialog();
    expect(screen.getByTestId('export-refi').textContent).toContain('counts CR LF as one character');
    fireEvent.click(screen.getByTestId('export-refi-project'));
    await screen.findByTestId('export-refi-done');
    fireEvent.change(screen.getByTestId('export-refi-line-endings'), { target: { value: 'crlf' } });
    fireEvent.click(screen.getByTestId('export-refi-project'));
    await waitFor(() => expect(downloads).toHaveLength(2));
    expect(calls).toEqual([{ name: 'refi.exportProject', args: {} }, { name: 'refi.exportProject', args: { lineEndings: 'crlf' } }]);
    expect(downloads.map((d) => [d.fileName, d.blob.type])).toEqual([['studi.qdpx', 'application/zip'], ['studi.qdpx', 'application/zip']]);
  });

  it('downloads REFI-QDA, CSV and map files with their types', async () => {
    await renderDialog();
    fireEvent.click(screen.getByTestId('export-refi-codebook'));
    await screen.findByTestId('export-refi-done');
    fireEvent.click(screen.getByTestId('export-taguette-codebook'));
    await waitFor(() => expect(downloads).toHaveLength(2));
    // Workbooks by default; CSV with the separator chosen beside it.
    fireEvent.click(within(screen.getByTestId('export-csv')).getByTestId('export-csv-codebook'));
    await waitFor(() => expect(downloads).toHaveLength(3));
    fireEvent.change(screen.getByTestId('export-table-format'), { target: { value: 'csv' } });
    fireEvent.change(screen.getByTestId('export-table-delimiter'), { target: { value: 'semicolon' } });
    fireEvent.click(within(screen.getByTestId('export-csv')).getByTestId('export-csv-triangulation'));
    await waitFor(() => expect(downloads).toHaveLength(4));
    await screen.findByTestId('export-csv-done');
    fireEvent.click(screen.getByTestId('export-map-codes'));
    fireEvent.click(screen.getByTestId('export-map-svg'));
    await screen.findByTestId('export-map-done');
    expect(calls).toEqual([
      { name: 'refi.exportCodebook', args: {} },
      { name: 'taguette.exportCodebook', args: {} },
      { name: 'export.table', args: { table: 'codebook', format: 'xlsx' } },
      { name: 'export.table', args: { table: 'triangulation', rows: 'themes', groupBy: { kind: 'type' }, format: 'csv', delimiter: 'semicolon' } },
      { name: 'export.themeMap', args: { format: 'svg', includeCodes: true, language: 'en' } },
    ]);
    expect(downloads.map((d) => [d.fileName, d.blob.type])).toEqual([
      ['studi.qdc', 'application/xml'],
      ['Studi – codebook for Taguette.csv', 'text/csv;charset=utf-8'],
      ['Studi – codebook.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      ['Studi – triangulation.csv', 'text/csv;charset=utf-8'],
      ['studi-umkm-batik-theme-map.svg', 'image/svg+xml;charset=utf-8'],
    ]);
    // The BOM survives, so Excel reads the file as UTF-8.
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(await downloads[3]!.blob.arrayBuffer())).toBe('\uFEFFCode,Parent\r\nHarga,\r\n');
  });

  it('makes the review package in the report’s language, with names as the report has them and the journal when asked', async () => {
    await renderDialog();
    fireEvent.change(screen.getByTestId('export-report-language'), { target: { value: 'id' } });
    fireEvent.click(screen.getByTestId('export-report-pseudonymise'));
    fireEvent.click(screen.getByTestId('export-review-journal'));
    fireEvent.click(screen.getByTestId('export-review-run'));
    await screen.findByTestId('export-review-done');
    expect(calls).toEqual([{ name: 'export.reviewPackage', args: { language: 'id', pseudonymise: false, journal: 'all' } }]);
    expect(downloads.map((d) => [d.fileName, d.blob.type])).toEqual([['studi-umkm-batik-paket-telaah.html', 'text/html;charset=utf-8']]);
  });

  it('speaks Indonesian, with report headings in Indonesian by default', async () => {
    await renderDialog('id');
    expect(screen.getByText('Laporan Word')).toBeTruthy();
    expect((screen.getByTestId('export-report-language') as HTMLSelectElement).value).toBe('id');
    expect(screen.getByText(/NVivo, ATLAS\.ti, MAXQDA, dan QualCoder/)).toBeTruthy();
  });
});
