import type { ConvergenceSuggestion, TriangulationCell, TriangulationColumn } from '../domain/types';

/** Share of a group's informants that must support a row before the group counts as agreeing. */
export const AGREEMENT_SPREAD = 0.5;

/**
 * What the counts of one row suggest, in the vocabulary of Farmer et al. (2006).
 * Only groups that have informants take part: a group nobody belongs to was never
 * heard, so it can be neither silent nor in agreement.
 *
 * - `spread[i]` = supporting informants ÷ informants of group i (0 for a group without informants).
 * - `silent` = labels of the groups with informants but no extract for the row.
 * - judgement:
 *   - **silence** when at least one group is silent, including when every group is
 *     (a row no informant speaks to) or no group has informants at all; the researcher
 *     decides whether a silence means "not asked", "not relevant to them" or a real absence;
 *   - **agreement** when every group supports the row and in every group at least
 *     {@link AGREEMENT_SPREAD} (half) of its informants do;
 *   - **partial** when every group supports the row but in at least one group fewer
 *     than half of its informants do;
 *   - **dissonance** is never suggested: that groups *contradict* each other is a reading
 *     of what they say, not a count. Only the researcher can record it.
 */
export function suggestConvergence(columns: readonly TriangulationColumn[], cells: readonly TriangulationCell[]): ConvergenceSuggestion {
  const spread = columns.map((column, i) => (column.informants > 0 ? cells[i]!.informants / column.informants : 0));
  const heard = columns.map((_, i) => i).filter((i) => columns[i]!.informants > 0);
  const silent = heard.filter((i) => cells[i]!.extracts === 0).map((i) => columns[i]!.label);
  const judgement = silent.length > 0 || heard.length === 0 ? 'silence' : heard.every((i) => spread[i]! >= AGREEMENT_SPREAD) ? 'agreement' : 'partial';
  return { judgement, silent, spread };
}
