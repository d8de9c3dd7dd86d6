import { CsvError } from 'csv-parse';
import { parse } from 'csv-parse/sync';
import { TematikError } from '../domain/errors';
import { defineMessages } from '../domain/text';
import { decodeText } from './decode';

const say = defineMessages({
  en: {
    noHeader: '{file}: the sheet has no header row. Put the column names (informant_id, informant_type, file, name, …) on the first line.',
    moreCells: '{file}, line {line}: the row has more cells ({cells}) than the header ({width}). A value probably contains "{delimiter}" without quotes; put that value in double quotes, or save the sheet from Excel again.',
    noInformant: '{file}, line {line}: the informant id is empty. Fill it in (e.g. "K-03"), or delete the row.',
    noType: '{file}, line {line}: informant "{label}" has no informant type. Fill it in (e.g. "Pemilik UMKM"), or delete the row.',
    twoTypes: '{file}, line {line}: informant "{label}" has type "{type}", but line {earlier} gives "{earlierType}". An informant has one type; correct one of the two lines.',
    workbook: '{file}: this is a spreadsheet workbook, not a CSV file. In Excel or LibreOffice choose File → Save As → CSV (UTF-8), and import that file.',
    quoteNotClosed: '{file}, line {line}: a value opens a double quote (") that is never closed, so the rest of the sheet would be read as one cell. Close the quote or remove it, or save the sheet from Excel or LibreOffice as CSV again.',
    textAfterQuote: '{file}, line {line}: a quoted value goes on after its closing quote, as in "Toko "Maju" Jaya". Inside quotes write a double quote twice ("Toko ""Maju"" Jaya"), or save the sheet from Excel or LibreOffice as CSV again.',
    quoteInValue: '{file}, line {line}: a value has a double quote (") inside it but does not start with one. Put the whole value in double quotes and write its quote twice ("Toko ""Maju"" Jaya"), or save the sheet from Excel or LibreOffice as CSV again.',
    invalidCsv: '{file}, line {line}: the sheet is not valid CSV ({detail}). Check the quotes on that line, or save the sheet from Excel or LibreOffice as CSV again.',
    sameField: '{file}, line {line}: columns "{first}" and "{second}" both name the {field}. Rename or delete one of them.',
    columnTwice: '{file}, line {line}: the column "{column}" appears twice. Give each column its own name.',
    noColumn: '{file}, line {line}: the header has no column for the {missing}. Add the column, or rename the existing one; the header row must be the first line.',
    noColumns: '{file}, line {line}: the header has no column for the {first} and the {second}. Add the columns, or rename the existing ones; the header row must be the first line.',
    unnamedColumn: '{file}, line {line}: column {column} holds "{value}" but has no header. Add a column name on the first line, or clear the column.',
    informantField: 'informant id',
    typeField: 'informant type',
    fileField: 'file',
    nameField: 'name',
    speakerField: 'speaker',
    recordingField: 'recording',
    informantIdColumn: 'informant id (informant_id, kode, id…)',
    informantTypeColumn: 'informant type (informant_type, jenis, tipe…)',
    tab: 'tab',
  },
  id: {
    noHeader: '{file}: lembar ini tidak punya baris judul kolom. Tulis nama-nama kolom (informant_id, informant_type, file, name, …) di baris pertama.',
    moreCells: '{file}, baris {line}: baris ini punya lebih banyak sel ({cells}) daripada judul kolom ({width}). Mungkin ada nilai yang memuat "{delimiter}" tanpa tanda kutip; apit nilai itu dengan tanda kutip ganda, atau simpan lagi lembarnya dari Excel.',
    noInformant: '{file}, baris {line}: id informan kosong. Isi (mis. "K-03"), atau hapus barisnya.',
    noType: '{file}, baris {line}: informan "{label}" tidak punya jenis informan. Isi (mis. "Pemilik UMKM"), atau hapus barisnya.',
    twoTypes: '{file}, baris {line}: informan "{label}" berjenis "{type}", tetapi baris {earlier} menyebut "{earlierType}". Seorang informan hanya punya satu jenis; perbaiki salah satu dari kedua baris itu.',
    workbook: '{file}: ini buku kerja spreadsheet, bukan berkas CSV. Di Excel atau LibreOffice pilih File → Save As → CSV (UTF-8), lalu impor berkas itu.',
    quoteNotClosed: '{file}, baris {line}: sebuah nilai membuka tanda kutip ganda (") yang tidak pernah ditutup, sehingga sisa lembar akan terbaca sebagai satu sel. Tutup atau hapus tanda kutip itu, atau simpan lagi lembarnya dari Excel atau LibreOffice sebagai CSV.',
    textAfterQuote: '{file}, baris {line}: sebuah nilai berkutip masih berlanjut setelah tanda kutip penutupnya, seperti "Toko "Maju" Jaya". Di dalam kutipan, tulis tanda kutip ganda dua kali ("Toko ""Maju"" Jaya"), atau simpan lagi lembarnya dari Excel atau LibreOffice sebagai CSV.',
    quoteInValue: '{file}, baris {line}: sebuah nilai memuat tanda kutip ganda (") di tengahnya tetapi tidak diawali tanda kutip. Apit seluruh nilai dengan tanda kutip ganda dan tulis tanda kutipnya dua kali ("Toko ""Maju"" Jaya"), atau simpan lagi lembarnya dari Excel atau LibreOffice sebagai CSV.',
    invalidCsv: '{file}, baris {line}: lembar ini bukan CSV yang sah ({detail}). Periksa tanda kutip di baris itu, atau simpan lagi lembarnya dari Excel atau LibreOffice sebagai CSV.',
    sameField: '{file}, baris {line}: kolom "{first}" dan "{second}" sama-sama menyatakan {field}. Ganti nama atau hapus salah satunya.',
    columnTwice: '{file}, baris {line}: kolom "{column}" muncul dua kali. Beri setiap kolom namanya sendiri.',
    noColumn: '{file}, baris {line}: judul kolom tidak memuat kolom untuk {missing}. Tambahkan kolom itu, atau ganti nama kolom yang ada; baris judul kolom harus di baris pertama.',
    noColumns: '{file}, baris {line}: judul kolom tidak memuat kolom untuk {first} dan {second}. Tambahkan kolom-kolom itu, atau ganti nama kolom yang ada; baris judul kolom harus di baris pertama.',
    unnamedColumn: '{file}, baris {line}: kolom {column} berisi "{value}" tetapi tidak punya judul. Tambahkan nama kolom di baris pertama, atau kosongkan kolom itu.',
    informantField: 'id informan',
    typeField: 'jenis informan',
    fileField: 'berkas',
    nameField: 'nama',
    speakerField: 'pembicara',
    recordingField: 'rekaman',
    informantIdColumn: 'id informan (informant_id, kode, id…)',
    informantTypeColumn: 'jenis informan (informant_type, jenis, tipe…)',
    tab: 'tab',
  },
});

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
  /** The recording of the file ("P-01.m4a", beside it in the folder, or a path), '' when not given. */
  readonly recording: string;
  /** Every other column, by its header as written; empty cells are left out. */
  readonly attributes: Readonly<Record<string, string>>;
}

export interface InformantSheet {
  readonly rows: readonly SheetRow[];
  /** Attribute columns in sheet order. */
  readonly attributeNames: readonly string[];
}

type Field = 'file' | 'informant' | 'type' | 'name' | 'speaker' | 'recording';

const ALIASES: ReadonlyMap<string, Field> = new Map<string, Field>([
  ...['file', 'file_name', 'filename', 'berkas', 'dokumen', 'document'].map((a) => [a, 'file'] as const),
  ...['informant_id', 'informant', 'id', 'informan', 'kode', 'code', 'label'].map((a) => [a, 'informant'] as const),
  ...['informant_type', 'type', 'tipe', 'jenis', 'jenis_informan', 'kategori'].map((a) => [a, 'type'] as const),
  ...['name', 'nama'].map((a) => [a, 'name'] as const),
  ...['speaker', 'speaker_label', 'pembicara', 'label_pembicara'].map((a) => [a, 'speaker'] as const),
  ...['recording', 'rekaman', 'audio', 'media'].map((a) => [a, 'recording'] as const),
]);

const DELIMITERS = [',', ';', '\t'] as const;
type Delimiter = (typeof DELIMITERS)[number];

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
    throw new TematikError('bad_input', say('noHeader', { file: fileName }));
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
      throw new TematikError('bad_input', say('moreCells', { file: fileName, line: String(line), cells: cells.length, width: columns.width, delimiter: delimiter === '\t' ? say('tab') : delimiter }));
    }
    const informantLabel = cell(columns.informant);
    const typeName = cell(columns.type);
    if (!informantLabel) {
      throw new TematikError('bad_input', say('noInformant', { file: fileName, line: String(line) }));
    }
    if (!typeName) {
      throw new TematikError('bad_input', say('noType', { file: fileName, line: String(line), label: informantLabel }));
    }
    const seen = typeOf.get(informantLabel);
    if (seen && seen.type.toLowerCase() !== typeName.toLowerCase()) {
      throw new TematikError('bad_input', say('twoTypes', { file: fileName, line: String(line), label: informantLabel, type: typeName, earlier: String(seen.line), earlierType: seen.type }));
    }
    if (!seen) typeOf.set(informantLabel, { type: typeName, line });
    const attributes = Object.fromEntries(
      columns.attributes.map(({ name, index }) => [name, cell(index)] as const).filter(([, value]) => value !== ''),
    );
    rows.push({ line, file: cell(columns.file), informantLabel, typeName, name: cell(columns.name), speaker: cell(columns.speaker), recording: cell(columns.recording), attributes });
  }
  return { rows, attributeNames: columns.attributes.map((attribute) => attribute.name) };
}

/** Excel workbooks are zips (.xlsx) or OLE files (.xls); say so instead of "binary file". */
function assertNotWorkbook(bytes: Uint8Array, fileName: string): void {
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  const ole = bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
  if (zip || ole) {
    throw new TematikError('bad_input', say('workbook', { file: fileName }));
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
    throw csvError(error, body, delimiter, skippedLines, fileName);
  }
  // csv-parse reports the line a record ends on; a record starts after the previous one ends.
  let previousEnd = 0;
  return parsed.map(({ record, info }) => {
    const result = { line: previousEnd + 1 + skippedLines, cells: record };
    previousEnd = info.lines;
    return result;
  });
}

/** csv-parse's refusal as a sentence naming the line and the fix; the quoting mistakes people make by hand each have their own. */
function csvError(error: CsvError, body: string, delimiter: Delimiter, skippedLines: number, fileName: string): TematikError {
  const reported = typeof error['lines'] === 'number' ? error['lines'] : 1;
  const file = fileName;
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      // csv-parse reports the last line; the mistake is where the quote opened.
      return new TematikError('bad_input', say('quoteNotClosed', { file, line: String(unclosedQuoteLine(body, delimiter) + skippedLines) }));
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return new TematikError('bad_input', say('textAfterQuote', { file, line: String(reported + skippedLines) }));
    case 'INVALID_OPENING_QUOTE':
      return new TematikError('bad_input', say('quoteInValue', { file, line: String(reported + skippedLines) }));
    default:
      return new TematikError('bad_input', say('invalidCsv', { file, line: String(reported + skippedLines), detail: error.message }));
  }
}

/** The line on which the quoted value that never closes begins (a quote opens a value only at its start). */
function unclosedQuoteLine(body: string, delimiter: Delimiter): number {
  let line = 1;
  let opened = 1;
  let quoted = false;
  let fieldStart = true;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (quoted) {
      if (c === '"') {
        if (body[i + 1] === '"') i++;
        else quoted = false;
      } else if (c === '\n') line++;
      continue;
    }
    if (c === '"' && fieldStart) {
      quoted = true;
      opened = line;
    }
    if (c === '\n') line++;
    fieldStart = c === delimiter || c === '\n';
  }
  return opened;
}

interface Columns {
  readonly width: number;
  readonly file?: number;
  readonly informant?: number;
  readonly type?: number;
  readonly name?: number;
  readonly speaker?: number;
  readonly recording?: number;
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
        throw new TematikError('bad_input', say('sameField', { file: fileName, line: String(line), first: cells[earlier]?.trim() ?? '', second: name, field: say(`${field}Field`) }));
      }
      fields[field] = index;
      return;
    }
    const key = name.toLowerCase();
    if (seenAttributes.has(key)) {
      throw new TematikError('bad_input', say('columnTwice', { file: fileName, line: String(line), column: name }));
    }
    seenAttributes.set(key, index);
    attributes.push({ name, index });
  });
  if (fields.informant === undefined && fields.type === undefined) {
    throw new TematikError('bad_input', say('noColumns', { file: fileName, line: String(line), first: say('informantIdColumn'), second: say('informantTypeColumn') }));
  }
  if (fields.informant === undefined || fields.type === undefined) {
    const missing = say(fields.informant === undefined ? 'informantIdColumn' : 'informantTypeColumn');
    throw new TematikError('bad_input', say('noColumn', { file: fileName, line: String(line), missing }));
  }
  return { width: cells.length, ...fields, attributes };
}

/** Data under a column without a header would be silently lost; refuse it. */
function assertColumnsUsed(columns: Columns, data: readonly CsvRecord[], fileName: string): void {
  const named = new Set([columns.file, columns.informant, columns.type, columns.name, columns.speaker, columns.recording, ...columns.attributes.map((a) => a.index)]);
  for (const { cells, line } of data) {
    const index = cells.findIndex((value, i) => i < columns.width && !named.has(i) && value.trim() !== '');
    if (index !== -1) {
      throw new TematikError('bad_input', say('unnamedColumn', { file: fileName, line: String(line), column: String(index + 1), value: cells[index]?.trim() ?? '' }));
    }
  }
}

function isBlank(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}
