/** A cell of an exported table: counts and positions are numbers, so spreadsheets can sum and sort them. */
export type TableCell = string | number;

/**
 * One table as every writer receives it (CSV, .xlsx): the single model both are made from,
 * so the two files of a table can never disagree.
 */
export interface ExportTable {
  /** Names the file after the project: "codebook", "triangulation-themes". */
  readonly name: string;
  /** The worksheet's name in a workbook: "Codebook", "Triangulation (themes)". */
  readonly title: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly TableCell[])[];
}

/** Excel refuses sheet names over 31 characters or with any of these; a name is also not allowed to start or end with an apostrophe. */
const SHEET_NAME_FORBIDDEN = /[\\/?*:[\]]/g;
const SHEET_NAME_MAX = 31;

/** A title as a worksheet name Excel and LibreOffice accept, never empty. */
export function sheetName(title: string): string {
  const cleaned = [...title.replace(SHEET_NAME_FORBIDDEN, ' ').replace(/\s+/g, ' ').trim()].slice(0, SHEET_NAME_MAX).join('')
    .replace(/^'+|'+$/g, '').trim();
  return cleaned || 'Table';
}
