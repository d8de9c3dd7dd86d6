import { useState } from 'react';
import { useStrings } from '../../i18n/i18n';
import { CooccurrenceTab } from './CooccurrenceTab';
import { MatrixTab } from './MatrixTab';
import { triangulationStrings } from './strings';
import './triangulation.css';

type Tab = 'matrix' | 'cooccurrence';
let rememberedTab: Tab = 'matrix';

/**
 * Triangulation (DESIGN.md; Farmer et al. 2006): which groups of informants speak to
 * each theme or code, with the app's suggestion beside the researcher's judgement; and
 * which codes are applied together.
 */
export function TriangulationView() {
  const t = useStrings(triangulationStrings);
  const [tab, setTabState] = useState<Tab>(rememberedTab);
  const setTab = (next: Tab) => { rememberedTab = next; setTabState(next); };
  return (
    <section className="tri-view" data-testid="triangulation-view">
      <header className="tri-head">
        <div>
          <h1>{t('title')}</h1>
          <p className="muted">{t('intro')}</p>
        </div>
      </header>
      <div className="tri-tabs" role="tablist" aria-label={t('title')}>
        {(['matrix', 'cooccurrence'] as const).map((value) => (
          <button
            key={value}
            role="tab"
            aria-selected={tab === value}
            className={tab === value ? 'active' : ''}
            onClick={() => setTab(value)}
            onKeyDown={(e) => {
              if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
                e.preventDefault();
                setTab(value === 'matrix' ? 'cooccurrence' : 'matrix');
              }
            }}
            data-testid={`tab-${value}`}
          >
            {value === 'matrix' ? t('tabMatrix') : t('tabCooccurrence')}
          </button>
        ))}
      </div>
      <div className="tri-tab-body" role="tabpanel">
        {tab === 'matrix' ? <MatrixTab /> : <CooccurrenceTab />}
      </div>
    </section>
  );
}
