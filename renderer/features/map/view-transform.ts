import type { Box, Point } from '../../../src/domain/map-geometry';

/** Pan and zoom of the map: screen = world × k + (x, y), in pixels of the canvas element. */
export interface View {
  readonly x: number;
  readonly y: number;
  readonly k: number;
}

export const MIN_ZOOM = 0.2;
export const MAX_ZOOM = 3;
/** One +/− press or one wheel notch multiplies the zoom by this. */
export const ZOOM_STEP = 1.2;

export const IDENTITY: View = { x: 0, y: 0, k: 1 };

export const clampZoom = (k: number): number => Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, k));

export const toWorld = (view: View, p: Point): Point => ({ x: (p.x - view.x) / view.k, y: (p.y - view.y) / view.k });
export const toScreen = (view: View, p: Point): Point => ({ x: p.x * view.k + view.x, y: p.y * view.k + view.y });

/** The view moved by a drag of (dx, dy) screen pixels. */
export const panBy = (view: View, dx: number, dy: number): View => ({ ...view, x: view.x + dx, y: view.y + dy });

/** Zooms by `factor`, keeping the world point under `anchor` (a screen point) where it is. */
export function zoomAt(view: View, factor: number, anchor: Point): View {
  const k = clampZoom(view.k * factor);
  if (k === view.k) return view;
  const world = toWorld(view, anchor);
  return { k, x: anchor.x - world.x * k, y: anchor.y - world.y * k };
}

/**
 * Zoom factor of one wheel event. Mouse wheels send about 100 px a notch, touchpads small
 * steps; both are mapped smoothly so a notch is one ZOOM_STEP, and line/page modes scaled up.
 */
export function wheelFactor(deltaY: number, deltaMode = 0): number {
  const pixels = deltaMode === 1 ? deltaY * 33 : deltaMode === 2 ? deltaY * 400 : deltaY;
  return ZOOM_STEP ** (-pixels / 100);
}

/**
 * The view that shows all of `bounds` centred in a viewport of `width` × `height`, with
 * `padding` pixels around it, never zoomed in beyond 100 % (a map of two themes stays readable size).
 */
export function fitView(bounds: Box | null, width: number, height: number, padding = 40): View {
  if (!bounds || width <= 0 || height <= 0) return IDENTITY;
  const k = clampZoom(Math.min(1, (width - 2 * padding) / Math.max(bounds.w, 1), (height - 2 * padding) / Math.max(bounds.h, 1)));
  return {
    k,
    x: (width - bounds.w * k) / 2 - bounds.x * k,
    y: (height - bounds.h * k) / 2 - bounds.y * k,
  };
}

/** A rectangle in page pixels (as getBoundingClientRect gives). */
export interface Rect { readonly left: number; readonly top: number; readonly right: number; readonly bottom: number }

/**
 * The part of the stage no panel covers, in the stage's own pixels: a cover on the right of
 * the stage (the side panel, when the window is narrow enough for it to lie over the map) cuts
 * the right edge back to it, one along the bottom (the legend, the zoom buttons) raises the
 * bottom, and likewise for the left and the top. "Fit" centres the map in what is left.
 */
export function uncoveredArea(stage: Rect, covers: readonly Rect[]): Box {
  let { left, top, right, bottom } = stage;
  const midX = (stage.left + stage.right) / 2;
  const midY = (stage.top + stage.bottom) / 2;
  for (const c of covers) {
    if (c.right <= left || c.left >= right || c.bottom <= top || c.top >= bottom) continue;
    const wide = (c.right - c.left) / (stage.right - stage.left);
    const tall = (c.bottom - c.top) / (stage.bottom - stage.top);
    // A cover spanning more of the height than of the width is a side column; else a band.
    if (tall >= wide) {
      if (c.left >= midX) right = Math.min(right, c.left);
      else left = Math.max(left, c.right);
    } else if (c.top >= midY) bottom = Math.min(bottom, c.top);
    else top = Math.max(top, c.bottom);
  }
  return { x: left - stage.left, y: top - stage.top, w: Math.max(0, right - left), h: Math.max(0, bottom - top) };
}

/** `fitView` into a part of the viewport (`area`, from `uncoveredArea`), zooming out as far as needed to show everything. */
export function fitViewInto(bounds: Box | null, area: Box, padding = 32): View {
  if (!bounds || area.w <= 0 || area.h <= 0) return IDENTITY;
  const k = Math.max(0.02, Math.min(MAX_ZOOM, 1, (area.w - 2 * padding) / Math.max(bounds.w, 1), (area.h - 2 * padding) / Math.max(bounds.h, 1)));
  return {
    k,
    x: area.x + (area.w - bounds.w * k) / 2 - bounds.x * k,
    y: area.y + (area.h - bounds.h * k) / 2 - bounds.y * k,
  };
}
