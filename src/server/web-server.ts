import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Outcome } from '../api/contract';
import { errorFromInfo } from '../domain/errors';
import { defineMessages } from '../domain/text';
import type { Progress } from '../domain/types';
import { WorkerHost, type WorkerHostOptions } from '../host/worker-host';
import { answerMedia, type MediaCore } from '../media/serve';
import { BodyTooLarge, MAX_JSON_BODY_BYTES, readBody, requestTarget, sameToken, send, sendMedia, serveStatic } from './http-parts';

const say = defineMessages({
  en: { notJson: 'The request body is not JSON.' },
  id: { notJson: 'Isi permintaan bukan JSON.' },
});

export interface WebServerOptions extends Omit<WorkerHostOptions, 'host' | 'choosePaths'> {
  readonly host?: WorkerHostOptions['host'];
  /** The built renderer to serve. */
  readonly staticDir: string;
  /** 0 (the default) picks a free port. */
  readonly port?: number;
  /** A project to open before the first request. */
  readonly project?: string;
}

export interface WebServer {
  /** The address to open, with the token in the fragment so it never reaches a server log. */
  readonly url: string;
  readonly token: string;
  /** The core, running in worker threads; the server's own thread only serves HTTP. */
  readonly host: WorkerHost;
  close(): Promise<void>;
}

/**
 * Browser mode: the same renderer and the same handler table as the desktop app, over HTTP
 * on 127.0.0.1 only. Every API request must carry this run's random token, and the Host and
 * Origin headers must name this server, so other local pages and DNS rebinding cannot reach it.
 */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = randomBytes(24).toString('hex');
  const core = new WorkerHost({ ...options, host: options.host ?? { kind: 'browser' } });
  const listeners = new Set<http.ServerResponse>();
  const broadcast = (event: string, data: unknown) => {
    for (const res of listeners) res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };
  const progress = (p: Progress, job: string) => broadcast('progress', { ...p, job });
  core.onCrash((notice) => broadcast('crashed', notice.error));
  core.onNotice((notice) => broadcast('notice', notice));
  if (options.project) {
    const opened = await core.invoke('project.open', { path: path.resolve(options.project) });
    if (!opened.ok) {
      await core.close();
      throw errorFromInfo(opened.error);
    }
  }

  const media: MediaCore = {
    source: async (id) => await core.invoke('recordings.source', { id }) as Outcome<'recordings.source'>,
    bytes: async (id, start, length) => await core.invoke('recordings.bytes', { id, start, length }) as Outcome<'recordings.bytes'>,
  };

  let origin = '';
  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      // The details (a stack, a path of this installation) go to the terminal that started the server, never to the page.
      process.stderr.write(`tematik web: ${req.method ?? ''} ${req.url ?? ''}: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
      if (error instanceof BodyTooLarge) send(res, 413, 'text/plain; charset=utf-8', 'Request too large.');
      else if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'Internal error.');
      else res.end();
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (req.headers.host !== new URL(origin).host) return send(res, 421, 'text/plain', 'Wrong host.');
    const url = requestTarget(req.url);
    if (!url) return send(res, 400, 'text/plain; charset=utf-8', 'Malformed address.');
    if (url.pathname.startsWith('/api/')) {
      const given = req.headers['x-tematik-token'] ?? url.searchParams.get('token') ?? '';
      if (!sameToken(String(given), token)) return send(res, 403, 'text/plain', 'Missing or wrong token: open the address the server printed.');
      if (req.headers.origin !== undefined && req.headers.origin !== origin) return send(res, 403, 'text/plain', 'Cross-origin requests are refused.');
      if (url.pathname === '/api/invoke' && req.method === 'POST') {
        const body = await readBody(req, MAX_JSON_BODY_BYTES);
        let call: { name?: unknown; args?: unknown };
        try {
          call = JSON.parse(body) as typeof call;
        } catch {
          const text = say('notJson');
          return send(res, 400, 'application/json', JSON.stringify({ ok: false, error: { kind: 'invalid_args', message: text.en, text } }));
        }
        const outcome = await core.invoke(call.name, call.args, { onProgress: progress });
        return send(res, 200, 'application/json; charset=utf-8', JSON.stringify(outcome));
      }
      if (url.pathname === '/api/cancel' && req.method === 'POST') {
        const body = await readBody(req, MAX_JSON_BODY_BYTES);
        let job: unknown;
        try {
          job = (JSON.parse(body) as { job?: unknown }).job;
        } catch {
          job = undefined;
        }
        if (typeof job !== 'string') return send(res, 400, 'text/plain; charset=utf-8', 'Name the job to cancel: {"job": "…"}.');
        return send(res, 200, 'application/json; charset=utf-8', JSON.stringify({ cancelled: core.cancel(job) }));
      }
      // A linked recording, by its id in the open project (never a path), with range requests for seeking.
      if (url.pathname.startsWith('/api/media/')) {
        if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain', 'Only GET and HEAD are served.');
        return sendMedia(res, await answerMedia(media, url.pathname.slice('/api/media/'.length), req.headers.range, req.method === 'HEAD'));
      }
      if (url.pathname === '/api/events' && req.method === 'GET') {
        res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
        res.write(': connected\n\n');
        listeners.add(res);
        req.on('close', () => listeners.delete(res));
        return;
      }
      return send(res, 404, 'text/plain', 'No such API route.');
    }
    return serveStatic(options.staticDir, url.decodedPath, res);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/#token=${token}`,
    token,
    host: core,
    close: async () => {
      for (const res of listeners) res.end();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await Promise.all([closed, core.close()]);
    },
  };
}
