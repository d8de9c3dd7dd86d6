import type Database from 'better-sqlite3';
import type { ThemeMap } from '../domain/types';
import { svgToPng } from '../export/theme-map';
import { themeMapSvg } from '../map/svg';
import { themeMap } from '../store/theme-map';

/** A rasterised figure and the size it has on screen (CSS pixels, 96 to the inch), for its aspect ratio. */
export interface Figure {
  readonly png: Buffer;
  readonly width: number;
  readonly height: number;
}

/** Print resolution for a figure at page width: about 300 dpi is what publishers ask for. */
const SCALE = 3;
/** Beyond this many pixels on the long side a huge map only costs time and megabytes, not sharpness. */
const MAX_PIXELS = 4000;

/** Room above the top row of themes for the label of a link between two of them. */
const TOP_MARGIN = 30;

/**
 * The drawing's canvas starts at the map's origin; themes the report leaves out (or a map
 * the researcher dragged down) leave a blank band above the first theme, which on a page
 * only pushes the figure apart from its caption. The band is cut by moving the top of the
 * viewBox down; the SVG is otherwise the map export's, and left as it is when its root
 * element does not have the expected form.
 */
function trimTop(svg: string, top: number): string {
  const root = /<svg\b[^>]*>/.exec(svg);
  const box = root ? /\sheight="([\d.]+)"[^>]*\sviewBox="(-?[\d.]+) (-?[\d.]+) ([\d.]+) ([\d.]+)"/.exec(root[0]) : null;
  if (!root || !box) return svg;
  const [, , minX, minY, width, height] = box.map(Number) as [number, number, number, number, number, number];
  const cut = top - minY;
  if (!(cut > 0) || cut >= height) return svg;
  const fixed = root[0]
    .replace(/\sheight="[\d.]+"/, ` height="${height - cut}"`)
    .replace(/\sviewBox="[^"]*"/, ` viewBox="${minX} ${top} ${width} ${height - cut}"`);
  return svg.replace(root[0], fixed);
}

/**
 * The theme model as the map export draws it (same SVG, same positions), limited to the
 * themes the report is about and the links among them, with names passed through
 * `rename` (pseudonymisation). Null when there is no theme to draw.
 */
export function themeFigure(db: Database.Database, themeIds: ReadonlySet<number>, title: string, rename: (text: string) => string): Figure | null {
  const full = themeMap(db, { includeCodes: false, includeDiscarded: true });
  const themes = full.themes.filter((t) => themeIds.has(t.id)).map((t) => ({ ...t, name: rename(t.name) }));
  if (themes.length === 0) return null;
  const shown = new Set<number>(themes.map((t) => t.id));
  const direct = full.links.filter((l) => shown.has(l.fromThemeId) && (l.toThemeId === null || shown.has(l.toThemeId)));
  const links = direct.filter((l) => l.toLinkId === null || direct.some((t) => t.id === l.toLinkId)).map((l) => ({ ...l, label: rename(l.label) }));
  const map: ThemeMap = { themes, codes: [], links };
  const svg = trimTop(themeMapSvg(map, title), title ? Number.NEGATIVE_INFINITY : Math.min(...themes.map((t) => t.y)) - TOP_MARGIN);
  const size = /<svg[^>]*\swidth="([\d.]+)"[^>]*\sheight="([\d.]+)"/.exec(svg);
  const width = Number(size?.[1] ?? 800);
  const height = Number(size?.[2] ?? 600);
  const scale = Math.max(1, Math.min(SCALE, MAX_PIXELS / Math.max(width, height)));
  return { png: svgToPng(svg, scale), width, height };
}
