import type { Args } from '../../../src/api/contract';
import type { Point } from '../../../src/domain/map-geometry';

/** Screen pixels a pointer must travel before a press on a node becomes a drag (below: a click). */
export const DRAG_THRESHOLD = 4;

/** A node on the map: a theme or a code (their ids are separate sequences). */
export interface NodeRef {
  readonly kind: 'theme' | 'code';
  readonly id: number;
}

export const nodeKey = (node: NodeRef): string => `${node.kind}:${node.id}`;

/** True once the pointer has left the press point far enough to mean a drag. */
export const passedThreshold = (from: Point, to: Point, threshold = DRAG_THRESHOLD): boolean =>
  Math.hypot(to.x - from.x, to.y - from.y) >= threshold;

/** Where a dragged node is now: its position at the press, moved as far as the pointer moved (world units). */
export const draggedTo = (origin: Point, pressWorld: Point, nowWorld: Point): Point => ({
  x: origin.x + nowWorld.x - pressWorld.x,
  y: origin.y + nowWorld.y - pressWorld.y,
});

/** The contract's coordinate range. */
const LIMIT = 100000;
const settle = (v: number) => Math.min(LIMIT, Math.max(-LIMIT, Math.round(v)));

/**
 * The one `map.move` a drop makes: whole units (what the store keeps anyway, so the node
 * does not jump when the map is read again), within the contract's range.
 */
export function moveRequest(moved: readonly (NodeRef & Point)[]): Args<'map.move'> {
  const themes = moved.filter((n) => n.kind === 'theme').map((n) => ({ id: n.id, x: settle(n.x), y: settle(n.y) }));
  const codes = moved.filter((n) => n.kind === 'code').map((n) => ({ id: n.id, x: settle(n.x), y: settle(n.y) }));
  return { ...(themes.length ? { themes } : {}), ...(codes.length ? { codes } : {}) };
}
