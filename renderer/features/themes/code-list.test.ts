import { describe, expect, it } from 'vitest';
import type { CodeId } from '../../../src/domain/ids';
import type { Code } from '../../../src/domain/types';
import { clickSelect, codeRows, emptySelection, fold, selectedInOrder } from './code-list';

const code = (id: number, name: string, parentId: number | null = null, description = ''): Code => ({
  id: id as CodeId, parentId: parentId as CodeId | null, name, description, colour: '#000000', inVivo: false, codingCount: 0, informantCount: 0, hotkey: null,
});
const codes = [code(1, 'Kualitas'), code(2, 'Harga', 1), code(3, 'Café lokal'), code(4, 'Polling', 3, 'voting di Instagram')];
const ids = (list: number[]) => list as CodeId[];

describe('codeRows', () => {
  it('lists parents before sub-codes with their depth', () => {
    expect(codeRows(codes, '').map((r) => [r.code.name, r.depth])).toEqual([['Kualitas', 0], ['Harga', 1], ['Café lokal', 0], ['Polling', 1]]);
  });

  it('filters on name and description, ignoring case and accents, keeping ancestors as context', () => {
    expect(codeRows(codes, 'CAFE').map((r) => r.code.name)).toEqual(['Café lokal']);
    const rows = codeRows(codes, 'instagram');
    expect(rows.map((r) => [r.code.name, r.match])).toEqual([['Café lokal', false], ['Polling', true]]);
  });

  it('keeps only the given codes when asked (e.g. unthemed)', () => {
    expect(codeRows(codes, '', new Set(ids([2, 3]))).map((r) => [r.code.name, r.match])).toEqual([['Kualitas', false], ['Harga', true], ['Café lokal', true]]);
  });

  it('folds text', () => {
    expect(fold('Ékonomi Café')).toBe('ekonomi cafe');
  });
});

describe('clickSelect', () => {
  const visible = ids([1, 2, 3, 4]);
  it('toggles a code with a plain click', () => {
    const one = clickSelect(emptySelection, 2 as CodeId, visible, false);
    expect([...one.ids]).toEqual([2]);
    expect(one.anchor).toBe(2);
    expect([...clickSelect(one, 2 as CodeId, visible, false).ids]).toEqual([]);
  });

  it('selects a range with shift-click, in either direction, adding to the selection', () => {
    const start = clickSelect(emptySelection, 3 as CodeId, visible, false);
    expect([...clickSelect(start, 1 as CodeId, visible, true).ids].sort()).toEqual([1, 2, 3]);
    const more = clickSelect(clickSelect(emptySelection, 1 as CodeId, visible, false), 3 as CodeId, visible, false);
    expect([...clickSelect(more, 4 as CodeId, visible, true).ids].sort()).toEqual([1, 3, 4]);
  });

  it('falls back to a toggle when the anchor is not visible (filtered out)', () => {
    const start = clickSelect(emptySelection, 9 as CodeId, visible, false);
    expect([...clickSelect(start, 2 as CodeId, visible, true).ids].sort()).toEqual([2, 9]);
  });

  it('returns the selected codes that still exist, in list order', () => {
    expect(selectedInOrder({ ids: new Set(ids([4, 1, 99])), anchor: null }, codes)).toEqual([1, 4]);
  });
});
