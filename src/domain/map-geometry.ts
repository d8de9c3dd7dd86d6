import type { ThemeLink, ThemeLinkKind } from './types';

/*
 * Geometry and styles of the theme map, shared by the interactive map (renderer) and the
 * exported figure (src/map/svg.ts), so what the researcher arranges is what the report prints.
 */
export const THEME_WIDTH = 200;
export const THEME_HEIGHT = 72;
export const CODE_WIDTH = 150;
export const CODE_HEIGHT = 26;

export interface LinkStyle {
  readonly stroke: string;
  /** SVG stroke-dasharray, empty for a solid line. */
  readonly dash: string;
  readonly arrow: boolean;
}

/** How each link kind is drawn, as in the exported SVG. */
export const LINK_STYLE: Readonly<Record<ThemeLinkKind, LinkStyle>> = {
  influences: { stroke: '#2f3b52', dash: '', arrow: true },
  mediates: { stroke: '#2f5d9e', dash: '8 5', arrow: true },
  moderates: { stroke: '#7b4fa0', dash: '2 4', arrow: true },
  contradicts: { stroke: '#b3261e', dash: '', arrow: false },
  'part-of': { stroke: '#8a94a6', dash: '', arrow: false },
  'associated-with': { stroke: '#6b7686', dash: '4 4', arrow: false },
};

/** The sub-theme → theme connector: thin, grey, finely dashed, ending in an open circle on the theme. */
export const PARENT_LINK_STYLE = { stroke: '#8a94a6', dash: '3 3', width: 1.25 } as const;

/** Kinds whose link may end on another link: "M mediates (X → Y)". */
export const ACTS_ON_LINKS: ReadonlySet<ThemeLinkKind> = new Set(['mediates', 'moderates']);

export interface Point { readonly x: number; readonly y: number }
export interface Box { readonly x: number; readonly y: number; readonly w: number; readonly h: number }

export const themeBox = (p: Point): Box => ({ x: p.x, y: p.y, w: THEME_WIDTH, h: THEME_HEIGHT });
/** Characters of a code name on one line of its pill; longer names wrap onto more lines, never cut short. */
export const CODE_LINE_CHARS = 24;
/** Line height of a code name (11 px text). */
export const CODE_LINE_HEIGHT = 13;
/** A code's name on the lines its pill shows (up to five; only a name longer than that ends in an ellipsis). */
export const codeLines = (name: string): string[] => wrap(name, CODE_LINE_CHARS, 5);
/** Height of a code's pill: one line is CODE_HEIGHT, each further line adds a line height. */
export const codeHeight = (name = ''): number => CODE_HEIGHT + Math.max(0, codeLines(name).length - 1) * CODE_LINE_HEIGHT;
export const codeBox = (p: Point, name = ''): Box => ({ x: p.x, y: p.y, w: CODE_WIDTH, h: codeHeight(name) });

/** Whether two boxes overlap once each is grown by `margin` on every side. */
export const boxesOverlap = (a: Box, b: Box, margin = 0): boolean =>
  a.x - margin < b.x + b.w + margin && b.x - margin < a.x + a.w + margin && a.y - margin < b.y + b.h + margin && b.y - margin < a.y + a.h + margin;

/** Whether the segment a–b passes through the inside of the box (Liang–Barsky clipping). */
export function segmentHitsBox(a: Point, b: Point, box: Box): boolean {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  let t0 = 0;
  let t1 = 1;
  const edges: [number, number][] = [[-dx, a.x - box.x], [dx, box.x + box.w - a.x], [-dy, a.y - box.y], [dy, box.y + box.h - a.y]];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q <= 0) return false;
      continue;
    }
    const r = q / p;
    if (p < 0) t0 = Math.max(t0, r);
    else t1 = Math.min(t1, r);
    if (t0 >= t1) return false;
  }
  return true;
}

/** The gap between two boxes along the line joining their centres: the visible length of a link between them. */
export function gapBetween(a: Box, b: Box): number {
  const start = edgePoint(a, centre(b));
  const end = edgePoint(b, centre(a));
  const along = (centre(b).x - centre(a).x) * (end.x - start.x) + (centre(b).y - centre(a).y) * (end.y - start.y);
  const length = Math.hypot(end.x - start.x, end.y - start.y);
  return along < 0 || boxesOverlap(a, b) ? 0 : length;
}
export const centre = (b: Box): Point => ({ x: b.x + b.w / 2, y: b.y + b.h / 2 });

/** Where the segment from the box's centre toward `to` leaves the box (the box's centre when `to` is it). */
export function edgePoint(box: Box, to: Point): Point {
  const c = centre(box);
  const dx = to.x - c.x;
  const dy = to.y - c.y;
  if (dx === 0 && dy === 0) return c;
  const scale = Math.min(dx === 0 ? Infinity : Math.abs(box.w / 2 / dx), dy === 0 ? Infinity : Math.abs(box.h / 2 / dy));
  return { x: c.x + dx * scale, y: c.y + dy * scale };
}

export interface LinkGeometry {
  readonly start: Point;
  readonly end: Point;
  /** The middle of the segment: where a mediator's or moderator's arrow ends. */
  readonly mid: Point;
  /** Where the label sits; off-centre when another link ends on the middle. */
  readonly labelAt: Point;
}

/**
 * Endpoints of every drawable link: box edge to box edge, or, for a link to a link, from the
 * box edge to the middle of the target link (resolved recursively, so a moderator of a
 * mediation works too). Links whose ends are not shown, or that form a cycle of links, are left out.
 */
export function linkGeometry(links: readonly ThemeLink[], boxes: ReadonlyMap<number, Box>): Map<number, LinkGeometry> {
  const byId = new Map(links.map((l) => [l.id as number, l]));
  const targeted = new Set(links.flatMap((l) => (l.toLinkId === null ? [] : [l.toLinkId as number])));
  const out = new Map<number, LinkGeometry>();
  const visiting = new Set<number>();
  const resolve = (id: number): LinkGeometry | undefined => {
    const known = out.get(id);
    if (known) return known;
    const link = byId.get(id);
    if (!link || visiting.has(id)) return undefined;
    const from = boxes.get(link.fromThemeId);
    if (!from) return undefined;
    visiting.add(id);
    let start: Point | undefined;
    let end: Point | undefined;
    if (link.toThemeId !== null) {
      const to = boxes.get(link.toThemeId);
      if (to) {
        start = edgePoint(from, centre(to));
        end = edgePoint(to, centre(from));
      }
    } else if (link.toLinkId !== null) {
      const target = resolve(link.toLinkId);
      if (target) {
        start = edgePoint(from, target.mid);
        end = target.mid;
      }
    }
    visiting.delete(id);
    if (!start || !end) return undefined;
    const at = targeted.has(id) ? 0.3 : 0.5;
    const geometry: LinkGeometry = {
      start, end,
      mid: lerp(start, end, 0.5),
      labelAt: lerp(start, end, at),
    };
    out.set(id, geometry);
    return geometry;
  };
  for (const link of links) resolve(link.id);
  return out;
}

/**
 * The centre of a label of `w` × `h` beside the line start–end at `at`: moved along the line's
 * normal (the upper side, or the right of a vertical line) just far enough that the line misses it.
 */
export function labelBeside(start: Point, end: Point, at: Point, w: number, h: number, gap = 3): Point {
  const length = Math.hypot(end.x - start.x, end.y - start.y) || 1;
  let n = { x: (end.y - start.y) / length, y: -(end.x - start.x) / length };
  if (n.y > 0 || (n.y === 0 && n.x < 0)) n = { x: -n.x, y: -n.y };
  const d = Math.abs(n.x) * w / 2 + Math.abs(n.y) * h / 2 + gap;
  return { x: at.x + n.x * d, y: at.y + n.y * d };
}

const lerp = (a: Point, b: Point, t: number): Point => ({ x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t });

/** The smallest box holding all the given boxes, or null when there are none. */
export function boundsOf(boxes: Iterable<Box>): Box | null {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const b of boxes) {
    minX = Math.min(minX, b.x);
    minY = Math.min(minY, b.y);
    maxX = Math.max(maxX, b.x + b.w);
    maxY = Math.max(maxY, b.y + b.h);
  }
  return minX === Infinity ? null : { x: minX, y: minY, w: maxX - minX, h: maxY - minY };
}

/** Breaks a name into at most `lines` lines of about `width` characters, with an ellipsis when cut (as the export does). */
export function wrap(text: string, width: number, lines: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && (line + ' ' + word).length > width) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(line);
  if (out.length > lines) {
    const kept = out.slice(0, lines);
    kept[lines - 1] = `${kept[lines - 1]!.slice(0, width - 1)}…`;
    return kept;
  }
  return out;
}

/** The theme colour mixed 85 % with white: the node fill of the exported figure. */
export function tint(hex: string): string {
  const n = Number.parseInt(hex.slice(1), 16);
  if (!/^#[0-9a-fA-F]{6}$/.test(hex)) return '#f4f6f9';
  const mix = (c: number) => Math.round(c + (255 - c) * 0.85).toString(16).padStart(2, '0');
  return `#${mix((n >> 16) & 255)}${mix((n >> 8) & 255)}${mix(n & 255)}`;
}
