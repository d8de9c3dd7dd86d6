import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ActionName, Outcome } from '../../../src/api/contract';
import { Session } from '../../../src/api/session';
import { WorkerHost, type CrashNotice, type WorkerHostOptions } from '../../../src/host/worker-host';
import type { LocalizedText } from '../../../src/domain/text';
import { backupFolder, listBackups } from '../../../src/store/backup';
import { tempDir } from '../../helpers/temp-project';

const hosts: WorkerHost[] = [];
afterEach(async () => {
  await Promise.all(hosts.splice(0).map((h) => h.close()));
});

function startHost(options: Partial<WorkerHostOptions> = {}): WorkerHost {
  const host = new WorkerHost({ coder: 'Peneliti A', host: { kind: 'browser', dataDir: tempDir() }, ...options });
  hosts.push(host);
  return host;
}

/** The value of a successful call; a failed one fails the test with its message. */
async function value<T = unknown>(outcome: Promise<Outcome<ActionName>>): Promise<T> {
  const settled = await outcome;
  if (!settled.ok) throw new Error(`${settled.error.kind}: ${settled.error.message}`);
  return settled.value as T;
}

async function newProject(host: WorkerHost): Promise<string> {
  const file = path.join(tempDir(), 'study.tematik');
  await value(host.invoke('project.create', { path: file, name: 'Host study' }));
  return file;
}

/** A folder of transcripts big enough that importing it takes a while: `count` interviews of two speakers. */
function transcriptFolder(count: number, turns = 200): string {
  const dir = tempDir();
  const words = ['warung', 'kopi', 'pelanggan', 'harga', 'instagram', 'kualitas', 'pesanan', 'resep', 'kemasan', 'komunitas'];
  for (let i = 0; i < count; i++) {
    const lines: string[] = [];
    for (let t = 0; t < turns; t++) {
      const said = Array.from({ length: 12 }, (_, w) => words[(i * 7 + t * 3 + w) % words.length]).join(' ');
      lines.push(`${t % 2 === 0 ? 'Pewawancara' : `Informan ${i}`}: ${said} nomor ${i}-${t}.`);
    }
    fs.writeFileSync(path.join(dir, `wawancara-${String(i).padStart(3, '0')}.txt`), lines.join('\n\n'));
  }
  return dir;
}

/** Every row of every table, in a stable order: "the project is exactly as before" made checkable. */
function dump(file: string): Record<string, unknown[]> {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    // Virtual tables (the full-text index) are compared through the shadow tables that hold their rows.
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name").pluck().all() as string[];
    return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT * FROM "${t}"`).all().map((row) => JSON.stringify(row)).sort()]));
  } finally {
    db.close();
  }
}

describe('the worker host', () => {
  it('applies changes sent at once in the order they arrived', async () => {
    const host = startHost();
    await newProject(host);
    const names = ['A', 'B', 'C', 'D', 'E', 'F'];
    const created = await Promise.all(names.map((name) => value<{ id: number; name: string }>(host.invoke('codes.create', { name }))));
    expect(created.map((c) => c.name)).toEqual(names);
    const ids = created.map((c) => c.id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    const audit = await value<{ action: string; summary: string }[]>(host.invoke('audit.list', {}));
    const order = audit.filter((a) => a.action === 'codes.create').map((a) => a.summary).reverse();
    expect(order).toEqual(names.map((n) => `Create code "${n}"`));
  });

  it('answers a read while a long import runs, from the committed state', async () => {
    const host = startHost();
    await newProject(host);
    await value(host.invoke('codes.create', { name: 'sebelum' }));
    const folder = transcriptFolder(150);
    await host.readerFollows();
    let importDone = false;
    let firstProgress!: () => void;
    const started = new Promise<void>((resolve) => { firstProgress = resolve; });
    const importing = host.invoke('import.folder', { folder }, { onProgress: () => firstProgress() }).then((outcome) => { importDone = true; return outcome; });
    await started;
    const codes = await value<{ name: string }[]>(host.invoke('codes.list', {}));
    const documents = await value<unknown[]>(host.invoke('documents.list', {}));
    expect(importDone).toBe(false);
    expect(codes.map((c) => c.name)).toEqual(['sebelum']);
    expect(documents).toEqual([]);
    expect((await importing).ok).toBe(true);
    expect(await value<unknown[]>(host.invoke('documents.list', {}))).toHaveLength(150);
  });

  it('cancels an import after it started and leaves every table as it was', async () => {
    const host = startHost();
    const file = await newProject(host);
    await value(host.invoke('codes.create', { name: 'kolaborasi' }));
    const before = dump(file);
    expect(Object.keys(before)).toEqual(expect.arrayContaining(['audit_log', 'codings', 'documents', 'history_steps', 'search_units']));
    expect(before['codes']).toHaveLength(1);
    const folder = transcriptFolder(120);
    const progress: number[] = [];
    const outcome = await host.invoke('import.folder', { folder }, {
      job: 'big-import',
      onProgress: (p, job) => {
        progress.push(p.done);
        if (progress.length === 3) expect(host.cancel(job)).toBe(true);
      },
    });
    expect(outcome).toMatchObject({ ok: false, error: { kind: 'cancelled', text: { en: 'Cancelled: nothing was changed.' } } });
    expect(progress.length).toBeGreaterThanOrEqual(3);
    expect(dump(file)).toEqual(before);
    expect(await value<unknown[]>(host.invoke('documents.list', {}))).toEqual([]);
    expect(host.cancel('big-import')).toBe(false);
  });

  it('cancels an import while it refreshes the search index, after its last document was saved', async () => {
    const host = startHost();
    const file = await newProject(host);
    // The project's first change: the coder's own row goes back with it.
    const before = dump(file);
    const folder = transcriptFolder(120);
    // The last report before the index refresh that ends the import's transaction.
    const outcome = await host.invoke('import.folder', { folder }, { onProgress: (p, job) => { if (p.done === p.total - 1) host.cancel(job); } });
    expect(outcome).toMatchObject({ ok: false, error: { kind: 'cancelled' } });
    expect(dump(file)).toEqual(before);
  });

  it('cancels a search-to-code that has not started yet, and codes nothing', async () => {
    const host = startHost();
    const file = await newProject(host);
    await value(host.invoke('import.folder', { folder: transcriptFolder(5, 20) }));
    const before = dump(file);
    const coding = host.invoke('search.code', { query: 'kopi', unit: 'turn', codeName: 'kopi' }, { job: 'code-all' });
    expect(host.cancel('code-all')).toBe(true);
    expect(await coding).toMatchObject({ ok: false, error: { kind: 'cancelled' } });
    expect(dump(file)).toEqual(before);
  });

  it('cancels a Word report being written and leaves no file', async () => {
    const host = startHost();
    const file = await newProject(host);
    await value(host.invoke('import.folder', { folder: transcriptFolder(3, 10) }));
    for (const name of ['Harga', 'Kualitas', 'Komunitas', 'Kemasan']) {
      const code = await value<{ id: number }>(host.invoke('codes.create', { name: name.toLowerCase() }));
      await value(host.invoke('themes.create', { name, codeIds: [code.id] }));
    }
    const before = dump(file);
    const output = path.join(tempDir(), 'laporan.docx');
    const outcome = await host.invoke('report.word', { path: output }, { onProgress: (_p, job) => host.cancel(job) });
    expect(outcome).toMatchObject({ ok: false, error: { kind: 'cancelled' } });
    expect(fs.existsSync(output)).toBe(false);
    expect(fs.readdirSync(path.dirname(output))).toEqual([]);
    expect(dump(file)).toEqual(before);
    // Not cancelled, the same report is written.
    expect(await value(host.invoke('report.word', { path: output }))).toMatchObject({ path: output });
    expect(fs.existsSync(output)).toBe(true);
  });

  it('drops a change still waiting in line when it is cancelled', async () => {
    const host = startHost();
    await newProject(host);
    const importing = host.invoke('import.folder', { folder: transcriptFolder(30, 50) });
    const waiting = host.invoke('codes.create', { name: 'batal' }, { job: 'waiting' });
    expect(host.cancel('waiting')).toBe(true);
    expect(await waiting).toMatchObject({ ok: false, error: { kind: 'cancelled' } });
    expect((await importing).ok).toBe(true);
    expect(await value<unknown[]>(host.invoke('codes.list', {}))).toEqual([]);
  });

  it('reports a crash of the core, restarts it on the same project, and keeps what was committed', async () => {
    const host = startHost({ crashOn: { action: 'project.check', how: 'throw' } });
    const file = await newProject(host);
    await value(host.invoke('codes.create', { name: 'tersimpan' }));
    const notices: CrashNotice[] = [];
    host.onCrash((notice) => notices.push(notice));
    const crashed = host.invoke('project.check', {});
    // Sent behind the crashing call: it runs on the reopened project.
    const after = host.invoke('codes.create', { name: 'sesudah' });
    expect(await crashed).toMatchObject({ ok: false, error: { kind: 'worker_crashed', text: { en: expect.stringContaining('project.check'), id: expect.stringContaining('project.check') } } });
    expect((await after).ok).toBe(true);
    expect(notices).toHaveLength(1);
    expect(notices[0]!.project).toEqual({ file, readOnly: false });
    expect(notices[0]!.error.kind).toBe('worker_crashed');
    expect(host.project).toEqual({ file, readOnly: false });
    const codes = await value<{ name: string }[]>(host.invoke('codes.list', {}));
    expect(codes.map((c) => c.name).sort()).toEqual(['sesudah', 'tersimpan']);
    const info = await value<{ readOnly: unknown }>(host.invoke('project.info', {}));
    expect(info.readOnly).toBeNull();
  });

  it('says a crash between actions lost nothing, and reopens the project', async () => {
    const host = startHost({ crashOn: { action: 'codes.create', how: 'after' } });
    const file = await newProject(host);
    const crashed = new Promise<CrashNotice>((resolve) => host.onCrash(resolve));
    expect((await host.invoke('codes.create', { name: 'tersimpan' })).ok).toBe(true);
    const notice = await crashed;
    expect(notice.project).toEqual({ file, readOnly: false });
    expect(notice.error.text).toEqual({
      en: expect.stringMatching(/^Tematik's core stopped unexpectedly between actions; it was restarted and the project reopened\. Nothing was running/),
      id: expect.stringMatching(/^Inti Tematik berhenti tiba-tiba di antara dua tindakan/),
    });
    expect((await value<{ name: string }[]>(host.invoke('codes.list', {}))).map((c) => c.name)).toEqual(['tersimpan']);
  });

  it('answers a call that is not an action, or whose arguments cannot reach the worker, with an error', async () => {
    const host = startHost();
    expect(await host.invoke({ toString: () => 'codes.list' }, {})).toMatchObject({ ok: false, error: { kind: 'unknown_action' } });
    expect(await host.invoke('codes.list', { callback: () => undefined })).toMatchObject({ ok: false, error: { kind: 'internal' } });
    expect(await value(host.invoke('app.info', {}))).toMatchObject({ host: 'browser' });
  });

  it('leaves a project to the thread of this process that writes it, and takes it over from a crashed worker', async () => {
    const file = path.join(tempDir(), 'study.tematik');
    const holder = new Session({ coder: 'Rina', host: { kind: 'electron' } });
    holder.open(file, { create: true });
    const host = startHost();
    const refused = await host.invoke('project.open', { path: file });
    expect(refused).toMatchObject({ ok: false, error: { kind: 'locked' } });
    holder.close();
    await value(host.invoke('project.open', { path: file }));
    // The crash test above shows the other half: a worker that died holding the lock does not lock its successor out.
    expect(host.project).toEqual({ file, readOnly: false });
  });

  it('restores a backup while the reader has the project open: it lets go first, then follows the restored file', async () => {
    const host = startHost();
    await newProject(host);
    await value(host.invoke('codes.create', { name: 'sebelum' }));
    const backup = await value<{ path: string }>(host.invoke('backup.create', {}));
    await value(host.invoke('codes.create', { name: 'sesudah' }));
    await host.readerFollows();
    await value(host.invoke('backup.restore', { backup: backup.path }));
    await host.readerFollows();
    const folder = transcriptFolder(60);
    let firstProgress!: () => void;
    const started = new Promise<void>((resolve) => { firstProgress = resolve; });
    const importing = host.invoke('import.folder', { folder }, { onProgress: () => firstProgress() });
    await started;
    // Answered by the reader, on the restored file.
    expect((await value<{ name: string }[]>(host.invoke('codes.list', {}))).map((c) => c.name)).toEqual(['sebelum']);
    expect((await importing).ok).toBe(true);
  });

  it('starts the reader only when a read waits behind a change, answers the read from it, and stops it once idle', async () => {
    let answerDialog!: (paths: string[] | null) => void;
    const host = startHost({
      choosePaths: () => new Promise((resolve) => { answerDialog = resolve; }),
      timing: { readerAfterMs: 50, readerIdleMs: 300 },
    });
    await newProject(host);
    await value(host.invoke('codes.create', { name: 'sebelum' }));
    expect(host.readerRunning).toBe(false);
    // The writer runs a change that waits for the user: a read sent now can only be answered beside it.
    let dialogOpen = true;
    const dialog = host.invoke('app.choosePaths', { kind: 'importFiles' }).then((outcome) => { dialogOpen = false; return outcome; });
    const codes = await value<{ name: string }[]>(host.invoke('codes.list', {}));
    expect(codes.map((c) => c.name)).toEqual(['sebelum']);
    expect(dialogOpen).toBe(true);
    expect(host.readerRunning).toBe(true);
    answerDialog(['/data/a.txt']);
    expect(await value(dialog)).toEqual(['/data/a.txt']);
    await vi.waitFor(() => expect(host.readerRunning).toBe(false), { timeout: 10_000, interval: 50 });
    // Reads with the writer idle are the writer's: no reader is started for them.
    expect((await value<{ name: string }[]>(host.invoke('codes.list', {}))).map((c) => c.name)).toEqual(['sebelum']);
    expect(host.readerRunning).toBe(false);
  });

  it('starts the reader as an import begins, before any read has waited behind it', async () => {
    // A read would otherwise wait an hour before the reader is started for it.
    const host = startHost({ timing: { readerAfterMs: 3_600_000 } });
    await newProject(host);
    await value(host.invoke('codes.create', { name: 'kolaborasi' }));
    expect(host.readerRunning).toBe(false);
    let firstProgress!: () => void;
    const started = new Promise<void>((resolve) => { firstProgress = resolve; });
    const importing = host.invoke('import.folder', { folder: transcriptFolder(60) }, { onProgress: () => firstProgress() });
    await started;
    expect(host.readerRunning).toBe(true);
    expect((await value<{ name: string }[]>(host.invoke('codes.list', {}))).map((c) => c.name)).toEqual(['kolaborasi']);
    expect((await importing).ok).toBe(true);
  });

  it('starts the reader as a search-to-code begins, before any read has waited behind it', async () => {
    const first = startHost({ timing: { readerAfterMs: 3_600_000 } });
    const file = await newProject(first);
    await value(first.invoke('import.folder', { folder: transcriptFolder(3, 20) }));
    await value(first.invoke('project.close', {}));
    await first.close();
    const host = startHost({ timing: { readerAfterMs: 3_600_000, readerAheadMs: 3_600_000 } });
    await value(host.invoke('project.open', { path: file }));
    expect(host.readerRunning).toBe(false);
    const coded = await value<{ applied: number }>(host.invoke('search.code', { query: 'pelanggan', unit: 'hit', codeName: 'pelanggan' }));
    expect(coded.applied).toBeGreaterThan(0);
    expect(host.readerRunning).toBe(true);
  });

  it('answers the reads sent as an import begins on the writer while the import waits for the reader it started; a change sent behind the import keeps its turn', async () => {
    const host = startHost({ timing: { readerAfterMs: 3_600_000, readerAheadMs: 3_600_000 } });
    await newProject(host);
    await value(host.invoke('codes.create', { name: 'kolaborasi' }));
    const order: string[] = [];
    const importing = host.invoke('import.folder', { folder: transcriptFolder(60) }, { onProgress: () => { if (!order.includes('import progress')) order.push('import progress'); } })
      .then((outcome) => { order.push('import done'); return outcome; });
    const listed = host.invoke('codes.list', {}).then((outcome) => { order.push('codes.list'); return outcome; });
    const created = host.invoke('codes.create', { name: 'kepercayaan' }).then((outcome) => { order.push('codes.create'); return outcome; });
    expect((await value<{ name: string }[]>(listed)).map((c) => c.name)).toEqual(['kolaborasi']);
    expect((await importing).ok).toBe(true);
    expect((await created).ok).toBe(true);
    // The import waited for the reader, not the hour of readerAheadMs: the reader had the project open.
    expect(host.readerRunning).toBe(true);
    expect(order).toEqual(['codes.list', 'import progress', 'import done', 'codes.create']);
  });

  it('fails only the read a lazily started reader crashed on, and starts a new reader for the next one', async () => {
    let answerDialog!: (paths: string[] | null) => void;
    const host = startHost({
      choosePaths: () => new Promise((resolve) => { answerDialog = resolve; }),
      timing: { readerAfterMs: 0 },
      crashOn: { action: 'codes.list', how: 'throw', thread: 'reader' },
    });
    await newProject(host);
    await value(host.invoke('codes.create', { name: 'tersimpan' }));
    const crashes: CrashNotice[] = [];
    host.onCrash((notice) => crashes.push(notice));
    const dialog = host.invoke('app.choosePaths', { kind: 'importFiles' });
    const crashed = await host.invoke('codes.list', {});
    expect(crashed).toMatchObject({ ok: false, error: { kind: 'worker_crashed', text: { en: expect.stringContaining('codes.list'), id: expect.stringContaining('codes.list') } } });
    expect(host.readerRunning).toBe(false);
    // Still beside the same change: a new reader answers the next read.
    expect(await value<unknown[]>(host.invoke('documents.list', {}))).toEqual([]);
    expect(host.readerRunning).toBe(true);
    answerDialog(null);
    expect(await value(dialog)).toBeNull();
    // The writer was never touched: the window is not told of a restart, and the project is as it was.
    expect(crashes).toEqual([]);
    expect((await value<{ name: string }[]>(host.invoke('codes.list', {}))).map((c) => c.name)).toEqual(['tersimpan']);
  });

  it('asks the main thread for native dialogs', async () => {
    const asked: string[] = [];
    const host = startHost({ choosePaths: async (kind) => { asked.push(kind); return ['/data/a.txt', '/data/b.txt']; } });
    expect(await value(host.invoke('app.choosePaths', { kind: 'importFiles' }))).toEqual(['/data/a.txt', '/data/b.txt']);
    expect(asked).toEqual(['importFiles']);
    expect(await value<{ dialogs: boolean }>(host.invoke('app.info', {}))).toMatchObject({ dialogs: true });
  });
});

describe('the daily backup through the worker host', () => {
  /** A project with a code in it (an empty one has no daily backup), closed before it had one: the next opening is the day's first. */
  async function closedProject(): Promise<string> {
    // Its own backup after the opening would come once the writer is idle: not before the project is closed.
    const host = startHost({ timing: { backupAfterIdleMs: 600_000 } });
    const file = await newProject(host);
    await value(host.invoke('codes.create', { name: 'kolaborasi' }));
    await value(host.invoke('project.close', {}));
    expect(fs.existsSync(backupFolder(file))).toBe(false);
    return file;
  }

  it('is made after the opening has been answered, once the writer is idle', async () => {
    const file = await closedProject();
    const host = startHost({ timing: { backupAfterIdleMs: 200 } });
    await value(host.invoke('project.open', { path: file }));
    // Answered before the backup was even begun: the first screen does not wait for it.
    expect(fs.existsSync(backupFolder(file))).toBe(false);
    await vi.waitFor(() => expect(listBackups(file).backups.map((b) => b.kind)).toEqual(['daily']), { timeout: 10_000, interval: 50 });
    const backup = new Database(listBackups(file).backups[0]!.path, { readonly: true });
    expect(backup.prepare('SELECT name FROM codes').pluck().all()).toEqual(['kolaborasi']);
    backup.close();
  });

  it('tells the user, in both languages, when it could not be made, and the work goes on', async () => {
    const file = await closedProject();
    // A file where the backup folder should be: no backup can be written there.
    fs.writeFileSync(backupFolder(file), 'not a folder');
    const host = startHost({ timing: { backupAfterIdleMs: 50 } });
    const told = new Promise<LocalizedText>((resolve) => host.onNotice(resolve));
    await value(host.invoke('project.open', { path: file }));
    const notice = await told;
    expect(notice).toEqual({
      en: expect.stringMatching(/^Today's backup of this project could not be made in .*study\.tematik-backups: the folder cannot be written .*Your work goes on/),
      id: expect.stringMatching(/^Cadangan harian proyek ini tidak dapat dibuat di .*study\.tematik-backups: folder itu tidak dapat ditulisi .*Pekerjaan Anda tetap berjalan/),
    });
    // Also among the project's notices, for a window that reads them later.
    expect((await value<{ notices: LocalizedText[] }>(host.invoke('project.info', {}))).notices).toContainEqual(notice);
    expect((await value<{ name: string }>(host.invoke('codes.create', { name: 'sesudah' }))).name).toBe('sesudah');
    expect((await value<{ name: string }[]>(host.invoke('codes.list', {}))).map((c) => c.name)).toEqual(['kolaborasi', 'sesudah']);
    expect(fs.readFileSync(backupFolder(file), 'utf8')).toBe('not a folder');
  });
});
