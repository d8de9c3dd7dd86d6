import { describe, expect, it } from 'vitest';
import { DRAG_THRESHOLD, draggedTo, moveRequest, nodeKey, passedThreshold } from './node-drag';

describe('node drag', () => {
  it('tells a click from a drag by distance', () => {
    expect(passedThreshold({ x: 0, y: 0 }, { x: DRAG_THRESHOLD - 1, y: 0 })).toBe(false);
    expect(passedThreshold({ x: 0, y: 0 }, { x: 3, y: 4 }, 5)).toBe(true);
  });

  it('moves the node as far as the pointer moved in world units', () => {
    expect(draggedTo({ x: 100, y: 40 }, { x: 150, y: 60 }, { x: 170.5, y: 20 })).toEqual({ x: 120.5, y: 0 });
  });

  it('makes one map.move with whole, in-range coordinates', () => {
    expect(moveRequest([{ kind: 'theme', id: 3, x: 120.5, y: -0.4 }, { kind: 'code', id: 7, x: 1e9, y: 2.6 }])).toEqual({
      themes: [{ id: 3, x: 121, y: -0 }],
      codes: [{ id: 7, x: 100000, y: 3 }],
    });
    expect(moveRequest([{ kind: 'theme', id: 3, x: 1, y: 2 }])).toEqual({ themes: [{ id: 3, x: 1, y: 2 }] });
  });

  it('keys themes and codes apart (their ids are separate sequences)', () => {
    expect(nodeKey({ kind: 'theme', id: 1 })).not.toBe(nodeKey({ kind: 'code', id: 1 }));
  });
});
