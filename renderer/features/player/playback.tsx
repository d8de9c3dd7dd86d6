import { createContext, useContext, useEffect, useRef, useSyncExternalStore, type ReactNode } from 'react';
import type { HeardTurn } from './current-turn';

/** What the transcript's turns need from the player. */
export interface PlaybackState {
  /** A recording is linked and can be played. */
  readonly ready: boolean;
  readonly playing: boolean;
  /** Where playback is, in milliseconds. */
  readonly timeMs: number;
  /** The turn being heard (its text range), or null. */
  readonly heard: HeardTurn | null;
}

export interface PlaybackControls {
  /** Plays from `ms` (a turn's timestamp was clicked). */
  playFrom(ms: number): void;
  toggle(): void;
  back(): void;
  /** Gives the turn holding `offset` the current playback position as its start ("Set from playback position"). */
  stamp(offset: number): void;
}

const IDLE: PlaybackState = { ready: false, playing: false, timeMs: 0, heard: null };

/** One transcript's playback: state changes reach only the components whose slice of it changed. */
export class PlaybackStore {
  private state: PlaybackState = IDLE;
  private readonly listeners = new Set<() => void>();
  /** The player's own controls, set while a playable recording is shown. */
  impl: PlaybackControls | null = null;
  /** Stable for the components that call them; they do nothing while no recording plays. */
  readonly controls: PlaybackControls = {
    playFrom: (ms) => this.impl?.playFrom(ms),
    toggle: () => this.impl?.toggle(),
    back: () => this.impl?.back(),
    stamp: (offset) => this.impl?.stamp(offset),
  };

  get = (): PlaybackState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  set(patch: Partial<PlaybackState>): void {
    const next = { ...this.state, ...patch };
    if (next.ready === this.state.ready && next.playing === this.state.playing && next.timeMs === this.state.timeMs && next.heard === this.state.heard) return;
    this.state = next;
    for (const listener of this.listeners) listener();
  }
}

const Context = createContext<PlaybackStore | null>(null);

export function PlaybackProvider({ store, children }: { store: PlaybackStore; children: ReactNode }) {
  return <Context.Provider value={store}>{children}</Context.Provider>;
}

/** A slice of the playback state; re-renders only when the slice changes. Outside a player, the idle state's slice. */
export function usePlayback<T>(select: (state: PlaybackState) => T): T {
  const store = useContext(Context);
  return useSyncExternalStore(store?.subscribe ?? noSubscribe, () => select(store?.get() ?? IDLE));
}

export function usePlaybackControls(): PlaybackControls | null {
  return useContext(Context)?.controls ?? null;
}

const noSubscribe = () => () => undefined;

/** Whether the block starting at `blockStart` is part of the turn being heard. */
export function useHeard(blockStart: number): boolean {
  return usePlayback((s) => s.heard !== null && blockStart >= s.heard.start && blockStart < s.heard.end);
}

/**
 * Keeps the turn being heard on screen while playing: when it changes and is out of view, the
 * reader scrolls to it. Only the scroll position moves: the focus, the caret and any selection stay
 * where the researcher left them.
 */
export function useFollowPlayback(
  blockIndexAt: (offset: number) => number,
  offsetOf: (index: number) => number,
  scroller: () => HTMLElement | null,
  scrollToIndex: (index: number) => void,
): void {
  const heard = usePlayback((s) => (s.playing ? s.heard : null));
  const last = useRef<number | null>(null);
  useEffect(() => {
    if (heard === null || heard.turnId === last.current) return;
    last.current = heard.turnId;
    const el = scroller();
    if (!el) return;
    const index = blockIndexAt(heard.start);
    const top = offsetOf(index);
    const bottom = offsetOf(index + 1);
    if (top < el.scrollTop || bottom > el.scrollTop + el.clientHeight) scrollToIndex(index);
  }, [heard, blockIndexAt, offsetOf, scroller, scrollToIndex]);
}
