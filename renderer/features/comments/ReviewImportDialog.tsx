import { useCallback, useEffect, useRef, useState } from 'react';
import { MAX_REVIEW_FILE_BYTES, type Result } from '../../../src/api/contract';
import { COMMENT_TARGET_KINDS } from '../../../src/domain/types';
import { useLanguage, useStrings } from '../../i18n/i18n';
import { ApiError } from '../../lib/api';
import { Modal } from '../../lib/Modal';
import { useProject } from '../../lib/state';
import { commentStrings } from './strings';
import './comments.css';

type Report = Result<'comments.importReview'>;
type Stage =
  | { readonly kind: 'form'; readonly error: string | null }
  | { readonly kind: 'running' }
  | { readonly kind: 'report'; readonly report: Report };

/**
 * Imports the comments file a supervisor saved from a review package: chosen here (the system's
 * file dialog, in Electron and in a browser alike) or dropped on the window (`dropped`, imported at
 * once). The file is read in the page and sent as text, since a browser gives a page no path.
 * A refusal (another project's file, a damaged one) is shown here and nothing changes; the report
 * says what came in, by kind of target, what was there already and what has no place any more.
 */
export function ReviewImportDialog({ dropped, onClose }: { dropped?: File | undefined; onClose: () => void }) {
  const t = useStrings(commentStrings);
  const { language } = useLanguage();
  const { run } = useProject();
  const [file, setFile] = useState<File | null>(dropped ?? null);
  const [stage, setStage] = useState<Stage>({ kind: 'form', error: null });
  const input = useRef<HTMLInputElement>(null);
  const doneButton = useRef<HTMLButtonElement>(null);

  const start = useCallback(async (chosen: File) => {
    setStage({ kind: 'running' });
    try {
      // A file too large to be one is not read: the core refuses it by its size.
      const text = chosen.size > MAX_REVIEW_FILE_BYTES ? '' : await chosen.text();
      const report = await run('comments.importReview', { file: { name: chosen.name, bytes: chosen.size, text }, language }, { quiet: true });
      setStage({ kind: 'report', report });
    } catch (error) {
      setStage({ kind: 'form', error: error instanceof ApiError || error instanceof Error ? error.message : String(error) });
    }
  }, [run, language]);

  const started = useRef(false);
  useEffect(() => {
    if (dropped && !started.current) {
      started.current = true;
      void start(dropped);
    }
  }, [dropped, start]);
  useEffect(() => { if (stage.kind === 'report') doneButton.current?.focus(); }, [stage.kind]);

  const running = stage.kind === 'running';
  const footer = stage.kind === 'report'
    ? <button ref={doneButton} className="primary" onClick={onClose} data-testid="review-import-done">{t('done')}</button>
    : (
      <>
        <button onClick={onClose} disabled={running}>{t('cancel')}</button>
        <button className="primary" onClick={() => file && void start(file)} disabled={!file || running} data-testid="review-import-start">
          {running ? t('importing') : t('importNow')}
        </button>
      </>
    );

  return (
    <Modal title={t('importTitle')} onClose={onClose} busy={running} size="medium" testId="review-import-dialog" footer={footer}>
      {stage.kind === 'report' ? <ReviewReport report={stage.report} /> : (
        <div>
          <p className="cm-import-intro">{t('importIntro')}</p>
          <div className="cm-file-row">
            <button onClick={() => input.current?.click()} disabled={running} data-autofocus data-testid="review-import-choose">{t('chooseFile')}</button>
            {file ? <span className="cm-file-name" data-testid="review-import-file">{file.name}</span> : <span className="muted">{t('noFileChosen')}</span>}
            <input
              ref={input} type="file" accept=".json,application/json" className="cm-file-input" tabIndex={-1} aria-hidden="true" data-testid="review-import-input"
              onChange={(e) => {
                const chosen = e.target.files?.[0];
                if (chosen) { setFile(chosen); setStage({ kind: 'form', error: null }); }
                e.target.value = '';
              }}
            />
          </div>
          <p className="muted cm-drop-hint">{t('dropHint')}</p>
          {stage.kind === 'form' && stage.error && (
            <div className="cm-error" role="alert" data-testid="review-import-error">
              <strong>{t('refused')}</strong>
              <p>{stage.error}</p>
            </div>
          )}
        </div>
      )}
    </Modal>
  );
}

/** What the import did: new comments by kind of target, those already there, those kept without a place. */
function ReviewReport({ report }: { report: Report }) {
  const t = useStrings(commentStrings);
  const added = COMMENT_TARGET_KINDS.reduce((n, k) => n + report.added[k], 0) + report.unplaced.length;
  return (
    <div data-testid="review-import-report">
      <p className="cm-report-head">
        {added === 0 ? t('reportNothingNew', { file: report.file }) : t('reportHead', { reviewer: report.reviewer, n: added, file: report.file })}
      </p>
      <table className="cm-report-table">
        <tbody>
          {COMMENT_TARGET_KINDS.map((kind) => (
            <tr key={kind} data-testid={`review-added-${kind}`}><td className="num">{report.added[kind]}</td><td>{t(`kind_${kind}`)}</td></tr>
          ))}
          <tr data-testid="review-already"><td className="num">{report.already}</td><td>{t('already')}</td></tr>
        </tbody>
      </table>
      {report.unplaced.length > 0 && (
        <>
          <p>{t('unplacedCount', { n: report.unplaced.length })}</p>
          <ul className="cm-report-unplaced" data-testid="review-unplaced">
            {report.unplaced.map((u, n) => <li key={n}>{t(`unplacedOn_${u.kind}`, { label: u.label })}</li>)}
          </ul>
        </>
      )}
      {added > 0 && <p className="muted">{t('journalNote')}</p>}
    </div>
  );
}
