// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CodeId } from '../../../src/domain/ids';
import type { Code, Extract, Informant, InformantType } from '../../../src/domain/types';
import { installStandInBridge } from '../../test-support/stand-in-bridge';

/** A small project behind the preload bridge: one code with a sub-code, extracts from three types. */
const codes = [
  { id: 1, parentId: null, name: 'Kolaborasi', description: 'Bekerja bersama pelanggan.', colour: '#4e79a7', inVivo: false, codingCount: 3, informantCount: 3 },
  { id: 2, parentId: 1, name: 'Co-creation', description: '', colour: '#f28e2b', inVivo: true, codingCount: 1, informantCount: 1 },
] as unknown as Code[];
const types = [
  { id: 1, name: 'Pemilik UMKM', description: '', colour: '#4e79a7', informantCount: 3 },
  { id: 2, name: 'Konsumen', description: '', colour: '#f28e2b', informantCount: 2 },
  { id: 3, name: 'Ahli Pemasaran', description: '', colour: '#e15759', informantCount: 2 },
] as unknown as InformantType[];
const informants = [
  { id: 1, label: 'P-01', name: '', typeId: 1, typeName: 'Pemilik UMKM', attributes: {}, documentIds: [1] },
  { id: 2, label: 'K-01', name: '', typeId: 2, typeName: 'Konsumen', attributes: {}, documentIds: [2] },
  { id: 3, label: 'K-02', name: '', typeId: 2, typeName: 'Konsumen', attributes: {}, documentIds: [3] },
] as unknown as Informant[];
let next = 1;
const extract = (codeId: number, documentId: number, documentTitle: string, label: string, type: string, quote: string) => ({
  id: next++, documentId, codeId, coderId: 1, start: 10, end: 10 + quote.length, quote, createdAt: '',
  codeName: codes.find((c) => (c.id as number) === codeId)!.name, documentTitle, informantLabels: [label], informantTypes: [type],
}) as unknown as Extract;
const own = [
  extract(1, 2, 'K-01_skincare', 'K-01', 'Konsumen', 'Kami diajak memilih warna.'),
  extract(1, 1, 'P-01_fashion', 'P-01', 'Pemilik UMKM', 'Polling di Instagram Story.'),
  extract(1, 3, 'K-02_skincare', 'K-02', 'Konsumen', '=ide dari "grup WA", katanya'),
];
const fromChild = [extract(2, 1, 'P-01_fashion', 'P-01', 'Pemilik UMKM', 'Desainnya dari pelanggan.')];
const calls: { name: string; args: Record<string, unknown> }[] = [];
/** Set to hold back the whole list (asked without a limit) until it resolves. */
let wholeList: Promise<void> | null = null;

function handle(name: string, args: Record<string, unknown>): unknown {
  if (name === 'codings.forCode') {
    const list = args['includeChildren'] ? [...own, ...fromChild] : own;
    if (typeof args['limit'] === 'number') return list.slice(0, args['limit']);
    return wholeList ? wholeList.then(() => list) : list;
  }
  switch (name) {
    case 'app.info': return { host: 'browser', dialogs: false, sampleAvailable: true, recent: [], projectPath: '/tmp/x.tematik', version: '0' };
    case 'project.info': return { name: 'Studi', description: '', phase: 2, createdAt: '', schemaVersion: 1, path: '/tmp/x.tematik' };
    case 'history.state': return { undo: null, redo: null };
    case 'codes.list': return codes;
    case 'informants.list': return informants;
    case 'informantTypes.list': return types;
    case 'export.table': return { base64: btoa('PK'), fileName: `Studi – extracts – Harga.${String(args['format'])}`, path: null, bytes: 2 };
    default: return null;
  }
}

let CodeExtractsView: typeof import('./CodeExtractsView').CodeExtractsView;
let state: typeof import('../../lib/state');
let I18nProvider: typeof import('../../i18n/i18n').I18nProvider;
let clipboard: string[] = [];

beforeAll(async () => {
  installStandInBridge((name, args) => handle(name, args), { record: calls });
  Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async (text: string) => { clipboard.push(text); } } });
  ({ CodeExtractsView } = await import('./CodeExtractsView'));
  state = await import('../../lib/state');
  ({ I18nProvider } = await import('../../i18n/i18n'));
});
afterEach(() => {
  cleanup();
  clipboard = [];
});

/** Shows where the view navigated, as the shell would. */
function RouteProbe() {
  return <output data-testid="route">{JSON.stringify(state.useProject().route)}</output>;
}

async function renderView() {
  render(<I18nProvider language="en"><state.ProjectProvider><CodeExtractsView codeId={1 as CodeId} /><RouteProbe /></state.ProjectProvider></I18nProvider>);
  await waitFor(() => expect(screen.getAllByTestId('extract')).toHaveLength(3));
}

describe('CodeExtractsView', () => {
  it('summarises and groups extracts by informant type, then informant', async () => {
    await renderView();
    expect(screen.getByTestId('code-title').textContent).toBe('Kolaborasi');
    expect(screen.getByTestId('extracts-summary').textContent).toBe('3 extracts from 3 informants across 2 informant types');
    const groups = screen.getAllByTestId('extract-type-group');
    expect(groups.map((g) => g.getAttribute('data-type-name'))).toEqual(['Pemilik UMKM', 'Konsumen']);
    expect(within(groups[1]!).getAllByTestId('extract').map((e) => e.querySelector('.cx-quote')!.textContent)).toEqual([
      'Kami diajak memilih warna.', '=ide dari "grup WA", katanya',
    ]);
    const rows = within(screen.getByTestId('extracts-by-type')).getAllByRole('row').slice(1).map((r) => [...r.querySelectorAll('td')].slice(0, 3).map((c) => c.textContent));
    expect(rows).toEqual([['Pemilik UMKM', '1 of 3', '1'], ['Konsumen', '2 of 2', '2'], ['Ahli Pemasaran', '0 of 2', 'silent']]);
  });

  it('draws the first extracts before the whole list comes, and counts only from the whole list', async () => {
    let release = () => undefined as void;
    wholeList = new Promise((resolve) => { release = resolve; });
    try {
      render(<I18nProvider language="en"><state.ProjectProvider><CodeExtractsView codeId={1 as CodeId} /></state.ProjectProvider></I18nProvider>);
      await waitFor(() => expect(screen.getAllByTestId('extract')).toHaveLength(3));
      expect(screen.getByTestId('extracts-summary').textContent).toBe('Loading…');
      expect(screen.queryByTestId('extracts-by-type')).toBeNull();
      expect(screen.getAllByTestId('extract-type-group').map((g) => g.querySelector('.count'))).toEqual([null, null]);
      release();
      await waitFor(() => expect(screen.getByTestId('extracts-summary').textContent).toBe('3 extracts from 3 informants across 2 informant types'));
      expect(screen.getAllByTestId('extract-type-group').map((g) => g.querySelector('.count')!.textContent)).toEqual(['1 informant · 1 extract', '2 informants · 2 extracts']);
    } finally {
      wholeList = null;
    }
  });

  it('includes the sub-codes on request and marks their extracts', async () => {
    await renderView();
    fireEvent.click(screen.getByTestId('include-subcodes'));
    await waitFor(() => expect(screen.getAllByTestId('extract')).toHaveLength(4));
    expect(calls.some((c) => c.name === 'codings.forCode' && c.args['includeChildren'] === true)).toBe(true);
    expect(screen.getByTestId('extracts-summary').textContent).toBe('4 extracts from 3 informants across 2 informant types');
    expect(screen.getByText('Co-creation', { selector: '.cx-subcode' })).toBeTruthy();
    fireEvent.click(screen.getByTestId('include-subcodes'));
    await waitFor(() => expect(screen.getAllByTestId('extract')).toHaveLength(3));
  });

  it('opens the transcript at the passage of a clicked extract', async () => {
    await renderView();
    fireEvent.click(screen.getByText('Polling di Instagram Story.'));
    expect(JSON.parse(screen.getByTestId('route').textContent!)).toEqual({ view: 'document', documentId: 1, focus: { start: 10, end: 37 } });
  });

  it('copies the extracts as CSV with a defused formula cell', async () => {
    await renderView();
    fireEvent.click(screen.getByTestId('copy-csv'));
    await waitFor(() => expect(clipboard).toHaveLength(1));
    expect(clipboard[0]!.split('\r\n')).toEqual([
      'Informant type,Informant,Document,Quote',
      'Konsumen,K-01,K-01_skincare,Kami diajak memilih warna.',
      'Pemilik UMKM,P-01,P-01_fashion,Polling di Instagram Story.',
      'Konsumen,K-02,K-02_skincare,"\'=ide dari ""grup WA"", katanya"',
      '',
    ]);
  });

  it('downloads the code\'s extracts as the project\'s Excel workbook', async () => {
    const downloads: string[] = [];
    URL.createObjectURL = () => 'blob:xlsx';
    URL.revokeObjectURL = () => undefined;
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function record(this: HTMLAnchorElement) { downloads.push(this.download); };
    try {
      await renderView();
      fireEvent.click(screen.getByTestId('code-extracts-xlsx'));
      await waitFor(() => expect(downloads).toEqual(['Studi – extracts – Harga.xlsx']));
      expect(calls.find((c) => c.name === 'export.table')?.args).toEqual({ table: 'extracts', codeId: 1, format: 'xlsx' });
    } finally {
      HTMLAnchorElement.prototype.click = click;
    }
  });

  it('edits the description in place', async () => {
    await renderView();
    fireEvent.click(screen.getByTestId('code-view-description-edit'));
    fireEvent.change(screen.getByTestId('code-view-description-input'), { target: { value: 'Definisi baru.' } });
    fireEvent.click(screen.getByTestId('code-view-description-save'));
    await waitFor(() => expect(calls.find((c) => c.name === 'codes.update')?.args).toEqual({ id: 1, description: 'Definisi baru.' }));
  });
});
