import type Database from 'better-sqlite3';
import type { Extract } from '../domain/types';

type Db = Database.Database;

type ExtractRow = Omit<Extract, 'informantLabels' | 'informantTypes'>;

/**
 * The extracts of the codings whose code is one of `codeIds`, optionally only in
 * `documentIds`: the same shape as `codings.forCode` returns, sorted by document
 * title, then start offset (end offset and id break ties).
 *
 * Informant labels and types are looked up once per document rather than once per
 * extract, so a cell holding thousands of extracts stays fast.
 */
export function extractsOf(db: Db, codeIds: readonly number[], documentIds?: readonly number[]): Extract[] {
  if (codeIds.length === 0 || documentIds?.length === 0) return [];
  const rows = db.prepare(`
    SELECT c.id, c.document_id AS documentId, c.code_id AS codeId, c.coder_id AS coderId, (SELECT name FROM coders WHERE id = c.coder_id) AS coderName, c.start_offset AS start, c.end_offset AS end,
      c.quote, c.created_at AS createdAt, k.name AS codeName, d.title AS documentTitle
    FROM codings c JOIN codes k ON k.id = c.code_id JOIN documents d ON d.id = c.document_id
    WHERE c.code_id IN (SELECT value FROM json_each(@codes)) AND (@documents IS NULL OR c.document_id IN (SELECT value FROM json_each(@documents)))
    ORDER BY d.title COLLATE NOCASE, c.start_offset, c.end_offset, c.id`)
    .all({ codes: JSON.stringify(codeIds), documents: documentIds ? JSON.stringify(documentIds) : null }) as ExtractRow[];
  const places = documentPlaces(db, [...new Set(rows.map((row) => row.documentId))]);
  return rows.map((row) => {
    const place = places.get(row.documentId);
    return { ...row, informantLabels: place?.labels ?? [], informantTypes: place?.types ?? [] };
  });
}

/** Per document: its informants' labels, and their distinct type names, in the order `codings.forCode` gives them. */
function documentPlaces(db: Db, documentIds: readonly number[]): Map<number, { labels: string[]; types: string[] }> {
  const places = new Map<number, { labels: string[]; types: string[] }>();
  if (documentIds.length === 0) return places;
  const ids = JSON.stringify(documentIds);
  const labels = db.prepare(`
    SELECT di.document_id, i.label FROM document_informants di JOIN informants i ON i.id = di.informant_id
    WHERE di.document_id IN (SELECT value FROM json_each(?)) ORDER BY di.document_id, i.label`).raw().all(ids) as [number, string][];
  const types = db.prepare(`
    SELECT DISTINCT di.document_id, t.name FROM document_informants di JOIN informants i ON i.id = di.informant_id JOIN informant_types t ON t.id = i.type_id
    WHERE di.document_id IN (SELECT value FROM json_each(?)) ORDER BY di.document_id, t.name`).raw().all(ids) as [number, string][];
  const place = (id: number): { labels: string[]; types: string[] } => {
    let found = places.get(id);
    if (!found) places.set(id, (found = { labels: [], types: [] }));
    return found;
  };
  for (const [id, label] of labels) place(id).labels.push(label);
  for (const [id, type] of types) place(id).types.push(type);
  return places;
}
