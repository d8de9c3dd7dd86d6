import { useState } from 'react';
import type { Args } from '../../../src/api/contract';
import { useStrings } from '../../i18n/i18n';
import { ApiError, invoke } from '../../lib/api';
import { useProject } from '../../lib/state';
import { copyText } from '../../lib/copy-text';
import { downloadText } from '../../lib/download';
import { toTsv, type TextTable } from './table-text';
import { triangulationStrings } from './strings';

/**
 * "Copy" (the table as shown, tab-separated, for Word or Excel) and "Export CSV" (the
 * project's CSV of the same table, saved as a file). Where the clipboard is refused, the
 * text is shown to copy by hand rather than lost.
 */
export function TableActions({ table, csv, disabled }: { table: () => TextTable; csv: Args<'export.csv'>; disabled: boolean }) {
  const t = useStrings(triangulationStrings);
  const { notify } = useProject();
  const [manual, setManual] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const copy = async () => {
    const rows = table();
    const text = toTsv(rows);
    if (await copyText(text)) notify({ tone: 'info', message: t('copied', { n: rows.length - 1 }) });
    else setManual(text);
  };
  const exportCsv = async () => {
    setBusy(true);
    try {
      // A query, not a change: no need to refresh every view as run() would.
      const { csv: text, fileName } = await invoke('export.csv', csv);
      downloadText(text, fileName);
      notify({ tone: 'info', message: t('exported', { file: fileName }) });
    } catch (error) {
      const info = error instanceof ApiError ? error : new ApiError({ kind: 'internal', message: String(error) });
      notify({ tone: 'error', message: info.message, ...(info.details ? { details: info.details } : {}) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="tri-actions">
      <button onClick={() => void copy()} disabled={disabled} title={t('copyHint')} data-testid="copy-table">{t('copy')}</button>
      <button onClick={() => void exportCsv()} disabled={disabled || busy} title={t('exportHint')} data-testid="export-csv">{t('exportCsv')}</button>
      {manual !== null && (
        <div className="tri-manual" role="dialog" aria-label={t('copyTitle')} onKeyDown={(e) => { if (e.key === 'Escape') { e.stopPropagation(); setManual(null); } }}>
          <p>{t('copyManual')}</p>
          <textarea readOnly value={manual} rows={10} autoFocus onFocus={(e) => e.currentTarget.select()} data-testid="copy-text" />
          <div className="tri-manual-actions"><button className="primary" onClick={() => setManual(null)}>{t('close')}</button></div>
        </div>
      )}
    </div>
  );
}
