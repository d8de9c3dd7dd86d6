import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nProvider } from '../../i18n/i18n';
import type { TeamUser } from '../../lib/team-server';
import { TeamApp } from './TeamApp';

/** Draws a team server's page: its login, its projects, then the app shell on the chosen project. */
export function startTeam(user: TeamUser | null): void {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <I18nProvider>
        <TeamApp user={user} />
      </I18nProvider>
    </StrictMode>,
  );
}
