import { csvRows } from '../domain/csv';

/** UTF-8 byte order mark: without it Excel reads UTF-8 as Windows-1252 and mangles Indonesian text. */
export const BOM = '\uFEFF';

/** A CSV file: header row, CRLF line ends and a BOM, as Excel and LibreOffice expect. */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return BOM + csvRows([header, ...rows]);
}
