import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-project';

/** The built CLI, as `npx tematik` runs it (npm test builds it first). */
const BIN = path.resolve(__dirname, '../../dist/src/cli/tematik.js');

function tematik(language: 'en' | 'id', ...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, TEMATIK_CODER: 'Peneliti CLI', TEMATIK_LANG: language };
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) delete env[name];
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('tematik import-comments', () => {
  let dir: string;
  let project: string;
  let rows: { project: string; theme: { guid: string; name: string }; coding: { guid: string; quote: string } };

  beforeAll(() => {
    if (!fs.existsSync(BIN)) throw new Error(`${BIN} is missing: run "npm run build:core" first (npm test does).`);
    dir = tempDir();
    project = path.join(dir, 'contoh.tematik');
    expect(tematik('en', 'sample', '--worked', project).code).toBe(0);
    const db = new Database(project, { readonly: true });
    rows = {
      project: db.prepare('SELECT guid FROM project').pluck().get() as string,
      theme: db.prepare('SELECT guid, name FROM themes ORDER BY id LIMIT 1').get() as { guid: string; name: string },
      coding: db.prepare('SELECT guid, quote FROM codings ORDER BY id LIMIT 1').get() as { guid: string; quote: string },
    };
    db.close();
  });

  const commentsFile = (projectGuid: string, name = 'komentar.json'): string => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, JSON.stringify({
      format: 'tematik-review-comments', version: 1, projectGuid, packageGuid: '9e8d7c6b-5a49-4382-9716-05f4e3d2c1b0',
      packageCreatedAt: '2026-12-01T08:00:00.000Z', reviewer: 'Dr. Sari', savedAt: '2026-12-03T12:00:00.000Z',
      comments: [
        { guid: 'c0ffee00-0000-4000-8000-000000000001', target: { kind: 'theme', guid: rows.theme.guid, label: rows.theme.name }, body: 'Definisinya?', createdAt: '2026-12-02T09:00:00.000Z' },
        { guid: 'c0ffee00-0000-4000-8000-000000000002', target: { kind: 'coding', guid: rows.coding.guid, label: rows.coding.quote.slice(0, 40) }, body: 'Kutipan kuat.', createdAt: '2026-12-02T09:01:00.000Z' },
        { guid: 'c0ffee00-0000-4000-8000-000000000003', target: { kind: 'theme', guid: '00000000-0000-4000-8000-00000000dead', label: 'Tema lama' }, body: 'Masih relevan?', createdAt: '2026-12-02T09:02:00.000Z' },
      ],
    }));
    return file;
  };

  it('imports a comments file, reports what it did, and adds nothing the second time', () => {
    const file = commentsFile(rows.project);
    const first = tematik('en', 'import-comments', project, file);
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout).toBe([
      'Imported 3 comment(s) by Dr. Sari from komentar.json.',
      '- Added: 1 on themes, 0 on links, 0 on codes, 1 on quotes.',
      '- Kept without a place, because what they were on was deleted or merged since the package (1):',
      '  - on theme "Tema lama"',
      '',
    ].join('\n'));
    const again = tematik('id', 'import-comments', project, file, '--json');
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ added: { theme: 0, link: 0, code: 0, coding: 0 }, already: 3, unplaced: [] });
  });

  it('refuses a file of another project with exit status 1 and the reason in the user\'s language; a missing file argument is a usage error', () => {
    const refused = tematik('id', 'import-comments', project, commentsFile('00000000-1111-4222-8333-444444444444', 'lain.json'));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/lain\.json berisi komentar untuk proyek lain/);
    expect(tematik('en', 'import-comments', project).code).toBe(2);
  });
});
