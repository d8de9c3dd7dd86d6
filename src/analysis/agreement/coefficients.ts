import type { AgreementFigures } from '../../domain/agreement';

/** A coder's value in a unit when the coder gave none (did not take part, or gave two contradicting values). */
export const MISSING = -1;

/**
 * The counts every coefficient is computed from, for one nominal variable with values
 * 0 … q-1, added unit by unit with a weight (a unit of 40 characters counts 40 times).
 *
 * - Krippendorff's coincidence matrix (Krippendorff 2011, "Computing Krippendorff's
 *   Alpha-Reliability", section C): a unit with m_u ≥ 2 values adds, for every ordered pair of
 *   values from two different coders, 1/(m_u − 1) to o[c][k]. Units with fewer than two values
 *   are not pairable and add nothing; so missing values need no special case.
 * - For two coders, their contingency table (coder 1's value × coder 2's value) over the units
 *   both coded: Cohen's κ is computed from it.
 *
 * Tallies add up: a code's tally over documents is the sum of its per-document tallies, which is
 * how the per-code, per-document and overall rows are made from the same units.
 */
export class Tally {
  /** o[c * q + k], ordered pairs of values c and k. */
  readonly coincidences: Float64Array;
  /** pairs[a * q + b]: units where coder 1 gave a and coder 2 gave b; null for more coders. */
  readonly pairs: Float64Array | null;
  units = 0;
  disagreements = 0;
  private readonly scratch: Float64Array;

  constructor(readonly q: number, coders: number) {
    this.coincidences = new Float64Array(q * q);
    this.pairs = coders === 2 ? new Float64Array(q * q) : null;
    this.scratch = new Float64Array(q);
  }

  /** One unit: `values[i]` is coder i's value, or MISSING. */
  addUnit(values: ArrayLike<number>, weight: number): void {
    if (weight === 0) return;
    const { q, scratch: n } = this;
    let m = 0;
    let first = MISSING;
    let disagree = false;
    for (let i = 0; i < values.length; i++) {
      const v = values[i]!;
      if (v === MISSING) continue;
      if (m === 0) first = v;
      else if (v !== first) disagree = true;
      n[v]! += 1;
      m++;
    }
    if (m >= 2) {
      const share = weight / (m - 1);
      for (let c = 0; c < q; c++) {
        if (n[c] === 0) continue;
        for (let k = 0; k < q; k++) {
          if (n[k] === 0) continue;
          this.coincidences[c * q + k]! += share * n[c]! * (c === k ? n[k]! - 1 : n[k]!);
        }
      }
      this.units += weight;
      if (disagree) this.disagreements += weight;
    }
    n.fill(0);
    if (this.pairs && values[0] !== MISSING && values[1] !== MISSING) this.pairs[values[0]! * q + values[1]!]! += weight;
  }

  /** `weight` units in which all `coders` coders gave value `value`: uncoded turns, for instance. */
  addUnanimous(value: number, coders: number, weight: number): void {
    if (weight === 0 || coders < 2) return;
    this.coincidences[value * this.q + value]! += coders * weight;
    this.units += weight;
    if (this.pairs && coders === 2) this.pairs[value * this.q + value]! += weight;
  }

  /** Adds `other`'s counts (same q and number of coders). */
  add(other: Tally): void {
    for (let i = 0; i < this.coincidences.length; i++) this.coincidences[i]! += other.coincidences[i]!;
    if (this.pairs && other.pairs) for (let i = 0; i < this.pairs.length; i++) this.pairs[i]! += other.pairs[i]!;
    this.units += other.units;
    this.disagreements += other.disagreements;
  }

  figures(): AgreementFigures {
    const observed = percentAgreement(this.coincidences, this.q);
    return {
      units: this.units,
      disagreements: this.disagreements,
      percent: observed,
      cohenKappa: this.pairs ? cohenKappa(this.pairs, this.q) : null,
      brennanPrediger: observed === null ? null : brennanPrediger(observed, this.q),
      alpha: krippendorffAlpha(this.coincidences, this.q),
      applied: appliedShare(this.coincidences, this.q),
    };
  }
}

/** The share of pairable values other than 0 (absent, or "none" of a group); null without pairable values. */
export function appliedShare(o: Float64Array, q: number): number | null {
  let n = 0;
  let absent = 0;
  for (let c = 0; c < q; c++) {
    for (let k = 0; k < q; k++) {
      n += o[c * q + k]!;
      if (c === 0) absent += o[k]!;
    }
  }
  return n === 0 ? null : (n - absent) / n;
}

/**
 * The share of pairable values that agree: Σc o[c][c] / n. With two coders and no missing
 * values this is the plain share of units they agree on; with more, the mean over units
 * (weighted by their values) of the share of agreeing coder pairs. Null without pairable values.
 */
export function percentAgreement(o: Float64Array, q: number): number | null {
  let n = 0;
  let agree = 0;
  for (let c = 0; c < q; c++) {
    for (let k = 0; k < q; k++) n += o[c * q + k]!;
    agree += o[c * q + c]!;
  }
  return n === 0 ? null : agree / n;
}

/**
 * Krippendorff's α for nominal data (Krippendorff 2011, section C):
 * α = 1 − (n − 1) · (n − Σc o_cc) / (n² − Σc n_c²), with n_c the row sums of the coincidence
 * matrix. Null when it is undefined: no pairable values, or every value the same (the expected
 * disagreement is zero, e.g. a code nobody applied).
 */
export function krippendorffAlpha(o: Float64Array, q: number): number | null {
  let n = 0;
  let agree = 0;
  let squares = 0;
  for (let c = 0; c < q; c++) {
    let row = 0;
    for (let k = 0; k < q; k++) row += o[c * q + k]!;
    n += row;
    squares += row * row;
    agree += o[c * q + c]!;
  }
  const expected = n * n - squares;
  if (n === 0 || expected <= 1e-12 * n * n) return null;
  return 1 - ((n - 1) * (n - agree)) / expected;
}

/**
 * Cohen's κ from two coders' contingency table: (p_o − p_e) / (1 − p_e), p_e from each coder's
 * own distribution of values. Null without units or when chance agreement is certain (both
 * coders gave one and the same value throughout).
 */
export function cohenKappa(pairs: Float64Array, q: number): number | null {
  let total = 0;
  let agree = 0;
  const rows = new Float64Array(q);
  const columns = new Float64Array(q);
  for (let a = 0; a < q; a++) {
    for (let b = 0; b < q; b++) {
      const count = pairs[a * q + b]!;
      total += count;
      rows[a]! += count;
      columns[b]! += count;
      if (a === b) agree += count;
    }
  }
  if (total === 0) return null;
  let chance = 0;
  for (let c = 0; c < q; c++) chance += (rows[c]! / total) * (columns[c]! / total);
  if (chance >= 1 - 1e-12) return null;
  return (agree / total - chance) / (1 - chance);
}

/** Brennan and Prediger's κ: agreement beyond 1/q, the chance of agreeing when all q values are equally likely. */
export function brennanPrediger(observed: number, q: number): number {
  return (observed - 1 / q) / (1 - 1 / q);
}
