import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TematikError } from '../../../src/domain/errors';
import { writeExport } from '../../../src/export/write-file';
import { newProject, tempDir } from '../../helpers/temp-project';
import { onPostgres } from '../../helpers/test-store';

const root = path.resolve(__dirname, '../../..');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');

function refusal(run: () => void): TematikError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(TematikError);
    return error as TematikError;
  }
  throw new Error('expected the write to be refused');
}

/** A 64 KiB disk of its own needs a private mount namespace: unshare(1) as root, or with user namespaces. */
const canMountSmallDisk = spawnSync('unshare', ['-rm', 'sh', '-c', 'mount -t tmpfs -o size=64k tmpfs /mnt'], { stdio: 'ignore' }).status === 0;

function onSmallDisk(mode: 'full' | 'read-only'): { error: { kind: string; en: string; id: string } | null; files: string[]; content: string } {
  const folder = tempDir();
  const script = path.join(__dirname, 'write-on-small-disk.ts');
  const out = execFileSync('unshare', ['-rm', 'sh', '-c', 'mount -t tmpfs -o size=64k tmpfs "$0" && exec "$1" "$2" "$0" "$3"', folder, tsx, script, mode], { encoding: 'utf8' });
  return JSON.parse(out) as ReturnType<typeof onSmallDisk>;
}

describe('writeExport', () => {
  it('writes a new file and leaves nothing else in the folder', () => {
    const dir = tempDir();
    writeExport(path.join(dir, 'peta.svg'), '<svg/>', ['.svg']);
    expect(fs.readdirSync(dir)).toEqual(['peta.svg']);
    expect(fs.readFileSync(path.join(dir, 'peta.svg'), 'utf8')).toBe('<svg/>');
  });

  it('replaces an export of its own kind whole, keeping who may read it', () => {
    const dir = tempDir();
    const file = path.join(dir, 'Laporan.DOCX');
    fs.writeFileSync(file, 'versi lama yang lebih panjang');
    fs.chmodSync(file, 0o600);
    writeExport(file, Buffer.from('baru'), ['.docx']);
    expect(fs.readFileSync(file, 'utf8')).toBe('baru');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(dir)).toEqual(['Laporan.DOCX']);
  });

  it('refuses to overwrite a file of another kind, naming it and the export\'s kind', () => {
    const dir = tempDir();
    for (const name of ['study.tematik', 'notes.txt', 'no-extension']) {
      const file = path.join(dir, name);
      fs.writeFileSync(file, 'berharga');
      const error = refusal(() => writeExport(file, 'laporan', ['.docx']));
      expect(error.kind).toBe('conflict');
      expect(error.text?.en).toBe(`${file} already exists and is not a .docx file, so Tematik did not overwrite it with the export. Choose a name ending in .docx.`);
      expect(error.text?.id).toContain(`${file} sudah ada dan bukan berkas .docx`);
      expect(fs.readFileSync(file, 'utf8')).toBe('berharga');
    }
    expect(fs.readdirSync(dir).sort()).toEqual(['no-extension', 'notes.txt', 'study.tematik']);
  });

  it('replaces the file a link points to, through the link, and refuses a link to another kind', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'real.csv'), 'lama');
    fs.symlinkSync('real.csv', path.join(dir, 'link.csv'));
    writeExport(path.join(dir, 'link.csv'), 'baru', ['.csv']);
    expect(fs.lstatSync(path.join(dir, 'link.csv')).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(path.join(dir, 'real.csv'), 'utf8')).toBe('baru');
    fs.writeFileSync(path.join(dir, 'project.tematik'), 'berharga');
    fs.symlinkSync('project.tematik', path.join(dir, 'disguised.csv'));
    expect(refusal(() => writeExport(path.join(dir, 'disguised.csv'), 'x', ['.csv'])).kind).toBe('conflict');
    expect(fs.readFileSync(path.join(dir, 'project.tematik'), 'utf8')).toBe('berharga');
  });

  it('refuses a folder in the way and a folder that does not exist', () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'report.docx'));
    const folder = refusal(() => writeExport(path.join(dir, 'report.docx'), 'x', ['.docx']));
    expect(folder.kind).toBe('conflict');
    expect(folder.message).toMatch(/report\.docx is a folder/);
    const missing = refusal(() => writeExport(path.join(dir, 'belum-ada', 'report.docx'), 'x', ['.docx']));
    expect(missing.kind).toBe('not_found');
    expect(missing.text?.en).toBe(`The folder ${path.join(dir, 'belum-ada')} does not exist, so report.docx was not written. Choose an existing folder, or create it first.`);
    expect(missing.text?.id).toContain('tidak ada');
    expect(fs.existsSync(path.join(dir, 'belum-ada'))).toBe(false);
  });

  it.runIf(canMountSmallDisk)('on a full disk: says so, keeps the previous export, leaves no temporary file', () => {
    const { error, files, content } = onSmallDisk('full');
    expect(error?.kind).toBe('disk_full');
    expect(error?.en).toMatch(/^The disk holding .* is full, so laporan\.docx was not written; the file that was there is unchanged\. Free some space/);
    expect(error?.id).toMatch(/penuh, jadi laporan\.docx tidak ditulis; berkas yang sudah ada di sana tidak berubah/);
    expect(files).toEqual(['laporan.docx']);
    expect(content).toBe('laporan lama');
  });

  it.runIf(canMountSmallDisk)('on a read-only disk: says so and keeps the previous export', () => {
    const { error, files, content } = onSmallDisk('read-only');
    expect(error?.kind).toBe('permission');
    expect(error?.en).toMatch(/^Tematik may not write laporan\.docx in .*; the file that was there is unchanged\. Choose a folder you can write to/);
    expect(files).toEqual(['laporan.docx']);
    expect(content).toBe('laporan lama');
  });
});

describe('exports through the contract', () => {
  // Not on PostgreSQL (TEMATIK_TEST_STORE): A team project has no file to write over; a team server hands exports to the browser (roles.ts `downloads`).
  it.skipIf(onPostgres())('never write a report, a table, a map or a REFI-QDA file over the project file', async () => {
    const client = await newProject();
    await client.invoke('codes.create', { name: 'Kepercayaan' });
    const before = fs.readFileSync(client.file);
    const attempts: [string, () => Promise<unknown>][] = [
      ['report.word', () => client.invoke('report.word', { path: client.file })],
      ['export.table', () => client.invoke('export.table', { table: 'codebook', path: client.file })],
      ['export.themeMap', () => client.invoke('export.themeMap', { path: client.file, format: 'svg' })],
      ['refi.exportProject', () => client.invoke('refi.exportProject', { path: client.file })],
      ['refi.exportCodebook', () => client.invoke('refi.exportCodebook', { path: client.file })],
      ['taguette.exportCodebook', () => client.invoke('taguette.exportCodebook', { path: client.file })],
    ];
    for (const [action, attempt] of attempts) {
      await expect(attempt(), action).rejects.toMatchObject({ kind: 'conflict', message: expect.stringContaining(`${client.file} already exists and is not a`) });
    }
    expect(fs.readFileSync(client.file).equals(before)).toBe(true);
    expect(fs.readdirSync(client.dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect((await client.invoke('codes.list', {})).map((c) => c.name)).toEqual(['Kepercayaan']);
  });

  it('replace an earlier export of the same kind', async () => {
    const client = await newProject();
    const file = path.join(client.dir, 'buku-kode.csv');
    fs.writeFileSync(file, 'lama');
    await client.invoke('codes.create', { name: 'Kepercayaan' });
    await client.invoke('export.table', { table: 'codebook', path: file });
    expect(fs.readFileSync(file, 'utf8')).toContain('Kepercayaan');
  });
});
