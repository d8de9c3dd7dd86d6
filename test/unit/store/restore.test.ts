import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { localClient, type LocalClient } from '../../../src/api/client';
import { backupFolder, listBackups } from '../../../src/store/backup';
import { lockPathFor } from '../../../src/store/lock';
import { completeRestore, prepareRestore } from '../../../src/store/restore';
import { SCHEMA_VERSION } from '../../../src/store/migrations/index';
import { addDocument } from '../../helpers/documents';
import { newProject } from '../../helpers/temp-project';
import { refused } from '../../helpers/refused';

const codeNames = async (client: LocalClient) => (await client.invoke('codes.list', {})).map((c) => c.name);
const BETTER_SQLITE3 = require.resolve('better-sqlite3');

/** A project with a backup holding the codes "sebelum", and changes made after it. */
async function projectWithBackup() {
  const client = await newProject();
  await addDocument(client, 'P-01', 'Kami berkolaborasi dengan komunitas pelanggan lewat polling.');
  await client.invoke('codes.create', { name: 'sebelum' });
  const backup = await client.invoke('backup.create', {});
  await client.invoke('codes.create', { name: 'sesudah' });
  await client.invoke('memos.create', { body: 'Catatan setelah cadangan', target: { kind: 'project' } });
  return { client, backup };
}


/** Runs `script` in another Node process with better-sqlite3 as `Database` and the project's path as `file`. */
function inAnotherProcess(file: string, script: string) {
  return spawnSync(process.execPath, ['-e', `const Database = require(${JSON.stringify(BETTER_SQLITE3)}); const file = ${JSON.stringify(file)}; ${script}`], { encoding: 'utf8' });
}

describe('restoring a backup', () => {
  it('replaces the project with the backup, keeps the file as it was as a backup, and that one restores too', async () => {
    const { client, backup } = await projectWithBackup();
    const info = await client.invoke('backup.restore', { backup: backup.id });
    expect(info.path).toBe(client.file);
    expect(await codeNames(client)).toEqual(['sebelum']);
    expect(await client.invoke('memos.list', {})).toEqual([]);
    expect(info.notices.at(-1)!.en).toMatch(/^Restored "Co-creation UMKM" from the backup of \d{4}-\d\d-\d\d \d\d:\d\d\. The project as it was before is kept as a backup too \(study\..*\.before-restore\.tematik-backup\)/);
    expect(info.notices.at(-1)!.id).toMatch(/dipulihkan dari cadangan .* juga disimpan sebagai cadangan/);

    const kept = (await client.invoke('backup.list', {})).backups.find((b) => b.kind === 'before-restore')!;
    expect(kept).toMatchObject({ documents: 1, problem: null });
    await client.invoke('backup.restore', { backup: kept.id });
    expect(await codeNames(client)).toEqual(['sebelum', 'sesudah']);
    expect((await client.invoke('memos.list', {})).map((m) => m.body)).toEqual(['Catatan setelah cadangan']);
    expect(client.session.store.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(fs.readdirSync(path.dirname(client.file)).filter((f) => f.includes('.restoring'))).toEqual([]);
    client.session.close();
  });

  it('throws away the WAL a crash left beside the project, after keeping its changes in the before-restore backup', async () => {
    const { client, backup } = await projectWithBackup();
    client.session.close();
    // Another process changes the project and dies before it can checkpoint: its change lives only in the -wal file.
    const crash = inAnotherProcess(client.file, `
      const db = new Database(file);
      db.prepare("UPDATE project SET name = 'Diubah sebelum crash' WHERE id = 1").run();
      process.kill(process.pid, 'SIGKILL');`);
    expect(crash.signal).toBe('SIGKILL');
    expect(fs.statSync(`${client.file}-wal`).size).toBeGreaterThan(0);

    const info = await client.invoke('backup.restore', { backup: backup.id, path: client.file });
    expect(info.name).toBe('Co-creation UMKM');
    expect(await codeNames(client)).toEqual(['sebelum']);
    expect(client.session.store.db.pragma('integrity_check', { simple: true })).toBe('ok');
    const kept = listBackups(client.file).backups.find((b) => b.kind === 'before-restore')!;
    expect(kept.projectName).toBe('Diubah sebelum crash');
    client.session.close();
  });

  it('leaves no WAL or shared-memory file of the old project beside the restored one', async () => {
    const { client, backup } = await projectWithBackup();
    client.session.close();
    inAnotherProcess(client.file, `
      const db = new Database(file);
      db.prepare("UPDATE project SET name = 'Sisa crash' WHERE id = 1").run();
      process.kill(process.pid, 'SIGKILL');`);
    expect(fs.existsSync(`${client.file}-wal`) && fs.existsSync(`${client.file}-shm`)).toBe(true);

    const { keptAs } = completeRestore(prepareRestore(client.file, backup.path));
    expect(['-wal', '-shm', '-journal'].filter((side) => fs.existsSync(`${client.file}${side}`))).toEqual([]);
    expect(keptAs?.projectName).toBe('Sisa crash');
    const restored = new Database(client.file, { readonly: true });
    expect(restored.prepare('SELECT name FROM project').pluck().get()).toBe('Co-creation UMKM');
    expect(restored.pragma('quick_check', { simple: true })).toBe('ok');
    restored.close();
  });

  it('restores a project whose file SQLite cannot read at all, keeping its bytes and WAL as they were', async () => {
    const { client, backup } = await projectWithBackup();
    const wal = `${client.file}-wal`;
    client.session.close();
    inAnotherProcess(client.file, `
      const db = new Database(file);
      db.prepare("UPDATE project SET name = 'Tidak pernah dipulihkan' WHERE id = 1").run();
      process.kill(process.pid, 'SIGKILL');`);
    // The header is gone: SQLite will not open the file, so its WAL cannot be folded into it.
    const fd = fs.openSync(client.file, 'r+');
    fs.writeSync(fd, Buffer.alloc(100, 0x58), 0, 100, 0);
    fs.closeSync(fd);
    const walBytes = fs.readFileSync(wal);

    await client.invoke('backup.restore', { backup: backup.id, path: client.file });
    // Had the old WAL stayed, SQLite would have replayed its pages (the renamed project) over the restored file.
    expect((await client.invoke('project.info', {})).name).toBe('Co-creation UMKM');
    expect(await codeNames(client)).toEqual(['sebelum']);
    expect(client.session.store.db.pragma('integrity_check', { simple: true })).toBe('ok');
    const kept = listBackups(client.file).backups.find((b) => b.kind === 'before-restore')!;
    expect(kept.projectName).toBeNull();
    expect(fs.readFileSync(kept.path).subarray(0, 100)).toEqual(Buffer.alloc(100, 0x58));
    expect(fs.readFileSync(`${kept.path}-wal`)).toEqual(walBytes);
    client.session.close();
  });

  it('refuses a backup that is not a project, is damaged or comes from a newer Tematik, and leaves the project open and untouched', async () => {
    const { client, backup } = await projectWithBackup();
    const folder = backupFolder(client.file);
    const text = path.join(folder, 'catatan.tematik-backup');
    fs.writeFileSync(text, 'Pewawancara: ini bukan cadangan');
    const foreign = path.join(folder, 'lain.tematik-backup');
    new Database(foreign).exec('CREATE TABLE things (x); INSERT INTO things VALUES (1)');
    const newer = path.join(folder, 'baru.tematik-backup');
    fs.copyFileSync(backup.path, newer);
    const raw = new Database(newer);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.close();
    const damaged = path.join(folder, 'rusak.tematik-backup');
    fs.copyFileSync(backup.path, damaged);
    const pages = new Database(damaged, { readonly: true });
    const root = pages.prepare(`SELECT rootpage FROM sqlite_schema WHERE name = 'codes'`).pluck().get() as number;
    const pageSize = pages.pragma('page_size', { simple: true }) as number;
    pages.close();
    const fd = fs.openSync(damaged, 'r+');
    fs.writeSync(fd, Buffer.alloc(64, 0xff), 0, 64, (root - 1) * pageSize);
    fs.closeSync(fd);

    const cases: [string, string, RegExp][] = [
      [text, 'not_a_project', /catatan\.tematik-backup is not a Tematik backup: it is not an SQLite database\. .*the project has not been changed/],
      [foreign, 'not_a_project', /lain\.tematik-backup is a database of another program, not a Tematik project/],
      [newer, 'newer_version', new RegExp(`baru\\.tematik-backup was made by a newer version of Tematik \\(project format ${SCHEMA_VERSION + 1}; this version reads up to ${SCHEMA_VERSION}\\)\\. Update Tematik`)],
      [damaged, 'damaged', /rusak\.tematik-backup is damaged \(.+\) and cannot be restored\. Choose an older backup/],
      [path.join(folder, 'tidak-ada.tematik-backup'), 'not_found', /There is no backup .*tidak-ada\.tematik-backup/],
    ];
    for (const [file, kind, message] of cases) {
      const error = await refused(client.invoke('backup.restore', { backup: file }));
      expect([error.kind, error.message]).toEqual([kind, expect.stringMatching(message)]);
      expect(error.text!.id).toMatch(/proyek tidak diubah|Pilih salah satu/i);
    }
    expect(client.session.isOpen).toBe(true);
    expect(await codeNames(client)).toEqual(['sebelum', 'sesudah']);
    expect(listBackups(client.file).backups.map((b) => b.kind)).toEqual(['manual', 'daily']);
    expect(fs.readdirSync(path.dirname(client.file)).filter((f) => f.includes('.restoring'))).toEqual([]);
    client.session.close();
  });

  it('refuses while another process has the project open, and puts this window back as it was', async () => {
    const { client, backup } = await projectWithBackup();
    const other = spawn(process.execPath, ['-e', `
      const db = new (require(${JSON.stringify(BETTER_SQLITE3)}))(${JSON.stringify(client.file)});
      db.prepare('SELECT name FROM project').get();
      process.stdout.write('open\\n');
      process.stdin.on('data', () => { db.close(); process.exit(0); });`]);
    await new Promise<void>((resolve) => other.stdout.once('data', () => resolve()));
    try {
      const error = await refused(client.invoke('backup.restore', { backup: backup.id }));
      expect(error.kind).toBe('busy');
      expect(error.message).toMatch(/study\.tematik is open in another Tematik window or program\. Close it there, then restore; the project has not been changed\./);
      expect(client.session.isOpen).toBe(true);
      expect(await codeNames(client)).toEqual(['sebelum', 'sesudah']);
      expect(listBackups(client.file).backups.map((b) => b.kind)).toEqual(['manual', 'daily']);
    } finally {
      other.stdin.write('close\n');
      await new Promise((resolve) => other.once('exit', resolve));
    }
    await client.invoke('backup.restore', { backup: backup.id });
    expect(await codeNames(client)).toEqual(['sebelum']);
    client.session.close();
  });

  it('refuses while Tematik on another computer holds the project\'s lock (a shared folder SQLite\'s locks may not reach)', async () => {
    const { client, backup } = await projectWithBackup();
    client.session.close();
    const now = new Date().toISOString();
    fs.writeFileSync(lockPathFor(client.file), JSON.stringify({ coder: 'Rina', since: now, host: 'LAPTOP-2', pid: 4242, app: 'window', token: 'theirs', heartbeat: now }));
    const before = fs.readFileSync(client.file);
    const error = await refused(client.invoke('backup.restore', { backup: backup.id, path: client.file }));
    expect(error.kind).toBe('locked');
    expect(error.message).toMatch(/by Rina, on LAPTOP-2/);
    expect(fs.readFileSync(client.file).equals(before)).toBe(true);
    fs.rmSync(lockPathFor(client.file));
    await client.invoke('backup.restore', { backup: backup.id, path: client.file });
    expect(await codeNames(client)).toEqual(['sebelum']);
    client.session.close();
  });

  it('lists and restores by path a project that cannot be opened, from a window with no project open', async () => {
    const { client, backup } = await projectWithBackup();
    client.session.close();
    fs.writeFileSync(client.file, 'rusak');
    const fresh = localClient({ coder: 'Peneliti B' });
    const failed = await refused(fresh.invoke('project.open', { path: client.file }));
    expect(failed.kind).toBe('not_a_project');
    const list = await fresh.invoke('backup.list', { path: client.file });
    expect(list.backups.map((b) => b.kind)).toEqual(['manual', 'daily']);
    const info = await fresh.invoke('backup.restore', { backup: backup.id, path: client.file });
    expect(info.name).toBe('Co-creation UMKM');
    expect(await codeNames(fresh)).toEqual(['sebelum']);
    expect(fs.readFileSync(listBackups(client.file).backups.find((b) => b.kind === 'before-restore')!.path, 'utf8')).toBe('rusak');

    const error = await refused(fresh.invoke('backup.restore', { backup: backup.id, path: path.join(path.dirname(client.file), 'laporan.docx') }));
    expect([error.kind, error.message]).toEqual(['invalid_args', expect.stringMatching(/laporan\.docx: a project file ends in \.tematik/)]);
    fresh.session.close();
  });
});
