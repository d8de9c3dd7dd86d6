import { useStrings } from '../../i18n/i18n';
import { useProject } from '../../lib/state';
import { shellStrings } from './strings';

/** Errors stay until dismissed (they say what to do); information fades by itself. */
export function Notices() {
  const t = useStrings(shellStrings);
  const { notices, dismiss } = useProject();
  return (
    <div className="notices" role="status">
      {notices.map((notice) => (
        <div key={notice.id} className={`notice ${notice.tone}`} role={notice.tone === 'error' ? 'alert' : undefined}>
          <div className="notice-body">
            <div>{notice.message}</div>
            {notice.details && notice.details.length > 0 && (
              <ul>{notice.details.slice(0, 12).map((d) => <li key={d}>{d}</li>)}</ul>
            )}
          </div>
          <button className="link" onClick={() => dismiss(notice.id)} aria-label={t('dismiss')}>×</button>
        </div>
      ))}
    </div>
  );
}
