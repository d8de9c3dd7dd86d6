import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { SizeCache } from './size-cache';

export interface VirtualItem {
  readonly index: number;
  readonly top: number;
}

export interface VirtualList {
  /** Attach to the scrolling element. */
  readonly scrollerRef: (el: HTMLDivElement | null) => void;
  readonly scroller: () => HTMLDivElement | null;
  /** Items to render, each absolutely placed at `top` inside a container of height `total`. */
  readonly items: readonly VirtualItem[];
  readonly total: number;
  /** The scroller's content width, for estimates and for re-measuring what depends on wrapping. */
  readonly width: number;
  readonly offsetOf: (index: number) => number;
  /** Scrolls so item `index` (plus `within` pixels into it) sits at `align` × viewport height. */
  readonly scrollToIndex: (index: number, within?: number, align?: number) => void;
}

interface Options {
  readonly count: number;
  /** Estimated height of an item at a content width; the real height replaces it once rendered. */
  readonly estimate: (index: number, width: number) => number;
  /** Changes when the items are different ones (another document), so old measurements are dropped. */
  readonly identity: string;
  /** Indices always rendered, e.g. the turn holding the selection's anchor (so the browser keeps the selection). */
  readonly pinned?: readonly number[];
  /** Pixels rendered beyond the viewport on each side. */
  readonly overscan?: number;
  /** Viewport height assumed before the scroller has a size (tests, first frame). */
  readonly fallbackHeight?: number;
  /** Space in the scroller above the first item. */
  readonly paddingTop?: number;
}

const FALLBACK_WIDTH = 800;

/**
 * A windowed list of variable-height items: renders only the items near the viewport,
 * estimates the others, measures what it renders, and keeps the reader's place when a
 * measured item above the viewport turns out taller or shorter than estimated.
 * Rendered items must carry `data-index`.
 */
export function useVirtualList({ count, estimate, identity, pinned = [], overscan = 900, fallbackHeight = 900, paddingTop = 0 }: Options): VirtualList {
  const scrollerEl = useRef<HTMLDivElement | null>(null);
  const [width, setWidth] = useState(0);
  const widthRef = useRef(0);
  const estimateRef = useRef(estimate);
  estimateRef.current = estimate;
  const estimateAt = useCallback((i: number) => estimateRef.current(i, widthRef.current || FALLBACK_WIDTH), []);

  const cache = useMemo(() => new SizeCache(count, estimateAt, identity), [count, identity, estimateAt]);
  const [version, setVersion] = useState(0);
  const [scrollWindow, setScrollWindow] = useState({ top: 0, height: 0 });
  const bump = useCallback(() => setVersion((v) => v + 1), []);

  const viewportOf = useCallback(
    (el: HTMLDivElement | null) => ({ top: (el?.scrollTop ?? 0) - paddingTop, height: el?.clientHeight || fallbackHeight }),
    [paddingTop, fallbackHeight],
  );

  /** Re-renders only when the set of items to show would change, not on every scroll pixel. */
  const lastWindow = useRef({ from: -1, to: -1 });
  const onScroll = useCallback(() => {
    const el = scrollerEl.current;
    const view = viewportOf(el);
    const next = cache.window(view.top, view.height, overscan);
    if (next.from !== lastWindow.current.from || next.to !== lastWindow.current.to) setScrollWindow(view);
  }, [cache, overscan, viewportOf]);

  const resizeObserver = useRef<ResizeObserver | null>(null);
  const scrollerRef = useCallback((el: HTMLDivElement | null) => {
    scrollerEl.current?.removeEventListener('scroll', onScroll);
    resizeObserver.current?.disconnect();
    scrollerEl.current = el;
    if (!el) return;
    el.addEventListener('scroll', onScroll, { passive: true });
    if (typeof ResizeObserver !== 'undefined') {
      resizeObserver.current = new ResizeObserver(() => {
        const w = el.clientWidth;
        if (Math.abs(w - widthRef.current) >= 1) {
          // Every item rewraps: keep the item at the top of the viewport there, at the same fraction of its height.
          const top = el.scrollTop - paddingTop;
          const anchor = cache.indexAt(top);
          const fraction = (top - cache.offsetOf(anchor)) / Math.max(1, cache.sizeOf(anchor));
          widthRef.current = w;
          cache.reestimate(estimateAt);
          if (top > 0) el.scrollTop = paddingTop + cache.offsetOf(anchor) + fraction * cache.sizeOf(anchor);
          setWidth(w);
        }
        setScrollWindow(viewportOf(el));
      });
      resizeObserver.current.observe(el);
    }
    widthRef.current = el.clientWidth;
    if (el.clientWidth) cache.reestimate(estimateAt);
    setWidth(el.clientWidth);
    setScrollWindow(viewportOf(el));
  }, [onScroll, cache, estimateAt, viewportOf, paddingTop]);

  const view = scrollWindow.height ? scrollWindow : viewportOf(scrollerEl.current);
  const range = cache.window(view.top, view.height, overscan);
  lastWindow.current = range;
  const indices = new Set<number>();
  for (let i = range.from; i < range.to; i++) indices.add(i);
  for (const p of pinned) if (p >= 0 && p < count) indices.add(p);
  const items = [...indices].sort((a, b) => a - b).map((index) => ({ index, top: cache.offsetOf(index) }));
  const total = cache.total();

  /**
   * Measures every rendered item after each commit, before paint, so estimates never
   * show. Items that start above the viewport shift the content: scroll by the same
   * amount so the text under the reader's eyes stays put.
   */
  const itemObserver = useRef<ResizeObserver | null>(null);
  const observed = useRef(new Set<HTMLElement>());
  const measure = useCallback((): boolean => {
    const el = scrollerEl.current;
    if (!el) return false;
    let shift = 0;
    let changed = false;
    for (const node of el.querySelectorAll<HTMLElement>('[data-index]')) {
      const height = node.offsetHeight;
      // Zero means no layout (a hidden window, a test DOM): keep the estimate.
      if (height <= 0) continue;
      const index = Number(node.dataset['index']);
      const top = cache.offsetOf(index);
      const delta = cache.set(index, height);
      if (delta !== 0) {
        changed = true;
        if (top + paddingTop < el.scrollTop) shift += delta;
      }
      if (itemObserver.current && !observed.current.has(node)) {
        itemObserver.current.observe(node);
        observed.current.add(node);
      }
    }
    // Unmounted items must not stay observed: a long scroll would pile them up.
    for (const node of observed.current) {
      if (!node.isConnected) {
        itemObserver.current?.unobserve(node);
        observed.current.delete(node);
      }
    }
    if (shift !== 0) el.scrollTop += shift;
    return changed;
  }, [cache, paddingTop]);

  // Item heights also change without a render of the list (fonts load, a turn's content re-renders).
  useEffect(() => {
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => { if (measure()) bump(); });
    const watched = observed.current;
    itemObserver.current = observer;
    return () => { observer.disconnect(); itemObserver.current = null; watched.clear(); };
  }, [measure, bump]);

  // After a commit only items new to the DOM need measuring before paint: those already observed report their
  // own size changes. Measuring them all forced a layout of the whole transcript on every render (each coding).
  useLayoutEffect(() => {
    const el = scrollerEl.current;
    if (itemObserver.current && el && [...el.querySelectorAll<HTMLElement>('[data-index]')].every((node) => observed.current.has(node))) return;
    if (measure()) bump();
  });

  const scrollToIndex = useCallback((index: number, within = 0, align = 0.3) => {
    const el = scrollerEl.current;
    if (!el) return;
    el.scrollTop = Math.max(0, paddingTop + cache.offsetOf(index) + within - (el.clientHeight || fallbackHeight) * align);
    setScrollWindow(viewportOf(el));
  }, [cache, fallbackHeight, paddingTop, viewportOf]);

  const scroller = useCallback(() => scrollerEl.current, []);
  void version;
  return {
    scrollerRef, scroller, items, total, width,
    offsetOf: (index) => cache.offsetOf(index), scrollToIndex,
  };
}
