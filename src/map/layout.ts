import { CODE_WIDTH, THEME_HEIGHT, THEME_WIDTH, boxesOverlap, codeBox, themeBox, type Box } from '../domain/map-geometry';
import type { MapPoint, ThemeLink } from '../domain/types';

/** What the layout needs of a theme. */
export interface LayoutTheme {
  readonly id: number;
  readonly parentId: number | null;
  readonly codeIds: readonly number[];
}

const COLUMN = 300;
const ROW = 150;
const MARGIN = 40;

/** Space kept free around a node the layout places next to placed ones. */
const CLEARANCE = 24;

/** Stored positions: the researcher's (or a layout the map has kept). */
export interface FixedPositions {
  readonly themes: ReadonlyMap<number, { x: number; y: number }>;
  readonly codes: ReadonlyMap<number, { x: number; y: number }>;
}

/**
 * Positions of every theme and the given codes. Stored positions (`fixed`) are never changed.
 * When no shown theme has a stored position yet, the automatic layout places them all
 * (`autoLayout`); otherwise only the themes without a position are placed, each in the first
 * free spot that overlaps no node already there (`placeNew`), so a new theme, sub-theme or link
 * never moves what the researcher sees. Codes without a position fan out above their theme,
 * clear of every other node. `names` gives code names, whose wrapped lines make a pill taller.
 */
export function layoutMap(
  themes: readonly LayoutTheme[],
  links: readonly ThemeLink[],
  fixed: FixedPositions,
  codeIds: readonly number[],
  names: ReadonlyMap<number, string> = new Map(),
): { themes: Map<number, MapPoint>; codes: Map<number, MapPoint> } {
  const placed = themes.some((t) => fixed.themes.has(t.id)) ? placeNew(themes, fixed.themes) : autoLayout(themes, links);
  return { themes: placed, codes: placeCodes(themes, placed, fixed.codes, codeIds, names) };
}

/**
 * Themes without a stored position, placed among those that have one: a sub-theme under its
 * parent (the nearest free spot in the row beneath it, then the rows further down), any other
 * theme in the first free cell of a four-column grid from the top-left of the drawing. Links play no part, so
 * drawing one changes nothing here.
 */
export function placeNew(themes: readonly LayoutTheme[], fixed: ReadonlyMap<number, { x: number; y: number }>): Map<number, MapPoint> {
  const ids = new Set(themes.map((t) => t.id));
  const out = new Map<number, MapPoint>();
  const taken: Box[] = [];
  for (const t of themes) {
    const p = fixed.get(t.id);
    if (p) {
      out.set(t.id, { x: p.x, y: p.y, pinned: true });
      taken.push(themeBox(p));
    }
  }
  const byId = new Map(themes.map((t) => [t.id, t]));
  const depth = (t: LayoutTheme, seen = new Set<number>()): number =>
    t.parentId === null || !ids.has(t.parentId) || seen.has(t.id) ? 0 : 1 + depth(byId.get(t.parentId)!, seen.add(t.id));
  const waiting = themes.filter((t) => !out.has(t.id)).sort((a, b) => depth(a) - depth(b));
  const free = (p: { x: number; y: number }) => !taken.some((b) => boxesOverlap(themeBox(p), b, CLEARANCE / 2));
  for (const theme of waiting) {
    const parent = theme.parentId !== null ? out.get(theme.parentId) : undefined;
    let spot: { x: number; y: number } | undefined;
    if (parent) {
      for (let row = 0; row < 50 && !spot; row++) {
        for (const k of [0, 1, -1, 2, -2, 3, -3]) {
          const p = { x: parent.x + k * (THEME_WIDTH + 30), y: parent.y + (row + 1) * (THEME_HEIGHT + 60) };
          if (free(p)) { spot = p; break; }
        }
      }
    }
    if (!spot) {
      // The first free cell of a grid of four columns laid from the top-left of what is drawn.
      const left = taken.length ? Math.min(...taken.map((b) => b.x)) : MARGIN;
      const top = taken.length ? Math.min(...taken.map((b) => b.y)) : MARGIN;
      for (let i = 0; !spot; i++) {
        const p = { x: left + (i % 4) * COLUMN, y: top + Math.floor(i / 4) * ROW };
        if (free(p)) spot = p;
      }
    }
    out.set(theme.id, { ...spot, pinned: false });
    taken.push(themeBox(spot));
  }
  return out;
}

/**
 * Places themes the way our users draw models: causal chains left to right (a theme that
 * influences another sits in an earlier column), a mediator or moderator above the link it
 * acts on, sub-themes stacked under their parent, unlinked themes in a row underneath.
 */
export function autoLayout(themes: readonly LayoutTheme[], links: readonly ThemeLink[]): Map<number, MapPoint> {
  const ids = new Set(themes.map((t) => t.id));
  const linkById = new Map(links.map((l) => [l.id, l]));
  // Directed edges for layering: X → Y, and X → M → Y for "M mediates/moderates X → Y".
  const edges: [number, number][] = [];
  const lifted = new Set<number>();
  for (const link of links) {
    if (link.toThemeId !== null && (link.kind === 'influences' || link.kind === 'mediates' || link.kind === 'moderates')) {
      edges.push([link.fromThemeId, link.toThemeId]);
    } else if (link.toLinkId !== null) {
      const target = linkById.get(link.toLinkId);
      if (target?.toThemeId !== null && target?.toThemeId !== undefined) {
        edges.push([target.fromThemeId, link.fromThemeId], [link.fromThemeId, target.toThemeId]);
        lifted.add(link.fromThemeId);
      }
    }
  }
  // A part shown under its whole, like a sub-theme, unless it sits in a causal chain.
  const chained = new Set(edges.flat());
  const partOf = new Map<number, number>();
  for (const link of links) {
    if (link.kind === 'part-of' && link.toThemeId !== null && !chained.has(link.fromThemeId) && !partOf.has(link.fromThemeId)) partOf.set(link.fromThemeId, link.toThemeId);
  }
  const parentOf = (t: LayoutTheme): number | null => (t.parentId !== null && ids.has(t.parentId) ? t.parentId : partOf.get(t.id) ?? null);
  const roots = themes.filter((t) => parentOf(t) === null);
  const rootIds = new Set(roots.map((t) => t.id));
  const layer = longestPathLayers(roots.map((t) => t.id), edges.filter(([a, b]) => rootIds.has(a) && rootIds.has(b)));

  const placed = new Map<number, MapPoint>();
  const hasChildren = new Set(themes.map(parentOf).filter((p): p is number => p !== null));
  // Each connected model gets its own band of rows, so two chains never share a line.
  let bandTop = MARGIN;
  let chainBottom = MARGIN;
  for (const component of components(roots.filter((t) => chained.has(t.id)).map((t) => t.id), edges)) {
    const columns = new Map<number, { lifted: number[]; level: number[] }>();
    for (const id of component) {
      const column = columns.get(layer.get(id) ?? 0) ?? { lifted: [], level: [] };
      (lifted.has(id) ? column.lifted : column.level).push(id);
      columns.set(layer.get(id) ?? 0, column);
    }
    // Mediators and moderators sit above the chain; the chain itself runs along one line.
    const chainTop = bandTop + ([...columns.values()].some((c) => c.lifted.length > 0) ? ROW : 0);
    let bottom = chainTop + THEME_HEIGHT;
    for (const [column, { lifted: up, level }] of columns) {
      const x = MARGIN + column * COLUMN;
      // Several acting on links of one column sit side by side, so no line runs under a box.
      up.forEach((id, i) => placed.set(id, { x: x + (i - (up.length - 1) / 2) * (THEME_WIDTH + 40), y: chainTop - ROW, pinned: false }));
      level.forEach((id, i) => {
        const y = chainTop + i * ROW * 1.4;
        placed.set(id, { x, y, pinned: false });
        bottom = Math.max(bottom, y + THEME_HEIGHT);
      });
    }
    // Leave room for parts and sub-themes hanging under the band.
    if (component.some((id) => hasChildren.has(id))) bottom += THEME_HEIGHT + 60;
    chainBottom = bottom;
    bandTop = bottom + ROW * 0.8;
  }
  // Unlinked top-level themes: rows under the chains, leaving room for the parts hanging below them.
  const loose = roots.filter((t) => !chained.has(t.id));
  const looseTop = chainBottom > MARGIN ? chainBottom + ROW * 1.4 : MARGIN;
  loose.forEach((theme, i) => placed.set(theme.id, { x: MARGIN + (i % 4) * COLUMN, y: looseTop + Math.floor(i / 4) * ROW * 2, pinned: false }));
  // Sub-themes and parts under their parent, in order.
  const children = themes.filter((t) => !rootIds.has(t.id));
  const depthOf = (t: LayoutTheme, seen = new Set<number>()): number => {
    const parent = parentOf(t);
    if (parent === null || seen.has(t.id)) return 0;
    seen.add(t.id);
    return 1 + depthOf(themes.find((p) => p.id === parent)!, seen);
  };
  for (const child of [...children].sort((a, b) => depthOf(a) - depthOf(b))) {
    const parent = placed.get(parentOf(child)!) ?? { x: MARGIN, y: MARGIN, pinned: false };
    const siblings = children.filter((c) => parentOf(c) === parentOf(child));
    const index = siblings.indexOf(child);
    placed.set(child.id, { x: parent.x + (index - (siblings.length - 1) / 2) * (THEME_WIDTH + 30), y: parent.y + THEME_HEIGHT + 60, pinned: false });
  }
  return placed;
}

/** Codes without a stored position in a fan above the first shown theme holding them, each in a spot no node covers. */
function placeCodes(
  themes: readonly LayoutTheme[], placed: ReadonlyMap<number, MapPoint>, fixed: ReadonlyMap<number, { x: number; y: number }>,
  codeIds: readonly number[], names: ReadonlyMap<number, string>,
): Map<number, MapPoint> {
  const codes = new Map<number, MapPoint>();
  const taken: Box[] = [...placed.values()].map(themeBox);
  for (const codeId of codeIds) {
    const pinned = fixed.get(codeId);
    if (!pinned) continue;
    codes.set(codeId, { ...pinned, pinned: true });
    taken.push(codeBox(pinned, names.get(codeId)));
  }
  for (const codeId of codeIds) {
    if (codes.has(codeId)) continue;
    const owner = themes.find((t) => t.codeIds.includes(codeId));
    const at = owner ? placed.get(owner.id) : undefined;
    if (!at) continue;
    const name = names.get(codeId);
    let spot: { x: number; y: number } | undefined;
    // Rows of two pills rising above the theme, then the same below it.
    for (let n = 0; n < 200 && !spot; n++) {
      const column = n % 2;
      const row = Math.floor(n / 2);
      const height = codeBox({ x: 0, y: 0 }, name).h;
      const up = row % 2 === 0;
      const step = Math.floor(row / 2);
      const y = up ? at.y - height - 14 - step * (height + 8) : at.y + THEME_HEIGHT + 14 + step * (height + 8);
      const p = { x: at.x - 40 + column * (CODE_WIDTH + 10), y };
      if (!taken.some((b) => boxesOverlap(codeBox(p, name), b, 3))) spot = p;
    }
    if (!spot) continue;
    codes.set(codeId, { ...spot, pinned: false });
    taken.push(codeBox(spot, name));
  }
  return codes;
}

/** Groups of nodes joined by edges (direction ignored), in the order their first node appears. */
function components(nodes: readonly number[], edges: readonly [number, number][]): number[][] {
  const neighbours = new Map<number, number[]>(nodes.map((n) => [n, []]));
  for (const [a, b] of edges) {
    neighbours.get(a)?.push(b);
    neighbours.get(b)?.push(a);
  }
  const seen = new Set<number>();
  const groups: number[][] = [];
  for (const start of nodes) {
    if (seen.has(start)) continue;
    const group: number[] = [];
    const queue = [start];
    seen.add(start);
    while (queue.length) {
      const node = queue.shift()!;
      group.push(node);
      for (const next of neighbours.get(node) ?? []) if (!seen.has(next)) { seen.add(next); queue.push(next); }
    }
    groups.push(group);
  }
  return groups;
}

/** Column of each node: the longest chain of edges leading to it (cycles are broken where found). */
function longestPathLayers(nodes: readonly number[], edges: readonly [number, number][]): Map<number, number> {
  const incoming = new Map<number, number[]>(nodes.map((n) => [n, []]));
  for (const [from, to] of edges) incoming.get(to)?.push(from);
  const layer = new Map<number, number>();
  const visiting = new Set<number>();
  const visit = (node: number): number => {
    const known = layer.get(node);
    if (known !== undefined) return known;
    if (visiting.has(node)) return 0;
    visiting.add(node);
    const depth = Math.max(-1, ...(incoming.get(node) ?? []).map(visit)) + 1;
    visiting.delete(node);
    layer.set(node, depth);
    return depth;
  };
  nodes.forEach(visit);
  return layer;
}
