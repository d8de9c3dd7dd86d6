// @vitest-environment happy-dom
import { cleanup, fireEvent, render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CodeId } from '../../../src/domain/ids';
import type { Code } from '../../../src/domain/types';
import { CodePicker } from './CodePicker';

const code = (id: number, name: string): Code => ({ id: id as CodeId, parentId: null, name, description: '', colour: '#4e79a7', inVivo: false, codingCount: 0, informantCount: 0, hotkey: null });
const codes = [code(1, 'Kendala modal'), code(2, 'Kapasitas produksi'), code(3, 'Polling Instagram')];

function open(props: Partial<Parameters<typeof CodePicker>[0]> = {}) {
  const onChoose = vi.fn();
  const onClose = vi.fn();
  const view = render(
    <CodePicker codes={codes} recent={[3 as CodeId]} mode="apply" quote={'  “Ujung lengannya dikasih karet dong”  '} position={{ left: 0, top: 0 }} onChoose={onChoose} onClose={onClose} {...props} />,
  );
  const input = view.getByTestId('code-picker-input') as HTMLInputElement;
  return { ...view, input, onChoose, onClose };
}

afterEach(cleanup);

describe('CodePicker', () => {
  it('lists recent codes first with their number keys', () => {
    const { getAllByTestId } = open();
    const rows = getAllByTestId('code-picker-option');
    expect(rows[0]!.textContent).toContain('Polling Instagram');
    expect(rows[0]!.querySelector('.kbd')!.textContent).toBe('1');
  });

  it('filters as you type and applies the highlighted code with Enter', () => {
    const { input, getAllByTestId, onChoose } = open();
    fireEvent.change(input, { target: { value: 'kap' } });
    expect(getAllByTestId('code-picker-option')[0]!.textContent).toContain('Kapasitas produksi');
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onChoose).toHaveBeenCalledWith({ codeId: 2 });
  });

  it('moves the highlight with the arrow keys', () => {
    const { input, onChoose } = open();
    fireEvent.change(input, { target: { value: 'a' } });
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    fireEvent.keyDown(input, { key: 'Enter' });
    const first = onChoose.mock.calls[0]![0] as { codeId: number };
    expect(first.codeId).toBeDefined();
    fireEvent.keyDown(input, { key: 'ArrowUp' });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onChoose.mock.calls[1]![0]).not.toEqual(first);
  });

  it('creates a code with Enter when nothing matches', () => {
    const { input, getByTestId, onChoose } = open();
    fireEvent.change(input, { target: { value: 'Loyalitas pelanggan' } });
    expect(getByTestId('code-picker-create').textContent).toContain('Loyalitas pelanggan');
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onChoose).toHaveBeenCalledWith({ codeName: 'Loyalitas pelanggan' });
  });

  it('does nothing on Enter before a query or an arrow key', () => {
    const { input, onChoose } = open();
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onChoose).not.toHaveBeenCalled();
  });

  it('starts the search when a letter is typed while the text has focus', () => {
    const { input } = open();
    fireEvent.keyDown(document.body, { key: 'p' });
    expect(input.value).toBe('p');
    expect(document.activeElement).toBe(input);
  });

  it('applies an in-vivo code named after the selected words', () => {
    const { getByTestId, onChoose } = open();
    fireEvent.click(getByTestId('in-vivo'));
    expect(onChoose).toHaveBeenCalledWith({ codeName: 'Ujung lengannya dikasih karet dong', inVivo: true });
  });

  it('closes with Esc', () => {
    const { onClose } = open();
    fireEvent.keyDown(document.body, { key: 'Escape' });
    expect(onClose).toHaveBeenCalled();
  });

  it('leaves out the current code and the in-vivo button when re-coding', () => {
    const { queryByTestId, getAllByTestId } = open({ mode: 'recode', currentCodeId: 1 as CodeId });
    expect(queryByTestId('in-vivo')).toBeNull();
    expect(getAllByTestId('code-picker-option').map((r) => r.textContent)).not.toContain('Kendala modal');
  });
});
