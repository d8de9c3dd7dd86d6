/**
 * How an import's parsing threads share out its files (parse-in-workers.ts, parse-worker.ts):
 * cells of one shared Int32Array, taken with Atomics. Kept apart from the threads' script, which
 * listens for its job as soon as it is loaded: imported into the core's own worker thread, it
 * took that thread's messages.
 */

/** The cells of a pool's shared Int32Array. */
export const CLAIMS = {
  /** The index of the next file no thread has taken. */
  next: 0,
  /** 1 once the import stopped: no thread takes another file. */
  stopped: 1,
  /** From here, one cell per thread: the index of the file it took last (-1 before its first). */
  taken: 2,
} as const;

/** The index of the next file nobody has taken, now taken by `slot`; -1 when none is left or the import stopped. */
export function claimNext(claims: Int32Array, count: number, slot: number): number {
  if (Atomics.load(claims, CLAIMS.stopped) !== 0) return -1;
  const id = Atomics.add(claims, CLAIMS.next, 1);
  if (id >= count) return -1;
  Atomics.store(claims, CLAIMS.taken + slot, id);
  return id;
}
