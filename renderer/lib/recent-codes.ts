import { useSyncExternalStore } from 'react';
import type { CodeId } from '../../src/domain/ids';

/** The codes applied most recently, newest first: keys 1–9 apply them to a selection. */
let recent: readonly CodeId[] = [];
const listeners = new Set<() => void>();

export function pushRecentCode(id: CodeId): void {
  recent = [id, ...recent.filter((c) => c !== id)].slice(0, 9);
  for (const listener of listeners) listener();
}

export function forgetRecentCodes(keep: ReadonlySet<CodeId>): void {
  const next = recent.filter((c) => keep.has(c));
  if (next.length !== recent.length) {
    recent = next;
    for (const listener of listeners) listener();
  }
}

export function useRecentCodes(): readonly CodeId[] {
  return useSyncExternalStore((l) => { listeners.add(l); return () => listeners.delete(l); }, () => recent);
}
