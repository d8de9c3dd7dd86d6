import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { forgetThreads, lockHolder, lockPathFor, ProjectLock, STALE_AFTER_MS } from '../../../src/store/lock';
import { tempDir } from '../../helpers/temp-project';

const project = () => path.join(tempDir(), 'study.tematik');

/** A lock file as another Tematik would have left it. */
function foreignLock(file: string, fields: { coder?: string; host?: string; pid?: number; app?: string; ageMs?: number; thread?: number }): void {
  const at = new Date(Date.now() - (fields.ageMs ?? 0));
  const lock = lockPathFor(file);
  fs.writeFileSync(lock, JSON.stringify({
    coder: fields.coder ?? 'Rina', since: at.toISOString(), host: fields.host ?? 'LAPTOP-2', pid: fields.pid ?? 4242,
    app: fields.app ?? 'window', token: 'their-token', heartbeat: at.toISOString(), ...(fields.thread !== undefined ? { thread: fields.thread } : {}),
  }));
  fs.utimesSync(lock, at, at);
}

/** The pid of a process that has exited: nobody holds it now. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

describe('the project lock', () => {
  it('is a file beside the project naming who holds it, removed on release', () => {
    const file = project();
    const lock = ProjectLock.acquire(file, { coder: 'Peneliti A', app: 'window' });
    expect(lock).toBeInstanceOf(ProjectLock);
    expect(lockPathFor(file)).toBe(`${fs.realpathSync(path.dirname(file))}${path.sep}study.tematik.lock`);
    const written = JSON.parse(fs.readFileSync(lockPathFor(file), 'utf8')) as Record<string, unknown>;
    expect(written).toMatchObject({ coder: 'Peneliti A', host: os.hostname(), pid: process.pid, app: 'window' });
    expect(Date.parse(written['since'] as string)).toBeGreaterThan(Date.now() - 60_000);
    (lock as ProjectLock).release();
    expect(fs.existsSync(lockPathFor(file))).toBe(false);
  });

  it('refuses a second opener, in this process too, and names the holder', () => {
    const file = project();
    const first = ProjectLock.acquire(file, { coder: 'Peneliti A', app: 'server' }) as ProjectLock;
    const second = ProjectLock.acquire(file, { coder: 'Peneliti B', app: 'cli' });
    expect(second).not.toBeInstanceOf(ProjectLock);
    expect(second).toMatchObject({ coder: 'Peneliti A', app: 'server', host: os.hostname(), pid: process.pid });
    expect(lockHolder(file)).toMatchObject({ coder: 'Peneliti A' });
    first.release();
    expect(lockHolder(file)).toBeNull();
    const third = ProjectLock.acquire(file, { coder: 'Peneliti B', app: 'cli' });
    expect(third).toBeInstanceOf(ProjectLock);
    (third as ProjectLock).release();
  });

  it('refuses while another machine keeps its heartbeat, whatever its pid', () => {
    const file = project();
    foreignLock(file, { host: 'LAPTOP-2', pid: deadPid(), ageMs: 20_000 });
    expect(ProjectLock.acquire(file, { coder: 'Peneliti A', app: 'window' })).toMatchObject({ coder: 'Rina', host: 'LAPTOP-2' });
    expect(JSON.parse(fs.readFileSync(lockPathFor(file), 'utf8'))).toMatchObject({ token: 'their-token' });
  });

  it('takes over a lock whose heartbeat stopped, from any machine', () => {
    const file = project();
    foreignLock(file, { host: 'LAPTOP-2', ageMs: STALE_AFTER_MS + 60_000 });
    const lock = ProjectLock.acquire(file, { coder: 'Peneliti A', app: 'window' });
    expect(lock).toBeInstanceOf(ProjectLock);
    expect(JSON.parse(fs.readFileSync(lockPathFor(file), 'utf8'))).toMatchObject({ coder: 'Peneliti A', pid: process.pid });
    (lock as ProjectLock).release();
  });

  it('takes over at once a lock of this computer whose process is gone', () => {
    const file = project();
    foreignLock(file, { host: os.hostname(), pid: deadPid(), ageMs: 1000 });
    const lock = ProjectLock.acquire(file, { coder: 'Peneliti A', app: 'cli' });
    expect(lock).toBeInstanceOf(ProjectLock);
    (lock as ProjectLock).release();
  });

  it('takes over a lock naming this very process that it does not hold: left by an earlier process with the same pid', () => {
    const file = project();
    foreignLock(file, { host: os.hostname(), pid: process.pid, ageMs: 1000 });
    const lock = ProjectLock.acquire(file, { coder: 'Peneliti A', app: 'cli' });
    expect(lock).toBeInstanceOf(ProjectLock);
    (lock as ProjectLock).release();
  });

  it('leaves a lock held by another thread of this process (the core\'s worker) until that thread is known gone', () => {
    const file = project();
    foreignLock(file, { host: os.hostname(), pid: process.pid, ageMs: 1000, thread: 9999 });
    expect(ProjectLock.acquire(file, { coder: 'Peneliti A', app: 'cli' })).toMatchObject({ coder: 'Rina', pid: process.pid });
    forgetThreads([9999]);
    const lock = ProjectLock.acquire(file, { coder: 'Peneliti A', app: 'cli' });
    expect(lock).toBeInstanceOf(ProjectLock);
    (lock as ProjectLock).release();
  });

  it('treats a lock it cannot read as held while its file is fresh, and as stale once old', () => {
    const file = project();
    fs.writeFileSync(lockPathFor(file), '{"coder": "Ri');
    expect(ProjectLock.acquire(file, { coder: 'Peneliti A', app: 'window' })).toMatchObject({ coder: '', host: '' });
    const old = new Date(Date.now() - STALE_AFTER_MS - 60_000);
    fs.utimesSync(lockPathFor(file), old, old);
    const lock = ProjectLock.acquire(file, { coder: 'Peneliti A', app: 'window' });
    expect(lock).toBeInstanceOf(ProjectLock);
    (lock as ProjectLock).release();
  });

  it('knows, after the process slept, that another machine took the lock over, and then leaves it alone', () => {
    const file = project();
    const lock = ProjectLock.acquire(file, { coder: 'Peneliti A', app: 'window' }) as ProjectLock;
    expect(lock.stillHeld()).toBe(true);
    // While this laptop slept, the heartbeat went stale and a colleague's Tematik took the project.
    fs.rmSync(lockPathFor(file));
    foreignLock(file, { host: 'LAPTOP-2' });
    expect(lock.stillHeld()).toBe(true); // no heartbeat missed yet: not worth a look
    expect(lock.stillHeld(Date.now() + STALE_AFTER_MS)).toBe(false);
    lock.release();
    expect(JSON.parse(fs.readFileSync(lockPathFor(file), 'utf8'))).toMatchObject({ coder: 'Rina', token: 'their-token' });
  });

  it('is the same lock for every path that names the project', () => {
    const file = project();
    const link = path.join(tempDir(), 'shortcut.tematik');
    fs.writeFileSync(file, '');
    fs.symlinkSync(file, link);
    const lock = ProjectLock.acquire(file, { coder: 'Peneliti A', app: 'window' }) as ProjectLock;
    expect(ProjectLock.acquire(link, { coder: 'Peneliti B', app: 'window' })).toMatchObject({ coder: 'Peneliti A' });
    const relative = path.relative(process.cwd(), file);
    expect(ProjectLock.acquire(relative, { coder: 'Peneliti B', app: 'window' })).toMatchObject({ coder: 'Peneliti A' });
    lock.release();
  });
});
