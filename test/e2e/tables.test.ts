import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2E, type E2E } from './harness';
import { Workbench } from './pages/workbench';

/**
 * A researcher takes the triangulation table to Excel from the view it is shown in, and the
 * codebook as a semicolon CSV for an Indonesian Excel from the export dialog: the files that
 * download are named after the project and hold the table.
 */
describe('tables from the browser', () => {
  let e2e: E2E;

  beforeAll(async () => {
    e2e = await startE2E();
    await new Workbench(e2e.page).openSampleProject();
    const { codeId } = await e2e.call('search.code', { query: 'komunitas', unit: 'sentence', codeName: 'peran komunitas' });
    await e2e.call('themes.create', { name: 'Komunitas sebagai penggerak word of mouth', codeIds: [codeId] });
    await e2e.page.reload();
    await e2e.page.locator('.doc-link').first().waitFor();
  }, 90_000);
  afterAll(async () => { await e2e?.close(); });

  it('exports the triangulation table as an Excel workbook from the table itself', async () => {
    await e2e.page.locator('.nav-link', { hasText: 'Triangulation' }).click();
    await e2e.page.getByTestId('triangulation-cell').first().waitFor();
    await e2e.screenshot('triangulation-table-actions');
    const download = e2e.page.waitForEvent('download');
    await e2e.page.getByTestId('export-xlsx').click();
    const saved = await download;
    const project = (await e2e.call('project.info', {})).name;
    expect(saved.suggestedFilename()).toBe(`${project} – triangulation-themes.xlsx`);
    const file = path.join(e2e.dataDir, 'triangulasi.xlsx');
    await saved.saveAs(file);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    expect(workbook.title).toBe(project);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('Triangulation (themes)');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const row = sheet.getRows(2, sheet.rowCount - 1)!.find((r) => r.getCell(1).value === 'Komunitas sebagai penggerak word of mouth')!;
    expect(typeof row.getCell(2).value).toBe('number');
  });

  it('exports the codebook as a semicolon CSV from the export dialog, remembering the separator', async () => {
    await e2e.page.getByTestId('open-export').click();
    const dialog = e2e.page.getByTestId('export-dialog');
    await dialog.waitFor();
    await dialog.getByTestId('export-table-format').selectOption('csv');
    await dialog.getByTestId('export-table-delimiter').selectOption('semicolon');
    await dialog.getByTestId('export-csv').scrollIntoViewIfNeeded();
    await e2e.screenshot('export-tables');
    const download = e2e.page.waitForEvent('download');
    await dialog.getByTestId('export-csv-codebook').click();
    const saved = await download;
    expect(saved.suggestedFilename()).toMatch(/ – codebook\.csv$/);
    const file = path.join(e2e.dataDir, 'kode.csv');
    await saved.saveAs(file);
    const text = fs.readFileSync(file, 'utf8');
    expect(text.startsWith('\uFEFFCode;Parent;Description;Colour;In vivo;Extracts;Informants\r\n')).toBe(true);
    expect(text).toMatch(/\r\nperan komunitas;;;#[0-9a-f]{6};no;[1-9]\d*;[1-9]\d*\r\n/);
    expect(await e2e.page.evaluate(() => localStorage.getItem('tematik.export.delimiter'))).toBe('semicolon');
  });
});
