/** A table as the user sees it: header row first, then body rows, every cell as text or a number. */
export type TextTable = readonly (readonly (string | number)[])[];

/**
 * Tab-separated text for pasting into Word or Excel. Rows end with CRLF, as the Windows
 * clipboard has it; a cell holding a tab, a line break or a double quote is quoted the
 * way Excel reads it back (quotes doubled), so a researcher's reason with line breaks
 * stays in one cell.
 */
export function toTsv(table: TextTable): string {
  return table.map((row) => row.map(tsvCell).join('\t')).join('\r\n') + '\r\n';
}

function tsvCell(value: string | number): string {
  const text = typeof value === 'number' ? String(value) : value;
  return /[\t\r\n"]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

