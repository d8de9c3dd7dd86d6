import type Database from 'better-sqlite3';
import { TematikError } from '../domain/errors';
import type { CodeId, CodingId, ThemeId } from '../domain/ids';
import { paletteColour } from '../domain/palette';
import type { Theme, ThemeStatus } from '../domain/types';
import { getCode } from './codes';
import { now } from './project-store';

type Db = Database.Database;

type ThemeRow = Omit<Theme, 'codeIds'> & { codeIds: string };

const themeSql = `
  SELECT t.id, t.parent_id AS parentId, t.name, t.definition, t.scope, t.status, t.colour, t.exemplar_coding_id AS exemplarCodingId,
    (SELECT json_group_array(code_id) FROM (SELECT code_id FROM theme_codes tc WHERE tc.theme_id = t.id ORDER BY code_id)) AS codeIds
  FROM themes t`;

const toTheme = (row: ThemeRow): Theme => ({ ...row, codeIds: JSON.parse(row.codeIds) as CodeId[] });

export function listThemes(db: Db): Theme[] {
  return (db.prepare(`${themeSql} ORDER BY t.sort_order, t.name COLLATE NOCASE`).all() as ThemeRow[]).map(toTheme);
}

export function getTheme(db: Db, id: ThemeId): Theme {
  const row = db.prepare(`${themeSql} WHERE t.id = ?`).get(id) as ThemeRow | undefined;
  if (!row) throw new TematikError('not_found', `Theme ${id} does not exist. Refresh the theme list and try again.`);
  return toTheme(row);
}

export function createTheme(db: Db, input: { name: string; parentId?: ThemeId | null; codeIds?: readonly CodeId[]; colour?: string }): ThemeId {
  if (input.parentId) getTheme(db, input.parentId);
  const count = db.prepare('SELECT count(*) FROM themes').pluck().get() as number;
  const at = now();
  const id = Number(db.prepare('INSERT INTO themes (parent_id, name, colour, sort_order, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(input.parentId ?? null, input.name.trim(), input.colour ?? paletteColour(count + 3), count, at, at).lastInsertRowid) as ThemeId;
  addCodes(db, id, input.codeIds ?? []);
  return id;
}

export interface ThemeChanges {
  name?: string; definition?: string; scope?: string; status?: ThemeStatus; colour?: string;
  exemplarCodingId?: CodingId | null; parentId?: ThemeId | null;
}

export function updateTheme(db: Db, id: ThemeId, changes: ThemeChanges): void {
  const current = getTheme(db, id);
  if (changes.parentId) {
    const ancestors = db.prepare(`
      WITH RECURSIVE up(id) AS (SELECT ? UNION ALL SELECT t.parent_id FROM themes t JOIN up ON t.id = up.id WHERE t.parent_id IS NOT NULL) SELECT id FROM up`).pluck().all(changes.parentId) as number[];
    if (ancestors.includes(id)) throw new TematikError('conflict', `Cannot make "${current.name}" a sub-theme of itself or of its own sub-theme.`);
  }
  if (changes.exemplarCodingId) {
    const fits = db.prepare(`SELECT 1 FROM codings c JOIN theme_codes tc ON tc.code_id = c.code_id WHERE c.id = ? AND tc.theme_id = ?`).get(changes.exemplarCodingId, id);
    if (!fits) throw new TematikError('conflict', `The exemplar quote must be an extract coded with one of the theme's codes.`);
  }
  const next = { ...current, ...changes };
  db.prepare(`UPDATE themes SET name = ?, definition = ?, scope = ?, status = ?, colour = ?, exemplar_coding_id = ?, parent_id = ?, updated_at = ? WHERE id = ?`)
    .run(next.name.trim(), next.definition, next.scope, next.status, next.colour, next.exemplarCodingId, next.parentId, now(), id);
}

export function addCodes(db: Db, id: ThemeId, codeIds: readonly CodeId[]): void {
  for (const codeId of codeIds) getCode(db, codeId);
  const insert = db.prepare('INSERT OR IGNORE INTO theme_codes (theme_id, code_id) VALUES (?, ?)');
  for (const codeId of codeIds) insert.run(id, codeId);
}

export function removeCodes(db: Db, id: ThemeId, codeIds: readonly CodeId[]): void {
  const remove = db.prepare('DELETE FROM theme_codes WHERE theme_id = ? AND code_id = ?');
  for (const codeId of codeIds) remove.run(id, codeId);
}

export function deleteTheme(db: Db, id: ThemeId): string {
  const theme = getTheme(db, id);
  db.prepare('DELETE FROM themes WHERE id = ?').run(id);
  return theme.name;
}
