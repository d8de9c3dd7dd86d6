import { useStrings } from '../../i18n/i18n';
import { useTeam } from '../../lib/team-context';
import { teamServerStrings } from './strings';

/** Who is logged in and their role in the open team project, in the top bar. */
export function TeamWho() {
  const t = useStrings(teamServerStrings);
  const team = useTeam();
  if (!team) return null;
  const { user, project } = team;
  return (
    <span className="team-who" title={`${t('loggedInAs', { name: user.name, login: user.login })}. ${t(`roleHint_${project.role}`)}`} data-testid="team-who">
      <span data-testid="team-who-name">{user.name}</span>
      <span className={`team-role ${project.role}`} data-testid="team-who-role">{t(`role_${project.role}`)}</span>
    </span>
  );
}
