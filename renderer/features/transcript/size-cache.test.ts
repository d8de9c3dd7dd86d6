import { describe, expect, it } from 'vitest';
import { SizeCache } from './size-cache';

describe('SizeCache', () => {
  it('places items by their estimates until measured', () => {
    const cache = new SizeCache(5, (i) => 10 * (i + 1));
    expect([0, 1, 2, 3, 4, 5].map((i) => cache.offsetOf(i))).toEqual([0, 10, 30, 60, 100, 150]);
    expect(cache.total()).toBe(150);
    expect(cache.isMeasured(2)).toBe(false);
  });

  it('moves every later item when one is measured, and reports the change', () => {
    const cache = new SizeCache(4, () => 100);
    expect(cache.offsetOf(3)).toBe(300);
    expect(cache.set(1, 140)).toBe(40);
    expect(cache.isMeasured(1)).toBe(true);
    expect(cache.offsetOf(1)).toBe(100);
    expect(cache.offsetOf(2)).toBe(240);
    expect(cache.total()).toBe(440);
    expect(cache.set(1, 140.2)).toBe(0);
  });

  it('finds the item at a position', () => {
    const cache = new SizeCache(4, () => 100);
    expect(cache.indexAt(0)).toBe(0);
    expect(cache.indexAt(99)).toBe(0);
    expect(cache.indexAt(100)).toBe(1);
    expect(cache.indexAt(10_000)).toBe(3);
    expect(cache.indexAt(-5)).toBe(0);
  });

  it('windows a long list to the viewport and its overscan', () => {
    const cache = new SizeCache(600, () => 120);
    expect(cache.window(0, 800, 400)).toEqual({ from: 0, to: 11 });
    const middle = cache.window(36_000, 800, 400);
    expect(middle.from).toBe(296);
    expect(middle.to).toBe(311);
    expect(cache.window(10_000_000, 800, 0)).toEqual({ from: 599, to: 600 });
    expect(new SizeCache(0, () => 1).window(0, 800, 0)).toEqual({ from: 0, to: 0 });
  });

  it('forgets measurements when re-estimated', () => {
    const cache = new SizeCache(3, () => 50);
    cache.set(0, 80);
    cache.reestimate(() => 20);
    expect(cache.isMeasured(0)).toBe(false);
    expect(cache.total()).toBe(60);
  });
});
