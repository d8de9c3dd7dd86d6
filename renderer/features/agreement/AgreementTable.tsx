import type { AgreementUnit } from '../../../src/domain/agreement';
import { useFormatNumber, useLanguage, useStrings } from '../../i18n/i18n';
import { useEffect, useState } from 'react';
import { drillTarget, formatFigure, pageOf, PAGE_ROWS, type AgreementTableRow, type SortKey } from './agreement-model';
import { agreementStrings } from './strings';

type Figure = 'percent' | 'cohenKappa' | 'brennanPrediger' | 'alpha';

/**
 * The agreement table: the overall row pinned first, then the codes or the documents (with the
 * coders counted in each: every compared coder in a code's row, said once above), a page of
 * PAGE_ROWS at a time (a thousand documents, sorted again, must not block the page). A row with undefined
 * coefficients says why in place of them. Clicking a code or document row drills down.
 */
export function AgreementTable({ overall, rows, scope, unit, showCohen, group, sort, onSort, selected, onSelect }: {
  overall: AgreementTableRow; rows: readonly AgreementTableRow[]; scope: 'codes' | 'documents'; unit: AgreementUnit; showCohen: boolean; group: boolean;
  sort: { readonly key: SortKey; readonly descending: boolean }; onSort: (key: SortKey) => void;
  selected: string | null; onSelect: (row: AgreementTableRow) => void;
}) {
  const t = useStrings(agreementStrings);
  const { language } = useLanguage();
  const formatNumber = useFormatNumber();
  const [wanted, setPage] = useState(0);
  // Another sort, filter or tab starts again from the first page.
  useEffect(() => setPage(0), [rows]);
  const { rows: shown, page, pages } = pageOf(rows, wanted);
  const figures: readonly Figure[] = showCohen ? ['percent', 'cohenKappa', 'brennanPrediger', 'alpha'] : ['percent', 'brennanPrediger', 'alpha'];
  const headerOf = { percent: t('colPercent'), cohenKappa: t('colCohen'), brennanPrediger: t('colBp'), alpha: t('colAlpha') };
  const firstColumn = scope === 'documents' ? t('colDocument') : group ? t('colGroup') : t('colCode');

  const header = (key: SortKey, label: string, numeric: boolean) => (
    <th key={key} className={numeric ? 'num' : ''} aria-sort={sort.key === key ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
      <button className="ag-sort" onClick={() => onSort(key)} title={t('sortBy', { column: label })} data-testid={`agreement-sort-${key}`}>
        {label}{sort.key === key ? (sort.descending ? ' ▾' : ' ▴') : ''}
      </button>
    </th>
  );
  const line = (row: AgreementTableRow) => {
    const clickable = drillTarget(row) !== null;
    const open = () => { if (clickable) onSelect(row); };
    return (
      <tr key={row.key} className={`${row.scope === 'overall' ? 'ag-overall' : 'ag-row'}${clickable ? ' clickable' : ''}${selected === row.key ? ' selected' : ''}`}
        onClick={open} tabIndex={clickable ? 0 : undefined} aria-selected={clickable ? selected === row.key : undefined}
        onKeyDown={(e) => { if (clickable && (e.key === 'Enter' || e.key === ' ')) { e.preventDefault(); open(); } }}
        data-testid={`agreement-row-${row.key}`}>
        <th scope="row" className="ag-label">
          <span>{row.scope === 'overall' ? t('overall') : row.label}</span>
          {row.empty && <small className="ag-empty-reason" data-testid="agreement-empty-reason">{t(`empty_${row.empty}`)}</small>}
        </th>
        {scope === 'documents' && <td className="ag-coders">{row.coderNames}</td>}
        <td className="num">{formatNumber(row.units)}</td>
        <td className="num">{formatNumber(row.disagreements)}</td>
        {figures.map((figure) => {
          const value = row[figure];
          return (
            <td key={figure} className={`num${value === null ? ' ag-undefined' : ''}`} data-testid={`agreement-${figure}`}
              title={value === null && row.empty ? t(`empty_${row.empty}`) : undefined}>
              {value === null ? '–' : formatFigure(value, figure === 'percent' ? 'percent' : 'coefficient', language)}
            </td>
          );
        })}
      </tr>
    );
  };

  return (
    <>
      <div className="ag-scroll">
        <table className="ag-table" data-testid="agreement-table">
          <thead>
            <tr>
              {header('label', firstColumn, false)}
              {scope === 'documents' && <th className="ag-coders-head">{t('colCoders')}</th>}
              {header('units', t('colUnits', { unit: t(`units_${unit}`) }), true)}
              {header('disagreements', t('colDisagreements'), true)}
              {figures.map((figure) => header(figure, headerOf[figure], true))}
            </tr>
          </thead>
          <tbody>
            {line(overall)}
            {shown.map(line)}
          </tbody>
        </table>
      </div>
      {pages > 1 && (
        <nav className="ag-pager" aria-label={t('pages')} data-testid="agreement-pager">
          <button onClick={() => setPage(page - 1)} disabled={page === 0} data-testid="agreement-page-previous">‹ {t('previous')}</button>
          <span>{t('rowsShown', { from: page * PAGE_ROWS + 1, to: page * PAGE_ROWS + shown.length, total: rows.length })}</span>
          <button onClick={() => setPage(page + 1)} disabled={page === pages - 1} data-testid="agreement-page-next">{t('next')} ›</button>
        </nav>
      )}
    </>
  );
}
