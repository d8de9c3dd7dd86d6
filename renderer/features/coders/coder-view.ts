import type { CoderId } from '../../../src/domain/ids';
import type { Coder, CoderList } from '../../../src/domain/types';

/** Whose codings the coding views show and count: from blind mode and the coder filter. */
export interface CoderView {
  /** Whether blind mode and the coders are known yet: until then a view shows no one's codings rather than risk showing others' to a blind coder. */
  readonly known: boolean;
  /** The coders counted, or null for everyone (no filter asked of the core). */
  readonly coderIds: readonly CoderId[] | null;
  /** Their names, for "counts include …"; empty for everyone. */
  readonly names: readonly string[];
  /** Blind mode is on: only the current coder's codings are shown, whatever the filter says. */
  readonly blind: boolean;
  /** The current coder's row; none before their first change in this project. */
  readonly me: Coder | undefined;
  /** The people who code (the consensus coder is not one). */
  readonly people: readonly Coder[];
  /** Every coder the filter can name: the people and the consensus coder. */
  readonly coders: readonly Coder[];
}

/**
 * Blind mode wins over the filter: while coding blind nobody else's codings may show, and the
 * counts are the current coder's only. A filter naming coders no longer in the project (a copy
 * opened since) keeps only those still there, and none left means everyone.
 */
export function coderView(list: CoderList | undefined, chosen: readonly CoderId[] | null): CoderView {
  const coders = list?.coders ?? [];
  const me = list ? coders.find((c) => c.name === list.current) : undefined;
  const people = coders.filter((c) => !c.consensus);
  const known = list !== undefined;
  if (list?.blind) return { known, coderIds: me ? [me.id] : [], names: [list.current], blind: true, me, people, coders };
  const picked = chosen ? coders.filter((c) => chosen.includes(c.id)) : [];
  if (picked.length === 0 || picked.length === coders.length) return { known, coderIds: null, names: [], blind: false, me, people, coders };
  return { known, coderIds: picked.map((c) => c.id), names: picked.map((c) => c.name), blind: false, me, people, coders };
}

/** Whether a coding by `coderId` is shown. */
export function shows(view: CoderView, coderId: CoderId): boolean {
  return view.known && (view.coderIds === null || view.coderIds.includes(coderId));
}
