import { describe, expect, it } from 'vitest';
import { formatClock, parseClock } from '../../../src/domain/recordings';

describe('a turn time typed by the user', () => {
  it('reads minutes and seconds, hours, bare seconds and a fraction', () => {
    expect(parseClock('12:04')).toBe(724_000);
    expect(parseClock(' 1:02:09 ')).toBe(3_729_000);
    expect(parseClock('95')).toBe(95_000);
    expect(parseClock('75:00')).toBe(4_500_000);
    expect(parseClock('00:04.5')).toBe(4_500);
    expect(parseClock('0:04,25')).toBe(4_250);
  });

  it('reads what formatClock writes back to the same time', () => {
    for (const ms of [0, 4_000, 724_000, 3_729_000, 36_000_000]) expect(parseClock(formatClock(ms))).toBe(ms);
  });

  it('is null when empty (no time) and undefined when it cannot be read', () => {
    expect(parseClock('')).toBeNull();
    expect(parseClock('   ')).toBeNull();
    for (const bad of ['12:60', '1:75:00', 'abc', '12:04pm', '-5', '1:2:3:4', '12:', ':30', '12:04.1234']) expect(parseClock(bad), bad).toBeUndefined();
  });
});
