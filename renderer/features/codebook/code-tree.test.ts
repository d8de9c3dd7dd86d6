import { describe, expect, it } from 'vitest';
import type { CodeId } from '../../../src/domain/ids';
import type { Code } from '../../../src/domain/types';
import { ancestorsOf, buildCodeTree, codeMatches, codePath, filterCodeTree, keepUnchanged, subtreeIds, visibleRows } from './code-tree';

const code = (id: number, name: string, parentId: number | null = null): Code => ({
  id: id as CodeId, parentId: parentId as CodeId | null, name, description: '', colour: '#4e79a7', inVivo: false, codingCount: 0, informantCount: 0, hotkey: null,
});
const id = (n: number) => n as CodeId;

// Kolaborasi ─┬─ Co-creation ── Ko-kreasi produk
//             └─ Kepercayaan
// Kualitas
const codes = [code(1, 'Kolaborasi'), code(2, 'Co-creation', 1), code(3, 'Kepercayaan', 1), code(4, 'Kualitas'), code(5, 'Ko-kreasi produk', 2)];
const names = (rows: { code: Code; depth: number }[]) => rows.map((r) => `${'  '.repeat(r.depth)}${r.code.name}`);

describe('buildCodeTree', () => {
  it('nests codes under their parents and keeps the list order among siblings', () => {
    const roots = buildCodeTree(codes);
    expect(roots.map((n) => n.code.name)).toEqual(['Kolaborasi', 'Kualitas']);
    expect(roots[0]!.children.map((n) => n.code.name)).toEqual(['Co-creation', 'Kepercayaan']);
    expect(roots[0]!.children[0]!.children.map((n) => n.code.name)).toEqual(['Ko-kreasi produk']);
  });

  it('accepts children listed before their parent', () => {
    const roots = buildCodeTree([code(5, 'child', 6), code(6, 'parent')]);
    expect(roots).toHaveLength(1);
    expect(roots[0]!.children[0]!.code.name).toBe('child');
  });

  it('turns a code with a missing parent or a parent cycle into a root instead of losing it', () => {
    const roots = buildCodeTree([code(1, 'orphan', 99), code(2, 'a', 3), code(3, 'b', 2), code(4, 'under a', 2)]);
    const all = (nodes: readonly { code: Code; children: readonly unknown[] }[]): string[] =>
      nodes.flatMap((n) => [n.code.name, ...all(n.children as typeof nodes)]);
    expect(all(roots).sort()).toEqual(['a', 'b', 'orphan', 'under a']);
    expect(roots.map((n) => n.code.name)).toContain('orphan');
  });
});

describe('visibleRows', () => {
  it('walks depth first and hides the sub-codes of collapsed codes', () => {
    const roots = buildCodeTree(codes);
    expect(names(visibleRows(roots, new Set()))).toEqual(['Kolaborasi', '  Co-creation', '    Ko-kreasi produk', '  Kepercayaan', 'Kualitas']);
    const rows = visibleRows(roots, new Set([id(2)]));
    expect(names(rows)).toEqual(['Kolaborasi', '  Co-creation', '  Kepercayaan', 'Kualitas']);
    expect(rows[1]).toMatchObject({ hasChildren: true, expanded: false });
    expect(rows[3]).toMatchObject({ hasChildren: false, expanded: false });
  });

  it('opens everything when forced (a filter is on)', () => {
    expect(visibleRows(buildCodeTree(codes), new Set([id(1)]), { forceExpand: true })).toHaveLength(5);
  });
});

describe('filterCodeTree', () => {
  it('keeps matches with their ancestors, and marks only the matches', () => {
    const { roots, matches } = filterCodeTree(buildCodeTree(codes), 'produk');
    expect([...matches]).toEqual([id(5)]);
    const rows = visibleRows(roots, new Set(), { forceExpand: true, matches });
    expect(names(rows)).toEqual(['Kolaborasi', '  Co-creation', '    Ko-kreasi produk']);
    expect(rows.map((r) => r.match)).toEqual([false, false, true]);
  });

  it('ignores case and diacritics and needs every word', () => {
    expect(codeMatches(code(1, 'Kualitas Café'), 'kualitas cafe')).toBe(true);
    expect(codeMatches(code(1, 'Kualitas Café'), 'CAFÉ')).toBe(true);
    expect(codeMatches(code(1, 'Kualitas Café'), 'kualitas teh')).toBe(false);
  });

  it('keeps a matching parent without its non-matching children', () => {
    const { roots } = filterCodeTree(buildCodeTree(codes), 'kolab');
    expect(names(visibleRows(roots, new Set(), { forceExpand: true }))).toEqual(['Kolaborasi']);
  });

  it('keeps everything, with every row a match, for an empty query', () => {
    const { roots, matches } = filterCodeTree(buildCodeTree(codes), '  ');
    const rows = visibleRows(roots, new Set(), { matches });
    expect(rows).toHaveLength(5);
    expect(rows.every((r) => r.match)).toBe(true);
  });
});

describe('subtree and ancestors', () => {
  it('finds every code below a code', () => {
    expect([...subtreeIds(codes, id(1))].sort()).toEqual([1, 2, 3, 5]);
    expect([...subtreeIds(codes, id(4))]).toEqual([4]);
  });

  it('lists ancestors from the top and names the path', () => {
    expect(ancestorsOf(codes, id(5)).map((c) => c.name)).toEqual(['Kolaborasi', 'Co-creation']);
    expect(codePath(codes, id(5))).toBe('Kolaborasi › Co-creation › Ko-kreasi produk');
    expect(codePath(codes, id(4))).toBe('Kualitas');
  });
});

describe('keepUnchanged', () => {
  it('answers the objects shown before for codes a re-read left as they were, and the new ones for the rest', () => {
    const before = new Map(codes.map((c) => [c.id, c]));
    // A re-read after coding a passage with "Kepercayaan": new objects throughout, one count changed, one code new.
    const reread = [...codes.map((c) => (c.id === 3 ? { ...c, codingCount: 1, informantCount: 1 } : { ...c })), code(6, 'Harga')];
    const kept = keepUnchanged(before, reread);
    expect(kept.map((c) => c === before.get(c.id))).toEqual([true, true, false, true, true, false]);
    expect(kept[2]).toBe(reread[2]);
    expect(kept[2]!.codingCount).toBe(1);
    // A field the list gained is a change too.
    expect(keepUnchanged(before, [{ ...codes[0]!, extra: 1 } as Code])[0]).not.toBe(codes[0]);
  });
});
