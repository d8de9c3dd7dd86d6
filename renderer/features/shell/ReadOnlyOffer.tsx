import { useStrings } from '../../i18n/i18n';
import { ConfirmDialog } from '../../lib/ConfirmDialog';
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
    <ConfirmDialog
      title={t('offerTitle')}
      message={(
        <>
          <p role="alert">{offer.message}</p>
          <p className="muted">{t('offerHint')}</p>
        </>
      )}
      confirmLabel={t('openReadOnly')}
      cancelLabel={t('cancel')}
      onConfirm={openReadOnly}
      onCancel={dismissOffer}
      danger={false}
      testIds={{ dialog: 'read-only-offer', confirm: 'offer-read-only', cancel: 'offer-cancel' }}
    />
  );
}
