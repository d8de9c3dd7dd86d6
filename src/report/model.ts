import { passageTimes } from '../analysis/passage-times';
import { formatTimeRange } from '../domain/recordings';
import type Database from 'better-sqlite3';
import { TematikError } from '../domain/errors';
import { defineMessages } from '../domain/text';
import type { AuditEntry, Convergence, Memo, Phase, ReportAttribution, Theme, ThemeStatus, TriangulationCell, TriangulationMatrix } from '../domain/types';
import { listCodes } from '../store/codes';
import { listInformants, listInformantTypes } from '../store/informants';
import { listMemos } from '../store/memos';
import { listRedactions } from '../store/redactions';
import { auditLog, projectInfo, projectStats } from '../store/project';
import { listThemes } from '../store/themes';
import { speakersOf } from '../analysis/extracts';
import { evidenceCodes, supportByType } from '../analysis/theme-evidence';
import { reportAgreement, type ReportAgreement, type ReportAgreementChoice } from './agreement';
import { readCandidates } from './candidates';
import { figureMap, type Figure } from './figure';
import { drawFigureInWorker } from './figure-in-worker';
import { pseudonymiser } from './pseudonyms';
import { pickQuotes, trimQuote, type QuoteCandidate, type QuotedPassage } from './quotes';
import { fill, REPORT_STRINGS, type ReportLanguage, type ReportStrings } from './strings';
import { cleanText } from './text';

const say = defineMessages({
  en: {
    themeMissing: "Theme {ids} does not exist (deleted or merged?). Refresh the theme list and choose the report's themes again.",
    themesMissing: "Themes {ids} do not exist (deleted or merged?). Refresh the theme list and choose the report's themes again.",
  },
  id: {
    themeMissing: 'Tema {ids} tidak ada (sudah dihapus atau digabungkan?). Muat ulang daftar tema lalu pilih lagi tema untuk laporan.',
    themesMissing: 'Tema {ids} tidak ada (sudah dihapus atau digabungkan?). Muat ulang daftar tema lalu pilih lagi tema untuk laporan.',
  },
});

type Db = Database.Database;

/** What the researcher chose for this report (the `report.word` arguments, defaults applied). */
export interface ReportOptions {
  readonly themeIds?: readonly number[] | undefined;
  readonly quotesPerTheme: number;
  readonly language: ReportLanguage;
  readonly pseudonymise: boolean;
  readonly journal: boolean;
  readonly audit: boolean;
  /** How a quote names its source; see {@link attributionText}. */
  readonly attribution: ReportAttribution;
  /** The method paragraph on inter-coder agreement: which coefficient, in which unit; none when not given. */
  readonly agreement?: ReportAgreementChoice | undefined;
  /** "[12:04]" after each quote whose turn has a time in the transcript's recording. */
  readonly timestamps?: boolean | undefined;
}

export interface ReportQuote {
  readonly text: string;
  /** "Informan K-03, Konsumen": who said it, the way a thesis cites an informant (without the brackets). */
  readonly attribution: string;
  readonly exemplar: boolean;
  /** "[12:04]": where the quote starts in the recording, when asked for and known; else null. */
  readonly time: string | null;
}

export interface ReportTheme {
  readonly id: number;
  readonly name: string;
  /** 0 for a section of its own; 1 and deeper for a sub-theme printed inside its parent's section. */
  readonly depth: number;
  /** The parent of a sub-theme that has a section of its own because its parent is not in the report. */
  readonly parentName: string | null;
  readonly status: ThemeStatus;
  readonly definition: string;
  readonly scope: string;
  /** The key finding for the findings table: the researcher's, or the definition's first sentence. */
  readonly finding: string;
  /** True when `finding` was taken from the definition because none was written. */
  readonly findingFromDefinition: boolean;
  /** The informants whose extracts support the theme, by informant type: the triangulation cells opened up. */
  readonly supporters: readonly { readonly type: string; readonly informants: readonly string[] }[];
  readonly codes: readonly string[];
  readonly subThemes: readonly string[];
  readonly quotes: readonly ReportQuote[];
  readonly informants: number;
  readonly extracts: number;
  readonly cells: readonly TriangulationCell[];
  readonly convergence: Convergence | null;
  readonly convergenceReason: string;
  readonly suggestion: Convergence;
  readonly silent: readonly string[];
}

export type PhaseStatus = 'completed' | 'current' | 'todo';

/** Everything the report prints, gathered from the project, with names already pseudonymised when asked. */
export interface ReportModel {
  readonly language: ReportLanguage;
  readonly strings: ReportStrings;
  readonly projectName: string;
  readonly description: string;
  readonly createdAt: string;
  /** When the report was made: the date on its title page. */
  readonly generatedAt: string;
  readonly coders: readonly string[];
  readonly totals: { readonly documents: number; readonly words: number; readonly informants: number; readonly types: number; readonly codes: number; readonly codings: number; readonly themes: number };
  readonly perType: readonly { readonly type: string; readonly informants: number; readonly documents: number; readonly words: number }[];
  /** Documents linked to no informant, when there are any. */
  readonly unassigned: { readonly documents: number; readonly words: number } | null;
  readonly profile: { readonly attributes: readonly string[]; readonly showNames: boolean; readonly rows: readonly { readonly label: string; readonly type: string; readonly name: string; readonly values: readonly string[] }[] };
  readonly phases: readonly { readonly phase: Phase; readonly status: PhaseStatus; readonly at: string | null }[];
  /** Moves back to an earlier phase: the recursion Braun & Clarke expect. */
  readonly returns: readonly { readonly from: Phase; readonly to: Phase; readonly at: string }[];
  /** The triangulation columns: interviewed informants counted, the not interviewed (report identifiers) listed apart. */
  readonly columns: readonly { readonly label: string; readonly informants: number; readonly notInterviewed: readonly string[] }[];
  readonly themes: readonly ReportTheme[];
  readonly codebook: readonly { readonly name: string; readonly depth: number; readonly description: string; readonly extracts: number; readonly informants: number }[];
  readonly journal: readonly {
    readonly at: string; readonly title: string; readonly phase: Phase | null; readonly author: string; readonly body: string;
    /** Set on the entries Tematik writes when the project changes phase, so their title can be given in the report's language. */
    readonly phaseMove: { readonly from: Phase; readonly to: Phase } | null;
  }[] | null;
  readonly audit: { readonly entries: readonly AuditEntry[]; readonly total: number } | null;
  /** Inter-coder agreement for the method section: asked for, and at least two coders coded a document in common. */
  readonly agreement: ReportAgreement | null;
  /** The theme model of the reported themes, drawn in a worker thread while the rest is gathered; null when there is no theme to draw. */
  readonly figure: Promise<Figure | null>;
}

/** The audit appendix stops here: a trail of a year's work has tens of thousands of rows nobody prints. */
export const AUDIT_LIMIT = 2000;
/** How many attribute columns the informant table has room for on a portrait page. */
const PROFILE_ATTRIBUTES = 4;
const PHASE_MOVE = /^Phase ([1-6]) → ([1-6])$/;

/**
 * Gathers the report from the project in a handful of queries (not one per theme): the
 * themes and their sub-themes in board order, the evidence behind them, the exemplar
 * quotes, the method facts, the theme model figure and the appendices. `progress` hears
 * of each theme, then of the figure (done = total).
 */
export function buildReportModel(db: Db, file: string, matrix: TriangulationMatrix, options: ReportOptions, progress: (done: number, total: number, label: string) => void = () => undefined): ReportModel {
  // First: a choice the data cannot answer (Cohen's κ for three coders) is refused before anything else is started.
  const agreementFacts = options.agreement ? reportAgreement(db, options.agreement) : null;
  const strings = REPORT_STRINGS[options.language];
  const informants = listInformants(db);
  const byPseudonym = options.attribution === 'pseudonym-type';
  const pseudo = pseudonymiser(informants, {
    enabled: options.pseudonymise,
    identifier: (informant, n) => (byPseudonym ? fill(strings.pseudonym, { n }) : fill(strings.person, { label: informant.label })),
    shared: fill(strings.pseudonym, { n: '…' }),
    replaceLabels: byPseudonym,
    redactions: options.pseudonymise ? listRedactions(db) : [],
  });
  const byLabel = new Map(informants.map((i) => [i.label, i]));
  /** The report's one name for the informant labelled so (the label itself when that is the scheme). */
  const ident = (label: string): string => {
    const informant = byLabel.get(label);
    if (!informant) return text(label);
    return byPseudonym ? pseudo.identifier(informant.id) : informant.label;
  };
  const text = (s: string): string => pseudo.text(cleanText(s));
  const info = projectInfo(db, file);
  const stats = projectStats(db);
  const themes = listThemes(db);
  const selection = selectThemes(themes, options.themeIds);

  const map = figureMap(db, new Set(selection.map((t) => t.theme.id as number)), text);
  const figure = map ? drawFigureInWorker(map, options.language) : Promise.resolve(null);
  // Heard at once, so that a report that fails before it awaits its figure leaves no unhandled rejection behind.
  figure.catch(() => undefined);

  const codes = listCodes(db);
  const codeName = new Map(codes.map((c) => [c.id as number, c.name]));
  const codesOf = evidenceCodes(themes);
  const evidence = new Map(selection.map(({ theme }) => [theme.id as number, codesOf(theme.id)]));
  const pool = readCandidates(db, [...new Set([...evidence.values()].flat())]);
  const titles = new Map(db.prepare('SELECT id, title FROM documents').raw().all() as [number, string][]);
  const speakers = speakersOf(db);
  const times = options.timestamps ? passageTimes(db) : null;
  const timeOf = (q: Candidate): string | null => {
    const time = times?.(q.documentId, q.start, q.end);
    return time ? formatTimeRange(time.startMs, null) : null;
  };
  const byCode = new Map<number, Candidate[]>();
  for (let i = 0; i < pool.count; i++) {
    const documentId = pool.documentIds[i]!;
    const start = pool.starts[i]!;
    const end = pool.ends[i]!;
    const { informantLabels, informantTypes } = speakers(documentId, start, end);
    const candidate: Candidate = {
      id: pool.ids[i]!, documentId, codeId: pool.codeIds[i]!, start, end, words: pool.words[i]!,
      informantLabels, informantTypes, documentTitle: titles.get(documentId) ?? '', index: i,
    };
    const list = byCode.get(candidate.codeId);
    if (list) list.push(candidate); else byCode.set(candidate.codeId, [candidate]);
  }
  const typeOfLabel = new Map(informants.map((i) => [i.label, i.typeName]));
  const rows = new Map(matrix.rows.map((r) => [r.id, r]));
  const typeOrder = matrix.columns.map((c) => c.label);
  const used: QuotedPassage[] = [];
  // Each theme's exemplar is printed in that theme's section, not taken by a parent theme first.
  const reserved = new Set(selection.map(({ theme }) => theme.exemplarCodingId).filter((c): c is NonNullable<typeof c> => c !== null).map(Number));
  const cite = (q: Candidate): string => {
    if (q.informantLabels.length === 0) return text(q.documentTitle);
    if (options.attribution === 'label') return q.informantLabels.map(ident).join(', ');
    const groups = new Map<string, string[]>();
    for (const label of q.informantLabels) {
      const type = typeOfLabel.get(label) ?? '';
      groups.set(type, [...(groups.get(type) ?? []), label]);
    }
    return [...groups].map(([type, labels]) => {
      const who = byPseudonym ? labels.map(ident) : [fill(labels.length > 1 ? strings.people : strings.person, { label: listed(labels.map(ident), strings.and) })];
      return [listed(who, strings.and), text(type)].filter(Boolean).join(', ');
    }).join('; ');
  };

  const reportThemes = selection.map(({ theme, depth, parent }, index): ReportTheme => {
    progress(index, selection.length, theme.name);
    // Quotes are what informants said: a passage of the interviewer's (or a heading) is no one's evidence, unless the researcher chose it as the exemplar.
    const candidates = (evidence.get(theme.id) ?? []).flatMap((code) => byCode.get(code) ?? [])
      .filter((e) => e.informantLabels.length > 0 || e.id === theme.exemplarCodingId);
    const own = new Set(reserved);
    if (theme.exemplarCodingId !== null) own.delete(theme.exemplarCodingId);
    const picked = pickQuotes(candidates, { count: options.quotesPerTheme, exemplarId: theme.exemplarCodingId, used, reserved: own });
    used.push(...picked);
    const row = rows.get(theme.id);
    const finding = theme.finding.trim();
    return {
      id: theme.id, name: text(theme.name), depth, parentName: parent ? text(parent.name) : null, status: theme.status,
      definition: text(theme.definition), scope: text(theme.scope),
      finding: text(finding || firstSentence(theme.definition)), findingFromDefinition: !finding,
      supporters: supportByType(candidates, typeOfLabel, typeOrder).map((s) => ({ type: text(s.type), informants: s.informants.map((i) => ident(i.label)) })),
      codes: theme.codeIds.map((id) => text(codeName.get(id) ?? '')).filter(Boolean),
      subThemes: themes.filter((t) => t.parentId === theme.id && t.status !== 'discarded').map((t) => text(t.name)),
      quotes: picked.map((q) => ({ text: text(trimQuote(pool.text(q.index))), attribution: cite(q), exemplar: q.id === theme.exemplarCodingId, time: timeOf(q) })),
      informants: row?.informants ?? 0, extracts: row?.extracts ?? candidates.length, cells: row?.cells ?? matrix.columns.map(() => ({ informants: 0, extracts: 0 })),
      convergence: theme.convergence, convergenceReason: text(theme.convergenceReason),
      suggestion: row?.suggestion.judgement ?? 'silence', silent: row?.suggestion.silent.map(text) ?? [],
    };
  });

  progress(selection.length, selection.length, 'Theme model figure');

  const attributes = profileAttributes(informants.map((i) => i.attributes));
  const showNames = !options.pseudonymise && informants.some((i) => i.name.trim() !== '');
  return {
    language: options.language,
    strings,
    projectName: text(info.name),
    description: text(info.description),
    createdAt: info.createdAt,
    generatedAt: new Date().toISOString(),
    coders: coders(db),
    // The data come from the informants who were interviewed; the not interviewed are named under the triangulation table.
    totals: { documents: stats.documents, words: stats.words, informants: listInformantTypes(db).reduce((n, t) => n + t.interviewedCount, 0), types: stats.informantTypes, codes: stats.codes, codings: stats.codings, themes: stats.themes },
    ...wordsPerType(db),
    profile: {
      attributes, showNames,
      rows: informants.map((i) => ({ label: byPseudonym ? pseudo.identifier(i.id) : text(i.label), type: text(i.typeName), name: showNames ? cleanText(i.name) : '', values: attributes.map((a) => text(i.attributes[a] ?? '')) })),
    },
    ...phaseHistory(db, info.phase),
    columns: matrix.columns.map((c) => ({ label: text(c.label), informants: c.informants, notInterviewed: c.notInterviewed.map(ident) })),
    themes: reportThemes,
    codebook: codebookOrder(codes).map((c) => ({ name: text(c.name), depth: c.depth, description: text(c.description), extracts: c.codingCount, informants: c.informantCount })),
    journal: options.journal
      ? listMemos(db, { kind: 'journal' }).reverse().map((m) => ({
        at: m.createdAt, title: text(m.title), phase: m.phase, author: cleanText(m.author), body: text(m.body), phaseMove: phaseMove(m.title),
      }))
      : null,
    audit: options.audit
      ? {
        entries: auditLog(db, AUDIT_LIMIT).reverse().map((a) => ({ ...a, coder: cleanText(a.coder), summary: text(cleanText(a.summary)) })),
        total: db.prepare('SELECT count(*) FROM audit_log').pluck().get() as number,
      }
      : null,
    agreement: agreementFacts,
    figure,
  };
}

interface Selected {
  readonly theme: Theme;
  readonly depth: number;
  readonly parent: Theme | null;
}

/**
 * The themes that get a section, in board order, each with its depth among the selected:
 * a selected sub-theme of a selected theme is a sub-section of it. Without a choice: the
 * defined themes with their sub-themes still in play, or every theme still in play when
 * none is defined yet.
 */
export function selectThemes(themes: readonly Theme[], themeIds?: readonly number[]): Selected[] {
  const byId = new Map(themes.map((t) => [t.id as number, t]));
  const children = new Map<number | null, Theme[]>();
  for (const t of themes) {
    const parent = t.parentId !== null && byId.has(t.parentId) ? t.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), t]);
  }
  let chosen: Set<number>;
  if (themeIds) {
    const missing = themeIds.filter((id) => !byId.has(id));
    if (missing.length) {
      throw new TematikError('not_found', say(missing.length > 1 ? 'themesMissing' : 'themeMissing', { ids: missing.join(', ') }));
    }
    chosen = new Set(themeIds);
  } else {
    const inPlay = themes.filter((t) => t.status !== 'discarded');
    const defined = inPlay.filter((t) => t.status === 'defined');
    chosen = new Set((defined.length ? defined : inPlay).map((t) => t.id as number));
    if (defined.length) {
      const addSubThemes = (id: number): void => {
        for (const child of children.get(id) ?? []) {
          if (child.status !== 'discarded' && !chosen.has(child.id)) { chosen.add(child.id); addSubThemes(child.id); }
        }
      };
      for (const t of defined) addSubThemes(t.id);
    }
  }
  const out: Selected[] = [];
  const visited = new Set<number>();
  const walk = (theme: Theme, depth: number, parent: Theme | null): void => {
    if (visited.has(theme.id)) return;
    visited.add(theme.id);
    const selected = chosen.has(theme.id);
    if (selected) out.push({ theme, depth, parent: depth === 0 ? parent : null });
    for (const child of children.get(theme.id) ?? []) walk(child, selected ? depth + 1 : depth, theme);
  };
  for (const root of children.get(null) ?? []) walk(root, 0, null);
  // Themes in a parent cycle are reached from no root: report them rather than lose them.
  for (const t of themes) walk(t, 0, null);
  return out;
}

/** A quote candidate and where its text is in the report's candidate columns. */
type Candidate = QuoteCandidate & { readonly documentTitle: string; readonly index: number };

/** "A", "A dan B", "A, B dan C". */
function listed(items: readonly string[], and: string): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')}${and}${items.at(-1)}`;
}

/**
 * The first sentence of a text: up to the first full stop, question or exclamation mark
 * followed by a capital, a digit, an opening quote or the end. An abbreviation inside a
 * sentence ("dll.", "mis.") is followed by a lower-case word and does not end it.
 */
export function firstSentence(text: string): string {
  const tidy = text.replace(/\s+/g, ' ').trim();
  const end = /[.!?…](?=["”’)]*(?:\s+[\p{Lu}\p{N}"“‘(]|$))/u.exec(tidy);
  if (!end) return tidy;
  let stop = end.index + 1;
  while (stop < tidy.length && /["”’)]/.test(tidy.charAt(stop))) stop++;
  return tidy.slice(0, stop);
}

/** The attributes most informants have, as many as fit beside label and type. */
function profileAttributes(values: readonly Readonly<Record<string, string>>[]): string[] {
  const counts = new Map<string, number>();
  for (const v of values) for (const [name, value] of Object.entries(v)) if (value.trim()) counts.set(name, (counts.get(name) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, PROFILE_ATTRIBUTES).map(([name]) => name);
}

/**
 * The people who did the analysis: who coded, or wrote a memo or journal entry. Not whoever
 * merely ran a command (an OS account such as "root" that imported files), and not the
 * journal entries Tematik writes itself on a phase change unless a note was added.
 */
function coders(db: Db): string[] {
  const moves = db.prepare('SELECT author_id, title, body FROM memos').raw().all() as [number, string, string][];
  const writers = new Set(moves.filter(([, title, body]) => !PHASE_MOVE.test(title) || body.trim() !== '').map(([author]) => author));
  const coding = new Set(db.prepare('SELECT DISTINCT coder_id FROM codings').pluck().all() as number[]);
  return (db.prepare('SELECT id, name FROM coders ORDER BY id').raw().all() as [number, string][])
    .filter(([id]) => coding.has(id) || writers.has(id)).map(([, name]) => cleanText(name));
}

/** Interviewed informants, documents and words per informant type; a group interview counts once in each type it speaks for. */
function wordsPerType(db: Db): Pick<ReportModel, 'perType' | 'unassigned'> {
  const words = new Map((db.prepare('SELECT id, word_count FROM documents').raw().all() as [number, number][]));
  const links = db.prepare('SELECT i.type_id, di.document_id FROM document_informants di JOIN informants i ON i.id = di.informant_id').raw().all() as [number, number][];
  const docsOfType = new Map<number, Set<number>>();
  const assigned = new Set<number>();
  for (const [type, doc] of links) {
    docsOfType.set(type, (docsOfType.get(type) ?? new Set()).add(doc));
    assigned.add(doc);
  }
  const sum = (docs: Iterable<number>): number => { let n = 0; for (const d of docs) n += words.get(d) ?? 0; return n; };
  const perType = listInformantTypes(db).map((t) => {
    const docs = docsOfType.get(t.id) ?? new Set<number>();
    return { type: cleanText(t.name), informants: t.interviewedCount, documents: docs.size, words: sum(docs) };
  });
  const loose = [...words.keys()].filter((d) => !assigned.has(d));
  return { perType, unassigned: loose.length ? { documents: loose.length, words: sum(loose) } : null };
}

/**
 * When each phase was completed, from the journal's phase-move entries ("Phase 2 → 3"):
 * a phase is completed by the last forward move past it; moves back are listed as the
 * recursion they are. A project that never moved has no dates, only its current phase.
 */
export function phaseHistory(db: Db, current: Phase): Pick<ReportModel, 'phases' | 'returns'> {
  return phaseHistoryOf(listMemos(db, { kind: 'journal', target: { kind: 'project' } }), current);
}

/** `phaseHistory` from the project's journal entries, however they were read (the review package reads them through the store interface). */
export function phaseHistoryOf(journal: readonly Pick<Memo, 'id' | 'title' | 'createdAt'>[], current: Phase): Pick<ReportModel, 'phases' | 'returns'> {
  const moves = journal
    .flatMap((m) => {
      const move = phaseMove(m.title);
      return move ? [{ ...move, at: m.createdAt, id: m.id }] : [];
    })
    .sort((a, b) => a.at.localeCompare(b.at) || a.id - b.id);
  const completedAt = new Map<Phase, string>();
  const startedAt = new Map<Phase, string>();
  const returns: { from: Phase; to: Phase; at: string }[] = [];
  for (const move of moves) {
    if (move.to > move.from) for (let p = move.from; p < move.to; p++) completedAt.set(p as Phase, move.at);
    else if (move.to < move.from) returns.push({ from: move.from, to: move.to, at: move.at });
    startedAt.set(move.to, move.at);
  }
  const phases = ([1, 2, 3, 4, 5, 6] as const).map((phase) => {
    if (phase < current) return { phase, status: 'completed' as const, at: completedAt.get(phase) ?? null };
    if (phase === current) return { phase, status: 'current' as const, at: startedAt.get(phase) ?? null };
    return { phase, status: 'todo' as const, at: null };
  });
  return { phases, returns };
}

/** The phases of a journal entry Tematik wrote on a phase change ("Phase 2 → 3"), or null. */
export function phaseMove(title: string): { from: Phase; to: Phase } | null {
  const match = PHASE_MOVE.exec(title);
  return match ? { from: Number(match[1]) as Phase, to: Number(match[2]) as Phase } : null;
}

/** The codebook in tree order, each code with its depth (a parent cycle, which a file may bring, ends where it closes). */
export function codebookOrder<C extends { readonly id: number; readonly parentId: number | null }>(codes: readonly C[]): (C & { readonly depth: number })[] {
  const ids = new Set(codes.map((c) => c.id));
  const children = new Map<number | null, C[]>();
  for (const c of codes) {
    const parent = c.parentId !== null && ids.has(c.parentId) ? c.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), c]);
  }
  const out: (C & { depth: number })[] = [];
  const seen = new Set<number>();
  const walk = (code: C, depth: number): void => {
    if (seen.has(code.id)) return;
    seen.add(code.id);
    out.push({ ...code, depth });
    for (const child of children.get(code.id) ?? []) walk(child, depth + 1);
  };
  for (const root of children.get(null) ?? []) walk(root, 0);
  for (const c of codes) walk(c, 0);
  return out;
}
