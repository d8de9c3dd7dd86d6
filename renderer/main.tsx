import { HOME_READS } from './features/home/home-reads';
import { fallBackToBrowserMode, mayBeTeamPage } from './lib/api';
import { openingReads } from './lib/state';
import { teamSession } from './lib/team-server';
import './styles.css';

const failed = (error: unknown) => {
  // The renderer's files are missing or damaged: there is no React to show a notice with.
  const root = document.getElementById('root')!;
  root.textContent = `Tematik could not load its window (${error instanceof Error ? error.message : String(error)}). Reinstall Tematik. · Tematik tidak dapat memuat jendelanya. Pasang ulang Tematik.`;
};

function startApp(): void {
  // Asked before the rest of the renderer (React DOM and the screens, most of its code) is even
  // loaded: the core reads the first screen's lists while the page fetches, parses and runs that code.
  const opening = openingReads(HOME_READS);
  import('./start').then(({ start }) => start(opening), failed);
}

if (mayBeTeamPage) {
  // Neither Electron nor browser mode's token: a team server's page logs in first, and has no project open until one is chosen.
  void teamSession().then((session) => {
    if (session.team) import('./features/team-server/start-team').then(({ startTeam }) => startTeam(session.user), failed);
    else {
      fallBackToBrowserMode();
      startApp();
    }
  });
} else startApp();
