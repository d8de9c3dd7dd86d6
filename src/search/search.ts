import type Database from 'better-sqlite3';
import { TematikError } from '../domain/errors';
import { defineMessages } from '../domain/text';
import type { CodeId, DocumentId, MemoId, Utf16Offset } from '../domain/ids';
import { speakersOf } from '../analysis/extracts';
import type { SearchEmpty, SearchFilters, SearchHit, SearchResult, SpeakerRole } from '../domain/types';
import { codeText, memoText, refreshSearchIndex } from './indexer';
import { prepared } from '../store/prepared';
import { hitSpans } from './hit-spans';
import { parseQuery, toFts, type QueryNode } from './query';

const say = defineMessages({
  en: { cannotRun: 'The search "{query}" could not be run ({reason}). Put phrases in "double quotes" and balance parentheses.' },
  id: { cannotRun: 'Pencarian "{query}" tidak bisa dijalankan ({reason}). Apit frasa dengan "tanda kutip ganda" dan pastikan setiap kurung punya pasangannya.' },
});

type Db = Database.Database;

/** Characters of context either side of a hit in a keyword-in-context line. */
export const CONTEXT_CHARS = 70;
/** Hits returned by default; `total` still counts every matching passage. */
export const HIT_LIMIT = 200;

/** A matching unit of the index, as the matching step hands it to the keyword-in-context step. */
export interface UnitRow {
  documentId: DocumentId | null; memoId: MemoId | null; codeId: CodeId | null; start: number; end: number;
  byteStart: number; byteEnd: number;
  /** The unit's speaker turn: its role and informant; role null for a document without turns. */
  role: SpeakerRole | null; informantId: number | null;
}

export interface SearchOptions {
  readonly query: string;
  readonly filters?: SearchFilters;
  readonly sort?: 'relevance' | 'document';
  readonly limit?: number;
}

/**
 * What the matching step is asked, the filters already turned into ids (on the project's own
 * rows): which units match `tree` and pass them, and how many do.
 */
export interface MatchPlan {
  readonly tree: QueryNode;
  /** The kinds of unit searched; never empty. */
  readonly kinds: { readonly documents: boolean; readonly memos: boolean; readonly codes: boolean };
  /** Transcripts allowed (document and code filters); null for all. */
  readonly documents: readonly number[] | null;
  /** Informants allowed (type and attribute filters): a transcript unit passes when one of them spoke it; null for all. */
  readonly speakers: readonly number[] | null;
  readonly role: 'all' | 'informant' | 'interviewer';
  /**
   * 'document': by document title (case folded in ASCII only, as SQLite's NOCASE), document,
   * then memos and codes by id, each from its start. 'relevance': informants' words before
   * the interviewer's, then the engine's own rank.
   */
  readonly sort: 'relevance' | 'document';
  /** Units wanted at most, in order; Infinity for every one. */
  readonly limit: number;
}

/** The matching units (at most the plan's limit, in its order) and how many match in all. */
export interface Matched {
  readonly rows: readonly UnitRow[];
  readonly passages: number;
}

/** A search engine's matching step: SQLite's FTS5 on the project file (below), or PostgreSQL on a team server (src/store/postgres/search-query.ts). */
export type Matcher = (plan: MatchPlan) => Matched;
export type AsyncMatcher = (plan: MatchPlan) => Promise<Matched>;

/** A search as steps: each yielded plan is answered with what it matched. One code path for an engine that answers at once and one that answers later. */
type Steps<T> = Generator<MatchPlan, T, Matched>;

/** Full-text search with keyword-in-context lines; the index is brought up to date first. */
export function search(db: Db, options: SearchOptions): SearchResult {
  refreshSearchIndex(db);
  const match = ftsMatcher(db, options.query);
  const steps = searchSteps(db, options);
  // Synchronous on purpose: the desktop searches on its main path, where awaiting each step would yield to the event loop.
  let step = steps.next();
  while (!step.done) step = answerStep(steps, attempt(match, step.value));
  return step.value;
}

/**
 * The same search with another engine's matching step; everything else (filters, keyword-in-context
 * lines, hit spans, why nothing was found) is read from `db`, which must hold the same rows as the engine.
 */
export async function searchWith(db: Db, options: SearchOptions, match: AsyncMatcher): Promise<SearchResult> {
  const steps = searchSteps(db, options);
  let step = steps.next();
  while (!step.done) {
    // Promise.resolve(…).then(match): a matcher that throws before its promise is answered as one that rejects.
    const answer = await Promise.resolve(step.value).then(match).then((matched): Answer => ({ matched }), (error: unknown): Answer => ({ error }));
    step = answerStep(steps, answer);
  }
  return step.value;
}

/** What the matching step answered a plan: the units it matched, or what it threw. */
type Answer = { readonly matched: Matched } | { readonly error: unknown };

/** A synchronous matcher's answer to a plan. */
function attempt(match: Matcher, plan: MatchPlan): Answer {
  try {
    return { matched: match(plan) };
  } catch (error) {
    return { error };
  }
}

/** A search's steps, before the first is taken. */
const searchSteps = (db: Db, options: SearchOptions): Steps<SearchResult> => run(db, options, parseQuery(options.query), true);

/**
 * Hands the matching step's answer to the step that asked, and takes the next step (or the result).
 * A failure goes back to the step too: explaining an empty result counts a part that cannot run as none.
 */
function answerStep<T>(steps: Steps<T>, answer: Answer): IteratorResult<MatchPlan, T> {
  return 'error' in answer ? steps.throw(answer.error) : steps.next(answer.matched);
}

function* run(db: Db, options: SearchOptions, tree: QueryNode | null, explain: boolean): Steps<SearchResult> {
  const began = performance.now();
  if (!tree) return { hits: [], total: 0, passages: 0, tookMs: performance.now() - began };
  const filters = options.filters ?? {};
  const scope = new Set(filters.scope ?? ['documents', 'memos', 'codes']);
  const documents = allowedDocuments(db, filters);
  const speakers = allowedInformants(db, filters);
  const role = filters.role ?? 'all';
  // Memos and codes belong to no informant: a filter on informants, documents or speakers leaves them out.
  const narrowed = documents !== null || speakers !== null || role !== 'all';
  const kinds = { documents: scope.has('documents'), memos: scope.has('memos') && !narrowed, codes: scope.has('codes') && !narrowed };
  if (!kinds.documents && !kinds.memos && !kinds.codes) return { hits: [], total: 0, passages: 0, tookMs: performance.now() - began };
  const limit = options.limit ?? HIT_LIMIT;
  const within = filters.codeId !== undefined ? codedRanges(db, filters.codeId) : null;
  // Every matching passage yields at least one hit, so `limit` passages are enough, unless hits
  // outside the code's extracts are dropped afterwards: then every passage must be read.
  const bounded = within === null && Number.isFinite(limit) && limit < Number.MAX_SAFE_INTEGER;
  const { rows, passages } = yield {
    tree, kinds, documents, speakers, role, sort: options.sort ?? 'relevance', limit: bounded ? Math.floor(limit) : Infinity,
  };
  const everyPassageRead = rows.length === passages;
  // When some passages were not read, `total` counts passages, so hits past the limit are never shown: stop building them there.
  const hits = kwic(db, rows, tree, within, everyPassageRead ? Infinity : limit);
  const total = everyPassageRead ? hits.length : passages;
  return {
    hits: hits.slice(0, limit),
    total,
    passages: within ? new Set(hits.map((h) => `${h.documentId}:${h.unitStart}`)).size : passages,
    tookMs: performance.now() - began,
    ...(total === 0 && explain ? { empty: yield* explainEmpty(db, tree, options) } : {}),
  };
}

/** SQLite's matching step: FTS5 on the project file's own index. */
function ftsMatcher(db: Db, query: string): Matcher {
  return (plan) => {
    const params: unknown[] = [toFts(plan.tree)];
    const kinds: string[] = [];
    if (plan.kinds.documents) {
      const conditions = ['u.document_id IS NOT NULL'];
      if (plan.documents) { conditions.push('u.document_id IN (SELECT value FROM json_each(?))'); params.push(JSON.stringify(plan.documents)); }
      if (plan.speakers) { conditions.push(SPOKEN_BY_ALLOWED); params.push(JSON.stringify(plan.speakers), JSON.stringify(plan.speakers)); }
      // A unit's role is its turn's; NULL for a document without turns, whose text counts as its informants'.
      if (plan.role === 'informant') conditions.push(`(u.role = 'informant' OR u.role IS NULL)`);
      if (plan.role === 'interviewer') conditions.push(`u.role = 'interviewer'`);
      kinds.push(`(${conditions.join(' AND ')})`);
    }
    if (plan.kinds.memos) kinds.push('u.memo_id IS NOT NULL');
    if (plan.kinds.codes) kinds.push('u.code_id IS NOT NULL');
    const unfiltered = plan.kinds.documents && plan.kinds.memos && plan.kinds.codes && !plan.documents && !plan.speakers && plan.role === 'all';
    const from = `FROM search_fts JOIN search_units u ON u.id = search_fts.rowid ${plan.sort === 'document' ? 'LEFT JOIN documents d ON d.id = u.document_id' : ''}
      WHERE search_fts MATCH ? AND (${kinds.join(' OR ')})`;
    const select = `SELECT u.document_id AS documentId, u.memo_id AS memoId, u.code_id AS codeId, u.start_offset AS start, u.end_offset AS end,
        u.byte_start AS byteStart, u.byte_end AS byteEnd, u.role, u.informant_id AS informantId ${from}`;
    const take = Number.isFinite(plan.limit) ? ` LIMIT ${plan.limit}` : '';
    try {
      // Unfiltered, every unit is a document's, memo's or code's passage: FTS5 counts its matches alone, without the join (a third of the query's time on frequent words).
      const counted = unfiltered ? 'FROM search_fts WHERE search_fts MATCH ?' : from;
      const passages = prepared(db, `SELECT count(*) ${counted}`).pluck().get(...(counted === from ? params : [params[0]])) as number;
      let rows: UnitRow[];
      if (plan.sort === 'document') {
        rows = prepared(db, `${select} ORDER BY ${DOCUMENT_ORDER}${take}`).all(...params) as UnitRow[];
      } else if (passages <= RANKED_PASSAGES) {
        // By relevance, what informants said comes before the interviewer's questions, which are short and so rank high on their own.
        rows = prepared(db, `${select} ORDER BY u.role IS 'interviewer', rank${take}`).all(...params) as UnitRow[];
      } else {
        rows = inIndexOrder(db, select, params, plan.limit);
      }
      return { rows, passages };
    } catch (error) {
      throw new TematikError('invalid_args', say('cannotRun', { query, reason: (error as Error).message }));
    }
  };
}

/**
 * Units by document: transcripts by title, then memos and codes by id, each from its start. Memos
 * and codes go by their own ids rather than by when they were last indexed, so that every copy of
 * a project, and a team server's PostgreSQL, lists them alike.
 */
const DOCUMENT_ORDER = 'u.document_id IS NULL, d.title COLLATE NOCASE, u.document_id, u.memo_id IS NULL, u.memo_id, u.code_id, u.start_offset';

/**
 * Passages of a word found in more than this many are not ranked. bm25 scores every match before
 * the first can be shown (FTS5 cannot prune), about a microsecond each: 40 ms for a word in 40,000
 * passages. Ranking a few thousand passages of a word that common says little to a researcher.
 */
export const RANKED_PASSAGES = 2000;

/**
 * Matching passages in the order they were indexed, informants' words before the interviewer's:
 * transcripts in the order they were imported (one edited since comes after the others), each
 * from its start, then memos and codes as they were written. FTS5 hands out matches in this
 * order, so reading stops at the limit instead of scoring and sorting every match.
 */
function inIndexOrder(db: Db, select: string, params: readonly unknown[], limit: number): UnitRow[] {
  const part = (role: string, wanted: number) => prepared(db, `${select} AND u.role IS ${role} 'interviewer' ORDER BY search_fts.rowid LIMIT ?`)
    .all(...params, Number.isFinite(wanted) ? wanted : -1) as UnitRow[];
  const informants = part('NOT', limit);
  return informants.length >= limit ? informants : [...informants, ...part('', limit - informants.length)];
}

/** The unit was spoken by one of the allowed informants (two JSON lists of their ids as parameters); a document without turns by all its informants. */
const SPOKEN_BY_ALLOWED = `(u.informant_id IN (SELECT value FROM json_each(?))
  OR (u.role IS NULL AND EXISTS (SELECT 1 FROM document_informants di WHERE di.document_id = u.document_id AND di.informant_id IN (SELECT value FROM json_each(?)))))`;

/**
 * Why a search found nothing, when the data can say: a word that occurs nowhere; words that
 * each occur but never in one passage (AND looks inside one speaker turn or paragraph); or
 * hits that the filters (type, attribute, document, code, role) leave out.
 */
function* explainEmpty(db: Db, tree: QueryNode, options: SearchOptions): Steps<SearchEmpty | null> {
  function* count(node: QueryNode, filtered: boolean): Steps<number> {
    try {
      return (yield* run(db, { ...options, limit: 1, ...(filtered ? {} : { filters: { scope: ['documents', 'memos', 'codes'] } }) }, node, false)).total;
    } catch {
      return 0;
    }
  }
  const parts = tree.kind === 'and' ? tree.nodes.filter((n) => n.kind !== 'not') : [];
  if (parts.length > 1) {
    const missing: string[] = [];
    for (const node of parts) if ((yield* count(node, false)) === 0) missing.push(describeNode(node));
    if (missing.length > 0) return { kind: 'missing', terms: missing };
    let everyOne = true;
    for (const node of parts) if ((yield* count(node, true)) === 0) { everyOne = false; break; }
    if (everyOne) return { kind: 'apart', terms: parts.map(describeNode) };
  }
  if (options.filters && Object.keys(options.filters).some((k) => k !== 'scope')) {
    const unfiltered = yield* count(tree, false);
    if (unfiltered > 0) return { kind: 'filtered', total: unfiltered };
  }
  return null;
}

/** A query part as the user would write it. */
function describeNode(node: QueryNode): string {
  switch (node.kind) {
    case 'term': return node.stems.join(' ');
    case 'phrase': return `"${node.stems.join(' ')}"`;
    case 'prefix': return `${node.prefix}*`;
    case 'not': return `NOT ${describeNode(node.node)}`;
    default: return node.nodes.map(describeNode).join(node.kind === 'and' ? ' AND ' : ' OR ');
  }
}

/**
 * Informants allowed by the type and attribute filters; null when neither applies. A passage
 * passes when one of them spoke it: in a group interview only the speaker's type and attributes count.
 */
function allowedInformants(db: Db, filters: SearchFilters): number[] | null {
  const sets: number[][] = [];
  if (filters.informantTypeIds?.length) {
    sets.push(db.prepare('SELECT id FROM informants WHERE type_id IN (SELECT value FROM json_each(?))').pluck().all(JSON.stringify(filters.informantTypeIds)) as number[]);
  }
  if (filters.attribute) {
    sets.push(db.prepare(`SELECT ia.informant_id FROM informant_attributes ia JOIN attributes a ON a.id = ia.attribute_id
      WHERE a.name = ? COLLATE NOCASE AND ia.value = ? COLLATE NOCASE`).pluck().all(filters.attribute.name, filters.attribute.value) as number[]);
  }
  if (sets.length === 0) return null;
  return sets.reduce((a, b) => a.filter((id) => b.includes(id)));
}

/** Documents allowed by the document and code filters; null when neither applies. */
function allowedDocuments(db: Db, filters: SearchFilters): number[] | null {
  const sets: number[][] = [];
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

/** Turns matching units into keyword-in-context lines, one per match, until `enough` hits are made. */
function kwic(db: Db, rows: readonly UnitRow[], tree: QueryNode, within: Map<number, [number, number][]> | null, enough: number): SearchHit[] {
  // The titles of all the documents listed, in one statement rather than one each.
  const titles = new Map(prepared(db, 'SELECT id, title FROM documents WHERE id IN (SELECT value FROM json_each(?))').raw()
    .all(JSON.stringify([...new Set(rows.flatMap((row) => (row.documentId === null ? [] : [row.documentId])))])) as [number, string][]);
  const passageOf = documentPassages(db, rows);
  const speakers = turnsAndSpeakers(db, rows);
  // A document without turns is its informants' words: who spoke is worked out from its informants, read when first needed.
  let whoSpoke: ReturnType<typeof speakersOf> | undefined;
  const cache = new Map<string, { title: string; text: string | null }>();
  const source = (row: UnitRow) => {
    const key = row.documentId !== null ? `d${row.documentId}` : row.memoId !== null ? `m${row.memoId}` : `c${row.codeId}`;
    let found = cache.get(key);
    if (!found) {
      if (row.documentId !== null) {
        found = { title: titles.get(row.documentId)!, text: null };
      } else if (row.memoId !== null) {
        const memo = prepared(db, 'SELECT title, body FROM memos WHERE id = ?').get(row.memoId) as { title: string; body: string };
        found = { title: memo.title || memo.body.slice(0, 60), text: memoText(memo.title, memo.body) };
      } else {
        const code = prepared(db, 'SELECT name, description FROM codes WHERE id = ?').get(row.codeId) as { name: string; description: string };
        found = { title: code.name, text: codeText(code.name, code.description) };
      }
      cache.set(key, found);
    }
    return found;
  };
  const hits: SearchHit[] = [];
  for (const [index, row] of rows.entries()) {
    if (hits.length >= enough) break;
    const { title, text: whole } = source(row);
    const said = speakers[index];
    const people = row.documentId === null ? { informantLabels: [], informantTypes: [] }
      : row.role !== null ? spokenByOne(said?.label ?? null, said?.type ?? null) : (whoSpoke ??= speakersOf(db))(row.documentId, row.start, row.end);
    // Offsets below stay in the source's coordinates: a transcript passage is placed back at row.start.
    const passage = row.documentId !== null ? passageOf(row) : whole!.slice(row.start, row.end);
    const text = (from: number, to: number) => passage.slice(from - row.start, to - row.start);
    const speaker = said?.speaker !== null ? said : undefined;
    for (const [from, to] of hitSpans(passage, tree)) {
      const start = row.start + from;
      const end = row.start + to;
      if (within && row.documentId !== null && !(within.get(row.documentId) ?? []).some(([s, e]) => s <= start && end <= e)) continue;
      hits.push({
        kind: row.documentId !== null ? 'document' : row.memoId !== null ? 'memo' : 'code',
        documentId: row.documentId, memoId: row.memoId, codeId: row.codeId, title,
        informantLabels: people.informantLabels, informantTypes: people.informantTypes,
        speaker: speaker?.speaker ?? '', role: speaker?.role ?? null, startMs: speaker?.startMs ?? null,
        start: start as Utf16Offset, end: end as Utf16Offset, unitStart: row.start as Utf16Offset, unitEnd: row.end as Utf16Offset,
        before: context(text(Math.max(row.start, start - CONTEXT_CHARS), start), start - CONTEXT_CHARS > row.start ? 'cut' : 'whole', 'before'),
        match: text(start, end),
        after: context(text(end, Math.min(row.end, end + CONTEXT_CHARS)), end + CONTEXT_CHARS < row.end ? 'cut' : 'whole', 'after'),
      });
    }
  }
  return hits;
}

/** A transcript unit's speaker turn (null fields when none holds it) and the informant who spoke it, as one row each. */
interface UnitSpeaker { speaker: string; role: SpeakerRole; startMs: number | null; label: string | null; type: string | null }

/**
 * The speaker turn holding each transcript unit, and its informant's label and type: one
 * statement for all the units of a search instead of two for each hit (about 10 µs each, 2 ms
 * of a search of 200 hits). Memos' and codes' units get undefined.
 */
function turnsAndSpeakers(db: Db, rows: readonly UnitRow[]): (UnitSpeaker | undefined)[] {
  const asked = rows.map((row) => (row.documentId === null ? null : [row.documentId, row.start, row.end, row.role === null ? null : row.informantId]));
  // Turns follow one another without overlapping: the one holding a passage is the last to start at or before it (one index step, not a scan from the first turn).
  const found = prepared(db, `SELECT CAST(j.key AS INTEGER) AS k, t.speaker, t.role, t.start_ms AS startMs, i.label, it.name AS type
    FROM json_each(?) j
    LEFT JOIN turns t ON t.id = (SELECT id FROM turns WHERE document_id = j.value ->> 0 AND start_offset <= j.value ->> 1 AND end_offset >= j.value ->> 2
      ORDER BY start_offset DESC LIMIT 1)
    LEFT JOIN (informants i JOIN informant_types it ON it.id = i.type_id) ON i.id = j.value ->> 3
    WHERE j.type = 'array'`).all(JSON.stringify(asked)) as (UnitSpeaker & { k: number })[];
  const out: (UnitSpeaker | undefined)[] = new Array<UnitSpeaker | undefined>(rows.length).fill(undefined);
  for (const row of found) out[row.k] = row;
  return out;
}

/** The informant of a speaker turn, when it names one. */
function spokenByOne(label: string | null, type: string | null): { informantLabels: string[]; informantTypes: string[] } {
  return label !== null && type !== null ? { informantLabels: [label], informantTypes: [type] } : { informantLabels: [], informantTypes: [] };
}

/**
 * The text of transcript units, read once per document: reading a transcript's text costs about
 * the same whatever part of it is taken, and the hits of a word cluster in the transcripts that
 * talk about it. One read covers the stretch from the document's first listed unit to its last.
 */
function documentPassages(db: Db, rows: readonly UnitRow[]): (row: UnitRow) => string {
  // Cut as a blob, by byte offsets: substr() of a text would decode the transcript from its start to count characters.
  const stretch = prepared(db, 'SELECT substr(CAST(text AS BLOB), ? + 1, ?) FROM documents WHERE id = ?').pluck();
  const spans = new Map<number, { first: UnitRow; last: UnitRow }>();
  for (const row of rows) {
    if (row.documentId === null) continue;
    const span = spans.get(row.documentId);
    if (!span) spans.set(row.documentId, { first: row, last: row });
    else {
      if (row.byteStart < span.first.byteStart) span.first = row;
      if (row.byteEnd > span.last.byteEnd) span.last = row;
    }
  }
  const read = new Map<number, { bytes: Buffer; start: number }>();
  return (row) => {
    let found = read.get(row.documentId!);
    if (!found) {
      const { first, last } = spans.get(row.documentId!)!;
      found = { bytes: stretch.get(first.byteStart, last.byteEnd - first.byteStart, row.documentId) as Buffer, start: first.byteStart };
      read.set(row.documentId!, found);
    }
    // Only the passage is decoded: decoding the whole stretch cost more than reading it when a transcript's hits lie far apart.
    return found.bytes.toString('utf8', row.byteStart - found.start, row.byteEnd - found.start);
  };
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
