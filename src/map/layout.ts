import { CODE_HEIGHT, CODE_WIDTH, THEME_HEIGHT, THEME_WIDTH } from '../domain/map-geometry';
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

/**
 * Places themes the way our users draw models: causal chains left to right (a theme that
 * influences another sits in an earlier column), a mediator or moderator above the link it
 * acts on, sub-themes stacked under their parent, unlinked themes in a row underneath, and
 * codes in a fan below their theme. Hand-placed positions (`fixed`) are kept as they are.
 */
export function layoutMap(
  themes: readonly LayoutTheme[],
  links: readonly ThemeLink[],
  fixed: { readonly themes: ReadonlyMap<number, { x: number; y: number }>; readonly codes: ReadonlyMap<number, { x: number; y: number }> },
  codeIds: readonly number[],
): { themes: Map<number, MapPoint>; codes: Map<number, MapPoint> } {
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
  // Hand-placed themes first, so sub-themes and parts follow a parent the researcher moved.
  for (const [id, point] of fixed.themes) if (ids.has(id)) placed.set(id, { ...point, pinned: true });
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
  for (const [id, point] of fixed.themes) if (ids.has(id)) placed.set(id, { ...point, pinned: true });

  // Codes fan out under the first shown theme that holds them.
  const codes = new Map<number, MapPoint>();
  const counter = new Map<number, number>();
  for (const codeId of codeIds) {
    const pinned = fixed.codes.get(codeId);
    if (pinned) { codes.set(codeId, { ...pinned, pinned: true }); continue; }
    const owner = themes.find((t) => t.codeIds.includes(codeId));
    const at = owner ? placed.get(owner.id) : undefined;
    if (!owner || !at) continue;
    const n = counter.get(owner.id) ?? 0;
    counter.set(owner.id, n + 1);
    codes.set(codeId, { x: at.x - 40 + (n % 2) * (CODE_WIDTH + 10), y: at.y - CODE_HEIGHT - 14 - Math.floor(n / 2) * (CODE_HEIGHT + 8), pinned: false });
  }
  return { themes: placed, codes };
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
