import {
  CODE_LINE_CHARS, CODE_WIDTH, LINK_STYLE, boundsOf, codeHeight, THEME_HEIGHT, THEME_WIDTH, boxesOverlap, centre, edgePoint, segmentHitsBox, wrap, type Box, type Point,
} from '../domain/map-geometry';
import { THEME_LINK_KINDS, type ThemeLink, type ThemeLinkKind, type ThemeMap, type ThemeStatus } from '../domain/types';
import { FIGURE_STRINGS, type FigureLanguage } from './strings';

/*
 * Where everything of the exported figure goes, worked out before any SVG is written so the
 * rules of a printable figure can be checked (and are, in test/unit/themes/map-figure.test.ts):
 * no node on a link, no label on its own line, no stub-length link, whole code names, and text
 * sizes known so the report can keep them at 8 pt or more on paper.
 */

/** Text sizes at text scale 1, in px of the drawing; the smallest is SMALLEST_FONT. */
const FONT = { theme: 13, status: 11, code: 11, label: 11, legend: 11, title: 16 } as const;
export const SMALLEST_FONT = Math.min(...Object.values(FONT));
/** Shortest visible length of a link or sub-theme connector, box border to box border, at text scale 1. */
export const MIN_LINK_LENGTH = 56;
/** How many spreads the page-fitting search draws whole (lines and labels) at most, to keep a crowded map quick. */
const MAX_DRAWN_SPREADS = 16;
/** The page-fitting search's widest spread across or down: text grown for a crowded map needs room. */
const MAX_SPREAD = 12;
/** Room kept between a routed line and a box it passes. */
const LINE_CLEARANCE = 12;
/** Average advance of a Liberation Sans character, as a share of the font size (bold a little wider). */
const CHAR = 0.56;
/** Line height of a label wrapped onto several lines, as a share of its font size. */
const LABEL_LINE = 1.2;
const BOLD_CHAR = 0.63;

export interface FigureOptions {
  readonly title?: string;
  readonly language?: FigureLanguage;
  /** Multiplies every text size (and the boxes grow to hold the text), for a figure printed smaller than life. */
  readonly textScale?: number;
  /**
   * Lets the arrangement be drawn tighter (or looser) across and down than placed, keeping its
   * order: for a figure fitted to a page, where every pixel of empty space makes the text smaller.
   */
  readonly compact?: boolean;
  /** With `compact`: the page area (px) the figure is fitted into, whose shape decides how tight across and down. */
  readonly pageWidth?: number;
  readonly pageHeight?: number;
  /** Only the size of the drawing is wanted (no lines, labels or legend): a cheap measure while choosing the text size. */
  readonly measureOnly?: boolean;
}

export interface FigureText {
  readonly x: number;
  readonly y: number;
  readonly text: string;
  readonly size: number;
}

export interface FigureNode {
  readonly kind: 'theme' | 'code';
  readonly id: number;
  readonly box: Box;
  readonly colour: string;
  readonly lines: readonly FigureText[];
  readonly badge: FigureText | null;
  readonly sub: boolean;
  readonly faded: boolean;
}

export interface FigureLine {
  /** `link`: a typed link; `parent`: sub-theme → theme; `code`: code → theme. */
  readonly kind: 'link' | 'parent' | 'code';
  readonly id: number;
  readonly linkKind: ThemeLinkKind | null;
  /** A mediator's or moderator's link that ends on another link. */
  readonly toLink: boolean;
  /** Start, optional control point of a quadratic curve, end. */
  readonly start: Point;
  readonly control: Point | null;
  readonly end: Point;
  /** The line as short segments, for the checks. */
  readonly polyline: readonly Point[];
  /** `text` is the whole label, at the first line's place; `lines` are what is drawn (one, or a wrapped label's several). */
  readonly label: (FigureText & { readonly box: Box; readonly colour: string; readonly lines: readonly FigureText[] }) | null;
}

export interface FigureLegendItem {
  readonly kind: ThemeLinkKind | 'parent';
  readonly x: number;
  readonly y: number;
  readonly text: FigureText;
}

export interface FigureLayout {
  readonly width: number;
  readonly height: number;
  /** The drawing's top-left corner (the SVG viewBox origin). */
  readonly x: number;
  readonly y: number;
  readonly title: FigureText | null;
  readonly nodes: readonly FigureNode[];
  readonly lines: readonly FigureLine[];
  readonly legend: readonly FigureLegendItem[];
  /** Smallest text size used, in px of the drawing. */
  readonly smallestFont: number;
  /** How far node positions were spread apart (1 = as placed) to give every link its minimum length. */
  readonly spread: number;
  /**
   * Labels over a node, another label or an arrowhead: 0 unless no spread tried had room for
   * every label (larger text, which spreads a report's figure further, may then find room).
   */
  readonly labelClashes: number;
}

export const textWidth = (text: string, size: number, bold = false): number => text.length * size * (bold ? BOLD_CHAR : CHAR);

const quad = (a: Point, c: Point, b: Point, t: number): Point => ({
  x: (1 - t) ** 2 * a.x + 2 * (1 - t) * t * c.x + t ** 2 * b.x,
  y: (1 - t) ** 2 * a.y + 2 * (1 - t) * t * c.y + t ** 2 * b.y,
});

const grow = (b: Box, m: number): Box => ({ x: b.x - m, y: b.y - m, w: b.w + 2 * m, h: b.h + 2 * m });

function polylineHits(points: readonly Point[], box: Box): boolean {
  for (let i = 1; i < points.length; i++) if (segmentHitsBox(points[i - 1]!, points[i]!, box)) return true;
  return false;
}

/** Samples of a line: straight, or a quadratic curve through `control`. */
function sample(start: Point, control: Point | null, end: Point): Point[] {
  if (!control) return [start, end];
  return Array.from({ length: 25 }, (_, i) => quad(start, control, end, i / 24));
}

/**
 * A line from box `from` to box (or point) `to` that crosses no other box: straight when it can
 * be, else a curve bending to whichever side clears every box first.
 */
function route(from: Box, to: Box | Point, obstacles: readonly Box[], clearances: readonly number[] = [LINE_CLEARANCE]): { start: Point; control: Point | null; end: Point; polyline: Point[]; clear: boolean } {
  const target = 'w' in to ? centre(to) : to;
  const a = centre(from);
  const endFor = (toward: Point) => ('w' in to ? edgePoint(to, toward) : to);
  const dx = target.x - a.x;
  const dy = target.y - a.y;
  const length = Math.hypot(dx, dy) || 1;
  const normal = { x: -dy / length, y: dx / length };
  // A box the line must end close to (a link's middle beside a box) is only kept off, not given room.
  const inside = (p: Point, b: Box) => p.x > b.x && p.x < b.x + b.w && p.y > b.y && p.y < b.y + b.h;
  const straight = { start: edgePoint(from, target), control: null, end: endFor(a) };
  const straightLine = sample(straight.start, null, straight.end);
  for (const clearance of clearances) {
    const kept = obstacles.map((b) => (inside(target, grow(b, clearance)) ? grow(b, 1) : grow(b, clearance)));
    const clear = (points: readonly Point[]) => !kept.some((b) => polylineHits(points, b));
    if (clear(straightLine)) return { ...straight, polyline: straightLine, clear: true };
    const mid = { x: (a.x + target.x) / 2, y: (a.y + target.y) / 2 };
    for (let bend = 40; bend <= 640; bend += 40) {
      for (const side of [1, -1]) {
        const control = { x: mid.x + normal.x * bend * side, y: mid.y + normal.y * bend * side };
        const start = edgePoint(from, control);
        const end = endFor(control);
        const polyline = sample(start, control, end);
        if (clear(polyline)) return { start, control, end, polyline, clear: true };
      }
    }
  }
  return { ...straight, polyline: straightLine, clear: false };
}

/** Distance along the polyline's own length, as a point at share `t` of it, with the direction there. */
function along(points: readonly Point[], t: number): { at: Point; dir: Point } {
  const lengths = points.slice(1).map((p, i) => Math.hypot(p.x - points[i]!.x, p.y - points[i]!.y));
  let left = lengths.reduce((s, l) => s + l, 0) * t;
  for (let i = 0; i < lengths.length; i++) {
    const a = points[i]!;
    const b = points[i + 1]!;
    const l = lengths[i]!;
    if (left <= l || i === lengths.length - 1) {
      const f = l === 0 ? 0 : Math.min(1, left / l);
      return { at: { x: a.x + (b.x - a.x) * f, y: a.y + (b.y - a.y) * f }, dir: l === 0 ? { x: 1, y: 0 } : { x: (b.x - a.x) / l, y: (b.y - a.y) / l } };
    }
    left -= l;
  }
  return { at: points[0]!, dir: { x: 1, y: 0 } };
}

/** Visible length of a line (its drawn length). */
export const lineLength = (points: readonly Point[]): number => points.slice(1).reduce((s, p, i) => s + Math.hypot(p.x - points[i]!.x, p.y - points[i]!.y), 0);

/** A label's text as one line, and narrower on two or three lines for where one line finds no room. */
function labelWrappings(text: string): string[][] {
  const out: string[][] = [[text]];
  const longestWord = Math.max(...text.split(/\s+/).map((w) => w.length));
  for (const n of [2, 3]) {
    // The narrowest width that still needs no more than n lines, so the lines come out even.
    let width = Math.max(longestWord, Math.ceil(text.length / n));
    while (wrap(text, width, 99).length > n) width++;
    const lines = wrap(text, width, 99);
    if (lines.length > out[out.length - 1]!.length) out.push(lines);
  }
  return out;
}

/**
 * A label beside its line: near the middle (or further along), on whichever side leaves the
 * label clear of its own line, every other line, every box in `avoid` (nodes, labels already
 * placed, arrowheads) and each other; on two or three lines where one line finds no such
 * spot. Crossing another line is a lesser fault than covering a box, so where no spot is clear
 * of everything the label goes where it covers no box; `covers` says when even that cannot be
 * had at this spread.
 */
function placeLabel(text: string, size: number, points: readonly Point[], shares: readonly number[], avoid: { boxes: readonly Box[]; lines: readonly (readonly Point[])[] }): { lines: FigureText[]; box: Box; covers: boolean } {
  // The preferred places first, then every stretch of the line.
  const tried = [...shares, ...Array.from({ length: 17 }, (_, i) => 0.1 + i * 0.05).filter((t) => !shares.some((p) => Math.abs(p - t) < 0.02))];
  let best: { lines: FigureText[]; box: Box; covered: number; crossed: number } | null = null;
  // Each line's bounds, so a spot far from a line is not tested against all its segments.
  const others = avoid.lines.map((points) => ({ points, bounds: boundsOf(points.map((p) => ({ x: p.x, y: p.y, w: 0, h: 0 })))! }));
  for (const wrapped of labelWrappings(text)) {
    const w = Math.max(...wrapped.map((l) => textWidth(l, size))) + 8;
    const h = size + 6 + (wrapped.length - 1) * size * LABEL_LINE;
    for (const t of tried) {
      const { at, dir } = along(points, t);
      const normals = [{ x: dir.y, y: -dir.x }, { x: -dir.y, y: dir.x }].sort((a, b) => a.y - b.y || a.x - b.x);
      for (const extra of [3, 10, 20, 34]) {
        for (const n of normals) {
          // Far enough along the normal that the box misses the line through `at`.
          const d = Math.abs(n.x) * w / 2 + Math.abs(n.y) * h / 2 + extra;
          const c = { x: at.x + n.x * d, y: at.y + n.y * d };
          const box = { x: c.x - w / 2, y: c.y - h / 2, w, h };
          // Its own line through the label is never allowed; boxes covered count before lines crossed, the fewest win.
          if (polylineHits(points, box)) continue;
          const covered = avoid.boxes.filter((b) => boxesOverlap(b, box, 2)).length;
          if (best && covered > best.covered) continue;
          const crossed = others.filter((l) => boxesOverlap(l.bounds, box, 1) && polylineHits(l.points, box)).length;
          if (!best || covered < best.covered || (covered === best.covered && crossed < best.crossed)) {
            const lines = wrapped.map((l, i) => ({ x: c.x, y: box.y + 3 + size * 0.85 + i * size * LABEL_LINE, text: l, size }));
            best = { lines, box, covered, crossed };
          }
          if (covered === 0 && crossed === 0) return { lines: best.lines, box, covers: false };
        }
      }
    }
  }
  return { lines: best!.lines, box: best!.box, covers: best!.covered > 0 };
}

interface Placed {
  readonly theme: Map<number, Box>;
  readonly code: Map<number, Box>;
}

/**
 * Node boxes with positions spread apart by `spread` (centres scaled about the origin, sizes
 * kept), so the arrangement is the researcher's, only roomier.
 */
function boxesAt(map: ThemeMap, spread: number, size: (kind: 'theme' | 'code', id: number) => { w: number; h: number }, spreadY = spread): Placed {
  const at = (x: number, y: number, w0: number, h0: number, s: { w: number; h: number }): Box => {
    const cx = (x + w0 / 2) * spread;
    const cy = (y + h0 / 2) * spreadY;
    return { x: cx - s.w / 2, y: cy - s.h / 2, w: s.w, h: s.h };
  };
  return {
    theme: new Map(map.themes.map((t) => [t.id as number, at(t.x, t.y, THEME_WIDTH, THEME_HEIGHT, size('theme', t.id))])),
    code: new Map(map.codes.map((c) => [c.id as number, at(c.x, c.y, CODE_WIDTH, codeHeight(c.name), size('code', c.id))])),
  };
}

/** Everything the exported figure draws, and where. */
export function figureLayout(map: ThemeMap, options: FigureOptions = {}): FigureLayout {
  const k = options.textScale ?? 1;
  const s = FIGURE_STRINGS[options.language ?? 'en'];
  const font = { theme: FONT.theme * k, status: FONT.status * k, code: FONT.code * k, label: FONT.label * k, legend: FONT.legend * k, title: FONT.title * k };
  // Boxes and gaps grow more slowly than the text, so larger text buys a smaller drawing.
  const grown = Math.max(1, k) ** 0.35;
  const minLength = MIN_LINK_LENGTH * grown;

  // Boxes grow to hold their text; widths grow a little with the text so names keep a sensible line length.
  const themeWidth = Math.round(THEME_WIDTH * grown);
  const themeChars = Math.max(8, Math.floor((themeWidth - 16) / (font.theme * BOLD_CHAR)));
  // Text grown for print leaves fewer characters to a line: a long name then takes more lines rather than being cut.
  const themeLines = new Map(map.themes.map((t) => [t.id as number, wrap(t.name, themeChars, k > 1 ? 8 : 4)]));
  const codeWidth = Math.round(CODE_WIDTH * grown);
  const codeChars = Math.max(8, Math.min(CODE_LINE_CHARS + 4, Math.floor((codeWidth - 14) / (font.code * CHAR))));
  const codeLines = new Map(map.codes.map((c) => [c.id as number, wrap(c.name, codeChars, 6)]));
  const themeLine = font.theme * 1.2;
  const codeLine = font.code * 1.2;
  // A box is at least as wide as its longest word, which cannot be wrapped.
  const longest = (lines: readonly string[], size: number, bold: boolean) => Math.max(0, ...lines.flatMap((l) => l.split(' ')).map((w) => textWidth(w, size, bold)));
  const measured = (kind: 'theme' | 'code', id: number) => kind === 'theme'
    ? { w: Math.max(themeWidth, Math.ceil(longest(themeLines.get(id)!, font.theme, true) + 20)), h: Math.max(THEME_HEIGHT, Math.ceil(12 + themeLines.get(id)!.length * themeLine + font.status * 1.3 + 8)) }
    : { w: Math.max(codeWidth, Math.ceil(longest(codeLines.get(id)!, font.code, false) + 16)), h: Math.ceil(codeLines.get(id)!.length * codeLine + 12) };
  // Measured once per box: the compact search below places every box a few hundred times (2 s of a 100-theme figure).
  const sizes = { theme: new Map<number, { w: number; h: number }>(), code: new Map<number, { w: number; h: number }>() };
  const size = (kind: 'theme' | 'code', id: number) => {
    let known = sizes[kind].get(id);
    if (!known) sizes[kind].set(id, known = measured(kind, id));
    return known;
  };

  // A link's label: the researcher's, else the kind where the line's style alone does not say it.
  const labelText = (link: ThemeLink) => link.label || (link.kind === 'influences' || link.kind === 'part-of' ? '' : s.kinds[link.kind]);
  const themeById = new Map(map.themes.map((t) => [t.id as number, t]));
  const parentPairs = map.themes.filter((t) => t.parentId !== null && themeById.has(t.parentId)).map((t) => [t.id as number, t.parentId as number] as const);
  const directLinks = map.links.filter((l) => l.toThemeId !== null);

  // Spread the placed arrangement until no boxes overlap and every line between boxes has its length.
  const fine = (b: Placed) => {
    // Sweep from left to right: only boxes starting before one ends can overlap it.
    const all = [...b.theme.values(), ...b.code.values()].sort((p, q) => p.x - q.x);
    for (let i = 0; i < all.length; i++) {
      const a = all[i]!;
      for (let j = i + 1; j < all.length && all[j]!.x < a.x + a.w + 16; j++) if (boxesOverlap(a, all[j]!, 8)) return false;
    }
    // A labelled link is long enough to carry its label beside it.
    const pairs: (readonly [number, number, number])[] = [
      ...directLinks.map((l) => [l.fromThemeId as number, l.toThemeId as number, labelText(l) ? minLength + 2 * font.label : minLength] as const),
      ...parentPairs.map(([a, z]) => [a, z, minLength] as const),
    ];
    return pairs.every(([a, z, least]) => {
      const from = b.theme.get(a);
      const to = b.theme.get(z);
      if (!from || !to) return true;
      const start = edgePoint(from, centre(to));
      const end = edgePoint(to, centre(from));
      return !boxesOverlap(from, to) && Math.hypot(end.x - start.x, end.y - start.y) >= least;
    });
  };

  const targeted = new Set(map.links.flatMap((l) => (l.toLinkId === null ? [] : [l.toLinkId as number])));
  /**
   * The lines and labels for nodes placed as `b`. `clashes` counts the labels that could find no
   * spot off every node, every other label and every arrowhead: a spread with any is not used.
   */
  const draw = (b: Placed) => {
    const nodeBoxes = [...b.theme.values(), ...b.code.values()];
    const others = (...ends: Box[]) => nodeBoxes.filter((box) => !ends.includes(box));
    const lines: FigureLine[] = [];

    // Sub-theme connectors: from the sub-theme to its theme.
    for (const [child, parent] of parentPairs) {
      const from = b.theme.get(child)!;
      const to = b.theme.get(parent)!;
      const routed = route(from, to, others(from, to));
      // The open circle at the theme's end sits just outside its border.
      const last = routed.polyline[routed.polyline.length - 2]!;
      const d = Math.hypot(routed.end.x - last.x, routed.end.y - last.y) || 1;
      const end = { x: routed.end.x + (last.x - routed.end.x) / d * 4, y: routed.end.y + (last.y - routed.end.y) / d * 4 };
      const r = { ...routed, end, polyline: [...routed.polyline.slice(0, -1), end] };
      lines.push({ kind: 'parent', id: child, linkKind: null, toLink: false, ...r, label: null });
    }
    // Links between themes first, then links to links (their end is the middle of the line they act on).
    const geometry = new Map<number, FigureLine>();
    const resolve = (id: number, seen = new Set<number>()): FigureLine | undefined => {
      const known = geometry.get(id);
      if (known) return known;
      const link = map.links.find((l) => l.id === id);
      if (!link || seen.has(id)) return undefined;
      seen.add(id);
      const from = b.theme.get(link.fromThemeId);
      if (!from) return undefined;
      let line: Omit<FigureLine, 'kind' | 'id' | 'linkKind' | 'toLink' | 'label'> | undefined;
      if (link.toThemeId !== null) {
        const to = b.theme.get(link.toThemeId);
        // A link others act on keeps more air around it, so their arrows can reach its middle.
        if (to) line = route(from, to, others(from, to), targeted.has(id) ? [40, LINE_CLEARANCE] : [LINE_CLEARANCE]);
      } else if (link.toLinkId !== null) {
        const target = resolve(link.toLinkId, seen);
        if (target) {
          // Several acting on one link end at points a little apart along it, so each arrowhead shows.
          const siblings = map.links.filter((l) => l.toLinkId === link.toLinkId).map((l) => l.id as number).sort((p, q) => p - q);
          const step = Math.min(0.15, 36 / Math.max(1, lineLength(target.polyline)));
          const share = 0.5 + (siblings.indexOf(id) - (siblings.length - 1) / 2) * step;
          // Where the middle cannot be reached around the boxes, a point a little further along can.
          for (const shift of [0, 0.1, -0.1, 0.2, -0.2]) {
            const tried = route(from, along(target.polyline, share + shift).at, others(from));
            if (!line || tried.clear) line = tried;
            if (tried.clear) break;
          }
        }
      }
      if (!line) return undefined;
      const out: FigureLine = { kind: 'link', id, linkKind: link.kind, toLink: link.toLinkId !== null, ...line, label: null };
      geometry.set(id, out);
      return out;
    };
    for (const link of map.links) resolve(link.id);

    // Labels last, clear of every node, every line and each other.
    const labelBoxes: Box[] = [];
    // Arrow tips are kept free, so no label hides an arrowhead.
    const tips = [...geometry.values()].map((g) => ({ x: g.end.x - 9, y: g.end.y - 9, w: 18, h: 18 }));
    const allLines = [...lines, ...geometry.values()];
    let clashes = 0;
    for (const link of map.links) {
      const g = geometry.get(link.id);
      if (!g) continue;
      const text = labelText(link);
      if (!text) {
        lines.push(g);
        continue;
      }
      const shares = targeted.has(link.id) ? [0.3, 0.7, 0.2, 0.8, 0.12, 0.88] : [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8];
      const spot = placeLabel(text, font.label, g.polyline, shares, {
        boxes: [...nodeBoxes, ...labelBoxes, ...tips],
        lines: allLines.filter((l) => l !== g).map((l) => l.polyline),
      });
      if (spot.covers) clashes++;
      labelBoxes.push(spot.box);
      lines.push({ ...g, label: { ...spot.lines[0]!, text, box: spot.box, colour: LINK_STYLE[link.kind].stroke, lines: spot.lines } });
    }
    return { nodeBoxes, lines, labelBoxes, allLines, clashes };
  };
  // What the page-fitting search compares: how large the drawing within `extents` prints on the page.
  const pageScore = (extents: readonly Box[]) => {
    const bounds = boundsOf(extents)!;
    return Math.min(options.pageWidth! / (bounds.w + 40), options.pageHeight! / (bounds.h + 40 + font.legend * 4));
  };
  const extentsOf = (d: ReturnType<typeof draw>): Box[] => [...d.nodeBoxes, ...d.labelBoxes, ...d.allLines.flatMap((l) => l.polyline.map((p) => ({ x: p.x, y: p.y, w: 0, h: 0 })))];

  let spread = 1;
  let boxes = boxesAt(map, spread, size);
  let drawn: ReturnType<typeof draw> | null = null;
  if (options.compact) {
    // Across and down apart: for each spread across, the least spread down that keeps the rules,
    // and a few looser ones for labels that need room; the pair that lets the drawing print
    // largest on the page with every label clear wins.
    const candidates: { bound: number; boxes: Placed; spread: number }[] = [];
    for (let sx = 0.2; sx <= MAX_SPREAD; sx = Math.round((sx + 0.2) * 100) / 100) {
      let low = 0.2;
      let high = MAX_SPREAD;
      if (!fine(boxesAt(map, sx, size, high))) continue;
      while (high - low > 0.04) {
        const mid = (low + high) / 2;
        if (fine(boxesAt(map, sx, size, mid))) high = mid;
        else low = mid;
      }
      for (const looser of [1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3]) {
        const sy = Math.min(MAX_SPREAD, high * looser);
        const placed = boxesAt(map, sx, size, sy);
        if (looser > 1 && !fine(placed)) continue;
        candidates.push({ bound: pageScore([...placed.theme.values(), ...placed.code.values()]), boxes: placed, spread: sx });
        if (sy === MAX_SPREAD) break;
      }
    }
    candidates.sort((p, q) => q.bound - p.bound);
    // The nodes alone bound how large a drawing prints (its lines and labels only add to it), so
    // candidates are drawn best first until none could beat the best clear one.
    let best: { score: number; clashes: number; boxes: Placed; spread: number; drawn: ReturnType<typeof draw> } | null = null;
    for (const [i, c] of candidates.entries()) {
      if (best && best.clashes === 0 && c.bound <= best.score) break;
      // A crowded map may have no spread with room for every label at this text size: stop looking in time.
      if (best && i >= MAX_DRAWN_SPREADS) break;
      const d = draw(c.boxes);
      const score = pageScore(extentsOf(d));
      if (!best || d.clashes < best.clashes || (d.clashes === best.clashes && score > best.score)) best = { score, clashes: d.clashes, boxes: c.boxes, spread: c.spread, drawn: d };
    }
    if (best) ({ boxes, spread, drawn } = best);
  }
  // The export, and a report's figure whose text has grown past what any spread across and down holds.
  if (!drawn) {
    while (!fine(boxes) && spread < 6) {
      spread = Math.round((spread + 0.05) * 100) / 100;
      boxes = boxesAt(map, spread, size);
    }
    // Spread on while a label finds no free spot beside its line.
    drawn = draw(boxes);
    while (drawn.clashes > 0 && spread < 6) {
      spread = Math.round((spread + 0.05) * 100) / 100;
      const placed = boxesAt(map, spread, size);
      if (!fine(placed)) continue;
      const d = draw(placed);
      if (d.clashes <= drawn.clashes) ({ boxes, drawn } = { boxes: placed, drawn: d });
    }
  }

  const { nodeBoxes, lines, labelBoxes, allLines, clashes } = drawn;
  if (options.measureOnly) {
    const bounds = boundsOf(extentsOf(drawn))!;
    return { x: bounds.x, y: bounds.y, width: bounds.w + 40, height: bounds.h + 40 + font.legend * 4, title: null, nodes: [], lines: [], legend: [], smallestFont: SMALLEST_FONT * k, spread, labelClashes: clashes };
  }
  // Code edges: thin, drawn under everything.
  for (const code of map.codes) {
    const box = boxes.code.get(code.id)!;
    for (const theme of map.themes.filter((t) => t.codeIds.some((id) => (id as number) === (code.id as number)))) {
      const to = boxes.theme.get(theme.id)!;
      const start = edgePoint(box, centre(to));
      const end = edgePoint(to, centre(box));
      lines.unshift({ kind: 'code', id: code.id, linkKind: null, toLink: false, start, control: null, end, polyline: [start, end], label: null });
    }
  }

  const nodes: FigureNode[] = [
    ...map.themes.map((t) => {
      const box = boxes.theme.get(t.id)!;
      const text = themeLines.get(t.id)!;
      const block = text.length * themeLine;
      const top = box.y + (box.h - font.status * 1.3 - block) / 2 + font.theme * 0.95;
      return {
        kind: 'theme' as const, id: t.id, box, colour: t.colour, sub: t.parentId !== null, faded: t.status === 'discarded',
        lines: text.map((l, i) => ({ x: box.x + box.w / 2, y: top + i * themeLine, text: l, size: font.theme })),
        badge: { x: box.x + box.w - 8 * Math.sqrt(Math.max(1, k)), y: box.y + box.h - 7 * Math.sqrt(Math.max(1, k)), text: statusText(s.statuses, t.status), size: font.status },
      };
    }),
    ...map.codes.map((c) => {
      const box = boxes.code.get(c.id)!;
      const text = codeLines.get(c.id)!;
      return {
        kind: 'code' as const, id: c.id, box, colour: c.colour, sub: false, faded: false, badge: null,
        lines: text.map((l, i) => ({ x: box.x + box.w / 2, y: box.y + 6 + font.code * 0.95 + i * codeLine, text: l, size: font.code })),
      };
    }),
  ];

  // Bounds of the drawing, then the title above and the legend below it.
  const extents = [...nodeBoxes, ...labelBoxes, ...allLines.flatMap((l) => l.polyline.map((p) => ({ x: p.x, y: p.y, w: 0, h: 0 })))];
  const left = Math.min(...extents.map((b) => b.x)) - 20;
  const top = Math.min(...extents.map((b) => b.y)) - (options.title ? font.title * 2.4 : 20);
  const right = Math.max(...extents.map((b) => b.x + b.w)) + 20;
  const bottom = Math.max(...extents.map((b) => b.y + b.h)) + 20;

  const entries: { kind: ThemeLinkKind | 'parent'; text: string }[] = [
    ...THEME_LINK_KINDS.map((kind) => ({ kind, text: s.kinds[kind] })),
    ...(parentPairs.length ? [{ kind: 'parent' as const, text: s.subTheme }] : []),
  ];
  const sample = 34 * Math.max(1, k) ** 0.5;
  const widths = entries.map((e) => sample + 8 + textWidth(e.text, font.legend) + 22);
  const rowWidth = Math.max(right - left - 40, Math.max(...widths));
  const legend: FigureLegendItem[] = [];
  let x = 0;
  let row = 0;
  entries.forEach((e, i) => {
    if (x > 0 && x + widths[i]! > rowWidth) { x = 0; row++; }
    const lx = left + 20 + x;
    const ly = bottom + font.legend + row * font.legend * 2;
    legend.push({ kind: e.kind, x: lx, y: ly, text: { x: lx + sample + 8, y: ly + font.legend * 0.35, text: e.text, size: font.legend } });
    x += widths[i]!;
  });
  const width = Math.max(right, left + 40 + Math.max(...widths)) - left;
  const height = bottom + font.legend + (row + 0.5) * font.legend * 2 + 12 - top;
  return {
    x: left, y: top, width, height,
    title: options.title ? { x: left + 20, y: top + font.title * 1.6, text: options.title, size: font.title } : null,
    nodes, lines, legend, smallestFont: SMALLEST_FONT * k, spread, labelClashes: clashes,
  };
}

const statusText = (statuses: Readonly<Record<ThemeStatus, string>>, status: ThemeStatus): string => statuses[status];
