import { describe, expect, it } from 'vitest';
import { AGREEMENT_SPREAD, suggestConvergence } from '../../../src/analysis/suggestion';
import type { TriangulationColumn } from '../../../src/domain/types';

const columns = (...informants: number[]): TriangulationColumn[] => informants.map((n, i) => ({ key: `k${i}`, label: `G${i}`, informants: n, notInterviewed: [] }));
const cells = (...pairs: [number, number][]) => pairs.map(([informants, extracts]) => ({ informants, extracts }));

describe('the convergence suggestion', () => {
  it('is agreement when every group supports the row with at least half of its informants', () => {
    expect(AGREEMENT_SPREAD).toBe(0.5);
    expect(suggestConvergence(columns(4, 2), cells([2, 5], [2, 2]))).toEqual({ judgement: 'agreement', silent: [], spread: [0.5, 1] });
  });

  it('is partial when every group speaks but one with fewer than half of its informants', () => {
    expect(suggestConvergence(columns(4, 2), cells([1, 9], [2, 2]))).toEqual({ judgement: 'partial', silent: [], spread: [0.25, 1] });
  });

  it('is silence when a group with informants has no extract, and names it', () => {
    expect(suggestConvergence(columns(4, 2, 3), cells([4, 9], [0, 0], [0, 0]))).toEqual({ judgement: 'silence', silent: ['G1', 'G2'], spread: [1, 0, 0] });
  });

  it('is silence when nobody speaks to the row, or nobody could', () => {
    expect(suggestConvergence(columns(4, 2), cells([0, 0], [0, 0]))).toMatchObject({ judgement: 'silence', silent: ['G0', 'G1'] });
    expect(suggestConvergence(columns(0, 0), cells([0, 0], [0, 0]))).toEqual({ judgement: 'silence', silent: [], spread: [0, 0] });
    expect(suggestConvergence([], [])).toEqual({ judgement: 'silence', silent: [], spread: [] });
  });

  it('leaves out groups without informants: they were never heard, so they are neither silent nor agreeing', () => {
    expect(suggestConvergence(columns(3, 0), cells([3, 3], [0, 0]))).toEqual({ judgement: 'agreement', silent: [], spread: [1, 0] });
  });
});
