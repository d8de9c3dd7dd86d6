import type Database from 'better-sqlite3';
import { TematikError } from '../domain/errors';
import { defineMessages } from '../domain/text';
import type { CoderId } from '../domain/ids';
import type { Comment, CommentTarget, CommentTargetKind } from '../domain/types';
import { prepared } from './prepared';
import { now } from './project-store';
import { newGuid } from './row-guid';

const say = defineMessages({
  en: {
    commentNotFound: 'Comment {id} does not exist. Refresh and try again.',
    targetMissing_theme: 'The theme {id} to comment on does not exist; the comment was not saved.',
    targetMissing_link: 'The link {id} to comment on does not exist; the comment was not saved.',
    targetMissing_code: 'The code {id} to comment on does not exist; the comment was not saved.',
    targetMissing_coding: 'The coding {id} to comment on does not exist; the comment was not saved.',
  },
  id: {
    commentNotFound: 'Komentar {id} tidak ada. Muat ulang lalu coba lagi.',
    targetMissing_theme: 'Tema {id} yang hendak dikomentari tidak ada; komentar tidak disimpan.',
    targetMissing_link: 'Hubungan {id} yang hendak dikomentari tidak ada; komentar tidak disimpan.',
    targetMissing_code: 'Kode {id} yang hendak dikomentari tidak ada; komentar tidak disimpan.',
    targetMissing_coding: 'Pengodean {id} yang hendak dikomentari tidak ada; komentar tidak disimpan.',
  },
});

type Db = Database.Database;

/** Each kind of target: its column in `comments` and the table it points at. */
export const TARGET_COLUMNS: Readonly<Record<CommentTargetKind, { readonly column: string; readonly table: string }>> = {
  theme: { column: 'theme_id', table: 'themes' },
  link: { column: 'link_id', table: 'theme_links' },
  code: { column: 'code_id', table: 'codes' },
  coding: { column: 'coding_id', table: 'codings' },
};

interface CommentRow {
  id: number; guid: string; themeId: number | null; linkId: number | null; codeId: number | null; codingId: number | null;
  coder: string | null; reviewer: string | null; packageGuid: string | null;
  unplacedKind: CommentTargetKind | null; unplacedGuid: string | null; unplacedLabel: string | null;
  body: string; createdAt: string; resolvedAt: string | null; resolvedBy: string | null;
}

const commentSql = `
  SELECT c.id, c.guid, c.theme_id AS themeId, c.link_id AS linkId, c.code_id AS codeId, c.coding_id AS codingId,
    a.name AS coder, c.reviewer_name AS reviewer, c.package_guid AS packageGuid,
    c.unplaced_kind AS unplacedKind, c.unplaced_guid AS unplacedGuid, c.unplaced_label AS unplacedLabel,
    c.body, c.created_at AS createdAt, c.resolved_at AS resolvedAt, r.name AS resolvedBy
  FROM comments c LEFT JOIN coders a ON a.id = c.author_id LEFT JOIN coders r ON r.id = c.resolved_by`;

function targetOf(row: CommentRow): CommentTarget | null {
  if (row.themeId !== null) return { kind: 'theme', id: row.themeId } as CommentTarget;
  if (row.linkId !== null) return { kind: 'link', id: row.linkId } as CommentTarget;
  if (row.codeId !== null) return { kind: 'code', id: row.codeId } as CommentTarget;
  if (row.codingId !== null) return { kind: 'coding', id: row.codingId } as CommentTarget;
  return null;
}

const toComment = (row: CommentRow): Comment => ({
  id: row.id, guid: row.guid, target: targetOf(row),
  // The table's CHECK gives every comment a coder or a reviewer.
  author: row.coder ?? row.reviewer ?? '',
  review: row.packageGuid === null ? null : { packageGuid: row.packageGuid },
  unplaced: row.unplacedKind === null ? null : { kind: row.unplacedKind, guid: row.unplacedGuid ?? '', label: row.unplacedLabel ?? '' },
  body: row.body, createdAt: row.createdAt, resolvedAt: row.resolvedAt, resolvedBy: row.resolvedBy,
});

/** What `listComments` lists: one target's thread, the unplaced review comments, or (absent) every comment. */
export type CommentFilter = { readonly target: CommentTarget } | { readonly unplaced: true } | undefined;

export function listComments(db: Db, filter?: CommentFilter): Comment[] {
  const order = 'ORDER BY c.created_at, c.id';
  if (filter === undefined) return (prepared(db, `${commentSql} ${order}`).all() as CommentRow[]).map(toComment);
  if ('unplaced' in filter) return (prepared(db, `${commentSql} WHERE c.unplaced_kind IS NOT NULL ${order}`).all() as CommentRow[]).map(toComment);
  const { column } = TARGET_COLUMNS[filter.target.kind];
  return (prepared(db, `${commentSql} WHERE c.${column} = ? ${order}`).all(filter.target.id) as CommentRow[]).map(toComment);
}

export function getComment(db: Db, id: number): Comment {
  const row = prepared(db, `${commentSql} WHERE c.id = ?`).get(id) as CommentRow | undefined;
  if (!row) throw new TematikError('not_found', say('commentNotFound', { id: String(id) }));
  return toComment(row);
}

/** The four target columns of a new row, all NULL but the target's. */
export function targetColumns(target: CommentTarget | null): [number | null, number | null, number | null, number | null] {
  return [
    target?.kind === 'theme' ? target.id : null, target?.kind === 'link' ? target.id : null,
    target?.kind === 'code' ? target.id : null, target?.kind === 'coding' ? target.id : null,
  ];
}

export function addComment(db: Db, target: CommentTarget, body: string, author: CoderId): number {
  const { table } = TARGET_COLUMNS[target.kind];
  if (!prepared(db, `SELECT 1 FROM ${table} WHERE id = ?`).get(target.id)) {
    throw new TematikError('not_found', say(`targetMissing_${target.kind}`, { id: String(target.id) }));
  }
  return Number(prepared(db, 'INSERT INTO comments (guid, theme_id, link_id, code_id, coding_id, author_id, body, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
    .run(newGuid(), ...targetColumns(target), author, body.trim(), now()).lastInsertRowid);
}

export function resolveComment(db: Db, id: number, resolved: boolean, by: CoderId): void {
  getComment(db, id);
  prepared(db, 'UPDATE comments SET resolved_at = ?, resolved_by = ? WHERE id = ?').run(resolved ? now() : null, resolved ? by : null, id);
}

/** A supervisor's comment as a review package brought it: on a target the project has, or unplaced. */
export interface ReviewComment {
  readonly guid: string;
  readonly target: CommentTarget | null;
  /** What the comment was on when its target is gone; required when `target` is null. */
  readonly unplaced: { readonly kind: CommentTargetKind; readonly guid: string; readonly label: string } | null;
  readonly reviewer: string;
  readonly packageGuid: string;
  readonly body: string;
  readonly createdAt: string;
}

/** Whether the project has a comment with this GUID (a review comment imported before keeps the file's GUID). */
export function hasCommentGuid(db: Db, guid: string): boolean {
  return prepared(db, 'SELECT 1 FROM comments WHERE guid = ?').get(guid) !== undefined;
}

/** The id of the row of `kind` with this GUID, if the project has it. */
export function targetByGuid(db: Db, kind: CommentTargetKind, guid: string): number | undefined {
  return prepared(db, `SELECT id FROM ${TARGET_COLUMNS[kind].table} WHERE guid = ?`).pluck().get(guid) as number | undefined;
}

export function addReviewComment(db: Db, comment: ReviewComment): number {
  const { unplaced } = comment;
  return Number(prepared(db, `INSERT INTO comments (guid, theme_id, link_id, code_id, coding_id, author_id, reviewer_name, package_guid,
      unplaced_kind, unplaced_guid, unplaced_label, body, created_at) VALUES (?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?)`)
    .run(comment.guid, ...targetColumns(comment.target), comment.reviewer, comment.packageGuid,
      unplaced?.kind ?? null, unplaced?.guid ?? null, unplaced?.label ?? null, comment.body, comment.createdAt).lastInsertRowid);
}
