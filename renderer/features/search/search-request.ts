import type { CodeId, DocumentId, InformantTypeId } from '../../../src/domain/ids';
import type { Args } from '../../../src/api/contract';
import type { Code, Informant } from '../../../src/domain/types';

/** The contract's `filters` argument (mutable arrays, as zod's input type has them). */
export type QueryFilters = NonNullable<Args<'search.query'>['filters']>;

export type Scope = 'documents' | 'memos' | 'codes';
export const SCOPES: readonly Scope[] = ['documents', 'memos', 'codes'];
export type SortOrder = 'relevance' | 'document';

/** The filters as the form holds them: empty means "no filter". */
export interface FilterState {
  readonly typeIds: readonly InformantTypeId[];
  /** An attribute name alone does not filter; it needs a value too. */
  readonly attribute: { readonly name: string; readonly value: string };
  readonly documentIds: readonly DocumentId[];
  readonly codeId: CodeId | null;
  readonly scope: readonly Scope[];
  /** Whose turns: informants', the interviewer's, or all (the default for reading; coding never takes questions unasked). */
  readonly role: RoleFilter;
}

export type RoleFilter = 'all' | 'informant' | 'interviewer';
export const ROLE_FILTERS: readonly RoleFilter[] = ['all', 'informant', 'interviewer'];

export const NO_FILTERS: FilterState = { typeIds: [], attribute: { name: '', value: '' }, documentIds: [], codeId: null, scope: SCOPES, role: 'all' };

/**
 * The form's filters as the contract's `filters` argument, leaving out every filter that
 * does not narrow (so an unfiltered search sends none). Scope keeps the canonical order,
 * and all three kinds, the default, are left out.
 */
export function toSearchFilters(state: FilterState): QueryFilters | undefined {
  const scope = SCOPES.filter((s) => state.scope.includes(s));
  const filters: QueryFilters = {
    ...(state.typeIds.length > 0 ? { informantTypeIds: [...state.typeIds] } : {}),
    ...(state.attribute.name && state.attribute.value ? { attribute: { name: state.attribute.name, value: state.attribute.value } } : {}),
    ...(state.documentIds.length > 0 ? { documentIds: [...state.documentIds] } : {}),
    ...(state.codeId !== null ? { codeId: state.codeId } : {}),
    ...(scope.length > 0 && scope.length < SCOPES.length ? { scope } : {}),
    ...(state.role !== 'all' ? { role: state.role } : {}),
  };
  return Object.keys(filters).length > 0 ? filters : undefined;
}

/** How many filters narrow the search (scope counts as one), for the "clear filters" button. */
export function activeFilterCount(state: FilterState): number {
  const filters = toSearchFilters(state);
  return filters ? Object.keys(filters).length : 0;
}

/**
 * True when a filter ties hits to informants or documents: the search then leaves memos
 * and codes out (they belong to neither), which the form says rather than hides.
 */
export function narrowsToTranscripts(state: FilterState): boolean {
  const filters = toSearchFilters(state);
  return !!filters && (filters.informantTypeIds !== undefined || filters.attribute !== undefined || filters.documentIds !== undefined || filters.codeId !== undefined || filters.role !== undefined);
}

/** Adds the item when absent, removes it when present; the order of the rest is kept. */
export function toggle<T>(list: readonly T[], item: T): readonly T[] {
  return list.includes(item) ? list.filter((x) => x !== item) : [...list, item];
}

/**
 * Scope with one kind switched; the last kind left stays on, since searching nothing
 * is never what was meant (and the contract refuses an empty scope).
 */
export function toggleScope(scope: readonly Scope[], kind: Scope): readonly Scope[] {
  const next = toggle(scope, kind);
  return next.length === 0 ? scope : SCOPES.filter((s) => next.includes(s));
}

/** The distinct, non-empty values informants have for an attribute, sorted as Indonesians read them. */
export function attributeValues(informants: readonly Informant[], name: string): readonly string[] {
  if (!name) return [];
  const values = new Set<string>();
  for (const informant of informants) {
    const value = informant.attributes[name]?.trim();
    if (value) values.add(value);
  }
  return [...values].sort((a, b) => a.localeCompare(b, 'id', { numeric: true, sensitivity: 'base' }));
}

/** The codebook as a flat list in tree order, with each code's depth for indenting a select. */
export function codeOptions(codes: readonly Code[]): readonly { readonly id: CodeId; readonly name: string; readonly depth: number }[] {
  const children = new Map<CodeId | null, Code[]>();
  const known = new Set(codes.map((c) => c.id));
  for (const code of codes) {
    // A code whose parent is missing is shown at the top rather than lost.
    const parent = code.parentId !== null && known.has(code.parentId) ? code.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), code]);
  }
  const out: { id: CodeId; name: string; depth: number }[] = [];
  const seen = new Set<CodeId>();
  const walk = (parent: CodeId | null, depth: number) => {
    const list = [...(children.get(parent) ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'id', { sensitivity: 'base' }));
    for (const code of list) {
      if (seen.has(code.id)) continue;
      seen.add(code.id);
      out.push({ id: code.id, name: code.name, depth });
      walk(code.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}
