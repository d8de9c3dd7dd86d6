import { describe, expect, it } from 'vitest';
import type { CodeId } from '../../../src/domain/ids';
import type { SearchHit, SearchResult } from '../../../src/domain/types';
import { codeRequest, hitKey, pruneSelection, selectAllState, toggleAll } from './hit-selection';

const hit = (kind: SearchHit['kind'], owner: number, start: number): SearchHit => ({
  kind, documentId: kind === 'document' ? owner : null, memoId: kind === 'memo' ? owner : null, codeId: kind === 'code' ? owner : null,
  title: 't', informantLabels: [], informantTypes: [], speaker: '', startMs: null,
  start, end: start + 5, unitStart: 0, unitEnd: 100, before: '', match: 'kolab', after: '',
}) as unknown as SearchHit;

const a = hit('document', 1, 10);
const b = hit('document', 1, 40);
const c = hit('document', 2, 10);
const memo = hit('memo', 1, 10);
const result = (hits: SearchHit[], total = hits.length): SearchResult => ({ hits, total, passages: hits.length, tookMs: 1 });
const keys = (...hits: SearchHit[]) => new Set(hits.map(hitKey));

describe('hitKey', () => {
  it('tells hits of different kinds and owners apart', () => {
    expect(new Set([a, b, c, memo, hit('code', 1, 10)].map(hitKey)).size).toBe(5);
  });
});

describe('select all', () => {
  it('counts only transcript hits, which are the ones that can be coded', () => {
    const hits = [a, memo, b];
    expect(selectAllState(new Set(), hits)).toBe('none');
    expect(selectAllState(keys(a), hits)).toBe('some');
    expect(selectAllState(keys(a, b), hits)).toBe('all');
    expect(toggleAll(keys(a), hits)).toEqual(keys(a, b));
    expect(toggleAll(keys(a, b), hits).size).toBe(0);
  });

  it('prunes keys of hits that are gone, and keeps the same set when none are', () => {
    const selected = keys(a, c);
    expect(pruneSelection(selected, [a, b, c])).toBe(selected);
    expect(pruneSelection(selected, [a, b])).toEqual(keys(a));
  });
});

describe('codeRequest', () => {
  const base = { query: 'kolaborasi', filters: undefined, unit: 'sentence' as const, code: { codeName: 'Kolaborasi' } };

  it('lists the chosen hits when only some are selected', () => {
    const request = codeRequest({ ...base, result: result([a, b, c]), selected: keys(a, c) });
    expect(request).toEqual({ query: 'kolaborasi', filters: { role: 'all' }, unit: 'sentence', codeName: 'Kolaborasi', hits: [{ documentId: 1, start: 10, end: 15 }, { documentId: 2, start: 10, end: 15 }] });
  });

  it('leaves hits out when all are selected and the result is complete, memo hits aside', () => {
    const request = codeRequest({ ...base, filters: { informantTypeIds: [1] }, result: result([a, memo, b, c]), selected: keys(a, b, c), code: { codeId: 3 as CodeId } });
    expect(request).toEqual({ query: 'kolaborasi', filters: { informantTypeIds: [1], role: 'all' }, unit: 'sentence', codeId: 3 });
  });

  it("never codes the interviewer's questions or a heading unless the interviewer's turns were searched on purpose", () => {
    const question = { ...hit('document', 1, 70), role: 'interviewer' } as SearchHit;
    const heading = { ...hit('document', 1, 0), role: 'unknown' } as SearchHit;
    const answer = { ...a, role: 'informant' } as SearchHit;
    expect(selectAllState(keys(answer), [answer, question, heading])).toBe('all');
    expect(toggleAll(new Set(), [answer, question, heading])).toEqual(keys(answer));
    // Everything codable is chosen, but the result holds a question: the hits are listed, so the core codes only them.
    const request = codeRequest({ ...base, result: result([answer, question, heading]), selected: keys(answer, question, heading) });
    expect(request).toMatchObject({ filters: { role: 'all' }, hits: [{ documentId: 1, start: 10, end: 15 }] });
    const asked = codeRequest({ ...base, filters: { role: 'interviewer' }, result: result([question]), selected: keys(question) });
    expect(asked).toEqual({ query: 'kolaborasi', filters: { role: 'interviewer' }, unit: 'sentence', codeName: 'Kolaborasi' });
  });

  it('still lists every hit when the result was cut at its limit', () => {
    const request = codeRequest({ ...base, result: result([a, b], 5000), selected: keys(a, b) });
    expect(request?.hits).toHaveLength(2);
  });

  it('returns null with nothing selected, and ignores a selected memo', () => {
    expect(codeRequest({ ...base, result: result([a, memo]), selected: new Set() })).toBeNull();
    expect(codeRequest({ ...base, result: result([a, memo]), selected: keys(memo) })).toBeNull();
  });
});
