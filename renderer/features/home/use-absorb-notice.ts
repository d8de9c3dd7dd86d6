import { useEffect } from 'react';
import { useProject } from '../../lib/state';

/**
 * `run()` turns every failure into a notice. Where a view shows the failure itself (a dialog
 * that stays open, an inline message), the same text as a notice is noise, and the notice
 * can sit on top of the dialog's buttons: this dismisses notices with that exact message.
 */
export function useAbsorbNotice(message: string | null): void {
  const { notices, dismiss } = useProject();
  useEffect(() => {
    if (message === null) return;
    for (const notice of notices) if (notice.message === message) dismiss(notice.id);
  }, [message, notices, dismiss]);
}
