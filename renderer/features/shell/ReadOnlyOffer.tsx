import { useStrings } from '../../i18n/i18n';
import { Modal } from '../../lib/Modal';
import { useProject } from '../../lib/state';
import { accessStrings } from './access-strings';

/** Asked when the project to open is open for writing in another Tematik: open it read-only, or leave it. */
export function ReadOnlyOfferDialog() {
  const t = useStrings(accessStrings);
  const { offer, dismissOffer, run } = useProject();
  if (!offer) return null;
  const openReadOnly = () => {
    dismissOffer();
    void run('project.open', { path: offer.path, readOnly: true }).catch(() => undefined);
  };
  return (
    <Modal
      title={t('offerTitle')}
      onClose={dismissOffer}
      testId="read-only-offer"
      footer={(
        <>
          <button onClick={dismissOffer} data-testid="offer-cancel">{t('cancel')}</button>
          <button className="primary" onClick={openReadOnly} autoFocus data-testid="offer-read-only">{t('openReadOnly')}</button>
        </>
      )}
    >
      <p role="alert">{offer.message}</p>
      <p className="muted">{t('offerHint')}</p>
    </Modal>
  );
}
