import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { localClient } from '../../../src/api/client';
import { TematikError } from '../../../src/domain/errors';
import { BACKUP_LIMITS, type BackupKind } from '../../../src/domain/types';
import { backupBefore, backupFolder, createBackup, dailyBackup, listBackups, writeBackup } from '../../../src/store/backup';
import { MIGRATIONS, SCHEMA_VERSION } from '../../../src/store/migrations/index';
import { APPLICATION_ID } from '../../../src/store/open';
import { addDocument } from '../../helpers/documents';
import { newProject, tempDir } from '../../helpers/temp-project';

/** A project with one transcript and one coding: not empty, so it has a daily backup. */
async function codedProject() {
  const client = await newProject();
  const documentId = await addDocument(client, 'P-01', 'Kami berkolaborasi dengan komunitas pelanggan lewat polling.');
  await client.invoke('codings.apply', { documentId, start: 0, end: 17, codeName: 'kolaborasi' });
  return client;
}

const kinds = (file: string) => listBackups(file).backups.map((b) => b.kind);
const at = (day: number, hour: number) => new Date(2026, 11, day, hour, 0, 0);

// Every test starts on the morning of 1 December (local time); building a project makes that day's backup.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(at(1, 8));
});
afterEach(() => { vi.useRealTimers(); });

describe('the daily backup', () => {
  it('is made once a day, at the first opening or change of the day in local time', async () => {
    const client = await codedProject();
    const { store } = client.session;
    expect(listBackups(client.file).backups.map((b) => [b.kind, b.createdAt])).toEqual([['daily', at(1, 8).toISOString()]]);
    expect(dailyBackup(store, at(1, 23)).entry).toBeNull();
    expect(dailyBackup(store, at(6, 9)).entry?.kind).toBe('daily');
    expect(dailyBackup(store, at(6, 23)).entry).toBeNull();
    expect(dailyBackup(store, at(7, 0)).entry?.createdAt).toBe(at(7, 0).toISOString());
    expect(kinds(client.file)).toEqual(['daily', 'daily', 'daily']);

    // The next window or CLI run on the same day (one writer at a time) finds today's backup in the folder.
    client.session.close();
    const other = localClient({ coder: 'Peneliti B' });
    await other.invoke('project.open', { path: client.file });
    expect(other.session.store.readOnly).toBeNull();
    expect(dailyBackup(other.session.store, at(7, 15)).entry).toBeNull();
    expect(kinds(client.file)).toEqual(['daily', 'daily', 'daily']);
    other.session.close();
  });

  it('comes from opening the project, and from the first change of a new day in a window left open overnight', async () => {
    const client = await codedProject();
    client.session.close();
    vi.setSystemTime(at(8, 9));
    await client.invoke('project.open', { path: client.file });
    expect(listBackups(client.file).backups.map((b) => b.createdAt)).toEqual([at(8, 9), at(1, 8)].map((d) => d.toISOString()));
    await client.invoke('codes.create', { name: 'kepercayaan' });
    expect(kinds(client.file)).toEqual(['daily', 'daily']);

    vi.setSystemTime(at(9, 8));
    await client.invoke('codes.create', { name: 'loyalitas' });
    const [newest] = listBackups(client.file).backups;
    expect([newest?.kind, newest?.createdAt]).toEqual(['daily', at(9, 8).toISOString()]);
    // Taken before the change: the new code is not in it.
    const backup = new Database(newest!.path, { readonly: true });
    expect(backup.prepare('SELECT name FROM codes ORDER BY id').pluck().all()).toEqual(['kolaborasi', 'kepercayaan']);
    backup.close();
    client.session.close();
  });

  it('is not made while the project holds nothing, nor for a project open read-only', async () => {
    const client = await newProject();
    expect(dailyBackup(client.session.store, at(6, 9)).entry).toBeNull();
    await addDocument(client, 'P-01', 'Teks wawancara.');
    client.session.store.readOnly = 'damaged';
    expect(dailyBackup(client.session.store, at(6, 10)).entry).toBeNull();
    expect(fs.existsSync(backupFolder(client.file))).toBe(false);
    client.session.store.readOnly = null;
    expect(dailyBackup(client.session.store, at(6, 11)).entry?.kind).toBe('daily');
    client.session.close();
  });
});

describe('the backup set', () => {
  it('lives beside the project and describes each backup from its own content', async () => {
    const client = await codedProject();
    vi.setSystemTime(at(1, 9));
    const made = await client.invoke('backup.create', {});
    expect(path.dirname(made.path)).toBe(`${client.file}-backups`);
    expect(made).toMatchObject({ kind: 'manual', projectName: 'Co-creation UMKM', schemaVersion: SCHEMA_VERSION, documents: 1, codings: 1, problem: null });
    expect(made.id).toMatch(/^study\.\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ\.manual\.tematik-backup$/);
    expect(made.bytes).toBe(fs.statSync(made.path).size);

    await client.invoke('codes.create', { name: 'sesudah' });
    const list = await client.invoke('backup.list', {});
    expect(list.backups.find((b) => b.id === made.id)).toEqual(made);
    // A backup is a single file in rollback-journal mode: it opens without side files and travels alone.
    const backup = new Database(made.path, { readonly: true });
    expect(backup.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(backup.prepare('SELECT count(*) FROM codes').pluck().get()).toBe(1);
    backup.close();
    expect(fs.readdirSync(list.folder).filter((f) => !f.endsWith('.tematik-backup'))).toEqual([]);
    client.session.close();
  });

  it('keeps only the newest of each kind up to its limit', async () => {
    const client = await codedProject();
    const { store } = client.session;
    for (let day = 1; day <= 10; day++) dailyBackup(store, at(day, 9));
    for (let i = 0; i < 7; i++) createBackup(store.db, store.file, at(20, 10));
    for (let i = 0; i < 5; i++) backupBefore(store, 'merge', at(21, 10 + i));
    for (let i = 0; i < 4; i++) writeBackup(store.db, store.file, 'migration', at(22, 10 + i));

    const backups = listBackups(client.file).backups;
    const count = (kind: BackupKind) => backups.filter((b) => b.kind === kind).length;
    expect({ daily: count('daily'), manual: count('manual'), 'before-merge': count('before-merge'), migration: count('migration') })
      .toEqual({ daily: BACKUP_LIMITS.daily, manual: BACKUP_LIMITS.manual, 'before-merge': BACKUP_LIMITS['before-merge'], migration: BACKUP_LIMITS.migration });
    expect(backups.filter((b) => b.kind === 'daily').map((b) => new Date(b.createdAt).getDate())).toEqual([10, 9, 8, 7, 6, 5, 4]);
    // Seven manual backups in the same second: the newest five (by their serial) stay.
    expect(backups.filter((b) => b.kind === 'manual').map((b) => b.id.match(/Z(-\d)?\.manual/)![1])).toEqual(['-7', '-6', '-5', '-4', '-3']);
    expect(fs.readdirSync(backupFolder(client.file))).toHaveLength(backups.length);
    client.session.close();
  });

  it('lists the backups of a project that cannot be opened, and says which cannot be restored', async () => {
    const client = await codedProject();
    vi.setSystemTime(at(1, 9));
    const made = await client.invoke('backup.create', {});
    client.session.close();
    fs.writeFileSync(client.file, 'rusak: bukan lagi basis data');
    const newer = path.join(backupFolder(client.file), 'study.2026-12-01T10-00-00Z.manual.tematik-backup');
    fs.copyFileSync(made.path, newer);
    const raw = new Database(newer);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.close();
    fs.writeFileSync(path.join(backupFolder(client.file), 'study.2026-01-01T00-00-00Z.manual.tematik-backup'), 'not a database');

    const list = await localClient({ coder: 'x' }).invoke('backup.list', { path: client.file });
    expect(list.backups.map((b) => [b.id, b.problem?.en ?? null])).toEqual([
      [path.basename(newer), `It was made by a newer version of Tematik (project format ${SCHEMA_VERSION + 1}; this version reads up to ${SCHEMA_VERSION}): update Tematik to restore it.`],
      [made.id, null],
      ['study.2026-12-01T08-00-00Z.daily.tematik-backup', null],
      ['study.2026-01-01T00-00-00Z.manual.tematik-backup', 'It cannot be read as a Tematik project: file is not a database.'],
    ]);
    expect(list.backups[0]!.problem!.id).toMatch(/versi yang lebih baru/);
  });
});

describe('a backup that cannot be made', () => {
  it('never stops the work: opening and changing go on with a notice, and "Back up now" says why', async () => {
    const client = await codedProject();
    client.session.close();
    vi.setSystemTime(at(2, 8));
    // A file where the backup folder should be: the folder cannot be made.
    fs.rmSync(backupFolder(client.file), { recursive: true });
    fs.writeFileSync(backupFolder(client.file), '');
    const info = await client.invoke('project.open', { path: client.file });
    expect(info.notices).toHaveLength(1);
    expect(info.notices[0]!.en).toMatch(/^Today's backup of this project could not be made in .*study\.tematik-backups: the folder cannot be written .*Your work goes on/);
    expect(info.notices[0]!.id).toMatch(/^Cadangan harian proyek ini tidak dapat dibuat di .*Pekerjaan Anda tetap berjalan/);

    await expect(client.invoke('codes.create', { name: 'tetap jalan' })).resolves.toMatchObject({ name: 'tetap jalan' });
    expect(backupBefore(client.session.store, 'merge')).toBeNull();
    expect(client.session.store.info().notices.at(-1)!.en).toMatch(/^The backup before merging could not be made .* The merge went ahead/);

    const failed = await client.invoke('backup.create', {}).catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(TematikError);
    expect((failed as TematikError).kind).toBe('permission');
    expect((failed as TematikError).message).toMatch(/The backup could not be made in .*study\.tematik-backups: .*The project itself is unchanged/);
    client.session.close();
  });

  it('on a full disk: a notice, no half-made backup left behind, and the change still saved', async (context) => {
    const mount = tempDir('tematik-full-');
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', mount], { stdio: 'ignore' });
    } catch {
      context.skip('needs root to mount a 2 MB tmpfs');
    }
    try {
      const file = path.join(mount, 'penuh.tematik');
      const client = localClient({ coder: 'Peneliti A' });
      await client.invoke('project.create', { path: file });
      await addDocument(client, 'P-01', 'Kami berkolaborasi dengan komunitas pelanggan. '.repeat(2000));
      client.session.store.db.pragma('wal_checkpoint(TRUNCATE)');
      // Leave room for a change, not for a copy of the project.
      const free = () => fs.statfsSync(mount).bavail * fs.statfsSync(mount).bsize;
      fs.writeFileSync(path.join(mount, 'pengisi'), Buffer.alloc(Math.max(0, free() - 96 * 1024)));
      expect(fs.statSync(file).size).toBeGreaterThan(free());

      await client.invoke('codes.create', { name: 'tetap tersimpan' });
      expect(client.session.store.notices.map((n) => n.en)).toEqual([expect.stringMatching(/could not be made in .*: the disk is full\./)]);
      expect(client.session.store.notices[0]!.id).toMatch(/: disk penuh\./);
      const failed = await client.invoke('backup.create', {}).catch((error: unknown) => error as TematikError);
      expect(failed).toMatchObject({ kind: 'disk_full' });
      expect(fs.readdirSync(backupFolder(file))).toEqual([]);
      client.session.close();
      const db = new Database(file, { readonly: true });
      expect(db.prepare('SELECT name FROM codes').pluck().all()).toEqual(['tetap tersimpan']);
      db.close();
    } finally {
      execFileSync('umount', [mount]);
    }
  });
});

/** A project file as version `version` of Tematik wrote it. */
function fileAtVersion(version: number): string {
  const file = path.join(tempDir(), 'lama.tematik');
  const db = new Database(file);
  for (const migration of MIGRATIONS.slice(0, version)) db.exec(migration.sql);
  db.prepare(`INSERT INTO project (id, name, created_at, guid) VALUES (1, 'Studi lama', '2025-01-01T00:00:00Z', 'g')`).run();
  db.prepare(`INSERT INTO codes (name, colour, created_at) VALUES ('kolaborasi', '#4e79a7', '2025-01-01')`).run();
  db.pragma(`application_id = ${APPLICATION_ID}`);
  db.pragma(`user_version = ${version}`);
  db.close();
  return file;
}

describe('the migration backup', () => {
  it('keeps the project as it was before the upgrade, and it restores', async () => {
    const file = fileAtVersion(3);
    const client = localClient({ coder: 'Peneliti A' });
    await client.invoke('project.open', { path: file });
    const list = await client.invoke('backup.list', {});
    const migration = list.backups.filter((b) => b.kind === 'migration');
    expect(migration).toEqual([expect.objectContaining({ schemaVersion: 3, projectName: 'Studi lama', problem: null })]);
    expect(fs.readdirSync(path.dirname(file)).filter((f) => f.endsWith('.bak'))).toEqual([]);

    await client.invoke('codes.create', { name: 'sesudah pembaruan' });
    const info = await client.invoke('backup.restore', { backup: migration[0]!.id });
    expect(info.schemaVersion).toBe(SCHEMA_VERSION);
    expect((await client.invoke('codes.list', {})).map((c) => c.name)).toEqual(['kolaborasi']);
    client.session.close();
  });

  it('that cannot be made does not stop the upgrade, and the opening says so', async () => {
    const file = fileAtVersion(4);
    fs.mkdirSync(path.dirname(backupFolder(file)), { recursive: true });
    fs.writeFileSync(backupFolder(file), '');
    const info = await localClient({ coder: 'Peneliti A' }).invoke('project.open', { path: file });
    expect(info.schemaVersion).toBe(SCHEMA_VERSION);
    expect(info.notices.map((n) => n.en)).toEqual(expect.arrayContaining([expect.stringMatching(/^The copy of this project as it was before Tematik upgraded its format could not be made .* The upgrade went ahead/)]));
  });
});
