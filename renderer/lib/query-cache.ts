import type { ActionName, Args, Result } from '../../src/api/contract';
import { stales } from '../../src/api/touches';
import { ApiError, invoke } from './api';

/** What a view sees of one query: the last answer (kept while it is read again), or why it failed. */
export interface QueryState<N extends ActionName> {
  readonly data: Result<N> | undefined;
  readonly error: ApiError | undefined;
  /**
   * True until the first answer for these arguments. A re-read after a change leaves it false and
   * the last answer in place: views then draw once, when the new answer comes.
   */
  readonly loading: boolean;
}

interface Entry {
  readonly name: ActionName;
  readonly args: unknown;
  state: QueryState<ActionName>;
  readonly listeners: Set<() => void>;
  /** The read under way, if any. */
  inFlight: Promise<void> | null;
  /** A change landed while a read was under way: its answer may predate the change, so read again. */
  again: boolean;
  /** Prefetched and not yet shown: the first view to come takes this answer instead of reading again. */
  prefetched: boolean;
}

/** Before the first answer, and what a view that reads nothing (no project, no selection) sees. */
export const LOADING: QueryState<never> = { data: undefined, error: undefined, loading: true };

/**
 * One answer per query and arguments, shared by every view that shows it, read once per change
 * that makes it stale (src/api/touches.ts) and when a view comes to it. A query no view shows is
 * forgotten when it goes stale. Another project gets another cache.
 */
export class QueryCache {
  private readonly entries = new Map<string, Entry>();

  static keyOf(name: ActionName, args: unknown): string {
    return `${name} ${JSON.stringify(args)}`;
  }

  /** Follows one query; returns the unsubscribe. */
  subscribe<N extends ActionName>(name: N, args: Args<N>, listener: () => void): () => void {
    const entry = this.entries.get(QueryCache.keyOf(name, args)) ?? this.add(name, args, false);
    // A view that comes (back) to a query reads it, showing the last answer meanwhile: what changed outside
    // this window (the CLI, a test's setup, a restarted core) reaches no cache. Views that share it read it once.
    if (entry.listeners.size === 0 && !entry.inFlight && !entry.prefetched) this.read(entry);
    entry.prefetched = false;
    entry.listeners.add(listener);
    return () => { entry.listeners.delete(listener); };
  }

  /** Starts reading a query before any view shows it (the first screen's lists, asked with the project); a view that comes to it takes that answer. */
  prefetch<N extends ActionName>(name: N, args: Args<N>): void {
    if (this.entries.has(QueryCache.keyOf(name, args))) return;
    this.read(this.add(name, args, true));
  }

  state<N extends ActionName>(name: N, args: Args<N>): QueryState<N> {
    return (this.entries.get(QueryCache.keyOf(name, args))?.state ?? LOADING) as QueryState<N>;
  }

  /** After `action` ran: reads again what it made stale and someone shows, forgets the rest. */
  changed(action: ActionName): void {
    for (const [key, entry] of this.entries) {
      if (!stales(action, entry.name)) continue;
      if (entry.listeners.size === 0) this.entries.delete(key);
      else this.read(entry);
    }
  }

  /** Changes may have been missed (a team page's event stream was cut): reads again everything someone shows, forgets the rest. */
  changedAll(): void {
    for (const [key, entry] of this.entries) {
      if (entry.listeners.size === 0) this.entries.delete(key);
      else this.read(entry);
    }
  }

  /** Puts an answer in place before the server's (the stripe of a new coding shows at once); the read that follows replaces it. */
  update<N extends ActionName>(name: N, args: Args<N>, change: (data: Result<N>) => Result<N>): void {
    const entry = this.entries.get(QueryCache.keyOf(name, args));
    if (!entry?.state.data) return;
    this.publish(entry, { ...entry.state, data: change(entry.state.data as Result<N>) });
  }

  private add(name: ActionName, args: unknown, prefetched: boolean): Entry {
    const entry: Entry = { name, args, state: LOADING, listeners: new Set(), inFlight: null, again: false, prefetched };
    this.entries.set(QueryCache.keyOf(name, args), entry);
    return entry;
  }

  private read(entry: Entry): void {
    if (entry.inFlight) {
      entry.again = true;
      return;
    }
    entry.again = false;
    entry.inFlight = invoke(entry.name, entry.args as never).then(
      (data) => ({ data, error: undefined, loading: false }),
      (error: unknown) => ({ data: undefined, error: ApiError.from(error), loading: false }),
    ).then((state) => {
      entry.inFlight = null;
      if (entry.again) this.read(entry);
      else this.publish(entry, state);
    });
  }

  private publish(entry: Entry, state: QueryState<ActionName>): void {
    entry.state = state;
    for (const listener of [...entry.listeners]) listener();
  }
}
