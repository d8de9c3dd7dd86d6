import { useEffect, useRef, useState, type ReactNode } from 'react';

/**
 * Rows drawn first: more than a 900-pixel window shows of any of these lists (sidebar links,
 * table rows, search lines). A screen draws three such lists at once (the home: the sidebar, the
 * transcripts and the informants), so the first paint waits for this many of each, not for CHUNK.
 */
const FIRST = 25;
/** Rows drawn at a time after the first: more than a screen holds, well under the 100 ms a task may take on a slow laptop. */
const CHUNK = 60;

/**
 * How many items of a long list to draw: the first few, then a chunk each time the end of what
 * is drawn comes near the view. Drawing 1,000 rows at once blocks the page for over a second; a
 * chunk at a time does not. Rows once drawn stay, as real table rows and list items, so
 * keyboard, screen readers and find-in-page see them as before. Put `sentinel` after the list.
 */
export function useGrowingLimit(total: number): { readonly limit: number; readonly sentinel: ReactNode } {
  const [limit, setLimit] = useState(FIRST);
  const marker = useRef<HTMLDivElement | null>(null);
  const more = limit < total;

  useEffect(() => {
    const element = marker.current;
    if (!more || !element) return;
    // Each new observer reports at once whether the marker is near: the list grows a chunk per task until it is not.
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) setLimit((l) => l + CHUNK);
    }, { rootMargin: '600px 0px' });
    observer.observe(element);
    return () => observer.disconnect();
  }, [more, limit]);

  return { limit, sentinel: more ? <div ref={marker} className="growing-list-end" aria-hidden="true" data-testid="list-more" /> : null };
}

/** Hands out the first `limit` items across several lists (groups of a grouped list), in the order they are asked for. */
export function rowBudget(limit: number): <T>(items: readonly T[]) => readonly T[] {
  let left = limit;
  return (items) => {
    const taken = items.slice(0, Math.max(0, left));
    left -= taken.length;
    return taken;
  };
}
