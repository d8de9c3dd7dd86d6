// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Code } from '../../../src/domain/types';
import { installStandInBridge } from '../../test-support/stand-in-bridge';
import { dataTransfer } from '../../test-support/data-transfer';

/**
 * The panel against a small in-memory project behind the preload bridge (the renderer may not
 * import the real handlers; browser-mode end-to-end tests cover those). The bridge keeps
 * the store's rules that matter here: sub-codes move up on delete, move onto parent on merge.
 */
interface Call { name: string; args: Record<string, unknown> }
const calls: Call[] = [];
let codes: Code[] = [];

const code = (id: number, name: string, parentId: number | null, codingCount = 0, informantCount = 0): Code =>
  ({ id, parentId, name, description: '', colour: '#4e79a7', inVivo: false, codingCount, informantCount, hotkey: null } as unknown as Code);

function handle(name: string, args: Record<string, unknown>): unknown {
  const id = args['id'] as number;
  const find = (n: number) => codes.find((c) => (c.id as number) === n)!;
  switch (name) {
    case 'app.info': return { host: 'browser', dialogs: false, sampleAvailable: true, recent: [], projectPath: '/tmp/x.tematik', version: '0' };
    case 'project.info': return { name: 'Studi', description: '', phase: 2, createdAt: '', schemaVersion: 1, path: '/tmp/x.tematik' };
    case 'history.state': return { undo: null, redo: null };
    case 'codes.list': return codes;
    case 'codes.create': {
      const created = code(Math.max(0, ...codes.map((c) => c.id as number)) + 1, args['name'] as string, (args['parentId'] as number | null) ?? null);
      codes = [...codes, created];
      return created;
    }
    case 'codes.update': codes = codes.map((c) => ((c.id as number) === id ? { ...c, ...args } as Code : c)); return find(id);
    case 'codes.move': codes = codes.map((c) => ((c.id as number) === id ? { ...c, parentId: args['parentId'] } as Code : c)); return find(id);
    case 'codes.delete': {
      const gone = find(id);
      codes = codes.filter((c) => c !== gone).map((c) => (c.parentId === gone.id ? { ...c, parentId: gone.parentId } : c));
      return null;
    }
    case 'codes.merge': {
      const source = args['sourceId'] as number;
      const target = args['targetId'] as number;
      codes = codes.filter((c) => (c.id as number) !== source).map((c) => ((c.parentId as number | null) === source ? { ...c, parentId: target } as Code : c));
      return find(target);
    }
    default: return [];
  }
}

let CodebookPanel: typeof import('./CodebookPanel').CodebookPanel;
let ProjectProvider: typeof import('../../lib/state').ProjectProvider;
let useProject: typeof import('../../lib/state').useProject;
let I18nProvider: typeof import('../../i18n/i18n').I18nProvider;

beforeAll(async () => {
  installStandInBridge((name, args) => handle(name, args), { record: calls, ignore: /\.(list|info|state)$/ });
  ({ CodebookPanel } = await import('./CodebookPanel'));
  ({ ProjectProvider, useProject } = await import('../../lib/state'));
  ({ I18nProvider } = await import('../../i18n/i18n'));
});

beforeEach(() => {
  calls.length = 0;
  // Kolaborasi ─┬─ Co-creation ── Ko-kreasi produk
  //             └─ Kepercayaan
  // Kualitas
  codes = [code(1, 'Kolaborasi', null, 5, 3), code(2, 'Co-creation', 1, 7, 4), code(3, 'Kepercayaan', 1), code(4, 'Kualitas', null, 2, 1), code(5, 'Ko-kreasi produk', 2, 1, 1)];
});
afterEach(cleanup);

/** The shell draws notices; here a bare list stands in for it. */
function NoticeList() {
  return <>{useProject().notices.map((n) => <p key={n.id} data-testid="notice">{n.message}</p>)}</>;
}

async function renderPanel() {
  render(<I18nProvider language="en"><ProjectProvider><CodebookPanel /><NoticeList /></ProjectProvider></I18nProvider>);
  await waitFor(() => expect(screen.getAllByTestId('code-row')).toHaveLength(codes.length));
}
const rowNames = () => screen.getAllByTestId('code-row').map((r) => r.getAttribute('data-code-name'));
const row = (name: string) => screen.getAllByTestId('code-row').find((r) => r.getAttribute('data-code-name') === name)!;


describe('CodebookPanel', () => {
  it('draws the tree in order with counts, and folds a code', async () => {
    await renderPanel();
    expect(rowNames()).toEqual(['Kolaborasi', 'Co-creation', 'Ko-kreasi produk', 'Kepercayaan', 'Kualitas']);
    expect(row('Co-creation').getAttribute('aria-level')).toBe('2');
    expect(within(row('Co-creation')).getByText('7')).toBeTruthy();
    fireEvent.click(within(row('Kolaborasi')).getByTestId('code-toggle'));
    expect(rowNames()).toEqual(['Kolaborasi', 'Kualitas']);
    // Folding is remembered for the session (the panel comes and goes with the view): unfold for the next test.
    fireEvent.click(within(row('Kolaborasi')).getByTestId('code-toggle'));
    expect(rowNames()).toHaveLength(5);
  });

  it('filters to the matches and their ancestors', async () => {
    await renderPanel();
    fireEvent.change(screen.getByTestId('code-filter'), { target: { value: 'produk' } });
    expect(rowNames()).toEqual(['Kolaborasi', 'Co-creation', 'Ko-kreasi produk']);
    fireEvent.change(screen.getByTestId('code-filter'), { target: { value: 'zzz' } });
    expect(screen.queryAllByTestId('code-row')).toHaveLength(0);
    expect(screen.getByText(/No code matches/)).toBeTruthy();
  });

  it('renames inline: Enter saves, Esc cancels', async () => {
    await renderPanel();
    fireEvent.click(within(row('Kualitas')).getByTestId('code-menu'));
    fireEvent.click(screen.getByTestId('code-rename'));
    const input = screen.getByTestId('code-rename-input');
    fireEvent.change(input, { target: { value: 'Kualitas produk' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    await waitFor(() => expect(calls).toEqual([{ name: 'codes.update', args: { id: 4, name: 'Kualitas produk' } }]));
    await waitFor(() => expect(rowNames()).toContain('Kualitas produk'));

    fireEvent.keyDown(row('Kualitas produk'), { key: 'F2' });
    const again = screen.getByTestId('code-rename-input');
    fireEvent.change(again, { target: { value: 'Dibuang' } });
    fireEvent.keyDown(again, { key: 'Escape' });
    expect(screen.queryByTestId('code-rename-input')).toBeNull();
    expect(calls).toHaveLength(1);
  });

  it('creates a top-level code and a sub-code', async () => {
    await renderPanel();
    fireEvent.click(screen.getByTestId('new-code'));
    const input = screen.getByTestId('new-code-input');
    fireEvent.change(input, { target: { value: 'Harga' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    await waitFor(() => expect(rowNames()).toContain('Harga'));

    fireEvent.click(within(row('Kualitas')).getByTestId('code-menu'));
    fireEvent.click(screen.getByTestId('code-new-subcode'));
    const sub = screen.getByTestId('new-code-input');
    fireEvent.change(sub, { target: { value: 'Bahan baku' } });
    fireEvent.keyDown(sub, { key: 'Enter' });
    await waitFor(() => expect(row('Bahan baku').getAttribute('aria-level')).toBe('2'));
    expect(calls).toEqual([
      { name: 'codes.create', args: { name: 'Harga', parentId: null } },
      { name: 'codes.create', args: { name: 'Bahan baku', parentId: 4 } },
    ]);
  });

  it('sets a colour from the palette and writes a description', async () => {
    await renderPanel();
    fireEvent.click(within(row('Kualitas')).getByTestId('code-menu'));
    fireEvent.click(screen.getByTestId('code-colour'));
    fireEvent.click(screen.getAllByTestId('code-colour-swatch').find((s) => s.getAttribute('data-colour') === '#e15759')!);
    fireEvent.contextMenu(row('Kualitas'));
    fireEvent.click(screen.getByTestId('code-describe'));
    fireEvent.change(screen.getByTestId('code-description-input'), { target: { value: 'Mutu produk menurut konsumen.' } });
    fireEvent.click(screen.getByTestId('code-description-save'));
    await waitFor(() => expect(calls).toEqual([
      { name: 'codes.update', args: { id: 4, colour: '#e15759' } },
      { name: 'codes.update', args: { id: 4, description: 'Mutu produk menurut konsumen.' } },
    ]));
  });

  it('deletes after a confirmation that counts the codings and moves sub-codes up', async () => {
    await renderPanel();
    fireEvent.click(within(row('Co-creation')).getByTestId('code-menu'));
    fireEvent.click(screen.getByTestId('code-delete'));
    const dialog = screen.getByRole('dialog');
    expect(dialog.textContent).toContain('7 codings will be removed');
    expect(dialog.textContent).toContain('sub-codes (1) move up one level, under “Kolaborasi”');
    fireEvent.click(screen.getByTestId('confirm-delete'));
    await waitFor(() => expect(rowNames()).toEqual(['Kolaborasi', 'Kepercayaan', 'Ko-kreasi produk', 'Kualitas']));
    expect(calls).toEqual([{ name: 'codes.delete', args: { id: 2 } }]);
    expect((await screen.findByTestId('notice')).textContent).toBe('Deleted “Co-creation” and 7 codings. Press Ctrl+Z to undo.');
  });

  it('merges into a code chosen in the dialog, never into its own sub-codes', async () => {
    await renderPanel();
    fireEvent.click(within(row('Kolaborasi')).getByTestId('code-menu'));
    fireEvent.click(screen.getByTestId('code-merge'));
    const list = screen.getByTestId('merge-target') as HTMLSelectElement;
    expect([...list.options].filter((o) => !o.hidden).map((o) => o.textContent)).toEqual(['Kualitas']);
    expect(list.selectedIndex).toBe(0);
    expect(list.options[0]!.value).toBe('');
    expect((screen.getByTestId('merge-confirm') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(list, { target: { value: '4' } });
    fireEvent.click(screen.getByTestId('merge-confirm'));
    await waitFor(() => expect(calls).toEqual([{ name: 'codes.merge', args: { sourceId: 1, targetId: 4 } }]));
    await waitFor(() => expect(row('Co-creation').getAttribute('aria-level')).toBe('2'));
  });

  it('nests a dropped code, refuses its own subtree, and un-nests on the top-level zone', async () => {
    await renderPanel();
    const transfer = dataTransfer();
    fireEvent.dragStart(row('Kolaborasi'), { dataTransfer: transfer });
    expect(transfer.getData('application/x-tematik-code')).toBe('1');
    // Over its own sub-code the drop is not accepted (the default is not prevented).
    expect(fireEvent.dragOver(row('Ko-kreasi produk'), { dataTransfer: transfer })).toBe(true);
    expect(fireEvent.dragOver(row('Kualitas'), { dataTransfer: transfer })).toBe(false);
    fireEvent.drop(row('Kualitas'), { dataTransfer: transfer });
    await waitFor(() => expect(calls).toEqual([{ name: 'codes.move', args: { id: 1, parentId: 4 } }]));
    await waitFor(() => expect(row('Kolaborasi').getAttribute('aria-level')).toBe('2'));

    const back = dataTransfer();
    fireEvent.dragStart(row('Kolaborasi'), { dataTransfer: back });
    fireEvent.dragOver(screen.getByTestId('code-top-level'), { dataTransfer: back });
    fireEvent.drop(screen.getByTestId('code-top-level'), { dataTransfer: back });
    await waitFor(() => expect(calls.at(-1)).toEqual({ name: 'codes.move', args: { id: 1, parentId: null } }));
  });

  it('explains a drop that would give a parent two sub-codes of the same name, and moves nothing', async () => {
    codes.push(code(6, 'kepercayaan', 4));
    await renderPanel();
    const transfer = dataTransfer();
    fireEvent.dragStart(row('Kepercayaan'), { dataTransfer: transfer });
    expect(fireEvent.dragOver(row('Kualitas'), { dataTransfer: transfer })).toBe(false);
    fireEvent.drop(row('Kualitas'), { dataTransfer: transfer });
    expect((await screen.findByTestId('notice')).textContent).toContain('There is already a code named “Kepercayaan” there.');
    expect(calls).toEqual([]);
  });

  it('moves through the tree with the keyboard', async () => {
    await renderPanel();
    act(() => row('Kolaborasi').focus());
    fireEvent.keyDown(row('Kolaborasi'), { key: 'ArrowDown' });
    await waitFor(() => expect(document.activeElement).toBe(row('Co-creation')));
    fireEvent.keyDown(row('Co-creation'), { key: 'ArrowLeft' });
    expect(rowNames()).toEqual(['Kolaborasi', 'Co-creation', 'Kepercayaan', 'Kualitas']);
    fireEvent.keyDown(row('Co-creation'), { key: 'ArrowLeft' });
    await waitFor(() => expect(document.activeElement).toBe(row('Kolaborasi')));
    fireEvent.keyDown(row('Kolaborasi'), { key: 'ArrowRight' });
    await waitFor(() => expect(document.activeElement).toBe(row('Co-creation')));
    fireEvent.keyDown(row('Co-creation'), { key: 'ArrowRight' });
    expect(rowNames()).toHaveLength(5);
    fireEvent.keyDown(row('Kolaborasi'), { key: 'Delete' });
    expect(screen.getByRole('dialog').textContent).toContain('Delete the code “Kolaborasi”?');
  });
});

describe('CodebookPanel: width, added-up counts, pinned keys', () => {
  it('widens by its handle from the keyboard, within bounds, and remembers the width', async () => {
    localStorage.removeItem('tematik.codebook.width');
    await renderPanel();
    const panel = screen.getByTestId('codebook-panel');
    const handle = screen.getByTestId('codebook-resize');
    expect(panel.style.width).toBe('300px');
    fireEvent.keyDown(handle, { key: 'ArrowLeft', shiftKey: true });
    fireEvent.keyDown(handle, { key: 'ArrowLeft' });
    expect(panel.style.width).toBe('380px');
    expect(handle.getAttribute('aria-valuenow')).toBe('380');
    expect(localStorage.getItem('tematik.codebook.width')).toBe('380');
    fireEvent.keyDown(handle, { key: 'End' });
    expect(panel.style.width).toBe('720px');
    cleanup();
    await renderPanel();
    expect(screen.getByTestId('codebook-panel').style.width).toBe('720px');
    localStorage.removeItem('tematik.codebook.width');
  });

  it('adds up a parent code’s codings with its sub-codes’ when asked, and only then', async () => {
    await renderPanel();
    const codings = (name: string) => within(row(name)).getByTestId('code-codings').textContent;
    expect([codings('Kolaborasi'), codings('Co-creation'), codings('Kualitas')]).toEqual(['5', '7', '2']);
    fireEvent.click(screen.getByTestId('codes-roll-up'));
    // Kolaborasi 5 + Co-creation 7 + Ko-kreasi produk 1 + Kepercayaan 0; leaves keep their own.
    expect([codings('Kolaborasi'), codings('Co-creation'), codings('Ko-kreasi produk'), codings('Kualitas')]).toEqual(['13', '8', '1', '2']);
    expect(screen.getByTestId('codes-roll-up').getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(screen.getByTestId('codes-roll-up'));
    expect(codings('Kolaborasi')).toBe('5');
  });

  it('pins a key to a code from its menu, and with Alt and a digit on the focused row', async () => {
    await renderPanel();
    fireEvent.click(within(row('Kualitas')).getByTestId('code-menu'));
    fireEvent.click(screen.getByTestId('code-pin-key'));
    const choices = screen.getAllByTestId('code-pin-key-choice');
    expect(choices.map((c) => c.textContent)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
    fireEvent.click(choices[2]!);
    await waitFor(() => expect(calls).toEqual([{ name: 'hotkeys.set', args: { id: 4, key: 3 } }]));
    calls.length = 0;
    fireEvent.keyDown(row('Kepercayaan'), { key: '7', altKey: true });
    await waitFor(() => expect(calls).toEqual([{ name: 'hotkeys.set', args: { id: 3, key: 7 } }]));
  });

  it('shows a pinned key on its code, apart from the recent ones', async () => {
    codes = codes.map((c) => ((c.id as number) === 4 ? { ...c, hotkey: 2 } as Code : c));
    await renderPanel();
    const badge = within(row('Kualitas')).getByTestId('code-key');
    expect(badge.textContent).toBe('2');
    expect(badge.classList.contains('pinned')).toBe(true);
  });
});
