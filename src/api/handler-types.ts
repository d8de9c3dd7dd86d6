import type { ActionName, Result, ValidArgs } from './contract';
import type { Context } from './session';

export type Handler<N extends ActionName> = (args: ValidArgs<N>, ctx: Context) => Result<N> | Promise<Result<N>>;

/** All handlers: the compiler checks every contract entry has exactly one. */
export type HandlerTable = { readonly [N in ActionName]: Handler<N> };

/** The handlers of one feature: every action named `<prefix>.…`. */
export type HandlerGroup<P extends string> = { readonly [N in Extract<ActionName, `${P}.${string}`>]: Handler<N> };
