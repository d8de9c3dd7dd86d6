import type { BridgeChannels } from '../src/api/bridge';
import type { ActionName, Outcome } from '../src/api/contract';
import { isActionName } from '../src/api/dispatch';
import type { Progress } from '../src/domain/types';
import type { WorkerHost } from '../src/host/worker-host';
import type { ErrorInfo } from '../src/domain/errors';
import { isAppUrl } from './app-origin';
import { teamServerOrigin } from './team-origin';

/** The channel names; the preload spells them out again, and both are checked against BridgeChannels. */
export const CHANNELS = {
  invoke: 'tematik:invoke',
  progress: 'tematik:progress',
  menu: 'tematik:menu',
  cancel: 'tematik:cancel',
  crashed: 'tematik:crashed',
  notice: 'tematik:notice',
  openTeam: 'tematik:open-team',
} as const satisfies BridgeChannels;

/**
 * The part of Electron's IpcMainInvokeEvent the router reads, written out so tests can pass
 * a plain object and this module never loads Electron.
 */
export interface InvokeEvent {
  /** Null when the frame navigated away or was destroyed before the message arrived. */
  readonly senderFrame: { readonly url: string; readonly parent: unknown } | null;
  readonly sender: { send(channel: string, ...args: unknown[]): void; isDestroyed(): boolean };
}

/**
 * Only the top frame of a page from our own origin may call the contract: not a subframe, not a
 * page the window was somehow navigated to, not a frame that is already gone.
 */
export function isTrustedSender(event: Pick<InvokeEvent, 'senderFrame'>): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && isAppUrl(frame.url);
}

export interface InvokeRouterOptions {
  /** The core, in its worker threads. */
  readonly host: Pick<WorkerHost, 'invoke' | 'cancel'>;
  /** Called after every action from a trusted sender, e.g. to refresh the Open Recent menu. */
  readonly onSettled?: (name: ActionName, outcome: Outcome<ActionName>) => void;
  /** Where refused calls and a failing onSettled are reported; the default is console.warn. */
  readonly log?: (message: string) => void;
}

/**
 * The `tematik:invoke` handler: checks the sender, then runs the call through the same worker host
 * as browser mode (and the same dispatch as the CLI). Resolves to an Outcome and never rejects, so nothing is thrown
 * across IPC (Electron would replace the error with a generic one).
 */
export function createInvokeHandler(options: InvokeRouterOptions): (event: InvokeEvent, name: unknown, args: unknown) => Promise<Outcome<ActionName>> {
  const log = options.log ?? ((message) => console.warn(message));
  return async (event, name, args) => {
    if (!isTrustedSender(event)) {
      log(`Tematik refused a call of ${String(name)} from ${event.senderFrame?.url ?? 'a frame that is gone'}.`);
      return { ok: false, error: { kind: 'internal', message: 'Refused: this call did not come from a Tematik window.' } };
    }
    const progress = (p: Progress, job: string) => {
      if (!event.sender.isDestroyed()) event.sender.send(CHANNELS.progress, p, job);
    };
    const outcome = await options.host.invoke(name, args, { onProgress: progress });
    if (options.onSettled && isActionName(name)) {
      try {
        options.onSettled(name, outcome);
      } catch (error) {
        log(`Tematik: updating the window after ${name} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      }
    }
    return outcome;
  };
}

/** The `tematik:cancel` handler: the same sender check, then cancels the job a progress event named. */
export function createCancelHandler(options: Pick<InvokeRouterOptions, 'host' | 'log'>): (event: InvokeEvent, job: unknown) => boolean {
  const log = options.log ?? ((message) => console.warn(message));
  return (event, job) => {
    if (!isTrustedSender(event)) {
      log(`Tematik refused to cancel a job for ${event.senderFrame?.url ?? 'a frame that is gone'}.`);
      return false;
    }
    return typeof job === 'string' && options.host.cancel(job);
  };
}

/**
 * The `tematik:open-team` handler: the same sender check, then the address checked by
 * teamServerOrigin (main/team-origin.ts) before `open` gets the server's origin. Resolves to
 * null when a window was opened, else to what the page shows; never rejects.
 */
export function createOpenTeamHandler(options: { readonly open: (origin: string) => void; readonly log?: (message: string) => void }): (event: InvokeEvent, address: unknown) => ErrorInfo | null {
  const log = options.log ?? ((message) => console.warn(message));
  return (event, address) => {
    if (!isTrustedSender(event)) {
      log(`Tematik refused to open a team window for ${event.senderFrame?.url ?? 'a frame that is gone'}.`);
      return { kind: 'internal', message: 'Refused: this call did not come from a Tematik window.' };
    }
    const checked = teamServerOrigin(typeof address === 'string' ? address : '');
    if (!checked.ok) return checked.error;
    options.open(checked.origin);
    return null;
  };
}
