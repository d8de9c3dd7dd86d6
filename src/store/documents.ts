import type Database from 'better-sqlite3';
import { TematikError } from '../domain/errors';
import { defineMessages } from '../domain/text';
import type { DocumentId, InformantId } from '../domain/ids';
import type { DocumentContent, DocumentSummary, Turn } from '../domain/types';
import type { ParsedDocument } from '../import/types';
import { documentUnits, offerStems } from '../search/indexer';
import { now } from './project-store';
import { autoMapSpeakers, remapAfterAssign } from './speakers';
import { keptGuid } from './row-guid';

const say = defineMessages({
  en: {
    documentNotFound: 'Document {id} does not exist. Refresh the document list and try again.',
    informantNotFound: "Informant {id} does not exist; the document's informants were not changed.",
  },
  id: {
    documentNotFound: 'Transkrip {id} tidak ada. Muat ulang daftar transkrip lalu coba lagi.',
    informantNotFound: 'Informan {id} tidak ada; informan transkrip ini tidak diubah.',
  },
});

type Db = Database.Database;

const summarySql = `
  SELECT d.id, d.title, d.source_name AS sourceName, d.format, d.encoding, d.word_count AS wordCount,
    length(d.text) AS charCount, d.imported_at AS importedAt, d.content_hash AS contentHash,
    (SELECT count(*) FROM turns t WHERE t.document_id = d.id) AS turnCount,
    (SELECT count(*) FROM codings c WHERE c.document_id = d.id) AS codingCount,
    (SELECT json_group_array(informant_id) FROM (SELECT informant_id FROM document_informants di WHERE di.document_id = d.id ORDER BY informant_id)) AS informantIds
  FROM documents d`;

type SummaryRow = Omit<DocumentSummary, 'informantIds'> & { informantIds: string };

const toSummary = (row: SummaryRow): DocumentSummary => ({ ...row, informantIds: JSON.parse(row.informantIds) as InformantId[] });

export function listDocuments(db: Db): DocumentSummary[] {
  return (db.prepare(`${summarySql} ORDER BY d.title COLLATE NOCASE, d.id`).all() as SummaryRow[]).map(toSummary);
}

export function getDocumentSummary(db: Db, id: DocumentId): DocumentSummary {
  const row = db.prepare(`${summarySql} WHERE d.id = ?`).get(id) as SummaryRow | undefined;
  if (!row) throw new TematikError('not_found', say('documentNotFound', { id: String(id) }));
  return toSummary(row);
}

export function getDocument(db: Db, id: DocumentId): DocumentContent {
  const summary = getDocumentSummary(db, id);
  const text = db.prepare('SELECT text FROM documents WHERE id = ?').pluck().get(id) as string;
  const turns = db.prepare(`
    SELECT id, seq, speaker, role, start_ms AS startMs, end_ms AS endMs, start_offset AS start, end_offset AS end, informant_id AS informantId
    FROM turns WHERE document_id = ? ORDER BY seq`).all(id) as Turn[];
  return { ...summary, text, turns };
}

/** The text of a document, for slicing quotes. */
export function documentText(db: Db, id: DocumentId): string {
  const text = db.prepare('SELECT text FROM documents WHERE id = ?').pluck().get(id) as string | undefined;
  if (text === undefined) throw new TematikError('not_found', say('documentNotFound', { id: String(id) }));
  return text;
}

/** Prepared once per import: the statements a batch reuses for every file. */
/** The writer takes the GUID a source brought (REFI-QDA), kept where valid and unused (row-guid.ts keptGuid). */
export function documentWriter(db: Db): (doc: ParsedDocument, informantIds: readonly InformantId[], speakers?: ReadonlyMap<string, InformantId>, guid?: string) => DocumentId {
  const insertDocument = db.prepare(`INSERT INTO documents (guid, title, source_name, format, encoding, content_hash, text, word_count, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertTurn = db.prepare(`INSERT INTO turns (document_id, seq, speaker, role, start_ms, end_ms, start_offset, end_offset) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
  const link = db.prepare('INSERT OR IGNORE INTO document_informants (document_id, informant_id) VALUES (?, ?)');
  return (doc, informantIds, speakers, guid) => {
    const id = Number(insertDocument.run(keptGuid(db, guid), doc.title, doc.sourceName, doc.format, doc.encoding, doc.contentHash, doc.text, doc.wordCount, now()).lastInsertRowid) as DocumentId;
    doc.turns.forEach((turn, seq) => insertTurn.run(id, seq, turn.speaker, turn.role, turn.startMs, turn.endMs, turn.start, turn.end));
    if (doc.unitStems) offerStems(db, id, doc.text, documentUnits(doc.text, doc.turns), doc.unitStems, doc.unitBytes);
    for (const informant of informantIds) link.run(id, informant);
    autoMapSpeakers(db, id, speakers);
    return id;
  };
}

/** Every document by the hash of its text (the first with each), read once for a whole import: looking each file up scans the documents. */
export function documentsByHash(db: Db): Map<string, { id: DocumentId; title: string }> {
  const rows = db.prepare('SELECT content_hash AS hash, id, title FROM documents ORDER BY id DESC').all() as { hash: string; id: DocumentId; title: string }[];
  return new Map(rows.map(({ hash, id, title }) => [hash, { id, title }]));
}

/** Documents already holding this exact text, to warn about a file imported twice. */
export function findByHash(db: Db, hash: string): { id: DocumentId; title: string } | undefined {
  return db.prepare('SELECT id, title FROM documents WHERE content_hash = ?').get(hash) as { id: DocumentId; title: string } | undefined;
}

export function renameDocument(db: Db, id: DocumentId, title: string): void {
  getDocumentSummary(db, id);
  db.prepare('UPDATE documents SET title = ? WHERE id = ?').run(title.trim(), id);
}

export function assignInformants(db: Db, id: DocumentId, informantIds: readonly InformantId[]): void {
  getDocumentSummary(db, id);
  for (const informant of informantIds) {
    if (!db.prepare('SELECT 1 FROM informants WHERE id = ?').get(informant)) {
      throw new TematikError('not_found', say('informantNotFound', { id: String(informant) }));
    }
  }
  db.prepare('DELETE FROM document_informants WHERE document_id = ?').run(id);
  const link = db.prepare('INSERT OR IGNORE INTO document_informants (document_id, informant_id) VALUES (?, ?)');
  for (const informant of informantIds) link.run(id, informant);
  remapAfterAssign(db, id);
}

export function deleteDocument(db: Db, id: DocumentId): string {
  const { title } = getDocumentSummary(db, id);
  db.prepare('DELETE FROM documents WHERE id = ?').run(id);
  return title;
}

