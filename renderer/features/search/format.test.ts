import { describe, expect, it } from 'vitest';
import type { Utf16Offset } from '../../../src/domain/ids';
import type { SearchHit, SearchResult } from '../../../src/domain/types';
import { formatTimestamp as formatTime } from '../../lib/time';
import { formatMs, groupByKind, kwicContext, oneLine, similarText, summarise, undoShortcut } from './format';

const at = (n: number) => n as Utf16Offset;
const hit = (kind: SearchHit['kind'], documentId: number | null): SearchHit => ({ kind, documentId }) as unknown as SearchHit;

describe('formatTime', () => {
  it('writes mm:ss under an hour and h:mm:ss from it on', () => {
    expect(formatTime(0)).toBe('00:00');
    expect(formatTime(65_400)).toBe('01:05');
    expect(formatTime(3_600_000 + 62_000)).toBe('1:01:02');
    expect(formatTime(-5)).toBe('00:00');
  });
});

describe('kwicContext', () => {
  it('puts context on one line and marks sides cut short of their unit', () => {
    const context = kwicContext({ before: 'kami\n juga ', after: ' dengan  kampus', start: at(100), end: at(110), unitStart: at(0), unitEnd: at(400) });
    expect(context).toEqual({ before: '…kami juga ', after: ' dengan kampus…' });
  });

  it('marks nothing when the context reaches the unit ends', () => {
    expect(kwicContext({ before: 'Jadi ', after: ' itu.', start: at(5), end: at(15), unitStart: at(0), unitEnd: at(20) })).toEqual({ before: 'Jadi ', after: ' itu.' });
  });

  it('collapses whitespace', () => {
    expect(oneLine('a\t\tb\r\nc')).toBe('a b c');
  });
});

describe('groupByKind and summarise', () => {
  const hits = [hit('code', null), hit('document', 1), hit('memo', null), hit('document', 2), hit('document', 1)];
  it('keeps result order within each kind', () => {
    const groups = groupByKind(hits);
    expect(groups.documents).toEqual([hits[1], hits[3], hits[4]]);
    expect(groups.memos).toEqual([hits[2]]);
    expect(groups.codes).toEqual([hits[0]]);
  });

  it('counts transcript hits, transcripts, memo and code hits, and a cut result', () => {
    const result: SearchResult = { hits, total: 9, passages: 4, tookMs: 3 };
    expect(summarise(result)).toEqual({ documentHits: 3, documents: 2, memoHits: 1, codeHits: 1, truncated: true, atLeast: false });
    expect(summarise({ ...result, total: 5 }).truncated).toBe(false);
    // Past the limit the core counts passages only: the total is a lower bound.
    expect(summarise({ ...result, total: 9, passages: 9 }).atLeast).toBe(true);
  });
});

describe('formatMs and undoShortcut', () => {
  it('rounds as a person reads time', () => {
    expect(formatMs(12.4)).toBe('12');
    expect(formatMs(3.62)).toBe('3.6');
    expect(formatMs(0.01)).toBe('<0.1');
  });

  it('names the undo key of the platform', () => {
    expect(undoShortcut('MacIntel')).toBe('⌘Z');
    expect(undoShortcut('Linux x86_64')).toBe('Ctrl+Z');
  });
});

describe('similarText', () => {
  it('keeps the words and drops operators, quotes, wildcards and excluded words', () => {
    expect(similarText('(kolaborsi OR "brand equty") AND pelang* NOT online -promo')).toBe('kolaborsi brand equty pelang');
    expect(similarText('pelatihan TIDAK daring DAN mitra')).toBe('pelatihan mitra');
    expect(similarText('NOT')).toBe('');
  });
});
