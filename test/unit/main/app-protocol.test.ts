import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppRequestHandler } from '../../../main/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../../src/server/security';

describe('the tematik:// protocol handler', () => {
  let dir = '';
  let handle: (request: Request) => Promise<Response>;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tematik-protocol-'));
    const root = path.join(dir, 'renderer');
    fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><script type="module" src="/assets/app.js"></script>');
    fs.writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log("tematik")');
    fs.writeFileSync(path.join(root, 'assets', 'logo.svg'), '<svg/>');
    fs.writeFileSync(path.join(dir, 'secret.txt'), 'interview data');
    fs.writeFileSync(path.join(dir, 'renderer-evil.txt'), 'next door');
    handle = createAppRequestHandler(root);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const get = (url: string, method = 'GET') => handle(new Request(url, { method }));

  it('serves the renderer with the Content-Security-Policy of browser mode', async () => {
    const page = await get('tematik://app/');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('/assets/app.js');

    const script = await get('tematik://app/assets/app.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await script.text()).toBe('console.log("tematik")');
    expect((await get('tematik://app/assets/logo.svg')).headers.get('content-type')).toBe('image/svg+xml');
    const head = await get('tematik://app/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('serves nothing outside the renderer folder', async () => {
    for (const url of [
      'tematik://app/../secret.txt', 'tematik://app/%2e%2e/secret.txt', 'tematik://app/assets/..%2F..%2Fsecret.txt',
      'tematik://app/..%5C..%5Csecret.txt', 'tematik://app/..%2Frenderer-evil.txt', 'tematik://app/index.html%00.js',
    ]) {
      const response = await get(url);
      expect([403, 404], url).toContain(response.status);
      expect(await response.text(), url).not.toMatch(/interview data|next door/);
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    }
  });

  it('answers other hosts, methods and bad paths with an error', async () => {
    expect((await get('tematik://other/index.html')).status).toBe(404);
    expect((await get('tematik://app/missing.js')).status).toBe(404);
    expect((await get('tematik://app/assets')).status).toBe(404);
    expect((await get('tematik://app/%E0%A4%A')).status).toBe(400);
    expect((await get('tematik://app/index.html', 'POST')).status).toBe(405);
  });

  it('says how to build the renderer when it is missing', async () => {
    const missing = createAppRequestHandler(path.join(dir, 'nowhere'));
    const response = await missing(new Request('tematik://app/'));
    expect(response.status).toBe(404);
    expect(await response.text()).toMatch(/npm run build/);
  });
});
