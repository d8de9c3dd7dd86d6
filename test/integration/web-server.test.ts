import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer, type WebServer } from '../../src/server/web-server';
import { SAMPLE_STUDY, tempDir } from '../helpers/temp-project';

describe('browser-mode server', () => {
  let server: WebServer;
  let origin: string;
  const staticDir = tempDir('tematik-static-');

  beforeAll(async () => {
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Tematik</title>');
    fs.writeFileSync(path.join(tempDir(), 'secret.txt'), 'rahasia');
    server = await startWebServer({ staticDir, coder: 'Peneliti Web', host: { kind: 'browser', dataDir: tempDir(), sampleDir: SAMPLE_STUDY } });
    origin = new URL(server.url).origin;
  });
  afterAll(() => server.close());

  const call = (body: unknown, headers: Record<string, string> = { 'x-tematik-token': server.token }) =>
    fetch(`${origin}/api/invoke`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

  it('listens on 127.0.0.1 only and puts the token in the fragment', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[0-9a-f]{48}$/);
  });

  it('runs actions through the handler table with the token', async () => {
    const info = await (await call({ name: 'app.openSample', args: {} })).json() as { ok: boolean; value: { name: string } };
    expect(info).toMatchObject({ ok: true, value: { name: expect.stringContaining('Co-creation') } });
    const docs = await (await call({ name: 'documents.list', args: {} })).json() as { ok: boolean; value: unknown[] };
    expect(docs.value).toHaveLength(11);
    const bad = await (await call({ name: 'codes.create', args: { name: '' } })).json() as { ok: boolean; error: { kind: string } };
    expect(bad).toMatchObject({ ok: false, error: { kind: 'invalid_args' } });
  });

  it('takes a reviewer\'s comments file at the size limit as text, however much JSON escapes it, and lets the core judge it', async () => {
    await call({ name: 'app.openSample', args: {} });
    // A quote is escaped once in the file and its escape again in the request: a 4.8 MB file, a 9.6 MB request.
    const body = '"'.repeat(9600);
    const comments = Array.from({ length: 250 }, (_, n) => ({
      guid: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, target: { kind: 'theme', guid: '11111111-1111-4111-8111-111111111111', label: 'Tema' },
      body, createdAt: '2026-12-01T10:00:00.000Z',
    }));
    const text = JSON.stringify({
      format: 'tematik-review-comments', version: 1, projectGuid: '22222222-2222-4222-8222-222222222222', packageGuid: '33333333-3333-4333-8333-333333333333',
      packageCreatedAt: '2026-12-01T09:00:00.000Z', reviewer: 'Dr. Sari', savedAt: '2026-12-01T11:00:00.000Z', comments,
    });
    expect(text.length).toBeGreaterThan(4_700_000);
    expect(text.length).toBeLessThan(5 * 1024 * 1024);
    const response = await call({ name: 'comments.importReview', args: { file: { name: 'telaah.tematik-comments.json', bytes: text.length, text } } });
    expect(response.status).toBe(200);
    const answer = await response.json() as { ok: boolean; error: { kind: string; message: string } };
    // The core's own refusal (a file of another project), not the server's 413.
    expect(answer).toMatchObject({ ok: false, error: { kind: 'bad_input' } });
    expect(answer.error.message).toContain('22222222-2222-4222-8222-222222222222');
  });

  it('refuses calls without the right token, from another origin, or for another host', async () => {
    expect((await call({ name: 'app.info', args: {} }, {})).status).toBe(403);
    expect((await call({ name: 'app.info', args: {} }, { 'x-tematik-token': 'f'.repeat(48) })).status).toBe(403);
    expect((await call({ name: 'app.info', args: {} }, { 'x-tematik-token': server.token, origin: 'http://evil.example' })).status).toBe(403);
    const rebinding = await new Promise<number>((resolve) => {
      // fetch will not let us set Host; a raw request can.
      const req = http.request({ host: '127.0.0.1', port: Number(new URL(origin).port), path: '/api/invoke', method: 'POST', headers: { host: 'attacker.example', 'x-tematik-token': server.token } }, (res) => resolve(res.statusCode ?? 0));
      req.end('{}');
    });
    expect(rebinding).toBe(421);
  });

  it('serves the renderer with a strict CSP and never a file outside it', async () => {
    const page = await fetch(`${origin}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    for (const escape of ['/../secret.txt', '/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2fetc%2fpasswd']) {
      const response = await fetch(`${origin}${escape}`);
      expect([400, 403, 404], escape).toContain(response.status);
      expect(await response.text()).not.toContain('root:');
    }
  });

  it('answers a non-JSON body with a typed error', async () => {
    const response = await fetch(`${origin}/api/invoke`, { method: 'POST', headers: { 'x-tematik-token': server.token }, body: 'nope' });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ ok: false, error: { kind: 'invalid_args' } });
  });

  /** Sends a request line exactly as given: fetch and http.request would normalise or refuse these addresses first. */
  function rawGet(target: string): Promise<{ status: number; response: string }> {
    const { port, host } = new URL(origin);
    return new Promise((resolve, reject) => {
      let response = '';
      const socket = net.connect(Number(port), '127.0.0.1', () => socket.write(`GET ${target} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`));
      socket.setEncoding('utf8');
      socket.on('data', (chunk: string) => { response += chunk; });
      socket.on('end', () => resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(response)?.[1]), response }));
      socket.on('error', reject);
    });
  }

  it('answers a malformed address with 400 and a short message: no stack, no path of this machine', async () => {
    const malformed = ['/%00', '/%E0%A4%A', '/api/%zz', '/api/invoke%00', '/index.html%00.png', '/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2fetc%2fpasswd', '/%2e%2e%5csecret.txt', '/%5c..%5c..%5cetc%5cpasswd', '/a%0d%0aSet-Cookie:%20x=1'];
    for (const target of malformed) {
      const { status, response } = await rawGet(target);
      expect(status, target).toBe(400);
      const body = response.slice(response.indexOf('\r\n\r\n') + 4);
      expect(body, target).toContain('Malformed address.');
      expect(response, target).not.toMatch(/Error|\bat \w|node:|root:|Set-Cookie/);
      expect(response, target).not.toContain(staticDir);
      expect(response, target).not.toContain(path.resolve(__dirname, '../..'));
    }
    // A target that would name another host stays a path on this one.
    expect((await rawGet('//evil.example/index.html')).status).toBe(404);
    expect((await fetch(`${origin}/`)).status).toBe(200);
  });
});
