import type { Ranged } from './blocks';

export interface LaneLayout {
  /** Coding id → lane, 0 nearest the text. */
  readonly lane: ReadonlyMap<number, number>;
  /** Lanes needed: the most codings overlapping at any point. */
  readonly count: number;
}

/**
 * Gives each coding a margin lane so overlapping codings never share one. Greedy in
 * order of start (longer first on ties), taking the lowest free lane, which is optimal
 * for intervals: it uses exactly as many lanes as the deepest overlap. Ranges are
 * half-open, so a coding may reuse the lane of one that ends where it starts.
 */
export function assignLanes(codings: readonly Ranged[]): LaneLayout {
  const order = [...codings].sort((a, b) => a.start - b.start || b.end - a.end || a.id - b.id);
  const laneEnds: number[] = [];
  const lane = new Map<number, number>();
  for (const c of order) {
    let free = laneEnds.findIndex((end) => end <= c.start);
    if (free === -1) free = laneEnds.push(0) - 1;
    laneEnds[free] = c.end;
    lane.set(c.id, free);
  }
  return { lane, count: laneEnds.length };
}
