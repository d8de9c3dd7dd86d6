import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_SHEET, SAMPLE_STUDY, tempDir } from '../helpers/temp-project';
import { docxParts, plainText } from '../unit/report/docx-parts';

/** The built CLI, as `npx tematik` runs it (npm test builds it first). */
const BIN = path.resolve(__dirname, '../../dist/src/cli/tematik.js');

/** English unless a test asks otherwise, whatever the locale of the machine running the tests. */
function tematik(...args: string[]) {
  return tematikIn({ TEMATIK_LANG: 'en' }, ...args);
}

function tematikIn(language: NodeJS.ProcessEnv, ...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, TEMATIK_CODER: 'Peneliti CLI', ...language };
  for (const name of ['TEMATIK_LANG', 'LC_ALL', 'LC_MESSAGES', 'LANG']) if (!language[name]) delete env[name];
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the tematik command line', () => {
  let project: string;

  beforeAll(() => {
    if (!fs.existsSync(BIN)) throw new Error(`${BIN} is missing: run "npm run build:core" first (npm test does).`);
    project = path.join(tempDir(), 'studi.tematik');
  });

  it('creates a project, imports the sample study with a progress report, lists and codes it', () => {
    expect(tematik('init', project, '--name', 'Co-creation UMKM')).toMatchObject({ code: 0, stdout: expect.stringContaining('Created project "Co-creation UMKM"') });

    const imported = tematik('import', project, '--folder', SAMPLE_STUDY, '--sheet', SAMPLE_SHEET);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(/Imported 11 document\(s\)/);
    expect(imported.stdout).toMatch(/KP-01_komunitas_kopi\.txt: \d+ words, \d+ turns, KP-01, KP-02/);
    expect(imported.stderr).toMatch(/^0% Reading/m);
    expect(imported.stderr).toMatch(/^100% Done$/m);

    const docs = tematik('list', project, 'documents');
    expect(docs.code).toBe(0);
    expect(docs.stdout).toMatch(/P-02_kopi\s+docx/);
    expect(tematik('list', project, 'informants').stdout).toMatch(/K-04\s+Bagas Wicaksono\s+Konsumen\s+0/);

    const coded = tematik('code', project, '--document', 'P-01_fashion', '--code', 'polling Instagram', '--text', 'polling di Instagram Story');
    expect(coded.code, coded.stderr).toBe(0);
    expect(coded.stdout).toMatch(/as "polling Instagram"/);

    const json = JSON.parse(tematik('stats', project, '--json').stdout) as { codings: number; documents: number; informants: number };
    expect(json).toMatchObject({ codings: 1, documents: 11, informants: 13 });
    expect(tematik('list', project, 'codes').stdout).toMatch(/polling Instagram\s+1\s+1/);

    expect(tematik('undo', project).stdout).toMatch(/Undid: Apply code "polling Instagram"/);
    expect(JSON.parse(tematik('stats', project, '--json').stdout)).toMatchObject({ codings: 0 });
    expect(tematik('list', project, 'audit').stdout).toMatch(/Peneliti CLI\s+Undo: Apply code "polling Instagram"/);
  });

  it('applies a code to an explicit range through the generic call', () => {
    const result = tematik('call', project, 'codings.apply', '{"documentId": 1, "start": 0, "end": 10, "codeName": "pembuka"}');
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ start: 0, end: 10, documentId: 1 });
  });

  it('exports the theme map, tables, the Word report and REFI-QDA files, and imports a .qdpx into a new project', () => {
    const dir = path.dirname(project);
    expect(tematik('call', project, 'themes.create', '{"name": "Co-creation digital", "codeIds": [1]}').code).toBe(0);
    expect(tematik('map', project, '--out', path.join(dir, 'model.svg'))).toMatchObject({ code: 0 });
    expect(fs.readFileSync(path.join(dir, 'model.svg'), 'utf8')).toContain('Co-creation digital');
    expect(tematik('map', project, '--out', path.join(dir, 'model-id.svg'), '--lang', 'id')).toMatchObject({ code: 0 });
    const indonesian = fs.readFileSync(path.join(dir, 'model-id.svg'), 'utf8');
    expect(indonesian).toContain('>memengaruhi<');
    expect(indonesian).toContain('>kandidat<');
    expect(indonesian).not.toContain('>influences<');
    expect(tematik('map', project, '--out', path.join(dir, 'model-xx.svg'), '--lang', 'xx')).toMatchObject({ code: 2 });
    expect(tematik('csv', project, 'triangulation', '--out', path.join(dir, 'tri.csv'), '--by', 'attribute:city')).toMatchObject({ code: 0 });
    expect(fs.readFileSync(path.join(dir, 'tri.csv'), 'utf8')).toContain('Yogyakarta');
    expect(tematik('csv', project, 'nonsense', '--out', 'x.csv')).toMatchObject({ code: 2 });
    const report = tematik('report', project, '--out', path.join(dir, 'laporan.docx'), '--lang', 'id');
    expect(report.code, report.stderr).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'laporan.docx')).subarray(0, 2).toString()).toBe('PK');
    // The attribution scheme is an option (what it prints is tested on the report itself); names pseudonymised unless --real-names.
    expect(tematik('report', project, '--out', path.join(dir, 'label.docx'), '--attribution', 'label', '--real-names').code).toBe(0);
    expect(plainText(docxParts(fs.readFileSync(path.join(dir, 'label.docx'))).text('word/document.xml'))).toContain('Fitri Handayani');
    expect(plainText(docxParts(fs.readFileSync(path.join(dir, 'laporan.docx'))).text('word/document.xml'))).not.toContain('Fitri Handayani');
    expect(tematik('report', project, '--out', path.join(dir, 'x.docx'), '--attribution', 'name')).toMatchObject({ code: 2, stderr: expect.stringMatching(/--attribution is one of label-type, label, pseudonym-type/) });
    expect(tematik('refi-export', project, '--out', path.join(dir, 'studi.qdpx'))).toMatchObject({ code: 0 });
    expect(tematik('refi-export', project, '--out', path.join(dir, 'windows.qdpx'), '--line-endings', 'crlf')).toMatchObject({ code: 0 });
    const texts = Object.entries(unzipSync(fs.readFileSync(path.join(dir, 'windows.qdpx')))).filter(([name]) => name.startsWith('sources/')).map(([, data]) => strFromU8(data));
    expect(texts).toHaveLength(11);
    for (const text of texts) expect(text.includes('\r\n') && !/[^\r]\n/.test(text)).toBe(true);
    expect(tematik('refi-export', project, '--out', path.join(dir, 'x.qdpx'), '--line-endings', 'cr')).toMatchObject({ code: 2, stderr: expect.stringMatching(/--line-endings is lf or crlf/) });
    const fresh = path.join(dir, 'salinan.tematik');
    expect(tematik('init', fresh).code).toBe(0);
    const imported = tematik('refi-import', fresh, path.join(dir, 'studi.qdpx'));
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toMatch(/Imported 11 document\(s\)/);
  }, 120_000); // a dozen CLI processes, each starting Node; the budget is for a loaded CI machine, not a speed target

  it('exits 1 with a clear message when an action fails', () => {
    const missing = tematik('list', path.join(tempDir(), 'tidak-ada.tematik'), 'documents');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/No project file at .*tidak-ada\.tematik/);

    const notProject = path.join(tempDir(), 'catatan.tematik');
    fs.writeFileSync(notProject, 'bukan proyek');
    expect(tematik('stats', notProject)).toMatchObject({ code: 1, stderr: expect.stringMatching(/not a Tematik project/) });
    expect(fs.readFileSync(notProject, 'utf8')).toBe('bukan proyek');

    const bad = tematik('import', project, path.join(SAMPLE_STUDY, 'informants.csv'));
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/informants\.csv/);

    const ambiguous = tematik('code', project, '--document', 'P-01_fashion', '--code', 'x', '--text', 'yang');
    expect(ambiguous).toMatchObject({ code: 1, stderr: expect.stringMatching(/occurs more than once/) });
  });

  it('creates the worked example and the practice copy of the sample study', () => {
    const dir = tempDir();
    const worked = tematik('sample', '--worked', path.join(dir, 'contoh.tematik'));
    expect(worked.code, worked.stderr).toBe(0);
    expect(worked.stdout).toMatch(/worked example/);
    const themes = tematik('list', path.join(dir, 'contoh.tematik'), 'themes', '--json');
    expect((JSON.parse(themes.stdout) as { status: string }[]).map((t) => t.status)).toEqual(Array(6).fill('defined'));
    expect(tematik('sample', '--practice', path.join(dir, 'latihan.tematik')).code).toBe(0);
    expect(JSON.parse(tematik('list', path.join(dir, 'latihan.tematik'), 'codes', '--json').stdout)).toEqual([]);
    expect(tematik('sample', path.join(dir, 'x.tematik'))).toMatchObject({ code: 2, stderr: expect.stringMatching(/--worked/) });
    expect(tematik('sample', '--worked', path.join(dir, 'contoh.tematik'))).toMatchObject({ code: 1, stderr: expect.stringMatching(/already exists/) });
  });

  it('says why an action failed in Bahasa Indonesia when TEMATIK_LANG or the locale asks for it', () => {
    const file = path.join(tempDir(), 'bahasa.tematik');
    expect(tematik('init', file, '--name', 'Bahasa').code).toBe(0);
    expect(tematik('call', file, 'codes.create', '{"name": "Kolaborasi"}').code).toBe(0);

    const again = ['call', file, 'codes.create', '{"name": "Kolaborasi"}'];
    expect(tematikIn({ TEMATIK_LANG: 'id' }, ...again)).toMatchObject({
      code: 1, stderr: 'tematik: Sudah ada kode bernama "Kolaborasi" di tingkat teratas buku kode. Pakai kode itu, atau pilih nama lain.\n',
    });
    expect(tematikIn({ LANG: 'id_ID.UTF-8' }, 'code', file, '--document', 'P-09', '--code', 'x', '--text', 'y')).toMatchObject({
      code: 1, stderr: expect.stringContaining('Tidak ada transkrip "P-09". Lihat id dan judulnya dengan "tematik list <project> documents".'),
    });
    expect(tematikIn({ LANG: 'C.UTF-8' }, ...again).stderr).toBe('tematik: A code named "Kolaborasi" already exists at the top of the codebook. Use it, or choose another name.\n');
  });

  it('exits 2 on usage errors', () => {
    expect(tematik('frobnicate', project)).toMatchObject({ code: 2, stderr: expect.stringMatching(/Unknown command "frobnicate"/) });
    expect(tematik('list', project, '--bogus')).toMatchObject({ code: 2 });
    expect(tematik('code', project, '--document', '1', '--code', 'x', '--start', 'a', '--end', '3')).toMatchObject({ code: 2, stderr: expect.stringMatching(/whole numbers/) });
    expect(tematik()).toMatchObject({ code: 2, stdout: expect.stringContaining('Usage:') });
    expect(tematik('--help')).toMatchObject({ code: 0 });
  });
});
