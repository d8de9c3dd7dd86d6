import { useState } from 'react';
import type { Args } from '../../../src/api/contract';
import { useStrings } from '../../i18n/i18n';
import { invoke } from '../../lib/api';
import { base64Blob, CSV_TYPE, XLSX_TYPE } from './download';
import { exportStrings } from './strings';

export type TableFormat = 'csv' | 'xlsx';
export type Delimiter = 'comma' | 'semicolon';
export const DELIMITERS: readonly Delimiter[] = ['comma', 'semicolon'];

const DELIMITER_KEY = 'tematik.export.delimiter';

const rememberedDelimiter = (): Delimiter => (globalThis.localStorage?.getItem(DELIMITER_KEY) === 'semicolon' ? 'semicolon' : 'comma');

/**
 * Table exports as every view offers them: the CSV separator the user chose last (it follows
 * the spreadsheet on their machine, not the table, so it is remembered once for all views),
 * and the core's file of a table, named after the project, ready to save.
 */
export function useTableExport() {
  const t = useStrings(exportStrings);
  const [delimiter, setState] = useState<Delimiter>(rememberedDelimiter);
  const setDelimiter = (next: Delimiter) => {
    setState(next);
    globalThis.localStorage?.setItem(DELIMITER_KEY, next);
  };
  const tableFile = async (args: Args<'export.table'>, format: TableFormat): Promise<{ blob: Blob; fileName: string }> => {
    // A query, not a change: invoked directly so the views are not all re-read for a download.
    const { base64, fileName } = await invoke('export.table', { ...args, format, ...(format === 'csv' ? { delimiter } : {}) });
    if (base64 === null) throw new Error(t('noFile'));
    return { blob: base64Blob(base64, format === 'xlsx' ? XLSX_TYPE : CSV_TYPE), fileName };
  };
  return { delimiter, setDelimiter, tableFile };
}
