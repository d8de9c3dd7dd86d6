import type Database from 'better-sqlite3';
import { TematikError } from '../domain/errors';
import { defineMessages, joinText } from '../domain/text';
import type { CodeId, ThemeId } from '../domain/ids';
import type { ThemeMap } from '../domain/types';
import { layoutMap } from '../map/layout';
import { listCodes } from './codes';
import { listLinks } from './theme-links';
import { listThemes } from './themes';

const say = defineMessages({
  en: {
    cannotPlace: 'Cannot place {missing} on the map: not in the project any more. Refresh the map.',
    theme: 'theme {id}',
    code: 'code {id}',
  },
  id: {
    cannotPlace: 'Tidak bisa menempatkan {missing} di peta: sudah tidak ada di proyek. Muat ulang peta.',
    theme: 'tema {id}',
    code: 'kode {id}',
  },
});

type Db = Database.Database;

/** Themes (and optionally their codes) with positions: the researcher's where placed, the automatic layout elsewhere. */
export function themeMap(db: Db, options: { includeCodes?: boolean; includeDiscarded?: boolean }): ThemeMap {
  const themes = listThemes(db).filter((t) => options.includeDiscarded || t.status !== 'discarded');
  const shown = new Set<number>(themes.map((t) => t.id));
  const links = listLinks(db).filter((l) => shown.has(l.fromThemeId) && (l.toThemeId === null || shown.has(l.toThemeId)));
  const positions = (table: string) => new Map((db.prepare(`SELECT ${table === 'theme_positions' ? 'theme_id' : 'code_id'} AS id, x, y FROM ${table}`).all() as { id: number; x: number; y: number }[]).map((p) => [p.id, { x: p.x, y: p.y }]));
  const codeIds = options.includeCodes ? [...new Set(themes.flatMap((t) => t.codeIds))] : [];
  const allCodes = options.includeCodes ? listCodes(db) : [];
  const names = new Map<number, string>(allCodes.map((c) => [c.id, c.name]));
  const placed = layoutMap(themes, links, { themes: positions('theme_positions'), codes: positions('code_positions') }, codeIds, names);
  const codes = allCodes.filter((c) => placed.codes.has(c.id));
  return {
    themes: themes.map((t) => ({ ...t, ...placed.themes.get(t.id)! })),
    codes: codes.map((c) => ({ id: c.id, name: c.name, colour: c.colour, codingCount: c.codingCount, ...placed.codes.get(c.id)! })),
    // A link to a link that is not shown cannot be drawn.
    links: links.filter((l) => l.toLinkId === null || links.some((t) => t.id === l.toLinkId)),
  };
}

/**
 * Stores the position of every theme the map now draws without one, so the action about to
 * run (a new link, theme or sub-theme, a move) cannot make the automatic layout move them.
 * Call it inside the action's transaction: undoing the action forgets these positions too,
 * and the map is drawn as before. Positions already stored are left alone.
 */
export function keepLayout(db: Db): void {
  const unplaced = db.prepare('SELECT count(*) FROM themes WHERE id NOT IN (SELECT theme_id FROM theme_positions)').pluck().get() as number;
  if (unplaced === 0) return;
  const map = themeMap(db, { includeCodes: false, includeDiscarded: false });
  const insert = db.prepare('INSERT INTO theme_positions (theme_id, x, y) VALUES (?, ?, ?) ON CONFLICT DO NOTHING');
  for (const theme of map.themes) if (!theme.pinned) insert.run(theme.id, Math.round(theme.x), Math.round(theme.y));
}

export function moveNodes(db: Db, moves: { themes?: readonly { id: ThemeId; x: number; y: number }[]; codes?: readonly { id: CodeId; x: number; y: number }[] }): void {
  const missing = [
    ...(moves.themes ?? []).filter((m) => !db.prepare('SELECT 1 FROM themes WHERE id = ?').get(m.id)).map((m) => say('theme', { id: String(m.id) })),
    ...(moves.codes ?? []).filter((m) => !db.prepare('SELECT 1 FROM codes WHERE id = ?').get(m.id)).map((m) => say('code', { id: String(m.id) })),
  ];
  if (missing.length) throw new TematikError('not_found', say('cannotPlace', { missing: joinText(missing, ', ') }));
  const theme = db.prepare('INSERT INTO theme_positions (theme_id, x, y) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET x = excluded.x, y = excluded.y');
  const code = db.prepare('INSERT INTO code_positions (code_id, x, y) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET x = excluded.x, y = excluded.y');
  for (const m of moves.themes ?? []) theme.run(m.id, Math.round(m.x), Math.round(m.y));
  for (const m of moves.codes ?? []) code.run(m.id, Math.round(m.x), Math.round(m.y));
}

export function resetLayout(db: Db): void {
  db.prepare('DELETE FROM theme_positions').run();
  db.prepare('DELETE FROM code_positions').run();
}
