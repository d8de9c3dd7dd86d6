import { describe, expect, it } from 'vitest';
import { formatSize, formatWhen } from './format';

describe('backup dates and sizes', () => {
  const when = new Date(2026, 11, 6, 21, 47).toISOString();

  it('writes the date the way the reader\'s locale does', () => {
    expect(formatWhen(when, 'id', 'en-US')).toBe('6 Des 2026, 21.47');
    expect(formatWhen(when, 'en', 'en-US')).toBe('Dec 6, 2026, 9:47 PM');
    expect(formatWhen(when, 'en', 'en-GB')).toBe('6 Dec 2026, 21:47');
    // An Indonesian browser showing the English interface: English words, a day-month order.
    expect(formatWhen(when, 'en', 'id-ID')).toBe('6 Dec 2026, 21:47');
  });

  it('writes sizes in KB and MB with the language\'s decimal comma or point', () => {
    expect(formatSize(274_432, 'en')).toBe('268 KB');
    expect(formatSize(16_462_643, 'en')).toBe('15.7 MB');
    expect(formatSize(16_462_643, 'id')).toBe('15,7 MB');
    expect(formatSize(100, 'id')).toBe('1 KB');
  });
});
