import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { localClient } from '../../src/api/client';
import { startWebServer } from '../../src/server/web-server';
import { lockPathFor, STALE_AFTER_MS } from '../../src/store/lock';
import { sampleProjectFile } from '../helpers/project-files';
import { tempDir } from '../helpers/temp-project';
import { refused } from '../helpers/refused';

/** The built core and CLI, as another Tematik process runs them (npm test builds them first). */
const DIST = path.resolve(__dirname, '../../dist/src');
const BIN = path.join(DIST, 'cli/tematik.js');
const SQLITE = require.resolve('better-sqlite3');

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

/** Starts a node process running `script`; resolves once it prints `ready`. */
async function processRunning(script: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let err = '';
  child.stderr!.on('data', (chunk: Buffer) => { err += chunk.toString(); });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => { if (chunk.toString().includes('ready')) resolve(); });
    child.once('exit', (code) => reject(new Error(`the other process ended (${code}) before it was ready: ${err}`)));
  });
  return child;
}

/** Another Tematik (a window, a browser-mode server, the CLI) with the project open for writing, until killed. */
function tematikHolding(file: string, coder: string, kind: 'electron' | 'browser' | 'cli'): Promise<ChildProcess> {
  return processRunning(`
    const { localClient } = require(${JSON.stringify(path.join(DIST, 'api/client.js'))});
    const client = localClient({ coder: ${JSON.stringify(coder)}, host: { kind: ${JSON.stringify(kind)} } });
    process.on('SIGTERM', () => { client.session.close(); process.exit(0); });
    client.invoke('project.open', { path: ${JSON.stringify(file)} }).then(() => process.stdout.write('ready\\n'), (e) => { process.stderr.write(e.message); process.exit(3); });
    setInterval(() => undefined, 1 << 30);
  `);
}

/** A program outside Tematik (an SQLite browser, a backup tool) holding a write transaction on the file for `ms`. */
function sqliteWriterHolding(file: string, ms: number): Promise<ChildProcess> {
  return processRunning(`
    const Database = require(${JSON.stringify(SQLITE)});
    const db = new Database(${JSON.stringify(file)});
    db.exec("BEGIN IMMEDIATE; UPDATE project SET description = 'diubah di luar Tematik' WHERE id = 1");
    process.stdout.write('ready\\n');
    setTimeout(() => { db.exec('COMMIT'); db.close(); process.exit(0); }, ${ms});
  `);
}

const exited = (child: ChildProcess) => new Promise<void>((resolve) => { if (child.exitCode !== null || child.signalCode !== null) resolve(); else child.once('exit', () => resolve()); });

function tematik(...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, TEMATIK_CODER: 'Peneliti CLI', TEMATIK_LANG: 'en' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}


describe('two Tematik processes on one project file', () => {
  let healthy: string;
  beforeAll(async () => {
    if (!fs.existsSync(BIN)) throw new Error(`${BIN} is missing: run "npm run build:core" first (npm test does).`);
    healthy = await sampleProjectFile();
  }, 60_000);

  const copy = () => {
    const file = path.join(tempDir(), 'study.tematik');
    fs.copyFileSync(healthy, file);
    return file;
  };

  it('refuses the second writer, naming who has it since when; it may open read-only and cannot write', async () => {
    const file = copy();
    await tematikHolding(file, 'Rina', 'electron');
    const client = localClient({ coder: 'Peneliti B' });
    const error = await refused(client.invoke('project.open', { path: file }));
    expect(error.kind).toBe('locked');
    expect(error.message).toMatch(/^This project is open in another Tematik window \(since \d\d:\d\d, by Rina, on this computer\)\. Open it read-only to read and export, or close it there first\.$/);
    expect(error.text?.id).toMatch(/^Proyek ini sedang dibuka di jendela Tematik lain \(sejak \d\d\.\d\d, oleh Rina, di komputer ini\)\./);
    expect(client.session.isOpen).toBe(false);

    const info = await client.invoke('project.open', { path: file, readOnly: true });
    expect(info.readOnly).toBe('locked');
    expect(info.notices[0]?.en).toMatch(/study\.tematik is open read-only: it is open in another Tematik window \(since \d\d:\d\d, by Rina, on this computer\)/);
    expect(await client.invoke('documents.list', {})).toHaveLength(11);
    const write = await refused(client.invoke('codes.create', { name: 'baru' }));
    expect(write.kind).toBe('read_only');
    expect(write.message).toMatch(/study\.tematik is open read-only because it is open for writing in another Tematik window or by the command line: this change was not made\. Close it there, then open it again here\./);
    expect(write.text?.id).toMatch(/perubahan ini tidak dilakukan/);
    client.session.close();
  });

  it('refuses the command line while the app writes, and lets commands that only read run with --read-only', async () => {
    const file = copy();
    await tematikHolding(file, 'Rina', 'browser');
    const list = tematik('list', file, 'codes');
    expect(list.code).toBe(1);
    expect(list.stderr).toMatch(/This project is open in Tematik in a web browser \(browser mode\) \(since \d\d:\d\d, by Rina, on this computer\)/);
    expect(list.stderr).toMatch(/Commands that only read .* add --read-only\./);
    const readOnly = tematik('list', file, 'codes', '--read-only');
    expect(readOnly.code, readOnly.stderr).toBe(0);
    expect(readOnly.stdout).toMatch(/kolaborasi/);
    expect(readOnly.stderr).toMatch(/note: study\.tematik is open read-only: it is open in Tematik in a web browser/);
    expect(tematik('import', file, '--folder', tempDir(), '--read-only')).toMatchObject({ code: 2, stderr: expect.stringMatching(/--read-only goes with commands that only read/) });
    const write = tematik('call', file, 'codes.create', '{"name": "dari CLI"}', '--read-only');
    expect(write.code).toBe(1);
    expect(write.stderr).toMatch(/this change was not made/);
  });

  it('takes over the lock of a Tematik that crashed, and releases its own on close', async () => {
    const file = copy();
    const crashed = await tematikHolding(file, 'Rina', 'cli');
    expect(JSON.parse(fs.readFileSync(lockPathFor(file), 'utf8'))).toMatchObject({ coder: 'Rina', pid: crashed.pid, app: 'cli' });
    crashed.kill('SIGKILL');
    await exited(crashed);
    // Killed outright, it had no chance to remove its lock: the dead pid says it is stale.
    expect(fs.existsSync(lockPathFor(file))).toBe(true);
    const client = localClient({ coder: 'Peneliti B' });
    expect((await client.invoke('project.open', { path: file })).readOnly).toBeNull();
    expect(JSON.parse(fs.readFileSync(lockPathFor(file), 'utf8'))).toMatchObject({ coder: 'Peneliti B', pid: process.pid });
    await client.invoke('codes.create', { name: 'setelah crash' });
    client.session.close();
    expect(fs.existsSync(lockPathFor(file))).toBe(false);
  });

  it('lets the next writer in as soon as the first closes the project', async () => {
    const file = copy();
    const first = await tematikHolding(file, 'Rina', 'electron');
    expect(tematik('stats', file).code).toBe(1);
    first.kill('SIGTERM');
    await exited(first);
    expect(fs.existsSync(lockPathFor(file))).toBe(false);
    expect(tematik('call', file, 'codes.create', '{"name": "giliran CLI"}').code).toBe(0);
  });

  it('respects a lock from another computer while its heartbeat goes on, and takes it over once it stopped', () => {
    const file = copy();
    const write = (ageMs: number) => {
      const at = new Date(Date.now() - ageMs);
      fs.writeFileSync(lockPathFor(file), JSON.stringify({ coder: 'Rina', since: at.toISOString(), host: 'LAPTOP-2', pid: 1, app: 'window', token: 't', heartbeat: at.toISOString() }));
      fs.utimesSync(lockPathFor(file), at, at);
    };
    write(10_000);
    expect(tematik('stats', file)).toMatchObject({ code: 1, stderr: expect.stringMatching(/by Rina, on LAPTOP-2\)/) });
    write(STALE_AFTER_MS + 30_000);
    expect(tematik('stats', file)).toMatchObject({ code: 0 });
    expect(fs.existsSync(lockPathFor(file))).toBe(false);
  });
});

describe('a project another program is writing to', () => {
  const staticDir = tempDir('tematik-static-');
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Tematik</title>');

  async function serve(file: string, busyPatienceMs?: number) {
    const server = await startWebServer({ staticDir, coder: 'Peneliti Web', host: { kind: 'browser', dataDir: tempDir() }, project: file, ...(busyPatienceMs ? { busyPatienceMs } : {}) });
    const origin = new URL(server.url).origin;
    const call = async (name: string, args: unknown) => {
      const response = await fetch(`${origin}/api/invoke`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-tematik-token': server.token }, body: JSON.stringify({ name, args }) });
      return (await response.json()) as { ok: boolean; value?: unknown; error?: { kind: string; message: string } };
    };
    return { server, call };
  }

  it('waits for its write without stalling the server: another request is answered meanwhile, the write goes through after', async () => {
    const file = await sampleProjectFile();
    const { server, call } = await serve(file);
    try {
      // The reader running, as it is once a read has waited behind a change (its lazy start: test/integration/host/worker-host.test.ts).
      await server.host.readerFollows();
      const outside = await sqliteWriterHolding(file, 3000);
      const began = performance.now();
      let writeDone = 0;
      const write = call('codes.create', { name: 'menunggu giliran' }).then((outcome) => { writeDone = performance.now(); return outcome; });
      await new Promise((resolve) => setTimeout(resolve, 300));
      const readStarted = performance.now();
      const read = await call('codes.list', {});
      const readTook = performance.now() - readStarted;
      expect(read.ok).toBe(true);
      expect(writeDone).toBe(0);
      // SQLite blocks for at most its 100 ms busy timeout at a time; the rest of the wait is asynchronous.
      expect(readTook).toBeLessThan(500);
      expect(await write).toMatchObject({ ok: true, value: { name: 'menunggu giliran' } });
      expect(writeDone - began).toBeGreaterThan(2000);
      await exited(outside);
      expect((await call('project.info', {})).value).toMatchObject({ description: 'diubah di luar Tematik' });
    } finally {
      await server.close();
    }
  });

  it('says the project is busy, not "unexpected error", when the other program holds on too long, and changes nothing', async () => {
    const file = await sampleProjectFile();
    const { server, call } = await serve(file, 1000);
    try {
      const outside = await sqliteWriterHolding(file, 3000);
      const write = call('codes.create', { name: 'tidak jadi' });
      const read = await call('documents.list', {});
      expect(read.ok).toBe(true);
      expect(await write).toEqual({ ok: false, error: expect.objectContaining({
        kind: 'busy', message: 'The project is busy: another Tematik window or the command line is writing to it. Try again in a moment.',
        text: expect.objectContaining({ id: expect.stringMatching(/^Proyek sedang sibuk/) }),
      }) });
      await exited(outside);
      expect(((await call('codes.list', {})).value as { name: string }[]).map((c) => c.name)).toEqual(['kolaborasi']);
    } finally {
      await server.close();
    }
  });
});
