import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localClient } from '../../src/api/client';
import { lockPathFor } from '../../src/store/lock';
import { MIN_FREE_BYTES } from '../../src/store/open';
import { sampleProjectFile } from '../helpers/project-files';
import { tempDir } from '../helpers/temp-project';
import { refused } from '../helpers/refused';

/**
 * Projects on media that cannot be written: a read-only mount, a folder the user may not write,
 * a full disk. Mounting needs root (CAP_SYS_ADMIN), and so does switching to an unprivileged
 * user; where the test runs without it, those cases are skipped and say so.
 */
const BIN = path.resolve(__dirname, '../../dist/src/cli/tematik.js');
const isRoot = process.getuid?.() === 0;

function canMount(): boolean {
  if (!isRoot) return false;
  const probe = tempDir('tematik-mount-probe-');
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', probe]).status === 0;
  if (mounted) spawnSync('umount', [probe]);
  fs.rmSync(probe, { recursive: true, force: true });
  return mounted;
}
const mountable = canMount();
const asNobody = isRoot && spawnSync('setpriv', ['--version']).status === 0;

const mounts: string[] = [];
function mount(...args: string[]): void {
  const target = args[args.length - 1]!;
  const result = spawnSync('mount', args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`mount ${args.join(' ')}: ${result.stderr}`);
  mounts.push(target);
}
afterAll(() => {
  for (const target of mounts.reverse()) spawnSync('umount', ['-l', target]);
});


/** What lies beside the project apart from its backups (made when it was created): no -wal, -shm or lock file. */
const besideProject = (dir: string): string[] => fs.readdirSync(dir).filter((name) => !name.endsWith('.tematik-backups'));

describe('a project on a read-only disk', () => {
  it.skipIf(!mountable)('opens read-only without -wal, -shm or lock files, reads and exports, and refuses changes (needs root to mount)', async () => {
    const source = tempDir();
    const file = await sampleProjectFile(source);
    expect(besideProject(source)).toEqual(['study.tematik']);
    const readOnly = tempDir();
    mount('--bind', '-o', 'ro', source, readOnly);
    const onDisk = path.join(readOnly, 'study.tematik');

    const client = localClient({ coder: 'Peneliti A' });
    const info = await client.invoke('project.open', { path: onDisk });
    expect(info.readOnly).toBe('read_only_media');
    expect(info.notices[0]?.en).toMatch(/study\.tematik is on a disk that cannot be written \(a CD, a write-protected USB stick or a read-only network folder\), so it is open read-only.*copy it to a folder of your own/);
    expect(info.notices[0]?.id).toMatch(/media yang tidak dapat ditulisi/);
    expect(await client.invoke('documents.list', {})).toHaveLength(11);
    const csv = path.join(tempDir(), 'codebook.csv');
    await client.invoke('export.table', { table: 'codebook', path: csv });
    expect(fs.readFileSync(csv, 'utf8')).toContain('kolaborasi');
    const write = await refused(client.invoke('codes.create', { name: 'baru' }));
    expect(write.kind).toBe('read_only');
    expect(write.message).toMatch(/study\.tematik is in a folder or on a disk Tematik may not write to, so it is open read-only: this change was not made/);
    client.session.close();
    expect(besideProject(source)).toEqual(['study.tematik']);
    expect(fs.readFileSync(file).equals(fs.readFileSync(onDisk))).toBe(true);
  });

  it.skipIf(!mountable)('says so when the latest changes, still in the -wal beside it, cannot be read there (needs root to mount)', async () => {
    const source = tempDir();
    const file = await sampleProjectFile(source);
    const writer = localClient({ coder: 'Peneliti A' });
    await writer.invoke('project.open', { path: file });
    await writer.invoke('codes.create', { name: 'belum dicheckpoint' });
    // A copy taken while the project was open: the change is only in the -wal, and no -shm travels with it.
    const copy = tempDir();
    fs.copyFileSync(file, path.join(copy, 'study.tematik'));
    fs.copyFileSync(`${file}-wal`, path.join(copy, 'study.tematik-wal'));
    writer.session.close();
    const readOnly = tempDir();
    mount('--bind', '-o', 'ro', copy, readOnly);

    const client = localClient({ coder: 'Peneliti A' });
    const info = await client.invoke('project.open', { path: path.join(readOnly, 'study.tematik') });
    expect(info.readOnly).toBe('read_only_media');
    expect(info.notices.map((n) => n.en).join('\n')).toMatch(/The latest changes to study\.tematik, still in study\.tematik-wal, cannot be read here/);
    expect((await client.invoke('codes.list', {})).map((c) => c.name)).toEqual(['kolaborasi']);
    client.session.close();
  });
});

describe('a project in a folder the user may not write', () => {
  const nobody = (...args: string[]) => {
    const result = spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, BIN, ...args], {
      encoding: 'utf8', env: { ...process.env, TEMATIK_CODER: 'Peneliti Tamu', TEMATIK_LANG: 'en', HOME: '/nonexistent' },
    });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  };
  let folder: string;
  let file: string;
  beforeAll(async () => {
    if (!asNobody) return;
    if (!fs.existsSync(BIN)) throw new Error(`${BIN} is missing: run "npm run build:core" first (npm test does).`);
    folder = tempDir();
    file = await sampleProjectFile(folder);
    fs.chmodSync(file, 0o644);
    fs.chmodSync(folder, 0o555);
    // The user must reach the folder: temp folders are private to root.
    for (let dir = path.dirname(folder); dir !== path.dirname(dir); dir = path.dirname(dir)) fs.chmodSync(dir, fs.statSync(dir).mode | 0o111);
  }, 60_000);

  it.skipIf(!asNobody)('opens read-only for another user, who can read it and is told why they cannot change it (needs root to switch users)', () => {
    const stats = nobody('stats', file);
    expect(stats.code, stats.stderr).toBe(0);
    expect(stats.stdout).toMatch(/11 documents/);
    expect(stats.stderr).toMatch(/note: Tematik may not write in the folder .*, so study\.tematik is open read-only/);
    const write = nobody('call', file, 'codes.create', '{"name": "tamu"}');
    expect(write.code).toBe(1);
    expect(write.stderr).toMatch(/study\.tematik is in a folder or on a disk Tematik may not write to, so it is open read-only: this change was not made/);
    expect(besideProject(folder)).toEqual(['study.tematik']);
  });

  it.skipIf(!asNobody)('says permission is denied, not "unexpected error", for a file they may not read or a folder they may not create in', () => {
    const secret = path.join(folder, '..', `${path.basename(folder)}-secret.tematik`);
    fs.copyFileSync(file, secret);
    fs.chmodSync(secret, 0o600);
    const read = nobody('stats', secret);
    expect(read.code).toBe(1);
    expect(read.stderr).toMatch(/Tematik may not use .*-secret\.tematik \(permission denied\)\. Choose a file or folder of your own, or ask its owner for access\./);
    const create = nobody('init', path.join(folder, 'baru.tematik'));
    expect(create.code).toBe(1);
    expect(create.stderr).toMatch(/Tematik may not use .*baru\.tematik \(permission denied\)/);
    expect(create.stderr).not.toMatch(/unexpected/);
  });
});

describe('a project on a full disk', () => {
  let disk: string;
  beforeAll(() => {
    if (!mountable) return;
    disk = tempDir();
    mount('-t', 'tmpfs', '-o', 'size=16m', 'tmpfs', disk);
  });

  /** Fills the disk, leaving about `leave` bytes free. */
  function fill(name: string, leave = 0): void {
    const free = () => { const s = fs.statfsSync(disk); return s.bavail * s.bsize; };
    const fd = fs.openSync(path.join(disk, name), 'a');
    const chunk = Buffer.alloc(64 * 1024, 7);
    try {
      while (free() > leave) fs.writeSync(fd, chunk, 0, Math.min(chunk.length, Math.max(4096, free() - leave)));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
    } finally {
      fs.closeSync(fd);
    }
  }

  it.skipIf(!mountable)('opens read-only, says the disk is full, and still exports to another disk (needs root to mount)', async () => {
    const file = await sampleProjectFile(disk);
    fill('filler');
    const client = localClient({ coder: 'Peneliti A' });
    const info = await client.invoke('project.open', { path: file });
    expect(info.readOnly).toBe('disk_full');
    expect(info.notices[0]?.en).toMatch(/^The disk holding .*study\.tematik is full \([\d.]+ MB free\), so it is open read-only: you can read it and export it to another disk\./);
    expect(info.notices[0]?.id).toMatch(/sudah penuh/);
    expect(fs.existsSync(lockPathFor(file))).toBe(false);
    const elsewhere = path.join(tempDir(), 'studi.qdpx');
    await client.invoke('refi.exportProject', { path: elsewhere });
    expect(fs.statSync(elsewhere).size).toBeGreaterThan(10_000);
    expect((await refused(client.invoke('codes.create', { name: 'baru' }))).message).toMatch(/The disk holding study\.tematik is full, so it is open read-only: this change was not made/);
    client.session.close();
    fs.rmSync(path.join(disk, 'filler'));
  });

  it.skipIf(!mountable)('loses nothing when the disk fills up during a change, and says the disk is full (needs root to mount)', async () => {
    const file = path.join(disk, 'study.tematik');
    if (!fs.existsSync(file)) await sampleProjectFile(disk);
    fill('filler', MIN_FREE_BYTES + 2 * 1024 * 1024);
    const client = localClient({ coder: 'Peneliti A' });
    expect((await client.invoke('project.open', { path: file })).readOnly).toBeNull();
    await client.invoke('codes.create', { name: 'sebelum penuh' });
    fill('filler-2');
    // A long memo and its search index need more room than is left.
    const body = Array.from({ length: 60_000 }, (_, i) => `kata${i.toString(36)}`).join(' ');
    const error = await refused(client.invoke('memos.create', { title: 'Transkrip panjang', body, target: { kind: 'project' } }));
    expect(error.kind).toBe('disk_full');
    expect(error.message).toBe('The disk holding study.tematik is full: this change was not saved, and nothing saved before it was lost. Free some space on that disk and try again, or export the project to another disk.');
    expect(error.text?.id).toMatch(/^Disk tempat study\.tematik berada sudah penuh/);
    client.session.close();
    fs.rmSync(path.join(disk, 'filler'));
    fs.rmSync(path.join(disk, 'filler-2'));

    const again = localClient({ coder: 'Peneliti A' });
    const info = await again.invoke('project.open', { path: file });
    expect(info).toMatchObject({ readOnly: null, notices: [] });
    expect((await again.invoke('codes.list', {})).map((c) => c.name).sort()).toEqual(['kolaborasi', 'sebelum penuh']);
    expect((await again.invoke('memos.list', {})).map((m) => m.title)).toEqual(['Catatan awal']);
    expect((await again.invoke('project.check', {})).ok).toBe(true);
    again.session.close();
  });
});
