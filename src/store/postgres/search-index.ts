import type Database from 'better-sqlite3';
import type pg from 'pg';
import { refreshSearchIndex, sourceText, stemsOf, type SourceKind } from '../../search/indexer';
import { prepared } from '../prepared';
import { ident } from './names';
import { inTransactionOn } from './transaction';

/**
 * The search index of a team project in PostgreSQL: `_search`, one row per search unit as the
 * image's `search_units` has it (a speaker turn, a line of a transcript without turns, a memo, a
 * code), with the unit's stems as Tematik computes them (src/search/indexer.ts) in a `tsvector`
 * written literally, each stem at its word position. PostgreSQL's own parser never sees the text:
 * it would split and fold words otherwise than Tematik does.
 *
 * A tsvector keeps positions up to 16383 (larger ones are silently set to 16383), at most 256
 * positions of one word (the rest are dropped), words of at most 2046 bytes, and 1 MB in all. A
 * unit past any of these (a monologue of 16,000 words, "yang" said 300 times in one turn) would be
 * found where it should not be, or missed. Such a unit is stored `exact = false` with an empty
 * tsvector, and a search checks it word for word on the image's text instead (search-query.ts).
 */

/** PostgreSQL's limits on a tsvector (its documentation, "tsvector"). */
const MAX_POSITION = 16383;
const MAX_POSITIONS_OF_A_WORD = 256;
const MAX_WORD_BYTES = 2046;
/** Under the 1 MB a tsvector may take, counting 8 bytes a word and 2 a position as PostgreSQL stores them. */
const MAX_TSVECTOR_BYTES = 1_000_000;

/** A transcript, memo or code whose search units were made again. */
export interface Reindexed {
  readonly kind: SourceKind;
  readonly id: number;
}

/** Whether the project's schema has its search table (a project published before there was one has not). */
export async function hasSearchTable(client: pg.ClientBase, schema: string): Promise<boolean> {
  const { rowCount } = await client.query(`SELECT 1 FROM pg_tables WHERE schemaname = $1 AND tablename = '_search'`, [schema]);
  return rowCount === 1;
}

/**
 * Makes `_search` in the project's schema (the caller's transaction). Its units go with their
 * transcript, memo or code, as in the project file.
 */
export async function createSearchTable(client: pg.ClientBase, schema: string): Promise<void> {
  const s = ident(schema);
  await client.query(`CREATE TABLE ${s}._search (
    id bigserial PRIMARY KEY,
    document_id bigint REFERENCES ${s}.documents (_rowid) ON DELETE CASCADE,
    memo_id bigint REFERENCES ${s}.memos (_rowid) ON DELETE CASCADE,
    code_id bigint REFERENCES ${s}.codes (_rowid) ON DELETE CASCADE,
    start_offset bigint NOT NULL,
    end_offset bigint NOT NULL,
    byte_start bigint NOT NULL,
    byte_end bigint NOT NULL,
    role text,
    informant_id bigint,
    exact boolean NOT NULL,
    tsv tsvector NOT NULL,
    CHECK (num_nonnulls(document_id, memo_id, code_id) = 1))`);
  await client.query(`CREATE INDEX ON ${s}._search USING gin (tsv)`);
  for (const column of ['document_id', 'memo_id', 'code_id']) await client.query(`CREATE INDEX ON ${s}._search (${column})`);
  await client.query(`CREATE INDEX ON ${s}._search (id) WHERE NOT exact`);
}

/** A word of a tsvector or tsquery literal, quoted. */
export const quoteWord = (word: string) => `'${word.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

/** A unit's stems as a tsvector literal with 1-based word positions, or `exact: false` (and no words) when they do not fit one. */
export function tsvectorOf(stems: readonly string[]): { tsv: string; exact: boolean } {
  const inexact = { tsv: '', exact: false };
  if (stems.length > MAX_POSITION) return inexact;
  const positions = new Map<string, number[]>();
  stems.forEach((stem, i) => {
    const list = positions.get(stem);
    if (list) list.push(i + 1);
    else positions.set(stem, [i + 1]);
  });
  let bytes = 0;
  const parts: string[] = [];
  for (const [word, at] of positions) {
    const size = Buffer.byteLength(word);
    if (size > MAX_WORD_BYTES || at.length > MAX_POSITIONS_OF_A_WORD) return inexact;
    bytes += size + 8 + 2 * at.length;
    parts.push(`${quoteWord(word)}:${at.join(',')}`);
  }
  return bytes > MAX_TSVECTOR_BYTES ? inexact : { tsv: parts.join(' '), exact: true };
}

/** The stems of a unit of the image's index, space-joined as FTS5 indexes them, one per word. */
export function unitWords(text: string, start: number, end: number): string[] {
  return stemsOf(text, start, end).split(' ').filter((s) => s !== '');
}

/** A unit of the image's index. */
interface ImageUnit {
  document_id: number | null; memo_id: number | null; code_id: number | null;
  start_offset: number; end_offset: number; byte_start: number; byte_end: number;
  role: string | null; informant_id: number | null;
}

const UNIT_COLUMNS = 'document_id, memo_id, code_id, start_offset, end_offset, byte_start, byte_end, role, informant_id';

/** Rows sent in one statement, and the tsvector text they may carry. */
const ROWS_PER_INSERT = 2000;
const BYTES_PER_INSERT = 8 * 1024 * 1024;

/** Writes the image's units of these sources to `_search` (the caller's transaction). */
async function insertUnits(client: pg.ClientBase, schema: string, db: Database.Database, sources: readonly Reindexed[]): Promise<void> {
  const columns: unknown[][] = Array.from({ length: 11 }, () => []);
  let bytes = 0;
  const send = async () => {
    if (columns[0]!.length === 0) return;
    await client.query(`INSERT INTO ${ident(schema)}._search (${UNIT_COLUMNS}, exact, tsv)
      SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::bigint[], $4::bigint[], $5::bigint[], $6::bigint[], $7::bigint[], $8::text[], $9::bigint[], $10::boolean[], $11::tsvector[])`, columns);
    for (const column of columns) column.length = 0;
    bytes = 0;
  };
  for (const { kind, id } of sources) {
    const units = prepared(db, `SELECT ${UNIT_COLUMNS} FROM search_units WHERE ${kind}_id = ? ORDER BY id`).all(id) as ImageUnit[];
    if (units.length === 0) continue;
    const text = sourceText(db, kind, id);
    if (text === null) continue;
    for (const unit of units) {
      const { tsv, exact } = tsvectorOf(unitWords(text, unit.start_offset, unit.end_offset));
      const values = [unit.document_id, unit.memo_id, unit.code_id, unit.start_offset, unit.end_offset, unit.byte_start, unit.byte_end, unit.role, unit.informant_id, exact, tsv];
      values.forEach((value, i) => columns[i]!.push(value));
      bytes += tsv.length;
      if (columns[0]!.length >= ROWS_PER_INSERT || bytes >= BYTES_PER_INSERT) await send();
    }
  }
  await send();
}

/** Every transcript, memo and code of the image, in the order its index was made. */
function allSources(db: Database.Database): Reindexed[] {
  return db.prepare(`SELECT kind, id FROM (
      SELECT 'document' AS kind, document_id AS id, min(id) AS first FROM search_units WHERE document_id IS NOT NULL GROUP BY document_id
      UNION ALL SELECT 'memo', memo_id, min(id) FROM search_units WHERE memo_id IS NOT NULL GROUP BY memo_id
      UNION ALL SELECT 'code', code_id, min(id) FROM search_units WHERE code_id IS NOT NULL GROUP BY code_id)
    ORDER BY first`).all() as Reindexed[];
}

/** Makes `_search` and fills it from the image's index, which must be up to date (the caller's transaction). */
export async function writeSearchIndex(client: pg.ClientBase, schema: string, db: Database.Database): Promise<void> {
  await createSearchTable(client, schema);
  await insertUnits(client, schema, db, allSources(db));
}

/** Puts the image's units of the sources made again in place of PostgreSQL's (the caller's transaction). */
export async function replaceSearchRows(client: pg.ClientBase, schema: string, db: Database.Database, reindexed: readonly Reindexed[]): Promise<void> {
  const ids = (kind: SourceKind) => reindexed.filter((r) => r.kind === kind).map((r) => r.id);
  await client.query(`DELETE FROM ${ident(schema)}._search WHERE document_id = ANY($1::bigint[]) OR memo_id = ANY($2::bigint[]) OR code_id = ANY($3::bigint[])`,
    [ids('document'), ids('memo'), ids('code')]);
  await insertUnits(client, schema, db, reindexed);
}

const REINDEXED = 'temp._pg_reindexed';

/**
 * Records on the image's connection which transcripts, memos and codes the index marks to be made
 * again: the index is brought up to date inside each change's own transaction, so its list of what
 * changed is empty by the time the change is written through. A TEMP trigger, like capture.ts. A
 * corrected speaker changes its units' role and informant in place (the project's own
 * search_units_speaker trigger), without marking anything: those transcripts are recorded too.
 */
export function startSearchCapture(db: Database.Database): void {
  db.exec(`CREATE TEMP TABLE IF NOT EXISTS _pg_reindexed (kind TEXT NOT NULL, ref_id INTEGER NOT NULL, PRIMARY KEY (kind, ref_id)) WITHOUT ROWID;
CREATE TEMP TRIGGER IF NOT EXISTS _pg_capture_search_dirty AFTER INSERT ON main.search_dirty BEGIN
  INSERT INTO ${REINDEXED} SELECT new.kind, new.ref_id WHERE NOT EXISTS (SELECT 1 FROM ${REINDEXED} WHERE kind = new.kind AND ref_id = new.ref_id);
END;
CREATE TEMP TRIGGER IF NOT EXISTS _pg_capture_search_speaker AFTER UPDATE OF role, informant_id ON main.search_units WHEN new.document_id IS NOT NULL BEGIN
  INSERT INTO ${REINDEXED} SELECT 'document', new.document_id WHERE NOT EXISTS (SELECT 1 FROM ${REINDEXED} WHERE kind = 'document' AND ref_id = new.document_id);
END;`);
}

/** Takes what was recorded since the last call and empties the record. */
export function takeReindexed(db: Database.Database): Reindexed[] {
  const rows = prepared(db, `SELECT kind, ref_id AS id FROM ${REINDEXED} ORDER BY kind, ref_id`).all() as Reindexed[];
  if (rows.length > 0) db.exec(`DELETE FROM ${REINDEXED}`);
  return rows;
}

/**
 * Gives a project published before PostgreSQL had a search index its `_search`, made from the
 * image's index, in one transaction. Nothing else changes, so `_meta`'s seq stays as it is.
 */
export async function ensureSearchIndex(client: pg.ClientBase, schema: string, db: Database.Database): Promise<void> {
  if (await hasSearchTable(client, schema)) return;
  refreshSearchIndex(db);
  await inTransactionOn(client, () => writeSearchIndex(client, schema, db));
}
