import type { DeidHit } from '../../../src/domain/deid';

/** Hits of one transcript, in text order. */
export interface HitGroup {
  readonly documentId: number;
  readonly title: string;
  readonly hits: readonly DeidHit[];
}

/** The preview's hits by transcript, transcripts in the order the preview gives them. */
export function groupHits(hits: readonly DeidHit[]): HitGroup[] {
  const groups = new Map<number, { documentId: number; title: string; hits: DeidHit[] }>();
  for (const hit of hits) {
    const group = groups.get(hit.documentId) ?? { documentId: hit.documentId, title: hit.documentTitle, hits: [] };
    group.hits.push(hit);
    groups.set(hit.documentId, group);
  }
  return [...groups.values()];
}

/** Whether a hit will be replaced: not left out itself, and not every name it may be left out. */
export const hitChosen = (hit: DeidHit, skipHits: ReadonlySet<string>, skipNames: ReadonlySet<string>): boolean =>
  !skipHits.has(hit.id) && !hit.nameIds.every((n) => skipNames.has(n));

/** `set` with `item` in it or not. */
export function toggled<T>(set: ReadonlySet<T>, item: T, present: boolean): Set<T> {
  const next = new Set(set);
  if (present) next.add(item);
  else next.delete(item);
  return next;
}
