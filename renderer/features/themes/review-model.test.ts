import { describe, expect, it } from 'vitest';
import type { CodeId, CodingId, DocumentId, CoderId, Utf16Offset } from '../../../src/domain/ids';
import type { Comment, Extract, ThemeReview, TriangulationMatrix } from '../../../src/domain/types';
import { filterGroups, findExtract, neighbours, partitionComments, passages, suggestionFor, supportRows, uniqueExtracts } from './review-model';

const extract = (id: number, codeId: number, labels: string[]): Extract => ({
  id: id as CodingId, documentId: 1 as DocumentId, codeId: codeId as CodeId, coderId: 1 as CoderId, start: 0 as Utf16Offset, end: 4 as Utf16Offset,
  quote: `q${id}`, createdAt: '', coderName: 'you', codeName: `C${codeId}`, documentTitle: 'Doc', informantIds: [], informantLabels: labels, informantTypes: [],
});
const shared = extract(3, 2, ['KP-01', 'KP-02']);
const groups: ThemeReview['groups'] = [
  { type: 'Pemilik', informants: [{ label: 'P-01', extracts: [extract(1, 1, ['P-01']), extract(2, 2, ['P-01'])] }] },
  { type: 'Komunitas', informants: [{ label: 'KP-01', extracts: [shared] }, { label: 'KP-02', extracts: [shared] }] },
];

describe('extracts of a review', () => {
  it('lists each extract once, even when a group interview files it under several informants', () => {
    expect(uniqueExtracts(groups).map((e) => e.id)).toEqual([1, 2, 3]);
  });

  it('finds an extract by id', () => {
    expect(findExtract(groups, 3 as CodingId)?.quote).toBe('q3');
    expect(findExtract(groups, 9 as CodingId)).toBeUndefined();
    expect(findExtract(groups, null)).toBeUndefined();
  });

  it('filters by code and drops emptied informants and types', () => {
    const only1 = filterGroups(groups, 1 as CodeId);
    expect(only1.map((g) => g.type)).toEqual(['Pemilik']);
    expect(only1[0]!.informants[0]!.extracts.map((e) => e.id)).toEqual([1]);
    expect(filterGroups(groups, null)).toBe(groups);
  });
});

describe('passages', () => {
  it('puts codings of the same range of the same document on one card, in first-seen order', () => {
    const a = extract(1, 1, ['P-01']);
    const b = { ...extract(2, 2, ['P-01']) };
    const other = { ...extract(3, 1, ['P-01']), start: 10 as Utf16Offset, end: 20 as Utf16Offset };
    const elsewhere = { ...extract(4, 2, ['P-01']), documentId: 2 as DocumentId };
    const result = passages([a, other, b, elsewhere]);
    expect(result.map((p) => p.codings.map((c) => c.id))).toEqual([[1, 2], [3], [4]]);
    expect(result[0]!.extract).toBe(a);
  });
});

describe('supportRows', () => {
  it('marks a type with interviewed informants but no extracts as silent and computes the share', () => {
    const rows = supportRows([
      { type: 'A', colour: '#000000', informants: 3, totalInformants: 4, extracts: 7, notInterviewed: ['A-05'] },
      { type: 'B', colour: '#000000', informants: 0, totalInformants: 2, extracts: 0, notInterviewed: [] },
      { type: 'C', colour: '#000000', informants: 0, totalInformants: 0, extracts: 0, notInterviewed: ['C-01'] },
    ]);
    // Nobody of type C was interviewed: not heard, so not silent either.
    expect(rows.map((r) => [r.share, r.silent, r.heard])).toEqual([[0.75, false, true], [0, true, true], [0, false, false]]);
  });
});

describe('suggestionFor', () => {
  const matrix: TriangulationMatrix = {
    groupBy: { kind: 'type' },
    coders: [],
    columns: [{ key: 'a', label: 'Owners', informants: 3, notInterviewed: [] }, { key: 'b', label: 'Consumers', informants: 4, notInterviewed: [] }],
    rows: [
      { kind: 'theme', id: 5, name: 'T', colour: '#000000', cells: [], informants: 2, extracts: 3, convergence: null, convergenceReason: '', suggestion: { judgement: 'silence', silent: ['Consumers'], spread: [0.67, 0] } },
    ],
  };
  it("finds this theme's row and pairs the spread with the column labels", () => {
    expect(suggestionFor(matrix, 5)).toEqual({ judgement: 'silence', silent: ['Consumers'], spread: [{ label: 'Owners', share: 0.67, informants: 3 }, { label: 'Consumers', share: 0, informants: 4 }] });
    expect(suggestionFor(matrix, 6)).toBeUndefined();
    expect(suggestionFor(undefined, 5)).toBeUndefined();
  });
});

describe('partitionComments', () => {
  const comment = (id: number, createdAt: string, resolvedAt: string | null): Comment => ({
    id, guid: `g${id}`, target: { kind: 'theme', id: 1 as never }, author: 'a', review: null, unplaced: null, body: `c${id}`, createdAt, resolvedAt, resolvedBy: resolvedAt ? 'b' : null,
  });
  it('keeps open comments in the order written and sets resolved ones apart', () => {
    const { open, resolved } = partitionComments([comment(2, '2025-01-02', null), comment(1, '2025-01-01', null), comment(3, '2025-01-01', '2025-01-03')]);
    expect(open.map((c) => c.id)).toEqual([1, 2]);
    expect(resolved.map((c) => c.id)).toEqual([3]);
  });
});

describe('neighbours', () => {
  it('gives the previous and next item, or none at the ends', () => {
    const list = [{ id: 1 }, { id: 2 }, { id: 3 }];
    expect(neighbours(list, 2)).toEqual({ previous: { id: 1 }, next: { id: 3 } });
    expect(neighbours(list, 1).previous).toBeUndefined();
    expect(neighbours(list, 9)).toEqual({ previous: undefined, next: undefined });
  });
});
