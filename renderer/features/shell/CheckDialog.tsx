import { useEffect, useState } from 'react';
import type { IntegrityReport } from '../../../src/domain/types';
import { useLanguage, useStrings } from '../../i18n/i18n';
import { Modal } from '../../lib/Modal';
import { useProject } from '../../lib/state';
import { accessStrings } from './access-strings';

/** Project › Check project file: SQLite's full integrity check, its verdict and the way out. */
export function CheckDialog({ onClose, onExport }: { onClose: () => void; onExport?: () => void }) {
  const t = useStrings(accessStrings);
  const { language } = useLanguage();
  const { project, run, reload } = useProject();
  const [report, setReport] = useState<IntegrityReport | null>(null);
  const [failed, setFailed] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    run('project.check', {}, { quiet: true }).then(
      async (result) => {
        if (!live) return;
        setReport(result);
        // Damage found makes the project read-only in the core: show the banner now.
        if (!result.ok) await reload();
      },
      (error: unknown) => live && setFailed(error instanceof Error ? error.message : String(error)),
    );
    return () => { live = false; };
  }, [run, reload]);

  return (
    <Modal
      title={t('checkTitle')}
      onClose={onClose}
      testId="check-dialog"
      size="large"
      footer={(
        <>
          {report && !report.ok && onExport && <button onClick={() => { onClose(); onExport(); }}>{t('export')}</button>}
          <button className="primary" onClick={onClose} data-testid="check-close">{t('close')}</button>
        </>
      )}
    >
      <p className="muted">{t('checkIntro', { file: project?.path ?? '' })}</p>
      {!report && !failed && <p role="status" data-testid="check-running">{t('checking')}</p>}
      {failed && <p className="check-verdict damaged" role="alert">{failed}</p>}
      {report && (
        <div data-testid="check-result">
          <p className={`check-verdict ${report.ok ? 'ok' : 'damaged'}`} role={report.ok ? 'status' : 'alert'}>{report.summary[language]}</p>
          {report.problems.length > 0 && (
            <details>
              <summary>{t('checkProblems', { n: report.problems.length })}</summary>
              <pre className="check-problems">{report.problems.join('\n')}</pre>
            </details>
          )}
        </div>
      )}
    </Modal>
  );
}
