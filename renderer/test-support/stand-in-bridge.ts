/** A call the view made through the bridge. */
export interface BridgeCall {
  readonly name: string;
  readonly args: Record<string, unknown>;
}

const isOutcome = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && 'ok' in value && ('value' in value || 'error' in value);

/**
 * Component tests put a stand-in for Electron's preload bridge on `window.tematik` (api.ts picks
 * its transport when it loads, so import the view after this). `answer` gives an action's result,
 * or a whole Outcome (`{ ok: false, error }`) to test failures. Calls go into `record`, except
 * those whose name matches `ignore` (typically the reads every view makes).
 */
export function installStandInBridge(
  answer: (name: string, args: Record<string, unknown>) => unknown,
  options: { readonly record?: BridgeCall[]; readonly ignore?: RegExp } = {},
): void {
  (globalThis as { tematik?: unknown }).tematik = {
    invoke: async (name: string, args: Record<string, unknown>) => {
      if (options.record && !options.ignore?.test(name)) options.record.push({ name, args });
      const result = await answer(name, args);
      return isOutcome(result) ? result : { ok: true, value: result };
    },
    on: () => () => undefined,
  };
}
