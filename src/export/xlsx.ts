import { sheetName, type ExportTable } from './table';

/**
 * Column widths in Excel's character units: wide enough to read, narrow enough to see several
 * columns. Never 9: exceljs takes that for its default and leaves the width out of the file.
 */
const MIN_WIDTH = 10;
const MAX_WIDTH = 60;

/**
 * A table as an Excel workbook (.xlsx) with one worksheet named after the table: the header
 * row bold and frozen so it stays in view while scrolling, each column as wide as its longest
 * line (within bounds), long text wrapped, numbers stored as numbers so they sum and sort,
 * and the project's name as the workbook's title.
 */
export async function tableXlsx(table: ExportTable, projectName: string): Promise<Uint8Array> {
  // Loaded when a workbook is asked for: exceljs takes about half a second to load, which every CLI command would pay.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Tematik';
  workbook.title = projectName;
  workbook.lastModifiedBy = 'Tematik';
  workbook.subject = table.title;
  workbook.created = new Date();
  workbook.modified = workbook.created;
  const sheet = workbook.addWorksheet(sheetName(table.title), { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
  sheet.columns = table.header.map((heading, i) => ({ header: heading, width: columnWidth(heading, table.rows.map((r) => r[i])) }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).alignment = { vertical: 'top', wrapText: true };
  for (const row of table.rows) sheet.addRow([...row]).alignment = { vertical: 'top', wrapText: true };
  if (table.rows.length > 0) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.header.length } };
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

function columnWidth(heading: string, cells: readonly (string | number | undefined)[]): number {
  // A loop, not Math.max(...cells): a table of many thousand extracts would overflow the argument list.
  let longest = 0;
  for (const text of [heading, ...cells.map((cell) => String(cell ?? ''))]) {
    for (const line of text.split('\n')) longest = Math.max(longest, [...line].length);
  }
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, longest + 2));
}
