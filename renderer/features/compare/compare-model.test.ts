import { describe, expect, it } from 'vitest';
import type { CodeId, CoderId, CodingId, DocumentId, Utf16Offset } from '../../../src/domain/ids';
import type { Coding } from '../../../src/domain/types';
import { codingIdsOf, compareCodings, pieceStatus } from './compare-model';

const AYU = 1 as CoderId;
const BIMA = 2 as CoderId;
const CONSENSUS = 3 as CoderId;
const TRUST = 10 as CodeId;
const MENU = 11 as CodeId;
let next = 1;
const coding = (coderId: CoderId, codeId: CodeId, start: number, end: number): Coding => ({
  id: next++ as CodingId, documentId: 1 as DocumentId, codeId, coderId, coderName: String(coderId),
  start: start as Utf16Offset, end: end as Utf16Offset, quote: '', createdAt: '',
});
const compare = (codings: Coding[], codeIds: CodeId[] = [TRUST, MENU]) => compareCodings({ codings, first: AYU, second: BIMA, consensus: CONSENSUS, codeIds });

describe('comparing two coders\' codings of a transcript', () => {
  it('marks what both coded, and what one coded alone, per code; a run of overlapping codings is one disagreement', () => {
    const a = coding(AYU, TRUST, 10, 50);
    const b = coding(BIMA, TRUST, 30, 80);
    const result = compare([a, b]);
    expect(result.marks.map((m) => [m.start, m.end, m.status])).toEqual([[10, 30, 'first'], [30, 50, 'both'], [50, 80, 'second']]);
    expect(result.disagreements).toHaveLength(1);
    expect(result.disagreements[0]).toMatchObject({ codeId: TRUST, start: 10, end: 80, onlyFirst: 20, onlySecond: 30, both: 20, settled: false });
    expect(codingIdsOf(result.disagreements[0]!)).toEqual([a.id, b.id]);
    expect(result.codes).toEqual([expect.objectContaining({ codeId: TRUST, agreements: 0 })]);
  });

  it('the same passage coded alike by both is an agreement; touching ranges are separate runs; one coder alone is a disagreement', () => {
    const result = compare([
      coding(AYU, TRUST, 0, 10), coding(BIMA, TRUST, 0, 10),
      coding(AYU, TRUST, 10, 20),
      // Two codings by Bima over Ayu's one: the same coverage, so they agree.
      coding(AYU, MENU, 40, 60), coding(BIMA, MENU, 40, 50), coding(BIMA, MENU, 50, 60),
    ]);
    expect(result.codes.map((c) => [c.codeId, c.agreements, c.disagreements.length])).toEqual([[TRUST, 1, 1], [MENU, 1, 0]]);
    expect(result.disagreements[0]).toMatchObject({ start: 10, end: 20, onlyFirst: 10, onlySecond: 0, second: [] });
    expect(result.marks.filter((m) => m.codeId === MENU).map((m) => [m.start, m.end, m.status])).toEqual([[40, 60, 'both']]);
  });

  it('a chain of overlaps is one run; a consensus coding over it marks it settled; other coders and codes left out are ignored', () => {
    const result = compare([
      coding(AYU, TRUST, 0, 20), coding(BIMA, TRUST, 15, 40), coding(AYU, TRUST, 35, 60),
      coding(CONSENSUS, TRUST, 5, 12),
      coding(4 as CoderId, TRUST, 100, 120),
      coding(AYU, MENU, 200, 210),
    ], [TRUST]);
    expect(result.disagreements.map((d) => [d.start, d.end, d.first.length, d.second.length, d.settled])).toEqual([[0, 60, 2, 1, true]]);
    expect(result.marks.every((m) => m.codeId === TRUST && m.end <= 60)).toBe(true);
  });

  it('draws a piece by what covers it: agreement, one coder, or the two coders each alone with different codes', () => {
    const mark = (status: 'both' | 'first' | 'second') => ({ id: 0, start: 0, end: 1, codeId: TRUST, status });
    expect(pieceStatus([mark('both')])).toBe('both');
    expect(pieceStatus([mark('both'), mark('first')])).toBe('first');
    expect(pieceStatus([mark('first'), mark('second')])).toBe('mixed');
    expect(pieceStatus([])).toBeNull();
  });

  it('compares hundreds of codings over a long transcript in one pass', () => {
    const many: Coding[] = [];
    for (let i = 0; i < 400; i++) {
      const start = i * 150;
      many.push(coding(AYU, i % 2 ? TRUST : MENU, start, start + 80));
      if (i % 3 !== 0) many.push(coding(BIMA, i % 2 ? TRUST : MENU, start + (i % 5 === 0 ? 10 : 0), start + 80));
    }
    const result = compare(many);
    const agreed = result.codes.reduce((n, c) => n + c.agreements, 0);
    // Every third passage Bima left out, and every fifth of the rest he began ten characters later.
    const left = Math.ceil(400 / 3);
    const later = Array.from({ length: 400 }, (_, i) => i).filter((i) => i % 3 !== 0 && i % 5 === 0).length;
    expect(result.disagreements).toHaveLength(left + later);
    expect(agreed).toBe(400 - left - later);
  });
});
