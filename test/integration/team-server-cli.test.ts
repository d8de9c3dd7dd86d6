import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCluster, type Cluster } from '../helpers/postgres';
import { TeamBrowser } from '../helpers/team-client';
import { SAMPLE_STUDY, tempDir } from '../helpers/temp-project';

/*
 * `tematik serve` as an administrator runs it: the built CLI on a real PostgreSQL cluster, an
 * account made with `tematik users add`, a login over HTTP, and a clean stop on SIGTERM.
 */

const BIN = path.resolve(__dirname, '../../dist/src/cli/tematik.js');
let cluster: Cluster;
let database: string;

beforeAll(async () => {
  if (!fs.existsSync(BIN)) throw new Error(`${BIN} is missing: run "npm run build:core" first (npm test does).`);
  cluster = await startCluster();
  database = cluster.createDatabase('team_cli');
});
afterAll(() => cluster?.stop());

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Resolves with what the process printed once `text` appears on its standard output. */
function waitFor(child: ChildProcess, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      if (out.includes(text)) resolve(out);
    });
    child.stderr!.on('data', (chunk: Buffer) => { err += chunk.toString('utf8'); });
    child.once('exit', (code) => reject(new Error(`tematik serve exited (${code}) before "${text}": ${err}`)));
  });
}

const serveEnv = (): NodeJS.ProcessEnv => ({ ...process.env, TEMATIK_DATABASE: database, TEMATIK_LANG: 'en' });

/** An account made as an administrator makes it: `tematik users add`, the password on standard input. */
function addAccount(login: string, name: string, password: string): void {
  const added = spawnSync(process.execPath, [BIN, 'users', 'add', login, '--name', name, '--password-stdin'], { input: `${password}\n`, encoding: 'utf8', env: serveEnv() });
  expect(added.status, added.stderr).toBe(0);
}

/** Stops `tematik serve` as its service manager does (SIGTERM); it must exit 0. */
async function stopCleanly(child: ChildProcess): Promise<void> {
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  expect(await exited).toBe(0);
}

/** What `find` finds, once it finds it (a write landing on the disk). */
async function until<T>(find: () => T | undefined): Promise<T> {
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('tematik serve', () => {
  it('serves logins for the accounts of its database, and stops cleanly', async () => {
    const env = serveEnv();
    addAccount('rina', 'Rina Wulandari', 'sandi-rina-panjang');
    const port = await freePort();
    const cache = tempDir('tematik-serve-cache-');
    const child = spawn(process.execPath, [BIN, 'serve', '--listen', `127.0.0.1:${port}`, '--cache', cache, '--upload-quota', '1M'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const printed = await waitFor(child, 'listening');
      expect(printed).toContain(`http://127.0.0.1:${port}`);
      const browser = new TeamBrowser(`http://127.0.0.1:${port}`);
      expect((await browser.login('rina', 'sandi-rina-panjang')).status).toBe(200);
      const made = await browser.request('POST', '/api/team/projects', { json: { name: 'Studi Rina' } });
      expect(made.status).toBe(200);
      const projects = await (await browser.request('GET', '/api/team/projects')).json() as { projects: { name: string; role: string }[] };
      expect(projects.projects).toEqual([expect.objectContaining({ name: 'Studi Rina', role: 'owner' })]);
      // --upload-quota 1M: 600 KB is kept, 600 KB more is refused with 413 and what to do.
      const upload = () => browser.request('POST', '/api/team/uploads', { body: Buffer.alloc(600 * 1024, 0x61), headers: { 'content-type': 'application/octet-stream', 'x-file-name': 'rekaman.txt' } });
      expect((await upload()).status).toBe(200);
      const refused = await upload();
      expect(refused.status).toBe(413);
      expect(await refused.json()).toMatchObject({ ok: false, error: { text: { en: expect.stringMatching(/your uploads take 0\.6 MB of the 1 MB each user may keep \(0\.4 MB free\)/), id: expect.stringMatching(/memakai 0\.6 MB dari 1 MB/) } } });
    } finally {
      await stopCleanly(child);
    }
  }, 60_000);

  it('takes up after kill -9 the uploads its login sessions sent whole, and deletes an upload cut off midway', async () => {
    const env = serveEnv();
    addAccount('tono', 'Tono', 'sandi-tono-panjang');
    const port = await freePort();
    const cache = tempDir('tematik-serve-cache-');
    const uploads = path.join(cache, 'uploads');
    const serve = () => spawn(process.execPath, [BIN, 'serve', '--listen', `127.0.0.1:${port}`, '--cache', cache], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let child = serve();
    try {
      await waitFor(child, 'listening');
      const browser = new TeamBrowser(`http://127.0.0.1:${port}`);
      expect((await browser.login('tono', 'sandi-tono-panjang')).status).toBe(200);
      const { id: projectId } = await (await browser.request('POST', '/api/team/projects', { json: { name: 'Studi Tono' } })).json() as { id: number };
      const token = await browser.upload(fs.readFileSync(path.join(SAMPLE_STUDY, 'M-01_konsultan.txt')), 'M-01 konsultan.txt');
      // A second upload still coming in (64 KB of the 1 MB it announced) when the server is killed.
      const cut = http.request({ host: '127.0.0.1', port, path: '/api/team/uploads', method: 'POST', headers: {
        cookie: browser.cookie, origin: browser.origin, 'x-csrf-token': browser.csrf, 'content-type': 'application/octet-stream',
        'content-length': String(1024 * 1024), 'x-file-name': 'setengah.docx',
      } });
      cut.on('error', () => undefined);
      cut.write(Buffer.alloc(64 * 1024, 0x62));
      const half = await until(() => fs.readdirSync(uploads).find((entry) => {
        const file = path.join(uploads, entry, 'file', 'setengah.docx');
        return fs.existsSync(file) && fs.statSync(file).size > 0;
      }));
      // A publish cut off the same way leaves its part in the transfers folder.
      fs.writeFileSync(path.join(cache, 'transfers', 'setengah.tematik'), 'SQLite format 3');
      const killed = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await killed;
      expect(fs.readdirSync(uploads)).toHaveLength(2);

      child = serve();
      await waitFor(child, 'listening');
      expect(fs.readdirSync(uploads)).toEqual([token.slice('upload:'.length)]);
      expect(fs.existsSync(path.join(uploads, half))).toBe(false);
      expect(fs.readdirSync(path.join(cache, 'transfers'))).toEqual([]);
      // The login session outlived the server, and so did its whole upload: the token imports as before.
      const report = await browser.value<{ imported: { file: string }[] }>(projectId, 'import.files', { paths: [token] });
      expect(report.imported.map((d) => d.file)).toEqual(['M-01 konsultan.txt']);
    } finally {
      await stopCleanly(child);
    }
  }, 60_000);

  it('says what is missing instead of starting without a database', () => {
    const env: NodeJS.ProcessEnv = { ...process.env, TEMATIK_LANG: 'en' };
    delete env['TEMATIK_DATABASE'];
    const result = spawnSync(process.execPath, [BIN, 'serve'], { encoding: 'utf8', env });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--database');
    const badListen = spawnSync(process.execPath, [BIN, 'serve', '--database', database, '--listen', 'nowhere'], { encoding: 'utf8', env });
    expect(badListen.status).toBe(2);
    expect(badListen.stderr).toContain('--listen is HOST:PORT');
    const everywhere = spawnSync(process.execPath, [BIN, 'serve', '--database', database, '--listen', ':8080'], { encoding: 'utf8', env });
    expect(everywhere.status).toBe(2);
    expect(everywhere.stderr).toContain('needs --public-origin');
    const quota = spawnSync(process.execPath, [BIN, 'serve', '--database', database, '--upload-quota', 'banyak'], { encoding: 'utf8', env });
    expect(quota.status).toBe(2);
    expect(quota.stderr).toContain('--upload-quota is what one user\'s uploads may take at once, e.g. 2G, 500M or 1.5G, not "banyak".');
    const proxy = spawnSync(process.execPath, [BIN, 'serve', '--database', database, '--trust-proxy', '127.0.0.1, proxy.lan'], { encoding: 'utf8', env });
    expect(proxy.status).toBe(2);
    expect(proxy.stderr).toContain('--trust-proxy is the IP address of the reverse proxy in front of the server, or several separated by commas (e.g. 127.0.0.1 or 127.0.0.1,::1); "proxy.lan" is not an IP address.');
  });
});
