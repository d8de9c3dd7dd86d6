import { useStrings } from '../../i18n/i18n';
import { useTeam } from '../../lib/team-context';
import { teamServerStrings } from './strings';

/**
 * While the server opens the chosen project (its working image is built from PostgreSQL on first
 * use), and if it cannot: the way back to the list. Why it failed shows as a notice beside it.
 */
export function TeamOpening() {
  const t = useStrings(teamServerStrings);
  const team = useTeam();
  if (!team) return null;
  return (
    <div className="ts-page" data-testid="team-opening">
      <div className="ts-card ts-login">
        <p aria-busy="true">{t('opening', { name: team.project.name })}</p>
        <button type="button" onClick={team.leave} data-testid="team-opening-back">{t('allProjects')}</button>
      </div>
    </div>
  );
}
