import type { Progress } from '../domain/types';
import type { Invoke } from './contract';
import { invoker } from './dispatch';
import { Session, type SessionOptions } from './session';

/** An in-process caller of the contract (CLI, tests, benchmarks): same validation and handlers as IPC. */
export interface LocalClient {
  readonly invoke: Invoke;
  readonly session: Session;
}

export function localClient(options: SessionOptions & { onProgress?: (p: Progress) => void }): LocalClient {
  const session = new Session(options);
  const progress = options.onProgress ?? (() => undefined);
  const call = invoker({ session, progress });
  // Nobody waits for a first screen here: an opening's daily backup is made before its answer is returned.
  const invoke: Invoke = async (name, args) => {
    try {
      return await call(name, args);
    } finally {
      await session.backUpForToday();
    }
  };
  return { invoke, session };
}
