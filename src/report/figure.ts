import type Database from 'better-sqlite3';
import type { ThemeMap } from '../domain/types';
import { svgToPng } from '../export/theme-map';
import { figureLayout, type FigureLayout } from '../map/figure-layout';
import type { FigureLanguage } from '../map/strings';
import { figureSvg } from '../map/svg';
import { themeMap } from '../store/theme-map';
import { TEXT_HEIGHT, TEXT_WIDTH } from './styles';

/** A rasterised figure and the size it has on screen (CSS pixels, 96 to the inch), for its aspect ratio. */
export interface Figure {
  readonly png: Buffer;
  readonly width: number;
  readonly height: number;
  /** Size of the smallest text once the report fits the figure to the page, in points. */
  readonly smallestTextPt: number;
}

/** Print resolution for a figure at page width: about 300 dpi is what publishers ask for. */
const SCALE = 3;
/** Beyond this many pixels on the long side a huge map only costs time and megabytes, not sharpness. */
const MAX_PIXELS = 4000;
/** The smallest text a printed figure may have. */
export const MIN_TEXT_PT = 8;
/** The Word report's pixel: 15 twips, 0.75 pt (src/report/word.ts). */
const TWIPS_PER_PX = 15;
const PT_PER_PX = 0.75;

/** How much the report shrinks (or enlarges) a figure of this size to fit the text area, as src/report/word.ts does. */
const PAGE_WIDTH = Math.floor(TEXT_WIDTH / TWIPS_PER_PX);
const PAGE_HEIGHT = Math.floor((TEXT_HEIGHT * 0.8) / TWIPS_PER_PX);

export function pageScale(width: number, height: number): number {
  return Math.min(PAGE_WIDTH / width, PAGE_HEIGHT / height);
}

/** The smallest text of a laid-out figure once printed at the report's size, in points. */
export const printedTextPt = (layout: Pick<FigureLayout, 'width' | 'height' | 'smallestFont'>): number =>
  layout.smallestFont * PT_PER_PX * pageScale(layout.width, layout.height);

/** Beyond this a map is too large for one page at a readable size. */
const MAX_TEXT_SCALE = 8;

/**
 * The figure laid out with text large enough that, fitted to the report's page, no text is
 * under MIN_TEXT_PT: the arrangement is drawn as tight as its rules allow (every label clear
 * of every box and label among them), and a wide map, which prints smaller, gets larger text
 * (its boxes grow with it). Gives up growing the text at MAX_TEXT_SCALE.
 */
export function printableLayout(map: ThemeMap, language: FigureLanguage, title = ''): FigureLayout {
  const options = { language, title, compact: true, pageWidth: PAGE_WIDTH, pageHeight: PAGE_HEIGHT } as const;
  const measure = (textScale: number) => {
    const measured = figureLayout(map, { ...options, textScale, measureOnly: true });
    return { textScale, printed: printedTextPt(measured), clashes: measured.labelClashes };
  };
  // Measured (no legend) while the text grows; the whole figure is laid out once. Larger text also
  // spreads the drawing, so each step goes only part of the way. Where no spread has room for every
  // label beside its line, larger text may: the drawing can then spread further on the same page.
  const tried = [measure(1)];
  let last = tried[0]!;
  for (let i = 0; i < 24 && (last.printed < MIN_TEXT_PT + 0.2 || last.clashes > 0) && last.textScale < MAX_TEXT_SCALE; i++) {
    const step = last.printed < MIN_TEXT_PT + 0.2 ? Math.max(1.05, Math.sqrt((MIN_TEXT_PT + 0.3) / last.printed)) : 1.15;
    last = measure(Math.min(MAX_TEXT_SCALE, last.textScale * step));
    tried.push(last);
  }
  // The first text size that keeps both rules; failing that, the fewest labels over boxes, printed largest.
  const chosen = tried.find((t) => t.clashes === 0 && t.printed >= MIN_TEXT_PT) ?? [...tried].sort((a, b) => a.clashes - b.clashes || b.printed - a.printed)[0]!;
  let textScale = chosen.textScale;
  let layout = figureLayout(map, { ...options, textScale });
  // The legend can widen the drawing a little beyond its boxes, lines and labels.
  for (let i = 0; i < 2 && printedTextPt(layout) < MIN_TEXT_PT && textScale < MAX_TEXT_SCALE; i++) {
    textScale = Math.min(MAX_TEXT_SCALE, textScale * 1.08);
    const larger = figureLayout(map, { ...options, textScale });
    if (larger.labelClashes > layout.labelClashes) break;
    layout = larger;
  }
  return layout;
}

/**
 * The theme model as the map export draws it (same positions), limited to the themes the
 * report is about and the links among them, with names passed through `rename`
 * (pseudonymisation). Null when there is no theme to draw.
 */
export function figureMap(db: Database.Database, themeIds: ReadonlySet<number>, rename: (text: string) => string): ThemeMap | null {
  const full = themeMap(db, { includeCodes: false, includeDiscarded: true });
  const themes = full.themes.filter((t) => themeIds.has(t.id)).map((t) => ({ ...t, name: rename(t.name), parentId: t.parentId !== null && themeIds.has(t.parentId) ? t.parentId : null }));
  if (themes.length === 0) return null;
  const shown = new Set<number>(themes.map((t) => t.id));
  const direct = full.links.filter((l) => shown.has(l.fromThemeId) && (l.toThemeId === null || shown.has(l.toThemeId)));
  const links = direct.filter((l) => l.toLinkId === null || direct.some((t) => t.id === l.toLinkId)).map((l) => ({ ...l, label: rename(l.label) }));
  return { themes, codes: [], links };
}

/**
 * The report's figure of the theme model (see figureMap), its legend and status badges in the
 * report's language. Null when there is no theme to draw.
 */
export function themeFigure(db: Database.Database, themeIds: ReadonlySet<number>, title: string, rename: (text: string) => string, language: FigureLanguage = 'en'): Figure | null {
  const map = figureMap(db, themeIds, rename);
  return map ? drawFigure(map, language, title) : null;
}

/** Lays out and rasterises a figure map: the part of a report's figure that needs no project (a worker thread draws it, see figure-in-worker.ts). */
export function drawFigure(map: ThemeMap, language: FigureLanguage, title: string): Figure {
  const layout = printableLayout(map, language, title);
  const svg = figureSvg(layout);
  const { width, height } = layout;
  const scale = Math.max(1, Math.min(SCALE, MAX_PIXELS / Math.max(width, height)));
  return { png: svgToPng(svg, scale), width, height, smallestTextPt: printedTextPt(layout) };
}
