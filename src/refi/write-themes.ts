import type { CodeId, CodingId, ThemeId, ThemeLinkId } from '../domain/ids';
import { defineMessages } from '../domain/text';
import type { ProjectTransaction } from '../store/project-data';
import type { ImportNotes } from './notes';
import type { PlannedCoding } from './read-project';
import type { PlannedLink, PlannedTheme, ThemePlan } from './read-themes';
import type { CommentWriter } from './write-comments';

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

/** What the rest of the import wrote, by the file's GUIDs. */
export interface WrittenRefs {
  readonly codes: ReadonlyMap<string, CodeId>;
  readonly codingIds: ReadonlyMap<PlannedCoding, CodingId>;
  /** Writes a thread of comments onto a theme or link. */
  readonly comment: CommentWriter;
}

/**
 * Writes planned themes and theme links inside the import's transaction. A theme the project
 * already has (same name, same parent) is reused and keeps its own definition, status and
 * judgement, so importing the same file twice adds nothing; a link the model already has is
 * skipped likewise. Returns each theme set's GUID with the theme it became.
 */
export async function writeThemes(tx: ProjectTransaction, plan: ThemePlan, refs: WrittenRefs, messages: ImportNotes): Promise<Map<string, ThemeId>> {
  const ids = new Map<string, ThemeId>();
  const comment = refs.comment;
  if (plan.themes.length > 0) messages.found('themes', plan.themes.length);
  for (const theme of plan.themes) {
    const parentId = theme.parentGuid === undefined ? null : ids.get(theme.parentGuid) ?? null;
    const codeIds = theme.codeGuids.map((g) => refs.codes.get(g)).filter((c): c is CodeId => c !== undefined);
    const existing = await tx.imports.themeByName(theme.name.trim(), parentId);
    if (existing !== undefined) {
      await tx.themes.addCodes(existing, codeIds);
      await comment({ kind: 'theme', id: existing }, theme.comments);
      ids.set(theme.guid, existing);
      messages.skip('themes', say('themeExists'));
      continue;
    }
    const id = await tx.imports.createTheme({ guid: theme.guid, name: theme.name, parentId, codeIds, ...(theme.colour ? { colour: theme.colour } : {}) });
    await restore(tx, id, theme, refs, messages);
    await comment({ kind: 'theme', id }, theme.comments);
    ids.set(theme.guid, id);
    messages.imported('themes');
  }
  await writeLinks(tx, plan.links, ids, messages, comment);
  return ids;
}

/**
 * The recorded state of an imported theme, written as it was: status and judgement are the
 * researcher's earlier decisions, not steps to replay through the candidate → defined checks.
 */
async function restore(tx: ProjectTransaction, id: ThemeId, theme: PlannedTheme, refs: WrittenRefs, messages: ImportNotes): Promise<void> {
  const exemplar = theme.exemplar === undefined ? null : refs.codingIds.get(theme.exemplar) ?? null;
  const kept = await tx.imports.restoreTheme(id, {
    definition: theme.definition, scope: theme.scope, status: theme.status, finding: theme.finding.trim(),
    convergence: theme.convergence, convergenceReason: theme.convergenceReason, exemplarCodingId: exemplar,
  });
  if (theme.exemplar !== undefined && !kept) messages.note('themes', say('exemplarElsewhere', { name: theme.name }));
}

async function writeLinks(tx: ProjectTransaction, links: readonly PlannedLink[], themes: ReadonlyMap<string, ThemeId>, messages: ImportNotes, comment: CommentWriter): Promise<void> {
  const ids = new Map<string, ThemeLinkId>();
  for (const link of links) {
    const from = themes.get(link.fromGuid);
    const toTheme = link.to.kind === 'theme' ? themes.get(link.to.guid) : undefined;
    const toLink = link.to.kind === 'link' ? ids.get(link.to.guid) : undefined;
    // Ends that were not written (a skipped link further up) leave nothing to point at.
    if (from === undefined || (toTheme === undefined && toLink === undefined)) { messages.skip('links', say('linkLost')); continue; }
    if (toTheme === from) { messages.skip('links', say('linkToItself')); continue; }
    if (toLink !== undefined) {
      const ends = await tx.themeLinks.get(toLink);
      if (ends.fromThemeId === from || ends.toThemeId === from) { messages.skip('links', say('linkEndpoint')); continue; }
    }
    const existing = await tx.imports.linkByEnds({ fromThemeId: from, toThemeId: toTheme ?? null, toLinkId: toLink ?? null, kind: link.kind });
    if (existing !== undefined) {
      ids.set(link.guid, existing);
      await comment({ kind: 'link', id: existing }, link.comments);
      messages.skip('links', say('linkExists'));
      continue;
    }
    const id = await tx.imports.createLink({ guid: link.guid, fromThemeId: from, kind: link.kind, label: link.label, ...(toTheme !== undefined ? { toThemeId: toTheme } : { toLinkId: toLink! }) });
    await comment({ kind: 'link', id }, link.comments);
    ids.set(link.guid, id);
    messages.imported('links');
  }
}
