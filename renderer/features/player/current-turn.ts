import type { Turn } from '../../../src/domain/types';

/** The stretch of text of the turn being heard, in stored-text offsets. */
export interface HeardTurn {
  readonly turnId: number;
  readonly start: number;
  readonly end: number;
}

/**
 * The turn being heard at `ms`: the last turn (in time order) that starts at or before it. A turn
 * with an end is left behind once its end is passed, so the silence after the last answer does
 * not keep it highlighted; turns without a time are never heard (they are given one by hand).
 */
export function turnAt(turns: readonly Pick<Turn, 'id' | 'startMs' | 'endMs' | 'start' | 'end'>[], ms: number): HeardTurn | null {
  let best: (typeof turns)[number] | null = null;
  for (const turn of turns) {
    if (turn.startMs !== null && turn.startMs <= ms && (best === null || turn.startMs >= best.startMs!)) best = turn;
  }
  if (best === null || (best.endMs !== null && ms >= best.endMs)) return null;
  return { turnId: best.id, start: best.start, end: best.end };
}

/** The playback speeds offered, slowest first (1× is normal). */
export const SPEEDS = [0.5, 0.75, 1, 1.25, 1.5, 2] as const;

/** How far "back" skips, in seconds. */
export const SKIP_BACK_SECONDS = 5;
