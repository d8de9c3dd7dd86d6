import { useMemo, useSyncExternalStore } from 'react';
import type { CoderId } from '../../../src/domain/ids';
import { useProject, useQuery } from '../../lib/state';
import { coderView, type CoderView } from './coder-view';

/**
 * The coder filter is one choice across the views that take it (transcript stripes, a code's
 * extracts, triangulation): filtering to Ayu in one and finding Ayu's in the next is what a
 * reader comparing coders expects. It belongs to the open project and goes with it.
 */
let chosen: { readonly project: string; readonly coderIds: readonly CoderId[] } | null = null;
const listeners = new Set<() => void>();
const subscribe = (listener: () => void) => { listeners.add(listener); return () => { listeners.delete(listener); }; };

export function chooseCoders(project: string, coderIds: readonly CoderId[] | null): void {
  chosen = coderIds === null ? null : { project, coderIds };
  for (const listener of listeners) listener();
}

/** Blind mode and the coder filter, for a view that shows or counts codings. */
export function useCoderView(): CoderView & { readonly chosen: readonly CoderId[] | null; readonly choose: (coderIds: readonly CoderId[] | null) => void } {
  const { project } = useProject();
  const list = useQuery('coders.list', {}).data;
  const held = useSyncExternalStore(subscribe, () => chosen);
  const path = project?.path ?? '';
  const ids = held && held.project === path ? held.coderIds : null;
  return useMemo(() => ({ ...coderView(list, ids), chosen: ids, choose: (next: readonly CoderId[] | null) => chooseCoders(path, next) }), [list, ids, path]);
}
