import type { ActionName, Outcome } from '../../src/api/contract';
import { effects } from '../../src/api/touches';
import { isOneOf, type Progress } from '../../src/domain/types';
import type { ErrorInfo } from '../../src/domain/errors';
import { defineMessages, type LocalizedText } from '../../src/domain/text';

/**
 * A page served by a team server (`tematik serve`): the login session is an HttpOnly cookie the
 * page never sees, every request that changes something carries the session's CSRF token, and
 * a project's actions go to that project's own address. This module is the page's side of the
 * server's HTTP API (README, "Team server").
 */

const say = defineMessages({
  en: {
    noProject: 'No team project is open in this window. Choose one in the list of projects.',
    loggedOut: 'Your session on the team server has ended (logged out, password changed, or idle too long). Log in again; nothing you saw acknowledged was lost.',
    unreachable: 'The team server did not answer ({problem}). Check that it is running and that this computer reaches it, then try again.',
    refused: 'The team server refused the request (HTTP {status}). Reload the page; if it happens again, tell whoever runs the server.',
  },
  id: {
    noProject: 'Tidak ada proyek tim yang terbuka di jendela ini. Pilih satu di daftar proyek.',
    loggedOut: 'Sesi Anda di server tim telah berakhir (keluar, kata sandi diganti, atau terlalu lama tidak aktif). Masuk lagi; tidak ada yang hilang dari apa yang sudah dikonfirmasi.',
    unreachable: 'Server tim tidak menjawab ({problem}). Pastikan server berjalan dan komputer ini dapat menjangkaunya, lalu coba lagi.',
    refused: 'Server tim menolak permintaan (HTTP {status}). Muat ulang halaman; jika terjadi lagi, beri tahu pengelola server.',
  },
});

/** Roles per project, as the server names them. */
export const TEAM_ROLES = ['owner', 'coder', 'reviewer'] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

export interface TeamUser {
  readonly login: string;
  readonly name: string;
}

export interface TeamProject {
  readonly id: number;
  readonly name: string;
  readonly role: TeamRole;
}

/** A change someone made to the open project, as the event stream tells it; null `action` when changes may have been missed. */
export interface RemoteChange {
  readonly action: ActionName | null;
  readonly by?: TeamUser;
}

/** What a team route answered: the value, or the refusal as the server sent it (both languages) and the HTTP status. */
export type TeamAnswer<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly status: number; readonly error: ErrorInfo; readonly retryAfter?: number };

/** The login session's CSRF token: sent with every request that is not a GET. */
let csrf = '';

/** Heard when a request finds the session gone (401): the page goes back to its login screen. */
const sessionEndedListeners = new Set<() => void>();
export function onSessionEnded(listener: () => void): () => void {
  sessionEndedListeners.add(listener);
  return () => { sessionEndedListeners.delete(listener); };
}

const info = (kind: ErrorInfo['kind'], text: LocalizedText): ErrorInfo => ({ kind, message: text.en, text });

/** The server's error body `{ ok: false, error }` as it sent it, or a message of our own when the body is something else (a proxy's page). */
async function refusal(response: Response): Promise<ErrorInfo> {
  try {
    const body = await response.json() as { error?: ErrorInfo };
    if (body.error && typeof body.error.message === 'string') return body.error;
  } catch {
    // Not JSON: said below.
  }
  if (response.status === 401) return info('permission', say('loggedOut'));
  return info('internal', say('refused', { status: String(response.status) }));
}

/** One request to the team server's API; a lost connection or a refusal is an answer, never a throw. */
async function request<T>(method: string, path: string, body?: { json: unknown } | { bytes: Blob; fileName?: string }): Promise<TeamAnswer<T>> {
  const headers: Record<string, string> = {};
  if (method !== 'GET' && method !== 'HEAD') headers['x-csrf-token'] = csrf;
  let payload: BodyInit | undefined;
  if (body && 'json' in body) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body.json);
  } else if (body) {
    headers['content-type'] = 'application/octet-stream';
    // Header values are Latin-1: a file name with other letters travels percent-encoded.
    if (body.fileName !== undefined) headers['x-file-name'] = encodeURIComponent(body.fileName);
    payload = body.bytes;
  }
  let response: Response;
  try {
    response = await fetch(path, { method, headers, credentials: 'same-origin', ...(payload === undefined ? {} : { body: payload }) });
  } catch (error) {
    return { ok: false, status: 0, error: info('io', say('unreachable', { problem: error instanceof Error ? error.message : String(error) })) };
  }
  if (!response.ok) {
    const error = await refusal(response);
    if (response.status === 401 && !path.endsWith('/session') && !path.endsWith('/login')) for (const listener of [...sessionEndedListeners]) listener();
    const wait = Number(response.headers.get('retry-after'));
    return { ok: false, status: response.status, error, ...(Number.isFinite(wait) && wait > 0 ? { retryAfter: wait } : {}) };
  }
  const type = response.headers.get('content-type') ?? '';
  const value = (type.includes('application/json') ? await response.json() : null) as T;
  return { ok: true, value };
}

interface SessionBody {
  readonly user: TeamUser;
  readonly csrf: string;
}

/**
 * Who is logged in on this page. `team: false` when the page was not served by a team server
 * (browser mode answers 403 or 404 here): the page is then browser mode's.
 */
export async function teamSession(): Promise<{ readonly team: false } | { readonly team: true; readonly user: TeamUser | null }> {
  let response: Response;
  try {
    response = await fetch('/api/team/session', { credentials: 'same-origin' });
  } catch {
    return { team: false };
  }
  if (response.status === 401) return { team: true, user: null };
  if (!response.ok || !(response.headers.get('content-type') ?? '').includes('application/json')) return { team: false };
  const body = await response.json() as SessionBody;
  csrf = body.csrf;
  return { team: true, user: body.user };
}

export async function logIn(login: string, password: string): Promise<TeamAnswer<TeamUser>> {
  const answer = await request<SessionBody>('POST', '/api/team/login', { json: { login, password } });
  if (!answer.ok) return answer;
  csrf = answer.value.csrf;
  return { ok: true, value: answer.value.user };
}

export async function logOut(): Promise<TeamAnswer<unknown>> {
  const answer = await request('POST', '/api/team/logout', { json: {} });
  csrf = '';
  return answer;
}

export async function listProjects(): Promise<TeamAnswer<readonly TeamProject[]>> {
  const answer = await request<{ projects: readonly TeamProject[] }>('GET', '/api/team/projects');
  return answer.ok ? { ok: true, value: answer.value.projects.filter((p) => isOneOf(TEAM_ROLES, p.role)) } : answer;
}

/** A new empty project on the server; the caller is its owner. */
export const createProject = (name: string): Promise<TeamAnswer<{ readonly id: number; readonly name: string }>> =>
  request('POST', '/api/team/projects', { json: { name } });

/** A .tematik file of this computer copied onto the server as a new project (the server checks it as it would any file). */
export const publishProject = (file: Blob, name: string): Promise<TeamAnswer<{ readonly id: number; readonly name: string }>> =>
  request('POST', `/api/team/projects/publish?name=${encodeURIComponent(name)}`, { bytes: file });

/**
 * Sends a file of this computer to the server for one action that reads a file (an import): the
 * answer is the token the action takes in place of a path, valid for this login session only.
 */
export async function uploadFile(file: File): Promise<TeamAnswer<string>> {
  const answer = await request<{ upload: string }>('POST', '/api/team/uploads', { bytes: file, fileName: file.name });
  return answer.ok ? { ok: true, value: answer.value.upload } : answer;
}

/** The address that downloads a project as a .tematik file (the browser's own download; the cookie goes with it). */
export const copyUrl = (projectId: number): string => `/api/team/projects/${projectId}/copy`;

/** The open project: where its actions go and its events come from. */
let open: { readonly id: number; readonly events: EventSource } | null = null;
const progressListeners = new Set<(p: Progress, job: string) => void>();
const changeListeners = new Set<(change: RemoteChange) => void>();
const crashListeners = new Set<(error: ErrorInfo) => void>();
const noticeListeners = new Set<(notice: LocalizedText) => void>();

const parse = <T>(event: Event): T => JSON.parse((event as MessageEvent<string>).data) as T;

/**
 * Makes `projectId` the project this page's actions go to, and follows its event stream: other
 * people's changes, the progress of this page's long actions.
 */
export function openTeamProject(projectId: number): void {
  if (open?.id === projectId) return;
  closeTeamProject();
  const events = new EventSource(`/api/team/projects/${projectId}/events`, { withCredentials: true });
  let connected = false;
  // The browser reconnects by itself after a dropped stream; changes made meanwhile were not heard, so everything is read again.
  events.addEventListener('open', () => {
    if (connected) for (const l of [...changeListeners]) l({ action: null });
    connected = true;
  });
  events.addEventListener('changed', (e) => {
    const { action, by } = parse<{ action: string; by?: TeamUser }>(e);
    // An action this page does not know (a newer server) may have changed anything.
    const known = Object.hasOwn(effects, action) ? action as ActionName : null;
    for (const l of [...changeListeners]) l({ action: known, ...(by ? { by } : {}) });
  });
  events.addEventListener('progress', (e) => {
    // The server sends this page's own jobs only, and takes no cancel: a job id, when sent, is kept for the listeners.
    const { job = '', ...p } = parse<Progress & { job?: string }>(e);
    for (const l of [...progressListeners]) l(p, job);
  });
  events.addEventListener('crashed', (e) => {
    const error = parse<ErrorInfo>(e);
    for (const l of [...crashListeners]) l(error);
  });
  events.addEventListener('notice', (e) => {
    const notice = parse<LocalizedText>(e);
    for (const l of [...noticeListeners]) l(notice);
  });
  open = { id: projectId, events };
}

export function closeTeamProject(): void {
  open?.events.close();
  open = null;
}

/** The transport api.ts uses on a team page: the open project's actions, over the team API. */
export const teamTransport = {
  async call(name: ActionName, args: unknown): Promise<Outcome<ActionName>> {
    if (!open) return { ok: false, error: info('no_project', say('noProject')) };
    const answer = await request<Outcome<ActionName>>('POST', `/api/team/projects/${open.id}/invoke`, { json: { name, args } });
    return answer.ok ? answer.value : { ok: false, error: answer.error };
  },
  // The team API has no way to cancel another request's job: the button says it could not.
  cancel: (): Promise<boolean> => Promise.resolve(false),
  onProgress(listener: (p: Progress, job: string) => void) {
    progressListeners.add(listener);
    return () => { progressListeners.delete(listener); };
  },
  onChanged(listener: (change: RemoteChange) => void) {
    changeListeners.add(listener);
    return () => { changeListeners.delete(listener); };
  },
  onMenu: () => () => undefined,
  onCrash(listener: (error: ErrorInfo) => void) {
    crashListeners.add(listener);
    return () => { crashListeners.delete(listener); };
  },
  onNotice(listener: (notice: LocalizedText) => void) {
    noticeListeners.add(listener);
    return () => { noticeListeners.delete(listener); };
  },
  // The session cookie goes with a media element's requests: no token in the address.
  mediaUrl: (recordingId: number): string => `/api/team/projects/${open?.id ?? 0}/media/${recordingId}`,
};
