import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { localClient } from '../../src/api/client';
import { damagePage, pagesOf, sampleProjectFile } from '../helpers/project-files';
import { tempDir } from '../helpers/temp-project';

const BIN = path.resolve(__dirname, '../../dist/src/cli/tematik.js');

function tematik(language: 'en' | 'id', ...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, TEMATIK_CODER: 'Peneliti CLI', TEMATIK_LANG: language } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('tematik check', () => {
  let healthy: string;
  beforeAll(async () => {
    if (!fs.existsSync(BIN)) throw new Error(`${BIN} is missing: run "npm run build:core" first (npm test does).`);
    healthy = await sampleProjectFile();
  }, 60_000);

  it('exits 0 for a sound file, even while Tematik has it open for writing', async () => {
    const app = localClient({ coder: 'Rina' });
    await app.invoke('project.open', { path: healthy });
    const result = tematik('en', 'check', healthy);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^No damage found: SQLite checked all \d+ pages of the project file \([\d.]+ MB\) in [\d.,]+ (ms|s)\.\n$/);
    expect(tematik('id', 'check', healthy).stdout).toMatch(/^Tidak ada kerusakan: SQLite memeriksa seluruh \d+ halaman/);
    const json = JSON.parse(tematik('en', 'check', healthy, '--json').stdout) as { ok: boolean; depth: string };
    expect(json).toMatchObject({ ok: true, depth: 'full' });
    app.session.close();
  });

  it('exits 1 for a damaged file, with what SQLite found and the way out', () => {
    const file = path.join(tempDir(), 'study.tematik');
    fs.copyFileSync(healthy, file);
    damagePage(file, pagesOf(file, 'documents', 'leaf')[0]!);
    const result = tematik('en', 'check', file);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^The project file is damaged: SQLite found \d+ problem\(s\) in .*restore the last backup/);
    expect(result.stdout).toMatch(/\n {2}Tree \d+ page \d+/);
    expect(result.stderr).toMatch(/note: study\.tematik is damaged/);
  });

  it('exits 1 for a file that is empty', () => {
    const file = path.join(tempDir(), 'study.tematik');
    fs.writeFileSync(file, '');
    const result = tematik('en', 'check', file);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/study\.tematik is empty \(0 bytes\) or damaged/);
  });
});
