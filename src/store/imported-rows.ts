import type Database from 'better-sqlite3';
import type { CodeId, CoderId, CodingId, DocumentId, InformantId, ThemeId, ThemeLinkId, Utf16Offset } from '../domain/ids';
import type { CommentTarget, CommentTargetKind, Convergence, MemoKind, ThemeLinkKind, ThemeStatus } from '../domain/types';
import { targetColumns } from './comments';
import { insertCoder } from './coders';
import { prepared } from './prepared';
import { now } from './project-store';
import { keptGuid } from './row-guid';

/**
 * Rows as an imported file brings them: with the GUIDs, authors and times they had, each added
 * only when the project does not hold the same already. The REFI-QDA project import writes
 * through these (src/refi/write-project.ts, by the store interface's `imports` group).
 */

type Db = Database.Database;

export function linkInformant(db: Db, documentId: DocumentId, informantId: InformantId): void {
  prepared(db, 'INSERT OR IGNORE INTO document_informants (document_id, informant_id) VALUES (?, ?)').run(documentId, informantId);
}

/** The coder of that name, added with the user's GUID (when valid and unused) if the project has none. */
export function coderNamed(db: Db, name: string, guid?: string): CoderId {
  return ((prepared(db, 'SELECT id FROM coders WHERE name = ?').pluck().get(name) as CoderId | undefined) ?? insertCoder(db, name, guid));
}

export interface ImportedCoding {
  readonly guid?: string;
  readonly documentId: DocumentId;
  readonly codeId: CodeId;
  readonly coderId: CoderId;
  readonly start: Utf16Offset;
  readonly end: Utf16Offset;
  readonly quote: string;
  readonly createdAt?: string;
}

/** The coding's row; `added` false when the coder had already coded that passage with that code. */
export function importCoding(db: Db, c: ImportedCoding): { id: CodingId; added: boolean } {
  const inserted = prepared(db, 'INSERT OR IGNORE INTO codings (guid, document_id, code_id, coder_id, start_offset, end_offset, quote, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
    .run(keptGuid(db, c.guid), c.documentId, c.codeId, c.coderId, c.start, c.end, c.quote, c.createdAt ?? now());
  if (inserted.changes > 0) return { id: Number(inserted.lastInsertRowid) as CodingId, added: true };
  const id = prepared(db, 'SELECT id FROM codings WHERE document_id = ? AND code_id = ? AND coder_id = ? AND start_offset = ? AND end_offset = ?').pluck()
    .get(c.documentId, c.codeId, c.coderId, c.start, c.end) as CodingId;
  return { id, added: false };
}

/** What makes two memos the same: kind, title, text and target. */
export interface MemoKey {
  readonly kind: MemoKind;
  readonly title: string;
  readonly body: string;
  readonly documentId: DocumentId | null;
  readonly codeId: CodeId | null;
  readonly themeId: ThemeId | null;
  readonly codingId: CodingId | null;
}

export interface ImportedMemo extends MemoKey {
  readonly guid?: string;
  /** The Braun & Clarke phase (1–6) a journal entry was written in. */
  readonly phase: number | null;
  readonly authorId: CoderId;
  readonly createdAt?: string;
  readonly updatedAt?: string;
}

export function hasMemo(db: Db, m: MemoKey): boolean {
  return prepared(db, 'SELECT 1 FROM memos WHERE kind = ? AND title = ? AND body = ? AND document_id IS ? AND code_id IS ? AND theme_id IS ? AND coding_id IS ?')
    .get(m.kind, m.title, m.body, m.documentId, m.codeId, m.themeId, m.codingId) !== undefined;
}

export function importMemo(db: Db, m: ImportedMemo): void {
  const createdAt = m.createdAt ?? now();
  prepared(db, `INSERT INTO memos (guid, kind, title, body, phase, author_id, document_id, code_id, theme_id, coding_id, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
    .run(keptGuid(db, m.guid), m.kind, m.title, m.body, m.phase, m.authorId, m.documentId, m.codeId, m.themeId, m.codingId, createdAt, m.updatedAt ?? createdAt);
}

/** Who wrote an imported comment: a coder of the project, or a supervisor whose review package it came from. */
export type CommentAuthor = { readonly coderId: CoderId } | { readonly reviewer: string; readonly packageGuid: string };

/**
 * What makes two comments the same: the same GUID (a file keeps its comments' GUIDs), or the
 * same author's words on the same target. A reviewer's comment whose target was deleted has no
 * target (`null`) and says what it was on instead.
 */
export interface CommentKey {
  readonly guid?: string;
  readonly target: CommentTarget | null;
  readonly unplaced?: { readonly kind: CommentTargetKind; readonly guid: string; readonly label: string };
  readonly author: CommentAuthor;
  readonly body: string;
}

export interface ImportedComment extends CommentKey {
  readonly createdAt?: string;
  /** When and by whom it was resolved; absent while open. */
  readonly resolved?: { readonly at?: string; readonly byId: CoderId };
}

const authorColumns = (a: CommentAuthor): [CoderId | null, string | null, string | null] => ('coderId' in a ? [a.coderId, null, null] : [null, a.reviewer, a.packageGuid]);

export function hasComment(db: Db, c: CommentKey): boolean {
  if (c.guid !== undefined && prepared(db, 'SELECT 1 FROM comments WHERE guid = ?').get(c.guid) !== undefined) return true;
  const [authorId, reviewer] = authorColumns(c.author);
  return prepared(db, `SELECT 1 FROM comments WHERE theme_id IS ? AND link_id IS ? AND code_id IS ? AND coding_id IS ? AND unplaced_guid IS ?
      AND author_id IS ? AND reviewer_name IS ? AND body = ?`)
    .get(...targetColumns(c.target), c.target === null ? c.unplaced?.guid ?? null : null, authorId, reviewer, c.body) !== undefined;
}

export function importComment(db: Db, c: ImportedComment): void {
  const createdAt = c.createdAt ?? now();
  const unplaced = c.target === null ? c.unplaced : undefined;
  prepared(db, `INSERT INTO comments (guid, theme_id, link_id, code_id, coding_id, author_id, reviewer_name, package_guid,
      unplaced_kind, unplaced_guid, unplaced_label, body, created_at, resolved_at, resolved_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
    .run(keptGuid(db, c.guid), ...targetColumns(c.target), ...authorColumns(c.author), unplaced?.kind ?? null, unplaced?.guid ?? null, unplaced?.label ?? null,
      c.body, createdAt, c.resolved ? c.resolved.at ?? createdAt : null, c.resolved?.byId ?? null);
}

/** The theme of that name (ignoring case) under that parent. */
export function findThemeByName(db: Db, name: string, parentId: ThemeId | null): ThemeId | undefined {
  return prepared(db, 'SELECT id FROM themes WHERE name = ? COLLATE NOCASE AND parent_id IS ?').pluck().get(name, parentId) as ThemeId | undefined;
}

export interface RecordedTheme {
  readonly definition: string;
  readonly scope: string;
  readonly status: ThemeStatus;
  readonly finding: string;
  readonly convergence: Convergence | null;
  readonly convergenceReason: string;
  readonly exemplarCodingId: CodingId | null;
}

/**
 * Writes a theme's recorded state as it was: status and judgement are the researcher's earlier
 * decisions, not steps to replay through the candidate → defined checks. An exemplar that is not
 * coded with one of the theme's codes is left out; returns whether the exemplar was kept.
 */
export function restoreTheme(db: Db, id: ThemeId, theme: RecordedTheme): boolean {
  let exemplar = theme.exemplarCodingId;
  if (exemplar !== null && !prepared(db, 'SELECT 1 FROM codings c JOIN theme_codes tc ON tc.code_id = c.code_id WHERE c.id = ? AND tc.theme_id = ?').get(exemplar, id)) {
    exemplar = null;
  }
  prepared(db, 'UPDATE themes SET definition = ?, scope = ?, status = ?, finding = ?, convergence = ?, convergence_reason = ?, exemplar_coding_id = ? WHERE id = ?')
    .run(theme.definition, theme.scope, theme.status, theme.finding, theme.convergence, theme.convergenceReason, exemplar, id);
  return exemplar !== null;
}

/** The link of that kind between the same ends, if the model has it. */
export function findLink(db: Db, ends: { fromThemeId: ThemeId; toThemeId: ThemeId | null; toLinkId: ThemeLinkId | null; kind: ThemeLinkKind }): ThemeLinkId | undefined {
  return prepared(db, 'SELECT id FROM theme_links WHERE from_theme_id = ? AND to_theme_id IS ? AND to_link_id IS ? AND kind = ?').pluck()
    .get(ends.fromThemeId, ends.toThemeId, ends.toLinkId, ends.kind) as ThemeLinkId | undefined;
}
