import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-project';
import { FOUR_CUES_VTT, toneWav } from '../helpers/wav';

/** The built CLI, as `npx tematik` runs it (npm test builds it first). */
const BIN = path.resolve(__dirname, '../../dist/src/cli/tematik.js');

function tematik(language: 'en' | 'id', ...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, TEMATIK_CODER: 'Peneliti CLI', TEMATIK_LANG: language };
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('tematik link-recording and recordings', () => {
  let dir: string;
  let project: string;

  beforeAll(() => {
    if (!fs.existsSync(BIN)) throw new Error(`${BIN} is missing: run "npm run build:core" first (npm test does).`);
    dir = tempDir();
    project = path.join(dir, 'studi.tematik');
    fs.writeFileSync(path.join(dir, 'S-01.vtt'), FOUR_CUES_VTT);
    fs.writeFileSync(path.join(dir, 'S-02.vtt'), FOUR_CUES_VTT.replace('Ibu', 'Bapak'));
    fs.writeFileSync(path.join(dir, 'S-01.wav'), toneWav(2));
    fs.writeFileSync(path.join(dir, 'S-02.wav'), toneWav(1));
    expect(tematik('en', 'init', project).code).toBe(0);
    expect(tematik('en', 'import', project, path.join(dir, 'S-01.vtt'), path.join(dir, 'S-02.vtt')).code).toBe(0);
  });

  it('links by reference or embedded, lists the status of each, and says what to do about a missing one', () => {
    expect(tematik('en', 'link-recording', project, 'S-01', path.join(dir, 'S-01.wav'))).toMatchObject({ code: 0, stdout: 'Linked "S-01.wav" to "S-01": found.\n' });
    const embedded = tematik('en', 'link-recording', project, 'S-02', path.join(dir, 'S-02.wav'), '--embed');
    expect(embedded).toMatchObject({ code: 0, stdout: expect.stringContaining('Embedded "S-02.wav" (16 KB) in the project for "S-02"') });

    fs.rmSync(path.join(dir, 'S-01.wav'));
    fs.rmSync(path.join(dir, 'S-02.wav'));
    const listed = tematik('en', 'recordings', project);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/^S-01\s+S-01\.wav\s+missing\s+\S*S-01\.wav$/m);
    expect(listed.stdout).toMatch(/^S-02\s+S-02\.wav\s+embedded\s+—$/m);
    expect(listed.stdout).toContain('The recording "S-01.wav" of "S-01" was not found. Looked in:');

    const json = JSON.parse(tematik('en', 'recordings', project, '--json').stdout) as { documentTitle: string; status: string }[];
    expect(json.map((r) => [r.documentTitle, r.status])).toEqual([['S-01', 'missing'], ['S-02', 'embedded']]);
    expect(tematik('id', 'recordings', project, '--read-only').stdout).toMatch(/^S-01\s+S-01\.wav\s+hilang/m);

    expect(tematik('en', 'unlink-recording', project, 'S-01')).toMatchObject({ code: 0, stdout: 'Unlinked the recording from "S-01".\n' });
    expect(tematik('en', 'unlink-recording', project, 'S-01')).toMatchObject({ code: 1, stderr: expect.stringContaining('"S-01" has no linked recording to unlink.') });
    expect(tematik('en', 'link-recording', project, 'S-01')).toMatchObject({ code: 2 });
    const notMedia = tematik('id', 'link-recording', project, 'S-01', path.join(dir, 'S-01.vtt'));
    expect(notMedia).toMatchObject({ code: 1, stderr: expect.stringContaining('bukan rekaman yang bisa diputar Tematik') });
  });
});
