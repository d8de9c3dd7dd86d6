import { CsvError } from 'csv-parse';
import { parse } from 'csv-parse/sync';
import { TematikError } from '../domain/errors';
import { decodeText } from './decode';

/** One row of the informant sheet: an informant, and optionally a document of theirs. */
export interface SheetRow {
  /** 1-based line in the sheet where the row starts, for messages. */
  readonly line: number;
  /** File name of the informant's document; '' when the informant has no document yet. */
  readonly file: string;
  readonly informantLabel: string;
  readonly typeName: string;
  /** '' when the sheet has no name column or the cell is empty. */
  readonly name: string;
  /**
   * The speaker label(s) this informant has in the transcript ("Mbak Ayu"), '' when not given;
   * several labels are separated by ";" or "|".
   */
  readonly speaker: string;
  /** Every other column, by its header as written; empty cells are left out. */
  readonly attributes: Readonly<Record<string, string>>;
}

export interface InformantSheet {
  readonly rows: readonly SheetRow[];
  /** Attribute columns in sheet order. */
  readonly attributeNames: readonly string[];
}

type Field = 'file' | 'informant' | 'type' | 'name' | 'speaker';

const ALIASES: ReadonlyMap<string, Field> = new Map<string, Field>([
  ...['file', 'file_name', 'filename', 'berkas', 'dokumen', 'document'].map((a) => [a, 'file'] as const),
  ...['informant_id', 'informant', 'id', 'informan', 'kode', 'code', 'label'].map((a) => [a, 'informant'] as const),
  ...['informant_type', 'type', 'tipe', 'jenis', 'jenis_informan', 'kategori'].map((a) => [a, 'type'] as const),
  ...['name', 'nama'].map((a) => [a, 'name'] as const),
  ...['speaker', 'speaker_label', 'pembicara', 'label_pembicara'].map((a) => [a, 'speaker'] as const),
]);

const DELIMITERS = [',', ';', '\t'] as const;
type Delimiter = (typeof DELIMITERS)[number];

const SAVE_AS_CSV = 'In Excel or LibreOffice choose File → Save As → CSV (UTF-8), and import that file.';

/**
 * Parses the informant sheet of a batch import: a CSV (',', ';' or tab separated, as
 * Excel writes it in any locale) with a header row naming the informant id, informant
 * type, and optionally the file and name columns; every other column is an attribute.
 * A file may appear on several rows (a group interview) and an informant on several
 * rows with different files (several interviews).
 * @throws TematikError `bad_input` naming the sheet, the line and the fix.
 */
export function parseInformantSheet(bytes: Uint8Array, fileName: string): InformantSheet {
  assertNotWorkbook(bytes, fileName);
  const decoded = decodeText(bytes, fileName, 'informant sheet').text;
  const { body, delimiter, skippedLines } = splitDirective(decoded);
  const records = parseCsv(body, delimiter, skippedLines, fileName);

  const headerIndex = records.findIndex((record) => !isBlank(record.cells));
  const header = records[headerIndex];
  if (!header) {
    throw new TematikError('bad_input', `${fileName}: the sheet has no header row. Put the column names (informant_id, informant_type, file, name, …) on the first line.`);
  }
  const columns = readHeader(header.cells, header.line, fileName);
  const data = records.slice(headerIndex + 1).filter((record) => !isBlank(record.cells));
  assertColumnsUsed(columns, data, fileName);

  const rows: SheetRow[] = [];
  const typeOf = new Map<string, { type: string; line: number }>();
  for (const { cells, line } of data) {
    const cell = (index: number | undefined): string => (index === undefined ? '' : (cells[index] ?? '').trim());
    const extra = cells.slice(columns.width).find((value) => value.trim() !== '');
    if (extra !== undefined) {
      throw new TematikError(
        'bad_input',
        `${fileName}, line ${line}: the row has more cells (${cells.length}) than the header (${columns.width}). A value probably contains "${printable(delimiter)}" without quotes; put that value in double quotes, or save the sheet from Excel again.`,
      );
    }
    const informantLabel = cell(columns.informant);
    const typeName = cell(columns.type);
    if (!informantLabel) {
      throw new TematikError('bad_input', `${fileName}, line ${line}: the informant id is empty. Fill it in (e.g. "K-03"), or delete the row.`);
    }
    if (!typeName) {
      throw new TematikError('bad_input', `${fileName}, line ${line}: informant "${informantLabel}" has no informant type. Fill it in (e.g. "Pemilik UMKM"), or delete the row.`);
    }
    const seen = typeOf.get(informantLabel);
    if (seen && seen.type.toLowerCase() !== typeName.toLowerCase()) {
      throw new TematikError(
        'bad_input',
        `${fileName}, line ${line}: informant "${informantLabel}" has type "${typeName}", but line ${seen.line} gives "${seen.type}". An informant has one type; correct one of the two lines.`,
      );
    }
    if (!seen) typeOf.set(informantLabel, { type: typeName, line });
    const attributes = Object.fromEntries(
      columns.attributes.map(({ name, index }) => [name, cell(index)] as const).filter(([, value]) => value !== ''),
    );
    rows.push({ line, file: cell(columns.file), informantLabel, typeName, name: cell(columns.name), speaker: cell(columns.speaker), attributes });
  }
  return { rows, attributeNames: columns.attributes.map((attribute) => attribute.name) };
}

/** Excel workbooks are zips (.xlsx) or OLE files (.xls); say so instead of "binary file". */
function assertNotWorkbook(bytes: Uint8Array, fileName: string): void {
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  const ole = bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
  if (zip || ole) {
    throw new TematikError('bad_input', `${fileName}: this is a spreadsheet workbook, not a CSV file. ${SAVE_AS_CSV}`);
  }
}

/**
 * Honours Excel's `sep=;` first line, else picks the delimiter that occurs most often
 * in the header line (outside quotes); ',' when the header has a single column.
 */
function splitDirective(text: string): { body: string; delimiter: Delimiter; skippedLines: number } {
  const directive = /^sep=(.)[ \t]*(?:\n|$)/iu.exec(text);
  const given = DELIMITERS.find((d) => d === directive?.[1]);
  if (directive && given) return { body: text.slice(directive[0].length), delimiter: given, skippedLines: 1 };

  const headerLine = text.split('\n').find((line) => line.trim() !== '') ?? '';
  const counts = new Map<Delimiter, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch as Delimiter)) counts.set(ch as Delimiter, (counts.get(ch as Delimiter) ?? 0) + 1);
  }
  let delimiter: Delimiter = ',';
  for (const d of DELIMITERS) if ((counts.get(d) ?? 0) > (counts.get(delimiter) ?? 0)) delimiter = d;
  return { body: text, delimiter, skippedLines: 0 };
}

interface CsvRecord {
  /** 1-based line of the record's first line in the sheet file. */
  readonly line: number;
  readonly cells: readonly string[];
}

function parseCsv(body: string, delimiter: Delimiter, skippedLines: number, fileName: string): CsvRecord[] {
  let parsed: { record: string[]; info: { lines: number } }[];
  try {
    parsed = parse(body, { delimiter, info: true, relax_column_count: true, skip_empty_lines: false }) as unknown as typeof parsed;
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = typeof error['lines'] === 'number' ? error['lines'] + skippedLines : null;
    throw new TematikError(
      'bad_input',
      `${fileName}${line === null ? '' : `, line ${line}`}: the sheet is not valid CSV (${error.message}). Check the quotes on that line, or save the sheet from Excel or LibreOffice as CSV again.`,
    );
  }
  // csv-parse reports the line a record ends on; a record starts after the previous one ends.
  let previousEnd = 0;
  return parsed.map(({ record, info }) => {
    const result = { line: previousEnd + 1 + skippedLines, cells: record };
    previousEnd = info.lines;
    return result;
  });
}

interface Columns {
  readonly width: number;
  readonly file?: number;
  readonly informant?: number;
  readonly type?: number;
  readonly name?: number;
  readonly speaker?: number;
  readonly attributes: readonly { readonly name: string; readonly index: number }[];
}

function readHeader(cells: readonly string[], line: number, fileName: string): Columns {
  const fields: Partial<Record<Field, number>> = {};
  const attributes: { name: string; index: number }[] = [];
  const seenAttributes = new Map<string, number>();
  cells.forEach((raw, index) => {
    const name = raw.trim();
    if (name === '') return;
    const field = ALIASES.get(name.toLowerCase().replace(/[\s-]+/gu, '_'));
    if (field) {
      const earlier = fields[field];
      if (earlier !== undefined) {
        throw new TematikError(
          'bad_input',
          `${fileName}, line ${line}: columns "${cells[earlier]?.trim()}" and "${name}" both name the ${describe(field)}. Rename or delete one of them.`,
        );
      }
      fields[field] = index;
      return;
    }
    const key = name.toLowerCase();
    if (seenAttributes.has(key)) {
      throw new TematikError('bad_input', `${fileName}, line ${line}: the column "${name}" appears twice. Give each column its own name.`);
    }
    seenAttributes.set(key, index);
    attributes.push({ name, index });
  });
  if (fields.informant === undefined || fields.type === undefined) {
    const missing = [fields.informant === undefined ? 'informant id (informant_id, kode, id…)' : null, fields.type === undefined ? 'informant type (informant_type, jenis, tipe…)' : null]
      .filter((m): m is string => m !== null)
      .join(' and the ');
    throw new TematikError(
      'bad_input',
      `${fileName}, line ${line}: the header has no column for the ${missing}. Add the column, or rename the existing one; the header row must be the first line.`,
    );
  }
  return { width: cells.length, ...fields, attributes };
}

/** Data under a column without a header would be silently lost; refuse it. */
function assertColumnsUsed(columns: Columns, data: readonly CsvRecord[], fileName: string): void {
  const named = new Set([columns.file, columns.informant, columns.type, columns.name, columns.speaker, ...columns.attributes.map((a) => a.index)]);
  for (const { cells, line } of data) {
    const index = cells.findIndex((value, i) => i < columns.width && !named.has(i) && value.trim() !== '');
    if (index !== -1) {
      throw new TematikError('bad_input', `${fileName}, line ${line}: column ${index + 1} holds "${cells[index]?.trim()}" but has no header. Add a column name on the first line, or clear the column.`);
    }
  }
}

function describe(field: Field): string {
  return field === 'informant' ? 'informant id' : field === 'type' ? 'informant type' : field;
}

function printable(delimiter: Delimiter): string {
  return delimiter === '\t' ? 'tab' : delimiter;
}

function isBlank(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}
