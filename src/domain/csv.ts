/**
 * One CSV dialect for every table Tematik writes, file or clipboard: RFC 4180 with CRLF line
 * ends, as Excel and LibreOffice expect. A cell a spreadsheet would run as a formula (starting
 * with = + - @, tab or CR) gets a leading apostrophe, as OWASP advises against CSV injection:
 * transcripts are text from outside, and a shared CSV must not run anything when opened.
 */
export function csvCell(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? '' : String(value);
  const safe = typeof value === 'string' && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]|^\s|\s$/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvRows(rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
