import type { CodeId } from '../../../src/domain/ids';
import type { Code } from '../../../src/domain/types';

export interface CodeRow {
  readonly code: Code;
  readonly depth: number;
  /** False for an ancestor shown only to give a matching sub-code its context. */
  readonly match: boolean;
}

/** Folds case and accents, so "kualitas" finds "Kualitas" and "cafe" finds "café". */
export const fold = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * The codebook in tree order (parents before their sub-codes, list order kept), filtered
 * by a query on name and description. Ancestors of a match stay, marked as context.
 * `onlyIds`, when given, keeps only those codes (e.g. the unthemed ones) and their context.
 */
export function codeRows(codes: readonly Code[], query: string, onlyIds?: ReadonlySet<CodeId>): CodeRow[] {
  const ids = new Set(codes.map((c) => c.id));
  const childrenOf = new Map<CodeId | null, Code[]>();
  for (const code of codes) {
    const parent = code.parentId !== null && ids.has(code.parentId) ? code.parentId : null;
    childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), code]);
  }
  const q = fold(query.trim());
  const matches = (code: Code) => (!onlyIds || onlyIds.has(code.id)) && (!q || fold(code.name).includes(q) || fold(code.description).includes(q));
  const rows: CodeRow[] = [];
  const seen = new Set<CodeId>();
  const visit = (code: Code, depth: number): boolean => {
    if (seen.has(code.id)) return false;
    seen.add(code.id);
    const at = rows.length;
    const match = matches(code);
    rows.push({ code, depth, match });
    let keep = match;
    for (const child of childrenOf.get(code.id) ?? []) keep = visit(child, depth + 1) || keep;
    if (!keep) rows.length = at;
    return keep;
  };
  for (const root of childrenOf.get(null) ?? []) visit(root, 0);
  return rows;
}

export interface Selection {
  readonly ids: ReadonlySet<CodeId>;
  /** Where the last plain click was: a shift-click selects from here. */
  readonly anchor: CodeId | null;
}

export const emptySelection: Selection = { ids: new Set(), anchor: null };

/**
 * A click on a code in the list: a plain click toggles it and moves the anchor; a
 * shift-click selects every visible code from the anchor to it (like a file manager),
 * adding to what was selected.
 */
export function clickSelect(selection: Selection, id: CodeId, visible: readonly CodeId[], shift: boolean): Selection {
  const from = selection.anchor === null ? -1 : visible.indexOf(selection.anchor);
  const to = visible.indexOf(id);
  if (shift && from >= 0 && to >= 0) {
    const [a, b] = from <= to ? [from, to] : [to, from];
    return { ids: new Set([...selection.ids, ...visible.slice(a, b + 1)]), anchor: selection.anchor };
  }
  const ids = new Set(selection.ids);
  if (ids.has(id)) ids.delete(id);
  else ids.add(id);
  return { ids, anchor: id };
}

/** The selected codes that still exist, in list order (a change elsewhere may have deleted one). */
export function selectedInOrder(selection: Selection, codes: readonly Code[]): CodeId[] {
  return codes.filter((c) => selection.ids.has(c.id)).map((c) => c.id);
}
