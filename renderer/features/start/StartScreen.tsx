import { useState, type FormEvent } from 'react';
import { useStrings } from '../../i18n/i18n';
import { useProject } from '../../lib/state';
import { BackupDialog } from '../backup/BackupDialog';
import { backupStrings } from '../backup/strings';
import { startStrings } from './strings';
import './start.css';

/** Shown when no project is open: the sample, new, open and recent projects. */
export function StartScreen() {
  const t = useStrings(startStrings);
  const b = useStrings(backupStrings);
  const { app, run } = useProject();
  // Recent projects that failed to open: the way out is offered beside them.
  const [failed, setFailed] = useState<ReadonlySet<string>>(new Set());
  const [restoring, setRestoring] = useState<string | null>(null);
  const [asking, setAsking] = useState<'new' | 'open' | null>(null);
  const [path, setPath] = useState('');
  const [name, setName] = useState('');

  const choose = async (mode: 'new' | 'open') => {
    if (!app?.dialogs) {
      setAsking(mode);
      return;
    }
    const paths = await run('app.choosePaths', { kind: mode === 'new' ? 'newProject' : 'openProject' }).catch(() => null);
    const file = paths?.[0];
    if (file) await run(mode === 'new' ? 'project.create' : 'project.open', { path: file }).catch(() => undefined);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!path.trim()) return;
    const call = asking === 'new'
      ? run('project.create', { path: path.trim(), ...(name.trim() ? { name: name.trim() } : {}) })
      : run('project.open', { path: path.trim() });
    void call.catch(() => undefined);
  };

  return (
    <div className="start">
      <div className="start-card">
        <h1 className="start-title">Tematik</h1>
        <p className="muted">{t('tagline')}</p>
        <div className="start-actions">
          {app?.sampleAvailable && (
            <div className="start-samples" role="group" aria-label={t('sampleGroup')}>
              <button className="primary start-sample" onClick={() => void run('app.openSample', { variant: 'worked' }).catch(() => undefined)} data-testid="open-sample-worked">
                {t('openWorked')}
                <small>{t('workedHint')}</small>
              </button>
              <button className="start-sample" onClick={() => void run('app.openSample', { variant: 'practice' }).catch(() => undefined)} data-testid="open-sample">
                {t('openPractice')}
                <small>{t('practiceHint')}</small>
              </button>
            </div>
          )}
          <button onClick={() => void choose('new')} data-testid="new-project">{t('newProject')}</button>
          <button onClick={() => void choose('open')} data-testid="open-project">{t('openProject')}</button>
        </div>
        {asking && (
          <form className="start-path" onSubmit={submit}>
            <label className="field">
              <span>{t('pathLabel')}</span>
              <input autoFocus value={path} onChange={(e) => setPath(e.target.value)} placeholder={t('pathPlaceholder')} data-testid="project-path" />
            </label>
            {asking === 'new' && (
              <label className="field">
                <span>{t('projectName')}</span>
                <input value={name} onChange={(e) => setName(e.target.value)} />
              </label>
            )}
            <p className="muted">{t('pathHint')}</p>
            <div className="row">
              <button type="submit" className="primary">{asking === 'new' ? t('create') : t('open')}</button>
              <button type="button" onClick={() => setAsking(null)}>{t('cancel')}</button>
            </div>
          </form>
        )}
        <h3>{t('recent')}</h3>
        {app && app.recent.length === 0 && <p className="muted">{t('noRecent')}</p>}
        <ul className="recent">
          {app?.recent.map((project) => (
            <li key={project.path}>
              <button className="link" onClick={() => void run('project.open', { path: project.path }).catch(() => setFailed((f) => new Set(f).add(project.path)))}>{project.name}</button>
              <span className="muted recent-path">{project.path}</span>
              {failed.has(project.path) && (
                <button className="link" onClick={() => setRestoring(project.path)} data-testid="recent-restore">{b('restoreFromBackup')}</button>
              )}
              <button className="link muted" title={t('forget')} onClick={() => void run('app.forgetRecent', { path: project.path }).catch(() => undefined)}>×</button>
            </li>
          ))}
        </ul>
      </div>
      {restoring && <BackupDialog projectPath={restoring} onClose={() => setRestoring(null)} />}
    </div>
  );
}
