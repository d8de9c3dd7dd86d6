import { useState, type FormEvent } from 'react';
import type { ShareResult } from '../../../src/domain/deid';
import { useLanguage, useStrings } from '../../i18n/i18n';
import { Modal } from '../../lib/Modal';
import { useProject, useQuery } from '../../lib/state';
import { toggled } from './deid-model';
import { deidStrings } from './strings';

/** The .qdpx written beside a copy: the same name with the exchange format's extension. */
export const qdpxBeside = (path: string): string => path.replace(/\.tematik$/i, '') + '.qdpx';

/**
 * "Share a de-identified copy…": where to write it (the native save dialog, or a typed path in
 * browser mode), a .qdpx beside it or not, the attributes to withhold; then the report of what was
 * replaced and what still looks like a name. The open project is not changed.
 */
export function ShareDeidentifiedDialog({ placeholder, onClose }: { placeholder: string | undefined; onClose: () => void }) {
  const t = useStrings(deidStrings);
  const { language } = useLanguage();
  const { app, run } = useProject();
  const dialogs = app?.dialogs === true;
  const attributes = useQuery('attributes.list', {});
  const [path, setPath] = useState('');
  const [qdpx, setQdpx] = useState(true);
  const [withheld, setWithheld] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [made, setMade] = useState<ShareResult | null>(null);

  const choose = async () => {
    const paths = await run('app.choosePaths', { kind: 'saveCopy' }).catch(() => null);
    if (paths?.[0]) setPath(paths[0]);
  };
  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    const out = path.trim();
    if (!out) return setError(t('pathMissing'));
    setBusy(true);
    setError(null);
    try {
      setMade(await run('deid.share', {
        path: out, ...(qdpx ? { qdpxPath: qdpxBeside(out) } : {}), ...(placeholder ? { placeholder } : {}),
        withholdAttributes: [...withheld], language,
      }, { quiet: true }));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  if (made) {
    return (
      <Modal title={t('shareTitle')} onClose={onClose} size="large" testId="deid-share-dialog" footer={<button className="primary" onClick={onClose} data-autofocus data-testid="deid-share-close">{t('close')}</button>}>
        <p role="status" data-testid="deid-share-done">
          {t('written', { path: made.path })}{made.qdpxPath ? ` ${t('qdpxWritten', { path: made.qdpxPath })}` : ''}
        </p>
        <p className="muted">{t('reportAt', { path: made.reportPath })}</p>
        <pre className="deid-report" data-testid="deid-share-report">{made.report}</pre>
      </Modal>
    );
  }
  return (
    <Modal
      title={t('shareTitle')}
      onClose={onClose}
      size="medium"
      busy={busy}
      testId="deid-share-dialog"
      footer={(
        <>
          <button onClick={onClose} disabled={busy}>{t('cancel')}</button>
          <button className="primary" onClick={() => void submit()} disabled={busy} data-testid="deid-share-submit">{busy ? t('writing') : t('writeCopy')}</button>
        </>
      )}
    >
      <form onSubmit={(e) => void submit(e)}>
        <p className="muted">{t('shareWhy')}</p>
        <div className="field">
          <span>{t('saveTo')}</span>
          {dialogs ? (
            <div className="deid-chosen">
              {path ? <span className="deid-path" title={path}>{path}</span> : <span className="muted">{t('nothingChosen')}</span>}
              <button type="button" onClick={() => void choose()} disabled={busy} data-testid="deid-share-choose">{path ? t('change') : t('chooseSave')}</button>
            </div>
          ) : (
            <input value={path} onChange={(e) => setPath(e.target.value)} placeholder={t('pathPlaceholder')} disabled={busy} spellCheck={false} className="deid-path" data-testid="deid-share-path" autoFocus />
          )}
        </div>
        <label className="deid-check">
          <input type="checkbox" checked={qdpx} onChange={(e) => setQdpx(e.target.checked)} disabled={busy} data-testid="deid-share-qdpx" />
          <span>{t('alsoQdpx')}</span>
        </label>
        <fieldset className="deid-withhold" disabled={busy}>
          <legend>{t('withhold')}</legend>
          {(attributes.data ?? []).length === 0 ? <p className="muted">{t('noAttributes')}</p> : (attributes.data ?? []).map((a) => (
            <label key={a.id} className="deid-check">
              <input type="checkbox" checked={withheld.has(a.name)} onChange={(e) => setWithheld(toggled(withheld, a.name, e.target.checked))} data-testid="deid-withhold" data-attribute={a.name} />
              <span>{a.name}</span>
            </label>
          ))}
        </fieldset>
        {error && <p className="deid-error" role="alert" data-testid="deid-share-error">{error}</p>}
        <button type="submit" hidden />
      </form>
    </Modal>
  );
}
