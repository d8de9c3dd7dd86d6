import { describe, expect, it } from 'vitest';
import type { CodeId, ThemeId, ThemeLinkId } from '../../../src/domain/ids';
import type { Comment, Theme, ThemeLink, ThemeMap } from '../../../src/domain/types';
import { codeOwners, companions, dependentLinks, describeLink, excerpt, liveSelection, openCommentCounts, subThemesOf } from './map-model';

const theme = (id: number, name: string, codeIds: number[] = []): ThemeMap['themes'][number] => ({
  id: id as ThemeId, parentId: null, name, definition: '', scope: '', status: 'candidate', colour: '#4e79a7', exemplarCodingId: null,
  codeIds: codeIds as CodeId[], convergence: null, convergenceReason: '', finding: '', x: id * 100, y: 0, pinned: false,
} satisfies Theme & { x: number; y: number; pinned: boolean });
const code = (id: number, x: number, y: number, pinned = false): ThemeMap['codes'][number] => ({ id: id as CodeId, name: `c${id}`, colour: '#000000', codingCount: 1, x, y, pinned });
const link = (id: number, from: number, to: number | null, toLink: number | null = null): ThemeLink => ({
  id: id as ThemeLinkId, fromThemeId: from as ThemeId, toThemeId: to as ThemeId | null, toLinkId: toLink as ThemeLinkId | null, kind: toLink ? 'mediates' : 'influences', label: '',
});

const map: ThemeMap = {
  themes: [theme(1, 'Innovation intensity', [5, 6]), theme(2, 'Marketing performance', [6]), theme(3, 'Open innovation', [7])],
  codes: [code(5, 10, 10), code(6, 20, 20), code(7, 30, 30, true)],
  links: [link(10, 1, 2), link(11, 3, null, 10), link(12, 2, null, 11)],
};

describe('code owners and companions', () => {
  it('gives each automatically placed code to the first theme holding it, and pinned codes to none', () => {
    expect([...codeOwners(map)]).toEqual([[5, 1], [6, 1]]);
  });
  it('carries a theme’s fan of codes along by the drag delta', () => {
    expect(companions(map, 1, { x: 5, y: -5 })).toEqual([
      { kind: 'code', id: 5, x: 15, y: 5 },
      { kind: 'code', id: 6, x: 25, y: 15 },
    ]);
    expect(companions(map, 3, { x: 5, y: 5 })).toEqual([]);
  });
});

describe('subThemesOf', () => {
  it('finds the sub-themes a dragged theme takes along, at every depth, and not itself', () => {
    const nested: ThemeMap = {
      ...map,
      themes: [...map.themes, { ...theme(4, 'Polling'), parentId: 1 as ThemeId }, { ...theme(5, 'Story polls'), parentId: 4 as ThemeId }, { ...theme(6, 'Elsewhere'), parentId: 2 as ThemeId }],
    };
    expect([...subThemesOf(nested, 1)].sort()).toEqual([4, 5]);
    expect([...subThemesOf(nested, 4)]).toEqual([5]);
    expect(subThemesOf(nested, 3).size).toBe(0);
  });
});

describe('describeLink', () => {
  it('names a link between themes and a link on a link', () => {
    expect(describeLink(map.links[0]!, map)).toBe('Innovation intensity → Marketing performance');
    expect(describeLink(map.links[1]!, map)).toBe('Open innovation → (Innovation intensity → Marketing performance)');
  });
});

describe('dependentLinks', () => {
  it('finds the links a delete takes along, through chains', () => {
    expect(dependentLinks(map.links, 10).map((l) => l.id)).toEqual([11, 12]);
    expect(dependentLinks(map.links, 12)).toEqual([]);
  });
});

describe('openCommentCounts', () => {
  it('counts unresolved comments per theme and per link, leaving out comments on codes (a code and a link may share an id)', () => {
    const comment = (id: number, kind: 'theme' | 'link' | 'code', target: number, resolved = false): Comment => ({
      id, guid: `g${id}`, target: kind === 'theme' ? { kind, id: target as ThemeId } : kind === 'link' ? { kind, id: target as ThemeLinkId } : { kind, id: target as CodeId },
      author: 'a', review: null, unplaced: null, body: 'b', createdAt: '', resolvedAt: resolved ? 'x' : null, resolvedBy: null,
    });
    const counts = openCommentCounts([comment(1, 'theme', 1), comment(2, 'theme', 1), comment(3, 'theme', 2, true), comment(4, 'link', 1), comment(5, 'code', 1)]);
    expect([...counts.themes]).toEqual([[1, 2]]);
    expect([...counts.links]).toEqual([[1, 1]]);
  });
});

describe('liveSelection', () => {
  it('keeps a selection that is still on the map and drops one that is gone', () => {
    expect(liveSelection({ kind: 'link', id: 11 }, map)).toEqual({ kind: 'link', id: 11 });
    expect(liveSelection({ kind: 'theme', id: 9 }, map)).toBeNull();
    expect(liveSelection({ kind: 'code', id: 7 }, map)).toEqual({ kind: 'code', id: 7 });
  });
});

describe('excerpt', () => {
  it('keeps a short definition whole and cuts a long one at a word', () => {
    expect(excerpt('  Pelanggan  ikut\nmerancang produk. ')).toBe('Pelanggan ikut merancang produk.');
    const long = 'kata '.repeat(100);
    const cut = excerpt(long, 50);
    expect(cut.endsWith('kata…')).toBe(true);
    expect(cut.length).toBeLessThanOrEqual(51);
  });
});
