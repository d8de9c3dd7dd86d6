import { useState } from 'react';
import { useLanguage, useStrings } from '../../i18n/i18n';
import { useProject } from '../../lib/state';
import { BackupDialog } from '../backup/BackupDialog';
import { backupStrings } from '../backup/strings';
import { accessStrings } from './access-strings';
import { CheckDialog } from './CheckDialog';

/**
 * Under the top bar: why the project is open read-only and the way out, for as long as it is; or
 * what the core had to say on opening it (a large file not checked), until dismissed.
 */
export function AccessBanner({ onExport }: { onExport: () => void }) {
  const t = useStrings(accessStrings);
  const b = useStrings(backupStrings);
  const { language } = useLanguage();
  const { project, run } = useProject();
  const [dismissed, setDismissed] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
  const [restoring, setRestoring] = useState(false);
  if (!project) return null;
  const reason = project.readOnly;
  const notices = project.notices.map((n) => n[language]);
  if (reason === null && (notices.length === 0 || dismissed === project.path)) return null;

  const reopen = () => void run('project.open', { path: project.path }).catch(() => undefined);
  return (
    <div className={`access-banner${reason ? ' read-only' : ''}`} role={reason ? 'alert' : 'status'} data-testid="access-banner">
      <div className="access-text">
        {reason && <strong className="access-badge">{t('readOnly')}</strong>}
        {reason && <span className="access-reason">{t(`reason_${reason}`)}</span>}
        {notices.map((text) => <p key={text}>{text}</p>)}
      </div>
      <div className="access-actions">
        {(reason === 'locked' || reason === 'requested' || reason === 'disk_full') && (
          <button onClick={reopen} data-testid="open-for-writing">{t('openForWriting')}</button>
        )}
        {reason === 'damaged' && <button onClick={() => setChecking(true)} data-testid="banner-check">{t('check')}</button>}
        {reason === 'damaged' && <button onClick={() => setRestoring(true)} data-testid="banner-restore">{b('restoreFromBackup')}</button>}
        {reason !== null && reason !== 'requested' && reason !== 'locked' && <button onClick={onExport}>{t('export')}</button>}
        {reason === null && <button className="link" onClick={() => setDismissed(project.path)} aria-label={t('dismiss')}>×</button>}
      </div>
      {checking && <CheckDialog onClose={() => setChecking(false)} onExport={onExport} />}
      {restoring && <BackupDialog projectPath={project.path} onClose={() => setRestoring(false)} />}
    </div>
  );
}
