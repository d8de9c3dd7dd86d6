import { cancelJob } from './api';
import { useProject } from './state';
import { useTeam } from './team-context';

/**
 * Cancels the long action in flight (an import, a report, an exchange file). The top bar has
 * one; a dialog that runs such an action has its own, since its backdrop covers the top bar.
 */
export function CancelJobButton({ label, testId, className }: { readonly label: string; readonly testId: string; readonly className?: string }) {
  const { progress } = useProject();
  // A team server's API takes no cancel: a button that could not stop anything is not offered there.
  if (useTeam() !== null) return null;
  return (
    <button className={className} onClick={() => { if (progress) void cancelJob(progress.job); }} disabled={!progress} data-testid={testId}>
      {label}
    </button>
  );
}
