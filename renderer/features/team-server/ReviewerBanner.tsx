import { useStrings } from '../../i18n/i18n';
import { useTeam } from '../../lib/team-context';
import { teamServerStrings } from './strings';

/** Under the top bar for a reviewer of a team project: what they may do here, so missing controls are not a puzzle. */
export function ReviewerBanner() {
  const t = useStrings(teamServerStrings);
  if (useTeam()?.project.role !== 'reviewer') return null;
  return <div className="team-banner" role="status" data-testid="reviewer-banner">{t('reviewerBanner')}</div>;
}
