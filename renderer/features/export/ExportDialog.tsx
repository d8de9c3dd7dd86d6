import { downloadBlob } from '../../lib/download';
import { useId, useMemo, useState, type ReactNode } from 'react';
import { useLanguage, useStrings, type Translate } from '../../i18n/i18n';
import { ApiError, invoke } from '../../lib/api';
import { Modal } from '../../lib/Modal';
import { useProject, useQuery } from '../../lib/state';
import {
  base64Blob, CSV_TYPE, DOCX_TYPE, formatBytes, HTML_TYPE, QDC_TYPE, QDPX_TYPE, SVG_TYPE,
} from './download';
import { DelimiterSelect } from './DelimiterSelect';
import { useTableExport, type TableFormat } from './table-export';
import {
  AGREEMENT_COEFFICIENTS, AGREEMENT_UNITS, attributionExample, clampQuotes, CSV_EXPORTS, REPORT_ATTRIBUTIONS, csvArgs, defaultThemeSelection, parseRememberedOptions, QUOTES_MAX, QUOTES_MIN, reportArgs, reportThemes,
  selectThemes, themeMapFileName, type RememberedOptions, type ReportLanguage, type ThemeRow, type ThemeShortcut,
} from './export-options';
import { RedactionEditor } from './RedactionEditor';
import { exportStrings } from './strings';
import { LINE_ENDINGS, type LineEndings } from '../../../src/domain/types';
import { CancelJobButton } from '../../lib/CancelJobButton';
import './export.css';

type Section = 'report' | 'refi' | 'csv' | 'map' | 'review';

/** The last export started from the dialog; it is shown in its own section. */
type Status =
  | { readonly kind: 'running'; readonly section: Section; readonly item: string }
  | { readonly kind: 'done'; readonly section: Section; readonly item: string; readonly fileName: string; readonly bytes: number }
  | { readonly kind: 'error'; readonly section: Section; readonly item: string; readonly message: string; readonly details: readonly string[] };

const OPTIONS_KEY = 'tematik.export.report';

type Strings = Translate<keyof (typeof exportStrings)['en']>;

/**
 * Everything that leaves the project as a file: the Word report, REFI-QDA exchange files,
 * the tables as CSV and the theme map. Each file comes back from the core (base64 or text)
 * and is saved through a download link, the same in the desktop app and in browser mode.
 * One export runs at a time, and the dialog stays open until it is done.
 */
export function ExportDialog({ onClose }: { onClose: () => void }) {
  const t = useStrings(exportStrings);
  const { language } = useLanguage();
  const { app, project, run, progress } = useProject();
  const themes = useQuery('themes.list', {});
  const rows = useMemo(() => reportThemes(themes.data ?? []), [themes.data]);
  const discarded = (themes.data ?? []).some((th) => th.status === 'discarded');
  // null until the user touches the checklist: then the default follows the themes as they load.
  const [picked, setPicked] = useState<ReadonlySet<number> | null>(null);
  const selected = picked ?? defaultThemeSelection(rows);
  const [options, setOptionsState] = useState<RememberedOptions>(() => parseRememberedOptions(globalThis.localStorage?.getItem(OPTIONS_KEY)));
  const [reportLanguage, setReportLanguage] = useState<ReportLanguage>(language);
  const [quotesText, setQuotesText] = useState(String(options.quotesPerTheme));
  const [missingThemes, setMissingThemes] = useState(false);
  const [includeCodes, setIncludeCodes] = useState(false);
  const [reviewJournal, setReviewJournal] = useState(false);
  const [lineEndings, setLineEndings] = useState<LineEndings>('lf');
  const [status, setStatus] = useState<Status | null>(null);
  const { delimiter, setDelimiter, tableFile } = useTableExport();
  const [tableFormat, setTableFormat] = useState<TableFormat>('xlsx');
  const running = status?.kind === 'running';
  const appendicesId = useId();

  const setOptions = (change: Partial<RememberedOptions>) => {
    const next = { ...options, ...change };
    setOptionsState(next);
    globalThis.localStorage?.setItem(OPTIONS_KEY, JSON.stringify(next));
  };
  const toggleTheme = (id: number) => {
    const next = new Set(selected);
    if (!next.delete(id)) next.add(id);
    setPicked(next);
    setMissingThemes(false);
  };
  const shortcut = (which: ThemeShortcut) => {
    setPicked(selectThemes(rows, which));
    setMissingThemes(false);
  };

  /** Runs one export and saves what it returns; failures stay in the section, under the button. */
  const exportFile = async (section: Section, item: string, make: () => Promise<{ blob: Blob; fileName: string }>) => {
    if (running) return;
    setStatus({ kind: 'running', section, item });
    try {
      const { blob, fileName } = await make();
      downloadBlob(blob, fileName);
      setStatus({ kind: 'done', section, item, fileName, bytes: blob.size });
    } catch (error) {
      const info = error instanceof ApiError ? { message: error.message, details: error.details ?? [] } : { message: error instanceof Error ? error.message : String(error), details: [] };
      setStatus({ kind: 'error', section, item, ...info });
    }
  };
  const fromBase64 = (type: string) => ({ base64, fileName }: { base64: string | null; fileName: string }) => {
    if (base64 === null) throw new Error(t('noFile'));
    return { blob: base64Blob(base64, type), fileName };
  };

  const createReport = () => {
    if (themes.loading || running) return;
    const args = reportArgs({ ...options, language: reportLanguage, quotesPerTheme: clampQuotes(quotesText), themeIds: selected }, rows);
    setQuotesText(String(clampQuotes(quotesText)));
    if ('missing' in args) {
      setMissingThemes(true);
      return;
    }
    setMissingThemes(false);
    void exportFile('report', 'word', () => run('report.word', args, { quiet: true }).then(fromBase64(DOCX_TYPE)));
  };
  const exportRefi = (which: 'project' | 'codebook' | 'taguette') => void exportFile('refi', which, () => (which === 'project'
    ? run('refi.exportProject', lineEndings === 'crlf' ? { lineEndings } : {}, { quiet: true }).then(fromBase64(QDPX_TYPE))
    : which === 'codebook'
      ? run('refi.exportCodebook', {}, { quiet: true }).then(fromBase64(QDC_TYPE))
      // Queries, not changes: invoke directly so the views are not all re-read for a download.
      : invoke('taguette.exportCodebook', {}).then(fromBase64(CSV_TYPE))));
  const exportTable = (table: (typeof CSV_EXPORTS)[number]) => void exportFile('csv', table, () => tableFile(csvArgs(table), tableFormat));
  const exportMap = () => void exportFile('map', 'svg', async () => {
    const { svg } = await invoke('export.themeMap', { format: 'svg', includeCodes, language });
    return { blob: new Blob([svg], { type: SVG_TYPE }), fileName: themeMapFileName(project?.name ?? '') };
  });

  // Names follow the report's choice above: one setting for what leaves the project with informants' words in it.
  const exportReview = () => void exportFile('review', 'html', () => run('export.reviewPackage', {
    language: reportLanguage, pseudonymise: options.pseudonymise, journal: reviewJournal ? 'all' : 'none',
  }, { quiet: true }).then(fromBase64(HTML_TYPE)));

  const statusOf = (section: Section) => (status?.section === section ? status : null);
  const busyItem = (section: Section, item: string) => running && status.section === section && status.item === item;
  const sectionStatus = (section: Section) => (
    // In a browser (browser mode, or a team server's page) a download lands in the Downloads folder.
    <StatusLine status={statusOf(section)} section={section} progress={progress} t={t} locale={language === 'id' ? 'id-ID' : 'en-GB'} browser={app?.host === 'browser' || app?.host === 'server'} />
  );

  return (
    <Modal title={t('title')} onClose={onClose} busy={running} testId="export-dialog" size="large"
      footer={running ? <CancelJobButton label={t('cancelJob')} testId="export-cancel-job" /> : <button onClick={onClose} data-testid="export-close">{t('close')}</button>}>
      <div className="ex-body" aria-busy={running || undefined}>
        <Section title={t('reportTitle')} line={t('reportLine')} testId="export-report">
          <div className="ex-report">
            <ThemeChecklist rows={rows} selected={selected} loading={themes.loading && !themes.data} discarded={discarded}
              noneDefined={picked === null && rows.length > 0 && !rows.some((r) => r.status === 'defined')}
              onToggle={toggleTheme} onShortcut={shortcut} disabled={running} t={t} />
            <div className="ex-options">
              <label className="ex-field">
                <span>{t('quotes')}</span>
<span className="ex-inline">
                  <input type="number" min={QUOTES_MIN} max={QUOTES_MAX} step={1} value={quotesText} disabled={running}
                    onChange={(e) => setQuotesText(e.target.value)}
                    onBlur={() => { const n = clampQuotes(quotesText); setQuotesText(String(n)); setOptions({ quotesPerTheme: n }); }}
                    data-testid="export-report-quotes" />
                  <small className="muted">{t('quotesHint')}</small>
                </span>
              </label>
              <label className="ex-field">
                <span>{t('language')}</span>
                <select value={reportLanguage} onChange={(e) => setReportLanguage(e.target.value === 'id' ? 'id' : 'en')} disabled={running} data-testid="export-report-language">
                  <option value="en">{t('languageEn')}</option>
                  <option value="id">{t('languageId')}</option>
                </select>
              </label>
              <label className="ex-field stacked">
                <span>{t('attribution')}</span>
                <select value={options.attribution} disabled={running} data-testid="export-report-attribution"
                  onChange={(e) => setOptions({ attribution: REPORT_ATTRIBUTIONS.find((a) => a === e.target.value) ?? 'label-type' })}>
                  {REPORT_ATTRIBUTIONS.map((a) => <option key={a} value={a} title={t(`attribution_${a}`)}>{attributionExample(a, reportLanguage)}</option>)}
                </select>
                <small className="muted ex-field-hint">{t(`attribution_${options.attribution}`)}</small>
              </label>
              <div className="ex-field stacked">
                <span>{t('agreement')}</span>
                <span className="ex-inline">
                  <select value={options.agreement?.coefficient ?? 'none'} disabled={running} aria-label={t('agreement')} data-testid="export-report-agreement"
                    onChange={(e) => {
                      const coefficient = AGREEMENT_COEFFICIENTS.find((c) => c === e.target.value);
                      setOptions({ agreement: coefficient ? { coefficient, unit: options.agreement?.unit ?? 'turn' } : null });
                    }}>
                    <option value="none">{t('agreement_none')}</option>
                    {AGREEMENT_COEFFICIENTS.map((c) => <option key={c} value={c}>{t(`agreement_${c}`)}</option>)}
                  </select>
                  {options.agreement && (
                    <select value={options.agreement.unit} disabled={running} aria-label={t('agreementUnit')} data-testid="export-report-agreement-unit"
                      onChange={(e) => setOptions({ agreement: { coefficient: options.agreement!.coefficient, unit: AGREEMENT_UNITS.find((u) => u === e.target.value) ?? 'turn' } })}>
                      {AGREEMENT_UNITS.map((u) => <option key={u} value={u}>{t(`agreementUnit_${u}`)}</option>)}
                    </select>
                  )}
                </span>
                <small className="muted ex-field-hint">{t('agreementHint')}</small>
              </div>
              <label className="ex-check">
                <input type="checkbox" checked={options.pseudonymise} onChange={(e) => setOptions({ pseudonymise: e.target.checked })} disabled={running} data-testid="export-report-pseudonymise" />
                <span><strong>{t('pseudonymise')}</strong><small className="muted">{t('pseudonymiseHint')}</small></span>
              </label>
              <RedactionEditor active={options.pseudonymise} disabled={running} />
              <div className="ex-field" role="group" aria-labelledby={appendicesId}>
                <span id={appendicesId}>{t('appendices')}</span>
                <div className="ex-appendices">
                  <label className="ex-check inline">
                    <input type="checkbox" checked={options.journal} onChange={(e) => setOptions({ journal: e.target.checked })} disabled={running} data-testid="export-report-journal" />
                    <span>{t('journal')}</span>
                  </label>
                  <label className="ex-check inline">
                    <input type="checkbox" checked={options.audit} onChange={(e) => setOptions({ audit: e.target.checked })} disabled={running} data-testid="export-report-audit" />
                    <span>{t('audit')}</span>
                  </label>
                </div>
              </div>
              <label className="ex-check">
                <input type="checkbox" checked={options.timestamps} onChange={(e) => setOptions({ timestamps: e.target.checked })} disabled={running} data-testid="export-report-timestamps" />
                <span>{t('timestamps')}</span>
              </label>
            </div>
          </div>
          <div className="ex-run-row">
            {missingThemes && <span className="ex-inline-error" role="alert" data-testid="export-report-missing">{t('missingThemes')}</span>}
            {/* Focused on open: Enter makes the report with the remembered options. */}
            <button className="primary" autoFocus onClick={createReport} disabled={running} data-testid="export-report-run">
              {busyItem('report', 'word') ? t('reportRunning') : t('reportRun')}
            </button>
          </div>
          {sectionStatus('report')}
        </Section>

        <Section title={t('refiTitle')} line={t('refiLine')} testId="export-refi">
          <div className="ex-tiles three">
            <Tile label={t('refiProject')} hint={t('refiProjectHint')} onClick={() => exportRefi('project')} disabled={running} busy={busyItem('refi', 'project')} testId="export-refi-project" />
            <Tile label={t('refiCodebook')} hint={t('refiCodebookHint')} onClick={() => exportRefi('codebook')} disabled={running} busy={busyItem('refi', 'codebook')} testId="export-refi-codebook" />
            <Tile label={t('taguetteCodebook')} hint={t('taguetteCodebookHint')} onClick={() => exportRefi('taguette')} disabled={running} busy={busyItem('refi', 'taguette')} testId="export-taguette-codebook" />
          </div>
          <label className="ex-field">
            <span>{t('refiLineEndings')}</span>
            <span className="ex-inline">
              <select value={lineEndings} onChange={(e) => setLineEndings(LINE_ENDINGS.find((l) => l === e.target.value) ?? 'lf')} disabled={running} data-testid="export-refi-line-endings">
                <option value="lf">{t('refiLf')}</option>
                <option value="crlf">{t('refiCrlf')}</option>
              </select>
              <small className="muted">{t('refiLineEndingsHint')}</small>
            </span>
          </label>
          <p className="ex-note muted">{t('refiImport')}</p>
          {sectionStatus('refi')}
        </Section>

        <Section title={t('reviewTitle')} line={t('reviewLine')} testId="export-review">
          <div className="ex-map-row">
            <button className="primary" onClick={exportReview} disabled={running} aria-busy={busyItem('review', 'html') || undefined} data-testid="export-review-run">
              {busyItem('review', 'html') ? t('reviewRunning') : t('reviewRun')}
            </button>
            <label className="ex-check inline">
              <input type="checkbox" checked={reviewJournal} onChange={(e) => setReviewJournal(e.target.checked)} disabled={running} data-testid="export-review-journal" />
              <span>{t('reviewJournal')}</span>
            </label>
          </div>
          <p className="ex-note muted">{t('reviewNames')}</p>
          {sectionStatus('review')}
        </Section>

        <div className="ex-pair">
          <Section title={t('csvTitle')} line={t('csvLine')} testId="export-csv">
            <div className="ex-table-options">
              <select value={tableFormat} onChange={(e) => setTableFormat(e.target.value === 'csv' ? 'csv' : 'xlsx')} disabled={running} aria-label={t('tableFormat')} data-testid="export-table-format">
                <option value="xlsx">{t('format_xlsx')}</option>
                <option value="csv">{t('format_csv')}</option>
              </select>
              {tableFormat === 'csv' && <DelimiterSelect value={delimiter} onChange={setDelimiter} disabled={running} testId="export-table-delimiter" />}
            </div>
            <div className="ex-tiles">
              {CSV_EXPORTS.map((table) => (
                <Tile key={table} label={t(`csv_${table}`)} hint={t(`csvHint_${table}`)} onClick={() => exportTable(table)} disabled={running}
                  busy={busyItem('csv', table)} testId={`export-csv-${table}`} />
              ))}
            </div>
            {sectionStatus('csv')}
          </Section>

          <Section title={t('mapTitle')} line={t('mapLine')} testId="export-map">
            <div className="ex-map-row">
              <button onClick={exportMap} disabled={running} aria-busy={busyItem('map', 'svg') || undefined} data-testid="export-map-svg">{t('mapSvg')}</button>
              <label className="ex-check inline">
                <input type="checkbox" checked={includeCodes} onChange={(e) => setIncludeCodes(e.target.checked)} disabled={running} data-testid="export-map-codes" />
                <span>{t('mapCodes')}</span>
              </label>
            </div>
            {sectionStatus('map')}
          </Section>
        </div>
      </div>
    </Modal>
  );
}

function Section({ title, line, testId, children }: { title: string; line: string; testId: string; children: ReactNode }) {
  return (
    <section className="ex-section" data-testid={testId} aria-label={title}>
      <h3>{title}</h3>
      <p className="ex-line muted">{line}</p>
      {children}
    </section>
  );
}

function Tile({ label, hint, onClick, disabled, busy, testId }: { label: string; hint: string; onClick: () => void; disabled: boolean; busy: boolean; testId: string }) {
  return (
    <button className={`ex-tile${busy ? ' busy' : ''}`} onClick={onClick} disabled={disabled} aria-busy={busy || undefined} data-testid={testId}>
      <strong>{label}</strong>
      <small>{hint}</small>
    </button>
  );
}

function ThemeChecklist({ rows, selected, loading, discarded, noneDefined, onToggle, onShortcut, disabled, t }: {
  rows: readonly ThemeRow[];
  selected: ReadonlySet<number>;
  loading: boolean;
  discarded: boolean;
  noneDefined: boolean;
  onToggle: (id: number) => void;
  onShortcut: (which: ThemeShortcut) => void;
  disabled: boolean;
  t: Strings;
}) {
  const count = rows.filter((r) => selected.has(r.id)).length;
  return (
    <div className="ex-themes">
      <div className="ex-themes-head">
        <span className="ex-label">{t('themes')}</span>
        {rows.length > 0 && <span className="count" data-testid="export-report-theme-count">{t('themesCount', { n: count, total: rows.length })}</span>}
        {rows.length > 0 && (
          <span className="ex-shortcuts">
            <button className="link" onClick={() => onShortcut('defined')} disabled={disabled} data-testid="export-themes-defined">{t('themesDefined')}</button>
            <button className="link" onClick={() => onShortcut('all')} disabled={disabled} data-testid="export-themes-all">{t('themesAll')}</button>
            <button className="link" onClick={() => onShortcut('none')} disabled={disabled} data-testid="export-themes-none">{t('themesNone')}</button>
          </span>
        )}
      </div>
      {loading ? <p className="ex-themes-empty muted">{t('themesLoading')}</p>
        : rows.length === 0 ? <p className="ex-themes-empty muted" data-testid="export-report-no-themes">{t('themesEmpty')}</p>
          : (
            <ul className="ex-theme-list" data-testid="export-report-themes">
              {rows.map((r) => (
                <li key={r.id} style={{ paddingLeft: 6 + r.depth * 18 }}>
                  <label>
                    <input type="checkbox" checked={selected.has(r.id)} onChange={() => onToggle(r.id)} disabled={disabled}
                      data-testid="export-report-theme" data-theme-id={r.id} data-status={r.status} />
                    <span className="swatch" style={{ background: r.colour }} />
                    <span className="ex-theme-name">{r.name}</span>
                    <span className={`ex-status ${r.status}`}>{t(`status_${r.status}`)}</span>
                  </label>
                </li>
              ))}
            </ul>
          )}
      {(noneDefined || discarded) && (
        <p className="ex-note muted">{[noneDefined ? t('themesNoneDefined') : '', discarded ? t('themesDiscarded') : ''].filter(Boolean).join(' ')}</p>
      )}
    </div>
  );
}

function StatusLine({ status, section, progress, t, locale, browser }: {
  status: Status | null;
  section: Section;
  progress: { done: number; total: number; label: string } | null;
  t: Strings;
  locale: string;
  browser: boolean;
}) {
  if (!status) return null;
  if (status.kind === 'running') {
    return (
      <div className="ex-progress" role="progressbar" aria-valuemin={0} aria-valuemax={progress?.total ?? 1} aria-valuenow={progress?.done} data-testid={`export-${section}-progress`}>
        <div className="ex-progress-label">{progress?.label || t('working')}</div>
        <div className="ex-progress-track">
          <div className={`ex-progress-bar${progress ? '' : ' indeterminate'}`}
            style={progress ? { width: `${Math.round((progress.done / Math.max(1, progress.total)) * 100)}%` } : undefined} />
        </div>
      </div>
    );
  }
  if (status.kind === 'done') {
    return (
      <p className="ex-done" role="status" data-testid={`export-${section}-done`} data-file={status.fileName}>
        <span aria-hidden="true">✓</span> {t('done', { file: status.fileName, size: formatBytes(status.bytes, locale) })}
        {browser && <span className="muted"> {t('doneHint')}</span>}
      </p>
    );
  }
  return (
    <div className="ex-error" role="alert" data-testid={`export-${section}-error`}>
      <strong>{t('failed')}</strong>
      <p>{status.message}</p>
      {status.details.length > 0 && <ul>{status.details.map((d) => <li key={d}>{d}</li>)}</ul>}
    </div>
  );
}
