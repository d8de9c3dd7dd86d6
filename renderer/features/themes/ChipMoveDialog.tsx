import type { Code, Theme } from '../../../src/domain/types';
import { useStrings } from '../../i18n/i18n';
import { Modal } from '../../lib/Modal';
import { themesStrings } from './strings';

/**
 * A code chip dragged from one theme card onto another: move it, or keep it in both.
 * Never decided silently, since a code in two themes changes both themes' evidence.
 */
export function ChipMoveDialog({ code, from, to, onMove, onAlsoAdd, onCancel }: {
  code: Code;
  from: Theme;
  to: Theme;
  onMove: () => void;
  onAlsoAdd: () => void;
  onCancel: () => void;
}) {
  const t = useStrings(themesStrings);
  return (
    <Modal
      title={t('chipDropTitle', { code: code.name, to: to.name })}
      onClose={onCancel}
      testId="chip-move-dialog"
      footer={(
        <>
          <button onClick={onCancel}>{t('cancel')}</button>
          <button onClick={onAlsoAdd} data-testid="chip-also-add">{t('chipAlsoAdd')}</button>
          <button className="primary" onClick={onMove} autoFocus data-testid="chip-move">{t('chipMove')}</button>
        </>
      )}
    >
      <p>{t('chipDropExplain', { code: code.name, from: from.name, to: to.name })}</p>
    </Modal>
  );
}
