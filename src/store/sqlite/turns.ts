import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * One SQLite connection does one thing at a time. A transaction whose body awaits leaves the
 * event loop free, and another request's statement would otherwise land inside it: so changes
 * (and snapshot reads) wait their turn in one queue, and a plain read waits while a transaction
 * is open (an import's too: it stores files as they are read). When nothing is open a read runs
 * at once, as fast as calling SQLite directly.
 */
export class Turns {
  private tail: Promise<unknown> = Promise.resolve();
  /** Settles when the open transaction ends; null when none is open. */
  private open: Promise<void> | null = null;
  /** Marks the async context of the open transaction's own body. */
  private readonly inside = new AsyncLocalStorage<true>();

  /** Runs `job` when every job queued before it has settled. */
  private queue<T>(job: () => Promise<T>): Promise<T> {
    const run = this.tail.then(job);
    this.tail = run.catch(() => undefined);
    return run;
  }

  /** Runs `job` in its turn, holding back plain reads until it settles. */
  transaction<T>(job: () => Promise<T>): Promise<T> {
    return this.queue(async () => {
      let end!: () => void;
      this.open = new Promise((resolve) => (end = resolve));
      try {
        return await this.inside.run(true, job);
      } finally {
        this.open = null;
        end();
      }
    });
  }

  /** Runs a read now, or once the open transaction has ended. */
  read<T>(job: () => Promise<T>): Promise<T> {
    if (this.open === null) return job();
    // Waiting here from inside the transaction would wait for itself.
    if (this.inside.getStore()) {
      return Promise.reject(new Error('A read outside the transaction was made inside it: read through the transaction the change was given'));
    }
    return this.open.then(job);
  }
}

/** The same operations, each a plain read that waits for an open transaction to end. */
export function gated<T extends object>(group: T, turns: Turns): T {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(group)) {
    out[name] = typeof value === 'function' ? (...args: unknown[]) => turns.read(() => value(...args)) : value;
  }
  return out as T;
}
