import { useCallback, useEffect, useMemo, useState } from 'react';
import { HOME_READS } from '../home/home-reads';
import { App } from '../shell/App';
import { useStrings } from '../../i18n/i18n';
import { ProjectProvider } from '../../lib/state';
import { TeamContext, type TeamShell } from '../../lib/team-context';
import { closeTeamProject, listProjects, logOut, onSessionEnded, openTeamProject, type TeamProject, type TeamUser } from '../../lib/team-server';
import { LoginScreen } from './LoginScreen';
import { ProjectList } from './ProjectList';
import { teamServerStrings } from './strings';
import './team-server.css';

/** The open project in the address (`#project=12`), so a reload comes back to it. */
const projectInAddress = (): number | null => {
  const id = Number(new URLSearchParams(location.hash.slice(1)).get('project'));
  return Number.isSafeInteger(id) && id > 0 ? id : null;
};
const showInAddress = (id: number | null) => history.replaceState(null, '', id === null ? location.pathname : `${location.pathname}#project=${id}`);

/**
 * A page of a team server: log in, choose a project, then the same app shell as the desktop
 * app on that project, its actions sent to the server (renderer/lib/team-server.ts).
 */
export function TeamApp({ user: loggedIn }: { user: TeamUser | null }) {
  const t = useStrings(teamServerStrings);
  const [user, setUser] = useState(loggedIn);
  const [project, setProject] = useState<TeamProject | null>(null);
  const [ended, setEnded] = useState(false);
  // Looking up the project named in the address, before the list is shown.
  const [resuming, setResuming] = useState(() => loggedIn !== null && projectInAddress() !== null);

  const open = useCallback((chosen: TeamProject) => {
    // Before the shell's first reads: they go to this project.
    openTeamProject(chosen.id);
    showInAddress(chosen.id);
    setProject(chosen);
  }, []);
  const leave = useCallback(() => {
    closeTeamProject();
    showInAddress(null);
    setProject(null);
  }, []);
  const quit = useCallback(() => {
    leave();
    void logOut().finally(() => setUser(null));
  }, [leave]);

  useEffect(() => onSessionEnded(() => {
    closeTeamProject();
    setProject(null);
    setUser(null);
    setEnded(true);
  }), []);

  useEffect(() => {
    if (!resuming) return;
    const id = projectInAddress();
    void listProjects().then((answer) => {
      const found = answer.ok ? answer.value.find((p) => p.id === id) : undefined;
      if (found) open(found);
      else showInAddress(null);
      setResuming(false);
    });
  }, [resuming, open]);

  const shell = useMemo<TeamShell | null>(() => (user && project ? { user, project, leave, logOut: quit } : null), [user, project, leave, quit]);

  if (!user) return <LoginScreen ended={ended} onLoggedIn={(u) => { setEnded(false); setUser(u); }} />;
  if (resuming) return <div className="ts-page"><p className="muted">{t('checking')}</p></div>;
  if (!shell) return <ProjectList user={user} onOpen={open} onLogOut={quit} />;
  return (
    <TeamContext.Provider value={shell}>
      <ProjectProvider key={shell.project.id} firstReads={HOME_READS}>
        <App />
      </ProjectProvider>
    </TeamContext.Provider>
  );
}
