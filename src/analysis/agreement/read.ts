import type Database from 'better-sqlite3';
import type { CodeId, CoderId, DocumentId } from '../../domain/ids';
import { parseIntList } from '../columnar';
import type { AgreementDocument, CodingColumns } from './agreement';

type Db = Database.Database;

/** A coder of the project. */
export interface AgreementCoder {
  readonly id: CoderId;
  readonly name: string;
}

export interface AgreementCode {
  readonly id: CodeId;
  readonly name: string;
  readonly parentId: CodeId | null;
}

/** What agreement is computed from, read in one go. */
export interface AgreementSource {
  readonly codes: readonly AgreementCode[];
  /** The documents asked for (every document when none were), by title. */
  readonly documents: readonly AgreementDocument[];
  readonly codings: CodingColumns;
}

export function agreementCoders(db: Db): AgreementCoder[] {
  return db.prepare('SELECT id, name FROM coders ORDER BY id').all() as AgreementCoder[];
}

/**
 * The codes, the documents (`documentIds`, or all; texts only when `withText`) with their turn
 * ends, and every coding of `coderIds` in them. Ids that name no document are left out: the
 * caller compares and says which.
 */
export function agreementSource(db: Db, coderIds: readonly CoderId[], documentIds: readonly DocumentId[] | null, withText: boolean): AgreementSource {
  return db.transaction(() => {
    const codes = db.prepare('SELECT id, name, parent_id AS parentId FROM codes ORDER BY sort_order, name COLLATE NOCASE').all() as AgreementCode[];
    const chosen = documentIds === null ? 'SELECT id FROM documents' : 'SELECT value FROM json_each(?)';
    const inChosen = documentIds === null ? '' : `AND document_id IN (${chosen})`;
    const chosenArgs = documentIds === null ? [] : [JSON.stringify(documentIds)];
    const rows = db.prepare(`SELECT id, title${withText ? ', text' : ''} FROM documents WHERE id IN (${chosen}) ORDER BY title COLLATE NOCASE, id`)
      .all(...chosenArgs) as { id: DocumentId; title: string; text?: string }[];
    const turns = turnEnds(db, documentIds === null ? '' : `WHERE document_id IN (${chosen})`, chosenArgs);
    const documents = rows.map((row) => ({ id: row.id, title: row.title, text: row.text ?? null, turnEnds: turns.get(row.id) ?? new Int32Array(0) }));

    // Columns as one row of concatenated numbers: ~100,000 codings read without an object per row (see ../columnar.ts).
    const columns = ['document_id', 'code_id', 'coder_id', 'start_offset', 'end_offset'];
    // ORDER BY none: the codings are taken apart by document where they are used.
    const [count, ...texts] = db.prepare(`SELECT count(*), ${columns.map((c) => `CAST(group_concat(${c}) AS BLOB)`).join(', ')} FROM (
      SELECT ${columns.join(', ')} FROM codings WHERE coder_id IN (SELECT value FROM json_each(?)) ${inChosen})`)
      .raw().get(JSON.stringify(coderIds), ...chosenArgs) as [number, ...(Uint8Array | null)[]];
    const [document, code, coder, start, end] = texts.map((text) => parseIntList(text, count)) as [Int32Array, Int32Array, Int32Array, Int32Array, Int32Array];
    return { codes, documents, codings: { document, code, coder, start, end } };
  })();
}

/**
 * The sorted, distinct turn ends of each document, read as two columns in one row (in the order
 * of the turns_position index, so SQLite sorts nothing; turns do not overlap, so their ends come
 * nearly sorted and are sorted again per document to be sure).
 */
function turnEnds(db: Db, where: string, args: readonly unknown[]): Map<number, Int32Array> {
  const [count, documents, ends] = db.prepare(`SELECT count(*), CAST(group_concat(document_id) AS BLOB), CAST(group_concat(end_offset) AS BLOB) FROM (
    SELECT document_id, end_offset FROM turns ${where} ORDER BY document_id, start_offset)`).raw().get(...args) as [number, Uint8Array | null, Uint8Array | null];
  const documentOf = parseIntList(documents, count);
  const endOf = parseIntList(ends, count);
  const out = new Map<number, Int32Array>();
  for (let i = 0; i < count;) {
    let j = i;
    while (j < count && documentOf[j] === documentOf[i]) j++;
    const sorted = endOf.slice(i, j).sort();
    let distinct = 0;
    for (let k = 0; k < sorted.length; k++) if (k === 0 || sorted[k] !== sorted[distinct - 1]) sorted[distinct++] = sorted[k]!;
    out.set(documentOf[i]!, sorted.slice(0, distinct));
    i = j;
  }
  return out;
}
