import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { threadId } from 'node:worker_threads';

/**
 * One writer per project file, across processes and machines.
 *
 * The lock is a small JSON file beside the project, `study.tematik.lock`. That name is visible
 * and ends in `.lock`: every sync tool (Dropbox, OneDrive, Google Drive, Syncthing) copies it to the
 * other machines, where a name starting with `~$` would be skipped by OneDrive, and the open dialog's
 * `*.tematik` filter never offers it as a project. It is created with an exclusive create (O_EXCL,
 * which network file systems honour), so of two openers exactly one wins.
 *
 * A crashed process cannot hold it forever: the owner rewrites it every HEARTBEAT_MS, and a lock
 * whose heartbeat is older than STALE_AFTER_MS is taken over. That works across machines, where a
 * pid means nothing; on the same host a lock whose process is gone is taken over at once.
 */

/** Which kind of Tematik holds the lock: it decides how the second opener is told. */
export type LockApp = 'window' | 'server' | 'cli';

/** Who holds a project for writing, as the lock file tells it. */
export interface LockHolder {
  readonly coder: string;
  /** ISO time the project was opened. */
  readonly since: string;
  readonly host: string;
  readonly pid: number;
  readonly app: LockApp;
}

interface LockContent extends LockHolder {
  /** Identifies one opening, so a process never releases or refreshes a lock it no longer owns. */
  readonly token: string;
  /** ISO time of the last heartbeat; with the file's mtime it says whether the owner is still there. */
  readonly heartbeat: string;
  /** The thread of the owning process that holds it (0: the main thread; the core's worker, src/host); absent in older locks. */
  readonly thread?: number;
}

export const HEARTBEAT_MS = 30_000;
/** Four missed heartbeats: room for a slow network folder and for clocks a minute apart. */
export const STALE_AFTER_MS = 120_000;

/** Tokens of the locks this process holds, so a lock naming our pid but not one of these is left over from an earlier process. */
const held = new Map<string, ProjectLock>();
let exitHookInstalled = false;
/** Threads of this process that ended without releasing their locks (a crashed worker): those locks are stale. */
const goneThreads = new Set<number>();

/** Tells this thread that other threads of the process have ended, so their locks can be taken over at once. */
export function forgetThreads(threads: Iterable<number>): void {
  for (const thread of threads) goneThreads.add(thread);
}

export const lockPathFor = (file: string): string => `${canonical(file)}.lock`;

/** The project's lock, held by this process until `release`. */
export class ProjectLock {
  private readonly timer: NodeJS.Timeout;
  private lastBeat = Date.now();
  private lost = false;

  private constructor(readonly path: string, private content: LockContent) {
    this.timer = setInterval(() => this.beat(), HEARTBEAT_MS).unref();
    held.set(content.token, this);
    if (!exitHookInstalled) {
      exitHookInstalled = true;
      // A normal exit (the CLI, a closed server) removes its locks; after a crash the heartbeat and pid checks free them.
      process.once('exit', () => { for (const lock of [...held.values()]) lock.release(); });
    }
  }

  /**
   * Takes the lock of `file` for writing, taking over a stale one. Returns the holder instead when
   * someone else has it. File system errors (a read-only folder, a full disk) are thrown as they are.
   */
  static acquire(file: string, who: { coder: string; app: LockApp }): ProjectLock | LockHolder {
    const lockPath = lockPathFor(file);
    for (let attempt = 0; attempt < 3; attempt++) {
      const now = new Date().toISOString();
      const content: LockContent = { coder: who.coder, since: now, host: os.hostname(), pid: process.pid, app: who.app, token: randomUUID(), heartbeat: now, thread: threadId };
      if (createExclusive(lockPath, JSON.stringify(content, null, 2))) return new ProjectLock(lockPath, content);
      const found = readLock(lockPath);
      if (!found) continue; // released between our create and our read: try again
      if (!isStale(found)) return holderOf(found);
      const stolen = takeOver(lockPath, found);
      if (stolen) return stolen;
    }
    // Three rounds lost to other openers of the same file at the same moment: one of them has it.
    const found = readLock(lockPath);
    return found ? holderOf(found) : holderOf({ content: null, mtimeMs: Date.now(), raw: '' });
  }

  /**
   * True while this process still owns the lock. Timers do not run while a laptop sleeps: when the
   * heartbeat fell behind, another machine may have taken the lock over meanwhile, so look.
   */
  stillHeld(now = Date.now()): boolean {
    if (this.lost) return false;
    if (now - this.lastBeat > HEARTBEAT_MS * 1.5) this.beat();
    return !this.lost;
  }

  release(): void {
    clearInterval(this.timer);
    held.delete(this.content.token);
    if (this.lost) return;
    this.lost = true;
    try {
      if (readLock(this.path)?.content?.token === this.content.token) fs.rmSync(this.path, { force: true });
    } catch {
      // The folder is gone or unreadable (a USB stick pulled out): the lock goes stale by itself.
    }
  }

  private beat(): void {
    if (this.lost) return;
    let current: FoundLock | null;
    try {
      current = readLock(this.path);
    } catch {
      // Unreadable this time (a network folder that hiccups): the next beat looks again.
      return;
    }
    if (current?.content?.token !== this.content.token) {
      // Taken over while we were away (asleep past STALE_AFTER_MS): never write over the new owner.
      this.lost = true;
      clearInterval(this.timer);
      held.delete(this.content.token);
      return;
    }
    this.content = { ...this.content, heartbeat: new Date().toISOString() };
    const temp = `${this.path}.${this.content.token}.tmp`;
    try {
      fs.writeFileSync(temp, JSON.stringify(this.content, null, 2));
      // A rename replaces the file in one step, so a reader never sees half a lock.
      fs.renameSync(temp, this.path);
      this.lastBeat = Date.now();
    } catch {
      // A full disk or a folder that just went away: the next beat tries again, and the lock only goes stale if they all fail.
      fs.rmSync(temp, { force: true });
    }
  }
}

/** Who holds `file` for writing now, or null when nobody does (or only a stale lock is left). */
export function lockHolder(file: string): LockHolder | null {
  try {
    const found = readLock(lockPathFor(file));
    return found && !isStale(found) ? holderOf(found) : null;
  } catch {
    // A lock we may not read names no one we could tell about.
    return null;
  }
}

interface FoundLock {
  /** Null when the file is not a lock we can read (being written this instant, or damaged). */
  readonly content: LockContent | null;
  readonly mtimeMs: number;
  readonly raw: string;
}

function readLock(lockPath: string): FoundLock | null {
  let raw: string;
  let mtimeMs: number;
  try {
    mtimeMs = fs.statSync(lockPath).mtimeMs;
    raw = fs.readFileSync(lockPath, 'utf8');
  } catch (error) {
    if (isCode(error, 'ENOENT')) return null;
    throw error;
  }
  return { content: parseLock(raw), mtimeMs, raw };
}

function parseLock(raw: string): LockContent | null {
  try {
    const value = JSON.parse(raw) as Partial<LockContent>;
    const ok = typeof value.token === 'string' && typeof value.coder === 'string' && typeof value.since === 'string' && typeof value.host === 'string'
      && typeof value.pid === 'number' && (value.app === 'window' || value.app === 'server' || value.app === 'cli') && typeof value.heartbeat === 'string';
    return ok ? value as LockContent : null;
  } catch {
    return null;
  }
}

function isStale({ content, mtimeMs }: FoundLock, now = Date.now()): boolean {
  const heartbeat = Math.max(mtimeMs, content ? Date.parse(content.heartbeat) || 0 : 0);
  if (now - heartbeat > STALE_AFTER_MS) return true;
  if (!content || content.host !== os.hostname()) return false;
  // Another thread of this process keeps its own `held`: its lock is live until the thread is known gone.
  if (content.pid === process.pid && content.thread !== undefined && content.thread !== threadId) return goneThreads.has(content.thread);
  // Our own pid: live only if this process holds that very lock (another Session in this process).
  if (content.pid === process.pid) return !held.has(content.token);
  return !processAlive(content.pid);
}

/**
 * Moves a stale lock aside and removes it. Returns the holder when what got moved was in fact a
 * fresh lock another opener made in between (it is put back), otherwise null: try creating again.
 */
function takeOver(lockPath: string, stale: FoundLock): LockHolder | null {
  const aside = `${lockPath}.${randomUUID()}.stale`;
  try {
    fs.renameSync(lockPath, aside);
  } catch (error) {
    if (isCode(error, 'ENOENT')) return null;
    throw error;
  }
  const moved = readLock(aside);
  fs.rmSync(aside, { force: true });
  if (moved && moved.raw !== stale.raw && !isStale(moved)) {
    createExclusive(lockPath, moved.raw);
    return holderOf(moved);
  }
  return null;
}

/** Creates the file only if it does not exist; false when it does. A create that fails half way leaves nothing behind. */
function createExclusive(file: string, text: string): boolean {
  let fd: number;
  try {
    fd = fs.openSync(file, 'wx');
  } catch (error) {
    if (isCode(error, 'EEXIST')) return false;
    throw error;
  }
  try {
    fs.writeFileSync(fd, text);
    fs.fsyncSync(fd);
  } catch (error) {
    fs.closeSync(fd);
    fs.rmSync(file, { force: true });
    throw error;
  }
  fs.closeSync(fd);
  return true;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return isCode(error, 'EPERM');
  }
}

/** The holder a lock names; for one being written this very instant, or one we cannot parse, someone unnamed since its mtime. */
function holderOf({ content, mtimeMs }: FoundLock): LockHolder {
  if (!content) return { coder: '', since: new Date(mtimeMs).toISOString(), host: '', pid: 0, app: 'window' };
  const { coder, since, host, pid, app } = content;
  return { coder, since, host, pid, app };
}

/** The same lock for every path that names the file: relative, through a symlink,. */
function canonical(file: string): string {
  const resolved = path.resolve(file);
  try {
    return fs.realpathSync.native(resolved);
  } catch {
    try {
      return path.join(fs.realpathSync.native(path.dirname(resolved)), path.basename(resolved));
    } catch {
      return resolved;
    }
  }
}

function isCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code;
}
