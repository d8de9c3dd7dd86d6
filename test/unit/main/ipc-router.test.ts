import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CHANNELS, createCancelHandler, createInvokeHandler, isTrustedSender, type InvokeEvent } from '../../../main/ipc-router';
import type { ActionName } from '../../../src/api/contract';
import { WorkerHost } from '../../../src/host/worker-host';
import { SAMPLE_STUDY, tempDir } from '../../helpers/temp-project';

/** A stand-in for Electron's IpcMainInvokeEvent: a frame URL and a sender that records what it is sent. */
function event(url: string | null, options: { subframe?: boolean; destroyed?: boolean } = {}) {
  const sent: [string, unknown[]][] = [];
  const value: InvokeEvent = {
    senderFrame: url === null ? null : { url, parent: options.subframe ? { url: 'tematik://app/index.html' } : null },
    sender: { send: (channel, ...args) => sent.push([channel, args]), isDestroyed: () => options.destroyed ?? false },
  };
  return { event: value, sent };
}

const opened: { host: WorkerHost; dir: string }[] = [];
async function openSession(): Promise<{ host: WorkerHost; file: string }> {
  const dir = tempDir();
  const file = path.join(dir, 'study.tematik');
  const host = new WorkerHost({ coder: 'x', host: { kind: 'electron' } });
  opened.push({ host, dir });
  expect((await host.invoke('project.create', { path: file })).ok).toBe(true);
  return { host, file };
}

afterEach(async () => {
  for (const { host, dir } of opened.splice(0)) {
    await host.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

describe('the sender check', () => {
  it('accepts only the top frame of a page from tematik://app', () => {
    expect(isTrustedSender(event('tematik://app/index.html').event)).toBe(true);
    expect(isTrustedSender(event('tematik://app/index.html#/codes?x=1').event)).toBe(true);
    for (const url of [
      'tematik://app.evil.example/index.html', 'tematik://evil/index.html', 'tematik://app:8080/index.html', 'tematik://user@app/index.html',
      'https://app/index.html', 'http://127.0.0.1:5173/', 'file:///work/main/dist/renderer/index.html', 'about:blank', 'devtools://devtools/', '', 'not a url',
    ]) {
      expect(isTrustedSender(event(url).event), url).toBe(false);
    }
    expect(isTrustedSender(event('tematik://app/index.html', { subframe: true }).event)).toBe(false);
    expect(isTrustedSender(event(null).event)).toBe(false);
  });
});

describe('the tematik:invoke handler', () => {
  it('runs a call from our page through the contract and returns the Outcome', async () => {
    const { host, file } = await openSession();
    const settled: ActionName[] = [];
    const handle = createInvokeHandler({ host, onSettled: (name) => settled.push(name) });
    const outcome = await handle(event('tematik://app/index.html').event, 'project.info', {});
    expect(outcome.ok).toBe(true);
    expect(outcome.ok && (outcome.value as { path: string }).path).toBe(file);
    const created = await handle(event('tematik://app/index.html').event, 'codes.create', { name: 'kepercayaan' });
    expect(created.ok).toBe(true);
    expect(await host.invoke('codes.list', {})).toMatchObject({ ok: true, value: [{ name: 'kepercayaan' }] });
    expect(settled).toEqual(['project.info', 'codes.create']);
  });

  it('returns errors as values, never throwing across IPC', async () => {
    const { host } = await openSession();
    const settled: ActionName[] = [];
    const handle = createInvokeHandler({ host, onSettled: (name) => settled.push(name) });
    const from = () => event('tematik://app/index.html').event;
    await expect(handle(from(), 'codes.explode', {})).resolves.toMatchObject({ ok: false, error: { kind: 'unknown_action' } });
    await expect(handle(from(), { toString: () => 'project.close' }, {})).resolves.toMatchObject({ ok: false, error: { kind: 'unknown_action' } });
    await expect(handle(from(), 'codes.create', { name: '' })).resolves.toMatchObject({ ok: false, error: { kind: 'invalid_args' } });
    await expect(handle(from(), 'documents.get', { id: 99 })).resolves.toMatchObject({ ok: false, error: { kind: 'not_found' } });
    // A failing onSettled (say, the menu) does not turn a done action into an error.
    const logged: string[] = [];
    const fragile = createInvokeHandler({ host, onSettled: () => { throw new Error('menu broke'); }, log: (m) => logged.push(m) });
    await expect(fragile(from(), 'codes.list', {})).resolves.toEqual({ ok: true, value: [] });
    expect(logged).toEqual([expect.stringMatching(/after codes.list failed: Error: menu broke/)]);
    expect(settled).toEqual(['codes.create', 'documents.get']);
  });

  it('refuses calls from any other frame before touching the project', async () => {
    const { host } = await openSession();
    const refused: string[] = [];
    const settled: ActionName[] = [];
    const handle = createInvokeHandler({ host, log: (m) => refused.push(m), onSettled: (name) => settled.push(name) });
    for (const { event: from } of [event('https://evil.example/'), event('tematik://app/index.html', { subframe: true }), event(null)]) {
      const outcome = await handle(from, 'project.close', {});
      expect(outcome).toMatchObject({ ok: false, error: { message: expect.stringMatching(/did not come from a Tematik window/) } });
    }
    expect(host.project).not.toBeNull();
    expect(refused).toEqual([
      'Tematik refused a call of project.close from https://evil.example/.',
      'Tematik refused a call of project.close from tematik://app/index.html.',
      'Tematik refused a call of project.close from a frame that is gone.',
    ]);
    expect(settled).toEqual([]);
  });

  it('sends progress to the calling page, and not to a page that is gone', async () => {
    const { host } = await openSession();
    const handle = createInvokeHandler({ host });
    const transcript = path.join(SAMPLE_STUDY, fs.readdirSync(SAMPLE_STUDY).find((f) => f.endsWith('.txt')) ?? '');
    const live = event('tematik://app/index.html');
    const outcome = await handle(live.event, 'import.files', { paths: [transcript] });
    expect(outcome.ok).toBe(true);
    expect(live.sent.length).toBeGreaterThan(0);
    for (const [channel, [progress, job]] of live.sent) {
      expect(channel).toBe(CHANNELS.progress);
      expect(progress).toMatchObject({ done: expect.any(Number), total: expect.any(Number), label: expect.any(String) });
      expect(job).toEqual(expect.any(String));
    }

    const gone = event('tematik://app/index.html', { destroyed: true });
    const other = fs.readdirSync(SAMPLE_STUDY).filter((f) => f.endsWith('.txt'))[1] ?? '';
    expect((await handle(gone.event, 'import.files', { paths: [path.join(SAMPLE_STUDY, other)] })).ok).toBe(true);
    expect(gone.sent).toEqual([]);
  });

  it('cancels a job for our page only', async () => {
    const { host } = await openSession();
    const refused: string[] = [];
    const cancel = createCancelHandler({ host, log: (m) => refused.push(m) });
    const folder = tempDir();
    for (let i = 0; i < 40; i++) fs.writeFileSync(path.join(folder, `w-${i}.txt`), Array.from({ length: 200 }, (_, t) => `${t % 2 ? 'Informan' : 'Pewawancara'}: kopi ${i} ${t}.`).join('\n\n'));
    const jobs: string[] = [];
    const importing = host.invoke('import.folder', { folder }, { onProgress: (_p, job) => {
      if (jobs.length === 0) {
        expect(cancel(event('https://evil.example/').event, job)).toBe(false);
        expect(cancel(event('tematik://app/index.html').event, job)).toBe(true);
      }
      jobs.push(job);
    } });
    expect(await importing).toMatchObject({ ok: false, error: { kind: 'cancelled' } });
    expect(refused).toEqual(['Tematik refused to cancel a job for https://evil.example/.']);
    expect(cancel(event('tematik://app/index.html').event, 42)).toBe(false);
  });
});
