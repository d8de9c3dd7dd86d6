import { useState } from 'react';
import type { Args } from '../../../src/api/contract';
import { useStrings } from '../../i18n/i18n';
import { ApiError } from '../../lib/api';
import { useProject } from '../../lib/state';
import { copyText } from '../../lib/copy-text';
import { Modal } from '../../lib/Modal';
import { downloadBlob } from '../../lib/download';
import { DelimiterSelect } from '../export/DelimiterSelect';
import { useTableExport, type TableFormat } from '../export/table-export';
import { toTsv, type TextTable } from './table-text';
import { triangulationStrings } from './strings';

/**
 * "Copy" (the table as shown, tab-separated, for Word or Excel), and the project's file of the
 * same table as CSV (with the separator the user's Excel expects) or as an Excel workbook.
 * Where the clipboard is refused, the text is shown to copy by hand rather than lost.
 */
export function TableActions({ table, exportArgs, disabled }: { table: () => TextTable; exportArgs: Args<'export.table'>; disabled: boolean }) {
  const t = useStrings(triangulationStrings);
  const { notify } = useProject();
  const { delimiter, setDelimiter, tableFile } = useTableExport();
  const [manual, setManual] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const copy = async () => {
    const rows = table();
    const text = toTsv(rows);
    if (await copyText(text)) notify({ tone: 'info', message: t('copied', { n: rows.length - 1 }) });
    else setManual(text);
  };
  const save = async (format: TableFormat) => {
    setBusy(true);
    try {
      const { blob, fileName } = await tableFile(exportArgs, format);
      downloadBlob(blob, fileName);
      notify({ tone: 'info', message: t('exported', { file: fileName }) });
    } catch (error) {
      const info = error instanceof ApiError ? error : new ApiError({ kind: 'internal', message: error instanceof Error ? error.message : String(error) });
      notify({ tone: 'error', message: info.message, ...(info.details ? { details: info.details } : {}) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="tri-actions">
      <button onClick={() => void copy()} disabled={disabled} title={t('copyHint')} data-testid="copy-table">{t('copy')}</button>
      <button onClick={() => void save('xlsx')} disabled={disabled || busy} title={t('exportXlsxHint')} data-testid="export-xlsx">{t('exportXlsx')}</button>
      <span className="tri-csv">
        <button onClick={() => void save('csv')} disabled={disabled || busy} title={t('exportHint')} data-testid="export-csv">{t('exportCsv')}</button>
        <DelimiterSelect value={delimiter} onChange={setDelimiter} disabled={disabled || busy} testId="export-delimiter" />
      </span>
      {manual !== null && (
        <Modal title={t('copyTitle')} onClose={() => setManual(null)} size="large" footer={<button className="primary" onClick={() => setManual(null)}>{t('close')}</button>}>
          <p>{t('copyManual')}</p>
          <textarea className="tri-manual-text" readOnly value={manual} rows={10} autoFocus onFocus={(e) => e.currentTarget.select()} data-testid="copy-text" />
        </Modal>
      )}
    </div>
  );
}
