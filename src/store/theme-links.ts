import type Database from 'better-sqlite3';
import { TematikError } from '../domain/errors';
import { defineMessages } from '../domain/text';
import type { ThemeId, ThemeLinkId } from '../domain/ids';
import type { ThemeLink, ThemeLinkKind } from '../domain/types';
import { getTheme } from './themes';
import { now } from './project-store';
import { keptGuid } from './row-guid';

const say = defineMessages({
  en: {
    linkNotFound: 'Link {id} of the theme model does not exist. Refresh the map and try again.',
    linkToItself: 'A theme cannot be linked to itself ("{name}").',
    linkExists: 'The theme model already says "{from}" {relation} "{to}".',
    mediatorIsEnd: '"{name}" is an end of that link; a mediator or moderator must be a third theme.',
    kind_influences: 'influences',
    kind_mediates: 'mediates',
    kind_moderates: 'moderates',
    kind_contradicts: 'contradicts',
    'kind_part-of': 'is part of',
    'kind_associated-with': 'is associated with',
  },
  id: {
    linkNotFound: 'Hubungan {id} dalam model tema tidak ada. Muat ulang peta lalu coba lagi.',
    linkToItself: 'Tema tidak bisa dihubungkan dengan dirinya sendiri ("{name}").',
    linkExists: 'Model tema sudah menyatakan "{from}" {relation} "{to}".',
    mediatorIsEnd: '"{name}" adalah salah satu ujung hubungan itu; mediator atau moderator harus tema ketiga.',
    kind_influences: 'memengaruhi',
    kind_mediates: 'memediasi',
    kind_moderates: 'memoderasi',
    kind_contradicts: 'bertentangan dengan',
    'kind_part-of': 'bagian dari',
    'kind_associated-with': 'berkaitan dengan',
  },
});

type Db = Database.Database;

const linkSql = `SELECT id, from_theme_id AS fromThemeId, to_theme_id AS toThemeId, to_link_id AS toLinkId, kind, label FROM theme_links`;

export function listLinks(db: Db): ThemeLink[] {
  return db.prepare(`${linkSql} ORDER BY id`).all() as ThemeLink[];
}

export function getLink(db: Db, id: ThemeLinkId): ThemeLink {
  const link = db.prepare(`${linkSql} WHERE id = ?`).get(id) as ThemeLink | undefined;
  if (!link) throw new TematikError('not_found', say('linkNotFound', { id: String(id) }));
  return link;
}

/**
 * A typed link of the theme model. "M mediates X → Y" is a `mediates` link from M to the
 * link X → Y; a moderator likewise points at the link it moderates.
 */
export function createLink(db: Db, input: { fromThemeId: ThemeId; toThemeId?: ThemeId; toLinkId?: ThemeLinkId; kind: ThemeLinkKind; label?: string; guid?: string }): ThemeLinkId {
  const from = getTheme(db, input.fromThemeId);
  if (input.toThemeId !== undefined) {
    const to = getTheme(db, input.toThemeId);
    if (to.id === from.id) throw new TematikError('conflict', say('linkToItself', { name: from.name }));
    const same = db.prepare('SELECT 1 FROM theme_links WHERE from_theme_id = ? AND to_theme_id = ? AND kind = ?').get(from.id, to.id, input.kind);
    if (same) throw new TematikError('conflict', say('linkExists', { from: from.name, relation: say(`kind_${input.kind}`), to: to.name }));
  } else {
    const target = getLink(db, input.toLinkId!);
    if (target.fromThemeId === from.id || target.toThemeId === from.id) {
      throw new TematikError('conflict', say('mediatorIsEnd', { name: from.name }));
    }
  }
  return Number(db.prepare('INSERT INTO theme_links (guid, from_theme_id, to_theme_id, to_link_id, kind, label, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(keptGuid(db, input.guid), from.id, input.toThemeId ?? null, input.toLinkId ?? null, input.kind, input.label ?? '', now()).lastInsertRowid) as ThemeLinkId;
}

export function updateLink(db: Db, id: ThemeLinkId, changes: { kind?: ThemeLinkKind; label?: string }): void {
  const link = getLink(db, id);
  db.prepare('UPDATE theme_links SET kind = ?, label = ? WHERE id = ?').run(changes.kind ?? link.kind, changes.label ?? link.label, id);
}

export function deleteLink(db: Db, id: ThemeLinkId): void {
  getLink(db, id);
  db.prepare('DELETE FROM theme_links WHERE id = ?').run(id);
}

/** "Open innovation mediates …" for audit rows and the undo menu. */
export function describeLink(db: Db, link: Pick<ThemeLink, 'fromThemeId' | 'toThemeId' | 'toLinkId' | 'kind'>): string {
  const name = (id: number) => (db.prepare('SELECT name FROM themes WHERE id = ?').pluck().get(id) as string | undefined) ?? '?';
  if (link.toThemeId !== null && link.toThemeId !== undefined) return `"${name(link.fromThemeId)}" ${link.kind} "${name(link.toThemeId)}"`;
  const target = getLink(db, link.toLinkId!);
  return `"${name(link.fromThemeId)}" ${link.kind} (${describeLink(db, target)})`;
}
