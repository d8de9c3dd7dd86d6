import { describe, expect, it } from 'vitest';
import type { ThemeId, ThemeLinkId } from '../../../src/domain/ids';
import type { ThemeLink } from '../../../src/domain/types';
import { THEME_HEIGHT, THEME_WIDTH, boundsOf, centre, edgePoint, labelBeside, linkGeometry, segmentHitsBox, themeBox, tint, wrap, type Box } from '../../../src/domain/map-geometry';

const link = (id: number, from: number, to: number | null, toLink: number | null = null, kind: ThemeLink['kind'] = 'influences'): ThemeLink => ({
  id: id as ThemeLinkId, fromThemeId: from as ThemeId, toThemeId: to as ThemeId | null, toLinkId: toLink as ThemeLinkId | null, kind, label: '',
});

describe('edgePoint', () => {
  const box: Box = { x: 0, y: 0, w: 200, h: 72 };
  it('leaves through the right side toward a point to the right', () => {
    expect(edgePoint(box, { x: 500, y: 36 })).toEqual({ x: 200, y: 36 });
  });
  it('leaves through the top toward a point straight above', () => {
    expect(edgePoint(box, { x: 100, y: -300 })).toEqual({ x: 100, y: 0 });
  });
  it('leaves through the corner region on the side the ray meets first', () => {
    // A 45° ray from the centre of a wide box meets the bottom edge before the right edge.
    const p = edgePoint(box, { x: 100 + 100, y: 36 + 100 });
    expect(p.y).toBeCloseTo(72);
    expect(p.x).toBeCloseTo(136);
  });
  it('stays at the centre when the target is the centre', () => {
    expect(edgePoint(box, centre(box))).toEqual({ x: 100, y: 36 });
  });
});

describe('linkGeometry', () => {
  // X → Y side by side, M above: "M mediates X → Y".
  const boxes = new Map<number, Box>([
    [1, themeBox({ x: 0, y: 200 })],
    [2, themeBox({ x: 400, y: 200 })],
    [3, themeBox({ x: 200, y: 0 })],
    [4, themeBox({ x: 600, y: 0 })],
  ]);

  it('runs a theme link from box edge to box edge', () => {
    const geo = linkGeometry([link(10, 1, 2)], boxes).get(10)!;
    expect(geo.start).toEqual({ x: THEME_WIDTH, y: 200 + THEME_HEIGHT / 2 });
    expect(geo.end).toEqual({ x: 400, y: 200 + THEME_HEIGHT / 2 });
    expect(geo.mid).toEqual({ x: 300, y: 236 });
    expect(geo.labelAt).toEqual(geo.mid);
  });

  it('ends a mediator at the middle of the link it mediates, and moves that link’s label off the middle', () => {
    const links = [link(11, 3, null, 10, 'mediates'), link(10, 1, 2)];
    const geo = linkGeometry(links, boxes);
    const base = geo.get(10)!;
    const mediator = geo.get(11)!;
    expect(mediator.end).toEqual(base.mid);
    // From the bottom edge of M, straight down to (300, 236).
    expect(mediator.start).toEqual({ x: 300, y: THEME_HEIGHT });
    expect(base.labelAt.x).toBeCloseTo(200 + 200 * 0.3);
  });

  it('resolves a link on a link on a link (a moderated mediation)', () => {
    const links = [link(12, 4, null, 11, 'moderates'), link(11, 3, null, 10, 'mediates'), link(10, 1, 2)];
    const geo = linkGeometry(links, boxes);
    expect(geo.get(12)!.end).toEqual(geo.get(11)!.mid);
  });

  it('leaves out links whose ends are not on the map, and cycles of links', () => {
    const links = [link(10, 1, 99), link(11, 3, null, 10, 'mediates'), link(20, 3, null, 21, 'moderates'), link(21, 4, null, 20, 'moderates')];
    expect([...linkGeometry(links, boxes).keys()]).toEqual([]);
  });
});

describe('boundsOf', () => {
  it('holds every box', () => {
    expect(boundsOf([{ x: 10, y: 20, w: 100, h: 50 }, { x: -40, y: 100, w: 10, h: 10 }])).toEqual({ x: -40, y: 20, w: 150, h: 90 });
  });
  it('is null for nothing', () => {
    expect(boundsOf([])).toBeNull();
  });
});

describe('wrap', () => {
  it('breaks a long theme name into lines and cuts with an ellipsis', () => {
    expect(wrap('Open innovation mediates the effect of innovation intensity on marketing performance', 26, 3)).toEqual([
      'Open innovation mediates',
      'the effect of innovation',
      'intensity on marketing…',
    ]);
  });
  it('keeps a short name on one line', () => {
    expect(wrap('Co-creation', 26, 3)).toEqual(['Co-creation']);
  });
});

describe('tint', () => {
  it('mixes the colour 85 % with white', () => {
    expect(tint('#000000')).toBe('#d9d9d9');
    expect(tint('#ffffff')).toBe('#ffffff');
  });
  it('falls back to a neutral fill for a malformed colour', () => {
    expect(tint('red')).toBe('#f4f6f9');
  });
});

describe('labelBeside', () => {
  const boxAround = (c: { x: number; y: number }, w: number, h: number): Box => ({ x: c.x - w / 2, y: c.y - h / 2, w, h });
  it('puts a label above a horizontal line and right of a vertical one, clear of the line', () => {
    const above = labelBeside({ x: 0, y: 100 }, { x: 300, y: 100 }, { x: 150, y: 100 }, 80, 15);
    expect(above.y).toBeLessThan(100);
    expect(segmentHitsBox({ x: 0, y: 100 }, { x: 300, y: 100 }, boxAround(above, 80, 15))).toBe(false);
    const right = labelBeside({ x: 50, y: 0 }, { x: 50, y: 300 }, { x: 50, y: 150 }, 80, 15);
    expect(right.x).toBeGreaterThan(50);
    expect(segmentHitsBox({ x: 50, y: 0 }, { x: 50, y: 300 }, boxAround(right, 80, 15))).toBe(false);
  });
  it('keeps a wide label off a steep diagonal line', () => {
    const [a, b] = [{ x: 0, y: 0 }, { x: 60, y: 300 }];
    const c = labelBeside(a, b, { x: 30, y: 150 }, 120, 15);
    expect(segmentHitsBox(a, b, boxAround(c, 120, 15))).toBe(false);
  });
});
