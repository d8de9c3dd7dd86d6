import { LINK_STYLE, PARENT_LINK_STYLE, tint } from '../domain/map-geometry';
import type { ReviewCell, ReviewCode, ReviewExtract, ReviewMap, ReviewPackageData, ReviewTargetKind, ReviewTheme } from '../domain/review-package';
import type { MemoId } from '../domain/ids';
import type { Extract, Informant, ThemeMap } from '../domain/types';
import { evidenceCodes, supportByType } from '../analysis/theme-evidence';
import { figureLayout, type FigureLine, type FigureText } from '../map/figure-layout';
import { FIGURE_STRINGS } from '../map/strings';
import { codebookOrder, phaseHistoryOf, phaseMove } from '../report/model';
import { pseudonymiser } from '../report/pseudonyms';
import { pickQuotes, wordCount, type QuotedPassage } from '../report/quotes';
import { fill, REPORT_STRINGS } from '../report/strings';
import { cleanText } from '../report/text';
import type { ProjectReader } from '../store/project-data';
import { REVIEW_PAGE_STRINGS } from './page-strings';

/** What the researcher chose for this package (`export.reviewPackage`'s arguments, defaults applied). */
export interface ReviewOptions {
  readonly language: 'en' | 'id';
  /** Replace informants' names and the marked names as the Word report does (default on). */
  readonly pseudonymise: boolean;
  /** Which reflexive-journal entries go in: all, none, or these. */
  readonly journal: 'all' | 'none' | readonly MemoId[];
  /** Exemplar quotes per theme, picked as the Word report picks them. */
  readonly quotesPerTheme: number;
  /** The package's own identity, which the comments file carries back. */
  readonly packageGuid: string;
  readonly createdAt: string;
}

/**
 * Everything a review package shows, read in one state of the project through the store
 * interface: the theme map laid out as the exported figure, each theme with its definition,
 * scope, sub-themes, codes, exemplar quotes and support per informant type, the triangulation
 * matrix with the extracts behind each cell, the codebook with its extracts, the phases, the
 * chosen journal entries and the project's comment threads. Informants are named as in the
 * Word report's default ("K-03", names in the text replaced by "Informant K-03") unless
 * `pseudonymise` is off. Discarded themes are left out: a supervisor reviews the model in play.
 */
export async function gatherReviewPackage(reader: ProjectReader, options: ReviewOptions): Promise<ReviewPackageData> {
  const info = await reader.project.info();
  const informants = await reader.informants.list();
  const strings = REPORT_STRINGS[options.language];
  const pseudo = pseudonymiser(informants, {
    enabled: options.pseudonymise,
    identifier: (informant) => fill(strings.person, { label: informant.label }),
    shared: fill(strings.pseudonym, { n: '…' }),
    redactions: options.pseudonymise ? await reader.redactions.list() : [],
  });
  const text = (s: string): string => pseudo.text(cleanText(s));
  const guids = await reader.reviews.guids();

  const allThemes = await reader.themes.list();
  const themes = allThemes.filter((t) => t.status !== 'discarded');
  const inPackage = new Set(themes.map((t) => t.id as number));
  const codesOf = evidenceCodes(allThemes);
  const matrix = await reader.analysis.triangulation({ rows: 'themes', groupBy: { kind: 'type' } });
  const rows = new Map(matrix.rows.map((r) => [r.id, r]));
  const columnOfType = new Map(matrix.columns.map((c, i) => [c.label, i]));
  const typeOf = new Map<string, string>(informants.map((i: Informant) => [i.label, i.typeName]));

  const codes = await reader.codes.list();
  const extracts = await reader.codings.extractsForCodes(codes.map((c) => c.id));
  const byCode = new Map<number, Extract[]>();
  for (const e of extracts) {
    const list = byCode.get(e.codeId);
    if (list) list.push(e); else byCode.set(e.codeId, [e]);
  }
  const shown: ReviewExtract[] = extracts.map((e) => ({
    id: e.id, guid: guids.codings.get(e.id) ?? '', codeId: e.codeId, text: text(e.quote),
    who: e.informantLabels.length ? e.informantLabels.join(', ') : text(e.documentTitle),
    types: e.informantTypes.map(text), document: text(e.documentTitle),
  }));

  const used: QuotedPassage[] = [];
  const reviewThemes = themes.map((theme): ReviewTheme => {
    const evidence = codesOf(theme.id).flatMap((code) => byCode.get(code) ?? []);
    // The cells: as the matrix counts them, and the extracts behind them as the app's drill-down lists them.
    const row = rows.get(theme.id);
    const support = supportByType(evidence, typeOf, matrix.columns.map((c) => c.label));
    const cells: ReviewCell[] = matrix.columns.map((column, i) => {
      const supporters = support.find((s) => s.type === column.label)?.informants ?? [];
      return {
        informants: row?.cells[i]?.informants ?? 0, extracts: row?.cells[i]?.extracts ?? 0,
        supporters: supporters.map((s) => s.label),
        extractIds: evidence.filter((e) => e.informantTypes.some((t) => columnOfType.get(t) === i)).map((e) => e.id),
      };
    });
    const candidates = evidence.filter((e) => e.informantLabels.length > 0 || e.id === theme.exemplarCodingId)
      .map((e) => ({ ...e, words: wordCount(e.quote) }));
    const picked = pickQuotes(candidates, { count: options.quotesPerTheme, exemplarId: theme.exemplarCodingId, used });
    used.push(...picked);
    return {
      id: theme.id, guid: guids.themes.get(theme.id) ?? '', name: text(theme.name),
      parentId: theme.parentId !== null && inPackage.has(theme.parentId) ? theme.parentId : null,
      status: theme.status, colour: theme.colour, definition: text(theme.definition), scope: text(theme.scope), finding: text(theme.finding),
      subThemeIds: themes.filter((t) => t.parentId === theme.id).map((t) => t.id),
      codeIds: [...theme.codeIds], quoteIds: picked.map((q) => q.id), cells,
      informants: row?.informants ?? 0, extracts: row?.extracts ?? evidence.length,
      convergence: theme.convergence, convergenceReason: text(theme.convergenceReason), suggestion: row?.suggestion.judgement ?? 'silence',
    };
  });

  const themeName = new Map(reviewThemes.map((t) => [t.id, t.name]));
  const kinds = FIGURE_STRINGS[options.language].kinds;
  const allLinks = (await reader.themeLinks.list()).filter((l) => inPackage.has(l.fromThemeId) && (l.toThemeId === null || inPackage.has(l.toThemeId)));
  const linkIds = new Set(allLinks.map((l) => l.id as number));
  const links = allLinks.filter((l) => l.toLinkId === null || linkIds.has(l.toLinkId));
  const linkText = (id: number, depth = 0): string => {
    const link = links.find((l) => l.id === id);
    if (!link) return '';
    const target = link.toThemeId !== null ? `"${themeName.get(link.toThemeId) ?? ''}"` : depth < 3 ? `(${linkText(link.toLinkId!, depth + 1)})` : '(…)';
    return `"${themeName.get(link.fromThemeId) ?? ''}" ${kinds[link.kind]} ${target}`;
  };

  const map = await reader.map.get({ includeCodes: false });
  const journal = options.journal === 'none' ? [] : await reader.memos.list({ kind: 'journal' });
  const chosen = options.journal === 'all' || options.journal === 'none' ? null : new Set<number>(options.journal);
  const projectJournal = await reader.memos.list({ kind: 'journal', target: { kind: 'project' } });
  const { phases } = phaseHistoryOf(projectJournal, info.phase);
  const comments = await reader.comments.list();
  const targetGuids: Record<ReviewTargetKind, ReadonlyMap<number, string>> = { theme: guids.themes, link: guids.links, code: guids.codes, coding: guids.codings };

  return {
    format: 'tematik-review-package', version: 1, language: options.language, strings: REVIEW_PAGE_STRINGS[options.language],
    projectGuid: guids.project, packageGuid: options.packageGuid, packageCreatedAt: options.createdAt,
    projectName: text(info.name), description: text(info.description), fileStem: fileStem(info.name), pseudonymised: options.pseudonymise,
    map: reviewMap({ ...map, themes: map.themes.filter((t) => inPackage.has(t.id)).map((t) => ({ ...t, name: text(t.name) })), links: links.map((l) => ({ ...l, label: text(l.label) })) }, options.language),
    themes: reviewThemes,
    links: links.map((l) => ({ id: l.id, guid: guids.links.get(l.id) ?? '', kind: l.kind, label: text(l.label), fromThemeId: l.fromThemeId, toThemeId: l.toThemeId, toLinkId: l.toLinkId, text: linkText(l.id) })),
    columns: matrix.columns.map((c) => ({ label: text(c.label), informants: c.informants, notInterviewed: [...c.notInterviewed] })),
    codes: codebookOrder(codes).map((c): ReviewCode => ({
      id: c.id, guid: guids.codes.get(c.id) ?? '', name: text(c.name), depth: c.depth, description: text(c.description), colour: c.colour,
      extractIds: (byCode.get(c.id) ?? []).map((e) => e.id), informants: c.informantCount,
    })),
    extracts: shown,
    phases: phases.map((p) => ({ phase: p.phase, name: strings.phaseNames[p.phase], status: p.status, at: p.at })),
    journal: journal.filter((m) => chosen === null || chosen.has(m.id)).reverse()
      .map((m) => {
        // The entries Tematik writes on a phase change are titled in the package's language, as the Word report titles them.
        const move = phaseMove(m.title);
        return { at: m.createdAt, title: move ? fill(strings.phaseMove, move) : text(m.title), author: cleanText(m.author), phase: m.phase, body: text(m.body) };
      }),
    // A review comment whose target was deleted since its package has no place in this one.
    comments: comments.flatMap((c) => {
      if (!c.target) return [];
      const kind: ReviewTargetKind = c.target.kind;
      const targetGuid = targetGuids[kind].get(c.target.id);
      return targetGuid ? [{ kind, targetGuid, author: cleanText(c.author), body: text(c.body), createdAt: c.createdAt, resolvedAt: c.resolvedAt, resolvedBy: c.resolvedBy }] : [];
    }),
  };
}

/** The project's name as a file name's start: letters, digits and dashes ("studi-umkm-batik"). */
export function fileStem(name: string): string {
  const slug = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60).replace(/-+$/, '');
  return slug || 'project';
}

/** The map laid out as the exported figure (no title: the page has its own heading), as data the page draws. */
function reviewMap(map: ThemeMap, language: 'en' | 'id'): ReviewMap | null {
  if (map.themes.length === 0) return null;
  const layout = figureLayout(map, { language });
  const t = (x: FigureText) => ({ x: round(x.x), y: round(x.y), text: x.text, size: x.size });
  const path = (l: FigureLine) => (l.control
    ? `M${round(l.start.x)},${round(l.start.y)} Q${round(l.control.x)},${round(l.control.y)} ${round(l.end.x)},${round(l.end.y)}`
    : `M${round(l.start.x)},${round(l.start.y)} L${round(l.end.x)},${round(l.end.y)}`);
  return {
    x: round(layout.x), y: round(layout.y), width: round(layout.width), height: round(layout.height),
    nodes: layout.nodes.filter((n) => n.kind === 'theme').map((n) => ({
      themeId: n.id, x: round(n.box.x), y: round(n.box.y), w: round(n.box.w), h: round(n.box.h), colour: n.colour, fill: tint(n.colour),
      lines: n.lines.map(t), badge: n.badge ? t(n.badge) : null, sub: n.sub, faded: n.faded,
    })),
    // Links to links last, so their arrowheads sit on top of the line they point at (as the figure draws them).
    lines: layout.lines.filter((l) => l.kind !== 'code').sort((a, b) => Number(a.kind === 'link') - Number(b.kind === 'link') || Number(a.toLink) - Number(b.toLink)).map((l) => {
      const style = l.kind === 'link' ? LINK_STYLE[l.linkKind!] : null;
      return {
        kind: l.kind === 'link' ? 'link' as const : 'parent' as const, id: l.id, linkKind: l.linkKind, path: path(l),
        stroke: style?.stroke ?? PARENT_LINK_STYLE.stroke, dash: style ? style.dash || null : PARENT_LINK_STYLE.dash,
        width: style ? 2 : PARENT_LINK_STYLE.width, arrow: style?.arrow ?? false,
        label: l.label ? { x: round(l.label.box.x), y: round(l.label.box.y), w: round(l.label.box.w), h: round(l.label.box.h), colour: l.label.colour, lines: l.label.lines.map(t) } : null,
      };
    }),
    legend: layout.legend.map((item) => ({
      kind: item.kind, x: round(item.x), y: round(item.y), text: t(item.text),
      stroke: item.kind === 'parent' ? PARENT_LINK_STYLE.stroke : LINK_STYLE[item.kind].stroke,
      dash: item.kind === 'parent' ? PARENT_LINK_STYLE.dash : LINK_STYLE[item.kind].dash || null,
      arrow: item.kind === 'parent' ? false : LINK_STYLE[item.kind].arrow,
    })),
  };
}

const round = (v: number): number => Math.round(v * 10) / 10;
