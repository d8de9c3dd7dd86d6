import type { CodeId } from '../../../src/domain/ids';
import type { Code } from '../../../src/domain/types';

/** A code with its sub-codes, in the order `codes.list` gave them (sort order, then name). */
export interface CodeNode {
  readonly code: Code;
  readonly children: readonly CodeNode[];
}

/** One visible line of the tree panel. */
export interface CodeRowModel {
  readonly code: Code;
  /** 0 for a top-level code. */
  readonly depth: number;
  readonly hasChildren: boolean;
  readonly expanded: boolean;
  /** Under a filter: true for the codes that match, false for ancestors kept only as context. */
  readonly match: boolean;
}

/**
 * Builds the hierarchy from the flat list. A code whose parent is missing (a stale list,
 * or a cycle that should never exist) becomes a root rather than disappearing.
 */
export function buildCodeTree(codes: readonly Code[]): CodeNode[] {
  const byId = new Map<CodeId, Code>(codes.map((c) => [c.id, c]));
  const childrenOf = new Map<CodeId | null, Code[]>();
  for (const code of codes) {
    const parent = code.parentId !== null && byId.has(code.parentId) && !inCycle(byId, code.id) ? code.parentId : null;
    const list = childrenOf.get(parent);
    if (list) list.push(code);
    else childrenOf.set(parent, [code]);
  }
  const build = (code: Code): CodeNode => ({ code, children: (childrenOf.get(code.id) ?? []).map(build) });
  return (childrenOf.get(null) ?? []).map(build);
}

function inCycle(byId: ReadonlyMap<CodeId, Code>, id: CodeId): boolean {
  const seen = new Set<CodeId>();
  for (let at = byId.get(id)?.parentId ?? null; at !== null; at = byId.get(at)?.parentId ?? null) {
    if (at === id) return true;
    // A loop above this code: its members become roots themselves, so this code can hang under them.
    if (seen.has(at)) return false;
    seen.add(at);
  }
  return false;
}

/** Lower case without diacritics, so "kualitas" finds "Kualitas" and "cafe" finds "café". */
export function normalise(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** True when every word of the query occurs in the code's name. */
export function codeMatches(code: Code, query: string): boolean {
  const words = normalise(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const name = normalise(code.name);
  return words.every((w) => name.includes(w));
}

/**
 * Keeps the codes whose name matches the query and their ancestors (so each match is
 * seen in its place in the hierarchy); an empty query keeps everything.
 */
export function filterCodeTree(roots: readonly CodeNode[], query: string): { readonly roots: CodeNode[]; readonly matches: ReadonlySet<CodeId> } {
  const matches = new Set<CodeId>();
  if (!query.trim()) return { roots: [...roots], matches };
  const keep = (node: CodeNode): CodeNode | null => {
    const children = node.children.map(keep).filter((n): n is CodeNode => n !== null);
    const self = codeMatches(node.code, query);
    if (self) matches.add(node.code.id);
    return self || children.length > 0 ? { code: node.code, children } : null;
  };
  return { roots: roots.map(keep).filter((n): n is CodeNode => n !== null), matches };
}

/**
 * The lines to draw, depth first. `collapsed` hides a code's sub-codes; a filter
 * (`forceExpand`) opens everything so no match stays hidden.
 */
export function visibleRows(roots: readonly CodeNode[], collapsed: ReadonlySet<CodeId>, options: { readonly forceExpand?: boolean; readonly matches?: ReadonlySet<CodeId> } = {}): CodeRowModel[] {
  const rows: CodeRowModel[] = [];
  const filtering = (options.matches?.size ?? 0) > 0;
  const walk = (nodes: readonly CodeNode[], depth: number) => {
    for (const node of nodes) {
      const hasChildren = node.children.length > 0;
      const expanded = hasChildren && (options.forceExpand === true || !collapsed.has(node.code.id));
      rows.push({ code: node.code, depth, hasChildren, expanded, match: !filtering || options.matches!.has(node.code.id) });
      if (expanded) walk(node.children, depth + 1);
    }
  };
  walk(roots, 0);
  return rows;
}

/** The code and every code below it. */
export function subtreeIds(codes: readonly Code[], id: CodeId): Set<CodeId> {
  const out = new Set<CodeId>([id]);
  // Repeat until stable: the flat list is not guaranteed to put parents first.
  for (let grew = true; grew;) {
    grew = false;
    for (const code of codes) {
      if (code.parentId !== null && out.has(code.parentId) && !out.has(code.id)) {
        out.add(code.id);
        grew = true;
      }
    }
  }
  return out;
}

/** The names from the top of the codebook down to the code's parent. */
export function ancestorsOf(codes: readonly Code[], id: CodeId): Code[] {
  const byId = new Map(codes.map((c) => [c.id, c]));
  const path: Code[] = [];
  const seen = new Set<CodeId>([id]);
  for (let at = byId.get(id)?.parentId ?? null; at !== null && !seen.has(at); at = byId.get(at)?.parentId ?? null) {
    const code = byId.get(at);
    if (!code) break;
    seen.add(at);
    path.unshift(code);
  }
  return path;
}

/** "Parent › Child › Code": tells apart codes of the same name under different parents. */
export function codePath(codes: readonly Code[], id: CodeId): string {
  const code = codes.find((c) => c.id === id);
  return [...ancestorsOf(codes, id), ...(code ? [code] : [])].map((c) => c.name).join(' › ');
}

/**
 * Each code's codings with those of every code below it. A coding has one code, so the
 * sum counts each passage once (unlike informants, which can repeat across sub-codes).
 */
export function codingTotals(roots: readonly CodeNode[]): Map<CodeId, number> {
  const totals = new Map<CodeId, number>();
  const walk = (node: CodeNode): number => {
    const total = node.children.reduce((sum, child) => sum + walk(child), node.code.codingCount);
    totals.set(node.code.id, total);
    return total;
  };
  for (const root of roots) walk(root);
  return totals;
}

/**
 * `list` with each code equal field by field to the one `before` holds under its id replaced by
 * that object: a re-read of the code list answers new objects for every code, and rows compare
 * their code by identity.
 */
export function keepUnchanged(before: ReadonlyMap<CodeId, Code>, list: readonly Code[]): readonly Code[] {
  return list.map((code) => {
    const old = before.get(code.id);
    return old && sameCode(old, code) ? old : code;
  });
}

function sameCode(a: Code, b: Code): boolean {
  const keys = Object.keys(a) as (keyof Code)[];
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}
