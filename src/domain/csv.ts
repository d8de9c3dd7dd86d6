/** The separators Tematik writes: comma, or semicolon for Excel in comma-decimal locales (Indonesian, most of Europe). */
export const CSV_DELIMITERS = { comma: ',', semicolon: ';' } as const;
export type CsvDelimiter = keyof typeof CSV_DELIMITERS;

/**
 * One CSV dialect for every table Tematik writes, file or clipboard: RFC 4180 with CRLF line
 * ends, as Excel and LibreOffice expect. A cell a spreadsheet would run as a formula (starting
 * with = + - @, tab or CR) gets a leading apostrophe, as OWASP advises against CSV injection:
 * transcripts are text from outside, and a shared CSV must not run anything when opened.
 * A cell holding the separator in use, a quote or a line break is quoted.
 */
export function csvCell(value: string | number | null | undefined, delimiter: CsvDelimiter = 'comma'): string {
  const text = value === null || value === undefined ? '' : String(value);
  const safe = typeof value === 'string' && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  const needsQuotes = /["\r\n]|^\s|\s$/.test(safe) || safe.includes(CSV_DELIMITERS[delimiter]);
  return needsQuotes ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvRows(rows: readonly (readonly (string | number | null | undefined)[])[], delimiter: CsvDelimiter = 'comma'): string {
  return rows.map((row) => row.map((cell) => csvCell(cell, delimiter)).join(CSV_DELIMITERS[delimiter])).join('\r\n') + '\r\n';
}
