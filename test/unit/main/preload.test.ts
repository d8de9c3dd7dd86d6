import type { EventEmitter } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it, vi } from 'vitest';
import '../../../main/preload';
import type { TematikBridge } from '../../../src/api/bridge';

// The preload runs only inside Electron. Here 'electron' is replaced by a recorder of what the
// preload hands to contextBridge and ipcRenderer, so its shape and checks are tested without the binary.
const fake = vi.hoisted(() => ({ exposed: new Map<string, unknown>(), invoked: [] as unknown[][], ipc: null as unknown }));
vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  const ipc = Object.assign(new Emitter(), {
    invoke: (...args: unknown[]) => {
      fake.invoked.push(args);
      return Promise.resolve({ ok: true, value: null });
    },
  });
  fake.ipc = ipc;
  return { contextBridge: { exposeInMainWorld: (key: string, value: unknown) => fake.exposed.set(key, value) }, ipcRenderer: ipc };
});

describe('the preload bridge', () => {
  const bridge = () => fake.exposed.get('tematik') as TematikBridge;
  const ipc = () => fake.ipc as EventEmitter;

  it('exposes exactly invoke, cancel, on and openTeamServer under window.tematik, and not ipcRenderer', () => {
    expect([...fake.exposed.keys()]).toEqual(['tematik']);
    expect(Object.keys(bridge()).sort()).toEqual(['cancel', 'invoke', 'on', 'openTeamServer']);
    expect(Object.values(bridge()).every((value) => typeof value === 'function')).toBe(true);
  });

  it('sends every call on the one invoke channel and returns the Outcome', async () => {
    await expect(bridge().invoke('codes.create', { name: 'kepercayaan' })).resolves.toEqual({ ok: true, value: null });
    expect(fake.invoked).toEqual([['tematik:invoke', 'codes.create', { name: 'kepercayaan' }]]);
  });

  it('sends a cancel on its own channel, naming the job', async () => {
    fake.invoked.length = 0;
    await bridge().cancel('job-7');
    expect(fake.invoked).toEqual([['tematik:cancel', 'job-7']]);
  });

  it('sends a team server address on its own channel, for main to check', async () => {
    fake.invoked.length = 0;
    await bridge().openTeamServer('https://tematik.example.ac.id');
    expect(fake.invoked).toEqual([['tematik:open-team', 'https://tematik.example.ac.id']]);
  });

  it('forwards progress and menu events without the IPC event, and stops on unsubscribe', () => {
    const progress: unknown[][] = [];
    const menu: (readonly unknown[])[] = [];
    const offProgress = bridge().on('progress', (...args) => progress.push(args));
    const offMenu = bridge().on('menu', (...args) => menu.push(args));
    const crashed: unknown[][] = [];
    const offCrashed = bridge().on('crashed', (...args) => crashed.push(args));
    const notices: unknown[][] = [];
    const offNotice = bridge().on('notice', (...args) => notices.push(args));
    const ipcEvent = { sender: ipc() };
    ipc().emit('tematik:progress', ipcEvent, { done: 1, total: 4, label: 'K-01' });
    ipc().emit('tematik:menu', ipcEvent, 'open-path', '/data/umkm.tematik');
    ipc().emit('tematik:menu', ipcEvent, 'undo');
    ipc().emit('tematik:crashed', ipcEvent, { kind: 'worker_crashed', message: 'restarted' });
    expect(progress).toEqual([[{ done: 1, total: 4, label: 'K-01' }]]);
    expect(menu).toEqual([['open-path', '/data/umkm.tematik'], ['undo']]);
    expect(crashed).toEqual([[{ kind: 'worker_crashed', message: 'restarted' }]]);
    ipc().emit('tematik:notice', ipcEvent, { en: 'No backup today.', id: 'Tidak ada cadangan hari ini.' });
    expect(notices).toEqual([[{ en: 'No backup today.', id: 'Tidak ada cadangan hari ini.' }]]);
    offNotice();
    offProgress();
    offMenu();
    offCrashed();
    ipc().emit('tematik:progress', ipcEvent, { done: 2, total: 4, label: 'K-02' });
    expect(progress).toHaveLength(1);
    expect(ipc().listenerCount('tematik:progress') + ipc().listenerCount('tematik:menu')).toBe(0);
  });

  it('refuses other channels and listeners that are not functions', () => {
    // What untyped page code could pass.
    const on = bridge().on as (event: string, listener: unknown) => () => void;
    expect(() => on('tematik:invoke', () => undefined)).toThrow(/no "tematik:invoke" event/);
    expect(() => on('__proto__', () => undefined)).toThrow(/no "__proto__" event/);
    expect(() => on('progress', 'alert(1)')).toThrow(/must be a function/);
    expect(ipc().eventNames()).toEqual([]);
  });
});

describe('the compiled preload', () => {
  it('requires nothing but electron, as a sandboxed preload must', () => {
    const source = fs.readFileSync(path.resolve(__dirname, '../../../main/preload.ts'), 'utf8');
    const { outputText } = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2023 } });
    const required = [...outputText.matchAll(/require\(["']([^"']+)["']\)/g)].map((match) => match[1]);
    expect(required).toEqual(['electron']);
  });
});
