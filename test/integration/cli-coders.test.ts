import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-project';

/** The built CLI, as `npx tematik` runs it (npm test builds it first). */
const BIN = path.resolve(__dirname, '../../dist/src/cli/tematik.js');

function tematik(...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, TEMATIK_CODER: 'Peneliti CLI', TEMATIK_LANG: 'en' };
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('tematik coders', () => {
  beforeAll(() => {
    if (!fs.existsSync(BIN)) throw new Error(`${BIN} is missing: run "npm run build:core" first (npm test does).`);
  });

  it('lists, adds and renames the people who code, a rename keeping their codings', () => {
    const project = path.join(tempDir(), 'studi.tematik');
    const transcript = path.join(tempDir(), 'P-01.txt');
    fs.writeFileSync(transcript, 'Narasumber: Kami polling pelanggan di Instagram dulu.');
    expect(tematik('init', project).code).toBe(0);
    expect(tematik('import', project, transcript).code).toBe(0);
    const coded = tematik('code', project, '--document', 'P-01', '--code', 'polling', '--text', 'polling');
    expect(coded.code, coded.stderr).toBe(0);

    const added = tematik('coders', project, 'add', 'Rina');
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toMatch(/Added the coder "Rina"/);
    expect(added.stdout).toMatch(/1\s+Peneliti CLI\s+#[0-9a-f]{6}\s+1/);
    expect(added.stdout).toMatch(/2\s+Rina\s+#[0-9a-f]{6}\s+0/);

    const twice = tematik('coders', project, 'add', 'rina');
    expect(twice.code).toBe(1);
    expect(twice.stderr).toMatch(/already a coder named "rina"/);

    const renamed = tematik('coders', project, 'rename', 'Peneliti CLI', 'Dewi');
    expect(renamed.code, renamed.stderr).toBe(0);
    expect(renamed.stdout).toMatch(/Renamed the coder "Peneliti CLI" to "Dewi"; their 1 coding\(s\) stay theirs/);
    const listed = tematik('coders', project, '--json');
    expect(JSON.parse(listed.stdout).coders.map((c: { name: string; codings: number }) => [c.name, c.codings])).toEqual([['Dewi', 1], ['Rina', 0]]);
    expect(tematik('coders', project, 'rename', 'Nobody', 'X')).toMatchObject({ code: 2, stderr: expect.stringMatching(/No coder "Nobody"/) });
  });
});
