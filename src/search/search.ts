import type Database from 'better-sqlite3';
import { TematikError } from '../domain/errors';
import type { CodeId, DocumentId, MemoId, Utf16Offset } from '../domain/ids';
import type { SearchFilters, SearchHit, SearchResult } from '../domain/types';
import { codeText, memoText, refreshSearchIndex } from './indexer';
import { matchSpans, parseQuery, toFts, type QueryNode } from './query';
import { analyse } from './tokens';

type Db = Database.Database;

/** Characters of context either side of a hit in a keyword-in-context line. */
export const CONTEXT_CHARS = 70;
/** Hits returned by default; `total` still counts every matching passage. */
export const HIT_LIMIT = 200;

interface UnitRow {
  id: number; documentId: DocumentId | null; memoId: MemoId | null; codeId: CodeId | null; start: number; end: number; rank: number;
  pointStart: number; pointEnd: number;
}

export interface SearchOptions {
  readonly query: string;
  readonly filters?: SearchFilters;
  readonly sort?: 'relevance' | 'document';
  readonly limit?: number;
}

/** Full-text search with keyword-in-context lines; the index is brought up to date first. */
export function search(db: Db, options: SearchOptions): SearchResult {
  const began = performance.now();
  refreshSearchIndex(db);
  const tree = parseQuery(options.query);
  if (!tree) return { hits: [], total: 0, passages: 0, tookMs: performance.now() - began };
  const filters = options.filters ?? {};
  const scope = new Set(filters.scope ?? ['documents', 'memos', 'codes']);
  const documents = allowedDocuments(db, filters);
  const clauses: string[] = [];
  const params: unknown[] = [toFts(tree)];
  const kinds: string[] = [];
  if (scope.has('documents')) {
    if (documents) { kinds.push('u.document_id IN (SELECT value FROM json_each(?))'); params.push(JSON.stringify(documents)); }
    else kinds.push('u.document_id IS NOT NULL');
  }
  // Memos and codes belong to no informant: a filter on informants or documents leaves them out.
  const narrowed = documents !== null;
  if (scope.has('memos') && !narrowed) kinds.push('u.memo_id IS NOT NULL');
  if (scope.has('codes') && !narrowed) kinds.push('u.code_id IS NOT NULL');
  if (kinds.length === 0) return { hits: [], total: 0, passages: 0, tookMs: performance.now() - began };
  clauses.push(`(${kinds.join(' OR ')})`);
  const limit = options.limit ?? HIT_LIMIT;
  const within = filters.codeId !== undefined ? codedRanges(db, filters.codeId) : null;
  // Every matching passage yields at least one hit, so `limit` passages are enough, unless hits
  // outside the code's extracts are dropped afterwards: then every passage must be read.
  const bounded = within === null && Number.isFinite(limit) && limit < Number.MAX_SAFE_INTEGER;
  const from = `FROM search_fts JOIN search_units u ON u.id = search_fts.rowid ${options.sort === 'document' ? 'LEFT JOIN documents d ON d.id = u.document_id' : ''}
      WHERE search_fts MATCH ? AND ${clauses.join(' AND ')}`;
  const order = options.sort === 'document' ? 'ORDER BY u.document_id IS NULL, d.title COLLATE NOCASE, u.document_id, u.start_offset, u.id' : 'ORDER BY rank';
  let rows: UnitRow[];
  let passages: number;
  try {
    rows = db.prepare(`
      SELECT u.id, u.document_id AS documentId, u.memo_id AS memoId, u.code_id AS codeId, u.start_offset AS start, u.end_offset AS end, bm25(search_fts) AS rank,
        u.point_start AS pointStart, u.point_end AS pointEnd
      ${from} ${order} ${bounded ? `LIMIT ${Math.floor(limit)}` : ''}`).all(...params) as UnitRow[];
    passages = bounded ? db.prepare(`SELECT count(*) ${from}`).pluck().get(...params) as number : rows.length;
  } catch (error) {
    throw new TematikError('invalid_args', `The search "${options.query}" could not be run (${(error as Error).message}). Put phrases in "double quotes" and balance parentheses.`);
  }
  const hits = kwic(db, rows, tree, within);
  const everyPassageRead = rows.length === passages;
  return {
    hits: hits.slice(0, limit),
    total: everyPassageRead ? hits.length : passages,
    passages: within ? new Set(hits.map((h) => `${h.documentId}:${h.unitStart}`)).size : passages,
    tookMs: performance.now() - began,
  };
}

/** Documents allowed by the informant, attribute and document filters; null when none applies. */
function allowedDocuments(db: Db, filters: SearchFilters): number[] | null {
  const sets: number[][] = [];
  if (filters.informantTypeIds?.length) {
    sets.push(db.prepare(`SELECT DISTINCT di.document_id FROM document_informants di JOIN informants i ON i.id = di.informant_id
      WHERE i.type_id IN (SELECT value FROM json_each(?))`).pluck().all(JSON.stringify(filters.informantTypeIds)) as number[]);
  }
  if (filters.attribute) {
    sets.push(db.prepare(`SELECT DISTINCT di.document_id FROM document_informants di JOIN informant_attributes ia ON ia.informant_id = di.informant_id
      JOIN attributes a ON a.id = ia.attribute_id WHERE a.name = ? COLLATE NOCASE AND ia.value = ? COLLATE NOCASE`).pluck().all(filters.attribute.name, filters.attribute.value) as number[]);
  }
  if (filters.documentIds?.length) sets.push([...filters.documentIds]);
  if (filters.codeId !== undefined) {
    sets.push(db.prepare(`SELECT DISTINCT document_id FROM codings WHERE code_id IN (${subtree})`).pluck().all(filters.codeId) as number[]);
  }
  if (sets.length === 0) return null;
  return sets.reduce((a, b) => a.filter((id) => b.includes(id)));
}

const subtree = 'WITH RECURSIVE tree(id) AS (SELECT ? UNION ALL SELECT k.id FROM codes k JOIN tree ON k.parent_id = tree.id) SELECT id FROM tree';

function codedRanges(db: Db, codeId: CodeId): Map<number, [number, number][]> {
  const rows = db.prepare(`SELECT document_id AS d, start_offset AS s, end_offset AS e FROM codings WHERE code_id IN (${subtree})`).all(codeId) as { d: number; s: number; e: number }[];
  const byDocument = new Map<number, [number, number][]>();
  for (const r of rows) byDocument.set(r.d, [...(byDocument.get(r.d) ?? []), [r.s, r.e]]);
  return byDocument;
}

/** Turns matching units into keyword-in-context lines, one per match. */
function kwic(db: Db, rows: readonly UnitRow[], tree: QueryNode, within: Map<number, [number, number][]> | null): SearchHit[] {
  const documentTitle = db.prepare('SELECT title FROM documents WHERE id = ?').pluck();
  // Only the passage, not the whole transcript: code point offsets because substr() counts code points.
  const passageOf = db.prepare('SELECT substr(text, ? + 1, ?) FROM documents WHERE id = ?').pluck();
  const informants = db.prepare(`SELECT i.label, t.name AS type FROM document_informants di JOIN informants i ON i.id = di.informant_id
    JOIN informant_types t ON t.id = i.type_id WHERE di.document_id = ? ORDER BY i.label`);
  const turn = db.prepare('SELECT speaker, start_ms AS startMs FROM turns WHERE document_id = ? AND start_offset <= ? AND end_offset >= ? LIMIT 1');
  const cache = new Map<string, { title: string; text: string | null; labels: string[]; types: string[] }>();
  const source = (row: UnitRow) => {
    const key = row.documentId !== null ? `d${row.documentId}` : row.memoId !== null ? `m${row.memoId}` : `c${row.codeId}`;
    let found = cache.get(key);
    if (!found) {
      if (row.documentId !== null) {
        const people = informants.all(row.documentId) as { label: string; type: string }[];
        found = { title: documentTitle.get(row.documentId) as string, text: null, labels: people.map((p) => p.label), types: [...new Set(people.map((p) => p.type))] };
      } else if (row.memoId !== null) {
        const memo = db.prepare('SELECT title, body FROM memos WHERE id = ?').get(row.memoId) as { title: string; body: string };
        found = { title: memo.title || memo.body.slice(0, 60), text: memoText(memo.title, memo.body), labels: [], types: [] };
      } else {
        const code = db.prepare('SELECT name, description FROM codes WHERE id = ?').get(row.codeId) as { name: string; description: string };
        found = { title: code.name, text: codeText(code.name, code.description), labels: [], types: [] };
      }
      cache.set(key, found);
    }
    return found;
  };
  const hits: SearchHit[] = [];
  for (const row of rows) {
    const { title, text: whole, labels, types } = source(row);
    // Offsets below stay in the source's coordinates: a transcript passage is placed back at row.start.
    const passage = row.documentId !== null
      ? passageOf.get(row.pointStart, row.pointEnd - row.pointStart, row.documentId) as string
      : whole!.slice(row.start, row.end);
    const text = (from: number, to: number) => passage.slice(from - row.start, to - row.start);
    const tokens = analyse(passage);
    const spans = matchSpans(tree, tokens.map((t) => t.stem)).sort((a, b) => a[0] - b[0]);
    const speaker = row.documentId !== null ? turn.get(row.documentId, row.start, row.end) as { speaker: string; startMs: number | null } | undefined : undefined;
    let last = -1;
    for (const [first, lastToken] of spans) {
      if (first <= last) continue;
      last = lastToken;
      const start = row.start + tokens[first]!.start;
      const end = row.start + tokens[lastToken]!.end;
      if (within && row.documentId !== null && !(within.get(row.documentId) ?? []).some(([s, e]) => s <= start && end <= e)) continue;
      hits.push({
        kind: row.documentId !== null ? 'document' : row.memoId !== null ? 'memo' : 'code',
        documentId: row.documentId, memoId: row.memoId, codeId: row.codeId, title,
        informantLabels: labels, informantTypes: types, speaker: speaker?.speaker ?? '', startMs: speaker?.startMs ?? null,
        start: start as Utf16Offset, end: end as Utf16Offset, unitStart: row.start as Utf16Offset, unitEnd: row.end as Utf16Offset,
        before: context(text(Math.max(row.start, start - CONTEXT_CHARS), start), start - CONTEXT_CHARS > row.start ? 'cut' : 'whole', 'before'),
        match: text(start, end),
        after: context(text(end, Math.min(row.end, end + CONTEXT_CHARS)), end + CONTEXT_CHARS < row.end ? 'cut' : 'whole', 'after'),
      });
    }
  }
  return hits;
}

/** A context window on one line; where the window was cut inside the passage, the cut word goes. */
function context(slice: string, edge: 'cut' | 'whole', side: 'before' | 'after'): string {
  const line = slice.replace(/\s+/g, ' ');
  if (edge === 'whole') return line;
  return side === 'before' ? line.replace(/^\S*\s?/, '') : line.replace(/\s?\S*$/, '');
}

/** The sentence around [start, end) inside its unit: from after the previous . ! ? … to the next one, inclusive. */
export function sentenceAround(text: string, unitStart: number, unitEnd: number, start: number, end: number): [number, number] {
  let from = start;
  while (from > unitStart && !/[.!?…]\s/.test(text.slice(from - 2, from))) from--;
  let to = end;
  while (to < unitEnd && !/[.!?…]/.test(text[to - 1] ?? '')) to++;
  while (from < to && /\s/.test(text[from]!)) from++;
  while (to > from && /\s/.test(text[to - 1]!)) to--;
  return [from, to];
}
