import type Database from 'better-sqlite3';
import type { CodeId, CoderId, DocumentId } from '../../domain/ids';
import { parseIntList } from '../columnar';
import type { AgreementDocument, CodingColumns } from './agreement';

type Db = Database.Database;

/** A coder of the project with the number of codings they made. */
export interface AgreementCoder {
  readonly id: CoderId;
  readonly name: string;
  readonly codings: number;
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
  return db.prepare('SELECT c.id, c.name, (SELECT count(*) FROM codings WHERE coder_id = c.id) AS codings FROM coders c ORDER BY c.id').all() as AgreementCoder[];
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
    const chosenArgs = documentIds === null ? [] : [JSON.stringify(documentIds)];
    const rows = db.prepare(`SELECT id, title${withText ? ', text' : ''} FROM documents WHERE id IN (${chosen}) ORDER BY title COLLATE NOCASE, id`)
      .all(...chosenArgs) as { id: DocumentId; title: string; text?: string }[];
    const turnRows = db.prepare(`SELECT document_id, group_concat(end_offset) FROM (SELECT document_id, end_offset FROM turns
      WHERE document_id IN (${chosen}) GROUP BY document_id, end_offset ORDER BY document_id, end_offset) GROUP BY document_id`)
      .raw().all(...chosenArgs) as [number, string][];
    const turns = new Map(turnRows.map(([id, ends]) => [id, Int32Array.from(ends.split(','), Number)]));
    const documents = rows.map((row) => ({ id: row.id, title: row.title, text: row.text ?? null, turnEnds: turns.get(row.id) ?? new Int32Array(0) }));

    // Columns as one row of concatenated numbers: ~100,000 codings read without an object per row (see ../columnar.ts).
    const columns = ['document_id', 'code_id', 'coder_id', 'start_offset', 'end_offset'];
    const [count, ...texts] = db.prepare(`SELECT count(*), ${columns.map((c) => `CAST(group_concat(${c}) AS BLOB)`).join(', ')} FROM (
      SELECT ${columns.join(', ')} FROM codings WHERE coder_id IN (SELECT value FROM json_each(?)) AND document_id IN (${chosen}) ORDER BY document_id, start_offset)`)
      .raw().get(JSON.stringify(coderIds), ...chosenArgs) as [number, ...(Uint8Array | null)[]];
    const [document, code, coder, start, end] = texts.map((text) => parseIntList(text, count)) as [Int32Array, Int32Array, Int32Array, Int32Array, Int32Array];
    return { codes, documents, codings: { document, code, coder, start, end } };
  })();
}
