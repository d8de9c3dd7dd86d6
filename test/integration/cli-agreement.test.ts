import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_STUDY, tempDir } from '../helpers/temp-project';
import { docxParts, plainText } from '../unit/report/docx-parts';

/** The built CLI, as `npx tematik` runs it (npm test builds it first). */
const BIN = path.resolve(__dirname, '../../dist/src/cli/tematik.js');

function tematik(coder: string, language: 'en' | 'id', ...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, TEMATIK_CODER: coder, TEMATIK_LANG: language };
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('tematik agreement', () => {
  let project: string;
  let dir: string;

  beforeAll(() => {
    if (!fs.existsSync(BIN)) throw new Error(`${BIN} is missing: run "npm run build:core" first (npm test does).`);
    dir = tempDir();
    project = path.join(dir, 'studi.tematik');
    expect(tematik('Ayu', 'en', 'init', project).code).toBe(0);
    expect(tematik('Ayu', 'en', 'import', project, path.join(SAMPLE_STUDY, 'P-01_fashion.txt')).code).toBe(0);
    // Both code the same two passages; Bima also a third.
    const stored = JSON.parse(tematik('Ayu', 'en', 'call', project, 'documents.get', '{"id": 1}').stdout).text as string;
    for (const [coder, text] of [['Ayu', 'Instagram'], ['Ayu', 'reseller'], ['Bima', 'Instagram'], ['Bima', 'reseller'], ['Bima', 'modal']] as const) {
      const start = stored.indexOf(text);
      expect(start).toBeGreaterThan(0);
      expect(tematik(coder, 'en', 'code', project, '--document', 'P-01_fashion', '--code', 'kanal', '--start', String(start), '--end', String(start + text.length)).code).toBe(0);
    }
  });

  it('prints the table in the user\'s language, naming the unit, the coders and the rule for who counts', () => {
    const id = tematik('Ayu', 'id', 'agreement', project, '--coders', 'Ayu,Bima', '--read-only');
    expect(id.code).toBe(0);
    expect(id.stdout).toContain('Kesepakatan Ayu, Bima per giliran bicara.');
    expect(id.stdout).toContain('Seorang pengode dihitung di transkrip tempat ia membuat sedikitnya satu pengodean');
    expect(id.stdout).toMatch(/Baris\s+Kode atau transkrip\s+Pengode yang dihitung\s+Unit \(giliran bicara\)/);
    expect(id.stdout).toMatch(/Semua kode, semua transkrip\s+Ayu, Bima\s+\d+\s+1\s/);
    const assigned = tematik('Ayu', 'en', 'agreement', project, '--coders', 'Ayu,Bima', '--assign', 'Ayu=1', '--assign', 'Bima=1');
    expect(assigned.stdout).toContain('A coder counts in the documents assigned to them');
    const en = tematik('Ayu', 'en', 'agreement', project, '--coders', 'ayu,BIMA', '--unit', 'document', '--json');
    expect(JSON.parse(en.stdout).rows[0]).toMatchObject({ scope: 'overall', units: 1, disagreements: 0, percent: 1 });
  });

  it('lists the disagreements and writes the table as a workbook', async () => {
    const listed = tematik('Ayu', 'en', 'agreement', project, '--coders', 'Ayu,Bima', '--disagreements');
    expect(listed.code).toBe(0);
    // One turn: the one where only Bima coded "modal" (its text shortened to 300 characters).
    expect(listed.stdout.trim().split('\n')).toHaveLength(3);
    expect(listed.stdout).toMatch(/P-01_fashion\s+kanal\s+\d+\s+\d+\s+\(none\)\s+kanal\s+\S/);
    const xlsx = path.join(dir, 'kesepakatan.xlsx');
    expect(tematik('Ayu', 'en', 'agreement', project, '--coders', 'Ayu,Bima', '--unit', 'character', '--out', xlsx)).toMatchObject({ code: 0, stdout: `Wrote the agreement table to ${xlsx}\n` });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsx);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(4).value).toBe('Units (characters)');
    expect(sheet.getRow(2).getCell(5).value).toBe('modal'.length);
  });

  it('says what is wrong with the request', () => {
    expect(tematik('Ayu', 'en', 'agreement', project)).toMatchObject({ code: 2, stderr: expect.stringContaining('agreement needs --coders') });
    expect(tematik('Ayu', 'en', 'agreement', project, '--coders', 'Ayu,Bima', '--unit', 'paragraph')).toMatchObject({ code: 2, stderr: expect.stringContaining('--unit is one of turn, sentence, character, document') });
    expect(tematik('Ayu', 'id', 'agreement', project, '--coders', 'Ayu')).toMatchObject({ code: 1, stderr: expect.stringContaining('Pilih sedikitnya dua pengode') });
    expect(tematik('Ayu', 'en', 'agreement', project, '--coders', 'Ayu,Bima', '--assign', 'Ayu')).toMatchObject({ code: 2, stderr: expect.stringContaining('--assign takes a coder and the ids of their documents') });
    expect(tematik('Ayu', 'en', 'table', project, 'agreement', '--out', path.join(dir, 'a.csv'))).toMatchObject({ code: 2, stderr: expect.stringContaining('tematik agreement <project> --coders A,B --out') });
    expect(tematik('Ayu', 'en', 'report', project, '--out', path.join(dir, 'r.docx'), '--agreement', 'kappa')).toMatchObject({ code: 2, stderr: expect.stringContaining('--agreement is one of alpha, percent, cohenKappa, brennanPrediger') });
    expect(tematik('Ayu', 'en', 'report', project, '--out', path.join(dir, 'r.docx'), '--unit', 'turn')).toMatchObject({ code: 2, stderr: expect.stringContaining('--unit goes with --agreement') });
  });

  it('puts the agreement sentence in the Word report', () => {
    const docx = path.join(dir, 'laporan.docx');
    expect(tematik('Ayu', 'id', 'report', project, '--out', docx, '--lang', 'id', '--agreement', 'percent', '--unit', 'document').code).toBe(0);
    const text = plainText(docxParts(fs.readFileSync(docx)).text('word/document.xml'));
    // One transcript, coded by both: both coded "kanal" in it, so they agree on the one unit.
    expect(text).toContain('Dua pengode mengode satu-satunya dokumen secara independen; persentase kesepakatan = 100,0%');
    expect(text).toContain('(nominal; unit: dokumen).');
    // The same unit has one value only ("kanal" present for both): α is undefined, and the sentence says why.
    expect(tematik('Ayu', 'en', 'report', project, '--out', docx, '--agreement', 'alpha', '--unit', 'document').code).toBe(0);
    expect(plainText(docxParts(fs.readFileSync(docx)).text('word/document.xml')))
      .toContain('Two coders coded the one document independently; Krippendorff’s α is undefined, as the coders’ values do not vary (nominal; unit: document).');
  });
});
