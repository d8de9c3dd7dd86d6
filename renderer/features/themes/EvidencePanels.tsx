import { useEffect, useRef, useState } from 'react';
import { CONVERGENCES, type Convergence, type Theme, type ThemeReview } from '../../../src/domain/types';
import { useStrings } from '../../i18n/i18n';
import { SavedText } from './DefinePanel';
import { supportRows, type Suggestion } from './review-model';
import { themesStrings } from './strings';
import { useMayChange } from '../../lib/team-context';

/** Who supports the theme, type by type: "3 of 4 consumers". A type with nothing to say is shown as silent. */
export function SupportPanel({ support }: { support: ThemeReview['support'] }) {
  const t = useStrings(themesStrings);
  const rows = supportRows(support);
  return (
    <section className="tr-panel" aria-labelledby="tr-support-title">
      <h2 id="tr-support-title" className="tr-panel-title">{t('supportTitle')}</h2>
      {rows.length === 0 ? <p className="muted">{t('noTypes')}</p> : (
        <table className="tr-support" data-testid="theme-support">
          <thead>
            <tr><th>{t('colType')}</th><th className="num">{t('colInformants')}</th><th className="num">{t('colExtracts')}</th></tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.type} className={row.silent ? 'silent' : undefined} data-testid="support-row" data-type-name={row.type}>
                <td>
                  <span className="swatch" style={{ background: row.colour }} />{row.type}
                  <span className="tr-share" aria-hidden="true"><span style={{ width: `${Math.round(row.share * 100)}%`, background: row.colour }} /></span>
                </td>
                <td className="num">{t('ofTotal', { n: row.informants, total: row.totalInformants })}</td>
                <td className="num">{row.silent ? <span className="tr-silent">{t('silent')}</span> : row.heard ? row.extracts : <span className="muted">{t('notHeard')}</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {rows.some((row) => row.notInterviewed.length > 0) && (
        <p className="muted tr-not-interviewed" data-testid="not-interviewed">
          {t('notInterviewed', { list: rows.filter((r) => r.notInterviewed.length > 0).map((r) => `${r.type}: ${r.notInterviewed.join(', ')}`).join('; ') })}
        </p>
      )}
    </section>
  );
}

/**
 * Farmer et al.'s convergence coding: the data's suggestion beside the researcher's
 * judgement and reasons. The suggestion never fills the judgement in by itself.
 */
export function ConvergencePanel({ theme, suggestion, onSave }: {
  theme: Theme;
  suggestion: Suggestion | undefined;
  onSave: (convergence: Convergence | null, reason: string) => Promise<void>;
}) {
  const t = useStrings(themesStrings);
  const mayChange = useMayChange();
  // What the select shows while its save is on the way (the store answers in a moment).
  const [choosing, setChoosing] = useState<Convergence | '' | null>(null);
  const judgement = choosing ?? theme.convergence ?? '';
  // Judgement and reason are saved together. Leaving the reason for the select saves both in
  // quick succession, before the theme is re-read: the second save must carry the first's value.
  const sent = useRef<{ convergence: Convergence | null; reason: string } | null>(null);
  useEffect(() => { sent.current = null; }, [theme.convergence, theme.convergenceReason]);
  const save = (next: { convergence?: Convergence | null; reason?: string }) => {
    const merged = { ...(sent.current ?? { convergence: theme.convergence, reason: theme.convergenceReason }), ...next };
    sent.current = merged;
    return onSave(merged.convergence, merged.reason);
  };
  const choose = (value: Convergence | '') => {
    setChoosing(value);
    save({ convergence: value || null }).finally(() => setChoosing(null)).catch(() => undefined);
  };
  const differs = suggestion && judgement && judgement !== suggestion.judgement;

  return (
    <section className="tr-panel tr-convergence" aria-labelledby="tr-convergence-title" data-testid="theme-convergence">
      <h2 id="tr-convergence-title" className="tr-panel-title">{t('convergenceTitle')}</h2>
      {suggestion && (
        <div className="tr-suggestion" data-testid="convergence-suggestion" data-judgement={suggestion.judgement}>
          <div className="tr-suggestion-head">
            <span className="muted">{t('suggested')}</span>
            <span className={`tr-judgement ${suggestion.judgement}`}>{t(`conv_${suggestion.judgement}`)}</span>
            {judgement !== suggestion.judgement && mayChange && (
              <button className="link tr-take" onClick={() => choose(suggestion.judgement)} data-testid="convergence-take">{t('useSuggestion')}</button>
            )}
          </div>
          <p className="tr-suggestion-why">
            {suggestion.silent.length > 0 ? t('silentGroups', { groups: suggestion.silent.join(', ') }) : t('noSilent')}
          </p>
          <ul className="tr-spread" aria-label={t('spreadHint')} title={t('spreadHint')}>
            {suggestion.spread.filter((s) => s.informants > 0).map((s) => (
              <li key={s.label}>
                <span className="tr-spread-label">{s.label}</span>
                <span className="tr-spread-bar"><span style={{ width: `${Math.round(s.share * 100)}%` }} className={s.share >= 0.5 ? 'half' : s.share > 0 ? 'some' : 'none'} /></span>
                <span className="tr-spread-value">{Math.round(s.share * 100)}%</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      <label className="tr-field">
        <span className="tr-field-label">{t('judgement')}</span>
        <select value={judgement} onChange={(e) => choose(CONVERGENCES.find((c) => c === e.target.value) ?? '')} data-testid="convergence-select" disabled={!mayChange}>
          <option value="">{t('notJudged')}</option>
          {CONVERGENCES.map((c) => <option key={c} value={c}>{t(`conv_${c}`)}</option>)}
        </select>
      </label>
      {differs && <p className="tr-differs">{t('differs')}</p>}
      <SavedText
        label={t('reason')}
        value={theme.convergenceReason}
        placeholder={t('reasonPlaceholder')}
        rows={3}
        onSave={(reason) => save({ reason })}
        testId="convergence-reason"
      />
      <p className="tr-reminder">{t('countsReminder')}</p>
    </section>
  );
}
