import type { Args } from '../../../src/api/contract';
import type { AgreementDisagreement, AgreementResult, AgreementRow, AgreementUnit } from '../../../src/domain/agreement';
import type { Code, Coder } from '../../../src/domain/types';

/**
 * The unit choices the screen offers: the core's units, with characters counted either with the
 * text nobody coded (NVivo's way) or without it.
 */
export const UNIT_CHOICES = ['turn', 'sentence', 'character', 'characterCoded', 'document'] as const;
export type UnitChoice = (typeof UNIT_CHOICES)[number];

/** Who counts where: see `takesPart` and `assignments` of `analysis.agreement`. */
export type TakesPartChoice = 'coded' | 'all' | 'assigned';
export type CodesChoice = 'all' | 'some' | 'group';

/** What the screen's form holds. */
export interface AgreementForm {
  readonly coderIds: readonly number[];
  readonly unit: UnitChoice;
  readonly takesPart: TakesPartChoice;
  /** With 'assigned': the documents given to each coder, by coder id. */
  readonly assignments: Readonly<Record<number, readonly number[]>>;
  readonly codes: CodesChoice;
  readonly codeIds: readonly number[];
  readonly groupId: number | null;
}

export type MissingChoice = 'coders' | 'codes' | 'group';

/** The `analysis.agreement` arguments of a form, or what the user still has to choose. */
export function agreementArgs(form: AgreementForm): Args<'analysis.agreement'> | { readonly missing: MissingChoice } {
  if (form.coderIds.length < 2) return { missing: 'coders' };
  const unit: AgreementUnit = form.unit === 'characterCoded' ? 'character' : form.unit;
  const args: { -readonly [K in keyof Args<'analysis.agreement'>]: Args<'analysis.agreement'>[K] } = { coders: [...form.coderIds], unit };
  if (form.unit === 'characterCoded') args.includeUncoded = false;
  if (form.takesPart === 'all') args.takesPart = 'all';
  if (form.takesPart === 'assigned') {
    args.assignments = form.coderIds.filter((id) => (form.assignments[id] ?? []).length > 0).map((id) => ({ coder: id, documentIds: [...form.assignments[id]!] }));
  }
  if (form.codes === 'some') {
    if (form.codeIds.length === 0) return { missing: 'codes' };
    args.codeIds = [...form.codeIds];
  }
  if (form.codes === 'group') {
    if (form.groupId === null) return { missing: 'group' };
    args.groupId = form.groupId;
  }
  return args;
}

/**
 * The coders a form starts with: every person who has coded, when at least two have. The consensus
 * coder (what the team settled on, in the comparison view) is left out; it can be ticked by hand.
 */
export function defaultCoders(coders: readonly Coder[]): number[] {
  const coding = coders.filter((c) => c.codings > 0 && !c.consensus);
  return coding.length >= 2 ? coding.map((c) => c.id) : [];
}

/** Codes whose sub-codes can be compared as one variable: those with at least two sub-codes. */
export function groupCandidates(codes: readonly Code[]): Code[] {
  const children = new Map<number, number>();
  for (const code of codes) if (code.parentId !== null) children.set(code.parentId, (children.get(code.parentId) ?? 0) + 1);
  return codes.filter((code) => (children.get(code.id) ?? 0) >= 2);
}

/**
 * Why a coefficient cell is empty. `noUnits`: no unit that two coders took part in; `nobodyApplied`:
 * every value is "absent", so nothing varies; `everyUnit`: every value applies the code (or, for a
 * group, `sameCategory`: the same sub-code everywhere). Cohen's κ with more than two coders is not
 * a row's matter: the screen leaves its column out and says why once.
 */
export type EmptyReason = 'noUnits' | 'nobodyApplied' | 'nobodyAppliedGroup' | 'everyUnit' | 'sameCategory' | 'noVariation';

export interface AgreementTableRow extends AgreementRow {
  /** Unique among the table's rows. */
  readonly key: string;
  /** Names of the coders counted in the row: every compared coder, or those counted in the document. */
  readonly coderNames: string;
  /** Why α and the κs are empty, when they are. */
  readonly empty: EmptyReason | null;
}

export interface AgreementTableModel {
  readonly overall: AgreementTableRow;
  /** One row per code, or one for the group. */
  readonly codes: readonly AgreementTableRow[];
  readonly documents: readonly AgreementTableRow[];
  /** Cohen's κ is defined for two coders only. */
  readonly showCohen: boolean;
  /** The variable a row of `codes` is: a code, or the group. */
  readonly group: boolean;
}

/** Why a row's coefficients are undefined, from its figures (null when they are defined). */
export function emptyReason(row: AgreementRow, group: boolean): EmptyReason | null {
  if (row.units === 0) return 'noUnits';
  if (row.alpha !== null) return null;
  if (row.applied === 0) return group ? 'nobodyAppliedGroup' : 'nobodyApplied';
  if (row.applied === 1) return group ? 'sameCategory' : 'everyUnit';
  return 'noVariation';
}

/** The result as the screen's table: overall, per code (or the group), per document. */
export function agreementTableModel(result: AgreementResult): AgreementTableModel {
  const group = result.variable.kind === 'group';
  const names = new Map(result.coders.map((c) => [c.id as number, c.name]));
  const everyone = result.coders.map((c) => c.name).join(', ');
  const countedIn = new Map(result.documents.map((d) => [d.id as number, d.coderIds.map((id) => names.get(id)!).join(', ')]));
  const rows = result.rows.map((row): AgreementTableRow => ({
    ...row,
    key: row.scope === 'overall' ? 'overall' : row.scope === 'code' ? `code:${row.codeId}` : `document:${row.documentId}`,
    coderNames: row.scope === 'document' ? countedIn.get(row.documentId!) ?? '' : everyone,
    empty: emptyReason(row, group),
  }));
  return {
    overall: rows.find((r) => r.scope === 'overall')!,
    codes: rows.filter((r) => r.scope === 'code'),
    documents: rows.filter((r) => r.scope === 'document'),
    showCohen: result.coders.length === 2,
    group,
  };
}

export type SortKey = 'label' | 'units' | 'disagreements' | 'percent' | 'cohenKappa' | 'brennanPrediger' | 'alpha';

/**
 * Rows whose label contains `filter` (case ignored), sorted by `key`: names A–Z, figures lowest
 * first (the codes coders agree on least come first), undefined figures last either way.
 */
export function visibleRows(rows: readonly AgreementTableRow[], filter: string, key: SortKey, descending: boolean): AgreementTableRow[] {
  const needle = filter.trim().toLocaleLowerCase();
  const shown = needle ? rows.filter((r) => r.label.toLocaleLowerCase().includes(needle)) : [...rows];
  const sign = descending ? -1 : 1;
  return shown.sort((a, b) => {
    if (key === 'label') return sign * a.label.localeCompare(b.label);
    const [x, y] = [a[key], b[key]];
    if (x === null || y === null) return x === y ? a.label.localeCompare(b.label) : x === null ? 1 : -1;
    return sign * (x - y) || a.label.localeCompare(b.label);
  });
}

const formatters = new Map<string, Intl.NumberFormat>();

/** A coefficient to three decimals, a percentage to one, in the interface language; '' when undefined. */
export function formatFigure(value: number | null, kind: 'percent' | 'coefficient', language: string): string {
  if (value === null) return '';
  // Made once per language and kind: a table of a thousand rows formats four thousand figures.
  const key = `${kind}:${language}`;
  let format = formatters.get(key);
  if (!format) {
    const digits = kind === 'percent' ? 1 : 3;
    format = new Intl.NumberFormat(language, { minimumFractionDigits: digits, maximumFractionDigits: digits });
    formatters.set(key, format);
  }
  return format.format(kind === 'percent' ? value * 100 : value);
}

/** A coder's value in a disagreement: the code or sub-code, "none", or not counted there. */
export type ShownValue = { readonly kind: 'value'; readonly name: string } | { readonly kind: 'none' } | { readonly kind: 'missing' };

/** Each coder's value of a disagreement, in the order of the compared coders. */
export function disagreementValues(item: AgreementDisagreement, coders: readonly { readonly id: number }[]): ShownValue[] {
  return coders.map((coder) => {
    const value = item.values.find((v) => v.coderId === coder.id)?.value;
    return value === null || value === undefined ? { kind: 'missing' } : value === '' ? { kind: 'none' } : { kind: 'value', name: value };
  });
}

/**
 * What a click on a row drills into: a code (or the group) or a document; the overall row, and a
 * row without a unit two coders took part in, list nothing.
 */
export function drillTarget(row: AgreementTableRow): { readonly codeId: number } | { readonly documentId: number } | null {
  if (row.units === 0) return null;
  if (row.scope === 'code') return { codeId: row.codeId! };
  if (row.scope === 'document') return { documentId: row.documentId! };
  return null;
}

/**
 * The `analysis.agreementDisagreements` arguments of a drill-down. A document's disagreements
 * depend on that document alone, so only it is read (not every transcript's text).
 */
export function disagreementArgs(args: Args<'analysis.agreement'>, target: { readonly codeId: number } | { readonly documentId: number }): Args<'analysis.agreementDisagreements'> {
  return 'documentId' in target ? { ...args, documentIds: [target.documentId], documentId: target.documentId } : { ...args, codeId: target.codeId };
}

/** Rows a page of the agreement table holds: drawn in well under 100 ms, re-sorted or filtered at once. */
export const PAGE_ROWS = 50;

/** The rows of page `page` (clamped to the last page), with the page count. */
export function pageOf<T>(rows: readonly T[], page: number): { readonly rows: readonly T[]; readonly page: number; readonly pages: number } {
  const pages = Math.max(1, Math.ceil(rows.length / PAGE_ROWS));
  const at = Math.min(Math.max(0, page), pages - 1);
  return { rows: rows.slice(at * PAGE_ROWS, (at + 1) * PAGE_ROWS), page: at, pages };
}
