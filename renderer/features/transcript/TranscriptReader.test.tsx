// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CodeId, CoderId, CodingId, DocumentId, TurnId, Utf16Offset } from '../../../src/domain/ids';
import type { Code, Coding, DocumentContent, Turn } from '../../../src/domain/types';
import { pushRecentCode } from '../../lib/recent-codes';
import { rangeToOffsets } from './selection-offsets';
import { TranscriptReader, type ReaderActions } from './TranscriptReader';

const WORDS = ['usaha', 'pelanggan', 'produksi', 'modal', 'co-creation', 'kain', 'polling', 'Instagram', 'pre-order', 'penjahit', 'kualitas', 'harga'];

/** A long interview the way the importer stores it: `Name: utterance` lines, turns covering the utterances only. */
function syntheticDocument(turnCount: number, wordsPerTurn: number): DocumentContent {
  let text = 'Transkrip Wawancara — sintetis\n\n';
  const turns: Turn[] = [{ id: 1 as TurnId, seq: 0, speaker: '', role: 'unknown', startMs: null, endMs: null, start: 0 as Utf16Offset, end: 30 as Utf16Offset }];
  for (let i = 0; i < turnCount; i++) {
    const speaker = i % 2 === 0 ? 'Pewawancara' : 'Narasumber';
    text += `${speaker}: `;
    const start = text.length;
    const words = Array.from({ length: wordsPerTurn }, (_, w) => WORDS[(i * 7 + w) % WORDS.length]);
    text += `${words.join(' ')}.`;
    turns.push({
      id: (i + 2) as TurnId, seq: i + 1, speaker, role: i % 2 === 0 ? 'interviewer' : 'informant',
      startMs: i * 15_000, endMs: null, start: start as Utf16Offset, end: text.length as Utf16Offset,
    });
    text += '\n\n';
  }
  return {
    id: 1 as DocumentId, title: 'Sintetis', sourceName: 'sintetis.txt', format: 'txt', encoding: 'utf-8',
    wordCount: turnCount * wordsPerTurn, charCount: text.length, turnCount: turns.length, codingCount: 0, informantIds: [], importedAt: '2025-03-12T00:00:00Z', contentHash: '0'.repeat(64),
    text, turns,
  };
}

const code = (id: number, name: string): Code => ({ id: id as CodeId, parentId: null, name, description: '', colour: '#4e79a7', inVivo: false, codingCount: 0, informantCount: 0, hotkey: null });
const coding = (id: number, codeId: number, start: number, end: number, text: string): Coding => ({
  id: id as CodingId, documentId: 1 as DocumentId, codeId: codeId as CodeId, coderId: 1 as CoderId, coderName: 'Peneliti',
  start: start as Utf16Offset, end: end as Utf16Offset, quote: text.slice(start, end), createdAt: '2025-03-12T10:00:00Z',
});

function fakeActions(): ReaderActions & { applied: unknown[] } {
  const applied: unknown[] = [];
  return {
    applied,
    apply: vi.fn(async (range, choice) => {
      applied.push({ ...range, ...choice });
      return coding(99, 'codeId' in choice ? choice.codeId : 42, range.start, range.end, '');
    }),
    recode: vi.fn(async () => null),
    notify: vi.fn(),
  };
}

afterEach(() => {
  cleanup();
  document.getSelection()?.removeAllRanges();
});

describe('TranscriptReader', () => {
  const big = syntheticDocument(600, 84); // 50,400 words, about 350 KB

  it('opens a 50,000-word transcript rendering only the turns near the viewport', () => {
    expect(big.text.length).toBeGreaterThan(300_000);
    const started = performance.now();
    const { container } = render(<TranscriptReader doc={big} codings={[]} codes={[]} actions={fakeActions()} />);
    const elapsed = performance.now() - started;
    const turns = container.querySelectorAll('[data-testid=turn]');
    expect(turns.length).toBeGreaterThan(3);
    expect(turns.length).toBeLessThan(40);
    expect(container.querySelector('[data-testid=turn]')!.textContent).toContain('Transkrip Wawancara');
    // Generous bound for a slow CI machine; the real check is the render count above.
    expect(elapsed).toBeLessThan(1000);
  });

  it('renders other turns after scrolling, and still only a window of them', () => {
    const { container } = render(<TranscriptReader doc={big} codings={[]} codes={[]} actions={fakeActions()} />);
    const scroller = container.querySelector<HTMLElement>('[data-testid=transcript-scroller]')!;
    const canvas = container.querySelector<HTMLElement>('[data-testid=transcript-text]')!;
    const height = Number.parseFloat(canvas.style.height);
    expect(height).toBeGreaterThan(50_000);
    act(() => {
      scroller.scrollTop = height / 2;
      scroller.dispatchEvent(new Event('scroll'));
    });
    const indices = [...container.querySelectorAll<HTMLElement>('[data-testid=turn]')].map((el) => Number(el.dataset['index']));
    expect(indices.length).toBeLessThan(40);
    expect(Math.min(...indices)).toBeGreaterThan(200);
    expect(Math.max(...indices)).toBeLessThan(420);
  });

  it('shows speakers, timestamps and no speaker labels in the body text', () => {
    const { container } = render(<TranscriptReader doc={big} codings={[]} codes={[]} actions={fakeActions()} />);
    const second = container.querySelectorAll<HTMLElement>('[data-testid=turn]')[2]!;
    expect(second.dataset['speaker']).toBe('Narasumber');
    expect(second.classList.contains('role-informant')).toBe(true);
    expect(second.querySelector('.tv-time')!.textContent).toBe('00:15');
    expect(second.querySelector('.tv-text')!.textContent).not.toContain('Narasumber:');
  });

  it('maps a selection across two rendered turns to exact offsets', () => {
    const { container } = render(<TranscriptReader doc={big} codings={[]} codes={[]} actions={fakeActions()} />);
    const canvas = container.querySelector<HTMLElement>('[data-testid=transcript-text]')!;
    const [, first, second] = [...container.querySelectorAll('[data-testid=turn]')];
    const from = first!.querySelector('[data-start]')!.firstChild!;
    const to = second!.querySelector('[data-start]')!.firstChild!;
    const range = document.createRange();
    range.setStart(from, 6);
    range.setEnd(to, 9);
    const got = rangeToOffsets(canvas, big.text, range)!;
    expect(got.start).toBe(big.turns[1]!.start + 6);
    expect(got.end).toBe(big.turns[2]!.start + 9);
    expect(big.text.slice(got.start, got.end)).toMatch(/\nNarasumber: /);
  });

  it('draws coded text and one stripe per coding in its code colour, named after the code', () => {
    const t1 = big.turns[1]!;
    const codings = [coding(1, 1, t1.start, t1.start + 20, big.text), coding(2, 2, t1.start + 5, t1.end, big.text)];
    const { container } = render(<TranscriptReader doc={big} codings={codings} codes={[code(1, 'Kendala modal'), code(2, 'Kapasitas produksi')]} actions={fakeActions()} />);
    const stripes = [...container.querySelectorAll<HTMLElement>('[data-testid=stripe]')];
    expect(stripes.map((s) => s.dataset['codeName']).sort()).toEqual(['Kapasitas produksi', 'Kendala modal']);
    expect(stripes.map((s) => s.title).sort()).toEqual(['Kapasitas produksi', 'Kendala modal']);
    // Overlapping codings get separate lanes.
    expect(new Set(stripes.map((s) => s.style.left)).size).toBe(2);
    const overlap = container.querySelector<HTMLElement>('.tv-overlap')!;
    expect(overlap.dataset['codings']).toBe('1 2');
    expect(big.text.slice(Number(overlap.dataset['start']), Number(overlap.dataset['end']))).toBe(big.text.slice(t1.start + 5, t1.start + 20));
  });

  it('opens the code picker for a selection and applies a recent code with its number key', async () => {
    vi.useFakeTimers();
    try {
      pushRecentCode(7 as CodeId);
      const actions = fakeActions();
      const { container, queryByTestId } = render(
        <TranscriptReader doc={big} codings={[]} codes={[code(7, 'Polling Instagram')]} actions={actions} />,
      );
      const span = container.querySelectorAll('[data-testid=turn]')[1]!.querySelector('[data-start]')!;
      const range = document.createRange();
      range.setStart(span.firstChild!, 0);
      range.setEnd(span.firstChild!, 5);
      act(() => {
        document.getSelection()!.removeAllRanges();
        document.getSelection()!.addRange(range);
        document.dispatchEvent(new Event('selectionchange'));
        vi.advanceTimersByTime(200);
      });
      expect(queryByTestId('code-picker')).not.toBeNull();
      expect(queryByTestId('code-picker')!.textContent).toContain('Polling Instagram');
      await act(async () => {
        fireEvent.keyDown(window, { key: '1' });
        await Promise.resolve();
      });
      const start = big.turns[1]!.start;
      expect(actions.applied).toEqual([{ start, end: start + 5, codeId: 7 }]);
      expect(queryByTestId('code-picker')).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it('codes a keyboard selection: focus, extend by word, a number key applies its code to the exact offsets', async () => {
    pushRecentCode(7 as CodeId);
    const actions = fakeActions();
    const { container } = render(<TranscriptReader doc={big} codings={[]} codes={[code(7, 'Polling Instagram')]} actions={actions} />);
    const canvas = container.querySelector<HTMLElement>('[data-testid=transcript-text]')!;
    expect(canvas.tabIndex).toBe(0);
    act(() => { canvas.focus(); });
    // The caret starts on the first rendered line: the preamble.
    expect(Number(canvas.dataset['caret'])).toBe(0);
    const turn = big.turns[1]!;
    act(() => { fireEvent.keyDown(canvas, { key: 'ArrowDown' }); });
    expect(Number(canvas.dataset['caret'])).toBe(turn.start);
    act(() => { fireEvent.keyDown(canvas, { key: 'ArrowRight', ctrlKey: true, shiftKey: true }); });
    act(() => { fireEvent.keyDown(canvas, { key: 'ArrowRight', ctrlKey: true, shiftKey: true }); });
    const end = big.text.indexOf(' ', big.text.indexOf(' ', turn.start) + 1);
    expect([Number(canvas.dataset['anchor']), Number(canvas.dataset['caret'])]).toEqual([turn.start, end]);
    await act(async () => {
      fireEvent.keyDown(window, { key: '1' });
      await Promise.resolve();
    });
    expect(actions.applied).toEqual([{ start: turn.start, end, codeId: 7 }]);
  });

  it('opens the code picker on a keyboard selection with Enter, its input focused', () => {
    const { container, getByTestId } = render(<TranscriptReader doc={big} codings={[]} codes={[code(7, 'Polling Instagram')]} actions={fakeActions()} />);
    const canvas = container.querySelector<HTMLElement>('[data-testid=transcript-text]')!;
    act(() => { canvas.focus(); });
    for (const key of [{ key: 'ArrowDown' }, { key: 'End', shiftKey: true }, { key: 'Enter' }]) act(() => { fireEvent.keyDown(canvas, key); });
    const turn = big.turns[1]!;
    expect(getByTestId('code-picker').textContent).toContain(big.text.slice(turn.start, turn.start + 30));
    expect(document.activeElement).toBe(getByTestId('code-picker-input'));
  });

  it('puts one stripe in the tab order, named by its code and quote', () => {
    const t1 = big.turns[1]!;
    const codings = [coding(1, 1, t1.start, t1.start + 20, big.text), coding(2, 2, t1.start + 5, t1.end, big.text)];
    const { container } = render(<TranscriptReader doc={big} codings={codings} codes={[code(1, 'Kendala modal'), code(2, 'Kapasitas produksi')]} actions={fakeActions()} />);
    const stripes = [...container.querySelectorAll<HTMLElement>('[data-testid=stripe]')];
    expect(stripes.filter((s) => s.tabIndex === 0).map((s) => s.dataset['codeName'])).toEqual(['Kendala modal']);
    expect(stripes.find((s) => s.dataset['codeName'] === 'Kendala modal')!.getAttribute('aria-label')).toBe(`Coding Kendala modal: “${big.text.slice(t1.start, t1.start + 20)}”`);
  });

  it('moves the focus from stripe to stripe with the arrow keys, the tab stop following', async () => {
    const t1 = big.turns[1]!;
    const codings = [coding(1, 1, t1.start, t1.start + 20, big.text), coding(2, 2, t1.start + 5, t1.end, big.text)];
    const { container } = render(<TranscriptReader doc={big} codings={codings} codes={[code(1, 'Kendala modal'), code(2, 'Kapasitas produksi')]} actions={fakeActions()} />);
    const stripe = (name: string) => container.querySelector<HTMLElement>(`[data-testid=stripe][data-code-name="${name}"]`)!;
    act(() => { stripe('Kendala modal').focus(); });
    act(() => { fireEvent.keyDown(stripe('Kendala modal'), { key: 'ArrowDown' }); });
    await waitFor(() => expect(document.activeElement).toBe(stripe('Kapasitas produksi')));
    expect(stripe('Kapasitas produksi').tabIndex).toBe(0);
    expect(stripe('Kendala modal').tabIndex).toBe(-1);
    act(() => { fireEvent.keyDown(stripe('Kapasitas produksi'), { key: 'Home' }); });
    await waitFor(() => expect(document.activeElement).toBe(stripe('Kendala modal')));
  });

  it('shows a document without turns as paragraphs, without speakers', () => {
    const text = 'Catatan lapangan pertama.\nKedua, tentang pameran.\n\nKetiga.';
    const doc: DocumentContent = { ...big, text, turns: [], turnCount: 0, wordCount: 7, charCount: text.length };
    const { container } = render(<TranscriptReader doc={doc} codings={[]} codes={[]} actions={fakeActions()} />);
    const blocks = [...container.querySelectorAll<HTMLElement>('[data-testid=turn]')];
    expect(blocks.map((b) => b.querySelector('.tv-text')!.textContent)).toEqual(['Catatan lapangan pertama.Kedua, tentang pameran.', 'Ketiga.']);
    expect(container.querySelector('.tv-speaker')).toBeNull();
    expect(blocks[0]!.querySelectorAll('br').length).toBe(1);
  });

  it('scrolls to a focused range far down the transcript', () => {
    const target = big.turns[450]!;
    const onFocusScrolled = vi.fn();
    const { container } = render(
      <TranscriptReader doc={big} codings={[]} codes={[]} actions={fakeActions()} focus={{ start: target.start + 3, end: target.start + 12 }} onFocusScrolled={onFocusScrolled} />,
    );
    const blockIndex = 450; // turn 451 of the stored list; block 0 is the preamble
    expect(onFocusScrolled).toHaveBeenCalledWith(blockIndex);
    const rendered = [...container.querySelectorAll<HTMLElement>('[data-testid=turn]')];
    const focused = rendered.find((el) => el.classList.contains('is-focus'))!;
    expect(Number(focused.dataset['index'])).toBe(blockIndex);
    expect(rendered.length).toBeLessThan(40);
  });
});
