import fs from 'node:fs';
import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../src/server/security';
import { APP_HOST, APP_SCHEME } from './app-origin';

const MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.map': 'application/json', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.jpg': 'image/jpeg', '.webp': 'image/webp', '.ico': 'image/x-icon',
  '.woff': 'font/woff', '.woff2': 'font/woff2', '.ttf': 'font/ttf', '.txt': 'text/plain; charset=utf-8',
};

/** Headers on every answer: the pages get the same CSP as browser mode, and no answer is sniffed into another type. */
const BASE_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-store',
};

const answer = (status: number, body: string): Response =>
  new Response(body, { status, headers: { ...BASE_HEADERS, 'content-type': 'text/plain; charset=utf-8' } });

/**
 * The `protocol.handle` handler of `tematik://app/…`: serves files inside `root` (the built
 * renderer, possibly inside app.asar) and nothing else. Pure Node, so it is tested without Electron.
 */
export function createAppRequestHandler(root: string): (request: Request) => Promise<Response> {
  const base = path.resolve(root);
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return answer(405, 'Only GET and HEAD are served.');
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return answer(400, 'Bad URL.');
    }
    if (url.protocol !== `${APP_SCHEME}:` || url.hostname !== APP_HOST || url.port !== '') return answer(404, 'Not found.');
    let relative: string;
    try {
      relative = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname);
    } catch {
      return answer(400, 'Bad path.');
    }
    // An encoded "../" or NUL survives the URL parser's own normalisation, so the decoded path is checked again.
    const file = path.resolve(base, `.${relative}`);
    if (relative.includes('\0') || !file.startsWith(base + path.sep)) return answer(403, 'Forbidden.');
    let data: Buffer;
    try {
      data = await fs.promises.readFile(file);
    } catch {
      return answer(404, relative === '/index.html' ? `The renderer is not built: run "npm run build" (looked in ${base}).` : 'Not found.');
    }
    const headers = { ...BASE_HEADERS, 'content-type': MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream' };
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(data), { status: 200, headers });
  };
}
