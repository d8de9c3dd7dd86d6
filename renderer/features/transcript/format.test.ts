import { describe, expect, it } from 'vitest';
import { isCharBoundary } from '../../../src/domain/offsets';
import { formatTimestamp } from '../../lib/time';
import { codedTint, hexToRgb, inVivoName } from './format';

describe('formatTimestamp', () => {
  it('shows minutes and seconds under an hour', () => {
    expect(formatTimestamp(0)).toBe('00:00');
    expect(formatTimestamp(192_400)).toBe('03:12');
    expect(formatTimestamp(3_599_999)).toBe('59:59');
  });
  it('adds hours from the first hour on', () => {
    expect(formatTimestamp(3_600_000)).toBe('1:00:00');
    expect(formatTimestamp(3_723_000)).toBe('1:02:03');
    expect(formatTimestamp(36_000_000 + 5_000)).toBe('10:00:05');
  });
  it('never shows negative times', () => {
    expect(formatTimestamp(-500)).toBe('00:00');
  });
});

describe('inVivoName', () => {
  it('keeps short quotes whole, on one line, without surrounding quotes and punctuation', () => {
    expect(inVivoName('  “ujung lengannya dikasih karet dong”.\n')).toBe('ujung lengannya dikasih karet dong');
    expect(inVivoName('satu\n  dua\tTiga')).toBe('satu dua Tiga');
  });
  it('cuts long quotes at a word boundary with an ellipsis, within the limit', () => {
    const quote = 'Ide-ide dari customer itu banyak banget, tapi penjahit saya cuma enam. Kalau semua request diikuti, bisa kacau.';
    const name = inVivoName(quote);
    expect(name.length).toBeLessThanOrEqual(60);
    expect(name.endsWith('…')).toBe(true);
    expect(quote.startsWith(name.slice(0, -1))).toBe(true);
    expect(quote[name.length - 1]).toBe(' ');
  });
  it('cuts a word with no space in reach without splitting an emoji', () => {
    const quote = 'a'.repeat(58) + '😀😀😀';
    const name = inVivoName(quote);
    expect(name.length).toBeLessThanOrEqual(60);
    expect(isCharBoundary(name, name.length - 1)).toBe(true);
    expect(name.codePointAt(name.length - 2)).not.toBe(0xd83d);
  });
  it('keeps a quote that is only punctuation rather than returning nothing', () => {
    expect(inVivoName('...')).toBe('...');
  });
});

describe('codedTint', () => {
  it('is nothing for uncoded text', () => {
    expect(codedTint([])).toBeNull();
  });
  it('tints lightly with one code and more strongly where codes overlap', () => {
    const one = codedTint(['#4e79a7'])!;
    const three = codedTint(['#4e79a7', '#e15759', '#59a14f'])!;
    const alpha = (s: string) => Number(/([\d.]+)\)$/.exec(s)![1]);
    expect(one.background).toBe('rgba(78, 121, 167, 0.16)');
    expect(alpha(three.background)).toBeGreaterThan(alpha(one.background));
    expect(three.underline).toBe('rgba(78, 121, 167, 0.75)');
  });
  it('averages the colours of overlapping codes', () => {
    expect(codedTint(['#000000', '#ffffff'])!.background).toBe('rgba(128, 128, 128, 0.26)');
  });
  it('reads malformed colours as grey', () => {
    expect(hexToRgb('red')).toEqual([128, 128, 128]);
  });
});
