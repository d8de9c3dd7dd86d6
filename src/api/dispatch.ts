import { TematikError, type ErrorInfo } from '../domain/errors';
import { contract, type ActionName, type Outcome } from './contract';
import type { Handler } from './handler-types';
import { handlers } from './handlers/index';
import type { Context } from './session';

export const isActionName = (name: unknown): name is ActionName => typeof name === 'string' && Object.hasOwn(contract, name);

/**
 * Validates a call from outside (IPC, HTTP, CLI) and runs it. Never throws: a bad
 * call or a failing action comes back as an error the caller can show.
 */
export async function dispatch(name: unknown, args: unknown, ctx: Context): Promise<Outcome<ActionName>> {
  if (!isActionName(name)) {
    return failure({ kind: 'unknown_action', message: `"${String(name)}" is not a Tematik action.` });
  }
  const parsed = contract[name].args.safeParse(args ?? {});
  if (!parsed.success) {
    const details = parsed.error.issues.map((issue) => `${issue.path.length ? issue.path.join('.') : 'arguments'}: ${issue.message}`);
    return failure({ kind: 'invalid_args', message: `Invalid arguments for ${name}: ${details.join('; ')}.`, details });
  }
  try {
    const handler = handlers[name] as Handler<ActionName>;
    return { ok: true, value: await handler(parsed.data as never, ctx) };
  } catch (error) {
    return failure(toErrorInfo(error));
  }
}

/** Turns anything thrown into what the user sees; unexpected errors keep their message for the bug report. */
export function toErrorInfo(error: unknown): ErrorInfo {
  if (error instanceof TematikError) return error.toInfo();
  const message = error instanceof Error ? error.message : String(error);
  return { kind: 'internal', message: `Tematik hit an unexpected error: ${message}. Nothing was changed by the failed action; please report this.` };
}

const failure = (error: ErrorInfo): Outcome<ActionName> => ({ ok: false, error });
