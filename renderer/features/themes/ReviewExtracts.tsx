import { useMemo, useState, type CSSProperties } from 'react';
import type { CodeId, CodingId } from '../../../src/domain/ids';
import type { Extract, ThemeReview } from '../../../src/domain/types';
import { useStrings } from '../../i18n/i18n';
import { filterGroups, passages, uniqueExtracts } from './review-model';
import { plural, themesStrings } from './strings';
import { useMayChange } from '../../lib/team-context';

/**
 * Phase 4's first check: do the extracts form a coherent pattern? They are read by
 * informant type, then informant, each one a way back into its transcript.
 */
export function ReviewExtracts({ review, onUseExemplar, onOpen }: {
  review: ThemeReview;
  onUseExemplar: (id: CodingId) => void;
  onOpen: (extract: Extract) => void;
}) {
  const t = useStrings(themesStrings);
  const mayChange = useMayChange();
  const [codeFilter, setCodeFilter] = useState<CodeId | null>(null);
  const { theme } = review;
  const colourOfType = useMemo(() => new Map(review.support.map((s) => [s.type, s.colour])), [review.support]);
  const colourOfCode = useMemo(() => new Map(review.codes.map((c) => [c.id as number, c.colour])), [review.codes]);
  // Codes reaching the theme through a sub-theme have extracts here too: offer them in the filter.
  const codesInExtracts = useMemo(() => {
    const seen = new Map<CodeId, string>();
    for (const e of uniqueExtracts(review.groups)) if (!seen.has(e.codeId)) seen.set(e.codeId, e.codeName);
    return [...seen].sort((a, b) => a[1].localeCompare(b[1]));
  }, [review.groups]);
  const groups = useMemo(() => filterGroups(review.groups, codeFilter), [review.groups, codeFilter]);
  const all = uniqueExtracts(groups);
  const informants = new Set(groups.flatMap((g) => g.informants.map((i) => i.label))).size;

  return (
    <section className="tr-panel tr-extracts" aria-labelledby="tr-extracts-title" data-testid="theme-extracts">
      <div className="tr-extracts-head">
        <h2 id="tr-extracts-title" className="tr-panel-title">{t('extractsTitle')}</h2>
        <span className="tr-extracts-summary">
          {all.length > 0 && t('extractsSummary', {
            extracts: plural(t, all.length, 'extractsOne', 'extractsMany'),
            informants: plural(t, informants, 'informantsOne', 'informantsMany'),
            types: plural(t, groups.length, 'typesOne', 'typesMany'),
          })}
        </span>
        {codesInExtracts.length > 1 && (
          <select
            className="tr-code-filter"
            value={codeFilter ?? ''}
            onChange={(e) => setCodeFilter(e.target.value ? (Number(e.target.value) as CodeId) : null)}
            aria-label={t('filterByCode')}
            data-testid="extract-code-filter"
          >
            <option value="">{t('allCodes')}</option>
            {codesInExtracts.map(([id, name]) => <option key={id} value={id}>{name}</option>)}
          </select>
        )}
      </div>
      {review.groups.length === 0 && <p className="muted">{t('noExtracts')}</p>}
      {groups.map((group) => (
        <details key={group.type} className="tr-type" open>
          <summary className="tr-type-name">
            <span className="swatch" style={{ background: colourOfType.get(group.type) ?? '#bbbbbb' }} />
            {group.type || t('noInformant')}
            <span className="count">
              {plural(t, group.informants.length, 'informantsOne', 'informantsMany')} · {plural(t, new Set(group.informants.flatMap((i) => i.extracts.map((e) => e.id))).size, 'extractsOne', 'extractsMany')}
            </span>
          </summary>
          {group.informants.map((informant) => (
            <div key={informant.label} className="tr-informant">
              <h3 className="tr-informant-name">{informant.label} <span className="count">{informant.extracts.length}</span></h3>
              {passages(informant.extracts).map(({ extract, codings }) => {
                const isExemplar = codings.some((c) => c.id === theme.exemplarCodingId);
                // The store takes an exemplar only from the theme's own codes, not a sub-theme's.
                const own = codings.find((c) => theme.codeIds.includes(c.codeId));
                return (
                  <div key={extract.id} className={`tr-extract${isExemplar ? ' exemplar' : ''}`} data-testid="review-extract" data-coding-id={extract.id}>
                    <button className="tr-extract-open" onClick={() => onOpen(extract)} title={t('openAt')} data-testid="review-extract-open">
                      <span className="tr-quote">{extract.quote}</span>
                      <span className="tr-meta">
                        <span className="tr-doc">{extract.documentTitle}</span>
                        {codings.map((c) => (
                          <span key={c.id} className="tr-code-tag" style={{ '--chip': colourOfCode.get(c.codeId) ?? '#9aa3b0' } as CSSProperties}>{c.codeName}</span>
                        ))}
                        {!own && <span className="tr-via" title={t('viaSubThemeHint')}>{t('viaSubTheme')}</span>}
                      </span>
                    </button>
                    <div className="tr-extract-side">
                      {isExemplar
                        ? <span className="tr-exemplar-badge" data-testid="exemplar-badge">★ {t('isExemplar')}</span>
                        : own && mayChange && (
                          <button className="tr-use-exemplar" onClick={() => onUseExemplar(own.id)} data-testid="use-exemplar">{t('useExemplar')}</button>
                        )}
                    </div>
                  </div>
                );
              })}
            </div>
          ))}
        </details>
      ))}
    </section>
  );
}
