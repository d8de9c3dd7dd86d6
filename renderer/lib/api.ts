import type { MenuCommand, MenuEventArgs, TematikBridge } from '../../src/api/bridge';
import type { ActionName, Args, Outcome, Result } from '../../src/api/contract';
import { errorInLanguage, type ErrorInfo } from '../../src/domain/errors';
import { activeLanguage } from '../i18n/i18n';
import type { LocalizedText } from '../../src/domain/text';
import type { Progress } from '../../src/domain/types';
import { teamTransport, type RemoteChange } from './team-server';

/**
 * A failed action as the UI sees it: the message says what went wrong and what to do, in the
 * language the window shows when the core sent it translated.
 */
export class ApiError extends Error implements ErrorInfo {
  readonly kind: ErrorInfo['kind'];
  readonly details?: readonly string[];
  constructor(info: ErrorInfo) {
    const shown = errorInLanguage(info, activeLanguage());
    super(shown.message);
    this.kind = info.kind;
    if (info.details) this.details = shown.details;
  }

  /** Anything a call threw, as the UI shows it: an ApiError as it is, anything else (a lost connection) as an internal error. */
  static from(error: unknown): ApiError {
    return error instanceof ApiError ? error : new ApiError({ kind: 'internal', message: String(error) });
  }
}

export type { MenuCommand, MenuEventArgs };

/**
 * The ways to reach the handler table: Electron's preload bridge, browser mode's HTTP server, or
 * a team server's project (renderer/lib/team-server.ts).
 */
interface Transport {
  call(name: ActionName, args: unknown): Promise<Outcome<ActionName>>;
  cancel(job: string): Promise<boolean>;
  onProgress(listener: (p: Progress, job: string) => void): () => void;
  onMenu(listener: (...args: MenuEventArgs) => void): () => void;
  onCrash(listener: (error: ErrorInfo) => void): () => void;
  onNotice(listener: (notice: LocalizedText) => void): () => void;
  /** Where the media element reads a linked recording: by its id, never a path (src/media/serve.ts). */
  mediaUrl(recordingId: number): string;
  /** Changes other people made to the open project (a team server only). */
  onChanged(listener: (change: RemoteChange) => void): () => void;
}

const alone = () => () => undefined;

function electronTransport(bridge: TematikBridge): Transport {
  return {
    call: (name, args) => bridge.invoke(name, args as never) as Promise<Outcome<ActionName>>,
    cancel: (job) => bridge.cancel(job),
    onProgress: (listener) => bridge.on('progress', listener),
    onMenu: (listener) => bridge.on('menu', listener),
    onCrash: (listener) => bridge.on('crashed', listener),
    onNotice: (listener) => bridge.on('notice', listener),
    mediaUrl: (recordingId) => `tematik-media://recording/${recordingId}`,
    onChanged: alone,
  };
}

/** Browser mode's token: it comes in the address fragment once and is kept for this tab only; null when there is none. */
function browserToken(): string | null {
  const fromHash = new URLSearchParams(location.hash.slice(1)).get('token');
  if (fromHash) {
    sessionStorage.setItem('tematik.token', fromHash);
    history.replaceState(null, '', location.pathname + location.search);
  }
  return sessionStorage.getItem('tematik.token');
}

/** Browser mode: every request carries the token the server printed. */
function httpTransport(token: string): Transport {
  const progressListeners = new Set<(p: Progress, job: string) => void>();
  const crashListeners = new Set<(error: ErrorInfo) => void>();
  const noticeListeners = new Set<(notice: LocalizedText) => void>();
  let events: EventSource | null = null;
  const listen = () => {
    if (events) return;
    events = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
    events.addEventListener('progress', (e) => {
      const { job, ...p } = JSON.parse((e as MessageEvent<string>).data) as Progress & { job: string };
      for (const l of progressListeners) l(p, job);
    });
    events.addEventListener('crashed', (e) => {
      const error = JSON.parse((e as MessageEvent<string>).data) as ErrorInfo;
      for (const l of crashListeners) l(error);
    });
    events.addEventListener('notice', (e) => {
      const notice = JSON.parse((e as MessageEvent<string>).data) as LocalizedText;
      for (const l of noticeListeners) l(notice);
    });
  };
  return {
    async call(name, args) {
      const response = await fetch('/api/invoke', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-tematik-token': token },
        body: JSON.stringify({ name, args }),
      });
      if (response.status === 403) {
        return { ok: false, error: { kind: 'internal', message: 'This page is not connected to Tematik: open the address the "npm run web" command printed.' } };
      }
      return (await response.json()) as Outcome<ActionName>;
    },
    async cancel(job) {
      const response = await fetch('/api/cancel', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-tematik-token': token },
        body: JSON.stringify({ job }),
      });
      return response.ok && ((await response.json()) as { cancelled: boolean }).cancelled;
    },
    onProgress(listener) {
      progressListeners.add(listener);
      listen();
      return () => progressListeners.delete(listener);
    },
    onMenu: () => () => undefined,
    onCrash(listener) {
      crashListeners.add(listener);
      listen();
      return () => crashListeners.delete(listener);
    },
    onNotice(listener) {
      noticeListeners.add(listener);
      listen();
      return () => noticeListeners.delete(listener);
    },
    // A media element cannot send headers: the token goes in the query, as for the event stream.
    mediaUrl: (recordingId) => `/api/media/${recordingId}?token=${encodeURIComponent(token)}`,
    onChanged: alone,
  };
}

const bridge = (globalThis as { tematik?: TematikBridge }).tematik;
const token = bridge ? null : browserToken();
let transport: Transport = bridge ? electronTransport(bridge) : token !== null ? httpTransport(token) : teamTransport;

/**
 * True for a page with neither the Electron bridge nor browser mode's token: it may have been
 * served by a team server, which main.tsx asks (GET /api/team/session) before drawing anything.
 */
export const mayBeTeamPage = bridge === undefined && token === null;

/** The page was not served by a team server after all: browser mode without its token, which says how to connect. */
export function fallBackToBrowserMode(): void {
  transport = httpTransport('');
}

/** The address a media element plays a linked recording from. */
export const mediaUrl = (recordingId: number): string => transport.mediaUrl(recordingId);

/** True inside Electron, where the native menu sends commands. */
export const isDesktop = bridge !== undefined;

/** Desktop only: opens a team server's pages in a window of their own; throws ApiError when the address cannot be used. */
export async function openTeamServer(address: string): Promise<void> {
  if (!bridge) throw new ApiError({ kind: 'internal', message: 'Team servers are opened from the desktop app; in a browser, go to the server\'s address.' });
  const refused = await bridge.openTeamServer(address);
  if (refused) throw new ApiError(refused);
}

/** Calls one action of the contract; throws ApiError when it fails. */
export async function invoke<N extends ActionName>(name: N, args: Args<N>): Promise<Result<N>> {
  const outcome = await transport.call(name, args);
  if (!outcome.ok) throw new ApiError(outcome.error);
  return outcome.value as Result<N>;
}

export const onProgress = (listener: (p: Progress, job: string) => void): (() => void) => transport.onProgress(listener);
/** Cancels the long action a progress event named; a cancelled action changes nothing. */
export const cancelJob = (job: string): Promise<boolean> => transport.cancel(job);
/** Hears that the core stopped unexpectedly and was restarted, with what to tell the user. */
export const onCrash = (listener: (error: ErrorInfo) => void): (() => void) => transport.onCrash(listener);
export const onNotice = (listener: (notice: LocalizedText) => void): (() => void) => transport.onNotice(listener);
export const onMenu = (listener: (...args: MenuEventArgs) => void): (() => void) => transport.onMenu(listener);
/** Hears that someone else changed the open project (a team server's page only): the views re-read what that change made stale. */
export const onChanged = (listener: (change: RemoteChange) => void): (() => void) => transport.onChanged(listener);
