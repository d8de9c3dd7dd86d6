export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
/** REFI-QDA files are zip (.qdpx) and XML (.qdc); the standard names no media type of its own. */
export const QDPX_TYPE = 'application/zip';
export const QDC_TYPE = 'application/xml';
export const CSV_TYPE = 'text/csv;charset=utf-8';
export const SVG_TYPE = 'image/svg+xml;charset=utf-8';
export const HTML_TYPE = 'text/html;charset=utf-8';

/** A file the core returned as base64 (Word reports, REFI-QDA exports), as bytes. */
export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const clean = base64.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 === 1) throw new Error('The exported file came back damaged (not base64). Try the export again.');
  const binary = atob(clean);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The Blob for a base64 file of the given media type. */
export function base64Blob(base64: string, type: string): Blob {
  return new Blob([base64ToBytes(base64)], { type });
}


/**
 * A file size as people read it: "820 B", "48 KB", "1.4 MB" (Indonesian "1,4 MB").
 * Decimal units, as file managers on Windows and macOS show them.
 */
export function formatBytes(bytes: number, locale: string): string {
  if (bytes < 1000) return `${bytes} B`;
  const [value, unit] = bytes < 1_000_000 ? [bytes / 1000, 'KB'] : [bytes / 1_000_000, 'MB'];
  const digits = value < 10 ? 1 : 0;
  return `${value.toLocaleString(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits })} ${unit}`;
}
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
