import { describe, expect, it } from 'vitest';
import type { Code } from '../../../src/domain/types';
import { normaliseName, resolveCode, suggestCodes } from './code-choice';

const code = (id: number, name: string) => ({ id, name, parentId: null, colour: '#000000', codingCount: 0 }) as unknown as Code;
const codes = [code(1, 'Kolaborasi dengan pelanggan'), code(2, 'Co-creation'), code(3, 'Pelanggan loyal'), code(4, 'Pelatihan'), code(5, 'Kemitraan pelanggan')];

describe('suggestCodes', () => {
  it('ranks a prefix before a word start before a substring', () => {
    expect(suggestCodes(codes, 'pel').map((c) => c.name)).toEqual(['Pelatihan', 'Pelanggan loyal', 'Kemitraan pelanggan', 'Kolaborasi dengan pelanggan']);
    expect(suggestCodes(codes, 'creat').map((c) => c.id)).toEqual([2]);
  });

  it('ignores case and accents, and suggests nothing for nothing typed', () => {
    expect(suggestCodes(codes, 'KOLÁB').map((c) => c.id)).toEqual([1]);
    expect(suggestCodes(codes, '  ')).toEqual([]);
  });

  it('stops at the limit', () => {
    expect(suggestCodes(codes, 'a', 2)).toHaveLength(2);
  });
});

describe('resolveCode', () => {
  it('uses the existing code of the typed name, whatever its case', () => {
    expect(resolveCode(codes, '  co-CREATION ')).toEqual({ codeId: 2 });
  });

  it('makes a new code of a new name, on one line', () => {
    expect(resolveCode(codes, ' Jejaring   komunitas ')).toEqual({ codeName: 'Jejaring komunitas' });
    expect(resolveCode(codes, '   ')).toBeNull();
  });

  it('normalises names for comparison', () => {
    expect(normaliseName('  Kolaborasí  Pelanggan ')).toBe('kolaborasi pelanggan');
  });
});
