import type { CodeId } from '../../../src/domain/ids';
import type { Code } from '../../../src/domain/types';

/**
 * The code each key 1–9 applies (index 0 is key 1; null when the key does nothing).
 * Keys pinned in the codebook (`Code.hotkey`) stay on their code; the free keys follow
 * recency, most recent first, skipping codes that are pinned or gone.
 */
export function keyAssignments(codes: readonly Code[], recent: readonly CodeId[]): (CodeId | null)[] {
  const keys: (CodeId | null)[] = Array.from({ length: 9 }, () => null);
  for (const code of codes) if (code.hotkey !== null && code.hotkey >= 1 && code.hotkey <= 9) keys[code.hotkey - 1] = code.id;
  const known = new Set(codes.map((c) => c.id));
  const pinned = new Set(keys);
  const rest = recent.filter((id) => known.has(id) && !pinned.has(id));
  for (let i = 0, r = 0; i < 9 && r < rest.length; i++) if (keys[i] === null) keys[i] = rest[r++]!;
  return keys;
}

/** The key that applies a code, or null. */
export const keyOf = (keys: readonly (CodeId | null)[], id: CodeId): number | null => {
  const i = keys.indexOf(id);
  return i < 0 ? null : i + 1;
};
