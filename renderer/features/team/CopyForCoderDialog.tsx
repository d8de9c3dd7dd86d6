import { useState, type FormEvent } from 'react';
import type { CopyForCoderResult } from '../../../src/domain/team';
import { useStrings } from '../../i18n/i18n';
import { Modal } from '../../lib/Modal';
import { useProject } from '../../lib/state';
import { teamStrings } from './strings';
import './team.css';

/**
 * "Make a copy for another coder…": who the copy is for, where to save it (the native save dialog,
 * or a typed path in browser mode), and whether their own codings go with it. The project itself is
 * not changed.
 */
export function CopyForCoderDialog({ onClose }: { onClose: () => void }) {
  const t = useStrings(teamStrings);
  const { app, run } = useProject();
  const dialogs = app?.dialogs === true;
  const [coder, setCoder] = useState('');
  const [path, setPath] = useState('');
  const [keepOwn, setKeepOwn] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [made, setMade] = useState<CopyForCoderResult | null>(null);

  const choose = async () => {
    const paths = await run('app.choosePaths', { kind: 'saveCopy' }).catch(() => null);
    if (paths?.[0]) setPath(paths[0]);
  };

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (!coder.trim()) return setError(t('nameMissing'));
    if (!path.trim()) return setError(t('pathMissing'));
    setBusy(true);
    setError(null);
    try {
      setMade(await run('team.copyForCoder', { path: path.trim(), coder: coder.trim(), keepOwn }, { quiet: true }));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  if (made) {
    return (
      <Modal title={t('copyTitle')} onClose={onClose} testId="copy-for-coder-dialog" footer={<button className="primary" onClick={onClose} data-autofocus data-testid="copy-for-coder-close">{t('close')}</button>}>
        <p role="status" data-testid="copy-for-coder-done">{t('copied', { coder: made.coder, path: made.path, documents: made.documents, codes: made.codes, codings: made.codings })}</p>
      </Modal>
    );
  }
  return (
    <Modal
      title={t('copyTitle')}
      onClose={onClose}
      busy={busy}
      testId="copy-for-coder-dialog"
      footer={(
        <>
          <button onClick={onClose} disabled={busy}>{t('cancel')}</button>
          <button className="primary" onClick={() => void submit()} disabled={busy} data-testid="copy-for-coder-submit">{busy ? t('making') : t('makeCopy')}</button>
        </>
      )}
    >
      <form onSubmit={(e) => void submit(e)}>
        <p className="muted">{t('copyWhy')}</p>
        <label className="field">
          <span>{t('coderName')}</span>
          <input autoFocus value={coder} onChange={(e) => setCoder(e.target.value)} placeholder={t('coderPlaceholder')} disabled={busy} data-testid="copy-for-coder-name" />
        </label>
        <div className="field">
          <span>{t('saveTo')}</span>
          {dialogs ? (
            <div className="team-chosen">
              {path ? <span className="team-path" title={path}>{path}</span> : <span className="muted">{t('nothingChosen')}</span>}
              <button type="button" onClick={() => void choose()} disabled={busy} data-testid="copy-for-coder-choose">{path ? t('change') : t('chooseSave')}</button>
            </div>
          ) : (
            <input value={path} onChange={(e) => setPath(e.target.value)} placeholder={t('pathPlaceholder')} disabled={busy} spellCheck={false} className="team-path" data-testid="copy-for-coder-path" />
          )}
        </div>
        <label className="team-check">
          <input type="checkbox" checked={keepOwn} onChange={(e) => setKeepOwn(e.target.checked)} disabled={busy} data-testid="copy-for-coder-keep-own" />
          <span><strong>{t('keepOwn')}</strong><br /><span className="muted">{t('keepOwnHint')}</span></span>
        </label>
        {error && <p className="team-error" role="alert">{error}</p>}
        <button type="submit" hidden />
      </form>
    </Modal>
  );
}
