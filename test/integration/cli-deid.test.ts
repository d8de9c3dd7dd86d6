import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DeidPreview } from '../../src/domain/deid';
import { SAMPLE_STUDY, tempDir } from '../helpers/temp-project';

/** The built CLI, as `npx tematik` runs it (npm test builds it first). */
const BIN = path.resolve(__dirname, '../../dist/src/cli/tematik.js');

function tematik(language: 'en' | 'id', ...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, TEMATIK_CODER: 'Ayu', TEMATIK_LANG: language };
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('tematik deid-find, deid-apply, deid-key and share-deidentified', () => {
  beforeAll(() => {
    if (!fs.existsSync(BIN)) throw new Error(`${BIN} is missing: run "npm run build:core" first (npm test does).`);
  });

  it('finds, applies with a name and a hit left out, exports the key, and shares a copy while only reading', () => {
    const dir = tempDir();
    const project = path.join(dir, 'studi.tematik');
    expect(tematik('en', 'init', project).code).toBe(0);
    expect(tematik('en', 'import', project, '--folder', SAMPLE_STUDY, '--sheet', path.join(SAMPLE_STUDY, 'informants.csv')).code).toBe(0);

    const found = tematik('en', 'deid-find', project, '--read-only');
    expect(found.code, found.stderr).toBe(0);
    expect(found.stdout).toMatch(/informant:\d+ {2}"Joko Santoso" \(informant\) → "\[A-01\]": 15/);
    expect(found.stdout).toMatch(/A-01_asosiasi, turn 1 \(Pewawancara\): ….*Selamat malam, Pak \[Joko → \[A-01\]\]\./);
    expect(found.stdout).toContain('"Laras" (2×)');
    const preview = JSON.parse(tematik('en', 'deid-find', project, '--json').stdout) as DeidPreview;
    const hit = preview.hits.find((h) => h.text === 'Joko')!;

    const applied = tematik('id', 'deid-apply', project, '--skip-name', 'ayu larasati', '--skip-hit', hit.id);
    expect(applied.code, applied.stderr).toBe(0);
    const ayu = preview.names.find((n) => n.name === 'Ayu Larasati')!.hits;
    expect(applied.stdout).toContain(`${preview.hits.length - ayu - 1} nama di 11 transkrip diganti dalam satu langkah`);
    expect(tematik('en', 'deid-apply', project, '--skip-name', 'Nobody').stderr).toContain('No name "Nobody"');

    const key = path.join(dir, 'kunci.csv');
    expect(tematik('en', 'deid-key', project, '--out', key).code).toBe(0);
    expect(fs.readFileSync(key, 'utf8')).toMatch(/^\uFEFFReal name,Pseudonym,Kind,Informant,Replaced/);
    expect(fs.readFileSync(key, 'utf8')).toContain('Joko Santoso,[A-01],informant,A-01,14,');
    expect(tematik('en', 'deid-key', project, '--out', path.join(dir, 'kunci.txt')).code).toBe(2);

    const out = path.join(dir, 'dibagikan.tematik');
    const shared = tematik('en', 'share-deidentified', project, out, '--qdpx', path.join(dir, 'dibagikan.qdpx'), '--withhold', 'city', '--read-only');
    expect(shared.code, shared.stderr).toBe(0);
    expect(shared.stdout).toContain(`Wrote the de-identified copy to ${out}`);
    expect(shared.stdout).toContain('"Ayu Larasati" → "[KP-02]"');
    expect(fs.existsSync(path.join(dir, 'dibagikan.deid-report.txt'))).toBe(true);
    // The copy has no names left to find: its informants are known by their labels only.
    expect(tematik('en', 'deid-find', out).stdout).toContain('Names looked for (0)');
    expect(tematik('en', 'deid-find', out).stdout).toContain('No name was found in the transcripts.');
  });
});
