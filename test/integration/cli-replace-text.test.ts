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
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('tematik replace-text', () => {
  beforeAll(() => {
    if (!fs.existsSync(BIN)) throw new Error(`${BIN} is missing: run "npm run build:core" first (npm test does).`);
  });

  it('shows the plan in either language, then replaces the transcript with its codings carried over; undo takes it back', () => {
    const project = path.join(tempDir(), 'studi.tematik');
    expect(tematik('en', 'sample', '--worked', project).code).toBe(0);
    const read = () => {
      const db = new Database(project, { readonly: true });
      try {
        return {
          text: db.prepare(`SELECT text FROM documents WHERE title = 'P-01_fashion'`).pluck().get() as string,
          quotes: db.prepare(`SELECT c.quote FROM codings c JOIN documents d ON d.id = c.document_id WHERE d.title = 'P-01_fashion' ORDER BY c.id`).pluck().all() as string[],
        };
      } finally {
        db.close();
      }
    };
    const before = read();
    const corrected = path.join(tempDir(), 'P-01_revisi.txt');
    const cut = before.quotes[1]!;
    fs.writeFileSync(corrected, before.text.replace('Instagram Story', 'Instagram Stories').replace(cut, ''));

    const plan = tematik('en', 'replace-text', project, 'P-01_fashion', corrected, '--plan');
    expect(plan.code).toBe(0);
    expect(plan.stdout).toMatch(/Replacing "P-01_fashion" with the corrected "P-01_revisi.txt": \d+ place\(s\) differ; turns 27 → 27/);
    expect(plan.stdout).toContain('Codings that cannot be placed (their text is not in the corrected version), 1; they would be removed:');
    expect(tematik('id', 'replace-text', project, 'P-01_fashion', corrected, '--plan').stdout).toMatch(/Pengodean yang tidak bisa ditempatkan/);
    expect(read()).toEqual(before);

    const done = tematik('en', 'replace-text', project, 'P-01_fashion', corrected, '--json');
    expect(done.code).toBe(0);
    const result = JSON.parse(done.stdout) as { codingsRemoved: { quote: string }[] };
    expect(result.codingsRemoved.map((c) => c.quote)).toEqual([cut]);
    const after = read();
    expect(after.text).toContain('Instagram Stories');
    expect(after.quotes).toHaveLength(before.quotes.length - 1);
    expect(after.quotes[0]).toBe(before.quotes[0]!.replace('Instagram Story', 'Instagram Stories'));

    expect(tematik('en', 'undo', project).code).toBe(0);
    expect(read()).toEqual(before);
  });

  it('refuses a missing file, naming it, and changes nothing', () => {
    const project = path.join(tempDir(), 'studi.tematik');
    expect(tematik('en', 'sample', '--worked', project).code).toBe(0);
    const refused = tematik('en', 'replace-text', project, 'P-01_fashion', path.join(tempDir(), 'hilang.docx'));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/hilang\.docx: the file does not exist/);
  });
});
