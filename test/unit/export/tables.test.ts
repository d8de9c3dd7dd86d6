import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { Args } from '../../../src/api/contract';
import { csvRows } from '../../../src/domain/csv';
import { exportFileName } from '../../../src/export/file-name';
import { sheetName } from '../../../src/export/table';
import { newProject, SAMPLE_SHEET, SAMPLE_STUDY, tempDir } from '../../helpers/temp-project';

type Client = Awaited<ReturnType<typeof newProject>>;

/** The bytes an export handed back for download. */
const bytesOf = (result: { base64: string | null }) => Buffer.from(result.base64 ?? '', 'base64');
const textOf = (result: { base64: string | null }) => bytesOf(result).toString('utf8');

async function workbookOf(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return workbook;
}

/** Every cell of the first sheet, as stored: numbers as numbers, text as text. */
function sheetRows(workbook: ExcelJS.Workbook): (string | number)[][] {
  const sheet = workbook.worksheets[0]!;
  const rows: (string | number)[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    const cells: (string | number)[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) {
      const value = row.getCell(c).value;
      cells.push(value === null || value === undefined ? '' : (value as string | number));
    }
    rows.push(cells);
  });
  return rows;
}

/** The sample study with a coded passage, a theme and a code whose description holds a formula, quotes and Indonesian text. */
async function codedStudy(): Promise<{ client: Client; themeId: number; codeId: number }> {
  const client = await newProject();
  await client.invoke('import.folder', { folder: SAMPLE_STUDY, sheet: SAMPLE_SHEET });
  await client.invoke('codes.create', { name: 'Kepercayaan "trust"', description: '=SUM(A1) bukan rumus; kerja sama, saling menguntungkan 🤝' });
  const k01 = (await client.invoke('documents.list', {})).find((d) => d.title === 'K-01_skincare')!;
  const answer = (await client.invoke('documents.get', { id: k01.id })).turns.find((t) => t.role === 'informant')!;
  const coding = await client.invoke('codings.apply', { documentId: k01.id, start: answer.start, end: answer.start + 40, codeName: 'Pembuka' });
  await client.invoke('codings.apply', { documentId: k01.id, start: answer.start + 10, end: answer.start + 30, codeName: 'Kemitraan' });
  const theme = await client.invoke('themes.create', { name: 'Pembukaan', codeIds: [coding.codeId] });
  return { client, themeId: theme.id, codeId: coding.codeId };
}

describe('CSV tables', () => {
  it('writes UTF-8 with a BOM, CRLF rows, quoted cells and defused formulas, named after the project', async () => {
    const { client, themeId } = await codedStudy();
    const file = path.join(client.dir, 'buku-kode.csv');
    const written = await client.invoke('export.table', { table: 'codebook', path: file });
    expect(written).toMatchObject({ path: file, fileName: 'buku-kode.csv', base64: null });
    const bytes = fs.readFileSync(file);
    expect(written.bytes).toBe(bytes.byteLength);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const downloaded = await client.invoke('export.table', { table: 'codebook' });
    expect(downloaded.fileName).toBe('Co-creation UMKM – codebook.csv');
    expect(bytesOf(downloaded).equals(bytes)).toBe(true);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe('Code,Parent,Description,Colour,In vivo,Extracts,Informants');
    const trust = (await client.invoke('codes.list', {})).find((c) => c.name.startsWith('Kepercayaan'))!;
    expect(lines).toContain(`"Kepercayaan ""trust""",,"'=SUM(A1) bukan rumus; kerja sama, saling menguntungkan 🤝",${trust.colour},no,0,0`);

    const informants = textOf(await client.invoke('export.table', { table: 'informants' }));
    expect(informants).toContain('KP-02,Ayu Larasati,Komunitas Pelanggan,1,yes');
    expect(informants).toContain('K-04,Bagas Wicaksono,Konsumen,0,no');
    expect(informants.split('\r\n')[0]).toContain('years_in_business');

    const triangulation = await client.invoke('export.table', { table: 'triangulation', rows: 'codes' });
    expect(triangulation.fileName).toBe('Co-creation UMKM – triangulation-codes.csv');
    expect(textOf(triangulation).split('\r\n')[0]).toContain('Pemilik UMKM: informants (of 3)');
    expect(textOf(triangulation).split('\r\n')[0]).toContain('Konsumen: informants (of 3; not interviewed: K-04)');

    await expect(client.invoke('export.table', { table: 'extracts' })).rejects.toThrow(/needs either the code \(codeId\) or the theme/);
    const extracts = await client.invoke('export.table', { table: 'extracts', themeId });
    expect(extracts.fileName).toBe('Co-creation UMKM – extracts – Pembukaan.csv');
    const rows = textOf(extracts).split('\r\n');
    expect(rows[0]).toBe('\uFEFFInformant type,Informant,Document,Code,Start,End,Quote');
    expect(rows[1]).toMatch(/^Konsumen,K-01,K-01_skincare,Pembuka,\d+,\d+,/);
    // The interviewer's question is in the extract list, but evidence of no informant.
    const k01 = (await client.invoke('documents.list', {})).find((d) => d.title === 'K-01_skincare')!;
    await client.invoke('codings.apply', { documentId: k01.id, start: 0, end: 20, codeName: 'Pembuka' });
    expect(textOf(await client.invoke('export.table', { table: 'extracts', themeId })).split('\r\n')[1]).toMatch(/^,,K-01_skincare,Pembuka,0,20,/);
    await expect(client.invoke('export.table', { table: 'codebook', path: path.join(client.dir, 'tidak-ada', 'x.csv') })).rejects.toMatchObject({
      kind: 'not_found', message: expect.stringMatching(/^The folder .*tidak-ada does not exist, so x\.csv was not written\. Choose an existing folder/),
    });
  });

  it('separates with semicolons on request, quoting cells that hold one and leaving commas bare', async () => {
    const { client } = await codedStudy();
    const comma = textOf(await client.invoke('export.table', { table: 'codebook', delimiter: 'comma' }));
    const semicolon = textOf(await client.invoke('export.table', { table: 'codebook', delimiter: 'semicolon' }));
    expect(semicolon.startsWith('\uFEFFCode;Parent;Description;Colour;In vivo;Extracts;Informants\r\n')).toBe(true);
    expect(semicolon).toContain('"Kepercayaan ""trust""";;"\'=SUM(A1) bukan rumus; kerja sama, saling menguntungkan 🤝";');
    expect(semicolon).toMatch(/\r\nPembuka;;;#[0-9a-f]{6};no;1;1\r\n/);
    // The same cells either way: only the separator differs.
    expect(parse(semicolon.slice(1), { delimiter: ';' })).toEqual(parse(comma.slice(1), { delimiter: ',' }));
    await expect(client.invoke('export.table', { table: 'codebook', delimiter: 'tab' as never })).rejects.toMatchObject({ kind: 'invalid_args' });
  });
});

describe('Excel tables (.xlsx)', () => {
  it('writes a workbook with the header frozen, numbers as numbers, Indonesian text intact and the project as its title', async () => {
    const { client } = await codedStudy();
    const file = path.join(client.dir, 'buku-kode.xlsx');
    const result = await client.invoke('export.table', { table: 'codebook', path: file });
    expect(result).toMatchObject({ path: file, fileName: 'buku-kode.xlsx', base64: null });
    const bytes = fs.readFileSync(file);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const workbook = await workbookOf(bytes);
    expect(workbook.title).toBe('Co-creation UMKM');
    expect(workbook.creator).toBe('Tematik');
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('Codebook');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.getRow(1).values).toEqual([undefined, 'Code', 'Parent', 'Description', 'Colour', 'In vivo', 'Extracts', 'Informants']);
    const rows = sheetRows(workbook);
    const pembuka = rows.findIndex((r) => r[0] === 'Pembuka');
    expect(rows[pembuka]!.slice(5)).toEqual([1, 1]);
    expect(sheet.getRow(pembuka + 1).getCell(6).type).toBe(ExcelJS.ValueType.Number);
    // Text stays text: a formula in a description is stored as the words it is, never run.
    const trust = rows.find((r) => String(r[0]).startsWith('Kepercayaan'))!;
    expect(trust[2]).toBe('=SUM(A1) bukan rumus; kerja sama, saling menguntungkan 🤝');
    expect(sheet.getColumn(3).width).toBeGreaterThan(sheet.getColumn(5).width!);
    const downloaded = await client.invoke('export.table', { table: 'codebook', format: 'xlsx' });
    expect(downloaded.fileName).toBe('Co-creation UMKM – codebook.xlsx');
    expect(sheetRows(await workbookOf(bytesOf(downloaded)))).toEqual(rows);
    expect(sheet.columns.every((c) => typeof c.width === 'number' && c.width >= 10 && c.width <= 60)).toBe(true);
  });

  it('holds the same cells as the CSV of every table', async () => {
    const { client, themeId, codeId } = await codedStudy();
    const tables: Args<'export.table'>[] = [
      { table: 'codebook' }, { table: 'informants' }, { table: 'extracts', themeId }, { table: 'extracts', codeId },
      { table: 'triangulation', rows: 'themes' }, { table: 'triangulation', rows: 'codes', groupBy: { kind: 'attribute', name: 'city' } },
      { table: 'cooccurrence', scope: 'overlap' }, { table: 'cooccurrence', scope: 'turn' },
    ];
    for (const args of tables) {
      const csv = textOf(await client.invoke('export.table', { ...args, format: 'csv' }));
      const rows = sheetRows(await workbookOf(bytesOf(await client.invoke('export.table', { ...args, format: 'xlsx' }))));
      expect(rows.length, JSON.stringify(args)).toBeGreaterThan(1);
      // The CSV of the workbook's cells is the CSV file: same cells, same order, numbers where the CSV has numbers.
      expect(`\uFEFF${csvRows(rows)}`, JSON.stringify(args)).toBe(csv);
    }
    const cooccurrence = sheetRows(await workbookOf(bytesOf(await client.invoke('export.table', { table: 'cooccurrence', format: 'xlsx' }))));
    expect(cooccurrence.slice(1).every((row) => row.slice(1).every((cell) => typeof cell === 'number'))).toBe(true);
    expect(cooccurrence.slice(1).some((row) => row.slice(1).some((cell) => (cell as number) > 0))).toBe(true);
  });

  it('opens in LibreOffice Calc with the same text and counts', async () => {
    const found = spawnSync('which', ['soffice'], { encoding: 'utf8' });
    if (found.status !== 0) throw new Error('soffice is not installed: the workbook must be checked in LibreOffice. Install it with `apt-get install libreoffice-calc-nogui`.');
    const { client } = await codedStudy();
    const dir = tempDir('tematik-xlsx-lo-');
    try {
      const xlsx = path.join(dir, 'kodebuk.xlsx');
      await client.invoke('export.table', { table: 'codebook', path: xlsx });
      // A profile of its own, so a LibreOffice the user has open (or a parallel test) does not take the conversion over.
      execFileSync(found.stdout.trim(), [`-env:UserInstallation=file://${path.join(dir, 'profile')}`, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76', '--outdir', path.join(dir, 'out'), xlsx], { timeout: 60_000, stdio: 'pipe' });
      const converted = fs.readFileSync(path.join(dir, 'out', 'kodebuk.csv'), 'utf8');
      const rows = parse(converted.replace(/^\uFEFF/, '')) as string[][];
      expect(rows[0]).toEqual(['Code', 'Parent', 'Description', 'Colour', 'In vivo', 'Extracts', 'Informants']);
      expect(rows.find((r) => r[0] === 'Pembuka')?.slice(5)).toEqual(['1', '1']);
      expect(rows.find((r) => r[0] === 'Kepercayaan "trust"')?.[2]).toBe('=SUM(A1) bukan rumus; kerja sama, saling menguntungkan 🤝');
    } finally {
      client.session.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('export file names', () => {
  it('carry the project name, made safe for Windows, macOS and Linux', () => {
    expect(exportFileName('Studi UMKM', 'codebook', '.xlsx')).toBe('Studi UMKM – codebook.xlsx');
    expect(exportFileName('Studi: UMKM/Batik? "2026"', 'codebook', '.csv')).toBe('Studi_ UMKM_Batik_ _2026_ – codebook.csv');
    expect(exportFileName('  ..Kopi Lereng.  ', '', '.qdpx')).toBe('Kopi Lereng.qdpx');
    expect(exportFileName('CON', '', '.csv')).toBe('CON_.csv');
    expect(exportFileName('', 'codebook', '.csv')).toBe('codebook.csv');
    expect(exportFileName('', '', '.qdc')).toBe('project.qdc');
    const long = exportFileName('Kemitraan '.repeat(30), 'codebook', '.xlsx');
    expect(long.length).toBeLessThanOrEqual(125);
    expect(long).toMatch(/^Kemitraan Kemitraan.*[^ .]\.xlsx$/);
  });

  it('name worksheets as Excel allows', () => {
    expect(sheetName('Extracts – Kolaborasi/kemitraan [inti]: harga?')).toBe('Extracts – Kolaborasi kemitraan');
    expect(sheetName("'Tema'")).toBe('Tema');
    expect(sheetName('***')).toBe('Table');
  });
});
