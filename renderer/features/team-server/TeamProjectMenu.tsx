import { useState } from 'react';
import { useStrings } from '../../i18n/i18n';
import { useMenu } from '../../lib/use-menu';
import { useProject } from '../../lib/state';
import { useMayChange, useTeam } from '../../lib/team-context';
import { copyUrl } from '../../lib/team-server';
import { ReviewImportDialog } from '../comments/ReviewImportDialog';
import { commentStrings } from '../comments/strings';
import { shellStrings } from '../shell/strings';
import { MergeDialog } from '../team/MergeDialog';
import { teamStrings } from '../team/strings';
import { copyFileName } from './ProjectList';
import { teamServerStrings } from './strings';

/**
 * The project menu of a team project: back to the server's projects, take a copy of this one
 * (a .tematik download), merge a coder's offline copy or a supervisor's comments file sent from
 * this computer, log out. Opening files, backups and copies for coders are the desktop app's: the
 * server keeps the project, and backs it up with pg_dump.
 */
export function TeamProjectMenu() {
  const t = useStrings(shellStrings);
  const ts = useStrings(teamServerStrings);
  const { project } = useProject();
  const team = useTeam();
  const mayChange = useMayChange();
  const tt = useStrings(teamStrings);
  const tc = useStrings(commentStrings);
  const [dialog, setDialog] = useState<'merge' | 'review' | null>(null);
  const { open, setOpen, root, trigger, onMenuKey } = useMenu();

  if (!project || !team) return null;

  return (
    <div className="project-menu" ref={root}>
      <button ref={trigger} className="project-name" title={team.project.name} aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen((o) => !o)} data-testid="project-menu">
        {project.name} <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <div className="menu" role="menu" aria-label={t('projectMenu')} onKeyDown={onMenuKey}>
          <button role="menuitem" onClick={() => { setOpen(false); team.leave(); }} data-testid="menu-all-projects">{ts('allProjects')}</button>
          <a role="menuitem" href={copyUrl(team.project.id)} download={copyFileName(team.project.name)} title={ts('takeCopyHint')} onClick={() => setOpen(false)} data-testid="menu-take-copy">{ts('takeCopy')}</a>
          {mayChange && (
            <>
              <div className="menu-separator" role="separator" />
              <button role="menuitem" onClick={() => { setOpen(false); setDialog('merge'); }} data-testid="menu-merge-copy">{tt('mergeMenu')}</button>
              <button role="menuitem" onClick={() => { setOpen(false); setDialog('review'); }} data-testid="menu-import-review">{tc('importMenu')}</button>
            </>
          )}
          <div className="menu-separator" role="separator" />
          <button role="menuitem" onClick={() => { setOpen(false); team.logOut(); }} data-testid="menu-log-out">{ts('logOut')}</button>
        </div>
      )}
      {dialog === 'merge' && <MergeDialog onClose={() => setDialog(null)} />}
      {dialog === 'review' && <ReviewImportDialog onClose={() => setDialog(null)} />}
    </div>
  );
}
