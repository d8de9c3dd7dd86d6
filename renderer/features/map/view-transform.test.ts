import { describe, expect, it } from 'vitest';
import { IDENTITY, MAX_ZOOM, MIN_ZOOM, ZOOM_STEP, fitView, fitViewInto, panBy, toScreen, toWorld, uncoveredArea, wheelFactor, zoomAt } from './view-transform';

describe('view transform', () => {
  it('maps world to screen and back', () => {
    const view = { x: 30, y: -10, k: 2 };
    const p = { x: 5, y: 7 };
    expect(toScreen(view, p)).toEqual({ x: 40, y: 4 });
    expect(toWorld(view, toScreen(view, p))).toEqual(p);
  });

  it('pans by screen pixels whatever the zoom', () => {
    expect(panBy({ x: 1, y: 2, k: 3 }, 10, -5)).toEqual({ x: 11, y: -3, k: 3 });
  });

  it('zooms about the anchor: the world point under the pointer stays under it', () => {
    const view = { x: 40, y: 20, k: 1 };
    const anchor = { x: 300, y: 200 };
    const before = toWorld(view, anchor);
    const zoomed = zoomAt(view, 2, anchor);
    expect(zoomed.k).toBe(2);
    const after = toWorld(zoomed, anchor);
    expect(after.x).toBeCloseTo(before.x);
    expect(after.y).toBeCloseTo(before.y);
  });

  it('clamps the zoom and leaves the view alone at the limit', () => {
    expect(zoomAt({ x: 0, y: 0, k: MAX_ZOOM }, 2, { x: 10, y: 10 })).toEqual({ x: 0, y: 0, k: MAX_ZOOM });
    expect(zoomAt(IDENTITY, 0.001, { x: 0, y: 0 }).k).toBe(MIN_ZOOM);
  });

  it('turns one mouse-wheel notch into one zoom step, in and out', () => {
    expect(wheelFactor(-100)).toBeCloseTo(ZOOM_STEP);
    expect(wheelFactor(100)).toBeCloseTo(1 / ZOOM_STEP);
    expect(wheelFactor(-3, 1)).toBeCloseTo(ZOOM_STEP ** 0.99);
  });

  it('fits the bounds centred, with padding', () => {
    const view = fitView({ x: 100, y: 50, w: 1000, h: 200 }, 600, 400, 50);
    expect(view.k).toBeCloseTo(0.5);
    // Left edge at the padding, the box centred vertically.
    expect(toScreen(view, { x: 100, y: 50 })).toEqual({ x: 50, y: 150 });
    expect(toScreen(view, { x: 1100, y: 250 })).toEqual({ x: 550, y: 250 });
  });

  it('never zooms in beyond 100 % to fit a small map', () => {
    const view = fitView({ x: 0, y: 0, w: 200, h: 72 }, 1200, 800);
    expect(view.k).toBe(1);
    expect(toScreen(view, { x: 100, y: 36 })).toEqual({ x: 600, y: 400 });
  });

  it('keeps the identity when there is nothing or no room', () => {
    expect(fitView(null, 800, 600)).toEqual(IDENTITY);
    expect(fitView({ x: 0, y: 0, w: 10, h: 10 }, 0, 0)).toEqual(IDENTITY);
  });
});

describe('fit into what the panels leave visible', () => {
  const stage = { left: 0, top: 50, right: 1200, bottom: 850 };
  it('cuts a side panel lying over the right of the stage, and the legend along its bottom', () => {
    const panel = { left: 880, top: 50, right: 1200, bottom: 850 };
    const legend = { left: 10, top: 810, right: 700, bottom: 840 };
    expect(uncoveredArea(stage, [panel, legend])).toEqual({ x: 0, y: 0, w: 880, h: 760 });
  });
  it('ignores what lies beside the stage', () => {
    expect(uncoveredArea(stage, [{ left: 1200, top: 50, right: 1520, bottom: 850 }])).toEqual({ x: 0, y: 0, w: 1200, h: 800 });
  });
  it('puts every node inside the area, zooming out as far as needed', () => {
    const area = { x: 0, y: 0, w: 880, h: 760 };
    const bounds = { x: -3000, y: 200, w: 9000, h: 1200 };
    const view = fitViewInto(bounds, area, 32);
    const topLeft = toScreen(view, { x: bounds.x, y: bounds.y });
    const bottomRight = toScreen(view, { x: bounds.x + bounds.w, y: bounds.y + bounds.h });
    expect(view.k).toBeLessThan(MIN_ZOOM);
    expect(topLeft.x).toBeGreaterThanOrEqual(area.x);
    expect(topLeft.y).toBeGreaterThanOrEqual(area.y);
    expect(bottomRight.x).toBeLessThanOrEqual(area.x + area.w);
    expect(bottomRight.y).toBeLessThanOrEqual(area.y + area.h);
  });
});
