import type { CodeId } from '../../../src/domain/ids';
import type { Code } from '../../../src/domain/types';
import { hasExactName, rankByName } from './fuzzy';
import { keyAssignments } from './key-map';

export type PickerRow =
  | { readonly kind: 'code'; readonly code: Code; readonly path: string; readonly shortcut: number | null }
  | { readonly kind: 'create'; readonly name: string };

/** "Parent › Child" above a code, so same-named sub-codes can be told apart; '' at the top level. */
export function parentPath(code: Code, byId: ReadonlyMap<CodeId, Code>): string {
  const names: string[] = [];
  const seen = new Set<CodeId>();
  for (let p = code.parentId; p !== null && !seen.has(p); ) {
    seen.add(p);
    const parent = byId.get(p);
    if (!parent) break;
    names.unshift(parent.name);
    p = parent.parentId;
  }
  return names.join(' › ');
}

/**
 * The rows of the code picker. With no query: the codes on keys 1–9 (pinned, then recent), then every
 * other code by name. With a query: the matching codes best first, then a row to create
 * a code of that name unless one already has it; a query matching nothing leaves only
 * that row, so Enter creates.
 */
export function pickerRows(query: string, codes: readonly Code[], recent: readonly CodeId[], limit = 60): PickerRow[] {
  const byId = new Map(codes.map((c) => [c.id, c]));
  const shortcutOf = new Map(keyAssignments(codes, recent).flatMap((id, i) => (id === null ? [] : [[id, i + 1] as const])));
  const row = (code: Code): PickerRow => ({ kind: 'code', code, path: parentPath(code, byId), shortcut: shortcutOf.get(code.id) ?? null });
  const name = query.trim();
  if (name === '') {
    const recentCodes = [...shortcutOf.keys()].sort((a, b) => shortcutOf.get(a)! - shortcutOf.get(b)!).map((id) => byId.get(id)!);
    const rest = codes.filter((c) => !shortcutOf.has(c.id)).sort((a, b) => a.name.localeCompare(b.name));
    return [...recentCodes, ...rest].slice(0, limit).map(row);
  }
  // Recent codes first among equals: rankByName keeps the given order on ties.
  const ordered = [...codes].sort((a, b) => (shortcutOf.get(a.id) ?? 99) - (shortcutOf.get(b.id) ?? 99));
  const rows: PickerRow[] = rankByName(name, ordered).slice(0, limit).map(row);
  if (!hasExactName(name, codes)) rows.push({ kind: 'create', name: name.slice(0, 200) });
  return rows;
}
