import type Database from 'better-sqlite3';
import { TematikError } from '../domain/errors';
import { defineMessages, joinText } from '../domain/text';
import type { CodeId, CodingId, ThemeId } from '../domain/ids';
import { paletteColour } from '../domain/palette';
import { themeEvidenceCodes } from '../analysis/theme-evidence';
import { STATUS_STEPS } from '../domain/theme-status';
import type { Convergence, Theme, ThemeStatus } from '../domain/types';
import { codeName } from './codes';
import { now } from './project-store';
import { keptGuid } from './row-guid';

const say = defineMessages({
  en: {
    themeNotFound: 'Theme {id} does not exist. Refresh the theme list and try again.',
    subThemeOfItself: 'Cannot make "{name}" a sub-theme of itself or of its own sub-theme.',
    exemplarNotInTheme: "The exemplar quote must be an extract coded with one of the theme's codes.",
    statusStep: 'Theme "{name}" is {from}; it can become {options}, not {to}. Braun & Clarke\'s phases go candidate → reviewed → defined.',
    or: ' or ',
    status_candidate: 'candidate',
    status_reviewed: 'reviewed',
    status_defined: 'defined',
    status_discarded: 'discarded',
    noExtracts: 'Theme "{name}" has no coded extracts yet. Add codes with extracts before marking it reviewed.',
    needsDefinition: 'Theme "{name}" needs a definition before it can be marked defined.',
    needsScope: 'Theme "{name}" needs a scope ("what it is not") before it can be marked defined.',
    needsBoth: 'Theme "{name}" needs a definition and a scope ("what it is not") before it can be marked defined.',
    splitStray: 'Only codes of "{name}" can be split off; {count} of the chosen codes are not in it.',
    splitEverything: 'Splitting off every code of "{name}" would leave it empty; rename it instead.',
    mergeIntoItself: 'Cannot merge a theme into itself. Pick two different themes.',
    mergeIntoSubTheme: 'Cannot merge "{source}" into its own sub-theme "{target}". Move the sub-theme out first.',
  },
  id: {
    themeNotFound: 'Tema {id} tidak ada. Muat ulang daftar tema lalu coba lagi.',
    subThemeOfItself: '"{name}" tidak bisa dijadikan subtema dari dirinya sendiri atau dari subtemanya sendiri.',
    exemplarNotInTheme: 'Kutipan contoh harus berupa kutipan yang diberi salah satu kode tema ini.',
    statusStep: 'Tema "{name}" berstatus {from}; statusnya bisa menjadi {options}, bukan {to}. Fase Braun & Clarke berjalan dari kandidat → ditinjau → terdefinisi.',
    or: ' atau ',
    status_candidate: 'kandidat',
    status_reviewed: 'ditinjau',
    status_defined: 'terdefinisi',
    status_discarded: 'disisihkan',
    noExtracts: 'Tema "{name}" belum punya kutipan berkode. Tambahkan kode yang punya kutipan sebelum menandainya sudah ditinjau.',
    needsDefinition: 'Tema "{name}" memerlukan definisi sebelum bisa ditandai terdefinisi.',
    needsScope: 'Tema "{name}" memerlukan batasan ("apa yang bukan") sebelum bisa ditandai terdefinisi.',
    needsBoth: 'Tema "{name}" memerlukan definisi dan batasan ("apa yang bukan") sebelum bisa ditandai terdefinisi.',
    splitStray: 'Hanya kode milik "{name}" yang bisa dipecah menjadi tema baru; {count} kode yang dipilih tidak ada di tema itu.',
    splitEverything: 'Memecah semua kode "{name}" akan membuatnya kosong; ganti saja namanya.',
    mergeIntoItself: 'Tema tidak bisa digabungkan ke dirinya sendiri. Pilih dua tema yang berbeda.',
    mergeIntoSubTheme: '"{source}" tidak bisa digabungkan ke subtemanya sendiri, "{target}". Pindahkan subtema itu keluar lebih dulu.',
  },
});

const status = (s: ThemeStatus) => say(`status_${s}`);

type Db = Database.Database;

type ThemeRow = Omit<Theme, 'codeIds'> & { codeIds: string };

const themeSql = `
  SELECT t.id, t.parent_id AS parentId, t.name, t.definition, t.scope, t.status, t.colour, t.exemplar_coding_id AS exemplarCodingId,
    t.convergence, t.convergence_reason AS convergenceReason, t.finding,
    (SELECT json_group_array(code_id) FROM (SELECT code_id FROM theme_codes tc WHERE tc.theme_id = t.id ORDER BY code_id)) AS codeIds
  FROM themes t`;

const toTheme = (row: ThemeRow): Theme => ({ ...row, codeIds: JSON.parse(row.codeIds) as CodeId[] });

export function listThemes(db: Db): Theme[] {
  return (db.prepare(`${themeSql} ORDER BY t.sort_order, t.name COLLATE NOCASE`).all() as ThemeRow[]).map(toTheme);
}

export function getTheme(db: Db, id: ThemeId): Theme {
  const row = db.prepare(`${themeSql} WHERE t.id = ?`).get(id) as ThemeRow | undefined;
  if (!row) throw new TematikError('not_found', say('themeNotFound', { id: String(id) }));
  return toTheme(row);
}

export function createTheme(db: Db, input: { name: string; parentId?: ThemeId | null; codeIds?: readonly CodeId[]; colour?: string; guid?: string }): ThemeId {
  if (input.parentId) getTheme(db, input.parentId);
  const count = db.prepare('SELECT count(*) FROM themes').pluck().get() as number;
  const at = now();
  const id = Number(db.prepare('INSERT INTO themes (guid, parent_id, name, colour, sort_order, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(keptGuid(db, input.guid), input.parentId ?? null, input.name.trim(), input.colour ?? paletteColour(count + 3), count, at, at).lastInsertRowid) as ThemeId;
  addCodes(db, id, input.codeIds ?? []);
  return id;
}

export interface ThemeChanges {
  name?: string; definition?: string; scope?: string; status?: ThemeStatus; colour?: string;
  exemplarCodingId?: CodingId | null; parentId?: ThemeId | null; finding?: string;
}

export function updateTheme(db: Db, id: ThemeId, changes: ThemeChanges): void {
  const current = getTheme(db, id);
  if (changes.parentId) {
    const ancestors = db.prepare(`
      WITH RECURSIVE up(id) AS (SELECT ? UNION ALL SELECT t.parent_id FROM themes t JOIN up ON t.id = up.id WHERE t.parent_id IS NOT NULL) SELECT id FROM up`).pluck().all(changes.parentId) as number[];
    if (ancestors.includes(id)) throw new TematikError('conflict', say('subThemeOfItself', { name: current.name }));
  }
  if (changes.exemplarCodingId) {
    const fits = db.prepare(`SELECT 1 FROM codings c JOIN theme_codes tc ON tc.code_id = c.code_id WHERE c.id = ? AND tc.theme_id = ?`).get(changes.exemplarCodingId, id);
    if (!fits) throw new TematikError('conflict', say('exemplarNotInTheme'));
  }
  if (changes.status !== undefined && changes.status !== current.status) assertStatusChange(db, { ...current, ...changes }, current.status, changes.status);
  const next = { ...current, ...changes };
  db.prepare(`UPDATE themes SET name = ?, definition = ?, scope = ?, status = ?, colour = ?, exemplar_coding_id = ?, parent_id = ?, finding = ?, updated_at = ? WHERE id = ?`)
    .run(next.name.trim(), next.definition, next.scope, next.status, next.colour, next.exemplarCodingId, next.parentId, next.finding.trim(), now(), id);
}

export function addCodes(db: Db, id: ThemeId, codeIds: readonly CodeId[]): void {
  for (const codeId of codeIds) codeName(db, codeId);
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

function assertStatusChange(db: Db, theme: Theme, from: ThemeStatus, to: ThemeStatus): void {
  if (!STATUS_STEPS[from].some((step) => step.to === to)) {
    const options = joinText(STATUS_STEPS[from].map((step) => status(step.to)), say('or'));
    throw new TematikError('conflict', say('statusStep', { name: theme.name, from: status(from), options, to: status(to) }));
  }
  if (to === 'reviewed') {
    const extracts = db.prepare('SELECT count(*) FROM codings WHERE code_id IN (SELECT value FROM json_each(?))')
      .pluck().get(JSON.stringify(themeEvidenceCodes(db, theme.id))) as number;
    if (extracts === 0) throw new TematikError('conflict', say('noExtracts', { name: theme.name }));
  }
  if (to === 'defined') {
    const noDefinition = !theme.definition.trim();
    const noScope = !theme.scope.trim();
    if (noDefinition || noScope) {
      throw new TematikError('conflict', say(noDefinition && noScope ? 'needsBoth' : noDefinition ? 'needsDefinition' : 'needsScope', { name: theme.name }));
    }
  }
}

export function setConvergence(db: Db, id: ThemeId, convergence: Convergence | null, reason: string): void {
  getTheme(db, id);
  db.prepare('UPDATE themes SET convergence = ?, convergence_reason = ?, updated_at = ? WHERE id = ?').run(convergence, reason, now(), id);
}

/** Moves `codeIds` out of the theme into a new sibling theme; each must be in the theme. */
export function splitTheme(db: Db, id: ThemeId, name: string, codeIds: readonly CodeId[]): ThemeId {
  const theme = getTheme(db, id);
  const stray = codeIds.filter((c) => !theme.codeIds.includes(c));
  if (stray.length) throw new TematikError('conflict', say('splitStray', { name: theme.name, count: stray.length }));
  if (codeIds.length === theme.codeIds.length) throw new TematikError('conflict', say('splitEverything', { name: theme.name }));
  const created = createTheme(db, { name, parentId: theme.parentId, codeIds });
  removeCodes(db, id, codeIds);
  return created;
}

/** Folds one theme into another: its codes, sub-themes, links, memos and comments move; then it is deleted. */
export function mergeThemes(db: Db, sourceId: ThemeId, targetId: ThemeId): { source: string; target: string } {
  if (sourceId === targetId) throw new TematikError('conflict', say('mergeIntoItself'));
  const source = getTheme(db, sourceId);
  const target = getTheme(db, targetId);
  const under = db.prepare('WITH RECURSIVE sub(id) AS (SELECT ? UNION ALL SELECT t.id FROM themes t JOIN sub ON t.parent_id = sub.id) SELECT id FROM sub').pluck().all(sourceId) as number[];
  if (under.includes(targetId)) throw new TematikError('conflict', say('mergeIntoSubTheme', { source: source.name, target: target.name }));
  addCodes(db, targetId, source.codeIds);
  db.prepare('UPDATE themes SET parent_id = ? WHERE parent_id = ?').run(targetId, sourceId);
  // Links that would become self-links after the merge go; the others follow the source.
  db.prepare('DELETE FROM theme_links WHERE (from_theme_id = ? AND to_theme_id = ?) OR (from_theme_id = ? AND to_theme_id = ?)').run(sourceId, targetId, targetId, sourceId);
  db.prepare('UPDATE theme_links SET from_theme_id = ? WHERE from_theme_id = ?').run(targetId, sourceId);
  db.prepare('UPDATE theme_links SET to_theme_id = ? WHERE to_theme_id = ?').run(targetId, sourceId);
  db.prepare('UPDATE memos SET theme_id = ? WHERE theme_id = ?').run(targetId, sourceId);
  db.prepare('UPDATE comments SET theme_id = ? WHERE theme_id = ?').run(targetId, sourceId);
  const definition = [target.definition, source.definition].filter((d) => d.trim()).join('\n\n');
  db.prepare('UPDATE themes SET definition = ?, updated_at = ? WHERE id = ?').run(definition, now(), targetId);
  db.prepare('DELETE FROM themes WHERE id = ?').run(sourceId);
  return { source: source.name, target: target.name };
}
