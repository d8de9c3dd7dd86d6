import { useLanguage, useStrings } from '../../i18n/i18n';
import { CancelJobButton } from '../../lib/CancelJobButton';
import { useProject } from '../../lib/state';
import { useMayChange, useTeam } from '../../lib/team-context';
import { TeamWho } from '../team-server/TeamWho';
import { accessStrings } from './access-strings';
import { shellStrings } from './strings';
import { usePhaseName } from '../../i18n/phase-names';
import { ProjectMenu } from './ProjectMenu';
import { useUndoRedo } from './use-undo-redo';

export function TopBar({ onImport, onExport }: { onImport: () => void; onExport: () => void }) {
  const t = useStrings(shellStrings);
  const ta = useStrings(accessStrings);
  const phaseName = usePhaseName();
  const { project, history, progress, navigate } = useProject();
  const { step, tooltip } = useUndoRedo();
  const { language, setLanguage } = useLanguage();
  const team = useTeam();
  const mayChange = useMayChange();
  if (!project) return null;
  const mayUndo = project.readOnly === null && mayChange;
  return (
    <header className="topbar">
      <strong className="brand">{t('appName')}</strong>
      <ProjectMenu />
      <button className="phase-chip" title={phaseName(project.phase)} onClick={() => navigate({ view: 'phases' })}>
        {t('phase', { n: project.phase })} · {phaseName(project.phase)}
      </button>
      <div className="spacer" />
      {progress && (
        <div className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={progress.total} aria-valuenow={progress.done}>
          <div className="progress-bar" style={{ width: `${Math.round((progress.done / Math.max(1, progress.total)) * 100)}%` }} />
          <span>{progress.label || t('working')}</span>
          <CancelJobButton className="progress-cancel" label={t('cancelJob')} testId="cancel-job" />
        </div>
      )}
      {mayChange && <button onClick={onImport} aria-keyshortcuts="Control+I" disabled={project.readOnly !== null} title={project.readOnly ? ta('importReadOnly') : undefined}>{t('import')}</button>}
      <button onClick={onExport} aria-keyshortcuts="Control+E" data-testid="open-export">{t('export')}</button>
      <button
        onClick={() => void step('undo').catch(() => undefined)}
        disabled={!history.undo || !mayUndo}
        title={tooltip('undo')}
        aria-keyshortcuts="Control+Z"
        data-testid="undo"
      >↶ {t('undo')}</button>
      <button
        onClick={() => void step('redo').catch(() => undefined)}
        disabled={!history.redo || !mayUndo}
        title={tooltip('redo')}
        aria-keyshortcuts="Control+Shift+Z"
        data-testid="redo"
      >↷ {t('redo')}</button>
      {team && <TeamWho />}
      <div className="language-toggle" role="group" aria-label={t('language')}>
        {(['en', 'id'] as const).map((code) => (
          <button key={code} className={language === code ? 'active' : ''} aria-pressed={language === code} onClick={() => setLanguage(code)} data-testid={`lang-${code}`}>
            {code.toUpperCase()}
          </button>
        ))}
      </div>
    </header>
  );
}
