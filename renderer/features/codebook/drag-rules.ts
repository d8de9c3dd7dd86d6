import type { CodeId } from '../../../src/domain/ids';
import type { Code } from '../../../src/domain/types';
import { subtreeIds } from './code-tree';

/** Why a code may not go where it is dropped; `ok` when it may. */
export type MoveVerdict = 'ok' | 'unknown' | 'self' | 'descendant' | 'already-there' | 'name-clash';

/**
 * May `codeId` become a sub-code of `parentId` (null: the top level)? Mirrors the store's
 * rules, so the panel refuses a drop before the server has to: no code inside its own
 * subtree, and no two siblings with the same name (case-insensitive).
 */
export function moveVerdict(codes: readonly Code[], codeId: CodeId, parentId: CodeId | null): MoveVerdict {
  const code = codes.find((c) => c.id === codeId);
  if (!code || (parentId !== null && !codes.some((c) => c.id === parentId))) return 'unknown';
  if (parentId === codeId) return 'self';
  if (parentId !== null && subtreeIds(codes, codeId).has(parentId)) return 'descendant';
  if (code.parentId === parentId) return 'already-there';
  const name = code.name.trim().toLowerCase();
  const clash = codes.some((c) => c.id !== codeId && c.parentId === parentId && c.name.trim().toLowerCase() === name);
  return clash ? 'name-clash' : 'ok';
}

/** Codes a code may be merged into: any other code except those below it (the store refuses those). */
export function mergeTargets(codes: readonly Code[], sourceId: CodeId): Code[] {
  const below = subtreeIds(codes, sourceId);
  return codes.filter((c) => !below.has(c.id));
}

/**
 * Where a dragged code can never go (its own subtree, where it already is; null: the top
 * level), computed once per drag so the tree can dim those rows without re-walking the
 * codebook for each. A name clash is not here: that drop is let through and explained.
 */
export function refusedTargets(codes: readonly Code[], codeId: CodeId): Set<CodeId | null> {
  const refused = new Set<CodeId | null>(subtreeIds(codes, codeId));
  const code = codes.find((c) => c.id === codeId);
  if (code) refused.add(code.parentId);
  return refused;
}
