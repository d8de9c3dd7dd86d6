import { TematikError } from './errors';
import { defineMessages } from './text';

const say = defineMessages({
  en: { cancelled: 'Cancelled: nothing was changed.' },
  id: { cancelled: 'Dibatalkan: tidak ada yang diubah.' },
});

/** What a job cancelled by the user ends with, wherever it stopped. */
export const cancelledError = (): TematikError => new TematikError('cancelled', say('cancelled'));

/**
 * The cancel flag of the change this thread is running: one Int32 the host sets to 1, read with
 * Atomics so that it reaches a job that never yields. Null where nothing can be cancelled (the
 * CLI, the reader): there a check costs nothing. The host runs one change at a time per thread
 * (src/host), so one flag per thread is enough.
 */
let current: Int32Array | null = null;

/** Runs a change that `cancel` can stop at its next `throwIfCancelled`. */
export async function cancellable<T>(cancel: Int32Array, job: () => Promise<T>): Promise<T> {
  current = cancel;
  try {
    return await job();
  } finally {
    current = null;
  }
}

/**
 * Ends the running change when the user cancelled it. Called between the steps of long jobs,
 * inside their transaction or before their output is written, so a cancelled job changes nothing.
 */
export function throwIfCancelled(): void {
  if (current !== null && Atomics.load(current, 0) !== 0) throw cancelledError();
}
