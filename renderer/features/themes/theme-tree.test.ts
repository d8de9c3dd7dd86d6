import { describe, expect, it } from 'vitest';
import type { CodeId, ThemeId } from '../../../src/domain/ids';
import type { Theme, ThemeStatus } from '../../../src/domain/types';
import { ancestorsOf, buildThemeTree, canNest, flattenTree, partitionThemes, subtreeIds, themeUse, type ThemeNode } from './theme-tree';

const theme = (id: number, parentId: number | null = null, status: ThemeStatus = 'candidate', codeIds: number[] = []): Theme => ({
  id: id as ThemeId, parentId: parentId as ThemeId | null, name: `T${id}`, definition: '', scope: '', status, colour: '#000000',
  exemplarCodingId: null, codeIds: codeIds as CodeId[], convergence: null, convergenceReason: '', finding: '',
});
const names = (nodes: readonly ThemeNode[]): unknown => nodes.map((n) => (n.children.length ? [n.theme.name, names(n.children)] : n.theme.name));

describe('buildThemeTree', () => {
  it('nests sub-themes under their parent in list order', () => {
    expect(names(buildThemeTree([theme(1), theme(2, 1), theme(3), theme(4, 2)]))).toEqual([['T1', [['T2', ['T4']]]], 'T3']);
  });

  it('keeps a theme whose parent is missing, and themes in a loop, at the top level', () => {
    expect(names(buildThemeTree([theme(1, 99), theme(2, 3), theme(3, 2)]))).toEqual(['T1', ['T2', ['T3']]]);
  });
});

describe('partitionThemes', () => {
  it('sets discarded themes aside with their sub-themes', () => {
    const { active, discarded } = partitionThemes([theme(1), theme(2, 1, 'discarded'), theme(3, null, 'discarded'), theme(4, 3)]);
    expect(names(active)).toEqual(['T1']);
    expect(names(discarded)).toEqual(['T2', ['T3', ['T4']]]);
  });
});

describe('tree helpers', () => {
  const themes = [theme(1), theme(2, 1), theme(3, 2), theme(4)];
  it('flattens depth first', () => {
    expect(flattenTree(buildThemeTree(themes)).map((t) => t.id)).toEqual([1, 2, 3, 4]);
  });

  it('finds a subtree', () => {
    expect([...subtreeIds(themes, 2 as ThemeId)]).toEqual([2, 3]);
  });

  it('refuses nesting into itself, its own sub-theme, or where it already is', () => {
    expect(canNest(themes, 1 as ThemeId, 3 as ThemeId)).toBe(false);
    expect(canNest(themes, 1 as ThemeId, 1 as ThemeId)).toBe(false);
    expect(canNest(themes, 2 as ThemeId, 1 as ThemeId)).toBe(false);
    expect(canNest(themes, 4 as ThemeId, 3 as ThemeId)).toBe(true);
    expect(canNest(themes, 3 as ThemeId, 4 as ThemeId)).toBe(true);
  });

  it('lists ancestors from the top down', () => {
    expect(ancestorsOf(themes, 3 as ThemeId).map((t) => t.id)).toEqual([1, 2]);
    expect(ancestorsOf(themes, 4 as ThemeId)).toEqual([]);
  });

  it('counts how many themes in play use each code', () => {
    const use = themeUse([theme(1, null, 'candidate', [1, 2]), theme(2, null, 'defined', [2]), theme(3, null, 'discarded', [1, 3])]);
    expect(use.get(1 as CodeId)).toBe(1);
    expect(use.get(2 as CodeId)).toBe(2);
    expect(use.has(3 as CodeId)).toBe(false);
  });
});
