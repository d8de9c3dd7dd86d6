import { describe, expect, it } from 'vitest';
import { countPosition, needsLightInk, scaleColour, sharePosition } from './colour-scale';

const luminance = (hex: string): number => {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
};

describe('colour scale', () => {
  it('runs from a pale tint to the accent blue', () => {
    expect(scaleColour(0)).toBe('#f1f5fa');
    expect(scaleColour(1)).toBe('#2f5d9e');
    expect(scaleColour(0.5)).toBe('#b7cce6');
  });

  it('gets darker monotonically, so more always looks like more', () => {
    let previous = Infinity;
    for (let t = 0; t <= 1.0001; t += 0.05) {
      const l = luminance(scaleColour(t));
      expect(l).toBeLessThanOrEqual(previous);
      previous = l;
    }
  });

  it('clamps out-of-range and non-finite positions', () => {
    expect(scaleColour(-1)).toBe(scaleColour(0));
    expect(scaleColour(7)).toBe(scaleColour(1));
    expect(scaleColour(Number.NaN)).toBe(scaleColour(0));
  });

  it('keeps zero apart and lifts any non-zero share above the floor', () => {
    expect(sharePosition(0)).toBe(0);
    expect(sharePosition(1 / 12)).toBeGreaterThan(0.14);
    expect(sharePosition(1)).toBe(1);
    expect(sharePosition(0.5)).toBeLessThan(sharePosition(0.75));
  });

  it('scales counts by square root against the largest count', () => {
    expect(countPosition(0, 10)).toBe(0);
    expect(countPosition(5, 0)).toBe(0);
    expect(countPosition(10, 10)).toBe(1);
    expect(countPosition(25, 100)).toBeCloseTo(0.14 + 0.86 * 0.5);
    expect(countPosition(200, 100)).toBe(1);
  });

  it('asks for light text only on the dark end', () => {
    expect(needsLightInk(0.2)).toBe(false);
    expect(needsLightInk(0.5)).toBe(false);
    expect(needsLightInk(1)).toBe(true);
  });
});
