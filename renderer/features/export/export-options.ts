import type { Args } from '../../../src/api/contract';
import { AGREEMENT_COEFFICIENTS, AGREEMENT_UNITS, type AgreementCoefficient, type AgreementUnit } from '../../../src/domain/agreement';
import { REPORT_ATTRIBUTIONS, type ReportAttribution, type Theme, type ThemeStatus } from '../../../src/domain/types';

export type ReportLanguage = 'en' | 'id';

/** What the Word report section of the dialog holds, before it becomes a `report.word` call. */
export interface ReportForm {
  readonly themeIds: ReadonlySet<number>;
  readonly quotesPerTheme: number;
  readonly language: ReportLanguage;
  readonly pseudonymise: boolean;
  readonly journal: boolean;
  readonly audit: boolean;
  /** How quotes name their informant: "(Informan P-01, Pemilik UMKM)", "(P-01)" or "(Informan 2, Pemilik UMKM)". */
  readonly attribution: ReportAttribution;
  /** The method paragraph on inter-coder agreement: which coefficient in which unit, or none. */
  readonly agreement: ReportAgreementOption | null;
  /** "[12:04]" after quotes from turns with a time in the recording. */
  readonly timestamps: boolean;
}

export interface ReportAgreementOption {
  readonly coefficient: AgreementCoefficient;
  readonly unit: AgreementUnit;
}

export { AGREEMENT_COEFFICIENTS, AGREEMENT_UNITS, REPORT_ATTRIBUTIONS };
export type { ReportAttribution };

/**
 * The options kept between exports. Not the themes (they change between sessions), and not the
 * heading language, which follows the UI's language each time the dialog opens.
 */
export type RememberedOptions = Omit<ReportForm, 'themeIds' | 'language'>;

export const QUOTES_MIN = 0;
export const QUOTES_MAX = 10;
export const QUOTES_DEFAULT = 3;

/** A theme as the report's checklist shows it: in board order, sub-themes under their parent. */
export interface ThemeRow {
  readonly id: number;
  readonly name: string;
  readonly status: ThemeStatus;
  readonly colour: string;
  /** The parent among the listed rows; null at the top level. */
  readonly parentId: number | null;
  readonly depth: number;
}

/**
 * The themes a report can include, parents first with their sub-themes after them. Discarded
 * themes are left out: they are the analysis's history, not its findings. A sub-theme whose
 * parent is discarded or missing stands at the top level.
 */
export function reportThemes(themes: readonly Theme[]): ThemeRow[] {
  const kept = themes.filter((t) => t.status !== 'discarded');
  const ids = new Set(kept.map((t) => t.id as number));
  const children = new Map<number, Theme[]>();
  for (const t of kept) {
    if (t.parentId !== null && ids.has(t.parentId)) children.set(t.parentId, [...(children.get(t.parentId) ?? []), t]);
  }
  const rows: ThemeRow[] = [];
  const seen = new Set<number>();
  const walk = (t: Theme, parentId: number | null, depth: number) => {
    if (seen.has(t.id)) return;
    seen.add(t.id);
    rows.push({ id: t.id, name: t.name, status: t.status, colour: t.colour, parentId, depth });
    for (const c of children.get(t.id) ?? []) walk(c, t.id, depth + 1);
  };
  for (const t of kept) if (t.parentId === null || !ids.has(t.parentId)) walk(t, null, 0);
  // A parent cycle would leave themes unreached: show them rather than lose them.
  for (const t of kept) walk(t, null, 0);
  return rows;
}

export type ThemeShortcut = 'defined' | 'all' | 'none';

/**
 * The ids a shortcut selects among the report's themes. "Defined" brings the sub-themes of a
 * defined theme along, whatever their status, as the core's default does: they are sections
 * of their parent's part of the report.
 */
export function selectThemes(rows: readonly ThemeRow[], shortcut: ThemeShortcut): Set<number> {
  if (shortcut === 'none') return new Set();
  if (shortcut === 'all') return new Set(rows.map((r) => r.id));
  const chosen = new Set<number>();
  // Rows come parents first, so a parent's answer is known before its sub-themes are asked.
  for (const r of rows) if (r.status === 'defined' || (r.parentId !== null && chosen.has(r.parentId))) chosen.add(r.id);
  return chosen;
}

/**
 * The selection the dialog opens with, as the core's default: the defined themes with their
 * sub-themes, or every theme still in play when none is defined yet.
 */
export function defaultThemeSelection(rows: readonly ThemeRow[]): Set<number> {
  const defined = selectThemes(rows, 'defined');
  return defined.size > 0 ? defined : selectThemes(rows, 'all');
}

/** A typed quote count as the contract takes it: a whole number from 0 to 10. */
export function clampQuotes(value: number | string): number {
  const n = typeof value === 'number' ? value : Number.parseInt(value, 10);
  if (!Number.isFinite(n)) return QUOTES_DEFAULT;
  return Math.min(QUOTES_MAX, Math.max(QUOTES_MIN, Math.round(n)));
}

/**
 * The `report.word` arguments for a form, or what is missing. Without a path the core returns
 * the file as base64, which the renderer downloads (desktop and browser mode alike). A project
 * without themes yet gets the core's default rather than an empty list.
 */
export function reportArgs(form: ReportForm, rows: readonly ThemeRow[]): Args<'report.word'> | { readonly missing: 'themes' } {
  const options = {
    quotesPerTheme: clampQuotes(form.quotesPerTheme),
    language: form.language,
    pseudonymise: form.pseudonymise,
    journal: form.journal,
    audit: form.audit,
    attribution: form.attribution,
    ...(form.agreement ? { agreement: { coefficient: form.agreement.coefficient, unit: form.agreement.unit } } : {}),
    ...(form.timestamps ? { timestamps: true } : {}),
  };
  if (rows.length === 0) return options;
  // Keep the checklist's order, and drop ids of themes discarded or deleted since they were ticked.
  const themeIds = rows.filter((r) => form.themeIds.has(r.id)).map((r) => r.id);
  if (themeIds.length === 0) return { missing: 'themes' };
  return { themeIds, ...options };
}

/** Safe defaults: names pseudonymised (interview data is confidential), no appendices. */
export const DEFAULT_OPTIONS: RememberedOptions = { quotesPerTheme: QUOTES_DEFAULT, pseudonymise: true, journal: false, audit: false, attribution: 'label-type', agreement: null, timestamps: false };

/** A saved agreement choice, or none when anything in it is not one the core takes. */
function parseAgreement(value: unknown): ReportAgreementOption | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  const coefficient = AGREEMENT_COEFFICIENTS.find((c) => c === v['coefficient']);
  const unit = AGREEMENT_UNITS.find((u) => u === v['unit']);
  return coefficient && unit ? { coefficient, unit } : null;
}

/** Options saved by an earlier export, each field checked; anything unreadable falls back to the default. */
export function parseRememberedOptions(saved: string | null | undefined): RememberedOptions {
  const fallback = DEFAULT_OPTIONS;
  if (!saved) return fallback;
  let value: unknown;
  try {
    value = JSON.parse(saved);
  } catch {
    return fallback;
  }
  if (typeof value !== 'object' || value === null) return fallback;
  const v = value as Record<string, unknown>;
  const bool = (key: 'pseudonymise' | 'journal' | 'audit' | 'timestamps') => (typeof v[key] === 'boolean' ? v[key] : fallback[key]);
  return {
    quotesPerTheme: typeof v['quotesPerTheme'] === 'number' ? clampQuotes(v['quotesPerTheme']) : fallback.quotesPerTheme,
    pseudonymise: bool('pseudonymise'),
    journal: bool('journal'),
    audit: bool('audit'),
    timestamps: bool('timestamps'),
    attribution: REPORT_ATTRIBUTIONS.find((a) => a === v['attribution']) ?? fallback.attribution,
    agreement: parseAgreement(v['agreement']),
  };
}

/**
 * How a quote's source reads in the report under each scheme, for the dialog's choice:
 * the example informant in the report's language.
 */
export function attributionExample(attribution: ReportAttribution, language: ReportLanguage): string {
  const person = language === 'id' ? 'Informan' : 'Informant';
  switch (attribution) {
    case 'label-type': return `(${person} P-01, Pemilik UMKM)`;
    case 'label': return '(P-01)';
    case 'pseudonym-type': return `(${person} 1, Pemilik UMKM)`;
  }
}

export type CsvExport = 'codebook' | 'informants' | 'triangulation' | 'cooccurrence';
export const CSV_EXPORTS: readonly CsvExport[] = ['codebook', 'informants', 'triangulation', 'cooccurrence'];

/** The `export.table` call for each table the dialog offers, as the analysis views show them by default. */
export function csvArgs(table: CsvExport): Args<'export.table'> {
  switch (table) {
    case 'triangulation': return { table, rows: 'themes', groupBy: { kind: 'type' } };
    case 'cooccurrence': return { table, scope: 'overlap' };
    default: return { table };
  }
}

/** "Studi UMKM Batik" → "studi-umkm-batik-theme-map.svg": safe on Windows, macOS and Linux. */
export function themeMapFileName(projectName: string): string {
  const slug = projectName
    .normalize('NFKD').replace(/[\u0300-\u036f]/g, '')
    .toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '')
    .slice(0, 60).replace(/-+$/, '');
  return `${slug ? `${slug}-` : ''}theme-map.svg`;
}
