import type Database from 'better-sqlite3';
import { TematikError } from '../domain/errors';
import { defineMessages } from '../domain/text';
import type { CoderId, ThemeId, ThemeLinkId } from '../domain/ids';
import type { Comment, CommentTarget } from '../domain/types';
import { now } from './project-store';
import { newGuid } from './row-guid';

const say = defineMessages({
  en: {
    commentNotFound: 'Comment {id} does not exist. Refresh and try again.',
    targetMissing_theme: 'The theme {id} to comment on does not exist; the comment was not saved.',
    targetMissing_link: 'The link {id} to comment on does not exist; the comment was not saved.',
  },
  id: {
    commentNotFound: 'Komentar {id} tidak ada. Muat ulang lalu coba lagi.',
    targetMissing_theme: 'Tema {id} yang hendak dikomentari tidak ada; komentar tidak disimpan.',
    targetMissing_link: 'Hubungan {id} yang hendak dikomentari tidak ada; komentar tidak disimpan.',
  },
});

type Db = Database.Database;

interface CommentRow {
  id: number; themeId: ThemeId | null; linkId: ThemeLinkId | null; author: string; body: string;
  createdAt: string; resolvedAt: string | null; resolvedBy: string | null;
}

const commentSql = `
  SELECT c.id, c.theme_id AS themeId, c.link_id AS linkId, a.name AS author, c.body, c.created_at AS createdAt,
    c.resolved_at AS resolvedAt, r.name AS resolvedBy
  FROM comments c JOIN coders a ON a.id = c.author_id LEFT JOIN coders r ON r.id = c.resolved_by`;

const toComment = ({ themeId, linkId, ...rest }: CommentRow): Comment => ({
  ...rest, target: themeId !== null ? { kind: 'theme', id: themeId } : { kind: 'link', id: linkId! },
});

export function listComments(db: Db, target?: CommentTarget): Comment[] {
  const where = target ? `WHERE c.${target.kind === 'theme' ? 'theme_id' : 'link_id'} = ?` : '';
  return (db.prepare(`${commentSql} ${where} ORDER BY c.created_at, c.id`).all(...(target ? [target.id] : [])) as CommentRow[]).map(toComment);
}

export function getComment(db: Db, id: number): Comment {
  const row = db.prepare(`${commentSql} WHERE c.id = ?`).get(id) as CommentRow | undefined;
  if (!row) throw new TematikError('not_found', say('commentNotFound', { id: String(id) }));
  return toComment(row);
}

export function addComment(db: Db, target: CommentTarget, body: string, author: CoderId): number {
  const table = target.kind === 'theme' ? 'themes' : 'theme_links';
  if (!db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).get(target.id)) {
    throw new TematikError('not_found', say(`targetMissing_${target.kind}`, { id: String(target.id) }));
  }
  return Number(db.prepare('INSERT INTO comments (guid, theme_id, link_id, author_id, body, created_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(newGuid(), target.kind === 'theme' ? target.id : null, target.kind === 'link' ? target.id : null, author, body.trim(), now()).lastInsertRowid);
}

export function resolveComment(db: Db, id: number, resolved: boolean, by: CoderId): void {
  getComment(db, id);
  db.prepare('UPDATE comments SET resolved_at = ?, resolved_by = ? WHERE id = ?').run(resolved ? now() : null, resolved ? by : null, id);
}
