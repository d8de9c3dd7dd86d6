import { TematikError } from '../domain/errors';
import type { Progress } from '../domain/types';
import type { Invoke } from './contract';
import { dispatch } from './dispatch';
import { Session, type SessionOptions } from './session';

/** An in-process caller of the contract (CLI, tests, benchmarks): same validation and handlers as IPC. */
export interface LocalClient {
  readonly invoke: Invoke;
  readonly session: Session;
}

export function localClient(options: SessionOptions & { onProgress?: (p: Progress) => void }): LocalClient {
  const session = new Session(options);
  const progress = options.onProgress ?? (() => undefined);
  const invoke: Invoke = async (name, args) => {
    const outcome = await dispatch(name, args, { session, progress });
    if (!outcome.ok) {
      const { kind, message, text, details, detailTexts } = outcome.error;
      throw new TematikError(kind, text ?? message, detailTexts ?? details);
    }
    return outcome.value as never;
  };
  return { invoke, session };
}
