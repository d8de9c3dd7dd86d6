import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../src/store/migrations/index';
import { tempDir } from '../helpers/temp-project';

/** The built CLI, as `npx tematik` runs it (npm test builds it first). */
const BIN = path.resolve(__dirname, '../../dist/src/cli/tematik.js');

function tematik(...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, TEMATIK_CODER: 'Peneliti CLI', TEMATIK_LANG: 'en' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const codes = (project: string) => (JSON.parse(tematik('list', project, 'codes', '--json').stdout) as { name: string }[]).map((c) => c.name);

describe('backups from the command line', () => {
  let project: string;

  beforeAll(() => {
    if (!fs.existsSync(BIN)) throw new Error(`${BIN} is missing: run "npm run build:core" first (npm test does).`);
    project = path.join(tempDir(), 'studi.tematik');
    expect(tematik('init', project, '--name', 'Studi cadangan').code).toBe(0);
    expect(tematik('call', project, 'codes.create', '{"name": "sebelum"}').code).toBe(0);
  });

  it('backs up now, lists the backups as a table, and restores the latest', () => {
    const made = tematik('backup', project);
    expect(made.code, made.stderr).toBe(0);
    expect(made.stdout).toMatch(/^Backed up to .*studi\.tematik-backups[/\\]studi\..*\.manual\.tematik-backup \(\d+ KB\)$/m);
    expect(tematik('call', project, 'codes.create', '{"name": "sesudah"}').code).toBe(0);

    const listed = tematik('backups', project);
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout).toMatch(/^When\s+Kind\s+Size\s+Documents\s+Codings\s+Id$/m);
    expect(listed.stdout).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d\s+manual\s+\d+ KB\s+0\s+0\s+studi\..*\.manual\.tematik-backup$/m);

    const restored = tematik('restore', project, '--latest');
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.stdout).toMatch(/^Restored "Studi cadangan" from the backup of .*kept as a backup too \(studi\..*\.before-restore\.tematik-backup\)/);
    expect(codes(project)).toEqual(['sebelum']);

    // The before-restore backup undoes the restore, by its id.
    const kept = (JSON.parse(tematik('backups', project, '--json').stdout) as { backups: { id: string; kind: string }[] }).backups.find((b) => b.kind === 'before-restore')!;
    expect(tematik('restore', project, kept.id).code).toBe(0);
    expect(codes(project)).toEqual(['sebelum', 'sesudah']);
  });

  it('restores a project that no longer opens, and says in Indonesian why a backup is refused', () => {
    const broken = path.join(path.dirname(project), 'rusak.tematik');
    fs.copyFileSync(project, broken);
    expect(tematik('backup', broken).code).toBe(0);
    fs.writeFileSync(broken, 'bukan lagi basis data');
    expect(tematik('list', broken, 'codes').code).toBe(1);

    const newer = path.join(path.dirname(project), 'baru.tematik-backup');
    const [backup] = (JSON.parse(tematik('backups', broken, '--json').stdout) as { backups: { path: string }[] }).backups;
    fs.copyFileSync(backup!.path, newer);
    const raw = new Database(newer);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.close();
    const refused = spawnSync(process.execPath, [BIN, 'restore', broken, newer], { encoding: 'utf8', env: { ...process.env, TEMATIK_LANG: 'id' } });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/baru\.tematik-backup dibuat oleh Tematik versi yang lebih baru .* proyek tidak diubah/);
    expect(fs.readFileSync(broken, 'utf8')).toBe('bukan lagi basis data');

    const restored = tematik('restore', broken, '--latest');
    expect(restored.code, restored.stderr).toBe(0);
    expect(codes(broken)).toEqual(['sebelum', 'sesudah']);
  });

  it('says how to name the backup to restore', () => {
    const result = tematik('restore', project);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/restore needs the backup to restore .* or --latest/);
  });
});
