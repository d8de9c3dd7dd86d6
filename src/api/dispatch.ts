import { errorFromInfo, TematikError, type ErrorInfo } from '../domain/errors';
import { defineMessages } from '../domain/text';
import { contract, type ActionName, type Invoke, type Outcome } from './contract';
import { retryWhileBusy } from './busy';
import type { Handler } from './handler-types';
import { handlers } from './handlers/index';
import type { Context } from './session';

const say = defineMessages({
  en: {
    internal: 'Tematik hit an unexpected error: {detail}. Nothing was changed by the failed action; please report this.',
    unknownAction: '"{name}" is not a Tematik action.',
    invalidArgs: 'Invalid arguments for {name}: {details}.',
  },
  id: {
    internal: 'Tematik mengalami galat tak terduga: {detail}. Tindakan yang gagal tidak mengubah apa pun; mohon laporkan ini.',
    unknownAction: '"{name}" bukan tindakan Tematik.',
    invalidArgs: 'Argumen untuk {name} tidak valid: {details}.',
  },
});

export const isActionName = (name: unknown): name is ActionName => typeof name === 'string' && Object.hasOwn(contract, name);

/**
 * Validates a call from outside (IPC, HTTP, CLI) and runs it. Never throws: a bad
 * call or a failing action comes back as an error the caller can show.
 */
export async function dispatch(name: unknown, args: unknown, ctx: Context): Promise<Outcome<ActionName>> {
  if (!isActionName(name)) return unknownAction(name);
  const parsed = contract[name].args.safeParse(args ?? {});
  if (!parsed.success) {
    const details = parsed.error.issues.map((issue) => `${issue.path.length ? issue.path.join('.') : 'arguments'}: ${issue.message}`);
    // zod's issue texts (and the contract's own refinements) are English; the sentence around them is not.
    const text = say('invalidArgs', { name, details: details.join('; ') });
    return failure({ kind: 'invalid_args', message: text.en, text, details });
  }
  try {
    const handler = handlers[name] as Handler<ActionName>;
    return { ok: true, value: await retryWhileBusy(ctx.session, () => handler(parsed.data as never, ctx)) };
  } catch (error) {
    // A full disk, a damaged file, a busy project: each its own message, never "please report this".
    return failure(toErrorInfo(ctx.session.failure(error) ?? error));
  }
}

/** Turns anything thrown into what the user sees; unexpected errors keep their message for the bug report. */
export function toErrorInfo(error: unknown): ErrorInfo {
  if (error instanceof TematikError) return error.toInfo();
  const detail = error instanceof Error ? error.message : String(error);
  const text = say('internal', { detail });
  return { kind: 'internal', message: text.en, text };
}

const failure = (error: ErrorInfo): Outcome<ActionName> => ({ ok: false, error });

/** The answer to a call of something that is not an action (checked before a call leaves the thread, too). */
export function unknownAction(name: unknown): Outcome<ActionName> {
  const text = say('unknownAction', { name: String(name) });
  return failure({ kind: 'unknown_action', message: text.en, text });
}

/**
 * The contract as an in-process function (CLI, tests, a handler calling another action): same
 * validation and handlers as IPC; a failed action is thrown as the TematikError it came back as.
 */
export function invoker(ctx: Context): Invoke {
  return async (name, args) => {
    const outcome = await dispatch(name, args, ctx);
    if (!outcome.ok) throw errorFromInfo(outcome.error);
    return outcome.value as never;
  };
}
