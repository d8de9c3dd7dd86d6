import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { LocalizedText } from '../../../src/domain/text';
import type { ImportReport, ProjectInspection } from '../../../src/domain/types';
import { useLanguage, useStrings } from '../../i18n/i18n';
import { ApiError } from '../../lib/api';
import { useProject, useQuery } from '../../lib/state';
import { useTeam } from '../../lib/team-context';
import { uploadFile } from '../../lib/team-server';
import { naturalCompare } from './document-groups';
import { formatNumber } from './format';
import {
  baseName, folderUploads, importRequest, parsePathList, refiKind, refiProjectCounts, summariseReport,
  type ImportMissing, type ImportMode, type RefiCodebookResult, type RefiProjectResult,
} from './import-request';
import { ExchangeReport } from './ExchangeReport';
import { Modal } from '../../lib/Modal';
import { RefiChoice, type TypeChoice } from './RefiChoice';
import { importStrings, refiImportStrings } from './strings';
import { CancelJobButton } from '../../lib/CancelJobButton';
import './import.css';

type ErrorShown = { readonly message: string; readonly details: readonly string[] };

type Stage =
  | { readonly kind: 'form'; readonly error: ErrorShown | null }
  | { readonly kind: 'running' }
  | { readonly kind: 'report'; readonly report: ImportReport }
  /**
   * A .qdpx read but not yet imported: the user sees what it holds and picks the informant type variable.
   * `file` is what the actions take (a path, or on a team page the upload's token), `name` what the user chose.
   */
  | { readonly kind: 'refiInspected'; readonly file: string; readonly name: string; readonly inspection: ProjectInspection; readonly running: boolean; readonly error: ErrorShown | null }
  | { readonly kind: 'refiProject'; readonly name: string; readonly result: RefiProjectResult }
  | { readonly kind: 'refiCodebook'; readonly name: string; readonly result: RefiCodebookResult };

const MODES: readonly ImportMode[] = ['folder', 'files', 'refi'];

/**
 * Imports transcripts: single files, or a folder with an informant sheet; or a REFI-QDA
 * project (.qdpx) or codebook (.qdc) from another QDA tool, by a typed path (the native
 * file dialog filters for transcripts). On a team page every file is chosen in the page and
 * uploaded, and the same actions run with the uploads' tokens in place of paths. The import is all
 * or nothing unless "skip" is ticked; a refusal is shown here with its per-file reasons and
 * the dialog stays open so the user can fix the files and try again.
 */
export function ImportDialog({ onClose }: { onClose: () => void }) {
  const t = useStrings(importStrings);
  const r = useStrings(refiImportStrings);
  const { language } = useLanguage();
  const { app, run, progress } = useProject();
  const dialogs = app?.dialogs === true;
  // On a team server the files come from this computer: chosen in the page, uploaded, then imported.
  const team = useTeam() !== null;
  const [picked, setPicked] = useState<readonly File[]>([]);
  const [folderPicked, setFolderPicked] = useState<readonly File[]>([]);
  const [sheetPicked, setSheetPicked] = useState<File | null>(null);
  const [refiPicked, setRefiPicked] = useState<File | null>(null);
  const [uploading, setUploading] = useState<string | null>(null);
  const informants = useQuery('informants.list', {}).data ?? [];
  const [mode, setMode] = useState<ImportMode>(team ? 'files' : 'folder');
  const [filesText, setFilesText] = useState('');
  const [chosenFiles, setChosenFiles] = useState<readonly string[]>([]);
  const [informantId, setInformantId] = useState<number | ''>('');
  const [folder, setFolder] = useState('');
  const [sheet, setSheet] = useState('');
  const [skipBad, setSkipBad] = useState(false);
  const [swapRoles, setSwapRoles] = useState(false);
  const [refiPath, setRefiPath] = useState('');
  const [stage, setStage] = useState<Stage>({ kind: 'form', error: null });
  const [typeChoice, setTypeChoice] = useState<TypeChoice>(null);
  const [missing, setMissing] = useState<ImportMissing | null>(null);
  const running = stage.kind === 'running';
  // The Import button the focus was on is gone once the report shows: Enter or Escape should still close.
  const doneButton = useRef<HTMLButtonElement>(null);
  const finished = stage.kind === 'report' || stage.kind === 'refiProject' || stage.kind === 'refiCodebook';
  useEffect(() => { if (finished) doneButton.current?.focus(); }, [finished]);
  const files = team ? picked.map((f) => f.name) : dialogs ? chosenFiles : parsePathList(filesText);
  const fromFolder = folderUploads(folderPicked, sheetPicked);
  /** The exchange file as the form knows it: its path, or on a team page the name of the file chosen. */
  const refiName = team ? refiPicked?.name ?? '' : refiPath;

  const choose = async (kind: 'importFiles' | 'importFolder' | 'informantSheet') => {
    const paths = await run('app.choosePaths', { kind }).catch(() => null);
    if (!paths || paths.length === 0) return;
    if (kind === 'importFiles') setChosenFiles((list) => [...new Set([...list, ...paths])]);
    else if (kind === 'importFolder') setFolder(paths[0]!);
    else setSheet(paths[0]!);
  };

  const start = async () => {
    const request = importRequest({
      mode, files, informantId, skipBad, swapRoles, refiPath: refiName,
      folder: team ? fromFolder.folder : folder, sheet: team ? sheetPicked?.name ?? '' : sheet,
    });
    const empty = team && !('missing' in request) && request.name === 'import.folder' && fromFolder.send.length === 0;
    if ('missing' in request || empty) {
      setMissing('missing' in request ? request.missing : 'folderEmpty');
      // The last attempt's refusal is about another path: only what is wrong now shows.
      setStage({ kind: 'form', error: null });
      return;
    }
    setMissing(null);
    setStage({ kind: 'running' });
    try {
      if (team && request.name === 'import.files') {
        const tokens = await upload(picked);
        if (!tokens) return;
        setStage({ kind: 'report', report: await run(request.name, { ...request.args, paths: tokens }, { quiet: true }) });
        return;
      }
      if (team && request.name === 'import.folder') {
        // The folder's files and the sheet are sent, then matched on the server as the desktop matches a folder.
        const tokens = await upload([...fromFolder.send, ...(sheetPicked ? [sheetPicked] : [])]);
        if (!tokens) return;
        const sheetToken = sheetPicked ? tokens.pop() : undefined;
        const { skipBad: skip, swapRoles: swap } = request.args;
        const report = await run('import.folder', {
          files: tokens, ...(sheetToken ? { sheet: sheetToken } : {}), ...(skip ? { skipBad: true } : {}), ...(swap ? { swapRoles: true } : {}),
        }, { quiet: true });
        const notSent = fromFolder.recordings.map((file) => ({ file, reason: t('recordingNotSent') }));
        setStage({ kind: 'report', report: { ...report, skipped: [...report.skipped.filter((s) => !fromFolder.recordings.includes(s.file)), ...notSent] } });
        return;
      }
      if (request.name === 'refi.importProject' || request.name === 'refi.importCodebook' || request.name === 'taguette.importCodebook') {
        const name = baseName(request.args.path);
        let file = request.args.path;
        if (team) {
          const tokens = refiPicked ? await upload([refiPicked]) : null;
          if (!tokens) return;
          file = tokens[0]!;
        }
        // One call per action so each is checked against its own argument type.
        if (request.name === 'refi.importProject') {
          // A project is read first: the user sees what it holds and chooses the informant type before anything is written.
          const inspection = await run('refi.inspectProject', { path: file }, { quiet: true });
          setTypeChoice(inspection.suggestedTypeVariable);
          setStage({ kind: 'refiInspected', file, name, inspection, running: false, error: null });
        } else if (request.name === 'refi.importCodebook') setStage({ kind: 'refiCodebook', name, result: await run(request.name, { path: file, language }, { quiet: true }) });
        else setStage({ kind: 'refiCodebook', name, result: await run(request.name, { path: file, language }, { quiet: true }) });
      } else {
        const report = request.name === 'import.files' ? await run(request.name, request.args, { quiet: true }) : await run(request.name, request.args, { quiet: true });
        setStage({ kind: 'report', report });
      }
    } catch (error) {
      setStage({ kind: 'form', error: errorShown(error) });
    }
  };

  /** Sends the chosen files to the team server one by one; null (the refusal shown) when one is refused. */
  const upload = async (chosen: readonly File[]): Promise<string[] | null> => {
    const tokens: string[] = [];
    try {
      for (const file of chosen) {
        setUploading(file.name);
        const answer = await uploadFile(file);
        if (!answer.ok) {
          setStage({ kind: 'form', error: errorShown(new ApiError(answer.error)) });
          return null;
        }
        tokens.push(answer.value);
      }
      return tokens;
    } finally {
      setUploading(null);
    }
  };

  /** Imports the inspected .qdpx with the user's choice; the file is read and checked again, so a change since is caught. */
  const importInspected = async (file: string, name: string, inspection: ProjectInspection) => {
    setStage({ kind: 'refiInspected', file, name, inspection, running: true, error: null });
    const choiceShown = inspection.counts.cases > 0 && inspection.variables.length > 0;
    try {
      const result = await run('refi.importProject', { path: file, language, ...(choiceShown ? { typeVariable: typeChoice } : {}) }, { quiet: true });
      setStage({ kind: 'refiProject', name, result });
    } catch (error) {
      setStage({ kind: 'refiInspected', file, name, inspection, running: false, error: errorShown(error) });
    }
  };

  const footer = stage.kind === 'refiInspected'
    ? (
      <>
        <button onClick={() => setStage({ kind: 'form', error: null })} disabled={stage.running} data-testid="import-refi-back">{r('back')}</button>
        <button className="primary" onClick={() => void importInspected(stage.file, stage.name, stage.inspection)} disabled={stage.running} data-testid="import-refi-confirm">
          {stage.running ? t('importing') : r('importNow')}
        </button>
      </>
    )
    : finished
    ? (
      <>
        <button onClick={() => setStage({ kind: 'form', error: null })} data-testid="import-more">{t('importMore')}</button>
        <button ref={doneButton} className="primary" onClick={onClose} data-testid="import-done">{t('done')}</button>
      </>
    )
    : (
      <>
        {running ? <CancelJobButton label={t('cancel')} testId="import-cancel-job" /> : <button onClick={onClose}>{t('cancel')}</button>}
        <button className="primary" onClick={() => void start()} disabled={running} data-testid={mode === 'refi' ? 'import-refi-start' : 'import-start'}>
          {running ? (mode === 'refi' ? r('reading') : t('importing')) : mode === 'refi' && refiKind(refiName) === 'project' ? r('next') : t('start')}
        </button>
      </>
    );

  return (
    <Modal title={mode === 'refi' ? t('titleRefi') : t('title')} onClose={onClose} busy={running || (stage.kind === 'refiInspected' && stage.running)} size="large" testId="import-dialog" footer={footer}>
      {stage.kind === 'refiInspected' ? (
        <div className="hm-import-form">
          <RefiChoice inspection={stage.inspection} choice={typeChoice} onChoice={setTypeChoice} disabled={stage.running} />
          {stage.running && <ImportProgress label={progress?.label || t('preparing')} done={progress?.done} total={progress?.total} />}
          {stage.error && <ImportError error={stage.error} />}
        </div>
      ) : stage.kind === 'report' ? <ImportReportView report={stage.report} />
        : stage.kind === 'refiProject' ? <RefiProjectReport file={stage.name} result={stage.result} />
          : stage.kind === 'refiCodebook' ? <RefiCodebookReport file={stage.name} result={stage.result} /> : (
        <div className="hm-import-form" aria-disabled={running || undefined}>
          <div className="hm-mode-switch" role="tablist" aria-label={t('title')}>
            {MODES.map((m) => (
              <button key={m} role="tab" aria-selected={mode === m} className={mode === m ? 'active' : ''} disabled={running}
                onClick={() => { setMode(m); setMissing(null); }} data-testid={`import-mode-${m}`}>
                <strong>{m === 'files' ? t('modeFiles') : m === 'folder' ? t('modeFolder') : t('modeRefi')}</strong>
                <small>{m === 'files' ? t('modeFilesHint') : m === 'folder' ? t('modeFolderHint') : t('modeRefiHint')}</small>
              </button>
            ))}
          </div>

          {mode === 'refi' ? (
            <>
              <Field label={t('refiLabel')} hint={team ? t('refiUploadHint') : t('refiHint')}>
                {team ? (
                  <input type="file" accept=".qdpx,.qdc,.csv" data-autofocus disabled={running} data-testid="import-upload-refi"
                    onChange={(e) => { setRefiPicked(e.target.files?.[0] ?? null); setMissing(null); }} />
                ) : (
                  <input data-autofocus value={refiPath} onChange={(e) => { setRefiPath(e.target.value); setMissing(null); }}
                    onKeyDown={(e) => { if (e.key === 'Enter') void start(); }}
                    placeholder={t('refiPlaceholder')} disabled={running} spellCheck={false} className="hm-mono" data-testid="import-refi-path" />
                )}
                {refiKind(refiName) && (
                  <span className="count" data-testid="import-refi-kind">
                    {team ? `${refiName}: ` : ''}{refiKind(refiName) === 'project' ? t('refiIsProject') : t('refiIsCodebook')}
                  </span>
                )}
              </Field>
              <div className="hm-sheet-help hm-refi-help">
                <p>{t('refiExplain')}</p>
                <dl>
                  <dt>.qdpx</dt><dd>{t('refiProjectWhat')}</dd>
                  <dt>.qdc</dt><dd>{t('refiCodebookWhat')}</dd>
                  <dt>.csv</dt><dd>{t('taguetteCodebookWhat')}</dd>
                </dl>
              </div>
            </>
          ) : mode === 'files' ? (
            <>
              <Field label={t('filesLabel')} hint={team ? t('uploadHint') : dialogs ? undefined : t('filesHint')}>
                {team ? (
                  <input type="file" multiple data-autofocus disabled={running} data-testid="import-upload-files"
                    onChange={(e) => { setPicked([...(e.target.files ?? [])]); setMissing(null); }} />
                ) : dialogs ? (
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
              <Field label={t('folderLabel')} hint={team ? t('folderUploadHint') : t('folderHint')}>
                {team ? (
                  <>
                    {/* webkitdirectory (every current browser) picks a folder; React passes the attribute through as written. */}
                    <input type="file" {...{ webkitdirectory: '' }} data-autofocus disabled={running} data-testid="import-upload-folder"
                      onChange={(e) => { setFolderPicked([...(e.target.files ?? [])]); setMissing(null); }} />
                    {folderPicked.length > 0 && (
                      <span className="count" data-testid="import-folder-picked">
                        {t('folderPicked', { folder: fromFolder.folder, files: fromFolder.send.length === 1 ? t('filesChosenOne') : t('filesChosenMany', { n: fromFolder.send.length }) })}
                      </span>
                    )}
                  </>
                ) : dialogs
                  ? <PathChooser path={folder} empty={t('noFolderChosen')} onChoose={() => void choose('importFolder')} chooseLabel={folder ? t('change') : t('chooseFolder')} disabled={running} testId="import-choose-folder" />
                  : <input data-autofocus value={folder} onChange={(e) => setFolder(e.target.value)} placeholder={t('folderPlaceholder')} disabled={running} spellCheck={false} className="hm-mono" data-testid="import-folder" />}
              </Field>
              <Field label={t('sheetLabel')} hint={team ? t('sheetUploadHint') : undefined}>
                {team ? (
                  <input type="file" accept=".csv" disabled={running} data-testid="import-upload-sheet"
                    onChange={(e) => { setSheetPicked(e.target.files?.[0] ?? null); setMissing(null); }} />
                ) : dialogs
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

          {mode !== 'refi' && (
            <label className="hm-check-row hm-skip-bad">
              <input type="checkbox" checked={skipBad} onChange={(e) => setSkipBad(e.target.checked)} disabled={running} data-testid="import-skip-bad" />
              <span><strong>{t('skipBad')}</strong><br /><span className="muted">{t('skipBadHint')}</span></span>
            </label>
          )}
          {mode !== 'refi' && (
            <label className="hm-check-row hm-skip-bad">
              <input type="checkbox" checked={swapRoles} onChange={(e) => setSwapRoles(e.target.checked)} disabled={running} data-testid="import-swap-roles" />
              <span><strong>{t('swapRoles')}</strong><br /><span className="muted">{t('swapRolesHint')}</span></span>
            </label>
          )}
          <p className="muted hm-formats" data-testid="import-limits">{mode === 'refi' ? t('refiLimits') : t('formats')}</p>

          {missing && <p className="hm-inline-error" role="alert" data-testid="import-missing">{t((team ? TEAM_MISSING_MESSAGE : MISSING_MESSAGE)[missing])}</p>}
          {running && <ImportProgress label={uploading !== null ? t('uploading', { file: uploading }) : progress?.label || t('preparing')} done={progress?.done} total={progress?.total} />}
          {stage.kind === 'form' && stage.error && <ImportError error={stage.error} hint={!skipBad && mode !== 'refi'} />}
        </div>
      )}
    </Modal>
  );
}

const errorShown = (error: unknown): ErrorShown =>
  error instanceof ApiError ? { message: error.message, details: error.details ?? [] } : { message: String(error), details: [] };

function ImportProgress({ label, done, total }: { label: string; done: number | undefined; total: number | undefined }) {
  const known = done !== undefined && total !== undefined;
  return (
    <div className="hm-import-progress" role="progressbar" aria-valuemin={0} aria-valuemax={total ?? 1} aria-valuenow={done} data-testid="import-progress">
      <div className="hm-import-progress-label">{label}</div>
      <div className="hm-import-progress-track">
        <div className={`hm-import-progress-bar${known ? '' : ' indeterminate'}`} style={known ? { width: `${Math.round((done / Math.max(1, total)) * 100)}%` } : undefined} />
      </div>
    </div>
  );
}

/** A refusal: nothing was imported, why, and (for a batch) how to import the rest. */
function ImportError({ error, hint = false }: { error: ErrorShown; hint?: boolean }) {
  const t = useStrings(importStrings);
  return (
    <div className="hm-import-error" role="alert" data-testid="import-error">
      <strong>{t('errorTitle')}</strong>
      <p>{error.message}</p>
      {error.details.length > 0 && (
        <>
          <ul>{error.details.map((d) => <li key={d}>{d}</li>)}</ul>
          {hint && <p className="muted">{t('errorHint')}</p>}
        </>
      )}
    </div>
  );
}

const MISSING_MESSAGE = { files: 'missingFiles', folder: 'missingFolder', refi: 'missingRefi', refiKind: 'refiWrongKind', folderEmpty: 'folderEmpty' } as const;
/** On a team page nothing is typed: the files and the folder are chosen. */
const TEAM_MISSING_MESSAGE = { ...MISSING_MESSAGE, folder: 'missingFolderPicked', refi: 'missingRefiPicked' } as const;

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
export function ImportReportView({ report, withSummary = true }: { report: ImportReport; withSummary?: boolean }) {
  const t = useStrings(importStrings);
  const { language } = useLanguage();
  const n = (value: number) => formatNumber(value, language);
  const summary = summariseReport(report);
  return (
    <div className="hm-import-report" data-testid="import-report">
      {withSummary && <p className={`hm-report-summary${summary.failed > 0 ? ' has-failures' : ''}`}>
        {summary.nothingNew ? t('nothingNew') : summary.imported === 0 ? t('noneImported') : t('summary', {
          files: summary.imported === 1 ? t('filesChosenOne') : t('filesChosenMany', { n: n(summary.imported) }),
          words: n(summary.words), turns: n(summary.turns),
        })}
        {summary.skipped > 0 && <span className="hm-report-badge">{t('summarySkipped', { n: summary.skipped })}</span>}
        {summary.failed > 0 && <span className="hm-report-badge bad">{t('summaryFailed', { n: summary.failed })}</span>}
      </p>}
      {report.imported.length > 0 && (
        <ReportSection title={t('importedTitle')} count={report.imported.length} testId="import-report-imported">
          <table className="hm-dense">
            <thead>
              <tr><th>{t('colFile')}</th><th>{t('colTitle')}</th><th className="hm-num">{t('colWords')}</th><th className="hm-num">{t('colTurns')}</th><th>{t('colInformants')}</th></tr>
            </thead>
            <tbody>
              {report.imported.map((f) => (
                <tr key={f.documentId}>
                  <td className="hm-mono">{baseName(f.file)}{f.recording && <small className="muted" data-testid="import-report-recording"><br />{t('withRecording', { file: f.recording })}</small>}</td>
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

function ReasonTable({ title, rows, tone, testId }: { title: string; rows: readonly { file: string; reason: string; reasonText?: LocalizedText }[]; tone?: 'bad'; testId: string }) {
  const t = useStrings(importStrings);
  const { language } = useLanguage();
  return (
    <ReportSection title={title} count={rows.length} testId={testId} {...(tone ? { tone } : {})}>
      <table className="hm-dense">
        <thead><tr><th>{t('colFile')}</th><th>{t('colReason')}</th></tr></thead>
        <tbody>
          {rows.map((r) => <tr key={r.file}><td className="hm-mono">{baseName(r.file)}</td><td>{r.reasonText?.[language] ?? r.reason}</td></tr>)}
        </tbody>
      </table>
    </ReportSection>
  );
}

/** What a REFI-QDA project import added: the counts, the documents as a transcript import lists them, and what was left out. */
export function RefiProjectReport({ file, result }: { file: string; result: RefiProjectResult }) {
  const t = useStrings(importStrings);
  const counts = refiProjectCounts(result);
  return (
    <div className="hm-import-report" data-testid="import-refi-report">
      <RefiSummary file={file} title={t('refiDoneProject')} warn={result.failed.length > 0} nothingNew={Object.values(counts).every((n) => n === 0)} stats={[
        { key: 'documents', label: t('refiDocuments'), value: counts.documents },
        { key: 'codes', label: t('refiCodes'), value: counts.codes },
        { key: 'codings', label: t('refiCodings'), value: counts.codings },
        { key: 'memos', label: t('refiMemos'), value: counts.memos },
      ]} />
      <ImportReportView report={result} withSummary={false} />
      <ExchangeReport sections={result.report} />
    </div>
  );
}

/** What a REFI-QDA codebook import added, and what it left out. */
export function RefiCodebookReport({ file, result }: { file: string; result: RefiCodebookResult }) {
  const t = useStrings(importStrings);
  return (
    <div className="hm-import-report" data-testid="import-refi-report">
      <RefiSummary file={file} title={t('refiDoneCodebook')} warn={false} nothingNew={result.created === 0} stats={[
        { key: 'created', label: t('refiCreated'), value: result.created },
        { key: 'existing', label: t('refiExisting'), value: result.existing },
      ]} />
      <ExchangeReport sections={result.report} />
    </div>
  );
}

function RefiSummary({ file, title, warn, nothingNew, stats }: {
  file: string; title: string; warn: boolean; nothingNew: boolean; stats: readonly { key: string; label: string; value: number }[];
}) {
  const t = useStrings(importStrings);
  const { language } = useLanguage();
  return (
    <div className={`hm-report-summary hm-refi-summary${warn ? ' has-failures' : nothingNew ? ' nothing-new' : ''}`}>
      <div className="hm-refi-summary-head"><strong>{title}</strong> <span className="hm-mono" title={file}>{baseName(file)}</span></div>
      <dl className="hm-refi-counts" data-testid="import-refi-counts">
        {stats.map((s) => (
          <div key={s.key} data-testid={`import-refi-count-${s.key}`}>
            <dt>{s.label}</dt><dd>{formatNumber(s.value, language)}</dd>
          </div>
        ))}
      </dl>
      {nothingNew && <p className="hm-refi-nothing" data-testid="import-refi-nothing-new">{t('refiNothingNew')}</p>}
    </div>
  );
}
