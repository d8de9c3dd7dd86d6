import { csvRows, type CsvDelimiter } from '../domain/csv';
import type { ExportTable } from './table';

/** UTF-8 byte order mark: without it Excel reads UTF-8 as Windows-1252 and mangles Indonesian text. */
export const BOM = '\uFEFF';

/**
 * A table as a CSV file: BOM, header row, CRLF line ends, as Excel and LibreOffice expect.
 * Semicolons for Excel in comma-decimal locales (Indonesian among them), where Excel splits
 * a double-clicked CSV on ";" and would put a comma-separated row into one column.
 */
export function tableCsv(table: ExportTable, delimiter: CsvDelimiter = 'comma'): string {
  return BOM + csvRows([table.header, ...table.rows], delimiter);
}
