import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_SHEET, SAMPLE_STUDY, tempDir } from '../helpers/temp-project';

/** The built CLI, as `npx tematik` runs it (npm test builds it first). */
const BIN = path.resolve(__dirname, '../../dist/src/cli/tematik.js');
const TAGUETTE = path.resolve(__dirname, '../fixtures/taguette');

function tematik(...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, TEMATIK_CODER: 'Peneliti CLI', TEMATIK_LANG: 'en' };
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('tables and Taguette codebooks from the command line', () => {
  let project: string;
  let dir: string;

  beforeAll(() => {
    if (!fs.existsSync(BIN)) throw new Error(`${BIN} is missing: run "npm run build:core" first (npm test does).`);
    dir = tempDir();
    project = path.join(dir, 'studi.tematik');
    expect(tematik('init', project, '--name', 'Studi UMKM').code).toBe(0);
    expect(tematik('import', project, '--folder', SAMPLE_STUDY, '--sheet', SAMPLE_SHEET).code).toBe(0);
  });

  it('writes a workbook when --out ends in .xlsx and a semicolon CSV with --delimiter', async () => {
    const xlsx = path.join(dir, 'informan.xlsx');
    expect(tematik('table', project, 'informants', '--out', xlsx)).toMatchObject({ code: 0, stdout: `Wrote informants to ${xlsx} (Excel workbook)\n` });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsx);
    expect(workbook.title).toBe('Studi UMKM');
    const sheet = workbook.getWorksheet('Informants')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Informant');
    const ayu = sheet.getRows(2, sheet.rowCount - 1)!.find((r) => r.getCell(2).value === 'Ayu Larasati')!;
    expect(ayu.getCell(3).value).toBe('Komunitas Pelanggan');
    expect(ayu.getCell(4).value).toBe(1);

    const csv = path.join(dir, 'kode.csv');
    expect(tematik('table', project, 'informants', '--out', csv, '--delimiter', 'semicolon')).toMatchObject({ code: 0, stdout: expect.stringContaining('semicolon separated') });
    expect(fs.readFileSync(csv, 'utf8')).toContain('KP-02;Ayu Larasati;Komunitas Pelanggan;1;yes');
    // The older name of the command still works.
    expect(tematik('csv', project, 'codebook', '--out', path.join(dir, 'buku.csv')).code).toBe(0);

    expect(tematik('table', project, 'informants', '--out', path.join(dir, 'x.txt'))).toMatchObject({ code: 2, stderr: expect.stringMatching(/--out ending in \.csv .* or \.xlsx/) });
    expect(tematik('table', project, 'informants', '--out', csv, '--delimiter', 'tab')).toMatchObject({ code: 2, stderr: expect.stringMatching(/--delimiter is comma or semicolon/) });
    expect(tematik('table', project, 'informants', '--out', xlsx, '--delimiter', 'semicolon')).toMatchObject({ code: 2, stderr: expect.stringMatching(/a \.xlsx workbook has no separator/) });
  });

  it('imports Taguette\'s codebook CSV and .qdc, and exports one Taguette imports', () => {
    const imported = tematik('taguette-import', project, path.join(TAGUETTE, 'codebook.csv'));
    expect(imported).toMatchObject({ code: 0 });
    expect(imported.stdout).toContain('Codes: 5 new, 0 already in the project.');
    expect(imported.stdout).toContain('  Codes: 5 found, 5 imported, 0 skipped\n    - The column "number of highlights" was not imported');
    // Taguette's .qdc is flat: the two sub-codes of the CSV come in again at the top level.
    expect(tematik('taguette-import', project, path.join(TAGUETTE, 'codebook.qdc')).stdout).toContain('Codes: 2 new, 3 already in the project.');
    const out = path.join(dir, 'untuk-taguette.csv');
    expect(tematik('taguette-export', project, '--out', out)).toMatchObject({ code: 0 });
    const text = fs.readFileSync(out, 'utf8');
    expect(text.startsWith('name,description\r\n')).toBe(true);
    expect(text).toContain('Kemitraan / Kepercayaan,');
    expect(tematik('taguette-import', project, path.join(TAGUETTE, 'README.md'))).toMatchObject({ code: 2 });
  });
});
