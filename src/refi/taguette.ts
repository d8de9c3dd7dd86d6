import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { csvRows } from '../domain/csv';
import { TematikError } from '../domain/errors';
import { defineMessages } from '../domain/text';
import type { Code } from '../domain/types';
import { decodeText } from '../import/decode';
import type { CodebookPlan } from './codebook';
import { ImportNotes } from './notes';
import type { PlannedCode } from './read-project';

/*
 * Taguette's codebook as CSV. Taguette writes `tag,description,number of highlights` (newer
 * versions `tag,parent,description,number of highlights`); its "Import codebook" reads a
 * header with exactly one of `tag`, `name` or `path`, and optionally `description` and
 * `parent`, as UTF-8 with "," between cells. Its `.qdc` is REFI-QDA and goes through
 * refi/codebook.ts.
 */

const say = defineMessages({
  en: {
    missing: '{file}: the file does not exist. Check the path and try again.',
    unreadable: '{file}: it could not be read ({code}). Check the path and try again.',
    tooLarge: '{file} is {megabytes} MB, far more than any codebook; Tematik reads codebooks up to {limit} MB. Check that this is the file you meant.',
    workbook: '{file} is an Excel workbook, not CSV. In Excel or LibreOffice, save it as "CSV UTF-8" and import that file.',
    notText: '{file} is not a text file, so it cannot be a Taguette codebook (.csv). Choose the codebook CSV Taguette exported.',
    invalid: '{file}, line {line}: the file is not valid CSV ({detail}). Check the quotes on that line, or export the codebook from Taguette again.',
    noNameColumn: '{file}: the first line names no column "tag", "name" or "path", so Tematik cannot tell which column holds the code names. Taguette exports its codebook with a "tag" column; add such a header above the names.',
    twoNameColumns: '{file}: the first line has more than one of the columns "tag", "name" and "path" ({columns}), so Tematik cannot tell which holds the code names. Keep one of them.',
    noCodes: '{file} holds no code names below its header; nothing was imported.',
    emptyName: 'Skipped rows without a code name.',
    duplicate: 'Skipped a second row named "{name}": Taguette names each tag once.',
    unknownParent: '"{name}" names the parent "{parent}", which is not in the file, so it was added at the top level.',
    loop: '"{name}" is its own ancestor through the "parent" column, so it was added at the top level.',
    counts: 'The column "{column}" was not imported: the counts come back with the codings, not with a codebook.',
    ignored: 'The column "{column}" is not part of a Taguette codebook and was not imported.',
  },
  id: {
    missing: '{file}: berkas tidak ada. Periksa path-nya lalu coba lagi.',
    unreadable: '{file}: berkas tidak bisa dibaca ({code}). Periksa path-nya lalu coba lagi.',
    tooLarge: '{file} berukuran {megabytes} MB, jauh lebih besar daripada buku kode mana pun; Tematik membaca buku kode sampai {limit} MB. Pastikan ini berkas yang Anda maksud.',
    workbook: '{file} adalah buku kerja Excel, bukan CSV. Di Excel atau LibreOffice, simpan sebagai "CSV UTF-8" lalu impor berkas itu.',
    notText: '{file} bukan berkas teks, jadi tidak mungkin buku kode Taguette (.csv). Pilih CSV buku kode yang diekspor Taguette.',
    invalid: '{file}, baris {line}: berkas ini bukan CSV yang sah ({detail}). Periksa tanda kutip di baris itu, atau ekspor lagi buku kodenya dari Taguette.',
    noNameColumn: '{file}: baris pertama tidak menyebut kolom "tag", "name", atau "path", jadi Tematik tidak tahu kolom mana yang berisi nama kode. Taguette mengekspor buku kodenya dengan kolom "tag"; tambahkan judul kolom seperti itu di atas nama-nama kode.',
    twoNameColumns: '{file}: baris pertama memuat lebih dari satu kolom "tag", "name", dan "path" ({columns}), jadi Tematik tidak tahu kolom mana yang berisi nama kode. Sisakan salah satunya.',
    noCodes: '{file} tidak berisi nama kode di bawah judul kolomnya; tidak ada yang diimpor.',
    emptyName: 'Baris tanpa nama kode dilewati.',
    duplicate: 'Baris kedua bernama "{name}" dilewati: Taguette menyebut setiap tag sekali saja.',
    unknownParent: '"{name}" menyebut induk "{parent}", yang tidak ada di berkas, jadi kode itu ditambahkan di tingkat teratas.',
    loop: '"{name}" menjadi leluhurnya sendiri melalui kolom "parent", jadi kode itu ditambahkan di tingkat teratas.',
    counts: 'Kolom "{column}" tidak diimpor: jumlah itu ikut kembali bersama pengodean, bukan bersama buku kode.',
    ignored: 'Kolom "{column}" bukan bagian dari buku kode Taguette dan tidak diimpor.',
  },
});

/** A codebook is a list of names; anything this large is not one. */
const MAX_CSV_BYTES = 20 * 1024 * 1024;
const NAME_COLUMNS = ['tag', 'name', 'path'] as const;

/** Reads and checks a Taguette codebook CSV without writing anything. */
export function readTaguetteCodebookFile(file: string): CodebookPlan {
  const label = path.basename(file);
  let bytes: Buffer;
  try {
    const size = fs.statSync(file).size;
    if (size > MAX_CSV_BYTES) throw new TematikError('bad_input', say('tooLarge', { file: label, megabytes: Math.round(size / 1024 / 1024), limit: MAX_CSV_BYTES / 1024 / 1024 }));
    bytes = fs.readFileSync(file);
  } catch (error) {
    if (error instanceof TematikError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new TematikError('bad_input', code === 'ENOENT' ? say('missing', { file }) : say('unreadable', { file, code: code ?? String(error) }));
  }
  return readTaguetteCodebook(bytes, label);
}

export function readTaguetteCodebook(bytes: Uint8Array, label: string): CodebookPlan {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) throw new TematikError('bad_input', say('workbook', { file: label }));
  let text: string;
  try {
    text = decodeText(bytes, label, 'informant sheet').text;
  } catch {
    // The decoder speaks of informant sheets; say what this file was meant to be.
    throw new TematikError('bad_input', say('notText', { file: label }));
  }
  const records = parseRecords(text, label);
  const header = (records[0] ?? []).map((cell) => cell.trim().toLowerCase());
  const nameColumns = NAME_COLUMNS.filter((c) => header.includes(c));
  if (nameColumns.length === 0) throw new TematikError('bad_input', say('noNameColumn', { file: label }));
  if (nameColumns.length > 1) throw new TematikError('bad_input', say('twoNameColumns', { file: label, columns: nameColumns.join(', ') }));
  const column = { name: header.indexOf(nameColumns[0]!), description: header.indexOf('description'), parent: header.indexOf('parent') };

  const messages = new ImportNotes();
  for (const [i, heading] of header.entries()) {
    if (i === column.name || i === column.description || i === column.parent || heading === '') continue;
    messages.note('codes', say(/highlights/.test(heading) ? 'counts' : 'ignored', { column: records[0]![i]!.trim() }));
  }

  interface Row { readonly code: PlannedCode & { children: PlannedCode[] }; readonly parent: string }
  const rows = new Map<string, Row>();
  for (const record of records.slice(1)) {
    if (record.every((cell) => cell.trim() === '')) continue;
    messages.found('codes');
    const cell = (i: number) => (i < 0 ? '' : (record[i] ?? '').trim());
    const name = cell(column.name);
    if (!name) { messages.skip('codes', say('emptyName')); continue; }
    if (rows.has(name)) { messages.skip('codes', say('duplicate', { name })); continue; }
    rows.set(name, { code: { guid: `taguette:${name}`, name, description: cell(column.description), colour: undefined, children: [] }, parent: cell(column.parent) });
  }
  if (rows.size === 0) throw new TematikError('bad_input', say('noCodes', { file: label }));

  const top: PlannedCode[] = [];
  for (const [name, row] of rows) {
    const parent = row.parent ? rows.get(row.parent) : undefined;
    if (row.parent && !parent) messages.note('codes', say('unknownParent', { name, parent: row.parent }));
    else if (parent && isOwnAncestor(name, rows)) messages.note('codes', say('loop', { name }));
    if (parent && !isOwnAncestor(name, rows)) parent.code.children.push(row.code);
    else top.push(row.code);
  }
  return { codes: top, messages };

  function isOwnAncestor(name: string, all: ReadonlyMap<string, Row>): boolean {
    const seen = new Set<string>();
    for (let at = all.get(name)?.parent; at && all.has(at); at = all.get(at)!.parent) {
      if (at === name || seen.has(at)) return true;
      seen.add(at);
    }
    return false;
  }
}

/** Taguette writes commas; a codebook edited in Excel in a comma-decimal locale comes back with semicolons. */
function parseRecords(text: string, label: string): string[][] {
  const firstLine = text.slice(0, text.indexOf('\n') === -1 ? undefined : text.indexOf('\n'));
  const delimiter = !firstLine.includes(',') && firstLine.includes(';') ? ';' : ',';
  try {
    return parse(text, { delimiter, relax_column_count: true, skip_empty_lines: true }) as string[][];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new TematikError('bad_input', say('invalid', { file: label, line: String(line ?? 1), detail: (error as Error).message }));
  }
}

/**
 * The codebook as the CSV Taguette's "Import codebook" takes as it is: a `name` and a
 * `description` column, UTF-8 without a byte order mark (Taguette would read one as part of
 * the first column's name), "," between cells. Taguette refuses a second tag of the same name
 * and reads no hierarchy from these two columns, so a sub-code is named by its path
 * ("Harga / Diskon"), which keeps both its place and its name unique.
 */
export function taguetteCodebookCsv(codes: readonly Code[]): string {
  const byId = new Map(codes.map((c) => [c.id as number, c]));
  const pathOf = (code: Code): string => {
    const parent = code.parentId === null ? undefined : byId.get(code.parentId);
    return parent ? `${pathOf(parent)} / ${code.name}` : code.name;
  };
  return csvRows([['name', 'description'], ...codes.map((c) => [pathOf(c), c.description])]);
}
