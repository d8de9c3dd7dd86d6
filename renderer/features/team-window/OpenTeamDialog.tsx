import { useState } from 'react';
import { defineStrings, useStrings } from '../../i18n/i18n';
import { ApiError, openTeamServer } from '../../lib/api';
import { Modal } from '../../lib/Modal';
import './team-window.css';

const strings = defineStrings({
  en: {
    title: 'Open a team project',
    intro: 'A team project lives on your team\'s Tematik server. Its pages open in a window of their own, beside the projects on this computer; you log in there with the account the server\'s administrator gave you.',
    address: 'Server address',
    placeholder: 'https://tematik.example.ac.id',
    open: 'Open',
    cancel: 'Cancel',
  },
  id: {
    title: 'Buka proyek tim',
    intro: 'Proyek tim tersimpan di server Tematik tim Anda. Halamannya terbuka di jendela tersendiri, di samping proyek di komputer ini; Anda masuk di sana dengan akun yang diberikan pengelola server.',
    address: 'Alamat server',
    placeholder: 'https://tematik.example.ac.id',
    open: 'Buka',
    cancel: 'Batal',
  },
});

/** File › Open Team Project… in the desktop app: asks for the server's address; main opens its window (main/team-origin.ts). */
export function OpenTeamDialog({ onClose }: { onClose: () => void }) {
  const t = useStrings(strings);
  const [address, setAddress] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    setBusy(true);
    try {
      await openTeamServer(address);
      onClose();
    } catch (failure) {
      setError(ApiError.from(failure).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      title={t('title')} onClose={onClose} busy={busy} size="medium" testId="open-team-dialog"
      footer={(
        <>
          <button onClick={onClose} disabled={busy}>{t('cancel')}</button>
          <button className="primary" onClick={() => void submit()} disabled={busy || address.trim() === ''} data-testid="open-team-submit">{t('open')}</button>
        </>
      )}
    >
      <form className="tw-form" onSubmit={(event) => { event.preventDefault(); if (address.trim() !== '') void submit(); }}>
        <p>{t('intro')}</p>
        <label>
          {t('address')}
          <input
            type="url" inputMode="url" autoComplete="url" spellCheck={false} value={address} placeholder={t('placeholder')} data-autofocus
            onChange={(event) => { setAddress(event.target.value); setError(null); }} data-testid="open-team-address"
          />
        </label>
        {error && <p className="tw-error" role="alert" data-testid="open-team-error">{error}</p>}
      </form>
    </Modal>
  );
}
