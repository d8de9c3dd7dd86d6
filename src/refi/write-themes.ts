import type Database from 'better-sqlite3';
import type { CodeId, CoderId, CodingId, ThemeId, ThemeLinkId } from '../domain/ids';
import { defineMessages } from '../domain/text';
import { now } from '../store/project-store';
import { keptGuid } from '../store/row-guid';
import { createLink } from '../store/theme-links';
import { addCodes, createTheme } from '../store/themes';
import type { ImportNotes } from './notes';
import type { PlannedCoding } from './read-project';
import type { PlannedComment, PlannedLink, PlannedTheme, ThemePlan } from './read-themes';

const say = defineMessages({
  en: {
    themeExists: 'Themes the project already has (same name under the same parent) were kept as they are; the file\'s codes were added to them.',
    exemplarElsewhere: 'The exemplar quote of "{name}" is not coded with one of its codes here, so the theme has none.',
    linkExists: 'Skipped links the theme model already has.',
    linkToItself: 'Skipped links whose two ends are the same theme in this project.',
    linkEndpoint: 'Skipped a mediation or moderation whose theme is an end of the link it points at.',
    linkLost: 'Skipped links onto a link that was not imported.',
    comments: 'Comments on themes and links came back with their authors, and resolved ones as resolved; comments the project already has were not added again.',
  },
  id: {
    themeExists: 'Tema yang sudah ada di proyek (nama sama di bawah induk yang sama) dibiarkan apa adanya; kode dari berkas ditambahkan ke tema itu.',
    exemplarElsewhere: 'Kutipan contoh untuk "{name}" di sini tidak diberi salah satu kodenya, jadi tema itu tidak punya kutipan contoh.',
    linkExists: 'Tautan yang sudah ada dalam model tema dilewati.',
    linkToItself: 'Tautan yang kedua ujungnya tema yang sama di proyek ini dilewati.',
    linkEndpoint: 'Mediasi atau moderasi yang temanya merupakan ujung tautan yang dirujuknya dilewati.',
    linkLost: 'Tautan yang merujuk tautan lain yang tidak diimpor dilewati.',
    comments: 'Komentar pada tema dan tautan kembali beserta penulisnya, dan yang sudah diselesaikan tetap berstatus selesai; komentar yang sudah ada di proyek tidak ditambahkan lagi.',
  },
});

type Db = Database.Database;

/** What the rest of the import wrote, by the file's GUIDs. */
export interface WrittenRefs {
  readonly codes: ReadonlyMap<string, CodeId>;
  readonly codingIds: ReadonlyMap<PlannedCoding, CodingId>;
  /** The coder a user GUID of the file stands for (the importer when it names none). */
  readonly coders: (guid: string | undefined) => CoderId;
}

/**
 * Writes planned themes and theme links inside the import's transaction. A theme the project
 * already has (same name, same parent) is reused and keeps its own definition, status and
 * judgement, so importing the same file twice adds nothing; a link the model already has is
 * skipped likewise. Returns each theme set's GUID with the theme it became.
 */
export function writeThemes(db: Db, plan: ThemePlan, refs: WrittenRefs, messages: ImportNotes): Map<string, ThemeId> {
  const ids = new Map<string, ThemeId>();
  const comment = commentWriter(db, refs.coders);
  if ([...plan.themes, ...plan.links].some((t) => t.comments.length > 0)) messages.note('themes', say('comments'));
  const find = db.prepare('SELECT id FROM themes WHERE name = ? COLLATE NOCASE AND parent_id IS ?').pluck();
  if (plan.themes.length > 0) messages.found('themes', plan.themes.length);
  for (const theme of plan.themes) {
    const parentId = theme.parentGuid === undefined ? null : ids.get(theme.parentGuid) ?? null;
    const codeIds = theme.codeGuids.map((g) => refs.codes.get(g)).filter((c): c is CodeId => c !== undefined);
    const existing = find.get(theme.name.trim(), parentId) as ThemeId | undefined;
    if (existing !== undefined) {
      addCodes(db, existing, codeIds);
      comment({ themeId: existing }, theme.comments);
      ids.set(theme.guid, existing);
      messages.skip('themes', say('themeExists'));
      continue;
    }
    const id = createTheme(db, { guid: theme.guid, name: theme.name, parentId, codeIds, ...(theme.colour ? { colour: theme.colour } : {}) });
    restore(db, id, theme, refs, messages);
    comment({ themeId: id }, theme.comments);
    ids.set(theme.guid, id);
    messages.imported('themes');
  }
  writeLinks(db, plan.links, ids, messages, comment);
  return ids;
}

type CommentWriter = (target: { themeId: ThemeId } | { linkId: ThemeLinkId }, comments: readonly PlannedComment[]) => void;

/** Adds comments to a theme or link, each once: the same author's same words on the same target are not repeated. */
function commentWriter(db: Db, coders: WrittenRefs['coders']): CommentWriter {
  const insert = db.prepare('INSERT INTO comments (guid, theme_id, link_id, author_id, body, created_at, resolved_at, resolved_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const same = db.prepare('SELECT 1 FROM comments WHERE theme_id IS ? AND link_id IS ? AND author_id = ? AND body = ?');
  return (target, comments) => {
    const themeId = 'themeId' in target ? target.themeId : null;
    const linkId = 'linkId' in target ? target.linkId : null;
    for (const c of comments) {
      const author = coders(c.userGuid);
      const body = c.body.trim();
      if (same.get(themeId, linkId, author, body)) continue;
      const createdAt = c.createdAt ?? now();
      insert.run(keptGuid(db, c.guid), themeId, linkId, author, body, createdAt, c.resolved ? c.resolved.at ?? createdAt : null, c.resolved ? coders(c.resolved.userGuid) : null);
    }
  };
}

/**
 * The recorded state of an imported theme, written as it was: status and judgement are the
 * researcher's earlier decisions, not steps to replay through the candidate → defined checks.
 */
function restore(db: Db, id: ThemeId, theme: PlannedTheme, refs: WrittenRefs, messages: ImportNotes): void {
  let exemplar = theme.exemplar === undefined ? null : refs.codingIds.get(theme.exemplar) ?? null;
  if (exemplar !== null && !db.prepare('SELECT 1 FROM codings c JOIN theme_codes tc ON tc.code_id = c.code_id WHERE c.id = ? AND tc.theme_id = ?').get(exemplar, id)) {
    exemplar = null;
  }
  db.prepare('UPDATE themes SET definition = ?, scope = ?, status = ?, finding = ?, convergence = ?, convergence_reason = ?, exemplar_coding_id = ? WHERE id = ?')
    .run(theme.definition, theme.scope, theme.status, theme.finding.trim(), theme.convergence, theme.convergenceReason, exemplar, id);
  if (theme.exemplar !== undefined && exemplar === null) messages.note('themes', say('exemplarElsewhere', { name: theme.name }));
}

function writeLinks(db: Db, links: readonly PlannedLink[], themes: ReadonlyMap<string, ThemeId>, messages: ImportNotes, comment: CommentWriter): void {
  const ids = new Map<string, ThemeLinkId>();
  const same = db.prepare('SELECT id FROM theme_links WHERE from_theme_id = ? AND to_theme_id IS ? AND to_link_id IS ? AND kind = ?').pluck();
  const ends = db.prepare('SELECT from_theme_id, to_theme_id FROM theme_links WHERE id = ?').raw();
  for (const link of links) {
    const from = themes.get(link.fromGuid);
    const toTheme = link.to.kind === 'theme' ? themes.get(link.to.guid) : undefined;
    const toLink = link.to.kind === 'link' ? ids.get(link.to.guid) : undefined;
    // Ends that were not written (a skipped link further up) leave nothing to point at.
    if (from === undefined || (toTheme === undefined && toLink === undefined)) { messages.skip('links', say('linkLost')); continue; }
    if (toTheme === from) { messages.skip('links', say('linkToItself')); continue; }
    if (toLink !== undefined && (ends.get(toLink) as number[]).includes(from)) { messages.skip('links', say('linkEndpoint')); continue; }
    const existing = same.get(from, toTheme ?? null, toLink ?? null, link.kind) as ThemeLinkId | undefined;
    if (existing !== undefined) {
      ids.set(link.guid, existing);
      comment({ linkId: existing }, link.comments);
      messages.skip('links', say('linkExists'));
      continue;
    }
    const id = createLink(db, { guid: link.guid, fromThemeId: from, kind: link.kind, label: link.label, ...(toTheme !== undefined ? { toThemeId: toTheme } : { toLinkId: toLink! }) });
    comment({ linkId: id }, link.comments);
    ids.set(link.guid, id);
    messages.imported('links');
  }
}
