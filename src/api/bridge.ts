import type { ErrorInfo } from '../domain/errors';
import type { LocalizedText } from '../domain/text';
import type { Progress } from '../domain/types';
import type { ActionName, Args, Outcome } from './contract';

/**
 * The one object the Electron preload puts on `window.tematik`. Pure types: the renderer
 * imports them with `import type`, the preload checks its object against them with `satisfies`.
 */

/**
 * What a native menu item (or the OS, for a file opened from outside) asks the window to do.
 * The renderer carries each out through the contract, so the menu, a toolbar button and a
 * keyboard shortcut take the same path. It also decides what `undo`/`redo` mean: text undo
 * while a text field has focus, project undo (`history.undo`) otherwise.
 */
export type MenuCommand =
  | 'new-project'
  | 'open-project'
  | 'open-sample'
  | 'import'
  /** Import a supervisor's comments file from a review package. */
  | 'import-review'
  | 'export'
  | 'close-project'
  /** Open a team project: ask for the team server's address, then open its pages in a window of their own. */
  | 'open-team'
  | 'undo'
  | 'redo'
  | 'find'
  /** Open the project at the given path: File › Open Recent, a second launch, or a file association. */
  | 'open-path';

/** Arguments of a menu event: only `open-path` carries one, the project's path. */
export type MenuEventArgs = readonly [command: Exclude<MenuCommand, 'open-path'>] | readonly [command: 'open-path', path: string];

/** Events the main process pushes to the window, and the listener each takes. */
export interface BridgeEvents {
  /** Progress of the long action in flight (an import, the sample study), with the job id `cancel` takes. */
  readonly progress: (progress: Progress, job: string) => void;
  readonly menu: (...args: MenuEventArgs) => void;
  /** The core stopped unexpectedly and was restarted (the project reopened): what to tell the user. */
  readonly crashed: (error: ErrorInfo) => void;
  /** Something the user must be told that no action answered (the day's backup could not be made), in both languages. */
  readonly notice: (notice: LocalizedText) => void;
}

export type BridgeEventName = keyof BridgeEvents;

/** The IPC channel names, shared by the preload (which cannot import them) and the main process. */
export interface BridgeChannels {
  readonly invoke: 'tematik:invoke';
  readonly progress: 'tematik:progress';
  readonly menu: 'tematik:menu';
  readonly cancel: 'tematik:cancel';
  readonly crashed: 'tematik:crashed';
  readonly notice: 'tematik:notice';
  readonly openTeam: 'tematik:open-team';
}

export interface TematikBridge {
  /**
   * Runs one contract action in the main process. Resolves to the Outcome, an error included;
   * it does not reject for a failed action, so the renderer decides how errors become exceptions.
   */
  invoke<N extends ActionName>(name: N, args: Args<N>): Promise<Outcome<N>>;
  /** Cancels the long action a progress event named; false when it had already finished. A cancelled action changes nothing. */
  cancel(job: string): Promise<boolean>;
  /** Listens to one kind of event; returns the function that stops listening. */
  on<E extends BridgeEventName>(event: E, listener: BridgeEvents[E]): () => void;
  /**
   * Opens a team server's pages in a window of their own (main/team-origin.ts), beside the local
   * projects. Null when the window opened; otherwise why the address cannot be used.
   */
  openTeamServer(address: string): Promise<ErrorInfo | null>;
}
