import { describe, expect, it } from 'vitest';
import type { CodeId } from '../../../src/domain/ids';
import type { Code } from '../../../src/domain/types';
import { mergeTargets, moveVerdict, refusedTargets } from './drag-rules';

const code = (id: number, name: string, parentId: number | null = null): Code => ({
  id: id as CodeId, parentId: parentId as CodeId | null, name, description: '', colour: '#4e79a7', inVivo: false, codingCount: 0, informantCount: 0, hotkey: null,
});
const id = (n: number) => n as CodeId;

// Kolaborasi ─┬─ Co-creation ── Ko-kreasi
//             └─ Kepercayaan
// Kualitas ── Kepercayaan
const codes = [code(1, 'Kolaborasi'), code(2, 'Co-creation', 1), code(3, 'Kepercayaan', 1), code(4, 'Kualitas'), code(5, 'Ko-kreasi', 2), code(6, 'kepercayaan', 4)];

describe('moveVerdict', () => {
  it('allows nesting a code under an unrelated code', () => {
    expect(moveVerdict(codes, id(4), id(5))).toBe('ok');
    expect(moveVerdict(codes, id(5), id(4))).toBe('ok');
  });

  it('refuses a code onto itself or into its own subtree', () => {
    expect(moveVerdict(codes, id(1), id(1))).toBe('self');
    expect(moveVerdict(codes, id(1), id(2))).toBe('descendant');
    expect(moveVerdict(codes, id(1), id(5))).toBe('descendant');
  });

  it('treats a drop on the current parent as no move', () => {
    expect(moveVerdict(codes, id(2), id(1))).toBe('already-there');
    expect(moveVerdict(codes, id(1), null)).toBe('already-there');
  });

  it('refuses a sibling name clash, case-insensitively, as the store does', () => {
    expect(moveVerdict(codes, id(3), id(4))).toBe('name-clash');
    expect(moveVerdict(codes, id(6), id(1))).toBe('name-clash');
  });

  it('allows moving to the top level', () => {
    expect(moveVerdict(codes, id(5), null)).toBe('ok');
  });

  it('says unknown for codes that are gone', () => {
    expect(moveVerdict(codes, id(99), null)).toBe('unknown');
    expect(moveVerdict(codes, id(1), id(99))).toBe('unknown');
  });
});

describe('mergeTargets', () => {
  it('offers every code except the source and its sub-codes', () => {
    expect(mergeTargets(codes, id(2)).map((c) => c.id)).toEqual([1, 3, 4, 6]);
    expect(mergeTargets(codes, id(4)).map((c) => c.id)).toEqual([1, 2, 3, 5]);
  });
});

describe('refusedTargets', () => {
  it('holds exactly the structural refusals of moveVerdict, the top level included', () => {
    const structural = new Set(['self', 'descendant', 'already-there']);
    for (const dragged of codes) {
      const refused = refusedTargets(codes, dragged.id);
      for (const target of [...codes.map((c) => c.id), null]) {
        expect(refused.has(target), `${dragged.name} → ${target}`).toBe(structural.has(moveVerdict(codes, dragged.id, target)));
      }
    }
  });

  it('lets a name clash through, so the drop can explain it', () => {
    expect(moveVerdict(codes, id(3), id(4))).toBe('name-clash');
    expect(refusedTargets(codes, id(3)).has(id(4))).toBe(false);
  });
});
