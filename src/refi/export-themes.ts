import type Database from 'better-sqlite3';
import { THEME_STATUSES, type Comment, type Convergence, type Memo, type Theme, type ThemeLink, type ThemeLinkKind } from '../domain/types';
import { listComments } from '../store/comments';
import { commentNote } from './comment-notes';
import { listThemes } from '../store/themes';
import { listLinks } from '../store/theme-links';

type Db = Database.Database;

/**
 * The `<Description>` that marks a note as a part of a theme Tematik wrote, not a memo: the
 * reader recognises these, every other tool shows them as ordinary notes on the set.
 */
export const THEME_NOTE = {
  details: 'Tematik: theme details',
  scope: 'Tematik: theme scope',
  finding: 'Tematik: key finding',
  /** Followed by " (agreement)", " (partial)", … or " (none)" when only the reason is written. */
  judgement: 'Tematik: convergence judgement',
  linkOnLink: 'Tematik: link onto a link',
} as const;

/** Between a parent's set name and a sub-theme's in the sub-theme's set name: sets are flat in REFI-QDA. */
export const SUB_THEME_SEPARATOR = ' › ';

/** The lines of a details note; each value is one line, GUIDs trail in braces. */
export const DETAIL = { status: 'Status', colour: 'Colour', parent: 'Sub-theme of', exemplar: 'Exemplar' } as const;

/** How each link kind reads as a REFI-QDA direction: causal and part-whole links point one way. */
export const LINK_DIRECTION: Readonly<Record<ThemeLinkKind, 'OneWay' | 'Bidirectional' | 'Associative'>> = {
  influences: 'OneWay', mediates: 'OneWay', moderates: 'OneWay', 'part-of': 'OneWay', contradicts: 'Bidirectional', 'associated-with': 'Associative',
};

/** A link's REFI name: its kind, then its label ("influences: via trust"), so other tools show both. */
export const linkName = (link: Pick<ThemeLink, 'kind' | 'label'>): string => (link.label.trim() ? `${link.kind}: ${link.label}` : link.kind);

export interface NoteOut {
  readonly guid: string; readonly name: string; readonly description: string; readonly body: string;
  /** null: the note names no user (a reviewer's comment); absent: the exporting coder's. */
  readonly creatingUser?: string | null | undefined; readonly creationDateTime?: string | undefined;
  readonly modifyingUser?: string | undefined; readonly modifiedDateTime?: string | undefined;
}
export interface SetOut { readonly guid: string; readonly name: string; readonly description: string; readonly codeGuids: readonly string[]; readonly noteGuids: readonly string[] }
export interface LinkOut { readonly guid: string; readonly name: string; readonly direction: string; readonly origin: string; readonly target: string; readonly noteGuids: readonly string[] }

/** The themes, sub-themes, links and judgements of a project as REFI-QDA sets, links and notes. */
export interface ThemeExport { readonly sets: readonly SetOut[]; readonly links: readonly LinkOut[]; readonly notes: readonly NoteOut[] }

type Guid = (kind: 'set' | 'note' | 'code' | 'coding' | 'link' | 'comment', id: number, part?: string) => string;

const JUDGEMENT_WORDS: Readonly<Record<Convergence, string>> = { agreement: 'agreement', partial: 'partial agreement', silence: 'silence', dissonance: 'dissonance' };

/**
 * Every theme becomes a set of its own codes (a sub-theme's set is named "Parent › Sub-theme"
 * so that flat lists in other tools keep the tree readable) described by its definition. What
 * a set cannot hold travels in notes the set lists: the details (status, colour, parent,
 * exemplar), the scope, the key finding and the convergence judgement with its reason. Links
 * go between the theme sets; a link onto a link (a mediation or moderation) points at that
 * link's GUID, which the schema allows but other tools may not resolve, so a note says it in words.
 */
export function buildThemeExport(
  db: Db, g: Guid, memosOn: (themeId: number) => readonly Memo[], quoteOf: (codingId: number) => string | undefined, userOf: (name: string) => string | undefined,
): ThemeExport {
  const themes = listThemes(db);
  const comments = listComments(db);
  const commentsOn = (kind: 'theme' | 'link', id: number) => comments.filter((c) => c.target?.kind === kind && c.target.id === id);
  // Each comment of a thread is a note the theme's set or the link lists (comment-notes.ts says how).
  const commentNotes = (on: string, list: readonly Comment[]): string[] => list.map((c) => {
    const note = commentNote(c, g('comment', c.id), on, userOf);
    notes.push(note);
    return note.guid;
  });
  const byId = new Map(themes.map((t) => [t.id as number, t]));
  const setName = (theme: Theme, seen = new Set<number>()): string => {
    const parent = theme.parentId === null ? undefined : byId.get(theme.parentId);
    if (!parent || seen.has(parent.id)) return theme.name;
    seen.add(theme.id);
    return `${setName(parent, seen)}${SUB_THEME_SEPARATOR}${theme.name}`;
  };
  const notes: NoteOut[] = [];
  const sets: SetOut[] = [];
  for (const theme of themes) {
    const own = (part: string, name: string, description: string, body: string): string => {
      const guid = g('set', theme.id, `note-${part}`);
      notes.push({ guid, name: `${theme.name}: ${name}`, description, body });
      return guid;
    };
    const details = [`${DETAIL.status}: ${THEME_STATUSES.includes(theme.status) ? theme.status : 'candidate'}`, `${DETAIL.colour}: ${theme.colour}`];
    const parent = theme.parentId === null ? undefined : byId.get(theme.parentId);
    if (parent) details.push(`${DETAIL.parent}: ${parent.name} {${g('set', parent.id)}}`);
    const quote = theme.exemplarCodingId === null ? undefined : quoteOf(theme.exemplarCodingId);
    if (theme.exemplarCodingId !== null && quote !== undefined) {
      details.push(`${DETAIL.exemplar}: "${quote.replace(/\s+/g, ' ').trim()}" {${g('coding', theme.exemplarCodingId, 'selection')}}`);
    }
    const noteGuids = [own('details', 'details', THEME_NOTE.details, details.join('\n'))];
    if (theme.scope.trim()) noteGuids.push(own('scope', 'what it is not', THEME_NOTE.scope, theme.scope));
    if (theme.finding.trim()) noteGuids.push(own('finding', 'key finding', THEME_NOTE.finding, theme.finding));
    if (theme.convergence !== null || theme.convergenceReason.trim()) {
      const judgement = theme.convergence === null ? 'no judgement yet' : JUDGEMENT_WORDS[theme.convergence];
      noteGuids.push(own('judgement', `convergence (${judgement})`, `${THEME_NOTE.judgement} (${theme.convergence ?? 'none'})`, theme.convergenceReason));
    }
    noteGuids.push(...commentNotes(theme.name, commentsOn('theme', theme.id)));
    // Memos on the theme follow its own notes; they come back as memos on the theme.
    noteGuids.push(...memosOn(theme.id).map((m) => g('note', m.id)));
    sets.push({ guid: g('set', theme.id), name: setName(theme), description: theme.definition, codeGuids: theme.codeIds.map((c) => g('code', c)), noteGuids });
  }

  const links = listLinks(db);
  const linkById = new Map(links.map((l) => [l.id as number, l]));
  const say = (link: ThemeLink, depth = 0): string => {
    const from = `"${byId.get(link.fromThemeId)?.name ?? '?'}" ${link.kind}`;
    if (link.toThemeId !== null) return `${from} "${byId.get(link.toThemeId)?.name ?? '?'}"`;
    const target = link.toLinkId === null ? undefined : linkById.get(link.toLinkId);
    return `${from} the link ${target && depth < 8 ? `(${say(target, depth + 1)})` : '?'}`;
  };
  const linksOut = links.map((link): LinkOut => {
    const noteGuids: string[] = [];
    if (link.toLinkId !== null) {
      const guid = g('link', link.id, 'note');
      notes.push({ guid, name: `${linkName(link)} (link onto a link)`, description: THEME_NOTE.linkOnLink, body: `${say(link)}.` });
      noteGuids.push(guid);
    }
    noteGuids.push(...commentNotes(linkName(link), commentsOn('link', link.id)));
    return {
      guid: g('link', link.id), name: linkName(link), direction: LINK_DIRECTION[link.kind], origin: g('set', link.fromThemeId),
      target: link.toThemeId !== null ? g('set', link.toThemeId) : g('link', link.toLinkId!), noteGuids,
    };
  });
  return { sets, links: linksOut, notes };
}
