import type {
  Convergence, CooccurrenceMatrix, GroupBy, Informant, TriangulationCell, TriangulationColumn, TriangulationMatrix, TriangulationRow,
} from '../../../src/domain/types';
import { needsLightInk, scaleColour, sharePosition } from './colour-scale';
import type { TextTable } from './table-text';

/** Threshold the suggestion uses (src/analysis/suggestion.ts): at least half of a group's informants. */
export const AGREEMENT_SPREAD = 0.5;

/** Column key the analysis gives informants without a value for the grouping attribute. */
export const NO_VALUE_KEY = 'none';

/**
 * How one cell reads:
 * - `support`: some informants of the group speak to the row;
 * - `silent`: the group has informants, none of them speaks to it (Farmer et al.'s "silence");
 * - `empty`: nobody belongs to the group, so it cannot say anything.
 */
export type CellState = 'support' | 'silent' | 'empty';

export interface CellModel {
  readonly informants: number;
  /** Informants in the group: the denominator of "3/4". */
  readonly total: number;
  readonly extracts: number;
  readonly state: CellState;
  /** Supporting share of the group's informants, 0–1. */
  readonly share: number;
  /** Fill colour, or null for silent and empty cells (drawn hatched or blank instead). */
  readonly background: string | null;
  readonly lightInk: boolean;
}

export function cellModel(cell: TriangulationCell, column: TriangulationColumn): CellModel {
  const total = column.informants;
  if (total === 0) return { informants: cell.informants, total, extracts: cell.extracts, state: 'empty', share: 0, background: null, lightInk: false };
  if (cell.extracts === 0) return { informants: 0, total, extracts: 0, state: 'silent', share: 0, background: null, lightInk: false };
  const share = Math.min(1, cell.informants / total);
  const position = sharePosition(share);
  return { informants: cell.informants, total, extracts: cell.extracts, state: 'support', share, background: scaleColour(position), lightInk: needsLightInk(position) };
}

/** The `<select>` value of a grouping: "type", or "attribute:" and the attribute's name. */
export function groupByValue(groupBy: GroupBy): string {
  return groupBy.kind === 'type' ? 'type' : `attribute:${groupBy.name}`;
}

export function groupByFromValue(value: string): GroupBy {
  return value.startsWith('attribute:') ? { kind: 'attribute', name: value.slice('attribute:'.length) } : { kind: 'type' };
}

/** A column's label in the interface language: the analysis labels the no-value column in English. */
export function columnLabel(column: TriangulationColumn, noValueLabel: string): string {
  return column.key === NO_VALUE_KEY ? noValueLabel : column.label;
}

/** All informants counted in the table (every informant falls in exactly one column). */
export function totalInformants(columns: readonly TriangulationColumn[]): number {
  return columns.reduce((sum, column) => sum + column.informants, 0);
}

/** What the suggestion rests on, in column labels: the groups that are silent, and those where fewer than half speak. */
export interface SuggestionBasis {
  readonly judgement: Convergence;
  readonly silent: readonly string[];
  readonly thin: readonly string[];
}

export function suggestionBasis(row: TriangulationRow, columns: readonly TriangulationColumn[], noValueLabel: string): SuggestionBasis {
  const silent: string[] = [];
  const thin: string[] = [];
  columns.forEach((column, i) => {
    const cell = row.cells[i];
    if (!cell || column.informants === 0) return;
    if (cell.extracts === 0) silent.push(columnLabel(column, noValueLabel));
    else if (cell.informants / column.informants < AGREEMENT_SPREAD) thin.push(columnLabel(column, noValueLabel));
  });
  return { judgement: row.suggestion.judgement, silent, thin };
}

/** Rows whose name contains every word of `query` (case- and accent-blind); all rows for an empty query. */
export function filterRows<R extends { readonly name: string }>(rows: readonly R[], query: string): readonly R[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return rows;
  return rows.filter((row) => {
    const name = fold(row.name);
    return words.every((word) => name.includes(word));
  });
}

const fold = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * The informants of one column, for naming who in a group said nothing. Mirrors the
 * analysis: attribute names match case-blind, values after trimming; the no-value
 * column holds informants with a missing or blank value.
 */
export function groupMembers(informants: readonly Informant[], groupBy: GroupBy, columnKey: string): readonly Informant[] {
  if (groupBy.kind === 'type') return informants.filter((i) => `type:${i.typeId}` === columnKey);
  const wanted = groupBy.name.trim().toLowerCase();
  const valueOf = (informant: Informant): string => {
    for (const [name, value] of Object.entries(informant.attributes)) if (name.trim().toLowerCase() === wanted) return value.trim();
    return '';
  };
  if (columnKey === NO_VALUE_KEY) return informants.filter((i) => valueOf(i) === '');
  if (!columnKey.startsWith('value:')) return [];
  const value = columnKey.slice('value:'.length);
  return informants.filter((i) => valueOf(i) === value);
}

/** Words for the copied triangulation table, in the interface language. */
export interface MatrixTextLabels {
  readonly corner: string;
  readonly total: string;
  readonly suggestion: string;
  readonly judgement: string;
  readonly reason: string;
  readonly noValue: string;
  readonly judgementName: (judgement: Convergence) => string;
  /** Column header: label and group size, e.g. "Konsumen (n = 4)". */
  readonly columnHeader: (label: string, informants: number) => string;
  /** Cell text, e.g. "3/4 (21)". */
  readonly cell: (informants: number, total: number, extracts: number) => string;
}

/**
 * The triangulation table as the user sees it: one column per group, then the total;
 * theme rows add the suggestion, the researcher's judgement and reason.
 */
export function triangulationTable(matrix: TriangulationMatrix, rows: readonly TriangulationRow[], labels: MatrixTextLabels, themes: boolean): TextTable {
  const all = totalInformants(matrix.columns);
  const header: string[] = [
    labels.corner,
    ...matrix.columns.map((column) => labels.columnHeader(columnLabel(column, labels.noValue), column.informants)),
    labels.columnHeader(labels.total, all),
    ...(themes ? [labels.suggestion, labels.judgement, labels.reason] : []),
  ];
  const body = rows.map((row) => [
    row.name,
    ...matrix.columns.map((column, i) => {
      const cell = row.cells[i] ?? { informants: 0, extracts: 0 };
      return labels.cell(cell.informants, column.informants, cell.extracts);
    }),
    labels.cell(row.informants, all, row.extracts),
    ...(themes ? [labels.judgementName(row.suggestion.judgement), row.convergence ? labels.judgementName(row.convergence) : '', row.convergenceReason] : []),
  ]);
  return [header, ...body];
}

/** Indices of the codes to show: all of them, or only those that co-occur with at least one other code. */
export function visibleCodes(matrix: CooccurrenceMatrix, hideUnpaired: boolean): readonly number[] {
  const indices = matrix.codes.map((_, i) => i);
  if (!hideUnpaired) return indices;
  return indices.filter((i) => (matrix.counts[i] ?? []).some((count, j) => j !== i && count > 0));
}

/** The largest off-diagonal count among the shown codes: the top of the shading scale. */
export function maxPairCount(matrix: CooccurrenceMatrix, indices: readonly number[]): number {
  let max = 0;
  for (const i of indices) for (const j of indices) if (i !== j) max = Math.max(max, matrix.counts[i]?.[j] ?? 0);
  return max;
}

/** The shown part of the co-occurrence matrix as text: code names across and down, counts inside. */
export function cooccurrenceTable(matrix: CooccurrenceMatrix, indices: readonly number[], corner: string): TextTable {
  return [
    [corner, ...indices.map((i) => matrix.codes[i]!.name)],
    ...indices.map((i) => [matrix.codes[i]!.name, ...indices.map((j) => matrix.counts[i]?.[j] ?? 0)]),
  ];
}

/**
 * Rows in outline order: each theme followed by its sub-themes (depth + 1), siblings
 * keeping the analysis' order. Rows whose parent is not shown (discarded, or filtered
 * out) stand at the top level, so no row is ever lost.
 */
export function outlineRows<R extends { readonly id: number }>(rows: readonly R[], parentOf: (id: number) => number | null): readonly { readonly row: R; readonly depth: number }[] {
  const shown = new Set(rows.map((row) => row.id));
  const children = new Map<number | null, R[]>();
  for (const row of rows) {
    const parent = parentOf(row.id);
    const key = parent !== null && shown.has(parent) && parent !== row.id ? parent : null;
    let list = children.get(key);
    if (!list) children.set(key, (list = []));
    list.push(row);
  }
  const out: { row: R; depth: number }[] = [];
  const seen = new Set<number>();
  const visit = (row: R, depth: number): void => {
    if (seen.has(row.id)) return;
    seen.add(row.id);
    out.push({ row, depth });
    for (const child of children.get(row.id) ?? []) visit(child, depth + 1);
  };
  for (const row of children.get(null) ?? []) visit(row, 0);
  // A cycle in the parent links (never expected) must not hide rows.
  for (const row of rows) visit(row, 0);
  return out;
}
