import type Database from 'better-sqlite3';
import type { CodeId, CodingId, ThemeId, ThemeLinkId } from '../domain/ids';
import { defineMessages } from '../domain/text';
import { createLink } from '../store/theme-links';
import { addCodes, createTheme } from '../store/themes';
import type { ImportNotes } from './notes';
import type { PlannedCoding } from './read-project';
import type { PlannedLink, PlannedTheme, ThemePlan } from './read-themes';

const say = defineMessages({
  en: {
    themeExists: 'Themes the project already has (same name under the same parent) were kept as they are; the file\'s codes were added to them.',
    exemplarElsewhere: 'The exemplar quote of "{name}" is not coded with one of its codes here, so the theme has none.',
    linkExists: 'Skipped links the theme model already has.',
    linkToItself: 'Skipped links whose two ends are the same theme in this project.',
    linkEndpoint: 'Skipped a mediation or moderation whose theme is an end of the link it points at.',
    linkLost: 'Skipped links onto a link that was not imported.',
  },
  id: {
    themeExists: 'Tema yang sudah ada di proyek (nama sama di bawah induk yang sama) dibiarkan apa adanya; kode dari berkas ditambahkan ke tema itu.',
    exemplarElsewhere: 'Kutipan contoh untuk "{name}" di sini tidak diberi salah satu kodenya, jadi tema itu tidak punya kutipan contoh.',
    linkExists: 'Tautan yang sudah ada dalam model tema dilewati.',
    linkToItself: 'Tautan yang kedua ujungnya tema yang sama di proyek ini dilewati.',
    linkEndpoint: 'Mediasi atau moderasi yang temanya merupakan ujung tautan yang dirujuknya dilewati.',
    linkLost: 'Tautan yang merujuk tautan lain yang tidak diimpor dilewati.',
  },
});

type Db = Database.Database;

/** What the rest of the import wrote, by the file's GUIDs. */
export interface WrittenRefs {
  readonly codes: ReadonlyMap<string, CodeId>;
  readonly codingIds: ReadonlyMap<PlannedCoding, CodingId>;
}

/**
 * Writes planned themes and theme links inside the import's transaction. A theme the project
 * already has (same name, same parent) is reused and keeps its own definition, status and
 * judgement, so importing the same file twice adds nothing; a link the model already has is
 * skipped likewise. Returns each theme set's GUID with the theme it became.
 */
export function writeThemes(db: Db, plan: ThemePlan, refs: WrittenRefs, messages: ImportNotes): Map<string, ThemeId> {
  const ids = new Map<string, ThemeId>();
  const find = db.prepare('SELECT id FROM themes WHERE name = ? COLLATE NOCASE AND parent_id IS ?').pluck();
  if (plan.themes.length > 0) messages.found('themes', plan.themes.length);
  for (const theme of plan.themes) {
    const parentId = theme.parentGuid === undefined ? null : ids.get(theme.parentGuid) ?? null;
    const codeIds = theme.codeGuids.map((g) => refs.codes.get(g)).filter((c): c is CodeId => c !== undefined);
    const existing = find.get(theme.name.trim(), parentId) as ThemeId | undefined;
    if (existing !== undefined) {
      addCodes(db, existing, codeIds);
      ids.set(theme.guid, existing);
      messages.skip('themes', say('themeExists'));
      continue;
    }
    const id = createTheme(db, { name: theme.name, parentId, codeIds, ...(theme.colour ? { colour: theme.colour } : {}) });
    restore(db, id, theme, refs, messages);
    ids.set(theme.guid, id);
    messages.imported('themes');
  }
  writeLinks(db, plan.links, ids, messages);
  return ids;
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

function writeLinks(db: Db, links: readonly PlannedLink[], themes: ReadonlyMap<string, ThemeId>, messages: ImportNotes): void {
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
    if (existing !== undefined) { ids.set(link.guid, existing); messages.skip('links', say('linkExists')); continue; }
    ids.set(link.guid, createLink(db, { fromThemeId: from, kind: link.kind, label: link.label, ...(toTheme !== undefined ? { toThemeId: toTheme } : { toLinkId: toLink! }) }));
    messages.imported('links');
  }
}
