import type { ReactNode } from 'react';
import { Modal } from './Modal';

/** The test ids of a confirmation's parts; each prompt keeps its own so tests can tell them apart. */
export interface ConfirmTestIds {
  readonly dialog?: string;
  readonly confirm?: string;
  readonly cancel?: string;
}

/**
 * Asks before an action: it says what happens, the confirm button goes ahead, Cancel, × or
 * Escape leaves everything as it was. A destructive action (`danger`, the default) has a red
 * confirm button. The focus starts on the confirm button, so Enter goes ahead; where going ahead
 * by reflex would cost too much, `focus="cancel"` starts on Cancel instead.
 */
export function ConfirmDialog({ title, message, confirmLabel, cancelLabel, onConfirm, onCancel, danger = true, focus = 'confirm', busy = false, testIds = {} }: {
  title: string;
  message: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  danger?: boolean;
  focus?: 'confirm' | 'cancel';
  /** While the confirmed action runs: both buttons are disabled and the dialog stays open. */
  busy?: boolean;
  testIds?: ConfirmTestIds;
}) {
  return (
    <Modal
      title={title}
      onClose={onCancel}
      busy={busy}
      testId={testIds.dialog ?? 'confirm-dialog'}
      footer={(
        <>
          <button type="button" onClick={onCancel} disabled={busy} data-autofocus={focus === 'cancel' || undefined} data-testid={testIds.cancel ?? 'confirm-cancel'}>
            {cancelLabel}
          </button>
          <button
            type="button"
            className={danger ? 'primary danger-fill' : 'primary'}
            onClick={onConfirm}
            disabled={busy}
            data-autofocus={focus === 'confirm' || undefined}
            data-testid={testIds.confirm ?? 'confirm-ok'}
          >
            {confirmLabel}
          </button>
        </>
      )}
    >
      <div className="confirm-message">{message}</div>
    </Modal>
  );
}
