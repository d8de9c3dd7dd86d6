import { useState } from 'react';
import type { ThemeId } from '../../../src/domain/ids';
import { CONVERGENCES, type Convergence } from '../../../src/domain/types';
import { useStrings } from '../../i18n/i18n';
import { useProject } from '../../lib/state';
import type { SuggestionBasis } from './matrix-model';
import { triangulationStrings } from './strings';

/**
 * A theme's convergence: what the counts suggest (drawn as a dashed, muted tag, so it
 * reads as a suggestion) above what the researcher recorded and why (solid), editable
 * where it is read.
 */
export function ConvergenceCell({ themeId, themeName, basis, convergence, reason }: {
  themeId: ThemeId;
  themeName: string;
  basis: SuggestionBasis;
  convergence: Convergence | null;
  reason: string;
}) {
  const t = useStrings(triangulationStrings);
  const { run } = useProject();
  const [draft, setDraft] = useState<{ convergence: Convergence | null; reason: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const why = basis.judgement === 'agreement' ? t('whyAgreement')
    : basis.judgement === 'partial' ? t('whyPartial', { groups: basis.thin.join(', ') })
      : basis.silent.length > 0 ? t('whySilence', { groups: basis.silent.join(', ') }) : t('whySilenceAll');

  const save = () => {
    if (!draft || busy) return;
    setBusy(true);
    void run('themes.setConvergence', { id: themeId, convergence: draft.convergence, reason: draft.reason.trim() })
      .then(() => setDraft(null), () => undefined)
      .finally(() => setBusy(false));
  };

  return (
    <div className="tri-conv" data-testid="convergence" data-theme-id={themeId}>
      <div className="tri-suggestion" title={t('suggestionHint')} data-testid="suggestion" data-judgement={basis.judgement}>
        <span className="tri-suggestion-tag">{t('suggested')}</span>
        <span className={`tri-suggestion-value j-${basis.judgement}`}>{t(basis.judgement)}</span>
        <span className="tri-suggestion-why">{why}</span>
      </div>
      {draft === null ? (
        <div className="tri-judgement">
          {convergence ? (
            <>
              <span className={`tri-judgement-value j-${convergence}`} data-testid="judgement" data-judgement={convergence} title={t(`${convergence}About`)}>{t(convergence)}</span>
              {convergence !== basis.judgement && <span className="tri-differs">{t('differs')}</span>}
            </>
          ) : (
            <span className="tri-unrecorded" data-testid="judgement" data-judgement="">{t('notRecorded')}</span>
          )}
          <button className="link tri-edit" onClick={() => setDraft({ convergence, reason })} aria-label={`${convergence ? t('edit') : t('record')} — ${themeName}`} data-testid="convergence-edit">
            {convergence ? t('edit') : t('record')}
          </button>
          {reason && <span className="tri-reason" title={reason} data-testid="judgement-reason">{reason}</span>}
        </div>
      ) : (
        <div
          className="tri-conv-editor"
          onKeyDown={(e) => {
            if (e.key === 'Escape') { e.stopPropagation(); setDraft(null); }
            else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); save(); }
          }}
        >
          <div className="tri-conv-row">
            <select
              autoFocus
              value={draft.convergence ?? ''}
              onChange={(e) => setDraft({ ...draft, convergence: CONVERGENCES.find((c) => c === e.target.value) ?? null })}
              aria-label={t('judgementLabel')}
              data-testid="convergence-select"
            >
              <option value="">{t('noJudgement')}</option>
              {CONVERGENCES.map((c) => <option key={c} value={c}>{t(c)}</option>)}
            </select>
            {draft.convergence !== basis.judgement && (
              <button className="link" onClick={() => setDraft({ ...draft, convergence: basis.judgement })}>{t('useSuggestion')}</button>
            )}
          </div>
          {draft.convergence && <p className="tri-conv-about muted">{t(`${draft.convergence}About`)}</p>}
          <textarea
            rows={3}
            value={draft.reason}
            onChange={(e) => setDraft({ ...draft, reason: e.target.value })}
            placeholder={t('reasonPlaceholder')}
            aria-label={t('reason')}
            data-testid="convergence-reason"
          />
          <div className="tri-conv-actions">
            <span className="muted">{t('saveHint')}</span>
            <button onClick={() => setDraft(null)}>{t('cancel')}</button>
            <button className="primary" onClick={save} disabled={busy} data-testid="convergence-save">{t('save')}</button>
          </div>
        </div>
      )}
    </div>
  );
}
