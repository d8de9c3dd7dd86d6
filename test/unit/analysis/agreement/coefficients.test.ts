import { describe, expect, it } from 'vitest';
import { brennanPrediger, MISSING, Tally } from '../../../../src/analysis/agreement/coefficients';

/** A tally of reliability data given coder by coder (rows), unit by unit (columns); null is a missing value. */
function tallyOf(coders: readonly (readonly (number | null)[])[], q: number): Tally {
  const tally = new Tally(q, coders.length);
  for (let u = 0; u < coders[0]!.length; u++) tally.addUnit(coders.map((row) => row[u] ?? MISSING), 1);
  return tally;
}

describe('agreement coefficients against published worked examples', () => {
  /*
   * Krippendorff, K. (2011). Computing Krippendorff's Alpha-Reliability. University of
   * Pennsylvania, Annenberg School for Communication (repository.upenn.edu/asc_papers/43),
   * section C, "Nominal data, any number of observers, missing data": 4 observers × 12 units,
   * values 1–5, α = 0.743. The same matrix and figure are reproduced in the documentation and
   * tests of the Python `krippendorff` package (the source we checked the data against).
   */
  it("reproduces Krippendorff's (2011) nominal example with missing data: α = 0.743", () => {
    const _ = null;
    const tally = tallyOf([
      [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
      [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
      [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
      [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
    ].map((row) => row.map((v) => (v === null ? null : v - 1))), 5);
    const figures = tally.figures();
    expect(figures.alpha!).toBeCloseTo(0.743, 3);
    // Units 12 (one value) is not pairable: 11 units, as the paper's n = 40 pairable values shows.
    expect(figures.units).toBe(11);
    expect(tally.coincidences.reduce((a, b) => a + b, 0)).toBeCloseTo(40, 9);
    // Value 1's row of the coincidence matrix, worked by hand (each ordered pair within a unit weighs 1/(m_u − 1)):
    // o11 = 3 (unit 1) + 2 (unit 8) + 2 (unit 11) = 7; o12 = 1/3 (unit 6) + 1 (unit 8) = 4/3; o13 = o14 = 1/3 (unit 6).
    expect([...tally.coincidences.subarray(0, 5)].map((v) => Number(v.toFixed(4)))).toEqual([7, 1.3333, 0.3333, 0.3333, 0]);
    // Cohen's κ is only for two coders.
    expect(figures.cohenKappa).toBeNull();
  });

  /*
   * Krippendorff, K. (2004). Content Analysis (2nd ed.), section 11.3.1, binary data, two
   * observers (Jon and Han), ten articles, α = 0.095: as the R package jucor/krippendorff keeps
   * the data (data-raw/krippendorff2004.binary.two.observers.csv) and tests the figure.
   */
  it("reproduces Krippendorff's (2004) binary example for two observers: α = 0.095", () => {
    const tally = tallyOf([
      [1, 1, 0, 0, 0, 0, 0, 0, 0, 0],
      [0, 1, 1, 0, 0, 1, 0, 1, 0, 0],
    ], 2);
    const figures = tally.figures();
    expect(figures.alpha!).toBeCloseTo(0.095, 3);
    expect(figures.percent!).toBeCloseTo(0.6, 12);
    // Cohen's κ by its definition: p_e = 0.2 · 0.4 + 0.8 · 0.6 = 0.56.
    expect(figures.cohenKappa!).toBeCloseTo((0.6 - 0.56) / (1 - 0.56), 12);
  });

  /*
   * Wikipedia, "Krippendorff's alpha", section "A computational example" (3 coders × 15 units,
   * missing values), nominal α = 0.691; the same figure is the expected output of
   * github.com/dallascard/krippendorff_alpha's README example.
   */
  it("reproduces the computational example of Wikipedia's Krippendorff's alpha article: α = 0.691", () => {
    const _ = null;
    const tally = tallyOf([
      [_, _, _, _, _, 3, 4, 1, 2, 1, 1, 3, 3, _, 3],
      [1, _, 2, 1, 3, 3, 4, 3, _, _, _, _, _, _, _],
      [_, _, 2, 1, 3, 4, 4, _, 2, 1, 1, 3, 3, _, 4],
    ], 5);
    expect(tally.figures().alpha!).toBeCloseTo(0.691, 3);
  });

  /*
   * NVivo's documented percentage agreement (QSR International, NVivo 9 help, "Run a Coding
   * Comparison query", help-nv9-en.qsrinternational.com/procedures/run_a_coding_comparison_query.htm):
   * a 1,000-character document, 50 characters coded by both users, 150 by only one, 800 by
   * neither: (800 + 50) / 1000 = 85 %.
   */
  it("reproduces NVivo's percentage agreement example: 85 %", () => {
    const tally = new Tally(2, 2);
    tally.addUnit([1, 1], 50);
    tally.addUnit([1, 0], 100);
    tally.addUnit([0, 1], 50);
    tally.addUnanimous(0, 2, 800);
    const figures = tally.figures();
    expect(figures.percent!).toBeCloseTo(0.85, 3);
    expect(figures.units).toBe(1000);
    expect(figures.disagreements).toBe(150);
  });

  /*
   * A textbook Cohen's κ (the grant-proposal example: 50 proposals, two readers; Yes/Yes 20,
   * Yes/No 5, No/Yes 10, No/No 15; p_o = 0.70, p_e = 0.50, κ = 0.40), as worked in the
   * Wikipedia article "Cohen's kappa" and in tutorialspoint's "Statistics – Cohen's kappa
   * coefficient" (howcodex.com/statistics/cohen_kappa_coefficient.htm).
   */
  it('reproduces the textbook Cohen κ example: κ = 0.400', () => {
    const tally = new Tally(2, 2);
    tally.addUnit([1, 1], 20);
    tally.addUnit([1, 0], 5);
    tally.addUnit([0, 1], 10);
    tally.addUnit([0, 0], 15);
    const figures = tally.figures();
    expect(figures.percent!).toBeCloseTo(0.7, 3);
    expect(figures.cohenKappa!).toBeCloseTo(0.4, 3);
    // Brennan–Prediger with two values: (0.70 − 1/2) / (1 − 1/2).
    expect(figures.brennanPrediger!).toBeCloseTo(0.4, 3);
  });

  it('Brennan–Prediger κ corrects for 1/q whatever the coders’ own distributions', () => {
    expect(brennanPrediger(0.7, 4)).toBeCloseTo((0.7 - 0.25) / 0.75, 12);
    expect(brennanPrediger(1, 3)).toBe(1);
  });

  it('leaves α and κ undefined when every value is the same, and everything undefined without pairable units', () => {
    const same = new Tally(2, 2);
    same.addUnanimous(0, 2, 10);
    // Why: nobody applied the code (applied 0), or every value applies it (applied 1).
    expect(same.figures()).toMatchObject({ units: 10, percent: 1, alpha: null, cohenKappa: null, applied: 0 });
    const everywhere = new Tally(3, 3);
    everywhere.addUnanimous(2, 3, 4);
    expect(everywhere.figures()).toMatchObject({ units: 4, percent: 1, alpha: null, applied: 1 });
    const lonely = new Tally(2, 3);
    lonely.addUnit([1, MISSING, MISSING], 1);
    expect(lonely.figures()).toMatchObject({ units: 0, percent: null, alpha: null, brennanPrediger: null, applied: null });
    // 2 units × 2 coders: values 1, 0, 0, 0 (and a lone value that pairs with nothing): a quarter of the pairable values apply the code.
    const some = new Tally(2, 2);
    some.addUnit([1, 0], 1);
    some.addUnit([0, 0], 1);
    some.addUnit([1, MISSING], 1);
    expect(some.figures().applied).toBe(0.25);
  });

  it('adds tallies: the sum of two halves equals the whole', () => {
    const whole = new Tally(3, 2);
    const a = new Tally(3, 2);
    const b = new Tally(3, 2);
    const units: [number, number][] = [[0, 1], [2, 2], [1, 1], [0, 0], [2, 0], [1, 1]];
    units.forEach((u, i) => { whole.addUnit(u, 1); (i % 2 ? a : b).addUnit(u, 1); });
    a.add(b);
    expect(a.figures()).toEqual(whole.figures());
  });
});
