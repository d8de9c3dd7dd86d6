import { useStrings } from '../../i18n/i18n';
import { downloadBlob } from '../../lib/download';
import { useProject, useQuery } from '../../lib/state';
import { useTableExport } from '../export/table-export';
import { deidStrings } from './strings';

/** The key (real name ↔ pseudonym) the project keeps, with its own CSV and Excel export. */
export function DeidKeyTable() {
  const t = useStrings(deidStrings);
  const { notify } = useProject();
  const key = useQuery('deid.key', {});
  const { tableFile } = useTableExport();
  const rows = key.data ?? [];
  const save = (format: 'csv' | 'xlsx') => void tableFile({ table: 'deidKey' }, format)
    .then(({ blob, fileName }) => downloadBlob(blob, fileName), (e: unknown) => notify({ tone: 'error', message: e instanceof Error ? e.message : String(e) }));
  return (
    <section className="deid-section" data-testid="deid-key">
      <h3>{t('keyTitle', { count: rows.length })}</h3>
      <p className="muted">{t('keyWhy')}</p>
      {rows.length === 0 ? <p className="muted">{t('keyEmpty')}</p> : (
        <>
          <table className="deid-table">
            <thead><tr><th>{t('realName')}</th><th>{t('pseudonym')}</th><th>{t('kind')}</th><th className="num">{t('replaced')}</th></tr></thead>
            <tbody>
              {rows.map((k) => (
                <tr key={k.id} data-testid="deid-key-row"><td>{k.name}</td><td><code>{k.pseudonym}</code></td><td>{t(`kind_${k.kind}`)}</td><td className="num">{k.replaced}</td></tr>
              ))}
            </tbody>
          </table>
          <p className="deid-actions">
            <button onClick={() => save('csv')} data-testid="deid-key-csv">{t('exportCsv')}</button>
            <button onClick={() => save('xlsx')} data-testid="deid-key-xlsx">{t('exportXlsx')}</button>
          </p>
        </>
      )}
    </section>
  );
}
