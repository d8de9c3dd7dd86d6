/**
 * The pieces of HTTP serving that browser mode (src/server/web-server.ts) and the team server
 * (src/team-server/http.ts) share: one reading of a request's address, one way of serving the
 * built renderer, one body reader with a size limit.
 */
import { timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { MAX_REVIEW_FILE_BYTES } from '../api/contract';
import type { MediaAnswer } from '../media/serve';
import { CONTENT_SECURITY_POLICY } from './security';

/**
 * Largest request body accepted. Imports send paths, not file contents — except a reviewer's
 * comments file, which the page reads and sends as text (a browser gives a page no path). That
 * text may be up to MAX_REVIEW_FILE_BYTES, and JSON doubles every quote and backslash in it, so
 * the limit leaves room for the worst such file: the core then refuses what is too large with
 * its own message instead of the server's bare "Request too large."
 */
export const MAX_JSON_BODY_BYTES = 2 * MAX_REVIEW_FILE_BYTES + 1024 * 1024;

const MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2', '.json': 'application/json', '.ico': 'image/x-icon',
};

/** A request's path and query, checked. */
export interface RequestTarget {
  readonly pathname: string;
  readonly decodedPath: string;
  readonly searchParams: URLSearchParams;
}

/**
 * The request's path and query, or null when the address is malformed: not origin-form
 * ("/…"), a bad percent escape, a NUL or other control character, or a ".." segment or
 * backslash that only an encoding could smuggle past URL normalisation. Such a request gets
 * a 400, never a stack trace from deep in the file-serving code.
 */
export function requestTarget(raw: string | undefined): RequestTarget | null {
  if (!raw?.startsWith('/')) return null;
  let url: URL;
  let decodedPath: string;
  try {
    // Checked as sent: the URL parser would quietly turn an encoded "%2e%2e" into a parent step.
    decodedPath = decodeURIComponent(raw.split(/[?#]/, 1)[0]!);
    // A fixed base, so a target like "//other.host/" stays a path instead of naming a host.
    url = new URL(`http://tematik.invalid${raw}`);
  } catch {
    return null;
  }
  if (/[\x00-\x1f\x7f\\]/.test(decodedPath) || decodedPath.split('/').includes('..')) return null;
  return { pathname: url.pathname, decodedPath, searchParams: url.searchParams };
}

/** A file of the built renderer, with the renderer's CSP; nothing outside `root` is ever served. */
export function serveStatic(root: string, decodedPath: string, res: http.ServerResponse): void {
  const relative = decodedPath === '/' ? '/index.html' : decodedPath;
  const file = path.resolve(root, `.${relative}`);
  if (!file.startsWith(path.resolve(root) + path.sep)) return send(res, 403, 'text/plain', 'Forbidden.');
  fs.readFile(file, (error, data) => {
    if (error) return send(res, 404, 'text/plain', relative === '/index.html' ? 'The renderer is not built: run "npm run build".' : 'Not found.');
    res.writeHead(200, {
      'content-type': MIME[path.extname(file)] ?? 'application/octet-stream',
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    });
    res.end(data);
  });
}

export function send(res: http.ServerResponse, status: number, type: string, body: string, headers: Readonly<Record<string, string | string[]>> = {}): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', ...headers });
  res.end(body);
}

/** A secret compared in constant time. */
export function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Thrown by the body readers when a request is larger than allowed: answered with 413. */
export class BodyTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`request body over ${limit} bytes`);
  }
}

export function readBody(req: http.IncomingMessage, maxBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        reject(new BodyTooLarge(maxBytes));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * Streams a request body into a new file (never loaded whole into memory), refusing a body
 * larger than `maxBytes`; a refused or broken upload leaves no file behind.
 */
export async function readBodyToFile(req: http.IncomingMessage, file: string, maxBytes: number): Promise<number> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    req.resume();
    throw new BodyTooLarge(maxBytes);
  }
  let size = 0;
  const out = fs.createWriteStream(file, { flags: 'wx', mode: 0o600 });
  try {
    await pipeline(req, async function* (source: AsyncIterable<Buffer>) {
      for await (const chunk of source) {
        size += chunk.length;
        if (size > maxBytes) throw new BodyTooLarge(maxBytes);
        yield chunk;
      }
    }, out);
  } catch (error) {
    fs.rmSync(file, { force: true });
    if (error instanceof BodyTooLarge) req.destroy();
    throw error;
  }
  return size;
}

/** Sends a media answer (src/media/serve.ts): headers, then the refusal text, nothing (HEAD) or the bytes. */
export async function sendMedia(res: http.ServerResponse, answer: MediaAnswer): Promise<void> {
  res.writeHead(answer.status, answer.headers);
  if (answer.body === null) return void res.end();
  if (typeof answer.body === 'string') return void res.end(answer.body);
  return pipeline(Readable.from(answer.body), res).catch(() => undefined);
}
