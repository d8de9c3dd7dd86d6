// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Code, InformantType, SearchHit } from '../../../src/domain/types';
import { installEverythingInView } from '../../test-support/everything-in-view';
import { installStandInBridge } from '../../test-support/stand-in-bridge';

/** A small project behind the preload bridge, with a search that answers by query. */
const types = [
  { id: 1, name: 'Pemilik UMKM', description: '', colour: '#4e79a7', informantCount: 1 },
  { id: 2, name: 'Konsumen', description: '', colour: '#f28e2b', informantCount: 1 },
] as unknown as InformantType[];
const codes = [{ id: 9, parentId: null, name: 'Kolaborasi', description: '', colour: '#59a14f', inVivo: false, codingCount: 2, informantCount: 1 }] as unknown as Code[];

const docHit = (documentId: number, start: number, match = 'kolaborasi'): SearchHit => ({
  kind: 'document', documentId, memoId: null, codeId: null, title: `P-0${documentId}_fashion`, informantLabels: [`P-0${documentId}`],
  informantTypes: ['Pemilik UMKM'], speaker: 'Narasumber', startMs: 65_000, start, end: start + match.length, unitStart: start - 30, unitEnd: start + 60,
  before: 'Kami juga ', match, after: ' sama komunitas hijabers.',
}) as unknown as SearchHit;
const memoHit = { ...docHit(0, 5), kind: 'memo', documentId: null, memoId: 3, title: 'Catatan lapangan', informantLabels: [], informantTypes: [], speaker: '', startMs: null } as unknown as SearchHit;

let many: SearchHit[] = [];
const calls: { name: string; args: Record<string, unknown> }[] = [];

function handle(name: string, args: Record<string, unknown>): unknown {
  switch (name) {
    case 'app.info': return { host: 'browser', dialogs: false, sampleAvailable: true, recent: [], projectPath: '/tmp/x.tematik', version: '0' };
    case 'project.info': return { name: 'Studi', description: '', phase: 2, createdAt: '', schemaVersion: 1, path: '/tmp/x.tematik' };
    case 'history.state': return { undo: null, redo: null };
    case 'codes.list': return codes;
    case 'informantTypes.list': return types;
    case 'attributes.list': return [{ id: 1, name: 'city', valueType: 'text' }];
    case 'informants.list': return [{ id: 1, label: 'P-01', name: '', typeId: 1, typeName: 'Pemilik UMKM', attributes: { city: 'Yogyakarta' }, documentIds: [1] }];
    case 'documents.list': return [{ id: 1, title: 'P-01_fashion' }, { id: 2, title: 'P-02_fashion' }];
    case 'search.query': {
      const q = args['query'];
      if (q === 'kolaborasi') return { hits: [docHit(1, 100), memoHit, docHit(2, 300), docHit(1, 500)], total: 4, passages: 3, tookMs: 2.5 };
      // Like the core, at most `limit` hits; `total` counts passages when some were not read.
      if (q === 'banyak') return { hits: many.slice(0, args['limit'] as number), total: 1200, passages: 1200, tookMs: 9 };
      return { hits: [], total: 0, passages: 0, tookMs: 0.4 };
    }
    case 'search.similar': return { codes: [{ id: 9, name: 'Kolaborasi', score: 2 }], memos: [] };
    case 'search.code': return { applied: 2, skipped: 1, codeId: 10 };
    default: return null;
  }
}

let SearchView: typeof import('./SearchView').SearchView;
let forgetSearch: typeof import('./SearchView').forgetSearch;
let PAGE: number;
/** Holds back the answers asked with the contract's maximum `limit` (the rest of a search) until it resolves. */
let restGate: Promise<void> | null = null;
let state: typeof import('../../lib/state');
let I18nProvider: typeof import('../../i18n/i18n').I18nProvider;

beforeAll(async () => {
  installEverythingInView();
  installStandInBridge(async (name, args) => {
    if (name === 'search.query' && args['limit'] === 2000 && restGate) await restGate;
    return name === 'search.query' && args['query'] === '(kolaborasi'
      ? { ok: false, error: { kind: 'invalid_args', message: 'The search "(kolaborasi" has a "(" without its ")".' } }
      : handle(name, args);
  }, { record: calls });
  ({ SearchView, forgetSearch, PAGE } = await import('./SearchView'));
  state = await import('../../lib/state');
  ({ I18nProvider } = await import('../../i18n/i18n'));
  many = Array.from({ length: 1100 }, (_, i) => docHit(1 + (i % 7), 100 + i * 200, 'banyak'));
});
afterEach(() => {
  cleanup();
  calls.length = 0;
  forgetSearch();
});

/** Shows where the view navigated and the notices, as the shell would. */
function Probe() {
  const { route, notices } = state.useProject();
  return <><output data-testid="route">{JSON.stringify(route)}</output><output data-testid="notices">{notices.map((n) => n.message).join('|')}</output></>;
}

/** As in the shell, the view exists only once a project is open. */
function WhenOpen({ initialQuery }: { initialQuery: string }) {
  return state.useProject().project ? <SearchView initialQuery={initialQuery} /> : null;
}

async function renderView(initialQuery: string) {
  render(<I18nProvider language="en"><state.ProjectProvider><WhenOpen initialQuery={initialQuery} /><Probe /></state.ProjectProvider></I18nProvider>);
}
const lastCall = (name: string) => calls.filter((c) => c.name === name).at(-1)?.args;
const route = () => JSON.parse(screen.getByTestId('route').textContent ?? '{}') as Record<string, unknown>;

describe('SearchView', () => {
  it('runs the initial query and shows keyword-in-context lines with a count', async () => {
    await renderView('kolaborasi');
    await waitFor(() => expect(screen.getAllByTestId('search-hit')).toHaveLength(4));
    expect((screen.getByTestId('search-input') as HTMLInputElement).value).toBe('kolaborasi');
    expect(screen.getByTestId('search-summary').textContent).toContain('3 hits in 2 transcripts');
    expect(screen.getByTestId('search-summary').textContent).toContain('1 in memos');
    const first = screen.getAllByTestId('search-hit')[0]!;
    expect(first.textContent).toContain('P-01');
    expect(first.textContent).toContain('01:05');
    expect(first.querySelector('mark')?.textContent).toBe('kolaborasi');
    // The memo line comes after the transcript lines, in its own group, without a checkbox.
    expect(screen.getAllByTestId('search-hit')[3]!.dataset['kind']).toBe('memo');
    expect(screen.getAllByTestId('search-hit-check')).toHaveLength(3);
    expect(lastCall('search.query')).toEqual({ query: 'kolaborasi', sort: 'relevance', limit: 60 });
  });

  it('moves with the arrow keys, selects with Space and opens with Enter', async () => {
    await renderView('kolaborasi');
    await waitFor(() => expect(screen.getAllByTestId('search-hit')).toHaveLength(4));
    const grid = screen.getByTestId('search-results');
    grid.focus();
    fireEvent.keyDown(grid, { key: 'ArrowDown' });
    expect(screen.getAllByTestId('search-hit')[1]!.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(grid, { key: ' ' });
    expect((screen.getAllByTestId('search-hit-check')[1] as HTMLInputElement).checked).toBe(true);
    expect(screen.getByTestId('search-selected-count').textContent).toBe('1 of 3 hits selected');
    fireEvent.keyDown(grid, { key: 'a', ctrlKey: true });
    expect(screen.getByTestId('search-selected-count').textContent).toBe('3 of 3 hits selected');
    fireEvent.keyDown(grid, { key: 'a', ctrlKey: true });
    expect(screen.getByTestId('search-selected-count').textContent).toBe('Select hits to code them');
    fireEvent.keyDown(grid, { key: 'Enter' });
    expect(route()).toEqual({ view: 'document', documentId: 2, focus: { start: 300, end: 310 } });
  });

  it('opens a memo hit in the journal', async () => {
    await renderView('kolaborasi');
    await waitFor(() => expect(screen.getAllByTestId('search-hit')).toHaveLength(4));
    fireEvent.click(screen.getAllByTestId('search-hit')[3]!);
    expect(route()).toEqual({ view: 'journal' });
  });

  it('codes every hit without listing them when all are selected, and says how to undo', async () => {
    await renderView('kolaborasi');
    await waitFor(() => expect(screen.getAllByTestId('search-hit')).toHaveLength(4));
    fireEvent.click(screen.getByTestId('search-select-all'));
    fireEvent.change(screen.getByTestId('search-code-unit'), { target: { value: 'turn' } });
    fireEvent.change(screen.getByTestId('search-code-name'), { target: { value: 'Jejaring komunitas' } });
    expect(screen.getByTestId('search-code-new')).toBeTruthy();
    await act(async () => { fireEvent.click(screen.getByTestId('search-code-apply')); });
    await waitFor(() => expect(lastCall('search.code')).toEqual({ query: 'kolaborasi', filters: { role: 'all' }, unit: 'turn', codeName: 'Jejaring komunitas' }));
    await waitFor(() => expect(screen.getByTestId('notices').textContent).toContain('Coded 2 passages as “Jejaring komunitas”; 1 was already coded. Ctrl+Z undoes it in one step.'));
    // The results stay, selection included.
    expect(screen.getAllByTestId('search-hit')).toHaveLength(4);
    expect(screen.getAllByTestId('search-hit-check').every((c) => (c as HTMLInputElement).checked)).toBe(true);
  });

  it('lists the chosen hits and codes with an existing code picked from the suggestions', async () => {
    await renderView('kolaborasi');
    await waitFor(() => expect(screen.getAllByTestId('search-hit')).toHaveLength(4));
    fireEvent.click(screen.getAllByTestId('search-hit-check')[2]!);
    expect(route()).toEqual({ view: 'home' });
    const name = screen.getByTestId('search-code-name');
    fireEvent.focus(name);
    fireEvent.change(name, { target: { value: 'kola' } });
    fireEvent.mouseDown(within(screen.getByTestId('search-code-suggestions')).getByRole('option', { name: /Kolaborasi/ }));
    expect((name as HTMLInputElement).value).toBe('Kolaborasi');
    await act(async () => { fireEvent.click(screen.getByTestId('search-code-apply')); });
    await waitFor(() => expect(lastCall('search.code')).toEqual({
      query: 'kolaborasi', filters: { role: 'all' }, unit: 'sentence', codeId: 9, hits: [{ documentId: 1, start: 500, end: 510 }],
    }));
  });

  it('comes back to the same search, selection and coding choices after opening a hit', async () => {
    await renderView('kolaborasi');
    await waitFor(() => expect(screen.getAllByTestId('search-hit')).toHaveLength(4));
    fireEvent.click(screen.getAllByTestId('search-hit-check')[1]!);
    fireEvent.change(screen.getByTestId('search-code-unit'), { target: { value: 'turn' } });
    fireEvent.click(screen.getAllByTestId('search-type-chip')[0]!.querySelector('input')!);
    await waitFor(() => expect(lastCall('search.query')?.['filters']).toEqual({ informantTypeIds: [1] }));
    await waitFor(() => expect(screen.getAllByTestId('search-hit')).toHaveLength(4));
    fireEvent.click(screen.getAllByTestId('search-hit-check')[0]!);
    cleanup();
    await renderView('');
    await waitFor(() => expect(screen.getAllByTestId('search-hit')).toHaveLength(4));
    expect((screen.getByTestId('search-input') as HTMLInputElement).value).toBe('kolaborasi');
    expect(lastCall('search.query')?.['filters']).toEqual({ informantTypeIds: [1] });
    expect((screen.getByTestId('search-code-unit') as HTMLSelectElement).value).toBe('turn');
    expect(screen.getAllByTestId('search-hit-check').map((c) => (c as HTMLInputElement).checked)).toEqual([true, false, false]);
  });

  it('shows why the core refused a query, in place of the last results', async () => {
    await renderView('kolaborasi');
    await waitFor(() => expect(screen.getAllByTestId('search-hit')).toHaveLength(4));
    fireEvent.change(screen.getByTestId('search-input'), { target: { value: '(kolaborasi' } });
    fireEvent.submit(screen.getByTestId('search-input').closest('form')!);
    await waitFor(() => expect(screen.getByTestId('search-error').textContent).toContain('without its ")"'));
    expect(screen.queryAllByTestId('search-hit')).toHaveLength(0);
    expect(screen.queryByTestId('search-code-bar')).toBeNull();
  });

  it('offers codes that resemble a search without hits', async () => {
    await renderView('kolaborsi');
    await waitFor(() => expect(screen.getByTestId('search-similar-code')).toBeTruthy());
    expect(lastCall('search.similar')).toEqual({ text: 'kolaborsi' });
    expect(screen.getByTestId('search-summary').textContent).toContain('No hits');
    fireEvent.click(screen.getByTestId('search-similar-code'));
    expect(route()).toEqual({ view: 'code', codeId: 9 });
  });

  it('searches again with a filter and a new query typed', async () => {
    await renderView('kolaborasi');
    await waitFor(() => expect(screen.getAllByTestId('search-hit')).toHaveLength(4));
    fireEvent.click(screen.getAllByTestId('search-type-chip')[1]!.querySelector('input')!);
    await waitFor(() => expect(lastCall('search.query')).toEqual({ query: 'kolaborasi', filters: { informantTypeIds: [2] }, sort: 'relevance', limit: 60 }));
    fireEvent.change(screen.getByTestId('search-sort'), { target: { value: 'document' } });
    await waitFor(() => expect(lastCall('search.query')?.['sort']).toBe('document'));
    fireEvent.change(screen.getByTestId('search-input'), { target: { value: 'pelatihan NOT online' } });
    fireEvent.click(screen.getByTestId('search-run'));
    await waitFor(() => expect(lastCall('search.query')?.['query']).toBe('pelatihan NOT online'));
    fireEvent.click(screen.getByTestId('search-clear-filters'));
    await waitFor(() => expect(lastCall('search.query')).toEqual({ query: 'pelatihan NOT online', sort: 'document', limit: 60 }));
  });

  it('draws the first lines before the rest of a long answer comes, then the rest, keeping the selection', async () => {
    let open = () => undefined as void;
    restGate = new Promise<void>((resolve) => { open = resolve; });
    try {
      await renderView('banyak');
      await waitFor(() => expect(screen.getAllByTestId('search-hit')).toHaveLength(60));
      expect(calls.filter((c) => c.name === 'search.query').map((c) => c.args['limit'])).toEqual([60, 2000]);
      expect(screen.getByTestId('search-more-coming').textContent).toBe('The first 60 of at least 1,200 hits, the rest coming · Searching…');
      // Not yet said to be cut: the rest is on its way.
      expect(screen.queryByTestId('search-truncated')).toBeNull();
      fireEvent.click(screen.getAllByTestId('search-hit-check')[0]!);
      await act(async () => { open(); await restGate; });
      await waitFor(() => expect(screen.getAllByTestId('search-hit').length).toBeGreaterThan(60), { timeout: 10_000 });
      expect(screen.queryByTestId('search-more-coming')).toBeNull();
      expect(screen.getByTestId('search-truncated').textContent).toContain('1,100');
      expect((screen.getAllByTestId('search-hit-check')[0] as HTMLInputElement).checked).toBe(true);
    } finally {
      restGate = null;
    }
  });

  it('asks once when the first lines are every hit there is', async () => {
    await renderView('kolaborasi');
    await waitFor(() => expect(screen.getAllByTestId('search-hit')).toHaveLength(4));
    expect(calls.filter((c) => c.name === 'search.query').map((c) => c.args['limit'])).toEqual([60]);
  });

  it('draws a page of lines at a time and says when the core found more than it sent', async () => {
    await renderView('banyak');
    // The first lines first, in a task of their own; the page's rest follows a chunk per task.
    await waitFor(() => expect(screen.getAllByTestId('search-hit').length).toBeGreaterThan(0));
    expect(screen.getAllByTestId('search-hit').length).toBeLessThan(PAGE);
    // Chunks follow one per task: under a loaded test run a page takes longer than waitFor's default second.
    await waitFor(() => expect(screen.getAllByTestId('search-hit')).toHaveLength(PAGE), { timeout: 10_000 });
    expect(screen.getByTestId('search-truncated').textContent).toContain('1,100');
    expect(screen.getByTestId('search-truncated').textContent).toContain('at least 1,200');
    for (let drawn = PAGE; drawn < 1100; drawn += PAGE) {
      fireEvent.click(screen.getByTestId('search-show-more'));
      await waitFor(() => expect(screen.getAllByTestId('search-hit')).toHaveLength(Math.min(1100, drawn + PAGE)), { timeout: 10_000 });
    }
    expect(screen.queryByTestId('search-show-more')).toBeNull();
    // Select all while the result is cut: the hits are listed, so nothing unseen is coded.
    fireEvent.click(screen.getByTestId('search-select-all'));
    fireEvent.change(screen.getByTestId('search-code-name'), { target: { value: 'Banyak' } });
    await act(async () => { fireEvent.click(screen.getByTestId('search-code-apply')); });
    await waitFor(() => expect((lastCall('search.code')?.['hits'] as unknown[]).length).toBe(1100));
  });
});
