// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ThemeLink, ThemeMap } from '../../../src/domain/types';
import { installStandInBridge } from '../../test-support/stand-in-bridge';

/**
 * The map against a small in-memory project behind the preload bridge (the renderer may not
 * import the real handlers; browser-mode runs in Chromium cover those). The bridge keeps
 * what matters here: links are created and deleted, dropped positions are kept.
 */
interface Call { name: string; args: Record<string, unknown> }
const calls: Call[] = [];
let links: ThemeLink[] = [];
let positions = new Map<number, { x: number; y: number }>();
/** Arguments of every map.get, to see the toggles re-query. */
const reads: Record<string, unknown>[] = [];
let themesShown = true;

const theme = (id: number, name: string, x: number, y: number) => ({
  id, parentId: null, name, definition: id === 1 ? 'Seberapa intens UMKM berinovasi.' : '', scope: '', status: 'candidate', colour: '#4e79a7',
  exemplarCodingId: null, codeIds: [], convergence: null, convergenceReason: '', finding: '', x, y, pinned: false,
});
const BASE = [{ ...theme(1, 'Innovation intensity', 40, 190), codeIds: [5] }, theme(2, 'Marketing performance', 340, 190), theme(3, 'Open innovation', 190, 40)];

function currentMap(includeCodes: boolean): ThemeMap {
  return {
    themes: themesShown ? BASE.map((t) => ({ ...t, ...(positions.get(t.id) ?? {}), pinned: positions.has(t.id) })) : [],
    codes: includeCodes && themesShown ? [{ id: 5, name: 'Anggaran R&D', colour: '#4e79a7', codingCount: 4, x: 0, y: 150, pinned: false }] : [],
    links: themesShown ? links : [],
  } as unknown as ThemeMap;
}

function handle(name: string, args: Record<string, unknown>): unknown {
  switch (name) {
    case 'app.info': return { host: 'browser', dialogs: false, sampleAvailable: true, recent: [], projectPath: '/tmp/x.tematik', version: '0' };
    case 'project.info': return { name: 'Studi', description: '', phase: 4, createdAt: '', schemaVersion: 3, path: '/tmp/x.tematik' };
    case 'history.state': return { undo: null, redo: null };
    case 'map.get': reads.push(args); return currentMap(args['includeCodes'] === true);
    case 'themeLinks.create': {
      const link = { id: Math.max(9, ...links.map((l) => l.id)) + 1, fromThemeId: args['fromThemeId'], toThemeId: args['toThemeId'] ?? null,
        toLinkId: args['toLinkId'] ?? null, kind: args['kind'], label: args['label'] ?? '' } as ThemeLink;
      links = [...links, link];
      return link;
    }
    case 'themeLinks.delete': links = links.filter((l) => l.id !== args['id'] && l.toLinkId !== args['id']); return null;
    case 'map.move':
      for (const m of (args['themes'] ?? []) as { id: number; x: number; y: number }[]) positions.set(m.id, { x: m.x, y: m.y });
      return null;
    default: return [];
  }
}

let ThemeMapView: typeof import('./ThemeMapView').ThemeMapView;
let ProjectProvider: typeof import('../../lib/state').ProjectProvider;
let I18nProvider: typeof import('../../i18n/i18n').I18nProvider;

beforeAll(async () => {
  installStandInBridge((name, args) => handle(name, args), { record: calls, ignore: /\.(list|info|state|get)$/ });
  ({ ThemeMapView } = await import('./ThemeMapView'));
  ({ ProjectProvider } = await import('../../lib/state'));
  ({ I18nProvider } = await import('../../i18n/i18n'));
});

beforeEach(() => {
  calls.length = 0;
  links = [{ id: 10, fromThemeId: 1, toThemeId: 2, toLinkId: null, kind: 'influences', label: 'H1' } as unknown as ThemeLink];
  positions = new Map();
  reads.length = 0;
  themesShown = true;
});
afterEach(cleanup);

async function renderMap() {
  render(<I18nProvider language="en"><ProjectProvider><ThemeMapView /></ProjectProvider></I18nProvider>);
  await waitFor(() => expect(screen.getAllByTestId('map-node')).toHaveLength(3));
}
const node = (name: string) => screen.getAllByTestId('map-node').find((n) => n.getAttribute('data-theme-name') === name)!;
const linkOf = (kind: string) => screen.getAllByTestId('map-link').find((l) => l.getAttribute('data-kind') === kind)!;
/** A press and release without moving: a click as the map's pointer handlers see it. */
function click(element: Element, x = 100, y = 100) {
  fireEvent.pointerDown(element, { button: 0, clientX: x, clientY: y, pointerId: 1 });
  fireEvent.pointerUp(element, { button: 0, clientX: x, clientY: y, pointerId: 1 });
}

describe('ThemeMapView', () => {
  it('draws themes and typed links', async () => {
    await renderMap();
    expect(screen.getAllByTestId('map-node').map((n) => n.getAttribute('data-theme-name'))).toEqual(['Innovation intensity', 'Marketing performance', 'Open innovation']);
    expect(screen.getAllByTestId('map-link').map((l) => l.getAttribute('data-kind'))).toEqual(['influences']);
    expect(screen.getByText('H1')).toBeTruthy();
  });

  it('links a mediator to the link X → Y with the link tool', async () => {
    await renderMap();
    fireEvent.click(screen.getByTestId('link-tool'));
    fireEvent.change(screen.getByTestId('link-kind-select'), { target: { value: 'mediates' } });
    fireEvent.change(screen.getByTestId('link-label-input'), { target: { value: 'H2' } });
    expect(screen.getByTestId('link-tool-hint').textContent).toContain('Click the theme the link starts from');
    click(node('Open innovation'));
    expect(screen.getByTestId('link-tool-hint').textContent).toContain('the link X → Y it mediates');
    click(linkOf('influences'));
    await waitFor(() => expect(calls).toEqual([{ name: 'themeLinks.create', args: { fromThemeId: 3, toLinkId: 10, kind: 'mediates', label: 'H2' } }]));
    await waitFor(() => expect(screen.getAllByTestId('map-link').map((l) => l.getAttribute('data-kind'))).toEqual(['influences', 'mediates']));
    // The new link is selected, the label field is cleared for the next one.
    expect(screen.getByTestId('map-link-panel').textContent).toContain('Open innovation → (Innovation intensity → Marketing performance)');
    expect((screen.getByTestId('link-label-input') as HTMLInputElement).value).toBe('');
  });

  it('explains a refused click and cancels the tool with Esc', async () => {
    await renderMap();
    fireEvent.click(screen.getByTestId('link-tool'));
    click(node('Open innovation'));
    click(linkOf('influences'));
    expect(screen.getByTestId('link-tool-hint').textContent).toContain('Only a “mediates” or “moderates” link');
    fireEvent.keyDown(window, { key: 'Escape' });
    expect(screen.queryByTestId('link-tool-hint')).toBeNull();
    click(node('Innovation intensity'));
    expect(calls).toEqual([]);
    expect(screen.getByTestId('map-theme-panel').textContent).toContain('Seberapa intens UMKM berinovasi.');
  });

  it('saves a drag as one map.move in whole units, and a click is not a drag', async () => {
    await renderMap();
    const target = node('Open innovation');
    fireEvent.pointerDown(target, { button: 0, clientX: 200, clientY: 60, pointerId: 1 });
    fireEvent.pointerMove(target, { button: 0, clientX: 202, clientY: 61, pointerId: 1 });
    fireEvent.pointerMove(target, { button: 0, clientX: 250.4, clientY: 30, pointerId: 1 });
    fireEvent.pointerMove(target, { button: 0, clientX: 260.4, clientY: 20, pointerId: 1 });
    fireEvent.pointerUp(target, { button: 0, clientX: 260.4, clientY: 20, pointerId: 1 });
    await waitFor(() => expect(calls).toEqual([{ name: 'map.move', args: { themes: [{ id: 3, x: 250, y: 0 }] } }]));
    expect(screen.queryByTestId('map-theme-panel')).toBeNull();
    await waitFor(() => expect(node('Open innovation').querySelector('rect.map-node-box')?.getAttribute('x')).toBe('250'));
  });

  it('removes the selected link with Delete', async () => {
    await renderMap();
    click(linkOf('influences'));
    expect(screen.getByTestId('map-link-panel')).toBeTruthy();
    fireEvent.keyDown(window, { key: 'Delete' });
    await waitFor(() => expect(calls).toEqual([{ name: 'themeLinks.delete', args: { id: 10 } }]));
    await waitFor(() => expect(screen.queryAllByTestId('map-link').length).toBe(0));
  });

  it('re-reads the map with codes when Show codes is ticked', async () => {
    await renderMap();
    expect(screen.queryAllByTestId('map-code')).toHaveLength(0);
    fireEvent.click(screen.getByTestId('map-show-codes'));
    await waitFor(() => expect(screen.getAllByTestId('map-code').map((c) => c.getAttribute('data-code-name'))).toEqual(['Anggaran R&D']));
    expect(reads.at(-1)).toEqual({ includeCodes: true, includeDiscarded: false });
    // The drawing stays up while the new answer comes: no flash of an empty map.
    expect(screen.getAllByTestId('map-node')).toHaveLength(3);
  });

  it('points to the Themes board when there are no themes yet', async () => {
    themesShown = false;
    render(<I18nProvider language="id"><ProjectProvider><ThemeMapView /></ProjectProvider></I18nProvider>);
    await waitFor(() => expect(screen.getByText('Belum ada tema di peta')).toBeTruthy());
    expect(screen.queryByTestId('theme-map')).toBeNull();
    expect((screen.getByTestId('map-export-svg') as HTMLButtonElement).disabled).toBe(true);
  });
});
