import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { localClient } from '../../../src/api/client';
import { lockPathFor } from '../../../src/store/lock';
import { damagePage, pagesOf, sampleProjectFile } from '../../helpers/project-files';
import { tempDir } from '../../helpers/temp-project';
import { refused } from '../../helpers/refused';

const open = async (file: string, readOnly = false) => {
  const client = localClient({ coder: 'Peneliti A' });
  const info = await client.invoke('project.open', { path: file, readOnly });
  return { client, info };
};


const besideIt = (file: string) => fs.readdirSync(path.dirname(file)).sort();

describe('a file that is not a project any more', () => {
  let healthy: string;
  beforeAll(async () => { healthy = await sampleProjectFile(); }, 60_000);

  it('refuses a zero-byte file as empty or damaged, and leaves it exactly as it was', async () => {
    const file = path.join(tempDir(), 'study.tematik');
    fs.writeFileSync(file, '');
    const error = await refused(open(file));
    expect(error.kind).toBe('damaged');
    expect(error.message).toMatch(/study\.tematik is empty \(0 bytes\) or damaged: it is not a project.*restore the last backup/);
    expect(error.text?.id).toMatch(/kosong \(0 byte\) atau rusak/);
    expect(fs.statSync(file).size).toBe(0);
    expect(besideIt(file)).toEqual(['study.tematik']);
    expect((await refused(open(file, true))).kind).toBe('damaged');
  });

  it('refuses an SQLite database with nothing in it instead of making it a new project', async () => {
    const file = path.join(tempDir(), 'study.tematik');
    const db = new Database(file);
    db.pragma('user_version = 0');
    db.exec('VACUUM');
    db.close();
    const size = fs.statSync(file).size;
    expect(size).toBeGreaterThan(0);
    const error = await refused(open(file));
    expect(error).toMatchObject({ kind: 'damaged', message: expect.stringMatching(/is an empty database, not a project/) });
    expect(fs.statSync(file).size).toBe(size);
    expect(fs.existsSync(lockPathFor(file))).toBe(false);
  });

  it('never creates a project over an existing file, even an empty one', async () => {
    const file = path.join(tempDir(), 'study.tematik');
    fs.writeFileSync(file, '');
    const error = await refused(localClient({ coder: 'x' }).invoke('project.create', { path: file }));
    expect(error).toMatchObject({ kind: 'conflict', message: expect.stringMatching(/already exists/) });
    expect(fs.statSync(file).size).toBe(0);
    expect(besideIt(file)).toEqual(['study.tematik']);
  });

  it('opens a file cut short read-only, says it is damaged and how to get out, and the check lists what is missing', async () => {
    const file = path.join(tempDir(), 'study.tematik');
    fs.copyFileSync(healthy, file);
    // A quarter lost, as a copy cut off by a full USB stick: SQLite's own tables (the schema) are near the start and survive.
    const pages = fs.statSync(file).size / 4096;
    expect(Math.max(...pagesOf(file, 'sqlite_schema'))).toBeLessThan(Math.floor(pages * 0.75));
    fs.truncateSync(file, Math.floor(pages * 0.75) * 4096);
    const { client, info } = await open(file);
    expect(info.readOnly).toBe('damaged');
    expect(info.notices[0]?.en).toMatch(/study\.tematik is damaged: SQLite found \d+ problem\(s\) in .*It is open read-only so that nothing more is lost\. Export what can still be read.*restore the last backup \(Project › Restore from backup\)/);
    expect(info.notices[0]?.id).toMatch(/rusak: SQLite menemukan \d+ masalah/);
    expect(fs.existsSync(lockPathFor(file))).toBe(false);

    const write = await refused(client.invoke('codes.create', { name: 'baru' }));
    expect(write.kind).toBe('read_only');
    expect(write.message).toMatch(/study\.tematik is damaged, so it is open read-only: this change was not made\. Export what can still be read, or restore the last backup/);
    const report = await client.invoke('project.check', {});
    expect(report).toMatchObject({ ok: false, depth: 'full' });
    expect(report.problems.length).toBeGreaterThan(0);
    expect(report.summary.en).toMatch(/The project file is damaged: SQLite found \d+ problem\(s\) in/);
    client.session.close();
  });

  it('opens a file with a damaged page of transcripts read-only, and the check names the transcripts', async () => {
    const file = path.join(tempDir(), 'study.tematik');
    fs.copyFileSync(healthy, file);
    const size = fs.statSync(file).size;
    const page = pagesOf(file, 'documents', 'leaf')[0]!;
    damagePage(file, page);
    const { client, info } = await open(file);
    expect(info).toMatchObject({ readOnly: 'damaged', name: 'Co-creation UMKM' });
    expect(info.notices[0]?.en).toMatch(/problem\(s\) in the transcripts/);
    // What the damage spared can still be read, and exported.
    expect((await client.invoke('codes.list', {})).map((c) => c.name)).toEqual(['kolaborasi']);
    const csv = path.join(tempDir(), 'codebook.csv');
    await client.invoke('export.table', { table: 'codebook', path: csv });
    expect(fs.readFileSync(csv, 'utf8')).toContain('kolaborasi');

    const report = await client.invoke('project.check', {});
    expect(report.ok).toBe(false);
    expect(report.parts).toContain('transcripts');
    expect(report.problems.some((line) => new RegExp(`page ${page}\\b`).test(line))).toBe(true);
    expect(report.summary.id).toMatch(/pada transkrip/);
    expect((await refused(client.invoke('memos.create', { body: 'x', target: { kind: 'project' } }))).kind).toBe('read_only');
    expect((await refused(client.invoke('history.undo', {}))).kind).toBe('read_only');
    client.session.close();
    expect(fs.statSync(file).size).toBe(size);
  });

  it('refuses a file cut in half, its schema lost with the end, as too damaged to open', async () => {
    const file = path.join(tempDir(), 'study.tematik');
    fs.copyFileSync(healthy, file);
    const half = Math.floor(fs.statSync(file).size / 8192);
    expect(Math.max(...pagesOf(file, 'sqlite_schema'))).toBeGreaterThan(half);
    fs.truncateSync(file, half * 4096);
    const error = await refused(open(file));
    expect(error).toMatchObject({ kind: 'damaged', message: expect.stringMatching(/study\.tematik is too damaged to open \(database disk image is malformed\)\. Restore the last backup/) });
    expect(besideIt(file)).toEqual(['study.tematik']);
  });

  it('refuses a file whose first page is gone as too damaged to open, naming the way out', async () => {
    const file = path.join(tempDir(), 'study.tematik');
    fs.copyFileSync(healthy, file);
    damagePage(file, 1, 100, 3000);
    const error = await refused(open(file));
    expect(error.kind).toBe('damaged');
    expect(error.message).toMatch(/study\.tematik is too damaged to open \(.*\)\. Restore the last backup/);
    expect(fs.existsSync(lockPathFor(file))).toBe(false);
  });

  it('finds nothing wrong with a healthy file, on opening or on demand', async () => {
    const { client, info } = await open(healthy);
    expect(info).toMatchObject({ readOnly: null, notices: [] });
    const report = await client.invoke('project.check', {});
    expect(report).toMatchObject({ ok: true, parts: [], problems: [] });
    expect(report.pages).toBeGreaterThan(50);
    expect(report.summary.en).toMatch(/^No damage found: SQLite checked all \d+ pages of the project file \([\d.]+ MB\) in [\d.,]+ (ms|s)\.$/);
    expect((await client.invoke('project.info', {})).readOnly).toBeNull();
    client.session.close();
  });
});
