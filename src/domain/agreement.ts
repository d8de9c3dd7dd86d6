import type { CodeId, CoderId, DocumentId, Utf16Offset } from './ids';

/**
 * Inter-coder agreement (src/analysis/agreement): what is compared, in which units, and the
 * result. Optional in reflexive thematic analysis: the figures describe how alike coders coded,
 * they do not make a coding right.
 */

/**
 * The units whose coding is compared.
 * - `turn`: a speaker turn; text between turns belongs to the turn after it, so every coding
 *   touches at least one turn. A document without turns is one unit.
 * - `sentence`: a sentence of the text (Unicode sentence boundaries).
 * - `character`: each character (code point, so an emoji is one), as NVivo does; stretches of
 *   text coded alike are counted together, weighted by their length.
 * - `document`: the whole document: whether the code is present in it at all.
 */
export const AGREEMENT_UNITS = ['turn', 'sentence', 'character', 'document'] as const;
export type AgreementUnit = (typeof AGREEMENT_UNITS)[number];

/**
 * Which documents a coder is counted in. `coded`: a document where the coder made at least one
 * coding (with any code); elsewhere the coder's values are missing, not "absent". `all`: every
 * coder read every document, so no coding there means "nothing applies". `assigned` (when the
 * user lists each coder's documents): the documents assigned to the coder, and any other the
 * coder coded in.
 */
export const AGREEMENT_TAKES_PART = ['coded', 'all'] as const;
export type AgreementTakesPart = (typeof AGREEMENT_TAKES_PART)[number] | 'assigned';

/**
 * The coefficients a result gives, by their field in {@link AgreementFigures}: what a report's
 * method paragraph may quote (Cohen's κ only for two coders).
 */
export const AGREEMENT_COEFFICIENTS = ['alpha', 'percent', 'cohenKappa', 'brennanPrediger'] as const;
export type AgreementCoefficient = (typeof AGREEMENT_COEFFICIENTS)[number];

/** The coefficients of one row. Null when undefined for the data (`applied` tells why). */
export interface AgreementFigures {
  /**
   * Units that at least two coders took part in, in the unit of the result (characters for
   * `character`). Each (code, unit) pair counts once per code in the overall and per-document rows.
   */
  readonly units: number;
  /** Those units on which the coders disagree (at least two different values). */
  readonly disagreements: number;
  /** Share of agreeing pairs of values within units (0–1); with two coders, of agreeing units. */
  readonly percent: number | null;
  /** Cohen's κ: two coders only; null with more. */
  readonly cohenKappa: number | null;
  /** Brennan–Prediger κ: agreement beyond 1/q, q the number of values of the variable. */
  readonly brennanPrediger: number | null;
  /** Krippendorff's α, nominal, any number of coders, missing values allowed. */
  readonly alpha: number | null;
  /**
   * Share of the pairable values that apply the code (or one of the group's sub-codes) rather
   * than leave it absent; null without pairable values. Says why a coefficient is undefined:
   * 0 when nobody applied the code, 1 when every value applies it.
   */
  readonly applied: number | null;
}

export interface AgreementRow extends AgreementFigures {
  /** `overall`: every code and document; `code`: one code (or the group) over every document; `document`: one document over every code. */
  readonly scope: 'overall' | 'code' | 'document';
  readonly codeId: CodeId | null;
  readonly documentId: DocumentId | null;
  /** The code's or document's name; empty for the overall row. */
  readonly label: string;
}

export interface AgreementResult {
  readonly unit: AgreementUnit;
  readonly includeUncoded: boolean;
  readonly takesPart: AgreementTakesPart;
  /** The compared coders, in the order asked. */
  readonly coders: readonly { readonly id: CoderId; readonly name: string }[];
  /** Each code is a present/absent variable; a group is one variable whose values are its sub-codes (and "none"). */
  readonly variable: { readonly kind: 'codes' } | { readonly kind: 'group'; readonly codeId: CodeId; readonly name: string; readonly categories: readonly string[] };
  /** The documents compared, with the coders counted in each (the `takesPart` rule). */
  readonly documents: readonly { readonly id: DocumentId; readonly title: string; readonly coderIds: readonly CoderId[] }[];
  /** Units where a coder applied two sub-codes of the group: that coder's value is missing there. */
  readonly conflictingUnits: number;
  /** Overall first, then each code, then each document. */
  readonly rows: readonly AgreementRow[];
}

/** One unit on which the coders disagree, for the drill-down. */
export interface AgreementDisagreement {
  readonly documentId: DocumentId;
  readonly documentTitle: string;
  /** The code (per-code comparison) or the group. */
  readonly codeId: CodeId;
  readonly codeName: string;
  readonly start: Utf16Offset;
  readonly end: Utf16Offset;
  /** The unit's text, shortened when long. */
  readonly text: string;
  /** Each coder's value: the code or sub-code name, '' for none, null where the coder is missing. */
  readonly values: readonly { readonly coderId: CoderId; readonly value: string | null }[];
}
