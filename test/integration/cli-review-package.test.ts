import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TriangulationMatrix } from '../../src/domain/types';
import { tempDir } from '../helpers/temp-project';
import { packageData } from '../unit/review/package-html';

/** The built CLI, as `npx tematik` runs it (npm test builds it first, the page included). */
const BIN = path.resolve(__dirname, '../../dist/src/cli/tematik.js');

function tematik(...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, TEMATIK_CODER: 'Peneliti CLI', TEMATIK_LANG: 'en' };
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('tematik review-package on the sample study', () => {
  let project: string;
  let dir: string;

  beforeAll(() => {
    if (!fs.existsSync(BIN)) throw new Error(`${BIN} is missing: run "npm run build" first (npm test does).`);
    dir = tempDir();
    project = path.join(dir, 'contoh.tematik');
    expect(tematik('sample', project, '--worked').code).toBe(0);
  });

  it('writes one HTML file with the worked example’s themes, matrix and journal, in Indonesian when asked', () => {
    const out = path.join(dir, 'telaah.html');
    const result = tematik('review-package', project, '--out', out, '--lang', 'id', '--journal', 'all');
    expect(result).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Wrote the review package to .*telaah\.html \(\d+ KB\)\n$/) });
    const html = fs.readFileSync(out, 'utf8');
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="id">')).toBe(true);
    const data = packageData(html);
    expect(data.strings.packageTitle).toBe('Paket telaah');
    const matrix = JSON.parse(tematik('call', project, 'analysis.triangulation', '{"rows":"themes"}', '--json').stdout) as TriangulationMatrix;
    expect(data.themes.map((t) => [t.name, t.cells.map((c) => c.informants)]))
      .toEqual(matrix.rows.map((r) => [r.name, r.cells.map((c) => c.informants)]));
    expect(data.themes.every((t) => t.quoteIds.length > 0)).toBe(true);
    expect(data.journal.length).toBeGreaterThan(0);
    expect(data.map!.nodes).toHaveLength(data.themes.length);
  });

  it('pseudonymises unless --no-pseudonyms, and takes journal entries by id', () => {
    const journal = JSON.parse(tematik('call', project, 'memos.list', '{"kind":"journal"}', '--json').stdout) as { id: number; title: string }[];
    const out = path.join(dir, 'nama.html');
    expect(tematik('review-package', project, '--out', out, '--no-pseudonyms', `--journal=${journal[0]!.id}`).code).toBe(0);
    const real = packageData(fs.readFileSync(out, 'utf8'));
    expect(real.pseudonymised).toBe(false);
    expect(real.journal.map((j) => j.title)).toEqual([journal[0]!.title]);
    expect(tematik('review-package', project, '--out', out).code).toBe(0);
    const pseudonymised = packageData(fs.readFileSync(out, 'utf8'));
    expect(pseudonymised.pseudonymised).toBe(true);
    expect(pseudonymised.journal).toEqual([]);
  });

  it('refuses what it cannot do, saying how to do it', () => {
    expect(tematik('review-package', project)).toMatchObject({ code: 2, stderr: expect.stringContaining('review-package needs --out review.html.') });
    expect(tematik('review-package', project, '--out', path.join(dir, 'x.html'), '--journal', 'some')).toMatchObject({ code: 2, stderr: expect.stringContaining('--journal is all, none, or journal entry ids') });
    expect(tematik('review-package', project, '--out', path.join(dir, 'x.html'), '--lang', 'fr')).toMatchObject({ code: 2, stderr: expect.stringContaining('--lang is en or id.') });
    const notes = path.join(dir, 'notes.txt');
    fs.writeFileSync(notes, 'catatan');
    expect(tematik('review-package', project, '--out', notes)).toMatchObject({ code: 1, stderr: expect.stringContaining('is not a .html file') });
    expect(fs.readFileSync(notes, 'utf8')).toBe('catatan');
  });
});
