import type Database from 'better-sqlite3';
import type pg from 'pg';
import type { CodeId, DocumentId, MemoId } from '../../domain/ids';
import type { SpeakerRole } from '../../domain/types';
import { sourceText, type SourceKind } from '../../search/indexer';
import { matchesStems, type QueryNode } from '../../search/query';
import { RANKED_PASSAGES, type AsyncMatcher, type MatchPlan, type UnitRow } from '../../search/search';
import { ident } from './names';
import { quoteWord, unitWords } from './search-index';

/**
 * The tsquery for a parsed search, written literally like the tsvectors (no parser folds the
 * stems): a word with its synonyms `'a' | 'b'`, a phrase `'a' <-> 'b'`, a prefix `'pre':*`, and
 * `&`, `|`, `!`. The same matches as the FTS5 expression of src/search/query.ts `toFts`.
 */
export function toTsquery(node: QueryNode): string {
  switch (node.kind) {
    case 'term': return node.stems.length === 1 ? quoteWord(node.stems[0]!) : `(${node.stems.map(quoteWord).join(' | ')})`;
    case 'phrase': return `(${node.stems.map(quoteWord).join(' <-> ')})`;
    case 'prefix': return `${quoteWord(node.prefix)}:*`;
    case 'or': return `(${node.nodes.map(toTsquery).join(' | ')})`;
    case 'not': return `!${toTsquery(node.node)}`;
    case 'and': return `(${node.nodes.map(toTsquery).join(' & ')})`;
  }
}

/** A unit as `_search` hands it back (bigint columns come as text). */
interface SearchRow {
  id: string; document_id: string | null; memo_id: string | null; code_id: string | null;
  start_offset: string; end_offset: string; byte_start: string; byte_end: string; role: SpeakerRole | null; informant_id: string | null;
}

const COLUMNS = 'u.id, u.document_id, u.memo_id, u.code_id, u.start_offset, u.end_offset, u.byte_start, u.byte_end, u.role, u.informant_id';

const number = (value: string | null) => (value === null ? null : Number(value));

function unitRow(row: SearchRow): UnitRow {
  return {
    documentId: number(row.document_id) as DocumentId | null, memoId: number(row.memo_id) as MemoId | null, codeId: number(row.code_id) as CodeId | null,
    start: Number(row.start_offset), end: Number(row.end_offset), byteStart: Number(row.byte_start), byteEnd: Number(row.byte_end),
    role: row.role, informantId: number(row.informant_id),
  };
}

/** The plan's filters as a condition on `_search u`, its parameters numbered from `first`. */
function filtersOf(plan: MatchPlan, schema: string, first: number): { sql: string; values: unknown[] } {
  const values: unknown[] = [];
  const param = (value: unknown, type: string) => {
    values.push(value);
    return `$${first + values.length - 1}::${type}`;
  };
  const kinds: string[] = [];
  if (plan.kinds.documents) {
    const conditions = ['u.document_id IS NOT NULL'];
    if (plan.documents) conditions.push(`u.document_id = ANY(${param(plan.documents, 'bigint[]')})`);
    if (plan.speakers) {
      // Spoken by an allowed informant; a transcript without turns, by all its informants (as search.ts SPOKEN_BY_ALLOWED).
      const speakers = param(plan.speakers, 'bigint[]');
      conditions.push(`(u.informant_id = ANY(${speakers}) OR (u.role IS NULL AND EXISTS (SELECT 1 FROM ${ident(schema)}.document_informants di
        WHERE di.document_id = u.document_id AND di.informant_id = ANY(${speakers}))))`);
    }
    if (plan.role === 'informant') conditions.push(`(u.role = 'informant' OR u.role IS NULL)`);
    if (plan.role === 'interviewer') conditions.push(`u.role = 'interviewer'`);
    kinds.push(`(${conditions.join(' AND ')})`);
  }
  if (plan.kinds.memos) kinds.push('u.memo_id IS NOT NULL');
  if (plan.kinds.codes) kinds.push('u.code_id IS NOT NULL');
  return { sql: `(${kinds.join(' OR ')})`, values };
}

/** SQLite's NOCASE: ASCII letters folded, then compared byte for byte (the "C" collation), so titles sort exactly as in the project file. */
const NOCASE_TITLE = `translate(d.title, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz') COLLATE "C"`;

/** Every unit that matches, counted over all of them before the LIMIT: the count and the units come from one statement, so one state. */
const PASSAGES = 'count(*) OVER ()';

const ORDER: Readonly<Record<MatchPlan['sort'], string>> = {
  // As search.ts DOCUMENT_ORDER; booleans sort false first as SQLite's 0 and 1 do.
  document: `u.document_id IS NULL, ${NOCASE_TITLE}, u.document_id, u.memo_id IS NULL, u.memo_id, u.code_id, u.start_offset`,
  // Informants' words before the interviewer's questions, which are short and so rank high on their own. Then, for a word in
  // more passages than are ranked (search.ts RANKED_PASSAGES), the order the units were indexed, as the desktop lists it;
  // otherwise ts_rank divided by 1 + the log of the passage's length (normalisation 1): like bm25, a shorter passage first.
  relevance: `u.role IS NOT DISTINCT FROM 'interviewer', CASE WHEN ${PASSAGES} > ${RANKED_PASSAGES} THEN u.id END,
    CASE WHEN ${PASSAGES} <= ${RANKED_PASSAGES} THEN ts_rank(u.tsv, $1::tsquery, 1) END DESC, u.document_id, u.memo_id, u.code_id, u.start_offset`,
};

/**
 * The matching step of a team project's search, run in PostgreSQL on its `_search` table with a
 * connection of the pool (the project's own connection runs its write transactions). Units too long
 * for a tsvector (search-index.ts) are checked word for word on the image, which holds the same rows
 * as PostgreSQL after every acknowledged change, and then matched by id. The two statements need no
 * transaction around them: only this server writes the project (its lock), and its runtime runs no
 * change beside a search (src/team-server/runtime.ts READ_BESIDE), so none is written between them.
 */
export function postgresMatcher(pool: pg.Pool, schema: string, db: Database.Database): AsyncMatcher {
  return (plan) => match(pool, plan, schema, db);
}

/** The units matching `plan`, and how many match. */
async function match(pool: pg.Pool, plan: MatchPlan, schema: string, db: Database.Database): Promise<{ rows: UnitRow[]; passages: number }> {
  const s = ident(schema);
  const loose = filtersOf(plan, schema, 1);
  const unchecked = (await pool.query<SearchRow>(`SELECT ${COLUMNS} FROM ${s}._search u WHERE NOT u.exact AND ${loose.sql}`, loose.values)).rows;
  const found = unchecked.filter((row) => checkOnImage(db, plan.tree, row)).map((row) => row.id);
  const params: unknown[] = [toTsquery(plan.tree)];
  if (found.length > 0) params.push(found);
  const filters = filtersOf(plan, schema, params.length + 1);
  params.push(...filters.values);
  const matching = found.length > 0 ? '(u.tsv @@ $1::tsquery OR u.id = ANY($2::bigint[]))' : 'u.tsv @@ $1::tsquery';
  const join = plan.sort === 'document' ? `LEFT JOIN ${s}.documents d ON d._rowid = u.document_id` : '';
  // At least one row, so that the count comes back with it.
  const take = Number.isFinite(plan.limit) ? ` LIMIT ${Math.max(plan.limit, 1)}` : '';
  const { rows } = await pool.query<SearchRow & { passages: string }>(
    `SELECT ${COLUMNS}, ${PASSAGES} AS passages FROM ${s}._search u ${join} WHERE ${matching} AND ${filters.sql} ORDER BY ${ORDER[plan.sort]}${take}`, params);
  return { rows: rows.slice(0, plan.limit).map(unitRow), passages: rows.length > 0 ? Number(rows[0]!.passages) : 0 };
}

/** Whether a unit PostgreSQL could not index word by word matches, read from the image's text as FTS5 would read it. */
function checkOnImage(db: Database.Database, tree: QueryNode, row: SearchRow): boolean {
  const [kind, id] = (row.document_id !== null ? ['document', row.document_id] : row.memo_id !== null ? ['memo', row.memo_id] : ['code', row.code_id!]) as [SourceKind, string];
  const text = sourceText(db, kind, Number(id));
  return text !== null && matchesStems(tree, unitWords(text, Number(row.start_offset), Number(row.end_offset)));
}
