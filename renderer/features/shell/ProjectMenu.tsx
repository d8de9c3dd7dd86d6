import { useState, type FormEvent } from 'react';
import { useStrings } from '../../i18n/i18n';
import { useMenu } from '../../lib/use-menu';
import { ApiError } from '../../lib/api';
import { Modal } from '../../lib/Modal';
import { useProject } from '../../lib/state';
import { useTeam } from '../../lib/team-context';
import { TeamProjectMenu } from '../team-server/TeamProjectMenu';
import { accessStrings } from './access-strings';
import { CheckDialog } from './CheckDialog';
import { BackupDialog } from '../backup/BackupDialog';
import { backupStrings } from '../backup/strings';
import { shellStrings } from './strings';
import { CopyForCoderDialog } from '../team/CopyForCoderDialog';
import { MergeDialog } from '../team/MergeDialog';
import { teamStrings } from '../team/strings';
import { ReviewImportDialog } from '../comments/ReviewImportDialog';
import { commentStrings } from '../comments/strings';
import { DeidentifyDialog } from '../deid/DeidentifyDialog';
import { deidStrings } from '../deid/strings';

type Asking = 'new' | 'open';

/** The project menu in the top bar: a team project's on a team server's page, a project file's otherwise. */
export function ProjectMenu() {
  return useTeam() ? <TeamProjectMenu /> : <FileProjectMenu />;
}

/**
 * The project menu of a project file: close the project, open another, start a new one, reopen a
 * recent one or a sample, back it up or restore a backup, make a copy for another coder or merge one back, import a supervisor's review comments. Browser mode has no native menu and no file dialogs, so this is the
 * only way there to switch projects without restarting the server; paths are typed.
 */
function FileProjectMenu() {
  const t = useStrings(shellStrings);
  const ta = useStrings(accessStrings);
  const b = useStrings(backupStrings);
  const tt = useStrings(teamStrings);
  const tc = useStrings(commentStrings);
  const td = useStrings(deidStrings);
  const { app, project, run, notify } = useProject();
  const { open, setOpen, root, trigger, onMenuKey } = useMenu();
  const [asking, setAsking] = useState<Asking | null>(null);
  const [checking, setChecking] = useState(false);
  const [restoring, setRestoring] = useState(false);
  const [team, setTeam] = useState<'copy' | 'merge' | 'review' | null>(null);
  const [deidentifying, setDeidentifying] = useState(false);

  if (!project) return null;
  const recent = (app?.recent ?? []).filter((r) => r.path !== project.path);

  const act = (action: () => Promise<unknown>) => {
    setOpen(false);
    void action().catch(() => undefined);
  };
  const choose = async (mode: Asking) => {
    if (!app?.dialogs) {
      setAsking(mode);
      return;
    }
    const paths = await run('app.choosePaths', { kind: mode === 'new' ? 'newProject' : 'openProject' });
    const file = paths?.[0];
    if (file) await run(mode === 'new' ? 'project.create' : 'project.open', { path: file });
  };

  const backUpNow = async () => {
    const made = await run('backup.create', {});
    notify({ tone: 'info', message: b('backedUp', { file: made.id }) });
  };

  return (
    <div className="project-menu" ref={root}>
      <button
        ref={trigger}
        className="project-name"
        title={project.path}
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
        data-testid="project-menu"
      >{project.name} <span aria-hidden="true">▾</span></button>
      {open && (
        <div className="menu" role="menu" aria-label={t('projectMenu')} onKeyDown={onMenuKey}>
          <button role="menuitem" onClick={() => act(() => choose('new'))} data-testid="menu-new-project">{t('newProject')}</button>
          <button role="menuitem" onClick={() => act(() => choose('open'))} data-testid="menu-open-project">{t('openProject')}</button>
          {recent.length > 0 && <div className="menu-heading" role="presentation">{t('recentProjects')}</div>}
          {recent.map((r) => (
            <button key={r.path} role="menuitem" title={r.path} onClick={() => act(() => run('project.open', { path: r.path }))} data-testid="menu-recent">
              {r.name}
            </button>
          ))}
          {app?.sampleAvailable && (
            <>
              <div className="menu-heading" role="presentation">{t('sampleStudy')}</div>
              <button role="menuitem" onClick={() => act(() => run('app.openSample', { variant: 'worked' }))} data-testid="menu-sample-worked">{t('sampleWorked')}</button>
              <button role="menuitem" onClick={() => act(() => run('app.openSample', { variant: 'practice' }))} data-testid="menu-sample-practice">{t('samplePractice')}</button>
            </>
          )}
          <div className="menu-separator" role="separator" />
          <button role="menuitem" onClick={() => { setOpen(false); setChecking(true); }} data-testid="menu-check-project">{ta('check')}</button>
          <button role="menuitem" onClick={() => act(backUpNow)} data-testid="menu-backup-now">{b('backUpNow')}</button>
          <button role="menuitem" onClick={() => { setOpen(false); setRestoring(true); }} data-testid="menu-restore">{b('restoreFromBackup')}</button>
          <div className="menu-separator" role="separator" />
          <button role="menuitem" onClick={() => { setOpen(false); setTeam('copy'); }} data-testid="menu-copy-for-coder">{tt('copyMenu')}</button>
          <button role="menuitem" onClick={() => { setOpen(false); setTeam('merge'); }} disabled={project.readOnly !== null} data-testid="menu-merge-copy">{tt('mergeMenu')}</button>
          <button role="menuitem" onClick={() => { setOpen(false); setTeam('review'); }} disabled={project.readOnly !== null} data-testid="menu-import-review">{tc('importMenu')}</button>
          <button role="menuitem" onClick={() => { setOpen(false); setDeidentifying(true); }} data-testid="menu-deidentify">{td('menu')}</button>
          <div className="menu-separator" role="separator" />
          <button role="menuitem" onClick={() => act(() => run('project.close', {}))} data-testid="menu-close-project">{t('closeProject')}</button>
        </div>
      )}
      {asking && <ProjectPathDialog mode={asking} onClose={() => setAsking(null)} />}
      {checking && <CheckDialog onClose={() => setChecking(false)} />}
      {restoring && <BackupDialog projectPath={project.path} onClose={() => setRestoring(false)} />}
      {team === 'copy' && <CopyForCoderDialog onClose={() => setTeam(null)} />}
      {team === 'merge' && <MergeDialog onClose={() => setTeam(null)} />}
      {team === 'review' && <ReviewImportDialog onClose={() => setTeam(null)} />}
      {deidentifying && <DeidentifyDialog onClose={() => setDeidentifying(false)} />}
    </div>
  );
}

/** Browser mode's stand-in for the native open and save dialogs: the full path of a .tematik file. */
function ProjectPathDialog({ mode, onClose }: { mode: Asking; onClose: () => void }) {
  const t = useStrings(shellStrings);
  const { run } = useProject();
  const [path, setPath] = useState('');
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    const file = path.trim();
    if (!file) {
      setError(t('pathMissing'));
      return;
    }
    const call = mode === 'new'
      ? run('project.create', { path: file, ...(name.trim() ? { name: name.trim() } : {}) }, { quiet: true })
      : run('project.open', { path: file }, { quiet: true });
    call.then(onClose, (e: unknown) => {
      // Open in another Tematik: the shell's question (open read-only?) takes over from this dialog.
      if (e instanceof ApiError && e.kind === 'locked') onClose();
      else setError(e instanceof Error ? e.message : String(e));
    });
  };

  return (
    <Modal
      title={mode === 'new' ? t('newProjectTitle') : t('openProjectTitle')}
      onClose={onClose}
      testId="project-path-dialog"
      footer={(
        <>
          <button onClick={onClose}>{t('cancel')}</button>
          <button className="primary" onClick={() => submit()} data-testid="project-path-submit">{mode === 'new' ? t('create') : t('open')}</button>
        </>
      )}
    >
      <form onSubmit={submit}>
        <label className="field">
          <span>{t('projectFile')}</span>
          <input autoFocus value={path} onChange={(e) => setPath(e.target.value)} placeholder={t('pathPlaceholder')} data-testid="project-path-input" />
        </label>
        {mode === 'new' && (
          <label className="field">
            <span>{t('studyName')}</span>
            <input value={name} onChange={(e) => setName(e.target.value)} data-testid="project-name-input" />
          </label>
        )}
        <p className="muted">{t('pathHint')}</p>
        {error && <p className="project-path-error" role="alert">{error}</p>}
        <button type="submit" hidden />
      </form>
    </Modal>
  );
}
