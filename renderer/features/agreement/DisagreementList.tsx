import type { Args } from '../../../src/api/contract';
import type { AgreementDisagreement } from '../../../src/domain/agreement';
import type { CodeId, CoderId, Utf16Offset } from '../../../src/domain/ids';
import { useLanguage, useStrings } from '../../i18n/i18n';
import { useProject, useQuery } from '../../lib/state';
import { useGrowingLimit } from '../../lib/use-growing-limit';
import { TableActions } from '../triangulation/TableActions';
import type { TextTable } from '../triangulation/table-text';
import { disagreementArgs, disagreementValues, type ShownValue } from './agreement-model';
import { agreementStrings } from './strings';

/**
 * The units the coders disagree on for one code (or the group) or one document, each with every
 * coder's value and its text; each opens the transcript at the passage.
 */
export function DisagreementList({ args, target, title, coders, onClose }: {
  args: Args<'analysis.agreement'>; target: { readonly codeId: number } | { readonly documentId: number }; title: string;
  coders: readonly { readonly id: number; readonly name: string; readonly colour: string }[]; onClose: () => void;
}) {
  const t = useStrings(agreementStrings);
  const { language } = useLanguage();
  const { navigate } = useProject();
  const query = disagreementArgs(args, target);
  const list = useQuery('analysis.agreementDisagreements', query);
  const items = list.data ?? [];
  const { limit, sentinel } = useGrowingLimit(items.length);
  const shown = (value: ShownValue) => (value.kind === 'value' ? value.name : value.kind === 'none' ? t('none') : t('missing'));
  const table = (): TextTable => [
    [t('colDocument'), t('code'), ...coders.map((c) => c.name), t('text')],
    ...items.map((item) => [item.documentTitle, item.codeName, ...disagreementValues(item, coders).map(shown), item.text]),
  ];
  const open = (item: AgreementDisagreement) => navigate({ view: 'document', documentId: item.documentId, focus: { start: item.start as Utf16Offset, end: item.end as Utf16Offset } });
  // Two coders compared: the comparison view settles the disagreement where it is (keep one, both, or a consensus).
  const pair = coders.length === 2 ? [coders[0]!.id as CoderId, coders[1]!.id as CoderId] as const : null;
  // A code group's disagreement is on any of its sub-codes: the view then shows every code.
  const compare = (item: AgreementDisagreement) => pair && navigate({
    view: 'compare', documentId: item.documentId, coderIds: pair, ...(args.groupId === undefined ? { codeId: item.codeId as CodeId } : {}),
  });

  return (
    <aside className="ag-drill" aria-label={t('disagreementsFor', { name: title })} data-testid="agreement-disagreements">
      <header className="ag-drill-head">
        <h2>{t('disagreementsFor', { name: title })}</h2>
        <button onClick={onClose} aria-label={t('close')} data-testid="agreement-drill-close">×</button>
      </header>
      <div className="ag-drill-bar">
        <span className="muted">{list.loading ? t('loadingDisagreements') : t('disagreementCount', { n: items.length })}</span>
        <TableActions table={table} disabled={list.loading || items.length === 0}
          exportArgs={{ table: 'agreementDisagreements', agreement: query, language }} />
      </div>
      {list.error && <p className="ag-error" role="alert">{list.error.message}</p>}
      {!list.loading && !list.error && items.length === 0 && <p className="muted">{t('noDisagreements')}</p>}
      <ol className="ag-drill-list">
        {items.slice(0, limit).map((item) => (
          <li key={`${item.documentId}:${item.codeId}:${item.start}`} className="ag-drill-item" data-testid="agreement-disagreement">
            <div className="ag-drill-where">
              <strong>{item.documentTitle}</strong> · <span>{item.codeName}</span>
            </div>
            <div className="ag-drill-values">
              {disagreementValues(item, coders).map((value, i) => (
                <span key={coders[i]!.id} className={`ag-value ${value.kind}`}>
                  <span className="ag-swatch" style={{ background: coders[i]!.colour }} />{coders[i]!.name}: {shown(value)}
                </span>
              ))}
            </div>
            <blockquote className="ag-drill-text">{item.text.trim()}</blockquote>
            <div className="ag-drill-actions">
              <button className="ag-open" onClick={() => open(item)} data-testid="agreement-open-transcript">{t('openTranscript')}</button>
              {pair && <button className="ag-open" onClick={() => compare(item)} data-testid="agreement-open-compare">{t('openCompare')}</button>}
            </div>
          </li>
        ))}
      </ol>
      {sentinel}
    </aside>
  );
}
