import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startWebServer, type WebServer, type WebServerOptions } from '../../../src/server/web-server';
import { newProject, tempDir } from '../../helpers/temp-project';

const servers: WebServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function start(options: Partial<WebServerOptions> = {}): Promise<WebServer & { origin: string }> {
  const staticDir = tempDir('tematik-static-');
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Tematik</title>');
  const server = await startWebServer({ staticDir, coder: 'Peneliti Web', host: { kind: 'browser', dataDir: tempDir() }, ...options });
  servers.push(server);
  return { ...server, origin: new URL(server.url).origin };
}

const post = (server: WebServer & { origin: string }, route: string, body: unknown) =>
  fetch(`${server.origin}${route}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-tematik-token': server.token }, body: JSON.stringify(body) });

/** Collects the server-sent events of one kind until `count` have come. */
function events(server: WebServer & { origin: string }, kind: string, count: number): { ready: Promise<void>; received: Promise<unknown[]> } {
  let connected!: () => void;
  const ready = new Promise<void>((resolve) => { connected = resolve; });
  const received = new Promise<unknown[]>((resolve, reject) => {
    const got: unknown[] = [];
    const req = http.get(`${server.origin}/api/events?token=${server.token}`, (res) => {
      connected();
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        const blocks = buffer.split('\n\n');
        buffer = blocks.pop()!;
        for (const block of blocks) {
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event === kind && data) got.push(JSON.parse(data));
        }
        if (got.length >= count) {
          req.destroy();
          resolve(got);
        }
      });
    });
    req.on('error', reject);
  });
  return { ready, received };
}

describe('browser mode on the worker host', () => {
  it('tells the page when the core crashed and was restarted, and keeps serving the project', async () => {
    const server = await start({ crashOn: { action: 'project.check', how: 'exit' } });
    const file = path.join(tempDir(), 'study.tematik');
    expect(await (await post(server, '/api/invoke', { name: 'project.create', args: { path: file } })).json()).toMatchObject({ ok: true });
    expect(await (await post(server, '/api/invoke', { name: 'codes.create', args: { name: 'tersimpan' } })).json()).toMatchObject({ ok: true });
    const crashes = events(server, 'crashed', 1);
    await crashes.ready;
    const crashed = await (await post(server, '/api/invoke', { name: 'project.check', args: {} })).json();
    expect(crashed).toMatchObject({ ok: false, error: { kind: 'worker_crashed' } });
    expect(await crashes.received).toEqual([expect.objectContaining({ kind: 'worker_crashed', text: expect.objectContaining({ id: expect.any(String) }) })]);
    const listed = await (await post(server, '/api/invoke', { name: 'codes.list', args: {} })).json() as { error?: unknown };
    expect(listed.error).toBeUndefined();
    expect(listed).toMatchObject({ ok: true, value: [{ name: 'tersimpan' }] });
    expect(server.host.project).toEqual({ file, readOnly: false });
  });

  it('tells the page, in both languages, that the day\'s backup could not be made after the project opened', async () => {
    // A project with a code in it and no backup yet (its first change found it empty), closed.
    const client = await newProject();
    await client.invoke('codes.create', { name: 'tersimpan' });
    client.session.close();
    const { file } = client;
    expect(fs.existsSync(`${file}-backups`)).toBe(false);
    fs.writeFileSync(`${file}-backups`, 'not a folder');
    const server = await start({ timing: { backupAfterIdleMs: 50 } });
    const notices = events(server, 'notice', 1);
    await notices.ready;
    expect(await (await post(server, '/api/invoke', { name: 'project.open', args: { path: file } })).json()).toMatchObject({ ok: true });
    expect(await notices.received).toEqual([{
      en: expect.stringContaining('Today\'s backup of this project could not be made'),
      id: expect.stringContaining('Cadangan harian proyek ini tidak dapat dibuat'),
    }]);
  });

  it('cancels a job named in its progress events, and checks the request like every API call', async () => {
    const server = await start();
    const file = path.join(tempDir(), 'study.tematik');
    await post(server, '/api/invoke', { name: 'project.create', args: { path: file } });
    const folder = tempDir();
    for (let i = 0; i < 60; i++) fs.writeFileSync(path.join(folder, `w-${i}.txt`), Array.from({ length: 300 }, (_, t) => `${t % 2 ? 'Informan' : 'Pewawancara'}: kopi warung nomor ${i} ${t}.`).join('\n\n'));
    const progress = events(server, 'progress', 1);
    await progress.ready;
    const importing = post(server, '/api/invoke', { name: 'import.folder', args: { folder } });
    const [first] = await progress.received as [{ job: string; done: number; total: number }];
    expect(first.job).toMatch(/\S/);
    expect(await (await post(server, '/api/cancel', { job: first.job })).json()).toEqual({ cancelled: true });
    expect(await (await importing).json()).toMatchObject({ ok: false, error: { kind: 'cancelled' } });
    expect(await (await post(server, '/api/invoke', { name: 'documents.list', args: {} })).json()).toEqual({ ok: true, value: [] });
    expect(await (await post(server, '/api/cancel', { job: first.job })).json()).toEqual({ cancelled: false });
    expect((await post(server, '/api/cancel', {})).status).toBe(400);
    const refused = await fetch(`${server.origin}/api/cancel`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ job: first.job }) });
    expect(refused.status).toBe(403);
  });
});
