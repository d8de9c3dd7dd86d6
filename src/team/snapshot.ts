import type Database from 'better-sqlite3';
import { z } from 'zod';
import { TematikError } from '../domain/errors';
import { MEMO_KINDS, SOURCE_FORMATS, SPEAKER_ROLES } from '../domain/types';
import type { CopyOrigin } from '../domain/team';
import { say } from './messages';

/**
 * A project as a merge sees it: every row that travels between copies, named by GUID, never by
 * this file's integer ids. Read from the open project inside the merge's transaction, and from a
 * coder's copy, which is input like any other: every row of a copy is checked against the shapes
 * below (a file whose tables hold something else is refused, naming the row), and every coding's
 * range against its transcript.
 */

const guid = z.string().min(1).max(100);
const text = z.string().max(50_000_000);
const label = z.string().min(1).max(10_000);
const count = z.number().int().nonnegative();

const codeRow = z.object({ guid, parentGuid: guid.nullable(), name: label, description: text, colour: z.string().max(50), inVivo: z.number().int(), createdAt: z.string() });
const documentRow = z.object({
  guid, title: label, sourceName: z.string().max(10_000), format: z.enum(SOURCE_FORMATS), encoding: z.string().max(100), contentHash: z.string().max(200), text,
  wordCount: count,
});
const turnRow = z.object({
  documentGuid: guid, seq: count, speaker: z.string().max(10_000), role: z.enum(SPEAKER_ROLES), startMs: count.nullable(), endMs: count.nullable(),
  start: count, end: count, informantGuid: guid.nullable(),
});
const informantRow = z.object({ guid, label, name: z.string().max(10_000), typeName: label });
const attributeRow = z.object({ informantGuid: guid, name: label, value: text });
const documentInformantRow = z.object({ documentGuid: guid, informantGuid: guid });
const coderRow = z.object({ guid, name: label, colour: z.string().max(50) });
const codingRow = z.object({ guid, documentGuid: guid, codeGuid: guid, coder: label, start: count, end: count, quote: text, createdAt: z.string() });
const memoRow = z.object({
  guid, kind: z.enum(MEMO_KINDS), title: text, body: text, phase: z.number().int().min(1).max(6).nullable(), author: label,
  documentGuid: guid.nullable(), codeGuid: guid.nullable(), themeGuid: guid.nullable(), codingGuid: guid.nullable(), createdAt: z.string(), updatedAt: z.string(),
});
const commentRow = z.object({
  guid, themeGuid: guid.nullable(), linkGuid: guid.nullable(), codeGuid: guid.nullable(), codingGuid: guid.nullable(),
  author: label, body: text, createdAt: z.string(), resolvedAt: z.string().nullable(), resolvedBy: label.nullable(),
});
const originRow = z.object({ sourceGuid: guid, sourceName: z.string(), coder: label, keepOwn: z.number().int(), madeAt: z.string(), base: z.string() });
/** The codebook and transcripts as they were when a copy was made: a merge's common ancestor. */
const baseShape = z.object({
  codes: z.array(z.object({ guid, name: label, parentGuid: guid.nullable(), description: text })),
  documents: z.array(z.object({ guid, contentHash: z.string() })),
  informants: z.array(guid),
  /** The memos and codings the copy was given (the receiving coder's own, with `keepOwn`). */
  memos: z.array(guid),
  codings: z.array(guid),
});

export type SnapshotCode = z.infer<typeof codeRow>;
export type SnapshotDocument = z.infer<typeof documentRow> & { readonly turns: readonly z.infer<typeof turnRow>[]; readonly informantGuids: readonly string[] };
export type SnapshotInformant = z.infer<typeof informantRow> & { readonly attributes: Readonly<Record<string, string>> };
export type SnapshotCoder = z.infer<typeof coderRow>;
export type SnapshotCoding = z.infer<typeof codingRow>;
export type SnapshotMemo = z.infer<typeof memoRow>;
export type SnapshotComment = z.infer<typeof commentRow>;
export type CopyBase = z.infer<typeof baseShape>;

export interface Snapshot {
  readonly projectGuid: string;
  readonly name: string;
  readonly origin: (CopyOrigin & { readonly base: CopyBase }) | null;
  readonly coders: readonly SnapshotCoder[];
  readonly informants: readonly SnapshotInformant[];
  readonly documents: readonly SnapshotDocument[];
  readonly codes: readonly SnapshotCode[];
  readonly codings: readonly SnapshotCoding[];
  readonly memos: readonly SnapshotMemo[];
  readonly comments: readonly SnapshotComment[];
  /** GUIDs of the themes and theme links (what comments and memos may point at). */
  readonly themeGuids: ReadonlySet<string>;
  /** GUIDs of the codings merges brought into this project from coders' copies (migration 12). */
  readonly mergedCodings: ReadonlySet<string>;
  readonly linkGuids: ReadonlySet<string>;
}

const SQL = {
  codes: `SELECT c.guid, p.guid AS parentGuid, c.name, c.description, c.colour, c.in_vivo AS inVivo, c.created_at AS createdAt
    FROM codes c LEFT JOIN codes p ON p.id = c.parent_id ORDER BY c.id`,
  documents: `SELECT guid, title, source_name AS sourceName, format, encoding, content_hash AS contentHash, text, word_count AS wordCount FROM documents ORDER BY id`,
  documentsWithoutText: `SELECT guid, title, source_name AS sourceName, format, encoding, content_hash AS contentHash, '' AS text, word_count AS wordCount FROM documents ORDER BY id`,
  turns: `SELECT d.guid AS documentGuid, t.seq, t.speaker, t.role, t.start_ms AS startMs, t.end_ms AS endMs, t.start_offset AS start, t.end_offset AS "end",
    i.guid AS informantGuid FROM turns t JOIN documents d ON d.id = t.document_id LEFT JOIN informants i ON i.id = t.informant_id ORDER BY t.document_id, t.seq`,
  informants: `SELECT i.guid, i.label, i.name, t.name AS typeName FROM informants i JOIN informant_types t ON t.id = i.type_id ORDER BY i.id`,
  attributes: `SELECT i.guid AS informantGuid, a.name, v.value FROM informant_attributes v JOIN informants i ON i.id = v.informant_id JOIN attributes a ON a.id = v.attribute_id`,
  documentInformants: `SELECT d.guid AS documentGuid, i.guid AS informantGuid FROM document_informants x JOIN documents d ON d.id = x.document_id JOIN informants i ON i.id = x.informant_id`,
  coders: 'SELECT guid, name, colour FROM coders ORDER BY id',
  codings: `SELECT k.guid, d.guid AS documentGuid, c.guid AS codeGuid, u.name AS coder, k.start_offset AS start, k.end_offset AS "end", k.quote, k.created_at AS createdAt
    FROM codings k JOIN documents d ON d.id = k.document_id JOIN codes c ON c.id = k.code_id JOIN coders u ON u.id = k.coder_id ORDER BY k.id`,
  memos: `SELECT m.guid, m.kind, m.title, m.body, m.phase, u.name AS author, d.guid AS documentGuid, c.guid AS codeGuid, t.guid AS themeGuid, k.guid AS codingGuid,
    m.created_at AS createdAt, m.updated_at AS updatedAt
    FROM memos m JOIN coders u ON u.id = m.author_id LEFT JOIN documents d ON d.id = m.document_id LEFT JOIN codes c ON c.id = m.code_id
    LEFT JOIN themes t ON t.id = m.theme_id LEFT JOIN codings k ON k.id = m.coding_id ORDER BY m.id`,
  // Coders' comments travel with a merge (a copy is made without any: src/team/make-copy.ts). A supervisor's,
  // from a review package, are the project's own: they have no coder to join, and no place in a copy.
  comments: `SELECT c.guid, t.guid AS themeGuid, l.guid AS linkGuid, d.guid AS codeGuid, k.guid AS codingGuid,
      a.name AS author, c.body, c.created_at AS createdAt, c.resolved_at AS resolvedAt, r.name AS resolvedBy
    FROM comments c JOIN coders a ON a.id = c.author_id LEFT JOIN coders r ON r.id = c.resolved_by
    LEFT JOIN themes t ON t.id = c.theme_id LEFT JOIN theme_links l ON l.id = c.link_id
    LEFT JOIN codes d ON d.id = c.code_id LEFT JOIN codings k ON k.id = c.coding_id ORDER BY c.id`,
  origin: `SELECT source_guid AS sourceGuid, source_name AS sourceName, coder, keep_own AS keepOwn, made_at AS madeAt, base FROM copy_origin WHERE id = 1`,
} as const;

/**
 * Reads the travelling rows of `db`. `file` names the copy in messages; `withText` false leaves the
 * project's transcripts out (the merge asks for the few it needs).
 */
export function readSnapshot(db: Database.Database, file: string, withText: boolean): Snapshot {
  const rows = <T>(shape: z.ZodType<T>, sql: string, table: string): T[] => (db.prepare(sql).all() as unknown[]).map((row, n) => {
    const parsed = shape.safeParse(row);
    if (!parsed.success) throw new TematikError('bad_input', say('badRow', { file, table, row: String(n + 1), detail: parsed.error.issues[0]?.message ?? '' }));
    return parsed.data;
  });
  const project = db.prepare('SELECT guid, name FROM project WHERE id = 1').get() as { guid: string; name: string } | undefined;
  if (!project || typeof project.guid !== 'string' || project.guid === '') throw new TematikError('bad_input', say('notAProject', { file }));

  const turns = rows(turnRow, SQL.turns, 'turns');
  const turnsOf = groupBy(turns, (t) => t.documentGuid);
  const linksOf = groupBy(rows(documentInformantRow, SQL.documentInformants, 'document_informants'), (l) => l.documentGuid);
  const documents = rows(documentRow, withText ? SQL.documents : SQL.documentsWithoutText, 'documents')
    .map((d) => ({ ...d, turns: turnsOf.get(d.guid) ?? [], informantGuids: (linksOf.get(d.guid) ?? []).map((l) => l.informantGuid) }));
  // A transcript the merge may add brings its turns: each must lie inside its text.
  for (const document of withText ? documents : []) {
    const bad = document.turns.findIndex((t) => t.end < t.start || t.end > document.text.length);
    if (bad >= 0) throw new TematikError('bad_input', say('badRow', { file, table: 'turns', row: String(bad + 1), detail: `"${document.title}": outside its text` }));
  }
  const attributesOf = groupBy(rows(attributeRow, SQL.attributes, 'informant_attributes'), (a) => a.informantGuid);
  const informants = rows(informantRow, SQL.informants, 'informants')
    .map((i) => ({ ...i, attributes: Object.fromEntries((attributesOf.get(i.guid) ?? []).map((a) => [a.name, a.value])) }));

  const origin = readOrigin(db, file);
  return {
    projectGuid: project.guid, name: String(project.name), origin,
    coders: rows(coderRow, SQL.coders, 'coders'), informants, documents,
    codes: rows(codeRow, SQL.codes, 'codes'),
    codings: rows(codingRow, SQL.codings, 'codings'),
    memos: rows(memoRow, SQL.memos, 'memos'),
    comments: rows(commentRow, SQL.comments, 'comments'),
    themeGuids: new Set(db.prepare('SELECT guid FROM themes').pluck().all() as string[]),
    linkGuids: new Set(db.prepare('SELECT guid FROM theme_links').pluck().all() as string[]),
    mergedCodings: new Set(db.prepare('SELECT guid FROM merged_codings').pluck().all() as string[]),
  };
}

function readOrigin(db: Database.Database, file: string): Snapshot['origin'] {
  const row = db.prepare(SQL.origin).get();
  if (row === undefined) return null;
  const parsed = originRow.safeParse(row);
  let base: unknown;
  try {
    base = parsed.success ? JSON.parse(parsed.data.base) : undefined;
  } catch {
    base = undefined;
  }
  const checked = baseShape.safeParse(base);
  if (!parsed.success || !checked.success) throw new TematikError('bad_input', say('badRow', { file, table: 'copy_origin', row: '1', detail: 'not as Tematik writes it' }));
  const { base: _json, keepOwn, ...rest } = parsed.data;
  return { ...rest, keepOwn: keepOwn === 1, base: checked.data };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** What `db` holds, as a copy's base (what `readOrigin` reads back): taken from the copy once it is trimmed. */
export function baseOf(db: Database.Database): CopyBase {
  return {
    codes: db.prepare('SELECT c.guid, c.name, p.guid AS parentGuid, c.description FROM codes c LEFT JOIN codes p ON p.id = c.parent_id ORDER BY c.id').all() as CopyBase['codes'],
    documents: db.prepare('SELECT guid, content_hash AS contentHash FROM documents ORDER BY id').all() as CopyBase['documents'],
    informants: db.prepare('SELECT guid FROM informants ORDER BY id').pluck().all() as string[],
    memos: db.prepare('SELECT guid FROM memos ORDER BY id').pluck().all() as string[],
    codings: db.prepare('SELECT guid FROM codings ORDER BY id').pluck().all() as string[],
  };
}
