import { useState } from 'react';
import { useStrings } from '../../i18n/i18n';
import { useProject } from '../../lib/state';
import { useTeam } from '../../lib/team-context';
import { coderStrings } from './strings';
import { useCoderView } from './use-coder-view';
import './coders.css';

/**
 * Whose codings a view shows: the coder filter (one coder, several, or all) and, where coding
 * happens, the blind-coding switch. Nothing shows while one person codes the project.
 */
export function CoderBar({ blindSwitch = false }: { readonly blindSwitch?: boolean }) {
  const t = useStrings(coderStrings);
  const { run, project } = useProject();
  const view = useCoderView();
  const [busy, setBusy] = useState(false);
  // Blind coding is a preference of one computer's copy; a team server refuses it.
  const team = useTeam();
  const offered = blindSwitch && !project?.readOnly && team === null;
  if (!view.blind && view.coders.length < 2) return null;
  const setBlind = async (blind: boolean) => {
    setBusy(true);
    try { await run('coders.setBlind', { blind }); } catch { /* shown as a notice */ } finally { setBusy(false); }
  };
  if (view.blind) {
    return (
      <div className="coder-bar is-blind" data-testid="coder-bar">
        <span className="coder-blind" title={t('blindOnTitle')} data-testid="blind-on">{t('blindOn')}</span>
        {offered && <button type="button" className="link" disabled={busy} onClick={() => void setBlind(false)} data-testid="blind-toggle">{t('showEveryone')}</button>}
      </div>
    );
  }
  const all = view.coderIds === null;
  const list = view.coders;
  return (
    <div className="coder-bar" data-testid="coder-bar">
      <details className="coder-filter">
        <summary data-testid="coder-filter">{t('filterLabel')}: {all ? t('allCoders') : view.names.join(', ')}</summary>
        <div className="coder-filter-menu" role="group" aria-label={t('filterLabel')}>
          <label><input type="checkbox" checked={all} onChange={() => view.choose(null)} /> {t('everyone')}</label>
          {list.map((coder) => (
            <label key={coder.id}>
              <input type="checkbox" checked={all || view.coderIds.includes(coder.id)} data-testid={`coder-filter-${coder.name}`}
                onChange={(e) => {
                  const current = all ? list.map((c) => c.id) : view.coderIds;
                  const next = e.target.checked ? [...current, coder.id] : current.filter((id) => id !== coder.id);
                  view.choose(next.length === 0 || next.length === list.length ? null : next);
                }} />
              <span className="coder-swatch" style={{ background: coder.colour }} aria-hidden="true" />
              {coder.name}{coder.consensus && <span className="muted"> ({t('consensusNote')})</span>}
            </label>
          ))}
        </div>
      </details>
      {offered && (
        <button type="button" className="coder-blind-off" disabled={busy} title={t('blindOffTitle')} onClick={() => void setBlind(true)} data-testid="blind-toggle">{t('blindOff')}</button>
      )}
    </div>
  );
}

