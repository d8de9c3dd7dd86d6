import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_STUDY, tempDir } from '../helpers/temp-project';

/** The built CLI, as `npx tematik` runs it (npm test builds it first). */
const BIN = path.resolve(__dirname, '../../dist/src/cli/tematik.js');

function tematik(coder: string, language: 'en' | 'id', ...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, TEMATIK_CODER: coder, TEMATIK_LANG: language };
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('tematik copy-for-coder and merge', () => {
  beforeAll(() => {
    if (!fs.existsSync(BIN)) throw new Error(`${BIN} is missing: run "npm run build:core" first (npm test does).`);
  });

  it('makes a copy, merges it back after a plan with a conflict settled by number, and a second merge changes nothing', () => {
    const dir = tempDir();
    const project = path.join(dir, 'studi.tematik');
    const copy = path.join(dir, 'untuk-bima.tematik');
    expect(tematik('Ayu', 'en', 'init', project).code).toBe(0);
    expect(tematik('Ayu', 'en', 'import', project, path.join(SAMPLE_STUDY, 'P-01_fashion.txt')).code).toBe(0);
    expect(tematik('Ayu', 'en', 'code', project, '--document', 'P-01_fashion', '--code', 'kanal', '--text', 'polling di Instagram').code).toBe(0);

    // Only reads the project: it may run while the app has it open.
    const made = tematik('Ayu', 'id', 'copy-for-coder', project, copy, '--coder', 'Bima', '--read-only');
    expect(made.code, made.stderr).toBe(0);
    expect(made.stdout).toContain(`Salinan untuk Bima ditulis ke ${copy}`);
    expect(tematik('Ayu', 'en', 'copy-for-coder', project, copy, '--coder', 'Citra').stderr).toContain('already exists');

    for (const text of ['polling di Instagram', 'reseller']) expect(tematik('Bima', 'en', 'code', copy, '--document', 'P-01_fashion', '--code', 'kanal', '--text', text).code).toBe(0);
    const kanal = JSON.parse(tematik('Ayu', 'en', 'list', project, 'codes', '--json').stdout)[0].id as number;
    expect(tematik('Ayu', 'en', 'call', project, 'codes.update', JSON.stringify({ id: kanal, name: 'saluran' })).code).toBe(0);
    expect(tematik('Bima', 'en', 'call', copy, 'codes.update', JSON.stringify({ id: kanal, name: 'channel' })).code).toBe(0);

    const plan = tematik('Ayu', 'en', 'merge', project, copy, '--plan');
    expect(plan.code, plan.stderr).toBe(0);
    expect(plan.stdout).toContain('the copy made for Bima');
    expect(plan.stdout).toContain('Codings of Bima: 2 to add, 0 already in the project.');
    expect(plan.stdout).toContain('1. saluran: renamed in both (project: "saluran", copy: "channel")');

    const unsettled = tematik('Ayu', 'id', 'merge', project, copy);
    expect(unsettled.code).toBe(1);
    expect(unsettled.stderr).toContain('konflik');
    expect(tematik('Ayu', 'en', 'merge', project, copy, '--resolve', '7=copy').code).toBe(1);

    const merged = tematik('Ayu', 'en', 'merge', project, copy, '--resolve', '1=copy', '--json');
    expect(merged.code, merged.stderr).toBe(0);
    expect(JSON.parse(merged.stdout)).toMatchObject({ unchanged: false, codings: [{ coder: 'Bima', added: 2, already: 0 }], codesRenamed: 1 });
    const again = tematik('Ayu', 'en', 'merge', project, copy, '--resolve', 'suggested');
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain('holds nothing the project does not have already');
    expect(JSON.parse(tematik('Ayu', 'en', 'list', project, 'codes', '--json').stdout)[0]).toMatchObject({ name: 'channel', codingCount: 3 });
  }, 120_000); // sixteen CLI processes, each starting Node; the budget is for a loaded CI machine, not a speed target

  it('says how the codings of a transcript edited since the copy are placed, and lists the one that cannot be', () => {
    const dir = tempDir();
    const project = path.join(dir, 'studi.tematik');
    const copy = path.join(dir, 'untuk-bima.tematik');
    expect(tematik('Ayu', 'en', 'init', project).code).toBe(0);
    expect(tematik('Ayu', 'en', 'import', project, path.join(SAMPLE_STUDY, 'P-01_fashion.txt')).code).toBe(0);
    expect(tematik('Ayu', 'en', 'copy-for-coder', project, copy, '--coder', 'Bima').code).toBe(0);
    for (const text of ['polling di Instagram', 'Kapasitas produksi']) expect(tematik('Bima', 'en', 'code', copy, '--document', 'P-01_fashion', '--code', 'kanal', '--text', text).code).toBe(0);
    const copyText = (JSON.parse(tematik('Bima', 'en', 'call', copy, 'documents.get', '{"id": 1}').stdout) as { text: string }).text;

    // The researcher corrects a word of one coded passage and cuts the other.
    const doc = JSON.parse(tematik('Ayu', 'en', 'call', project, 'documents.get', '{"id": 1}').stdout) as { text: string; contentHash: string };
    const at = (words: string) => doc.text.indexOf(words);
    const edits = [{ start: at('polling di'), end: at('polling di') + 7, text: 'voting' }, { start: at('Kapasitas produksi. '), end: at('Kapasitas produksi. ') + 20, text: '' }];
    const edited = tematik('Ayu', 'en', 'call', project, 'documents.editText', JSON.stringify({ id: 1, expectedHash: doc.contentHash, edits }));
    expect(edited.code, edited.stderr).toBe(0);

    const plan = tematik('Ayu', 'en', 'merge', project, copy, '--plan');
    expect(plan.code, plan.stderr).toBe(0);
    expect(plan.stdout).toContain('Codings of transcripts whose text differs: 1 carried to the same words through an alignment of the two texts, 0 placed where their text occurs once, 1 not placed.');
    expect(plan.stdout).toContain(`Not placed (its words are gone from the project's text): code kanal, coder Bima, "P-01_fashion" at ${copyText.indexOf('Kapasitas produksi')} in the copy: "Kapasitas produksi".`);
    const merged = tematik('Ayu', 'id', 'merge', project, copy, '--resolve', 'suggested');
    expect(merged.code, merged.stderr).toBe(0);
    expect(merged.stdout).toContain('1 dibawa ke kata-kata yang sama melalui penjajaran kedua teks, 0 ditempatkan di tempat teksnya muncul sekali, 1 tidak dapat ditempatkan.');
    const codings = JSON.parse(tematik('Ayu', 'en', 'call', project, 'codings.forDocument', '{"documentId": 1}').stdout) as unknown;
    expect(JSON.stringify(codings)).toContain('voting di Instagram');
  }, 120_000); // ten CLI processes, each starting Node; the budget is for a loaded CI machine, not a speed target
});
