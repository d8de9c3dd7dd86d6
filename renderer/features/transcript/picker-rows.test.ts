import { describe, expect, it } from 'vitest';
import type { CodeId } from '../../../src/domain/ids';
import type { Code } from '../../../src/domain/types';
import { parentPath, pickerRows, type PickerRow } from './picker-rows';
import { keyAssignments } from './key-map';

const code = (id: number, name: string, parentId: number | null = null): Code => ({
  id: id as CodeId, parentId: parentId as CodeId | null, name, description: '', colour: '#4e79a7', inVivo: false, codingCount: 0, informantCount: 0, hotkey: null,
});
const codes = [code(1, 'Co-creation'), code(2, 'Polling Instagram', 1), code(3, 'Kendala modal'), code(4, 'Kapasitas produksi'), code(5, 'Polling', 3)];
const label = (r: PickerRow) => (r.kind === 'code' ? `${r.code.name}${r.shortcut ? ` [${r.shortcut}]` : ''}` : `+${r.name}`);

describe('pickerRows', () => {
  it('lists recent codes with their keys, then the rest by name', () => {
    const rows = pickerRows('', codes, [3 as CodeId, 1 as CodeId]);
    expect(rows.map(label)).toEqual(['Kendala modal [1]', 'Co-creation [2]', 'Kapasitas produksi', 'Polling', 'Polling Instagram']);
  });
  it('skips recent codes that no longer exist when numbering', () => {
    const rows = pickerRows('', codes, [99 as CodeId, 4 as CodeId]);
    expect(rows.map(label)[0]).toBe('Kapasitas produksi [1]');
  });
  it('ranks matches and offers to create a new code', () => {
    const rows = pickerRows('pol', codes, []);
    expect(rows.map(label)).toEqual(['Polling', 'Polling Instagram', '+pol']);
  });
  it('offers no create row when the name exists, whatever its case', () => {
    expect(pickerRows('kendala MODAL', codes, []).map(label)).toEqual(['Kendala modal']);
  });
  it('leaves only the create row when nothing matches', () => {
    expect(pickerRows('  Loyalitas  ', codes, [])).toEqual([{ kind: 'create', name: 'Loyalitas' }]);
  });
  it('prefers a recent code among equally good matches', () => {
    const twins = [code(1, 'Modal besar'), code(2, 'Modal kecil')];
    expect(pickerRows('modal', twins, [2 as CodeId]).map(label).slice(0, 2)).toEqual(['Modal kecil [1]', 'Modal besar']);
  });
  it('shows the parents of a sub-code', () => {
    const byId = new Map(codes.map((c) => [c.id, c]));
    expect(parentPath(codes[1]!, byId)).toBe('Co-creation');
    expect(parentPath(code(9, 'x', 2), byId)).toBe('Co-creation › Polling Instagram');
    expect(pickerRows('instagram', codes, [])[0]).toMatchObject({ kind: 'code', path: 'Co-creation' });
  });
});

describe('keys pinned to codes', () => {
  const id = (n: number) => n as CodeId;
  it('keeps a pinned key on its code and gives the free keys to recent codes in order', () => {
    const pinned = codes.map((c) => (c.id === id(4) ? { ...c, hotkey: 1 } : c.id === id(5) ? { ...c, hotkey: 3 } : c));
    const keys = keyAssignments(pinned, [id(2), id(4), id(1)]);
    expect(keys.slice(0, 4)).toEqual([id(4), id(2), id(5), id(1)]);
    const rows = pickerRows('', pinned, [id(2), id(4), id(1)]);
    expect(rows.slice(0, 4).map((r) => (r.kind === 'code' ? [r.code.name, r.shortcut] : null))).toEqual([
      ['Kapasitas produksi', 1], ['Polling Instagram', 2], ['Polling', 3], ['Co-creation', 4],
    ]);
  });
});
