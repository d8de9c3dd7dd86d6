import { describe, expect, it } from 'vitest';
import type { Ranged } from './blocks';
import { assignLanes } from './lanes';

const overlaps = (a: Ranged, b: Ranged) => a.start < b.end && b.start < a.end;

describe('assignLanes', () => {
  it('needs no lane without codings', () => {
    expect(assignLanes([]).count).toBe(0);
  });
  it('puts codings that do not overlap in one lane, including ones that only touch', () => {
    const layout = assignLanes([{ id: 1, start: 0, end: 10 }, { id: 2, start: 10, end: 20 }, { id: 3, start: 30, end: 40 }]);
    expect(layout.count).toBe(1);
    expect([...layout.lane.values()]).toEqual([0, 0, 0]);
  });
  it('separates overlapping codings, the longer one nearest the text', () => {
    const layout = assignLanes([{ id: 1, start: 5, end: 8 }, { id: 2, start: 0, end: 50 }, { id: 3, start: 6, end: 30 }]);
    expect(layout.count).toBe(3);
    expect(layout.lane.get(2)).toBe(0);
    expect(layout.lane.get(1)).toBe(1);
    expect(layout.lane.get(3)).toBe(2);
  });
  it('reuses a lane once it is free', () => {
    const layout = assignLanes([{ id: 1, start: 0, end: 10 }, { id: 2, start: 5, end: 15 }, { id: 3, start: 12, end: 20 }]);
    expect(layout.count).toBe(2);
    expect(layout.lane.get(3)).toBe(0);
  });
  it('never lets overlapping codings share a lane and uses as many lanes as the deepest overlap', () => {
    let seed = 7;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const codings: Ranged[] = Array.from({ length: 300 }, (_, id) => {
      const start = Math.floor(random() * 5000);
      return { id, start, end: start + 1 + Math.floor(random() * 400) };
    });
    const layout = assignLanes(codings);
    for (const a of codings) for (const b of codings) {
      if (a.id < b.id && overlaps(a, b)) expect(layout.lane.get(a.id)).not.toBe(layout.lane.get(b.id));
    }
    let deepest = 0;
    for (const c of codings) deepest = Math.max(deepest, codings.filter((o) => o.start <= c.start && o.end > c.start).length);
    expect(layout.count).toBe(deepest);
  });
});
