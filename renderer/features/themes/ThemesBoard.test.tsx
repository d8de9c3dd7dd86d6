// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Code, Theme } from '../../../src/domain/types';
import { installStandInBridge, type BridgeCall } from '../../test-support/stand-in-bridge';
import { dataTransfer } from '../../test-support/data-transfer';

/** The themes board's two drags against a stand-in bridge: a card by its handle, a chip between cards. */
const calls: BridgeCall[] = [];
const code = (id: number, name: string): Code => ({ id, parentId: null, name, description: '', colour: '#4e79a7', inVivo: false, codingCount: 2, informantCount: 1, hotkey: null } as unknown as Code);
const theme = (id: number, name: string, codeIds: number[]): Theme => ({
  id, parentId: null, name, definition: '', scope: '', status: 'candidate', colour: '#59a14f', exemplarCodingId: null, codeIds, convergence: null, convergenceReason: '',
} as unknown as Theme);
let themes: Theme[] = [];
const codes = [code(1, 'Polling media sosial'), code(2, 'Rasa memiliki')];

function handle(name: string): unknown {
  switch (name) {
    case 'app.info': return { host: 'browser', dialogs: false, sampleAvailable: true, recent: [], projectPath: '/tmp/x.tematik', version: '0' };
    case 'project.info': return { name: 'Studi', description: '', phase: 3, createdAt: '', schemaVersion: 5, path: '/tmp/x.tematik' };
    case 'history.state': return { undo: null, redo: null };
    case 'codes.list': return codes;
    case 'codes.unthemed': return [];
    case 'themes.list': return themes;
    case 'analysis.triangulation': return { columns: [], rows: [], notInterviewed: [] };
    default: return themes[0] ?? null;
  }
}

let ThemesBoard: typeof import('./ThemesBoard').ThemesBoard;
let ProjectProvider: typeof import('../../lib/state').ProjectProvider;
let I18nProvider: typeof import('../../i18n/i18n').I18nProvider;

beforeAll(async () => {
  installStandInBridge((name) => handle(name), { record: calls, ignore: /\.(list|info|state|unthemed|triangulation)$/ });
  ({ ThemesBoard } = await import('./ThemesBoard'));
  ({ ProjectProvider } = await import('../../lib/state'));
  ({ I18nProvider } = await import('../../i18n/i18n'));
});
beforeEach(() => {
  calls.length = 0;
  themes = [theme(10, 'Co-creation digital', [1, 2]), theme(11, 'Loyalitas pelanggan', [])];
});
afterEach(cleanup);

const card = (name: string) => screen.getAllByTestId('theme-card').find((c) => c.getAttribute('data-theme-name') === name)!;

async function renderBoard() {
  render(<I18nProvider language="en"><ProjectProvider><ThemesBoard /></ProjectProvider></I18nProvider>);
  await waitFor(() => expect(screen.getAllByTestId('theme-card')).toHaveLength(2));
}

function drag(from: Element, to: Element) {
  const transfer = dataTransfer();
  fireEvent.dragStart(from, { dataTransfer: transfer });
  fireEvent.dragOver(to, { dataTransfer: transfer });
  fireEvent.drop(to, { dataTransfer: transfer });
}

describe('ThemesBoard drags', () => {
  it('moves a theme only by its handle: the card itself is not draggable', async () => {
    await renderBoard();
    expect(card('Co-creation digital').getAttribute('draggable')).toBeNull();
    drag(within(card('Loyalitas pelanggan')).getByTestId('theme-handle'), card('Co-creation digital'));
    await waitFor(() => expect(calls).toEqual([{ name: 'themes.update', args: { id: 11, parentId: 10 } }]));
  });

  it('asks before a chip dragged from one theme lands in another, and moves it in one action', async () => {
    await renderBoard();
    const chip = within(card('Co-creation digital')).getAllByTestId('theme-code-chip').find((c) => c.getAttribute('data-code-name') === 'Rasa memiliki')!;
    drag(chip, card('Loyalitas pelanggan'));
    const dialog = await screen.findByTestId('chip-move-dialog');
    expect(dialog.textContent).toContain('“Rasa memiliki” is in “Co-creation digital”');
    expect(calls).toEqual([]);
    fireEvent.click(screen.getByTestId('chip-move'));
    await waitFor(() => expect(calls).toEqual([{ name: 'board.moveCode', args: { codeId: 2, fromId: 10, toId: 11 } }]));
  });

  it('keeps the code in both themes when asked to', async () => {
    await renderBoard();
    const chip = within(card('Co-creation digital')).getAllByTestId('theme-code-chip').find((c) => c.getAttribute('data-code-name') === 'Polling media sosial')!;
    drag(chip, card('Loyalitas pelanggan'));
    fireEvent.click(await screen.findByTestId('chip-also-add'));
    await waitFor(() => expect(calls).toEqual([{ name: 'themes.addCodes', args: { id: 11, codeIds: [1] } }]));
    expect(screen.queryByTestId('chip-move-dialog')).toBeNull();
  });

  it('adds a code dragged from the code list without asking', async () => {
    await renderBoard();
    const row = screen.getAllByTestId('board-code').find((r) => r.getAttribute('data-code-name') === 'Rasa memiliki')!;
    drag(row, card('Loyalitas pelanggan'));
    await waitFor(() => expect(calls).toEqual([{ name: 'themes.addCodes', args: { id: 11, codeIds: [2] } }]));
    expect(screen.queryByTestId('chip-move-dialog')).toBeNull();
  });
});
