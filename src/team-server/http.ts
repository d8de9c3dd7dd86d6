/**
 * The team server's HTTP layer: accounts and sessions in a cookie, projects and their members,
 * the contract's actions per project (checked against the user's role and what a server offers),
 * a stream of every project's changes, uploads, publishing and taking copies, and the built
 * renderer as browser mode serves it. Every refusal is an `{ ok: false, error }` in English and
 * Bahasa Indonesia; nothing of the server's disk is ever named by, or shown to, a client.
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Pool } from 'pg';
import type { ActionName, Outcome } from '../api/contract';
import { isActionName, toErrorInfo, unknownAction } from '../api/dispatch';
import { TematikError, type ErrorInfo, type ErrorKind } from '../domain/errors';
import type { MergeReport } from '../domain/team';
import { defineMessages, type LocalizedText } from '../domain/text';
import type { Progress } from '../domain/types';
import { answerMedia, type MediaCore } from '../media/serve';
import {
  BodyTooLarge, MAX_JSON_BODY_BYTES, readBody, readBodyToFile, requestTarget, send, sendMedia, serveStatic,
} from '../server/http-parts';
import type { ProjectBackend } from '../store/backend';
import { postgresBackend } from '../store/postgres/backend';
import { takeCopy } from '../store/postgres/publish';
import { checkLogin, normaliseLogin } from './accounts';
import { ClientAddresses } from './client-address';
import { EventStreams, STREAM_CHECK_MS, type EventStream } from './event-streams';
import { deleteProject, MAX_PUBLISH_BYTES, newProject, publishProject } from './publish';
import { findProject, membersOf, projectsOf, removeMember, setMember } from './projects';
import { LoginLimiter, tooManyLogins } from './rate-limit';
import { isRole, mayInvoke, SERVER_ACTIONS, serverArgs } from './roles';
import { Runtimes, type ActionTiming, type Actor, type ProjectRuntime } from './runtime';
import { csrfMatches, endSession, findSession, startSession, type FoundSession } from './sessions';
import { UploadQuotaFull, UploadStore } from './uploads';

export const SESSION_COOKIE = 'tematik_session';

const say = defineMessages({
  en: {
    notLoggedIn: 'You are not logged in (or your session ended): log in again.',
    csrf: 'The request lacks this session\'s x-csrf-token header: reload the page and try again.',
    origin: 'Requests from another site are refused.',
    noProject: 'There is no project {id} among your projects.',
    noRoute: 'There is no such address on this server.',
    method: 'This address does not take {method} requests.',
    json: 'Send this request\'s body as JSON (Content-Type: application/json).',
    octets: 'Send the file as the request\'s body (Content-Type: application/octet-stream).',
    notJson: 'The request body is not JSON.',
    loginFields: 'Log in with {"login": …, "password": …}.',
    wrongPassword: 'The login or the password is wrong.',
    ownerOnly: 'Only an owner of the project can do this; ask one of its owners.',
    memberFields: 'Name the member and their role: {"login": …, "role": "owner" | "coder" | "reviewer"}.',
    projectName: 'Name the project: {"name": "…"} (1 to 200 characters).',
    tooLarge: 'The request is too large (at most {megabytes} MB).',
    opening: 'The project cannot be opened on the server just now: {detail}',
  },
  id: {
    notLoggedIn: 'Anda belum masuk (atau sesi Anda berakhir): masuk lagi.',
    csrf: 'Permintaan tidak membawa header x-csrf-token sesi ini: muat ulang halaman lalu coba lagi.',
    origin: 'Permintaan dari situs lain ditolak.',
    noProject: 'Tidak ada proyek {id} di antara proyek Anda.',
    noRoute: 'Alamat itu tidak ada di server ini.',
    method: 'Alamat ini tidak menerima permintaan {method}.',
    json: 'Kirim isi permintaan ini sebagai JSON (Content-Type: application/json).',
    octets: 'Kirim berkasnya sebagai isi permintaan (Content-Type: application/octet-stream).',
    notJson: 'Isi permintaan bukan JSON.',
    loginFields: 'Masuk dengan {"login": …, "password": …}.',
    wrongPassword: 'Login atau kata sandinya salah.',
    ownerOnly: 'Hanya pemilik proyek yang dapat melakukan ini; mintalah kepada salah satu pemiliknya.',
    memberFields: 'Sebutkan anggota dan perannya: {"login": …, "role": "owner" | "coder" | "reviewer"}.',
    projectName: 'Beri nama proyeknya: {"name": "…"} (1 sampai 200 karakter).',
    tooLarge: 'Permintaan terlalu besar (paling besar {megabytes} MB).',
    opening: 'Proyek belum dapat dibuka di server saat ini: {detail}',
  },
});

export interface TeamServerOptions {
  readonly pool: Pool;
  /** Working images of open projects, uploads and copies being downloaded. */
  readonly cacheDir: string;
  /** The built renderer. */
  readonly staticDir: string;
  /** The address to listen on; 127.0.0.1 by default (a reverse proxy in front adds TLS). */
  readonly host?: string;
  /** 0 (the default) picks a free port. */
  readonly port?: number;
  /** The address users reach the server by, through a proxy (https://… makes the cookie Secure). */
  readonly publicOrigin?: string;
  /** Where projects are kept; PostgreSQL (postgresBackend) unless a test says otherwise. */
  readonly backend?: ProjectBackend;
  /** The backend's name of a project; `team:<id>` by default. */
  readonly fileOf?: (projectId: number) => string;
  /** How long a project nobody uses stays open. */
  readonly idleMs?: number;
  /** How often every open event stream's session and membership are checked again (STREAM_CHECK_MS by default). */
  readonly streamCheckMs?: number;
  /** What one user's uploads may take at once (DEFAULT_UPLOAD_QUOTA_BYTES by default). */
  readonly uploadQuotaBytes?: number;
  /** IP addresses of reverse proxies whose X-Forwarded-For names the client (client-address.ts); none by default. */
  readonly trustProxy?: readonly string[];
}

export interface TeamServer {
  /** The origin pages are served from (the public one when given). */
  readonly origin: string;
  /** Where the server listens. */
  readonly listening: string;
  readonly runtimes: Runtimes;
  close(): Promise<void>;
}

/** A request's user, session and public session id, once the cookie is checked. */
interface Login {
  readonly found: FoundSession;
  readonly token: string;
  readonly actor: Actor;
}

/** A refusal: an HTTP status and the user's message. */
class Refusal extends Error {
  constructor(readonly status: number, readonly info: ErrorInfo, readonly headers: Readonly<Record<string, string>> = {}) {
    super(info.message);
  }
}

const refuse = (status: number, kind: ErrorKind, text: LocalizedText, headers?: Record<string, string>): Refusal =>
  new Refusal(status, { kind, message: text.en, text }, headers);

/** The HTTP status of a TematikError thrown by the accounts and store modules. */
const STATUS: Partial<Record<ErrorKind, number>> = { not_found: 404, conflict: 409, locked: 409, invalid_args: 400, bad_input: 400, not_a_project: 400, newer_version: 400, damaged: 400, permission: 403 };

export async function startTeamServer(options: TeamServerOptions): Promise<TeamServer> {
  const { pool } = options;
  fs.mkdirSync(options.cacheDir, { recursive: true, mode: 0o700 });
  const backend = options.backend ?? postgresBackend({ pool, cacheDir: path.join(options.cacheDir, 'images') });
  const runtimes = new Runtimes({ backend, fileOf: options.fileOf ?? ((id) => `team:${id}`), ...(options.idleMs !== undefined ? { idleMs: options.idleMs } : {}) });
  const uploads = new UploadStore(path.join(options.cacheDir, 'uploads'), options.uploadQuotaBytes !== undefined ? { quotaBytes: options.uploadQuotaBytes } : {});
  const transfers = path.join(options.cacheDir, 'transfers');
  // Files being published or downloaded last one request: what is here at the start, a server killed midway left.
  fs.rmSync(transfers, { recursive: true, force: true });
  fs.mkdirSync(transfers, { recursive: true, mode: 0o700 });
  const limiter = new LoginLimiter();
  const clients = new ClientAddresses(options.trustProxy);
  /** Open event streams: progress goes to its session's own; they end with their session or membership. */
  const streams = new EventStreams(pool, options.streamCheckMs ?? STREAM_CHECK_MS);

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (error instanceof Refusal) return fail(res, error.status, error.info, error.headers);
      if (error instanceof BodyTooLarge) return fail(res, 413, info('bad_input', say('tooLarge', { megabytes: Math.round(error.limit / 1024 / 1024) })));
      if (error instanceof UploadQuotaFull) return fail(res, 413, error.toInfo());
      if (error instanceof TematikError) return fail(res, STATUS[error.kind] ?? 500, error.toInfo());
      // The details (a stack, a path of this installation) go to the server's log, never to the page.
      process.stderr.write(`tematik serve: ${req.method ?? ''} ${req.url ?? ''}: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
      if (!res.headersSent) fail(res, 500, toErrorInfo(new Error('the server failed; its log says why')));
      else res.end();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve);
  });
  const address = server.address() as AddressInfo;
  const listening = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
  const origin = options.publicOrigin ? new URL(options.publicOrigin).origin : listening;
  // Behind a proxy the Host header is the public one, or the proxied address: either names this server; any other is DNS rebinding.
  const hosts = new Set([new URL(origin).host, new URL(listening).host]);
  const secure = origin.startsWith('https:');

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (!hosts.has(req.headers.host ?? '')) return send(res, 421, 'text/plain', 'Wrong host.');
    const url = requestTarget(req.url);
    if (!url) return send(res, 400, 'text/plain; charset=utf-8', 'Malformed address.');
    const method = req.method ?? 'GET';
    if (!url.pathname.startsWith('/api/')) {
      if (method !== 'GET' && method !== 'HEAD') return send(res, 405, 'text/plain', 'Only GET and HEAD are served.');
      return serveStatic(options.staticDir, url.decodedPath, res);
    }
    if (req.headers.origin !== undefined && req.headers.origin !== origin) throw refuse(403, 'permission', say('origin'));
    const reading = method === 'GET' || method === 'HEAD';
    const route = url.pathname;

    if (route === '/api/team/login') {
      if (method !== 'POST') throw refuse(405, 'invalid_args', say('method', { method }));
      return login(req, res);
    }
    const project = /^\/api\/team\/projects\/([1-9]\d{0,9})(\/.*)?$/.exec(route);
    const current = await loginOf(req, project ? Number(project[1]) : undefined);
    if (route === '/api/team/session' && reading) {
      if (!current) throw refuse(401, 'permission', say('notLoggedIn'));
      return json(res, 200, sessionAnswer(current.found));
    }
    if (!current) throw refuse(401, 'permission', say('notLoggedIn'));
    const csrf = req.headers['x-csrf-token'];
    if (!reading && !csrfMatches(current.found, typeof csrf === 'string' ? csrf : undefined)) throw refuse(403, 'permission', say('csrf'));

    if (route === '/api/team/logout' && method === 'POST') {
      await endSession(pool, current.token);
      uploads.dropAll(current.found.id);
      streams.stopWhere((stream) => stream.session === current.found.id);
      return json(res, 200, { ok: true }, { 'set-cookie': cookie('', 0) });
    }
    if (route === '/api/team/projects') {
      if (reading) return json(res, 200, { projects: (await projectsOf(pool, current.found.user.id)).map(({ id, name, role }) => ({ id, name, role })) });
      if (method !== 'POST') throw refuse(405, 'invalid_args', say('method', { method }));
      const { name } = await jsonBody(req) as { name?: unknown };
      if (typeof name !== 'string' || name.trim() === '' || name.length > 200) throw refuse(400, 'invalid_args', say('projectName'));
      return json(res, 200, await newProject(pool, { name: name.trim(), owner: current.found.user }));
    }
    if (route === '/api/team/projects/publish') {
      if (method !== 'POST') throw refuse(405, 'invalid_args', say('method', { method }));
      requireOctets(req);
      const name = url.searchParams.get('name')?.trim() || undefined;
      if (name !== undefined && name.length > 200) throw refuse(400, 'invalid_args', say('projectName'));
      const file = path.join(transfers, `${randomBytes(16).toString('hex')}.tematik`);
      try {
        await readBodyToFile(req, file, MAX_PUBLISH_BYTES);
        return json(res, 200, await publishProject(pool, { file, owner: current.found.user, ...(name ? { name } : {}) }));
      } finally {
        fs.rmSync(file, { force: true });
      }
    }
    if (route === '/api/team/uploads') {
      if (method !== 'POST') throw refuse(405, 'invalid_args', say('method', { method }));
      requireOctets(req);
      return json(res, 200, { upload: await uploads.receive(req, current.found.id, current.found.user.login) });
    }
    if (project) return projectRoute(req, res, current, Number(project[1]), project[2] ?? '');
    throw refuse(404, 'not_found', say('noRoute'));
  }

  async function projectRoute(req: http.IncomingMessage, res: http.ServerResponse, current: Login, projectId: number, rest: string): Promise<void> {
    const method = req.method ?? 'GET';
    const reading = method === 'GET' || method === 'HEAD';
    // A project the user is no member of answers as one that does not exist: ids reveal nothing.
    // Read with the session (loginOf), in the same statement.
    const role = current.found.role;
    if (!role) throw refuse(404, 'not_found', say('noProject', { id: String(projectId) }));
    const owner = () => {
      if (role !== 'owner') throw refuse(403, 'permission', say('ownerOnly'));
    };

    if (rest === '' && method === 'DELETE') {
      owner();
      await runtimes.close(projectId);
      streams.stopWhere((stream) => stream.projectId === projectId);
      await deleteProject(pool, projectId);
      return json(res, 200, { ok: true });
    }
    if (rest === '/invoke' && method === 'POST') {
      const call = await jsonBody(req) as { name?: unknown; args?: unknown };
      if (!isActionName(call.name)) return json(res, 400, unknownAction(call.name));
      const name: ActionName = call.name;
      const use = SERVER_ACTIONS[name];
      // Not offered by a server at all (a machine-local action) is a wrong request; not allowed to this role is a refusal.
      if (use.kind === 'refused') throw refuse(400, 'invalid_args', use.why);
      const permission = mayInvoke(role, name);
      if (!permission.allowed) throw refuse(403, 'permission', permission.why);
      const checked = serverArgs(name, call.args ?? {}, (token) => uploads.stored(token, current.found.id));
      if (!checked.ok) throw refuse(400, 'invalid_args', checked.why);
      const args = checked.args;
      const runtime = await runtimeOf(projectId);
      const progress = (p: Progress) => {
        for (const stream of streams.of(current.found.id)) {
          if (stream.projectId === projectId) stream.res.write(`event: progress\ndata: ${JSON.stringify(p)}\n\n`);
        }
      };
      let timing: ActionTiming | null = null;
      const outcome = await runtime.invoke(current.actor, name, args, progress, (t) => (timing = t));
      // Server-Timing (a standard header browsers' tools show) tells a slow answer's queueing from its run: the load script reads it.
      const serverTiming: Record<string, string> = timing ? { 'server-timing': serverTimingOf(timing) } : {};
      return json(res, 200, withoutServerPaths(name, outcome), serverTiming);
    }
    if (rest === '/events' && method === 'GET') return events(req, res, current, projectId);
    if (rest === '/copy' && method === 'GET') {
      const file = path.join(transfers, `${randomBytes(16).toString('hex')}.tematik`);
      try {
        await takeCopy(pool, projectId, file);
        const projectName = (await findProject(pool, projectId))?.name ?? `project-${projectId}`;
        await new Promise<void>((resolve, reject) => {
          res.writeHead(200, {
            'content-type': 'application/octet-stream', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff',
            'content-length': String(fs.statSync(file).size), 'content-disposition': attachment(`${projectName}.tematik`),
          });
          const stream = fs.createReadStream(file);
          stream.on('error', reject);
          res.on('close', resolve);
          stream.pipe(res);
        });
      } finally {
        fs.rmSync(file, { force: true });
      }
      return;
    }
    const media = /^\/media\/([^/]+)$/.exec(rest);
    if (media && reading) {
      const runtime = await runtimeOf(projectId);
      return sendMedia(res, await answerMedia(embeddedOnly(runtime, current.actor), media[1]!, req.headers.range, method === 'HEAD'));
    }
    if (rest === '/members') {
      if (reading) return json(res, 200, { members: await membersOf(pool, projectId) });
      if (method !== 'POST') throw refuse(405, 'invalid_args', say('method', { method }));
      owner();
      const { login, role: given } = await jsonBody(req) as { login?: unknown; role?: unknown };
      if (typeof login !== 'string' || !isRole(given)) throw refuse(400, 'invalid_args', say('memberFields'));
      await setMember(pool, projectId, login, given);
      return json(res, 200, { members: await membersOf(pool, projectId) });
    }
    const member = /^\/members\/([^/]+)$/.exec(rest);
    if (member && method === 'DELETE') {
      owner();
      const login = decodeURIComponent(member[1]!);
      await removeMember(pool, projectId, login);
      // Someone no longer a member hears nothing more of the project.
      streams.stopWhere((stream) => stream.projectId === projectId && stream.login === normaliseLogin(login));
      return json(res, 200, { members: await membersOf(pool, projectId) });
    }
    throw refuse(404, 'not_found', say('noRoute'));
  }

  async function login(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const body = await jsonBody(req) as { login?: unknown; password?: unknown };
    if (typeof body.login !== 'string' || typeof body.password !== 'string') throw refuse(400, 'invalid_args', say('loginFields'));
    const ip = clients.of(req.socket.remoteAddress, req.headers['x-forwarded-for']);
    const check = limiter.check(ip, body.login);
    if (!check.allowed) throw refuse(429, 'busy', tooManyLogins(check.retryAfterSeconds), { 'retry-after': String(check.retryAfterSeconds) });
    const checked = await checkLogin(pool, body.login, body.password);
    if ('refused' in checked) {
      // The right password of a disabled account is no guess: not counted, and answered with what to do.
      if (checked.refused === 'disabled') throw refuse(403, 'permission', checked.why);
      limiter.failed(ip, body.login);
      throw refuse(401, 'permission', say('wrongPassword'));
    }
    const { user } = checked;
    limiter.succeeded(ip, body.login);
    const started = await startSession(pool, user);
    const found: FoundSession = { user, csrf: started.csrf, id: started.id, role: null };
    return json(res, 200, sessionAnswer(found), { 'set-cookie': cookie(started.token, 7 * 24 * 3600) });
  }

  /** The request's login, and with `projectId` the user's role in that project. */
  async function loginOf(req: http.IncomingMessage, projectId?: number): Promise<Login | null> {
    const token = cookieValue(req.headers.cookie, SESSION_COOKIE);
    if (!token) return null;
    const found = await findSession(pool, token, projectId);
    if (!found) return null;
    return { found, token, actor: { login: found.user.login, name: found.user.name, session: publicId(found.id) } };
  }

  async function runtimeOf(projectId: number): Promise<ProjectRuntime> {
    try {
      return await runtimes.get(projectId);
    } catch (error) {
      const known = backend.failure(error);
      if (known) throw new Refusal(503, known.toInfo());
      process.stderr.write(`tematik serve: opening project ${projectId}: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
      throw refuse(503, 'io', say('opening', { detail: error instanceof Error ? error.message : String(error) }));
    }
  }

  async function events(req: http.IncomingMessage, res: http.ServerResponse, current: Login, projectId: number): Promise<void> {
    const runtime = await runtimeOf(projectId);
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive', 'x-accel-buffering': 'no' });
    res.write(': connected\n\n');
    const unlisten = runtime.listen((event) => res.write(`event: changed\ndata: ${JSON.stringify(event)}\n\n`));
    // A comment now and then keeps proxies from closing a quiet stream.
    const heartbeat = setInterval(() => res.write(': \n\n'), 25_000);
    heartbeat.unref();
    const stream: EventStream = {
      projectId, res, session: current.found.id, login: current.found.user.login,
      stop: () => {
        clearInterval(heartbeat);
        unlisten();
        streams.delete(stream);
        res.end();
      },
    };
    streams.add(stream);
    req.on('close', stream.stop);
  }

  function cookie(token: string, maxAge: number): string {
    return `${SESSION_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/; Max-Age=${maxAge}${secure ? '; Secure' : ''}`;
  }

  return {
    origin,
    listening,
    runtimes,
    close: async () => {
      streams.close();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      // Uploads stay for their login sessions, which outlive the server (uploads.ts).
      await Promise.all([closed, runtimes.closeAll()]);
      fs.rmSync(transfers, { recursive: true, force: true });
    },
  };
}

/** What a page learns of its login: the user, the CSRF token to send back, and its session's public id. */
function sessionAnswer(found: FoundSession) {
  return { user: { login: found.user.login, name: found.user.name }, csrf: found.csrf, session: publicId(found.id) };
}

/** A login session's id as other users see it in change events: derived, never the stored id. */
function publicId(sessionId: string): string {
  return createHash('sha256').update(`public:${sessionId}`).digest('hex').slice(0, 20);
}

/**
 * An outcome as a client may see it: the backup a merge makes first is a file in the server's
 * cache (a server's backups are pg_dumps of its database), so its place is not told.
 */
function withoutServerPaths(name: ActionName, outcome: Outcome<ActionName>): Outcome<ActionName> {
  if (name !== 'team.merge' || !outcome.ok) return outcome;
  return { ok: true, value: { ...(outcome.value as MergeReport), backup: null } };
}

/** Recordings embedded in the project only: a linked recording's path names a place on some computer, never to be opened here. */
function embeddedOnly(runtime: ProjectRuntime, actor: Actor): MediaCore {
  return {
    source: async (id) => {
      const outcome = await runtime.invoke(actor, 'recordings.source', { id }) as Awaited<ReturnType<MediaCore['source']>>;
      if (outcome.ok && outcome.value.kind !== 'embedded') return { ok: false, error: { kind: 'not_found', message: 'Only recordings embedded in the project are played from a team server.' } };
      return outcome;
    },
    bytes: async (id, start, length) => await runtime.invoke(actor, 'recordings.bytes', { id, start, length }) as Awaited<ReturnType<MediaCore['bytes']>>,
  };
}

function info(kind: ErrorKind, text: LocalizedText): ErrorInfo {
  return { kind, message: text.en, text };
}

function fail(res: http.ServerResponse, status: number, error: ErrorInfo, headers: Readonly<Record<string, string>> = {}): void {
  if (res.headersSent) return void res.end();
  send(res, status, 'application/json; charset=utf-8', JSON.stringify({ ok: false, error }), headers);
}

const serverTimingOf = ({ queueMs, runMs }: ActionTiming) => `queue;dur=${queueMs.toFixed(1)}, run;dur=${runMs.toFixed(1)}`;

function json(res: http.ServerResponse, status: number, value: unknown, headers: Readonly<Record<string, string>> = {}): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value), headers);
}

function mediaType(req: http.IncomingMessage): string {
  return (req.headers['content-type'] ?? '').split(';', 1)[0]!.trim().toLowerCase();
}

function requireOctets(req: http.IncomingMessage): void {
  if (mediaType(req) !== 'application/octet-stream') throw refuse(415, 'invalid_args', say('octets'));
}

/** The body of a JSON route: refused unless sent as JSON (a form post from another site cannot be). */
async function jsonBody(req: http.IncomingMessage): Promise<unknown> {
  if (mediaType(req) !== 'application/json') throw refuse(415, 'invalid_args', say('json'));
  const body = await readBody(req, MAX_JSON_BODY_BYTES);
  try {
    const value: unknown = JSON.parse(body);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('not an object');
    return value;
  } catch {
    throw refuse(400, 'invalid_args', say('notJson'));
  }
}

function cookieValue(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim() || null;
  }
  return null;
}

/** A Content-Disposition naming the download, in any script (RFC 6266), with an ASCII fallback. */
function attachment(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
