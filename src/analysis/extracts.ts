import type Database from 'better-sqlite3';
import { TematikError } from '../domain/errors';
import type { CoderId, InformantId } from '../domain/ids';
import { defineMessages } from '../domain/text';
import type { CoderRef, Extract } from '../domain/types';
import { spokenBy } from './attribution';
import { passageTimes } from './passage-times';

type Db = Database.Database;

const say = defineMessages({
  en: { coderNotFound: 'Coder {id} does not exist in this project. Refresh the list of coders and choose again.' },
  id: { coderNotFound: 'Pengode {id} tidak ada di proyek ini. Muat ulang daftar pengode lalu pilih lagi.' },
});

/**
 * The coders a count includes, in the order they joined the project: those of `ids`, or every
 * coder when `ids` is absent. An id the project does not have is refused: a filter that quietly
 * dropped it would count fewer coders than the researcher asked for.
 */
export function codersIncluded(db: Db, ids: readonly number[] | undefined): CoderRef[] {
  const all = db.prepare('SELECT id, name FROM coders ORDER BY id').all() as CoderRef[];
  if (ids === undefined) return all;
  const known = new Set<number>(all.map((c) => c.id));
  const missing = ids.find((id) => !known.has(id));
  if (missing !== undefined) throw new TematikError('not_found', say('coderNotFound', { id: String(missing) }));
  const wanted = new Set(ids);
  return all.filter((c) => wanted.has(c.id as CoderId));
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

type ExtractRow = Omit<Extract, 'informantIds' | 'informantLabels' | 'informantTypes'>;

/**
 * The extracts of the codings whose code is one of `codeIds`, optionally only in
 * `documentIds` and only by `coders`, sorted by document title, then start offset (end offset
 * and id break ties), the first `limit` of them when given. Each names the informants who
 * spoke the passage (see `attribution.ts`). A passage several coders coded with the same code
 * is one extract, the earliest coding of it (of the coders included) standing for all.
 */
export function extractsOf(db: Db, codeIds: readonly number[], documentIds?: readonly number[], limit?: number, coders?: readonly number[]): Extract[] {
  if (codeIds.length === 0 || documentIds?.length === 0) return [];
  const rows = db.prepare(`
    SELECT c.id, c.document_id AS documentId, c.code_id AS codeId, c.coder_id AS coderId, (SELECT name FROM coders WHERE id = c.coder_id) AS coderName, c.start_offset AS start, c.end_offset AS end,
      c.quote, c.created_at AS createdAt, k.name AS codeName, d.title AS documentTitle
    FROM codings c JOIN codes k ON k.id = c.code_id JOIN documents d ON d.id = c.document_id
    WHERE c.code_id IN (SELECT value FROM json_each(@codes)) AND (@documents IS NULL OR c.document_id IN (SELECT value FROM json_each(@documents)))
      AND (@coders IS NULL OR c.coder_id IN (SELECT value FROM json_each(@coders)))
      AND NOT EXISTS (SELECT 1 FROM codings o WHERE o.document_id = c.document_id AND o.start_offset = c.start_offset AND o.end_offset = c.end_offset
        AND o.code_id = c.code_id AND o.id < c.id AND (@coders IS NULL OR o.coder_id IN (SELECT value FROM json_each(@coders))))
    ORDER BY d.title COLLATE NOCASE, c.start_offset, c.end_offset, c.id LIMIT @limit`)
    .all({ codes: JSON.stringify(codeIds), documents: documentIds ? JSON.stringify(documentIds) : null, coders: coders ? JSON.stringify(coders) : null, limit: limit ?? -1 }) as ExtractRow[];
  const speakers = speakersOf(db);
  const times = passageTimes(db);
  // Completed in place: a spread copy of 200,000 rows (a 100-theme report) tripled the heap and its collection time.
  return rows.map((row) => {
    const extract: Extract = Object.assign(row, speakers(row.documentId, row.start, row.end));
    const time = times(row.documentId, row.start, row.end);
    return time ? Object.assign(extract, { time }) : extract;
  });
}

/**
 * A lookup of who spoke a passage: informant ids, labels (in label order) and distinct
 * type names. Informant rows are read once, each document's turns when first asked for.
 */
export function speakersOf(db: Db): (documentId: number, start: number, end: number) => Pick<Extract, 'informantIds' | 'informantLabels' | 'informantTypes'> {
  const people = new Map((db.prepare(`SELECT i.id, i.label, t.name FROM informants i JOIN informant_types t ON t.id = i.type_id`).raw().all() as [InformantId, string, string][])
    .map(([id, label, type]) => [id, { label, type }]));
  const spoken = spokenBy(db);
  // Passages spoken by the same people share one answer: a report reads 200,000 extracts, and three arrays each kept them alive.
  const known = new Map<string, Pick<Extract, 'informantIds' | 'informantLabels' | 'informantTypes'>>();
  return (documentId, start, end) => {
    const found = spoken(documentId, start, end);
    const key = found.join(',');
    const cached = known.get(key);
    if (cached) return cached;
    const ids = (found as InformantId[])
      .filter((id) => people.has(id))
      .sort((a, b) => compare(people.get(a)!.label, people.get(b)!.label));
    const answer = {
      informantIds: ids,
      informantLabels: ids.map((id) => people.get(id)!.label),
      informantTypes: [...new Set(ids.map((id) => people.get(id)!.type))].sort(compare),
    };
    known.set(key, answer);
    return answer;
  };
}
