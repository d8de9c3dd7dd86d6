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

/** Saves text as a file through a download link: the same in Electron and in browser mode. */
export function downloadText(text: string, fileName: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some engines; a moment later is safe.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
