import { useMemo, useState } from 'react';
import type { CodeId, ThemeId } from '../../../src/domain/ids';
import type { ThemeReview } from '../../../src/domain/types';
import { useStrings } from '../../i18n/i18n';
import { useQuery } from '../../lib/state';
import { fold } from './code-list';
import { plural, themesStrings } from './strings';
import { useMayChange } from '../../lib/team-context';

/**
 * The theme's codes with their evidence, the thin ones flagged; its sub-themes; and the
 * codes that belong nowhere yet, one click from joining this theme.
 */
export function ThemeCodesPanel({ review, onOpenCode, onOpenTheme, onRemove, onAdd }: {
  review: ThemeReview;
  onOpenCode: (id: CodeId) => void;
  onOpenTheme: (id: ThemeId) => void;
  onRemove: (id: CodeId) => void;
  onAdd: (id: CodeId) => void;
}) {
  const t = useStrings(themesStrings);
  // A reviewer sees which codes the theme holds; taking codes out or adding them is the coders'.
  const mayChange = useMayChange();
  const unthemed = useQuery('codes.unthemed', {}).data;
  const [query, setQuery] = useState('');
  const weak = useMemo(() => new Map(review.weakCodes.map((w) => [w.code.id, w.reason])), [review.weakCodes]);
  const shown = useMemo(() => (unthemed ?? []).filter((c) => !query.trim() || fold(c.name).includes(fold(query.trim()))), [unthemed, query]);

  return (
    <section className="tr-panel" aria-labelledby="tr-codes-title">
      <h2 id="tr-codes-title" className="tr-panel-title">{t('codesInTheme')} <span className="count">{review.codes.length}</span></h2>
      {review.codes.length === 0 && <p className="muted">{t('noThemeCodes')}</p>}
      <ul className="tr-codes" data-testid="theme-codes">
        {review.codes.map((code) => {
          const reason = weak.get(code.id);
          return (
            <li key={code.id} className={reason ? 'weak' : undefined} data-testid="theme-code" data-code-name={code.name} data-weak={reason}>
              <span className="swatch" style={{ background: code.colour }} />
              <button className="link tr-code-name" onClick={() => onOpenCode(code.id)} title={t('openCode')}>{code.name}</button>
              <span className="tr-code-counts" title={t('codeCountsHint')}>{code.codingCount} · {code.informantCount}</span>
              {mayChange && <button className="tr-icon" onClick={() => onRemove(code.id)} title={t('removeCode', { name: code.name })} aria-label={t('removeCode', { name: code.name })} data-testid="theme-code-remove">×</button>}
              {reason && <span className="tr-weak" title={t('weakHint')}>⚠ {t(reason === 'few-extracts' ? 'weakFew' : 'weakOne')}</span>}
            </li>
          );
        })}
      </ul>
      {review.weakCodes.length > 0 && <p className="tr-hint muted">{t('weakHint')}</p>}

      {review.subThemes.length > 0 && (
        <>
          <h3 className="tr-sub-title">{t('subThemes')}</h3>
          <ul className="tr-subthemes">
            {review.subThemes.map((s) => (
              <li key={s.id}>
                <span className="swatch" style={{ background: s.colour }} />
                <button className="link" onClick={() => onOpenTheme(s.id)}>{s.name}</button>
                <span className={`th-status small ${s.status}`}>{t(`status_${s.status}`)}</span>
                <span className="count">{plural(t, s.codeIds.length, 'codesOne', 'codesMany')}</span>
              </li>
            ))}
          </ul>
        </>
      )}

      <h3 className="tr-sub-title">{t('unthemedTitle')} <span className="count">{unthemed?.length ?? ''}</span></h3>
      {unthemed && unthemed.length === 0 && <p className="muted">{t('unthemedNone')}</p>}
      {unthemed && unthemed.length > 6 && (
        <input className="tr-unthemed-filter" type="search" value={query} placeholder={t('filterCodes')} aria-label={t('filterCodes')} onChange={(e) => setQuery(e.target.value)} />
      )}
      <ul className="tr-unthemed" data-testid="unthemed-codes">
        {shown.map((code) => (
          <li key={code.id} data-code-name={code.name}>
            <span className="swatch" style={{ background: code.colour }} />
            <button className="link tr-code-name" onClick={() => onOpenCode(code.id)} title={t('openCode')}>{code.name}</button>
            <span className="tr-code-counts">{code.codingCount}</span>
            {mayChange && <button className="tr-add" onClick={() => onAdd(code.id)} data-testid="add-unthemed">{t('addToTheme')}</button>}
          </li>
        ))}
      </ul>
    </section>
  );
}
