// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CooccurrenceMatrix, Extract, Informant, TriangulationMatrix } from '../../../src/domain/types';
import { installStandInBridge } from '../../test-support/stand-in-bridge';

/** A small project behind the preload bridge: two themes over three informant types. */
const columns = [
  { key: 'type:1', label: 'Pemilik UMKM', informants: 3, notInterviewed: [] },
  { key: 'type:2', label: 'Konsumen', informants: 4, notInterviewed: ['K-05'] },
  { key: 'type:3', label: 'Ahli', informants: 0, notInterviewed: [] },
];
const themeMatrix = {
  groupBy: { kind: 'type' },
  columns,
  rows: [
    {
      kind: 'theme', id: 1, name: 'Co-kreasi produk', colour: '#4e79a7', informants: 6, extracts: 52,
      cells: [{ informants: 3, extracts: 31 }, { informants: 3, extracts: 21 }, { informants: 0, extracts: 0 }],
      suggestion: { judgement: 'agreement', silent: [], spread: [1, 0.75, 0] }, convergence: null, convergenceReason: '',
    },
    {
      kind: 'theme', id: 2, name: 'Keterbatasan modal', colour: '#e15759', informants: 3, extracts: 8,
      cells: [{ informants: 3, extracts: 8 }, { informants: 0, extracts: 0 }, { informants: 0, extracts: 0 }],
      suggestion: { judgement: 'silence', silent: ['Konsumen'], spread: [1, 0, 0] }, convergence: 'partial', convergenceReason: 'Konsumen tidak ditanya.',
    },
  ],
} as unknown as TriangulationMatrix;
const informants = [
  { id: 4, label: 'K-01', name: '', typeId: 2, typeName: 'Konsumen', attributes: { city: 'Yogyakarta' }, documentIds: [3] },
  { id: 5, label: 'K-02', name: '', typeId: 2, typeName: 'Konsumen', attributes: {}, documentIds: [4] },
  { id: 6, label: 'K-03', name: '', typeId: 2, typeName: 'Konsumen', attributes: {}, documentIds: [5] },
  { id: 7, label: 'K-04', name: '', typeId: 2, typeName: 'Konsumen', attributes: {}, documentIds: [] },
] as unknown as Informant[];
const extract = (id: number, documentId: number, title: string, label: string, quote: string) => ({
  id, documentId, codeId: 3, coderId: 1, coderName: 'peneliti', start: 100 + id, end: 140 + id, quote, createdAt: '',
  codeName: 'Ide pelanggan', documentTitle: title, informantLabels: [label], informantTypes: ['Konsumen'],
}) as unknown as Extract;
const cellExtracts = [
  extract(11, 3, 'K-01_skincare', 'K-01', 'Kami diajak memilih aroma.'),
  extract(12, 3, 'K-01_skincare', 'K-01', 'Ada polling di Instagram.'),
  extract(13, 4, 'K-02_skincare', 'K-02', 'Saya usul di grup reseller.'),
  extract(14, 5, 'K-03_skincare', 'K-03', 'Program trial gratis.'),
];
const cooccurrence = {
  scope: 'overlap',
  codes: [{ id: 3, name: 'Ide pelanggan', colour: '#4e79a7' }, { id: 4, name: 'Grup WhatsApp', colour: '#76b7b2' }, { id: 5, name: 'Halal', colour: '#86bcb6' }],
  counts: [[9, 2, 0], [2, 5, 0], [0, 0, 4]],
} as unknown as CooccurrenceMatrix;

const calls: { name: string; args: Record<string, unknown> }[] = [];
function handle(name: string, args: Record<string, unknown>): unknown {
  switch (name) {
    case 'app.info': return { host: 'browser', dialogs: false, sampleAvailable: true, recent: [], projectPath: '/tmp/x.tematik', version: '0' };
    case 'project.info': return { name: 'Studi', description: '', phase: 4, createdAt: '', schemaVersion: 1, path: '/tmp/x.tematik' };
    case 'history.state': return { undo: null, redo: null };
    case 'analysis.triangulation': return themeMatrix;
    case 'analysis.cellExtracts': return cellExtracts;
    case 'analysis.cooccurrence': return cooccurrence;
    case 'analysis.cooccurrenceExtracts': return [[extract(21, 3, 'K-01_skincare', 'K-01', 'Usul di grup WA.'), { ...extract(22, 3, 'K-01_skincare', 'K-01', 'Grup WA pelanggan.'), codeName: 'Grup WhatsApp' }]];
    case 'attributes.list': return [{ id: 1, name: 'city', valueType: 'text' }];
    case 'themes.list': return [];
    case 'informantTypes.list': return [];
    case 'informants.list': return informants;
    case 'export.table': {
      const format = String(args['format']);
      return { base64: btoa('\uFEFFTheme,x\r\n'.slice(1)), fileName: `Studi – triangulation-themes.${format}`, path: null, bytes: 9 };
    }
    default: return null;
  }
}

let TriangulationView: typeof import('./TriangulationView').TriangulationView;
let state: typeof import('../../lib/state');
let I18nProvider: typeof import('../../i18n/i18n').I18nProvider;
let clipboard: string[] = [];
const downloads: string[] = [];

beforeAll(async () => {
  installStandInBridge((name, args) => handle(name, args), { record: calls });
  Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async (text: string) => { clipboard.push(text); } } });
  URL.createObjectURL = () => 'blob:csv';
  URL.revokeObjectURL = () => undefined;
  HTMLAnchorElement.prototype.click = function click(this: HTMLAnchorElement) { downloads.push(this.download); };
  ({ TriangulationView } = await import('./TriangulationView'));
  state = await import('../../lib/state');
  ({ I18nProvider } = await import('../../i18n/i18n'));
});
beforeEach(() => { calls.length = 0; });
afterEach(() => {
  cleanup();
  clipboard = [];
});

function RouteProbe() {
  return <output data-testid="route">{JSON.stringify(state.useProject().route)}</output>;
}

async function renderView() {
  render(<I18nProvider language="en"><state.ProjectProvider><TriangulationView /><RouteProbe /></state.ProjectProvider></I18nProvider>);
  await waitFor(() => expect(screen.getAllByTestId('triangulation-cell')).toHaveLength(6));
}

const cell = (row: number, column: string) => document.querySelector<HTMLElement>(`tr[data-row-id="${row}"] [data-testid=triangulation-cell][data-column="${column}"]`)!;

describe('TriangulationView matrix', () => {
  it('shows informants of the group and extracts per cell, silent and empty groups apart, and group sizes', async () => {
    await renderView();
    // A space between the two lines, so the text (and the name a screen reader reads) is not "3/421".
    expect(cell(1, 'type:2').textContent).toBe('3/4 21 extracts');
    expect(cell(1, 'type:2').getAttribute('aria-label')).toMatch(/^3\/4 21 extracts: /);
    expect(cell(1, 'type:2').style.background).not.toBe('');
    expect(cell(2, 'type:2').dataset.state).toBe('silent');
    expect(cell(2, 'type:2').textContent).toContain('silent');
    expect(cell(1, 'type:3').dataset.state).toBe('empty');
    expect((cell(1, 'type:3') as HTMLButtonElement).disabled).toBe(true);
    const headers = [...document.querySelectorAll('thead th')].map((th) => th.textContent);
    expect(headers).toContain('Konsumen(4)');
    // K-05 is in the sheet but was not interviewed: named under the table, in no count.
    expect(screen.getByTestId('not-interviewed').textContent).toBe('Not interviewed (no transcript, or no speaker mapped to them), so in no count and never silent — Konsumen: K-05');
  });

  it('shows the suggestion apart from the recorded judgement and its reason', async () => {
    await renderView();
    const second = within(document.querySelector<HTMLElement>('tr[data-row-id="2"]')!);
    expect(second.getByTestId('suggestion').textContent).toContain('Silence');
    expect(second.getByTestId('suggestion').textContent).toContain('Silent: Konsumen.');
    expect(second.getByTestId('judgement').dataset.judgement).toBe('partial');
    expect(second.getByText('differs from the suggestion')).toBeTruthy();
    expect(second.getByText('Konsumen tidak ditanya.')).toBeTruthy();
  });

  it('records a judgement with its reason in place', async () => {
    await renderView();
    const first = within(document.querySelector<HTMLElement>('tr[data-row-id="1"]')!);
    fireEvent.click(first.getByTestId('convergence-edit'));
    fireEvent.change(first.getByTestId('convergence-select'), { target: { value: 'dissonance' } });
    fireEvent.change(first.getByTestId('convergence-reason'), { target: { value: '  Konsumen menolak harga baru.  ' } });
    fireEvent.click(first.getByTestId('convergence-save'));
    await waitFor(() => expect(calls.find((c) => c.name === 'themes.setConvergence')?.args).toEqual({ id: 1, convergence: 'dissonance', reason: 'Konsumen menolak harga baru.' }));
  });

  it('opens a cell’s extracts by transcript, names silent members, and opens an extract in its transcript', async () => {
    await renderView();
    fireEvent.click(cell(1, 'type:2'));
    const panel = within(await screen.findByTestId('cell-extracts'));
    await waitFor(() => expect(panel.getAllByTestId('cell-extract')).toHaveLength(4));
    expect(calls.find((c) => c.name === 'analysis.cellExtracts')?.args).toEqual({ rowKind: 'theme', rowId: 1, groupBy: { kind: 'type' }, column: 'type:2' });
    expect(panel.getByText(/3 of 4 informants · 4 extracts/)).toBeTruthy();
    expect(panel.getByTestId('silent-members').textContent).toBe('Silent in this group: K-04');
    fireEvent.click(panel.getAllByTestId('cell-extract')[2]!);
    expect(JSON.parse(screen.getByTestId('route').textContent!)).toEqual({ view: 'document', documentId: 4, focus: { start: 113, end: 153 } });
  });

  it('closes the panel with Esc and gives the focus back to its cell', async () => {
    await renderView();
    fireEvent.click(cell(2, 'type:1'));
    const panel = await screen.findByTestId('cell-extracts');
    fireEvent.keyDown(within(panel).getByTestId('panel-close'), { key: 'Escape' });
    await waitFor(() => expect(screen.queryByTestId('cell-extracts')).toBeNull());
    expect(document.activeElement).toBe(cell(2, 'type:1'));
  });

  it('moves between cells with the arrow keys', async () => {
    await renderView();
    cell(1, 'type:1').focus();
    fireEvent.keyDown(cell(1, 'type:1'), { key: 'ArrowDown' });
    expect(document.activeElement).toBe(cell(2, 'type:1'));
    fireEvent.keyDown(cell(2, 'type:1'), { key: 'ArrowRight' });
    expect(document.activeElement).toBe(cell(2, 'type:2'));
  });

  it('opens a theme’s review from its row header', async () => {
    await renderView();
    fireEvent.click(screen.getAllByTestId('row-header')[1]!);
    expect(JSON.parse(screen.getByTestId('route').textContent!)).toEqual({ view: 'theme', themeId: 2 });
  });

  it('regroups by an attribute and asks for codes as rows', async () => {
    await renderView();
    fireEvent.change(screen.getByTestId('group-by'), { target: { value: 'attribute:city' } });
    await waitFor(() => expect(calls.some((c) => c.name === 'analysis.triangulation' && JSON.stringify(c.args) === JSON.stringify({ rows: 'themes', groupBy: { kind: 'attribute', name: 'city' } }))).toBe(true));
    fireEvent.click(within(screen.getByTestId('rows-toggle')).getByText('Codes'));
    await waitFor(() => expect(calls.some((c) => c.name === 'analysis.triangulation' && (c.args as { rows: string }).rows === 'codes')).toBe(true));
    fireEvent.change(screen.getByTestId('group-by'), { target: { value: 'type' } });
    fireEvent.click(within(screen.getByTestId('rows-toggle')).getByText('Themes'));
  });

  it('copies the table as tab-separated text and exports the CSV as a file', async () => {
    await renderView();
    fireEvent.click(screen.getByTestId('copy-table'));
    await waitFor(() => expect(clipboard).toHaveLength(1));
    const lines = clipboard[0]!.split('\r\n');
    expect(lines[0]).toBe('Theme\tPemilik UMKM (n = 3)\tKonsumen (n = 4)\tAhli (n = 0)\tAll informants (n = 7)\tSuggested\tYour judgement\tWhy?');
    expect(lines[2]).toBe('Keterbatasan modal\t3/3 (8)\t0/4 (0)\t0/0 (0)\t3/7 (8)\tSilence\tPartial agreement\tKonsumen tidak ditanya.');
    const idle = () => waitFor(() => expect((screen.getByTestId('export-csv') as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(screen.getByTestId('export-csv'));
    await waitFor(() => expect(downloads).toContain('Studi – triangulation-themes.csv'));
    await idle();
    expect(calls.find((c) => c.name === 'export.table')?.args).toEqual({ table: 'triangulation', rows: 'themes', groupBy: { kind: 'type' }, format: 'csv', delimiter: 'comma' });
    // The separator is remembered for every table; a workbook has none.
    fireEvent.change(screen.getByTestId('export-delimiter'), { target: { value: 'semicolon' } });
    fireEvent.click(screen.getByTestId('export-csv'));
    await waitFor(() => expect(calls.filter((c) => c.name === 'export.table')).toHaveLength(2));
    expect(calls.filter((c) => c.name === 'export.table')[1]?.args).toMatchObject({ format: 'csv', delimiter: 'semicolon' });
    expect(localStorage.getItem('tematik.export.delimiter')).toBe('semicolon');
    await idle();
    fireEvent.click(screen.getByTestId('export-xlsx'));
    await waitFor(() => expect(downloads).toContain('Studi – triangulation-themes.xlsx'));
    expect(calls.filter((c) => c.name === 'export.table')[2]?.args).toEqual({ table: 'triangulation', rows: 'themes', groupBy: { kind: 'type' }, format: 'xlsx' });
  });
});

describe('TriangulationView co-occurrence', () => {
  it('greys the diagonal, hides codes without pairs, and lays pairs side by side', async () => {
    await renderView();
    fireEvent.click(screen.getByTestId('tab-cooccurrence'));
    const table = await screen.findByTestId('cooccurrence');
    expect(table.querySelectorAll('tbody tr')).toHaveLength(2);
    expect(table.querySelectorAll('.co-diag')).toHaveLength(2);
    fireEvent.click(screen.getByTestId('hide-unpaired'));
    await waitFor(() => expect(screen.getByTestId('cooccurrence').querySelectorAll('tbody tr')).toHaveLength(3));
    fireEvent.click(screen.getAllByTestId('cooccurrence-cell')[0]!);
    const pairs = await screen.findByTestId('cooccurrence-pairs');
    await waitFor(() => expect(within(pairs).getAllByTestId('pair-extract')).toHaveLength(2));
    expect(calls.find((c) => c.name === 'analysis.cooccurrenceExtracts')?.args).toEqual({ a: 3, b: 4, scope: 'overlap' });
    fireEvent.click(within(screen.getByTestId('scope-toggle')).getByText('in the same speaker turn'));
    await waitFor(() => expect(calls.some((c) => c.name === 'analysis.cooccurrence' && (c.args as { scope: string }).scope === 'turn')).toBe(true));
    fireEvent.click(screen.getByTestId('export-csv'));
    await waitFor(() => expect(calls.find((c) => c.name === 'export.table' && (c.args as { table: string }).table === 'cooccurrence')?.args).toMatchObject({ table: 'cooccurrence', scope: 'turn', format: 'csv' }));
    fireEvent.click(screen.getByTestId('tab-matrix'));
  });
});
