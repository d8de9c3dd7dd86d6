import { useEffect, useRef, type ReactNode } from 'react';
import type { Extract } from '../../../src/domain/types';
import { useStrings } from '../../i18n/i18n';
import { useProject } from '../../lib/state';
import { triangulationStrings } from './strings';

/** The drill-down beside a table: what lies behind the clicked cell (Esc, handled by the tab, closes it). */
export function SidePanel({ title, subtitle, onClose, children, testId }: {
  title: ReactNode;
  subtitle?: ReactNode;
  onClose: () => void;
  children: ReactNode;
  testId: string;
}) {
  const t = useStrings(triangulationStrings);
  const body = useRef<HTMLDivElement>(null);
  // A new cell: start reading from the top.
  useEffect(() => { body.current?.scrollTo?.({ top: 0 }); }, [title]);
  return (
    <aside className="tri-panel" data-testid={testId}>
      <header className="tri-panel-head">
        <div className="tri-panel-title">
          <h2>{title}</h2>
          {subtitle && <p className="muted">{subtitle}</p>}
        </div>
        <button className="tri-close" onClick={onClose} aria-label={t('panelClose')} title={t('panelClose')} data-testid="panel-close">×</button>
      </header>
      <div className="tri-panel-body" ref={body}>{children}</div>
    </aside>
  );
}

/** One extract as a way back into its transcript, at the coded passage. */
export function ExtractQuote({ extract, showCode, meta, testId = 'cell-extract' }: { extract: Extract; showCode?: boolean; meta?: boolean; testId?: string }) {
  const t = useStrings(triangulationStrings);
  const { navigate } = useProject();
  return (
    <button
      className="tri-quote"
      onClick={() => navigate({ view: 'document', documentId: extract.documentId, focus: { start: extract.start, end: extract.end } })}
      title={t('openAt')}
      data-testid={testId}
      data-coding-id={extract.id}
    >
      <span className="tri-quote-text">{extract.quote}</span>
      {(meta || showCode) && (
        <span className="tri-quote-meta">
          {meta && (
            <>
              <span className="tri-quote-who">{extract.informantLabels.join(', ') || t('noInformant')}</span>
              {extract.informantTypes.length > 0 && <span> · {extract.informantTypes.join(', ')}</span>}
              <span> · {extract.documentTitle}</span>
            </>
          )}
          {showCode && <span className="tri-quote-code">{t('viaCode', { code: extract.codeName })}</span>}
        </span>
      )}
    </button>
  );
}
