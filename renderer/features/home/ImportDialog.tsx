import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { ImportReport } from '../../../src/domain/types';
import { useLanguage, useStrings } from '../../i18n/i18n';
import { ApiError } from '../../lib/api';
import { useProject, useQuery } from '../../lib/state';
import { naturalCompare } from './document-groups';
import { formatNumber } from './format';
import { baseName, importRequest, parsePathList, summariseReport, type ImportMode } from './import-request';
import { Modal } from './Modal';
import { importStrings } from './strings';
import './import.css';

type Stage =
  | { readonly kind: 'form'; readonly error: { readonly message: string; readonly details: readonly string[] } | null }
  | { readonly kind: 'running' }
  | { readonly kind: 'report'; readonly report: ImportReport };

/**
 * Imports transcripts: single files, or a folder with an informant sheet. The import is all
 * or nothing unless "skip" is ticked; a refusal is shown here with its per-file reasons and
 * the dialog stays open so the user can fix the files and try again.
 */
export function ImportDialog({ onClose }: { onClose: () => void }) {
  const t = useStrings(importStrings);
  const { app, run, progress } = useProject();
  const dialogs = app?.dialogs === true;
  const informants = useQuery('informants.list', {}).data ?? [];
  const [mode, setMode] = useState<ImportMode>('folder');
  const [filesText, setFilesText] = useState('');
  const [chosenFiles, setChosenFiles] = useState<readonly string[]>([]);
  const [informantId, setInformantId] = useState<number | ''>('');
  const [folder, setFolder] = useState('');
  const [sheet, setSheet] = useState('');
  const [skipBad, setSkipBad] = useState(false);
  const [stage, setStage] = useState<Stage>({ kind: 'form', error: null });
  const [missing, setMissing] = useState<'files' | 'folder' | null>(null);
  const running = stage.kind === 'running';
  // The Import button the focus was on is gone once the report shows: Enter or Escape should still close.
  const doneButton = useRef<HTMLButtonElement>(null);
  useEffect(() => { if (stage.kind === 'report') doneButton.current?.focus(); }, [stage.kind]);
  const files = dialogs ? chosenFiles : parsePathList(filesText);

  const choose = async (kind: 'importFiles' | 'importFolder' | 'informantSheet') => {
    const paths = await run('app.choosePaths', { kind }).catch(() => null);
    if (!paths || paths.length === 0) return;
    if (kind === 'importFiles') setChosenFiles((list) => [...new Set([...list, ...paths])]);
    else if (kind === 'importFolder') setFolder(paths[0]!);
    else setSheet(paths[0]!);
  };

  const start = async () => {
    const request = importRequest({ mode, files, informantId, folder, sheet, skipBad });
    if ('missing' in request) {
      setMissing(request.missing);
      return;
    }
    setMissing(null);
    setStage({ kind: 'running' });
    try {
      // Two calls so each is checked against its own action's argument type.
      const report = request.name === 'import.files' ? await run(request.name, request.args, { quiet: true }) : await run(request.name, request.args, { quiet: true });
      setStage({ kind: 'report', report });
    } catch (error) {
      const info = error instanceof ApiError ? { message: error.message, details: error.details ?? [] } : { message: String(error), details: [] };
      setStage({ kind: 'form', error: info });
    }
  };

  const footer = stage.kind === 'report'
    ? (
      <>
        <button onClick={() => setStage({ kind: 'form', error: null })} data-testid="import-more">{t('importMore')}</button>
        <button ref={doneButton} className="primary" onClick={onClose} data-testid="import-done">{t('done')}</button>
      </>
    )
    : (
      <>
        <button onClick={onClose} disabled={running}>{t('cancel')}</button>
        <button className="primary" onClick={() => void start()} disabled={running} data-testid="import-start">{running ? t('importing') : t('start')}</button>
      </>
    );

  return (
    <Modal title={t('title')} onClose={onClose} busy={running} width={720} testId="import-dialog" footer={footer}>
      {stage.kind === 'report' ? <ImportReportView report={stage.report} /> : (
        <div className="hm-import-form" aria-disabled={running || undefined}>
          <div className="hm-mode-switch" role="tablist" aria-label={t('title')}>
            {(['folder', 'files'] as const).map((m) => (
              <button key={m} role="tab" aria-selected={mode === m} className={mode === m ? 'active' : ''} disabled={running}
                onClick={() => { setMode(m); setMissing(null); }} data-testid={`import-mode-${m}`}>
                <strong>{m === 'files' ? t('modeFiles') : t('modeFolder')}</strong>
                <small>{m === 'files' ? t('modeFilesHint') : t('modeFolderHint')}</small>
              </button>
            ))}
          </div>

          {mode === 'files' ? (
            <>
              <Field label={t('filesLabel')} hint={dialogs ? undefined : t('filesHint')}>
                {dialogs ? (
                  <div className="hm-chosen">
                    {files.length === 0 ? <span className="muted">{t('noFilesChosen')}</span> : (
                      <ul className="hm-chosen-files">
                        {files.map((file) => (
                          <li key={file} title={file}>
                            <span>{baseName(file)}</span>
                            <button className="link" onClick={() => setChosenFiles((list) => list.filter((f) => f !== file))} disabled={running}>{t('clear')}</button>
                          </li>
                        ))}
                      </ul>
                    )}
                    <button onClick={() => void choose('importFiles')} disabled={running} data-testid="import-choose-files">{t('chooseFiles')}</button>
                  </div>
                ) : (
                  <textarea data-autofocus rows={4} value={filesText} onChange={(e) => setFilesText(e.target.value)} placeholder={t('filesPlaceholder')} disabled={running}
                    spellCheck={false} className="hm-mono" data-testid="import-files" />
                )}
                {files.length > 0 && <span className="count">{files.length === 1 ? t('filesChosenOne') : t('filesChosenMany', { n: files.length })}</span>}
              </Field>
              <Field label={t('attachTo')}>
                <select value={informantId} onChange={(e) => setInformantId(e.target.value === '' ? '' : Number(e.target.value))} disabled={running} data-testid="import-informant">
                  <option value="">{t('attachNone')}</option>
                  {[...informants].sort((a, b) => naturalCompare(a.label, b.label)).map((i) => (
                    <option key={i.id} value={i.id}>{i.label}{i.name ? ` — ${i.name}` : ''} ({i.typeName})</option>
                  ))}
                </select>
              </Field>
            </>
          ) : (
            <>
              <Field label={t('folderLabel')} hint={t('folderHint')}>
                {dialogs
                  ? <PathChooser path={folder} empty={t('noFolderChosen')} onChoose={() => void choose('importFolder')} chooseLabel={folder ? t('change') : t('chooseFolder')} disabled={running} testId="import-choose-folder" />
                  : <input data-autofocus value={folder} onChange={(e) => setFolder(e.target.value)} placeholder={t('folderPlaceholder')} disabled={running} spellCheck={false} className="hm-mono" data-testid="import-folder" />}
              </Field>
              <Field label={t('sheetLabel')}>
                {dialogs
                  ? (
                    <PathChooser path={sheet} empty={t('noSheetChosen')} onChoose={() => void choose('informantSheet')} chooseLabel={sheet ? t('change') : t('chooseSheet')} disabled={running} testId="import-choose-sheet"
                      onClear={sheet ? () => setSheet('') : undefined} clearLabel={t('clear')} />
                  )
                  : <input value={sheet} onChange={(e) => setSheet(e.target.value)} placeholder={t('sheetPlaceholder')} disabled={running} spellCheck={false} className="hm-mono" data-testid="import-sheet" />}
              </Field>
              <div className="hm-sheet-help">
                <p>{t('sheetExplain')}</p>
                <dl>
                  <dt>file</dt><dd>{t('sheetFile')}</dd>
                  <dt>informant_id</dt><dd>{t('sheetInformantId')}</dd>
                  <dt>informant_type</dt><dd>{t('sheetType')}</dd>
                  <dt>name</dt><dd>{t('sheetName')}</dd>
                  <dt>…</dt><dd>{t('sheetOther')}</dd>
                </dl>
                <p className="muted">{t('sheetIndonesian')}</p>
              </div>
            </>
          )}

          <label className="hm-check-row hm-skip-bad">
            <input type="checkbox" checked={skipBad} onChange={(e) => setSkipBad(e.target.checked)} disabled={running} data-testid="import-skip-bad" />
            <span><strong>{t('skipBad')}</strong><br /><span className="muted">{t('skipBadHint')}</span></span>
          </label>
          <p className="muted hm-formats" data-testid="import-limits">{t('formats')}</p>

          {missing && <p className="hm-inline-error" role="alert">{missing === 'files' ? t('missingFiles') : t('missingFolder')}</p>}
          {running && (
            <div className="hm-import-progress" role="progressbar" aria-valuemin={0} aria-valuemax={progress?.total ?? 1} aria-valuenow={progress?.done} data-testid="import-progress">
              <div className="hm-import-progress-label">{progress?.label || t('preparing')}</div>
              <div className="hm-import-progress-track">
                <div className={`hm-import-progress-bar${progress ? '' : ' indeterminate'}`}
                  style={progress ? { width: `${Math.round((progress.done / Math.max(1, progress.total)) * 100)}%` } : undefined} />
              </div>
            </div>
          )}
          {stage.kind === 'form' && stage.error && (
            <div className="hm-import-error" role="alert" data-testid="import-error">
              <strong>{t('errorTitle')}</strong>
              <p>{stage.error.message}</p>
              {stage.error.details.length > 0 && (
                <>
                  <ul>{stage.error.details.map((d) => <li key={d}>{d}</li>)}</ul>
                  {!skipBad && <p className="muted">{t('errorHint')}</p>}
                </>
              )}
            </div>
          )}
        </div>
      )}
    </Modal>
  );
}

function Field({ label, hint, children }: { label: string; hint?: string | undefined; children: ReactNode }) {
  return (
    <div className="hm-import-field">
      <div className="hm-import-field-label">
        <span>{label}</span>
        {hint && <small className="muted">{hint}</small>}
      </div>
      <div className="hm-import-field-control">{children}</div>
    </div>
  );
}

function PathChooser({ path, empty, onChoose, chooseLabel, disabled, testId, onClear, clearLabel }: {
  path: string; empty: string; onChoose: () => void; chooseLabel: string; disabled: boolean; testId: string; onClear?: (() => void) | undefined; clearLabel?: string;
}) {
  return (
    <div className="hm-chosen">
      {path ? <span className="hm-mono hm-chosen-path" title={path}>{path}</span> : <span className="muted">{empty}</span>}
      <button onClick={onChoose} disabled={disabled} data-testid={testId}>{chooseLabel}</button>
      {onClear && <button className="link" onClick={onClear} disabled={disabled}>{clearLabel}</button>}
    </div>
  );
}

/** What a finished import did, file by file: what went in, what was left out and why, what was created. */
export function ImportReportView({ report }: { report: ImportReport }) {
  const t = useStrings(importStrings);
  const { language } = useLanguage();
  const n = (value: number) => formatNumber(value, language);
  const summary = summariseReport(report);
  return (
    <div className="hm-import-report" data-testid="import-report">
      <p className={`hm-report-summary${summary.failed > 0 ? ' has-failures' : ''}`}>
        {summary.nothingNew ? t('nothingNew') : summary.imported === 0 ? t('noneImported') : t('summary', {
          files: summary.imported === 1 ? t('filesChosenOne') : t('filesChosenMany', { n: n(summary.imported) }),
          words: n(summary.words), turns: n(summary.turns),
        })}
        {summary.skipped > 0 && <span className="hm-report-badge">{t('summarySkipped', { n: summary.skipped })}</span>}
        {summary.failed > 0 && <span className="hm-report-badge bad">{t('summaryFailed', { n: summary.failed })}</span>}
      </p>
      {report.imported.length > 0 && (
        <ReportSection title={t('importedTitle')} count={report.imported.length} testId="import-report-imported">
          <table className="hm-dense">
            <thead>
              <tr><th>{t('colFile')}</th><th>{t('colTitle')}</th><th className="hm-num">{t('colWords')}</th><th className="hm-num">{t('colTurns')}</th><th>{t('colInformants')}</th></tr>
            </thead>
            <tbody>
              {report.imported.map((f) => (
                <tr key={f.documentId}>
                  <td className="hm-mono">{baseName(f.file)}</td>
                  <td>{f.title}</td>
                  <td className="hm-num">{n(f.words)}</td>
                  <td className="hm-num">{n(f.turns)}</td>
                  <td>{f.informants.length > 0 ? <span className="hm-chips">{f.informants.map((i) => <span key={i} className="hm-chip">{i}</span>)}</span> : <span className="muted">—</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ReportSection>
      )}
      {report.failed.length > 0 && <ReasonTable title={t('failedTitle')} rows={report.failed} tone="bad" testId="import-report-failed" />}
      {report.skipped.length > 0 && <ReasonTable title={t('skippedTitle')} rows={report.skipped} testId="import-report-skipped" />}
      {(report.typesCreated.length > 0 || report.informantsCreated.length > 0) && (
        <div className="hm-report-created">
          {report.typesCreated.length > 0 && (
            <div><h3>{t('createdTypes')} <span className="count">{report.typesCreated.length}</span></h3>
              <span className="hm-chips">{report.typesCreated.map((x) => <span key={x} className="hm-chip">{x}</span>)}</span></div>
          )}
          {report.informantsCreated.length > 0 && (
            <div><h3>{t('createdInformants')} <span className="count">{report.informantsCreated.length}</span></h3>
              <span className="hm-chips">{[...report.informantsCreated].sort(naturalCompare).map((x) => <span key={x} className="hm-chip">{x}</span>)}</span></div>
          )}
        </div>
      )}
    </div>
  );
}

function ReportSection({ title, count, testId, tone, children }: { title: string; count: number; testId: string; tone?: 'bad'; children: ReactNode }) {
  return (
    <section className={`hm-report-section${tone ? ` ${tone}` : ''}`} data-testid={testId}>
      <h3>{title} <span className="count">{count}</span></h3>
      <div className="hm-report-table">{children}</div>
    </section>
  );
}

function ReasonTable({ title, rows, tone, testId }: { title: string; rows: readonly { file: string; reason: string }[]; tone?: 'bad'; testId: string }) {
  const t = useStrings(importStrings);
  return (
    <ReportSection title={title} count={rows.length} testId={testId} {...(tone ? { tone } : {})}>
      <table className="hm-dense">
        <thead><tr><th>{t('colFile')}</th><th>{t('colReason')}</th></tr></thead>
        <tbody>
          {rows.map((r) => <tr key={r.file}><td className="hm-mono">{baseName(r.file)}</td><td>{r.reason}</td></tr>)}
        </tbody>
      </table>
    </ReportSection>
  );
}
