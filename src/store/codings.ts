import type Database from 'better-sqlite3';
import { extractsOf } from '../analysis/extracts';
import { TematikError } from '../domain/errors';
import { defineMessages } from '../domain/text';
import type { CodeId, CoderId, CodingId, DocumentId, Utf16Offset } from '../domain/ids';
import { checkRange } from '../domain/ranges';
import type { Coding, Extract } from '../domain/types';
import { documentText } from './documents';
import { now } from './project-store';
import { newGuid } from './row-guid';

const say = defineMessages({
  en: {
    codingNotFound: 'Coding {id} does not exist (it may have been removed). Refresh and try again.',
    documentNotFound: 'Document {id} does not exist. Refresh the document list and try again.',
    alreadyCoded: 'This exact passage already has this code from you; nothing was added.',
    recodeDuplicate: 'This passage already has that code; remove this coding instead.',
  },
  id: {
    codingNotFound: 'Pengodean {id} tidak ada (mungkin sudah dihapus). Muat ulang lalu coba lagi.',
    documentNotFound: 'Transkrip {id} tidak ada. Muat ulang daftar transkrip lalu coba lagi.',
    alreadyCoded: 'Anda sudah memberi kode ini pada bagian teks yang persis sama; tidak ada yang ditambahkan.',
    recodeDuplicate: 'Bagian teks ini sudah punya kode itu; hapus saja pengodean ini.',
  },
});

type Db = Database.Database;

const codingColumns = `c.id, c.document_id AS documentId, c.code_id AS codeId, c.coder_id AS coderId,
  (SELECT name FROM coders WHERE id = c.coder_id) AS coderName,
  c.start_offset AS start, c.end_offset AS end, c.quote, c.created_at AS createdAt`;

export function getCoding(db: Db, id: CodingId): Coding {
  const row = db.prepare(`SELECT ${codingColumns} FROM codings c WHERE c.id = ?`).get(id) as Coding | undefined;
  if (!row) throw new TematikError('not_found', say('codingNotFound', { id: String(id) }));
  return row;
}

/** A coder's coding of a range with a code. */
type CodedRange = [documentId: DocumentId, codeId: CodeId, coderId: CoderId, start: Utf16Offset, end: Utf16Offset];

export interface CodingWriter {
  /** Codes the range; refuses a range this coder already coded so with the code. */
  write(...range: CodedRange): CodingId;
  /** The coder already coded exactly this range with the code. */
  coded(...range: CodedRange): boolean;
}

/** Statements prepared once: applying codes is the hottest write path. */
export function codingWriter(db: Db): CodingWriter {
  const document = db.prepare('SELECT text, title FROM documents WHERE id = ?');
  const exists = db.prepare('SELECT id FROM codings WHERE document_id = ? AND code_id = ? AND coder_id = ? AND start_offset = ? AND end_offset = ?').pluck();
  const insert = db.prepare('INSERT INTO codings (guid, document_id, code_id, coder_id, start_offset, end_offset, quote, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const coded = (...[documentId, codeId, coderId, start, end]: CodedRange): boolean => exists.get(documentId, codeId, coderId, start, end) !== undefined;
  return {
    coded,
    write: (documentId, codeId, coderId, start, end) => {
      // Sliced in JS, not with SQLite's substr: offsets are UTF-16 units, substr counts code points.
      const row = document.get(documentId) as { text: string; title: string } | undefined;
      if (!row) throw new TematikError('not_found', say('documentNotFound', { id: String(documentId) }));
      checkRange(row.text, row.title, start, end);
      if (coded(documentId, codeId, coderId, start, end)) throw new TematikError('conflict', say('alreadyCoded'));
      return Number(insert.run(newGuid(), documentId, codeId, coderId, start, end, row.text.slice(start, end), now()).lastInsertRowid) as CodingId;
    },
  };
}

export function codingsForDocument(db: Db, documentId: DocumentId): Coding[] {
  documentText(db, documentId);
  return db.prepare(`SELECT ${codingColumns} FROM codings c WHERE c.document_id = ? ORDER BY c.start_offset, c.end_offset DESC`).all(documentId) as Coding[];
}

/** Every extract of a code (and optionally its sub-codes), with informant and type to place it; of `coders` only, when given. */
export function extractsForCode(db: Db, codeId: CodeId, includeChildren: boolean, limit?: number, coders?: readonly CoderId[]): Extract[] {
  const ids = includeChildren
    ? db.prepare('WITH RECURSIVE tree(id) AS (SELECT ? UNION ALL SELECT k.id FROM codes k JOIN tree ON k.parent_id = tree.id) SELECT id FROM tree').pluck().all(codeId) as CodeId[]
    : [codeId];
  return extractsOf(db, ids, undefined, limit, coders);
}

/** The extracts of any of `codeIds`, each coding once, by document then position. */
export function extractsForCodes(db: Db, codeIds: readonly CodeId[]): Extract[] {
  return extractsOf(db, codeIds);
}

export function removeCoding(db: Db, id: CodingId): Coding {
  const coding = getCoding(db, id);
  db.prepare('DELETE FROM codings WHERE id = ?').run(id);
  return coding;
}

export function recode(db: Db, id: CodingId, codeId: CodeId): void {
  const coding = getCoding(db, id);
  if (coding.codeId === codeId) return;
  const duplicate = db.prepare('SELECT 1 FROM codings WHERE document_id = ? AND code_id = ? AND coder_id = ? AND start_offset = ? AND end_offset = ?')
    .get(coding.documentId, codeId, coding.coderId, coding.start, coding.end);
  if (duplicate) throw new TematikError('conflict', say('recodeDuplicate'));
  db.prepare('UPDATE codings SET code_id = ? WHERE id = ?').run(codeId, id);
}
