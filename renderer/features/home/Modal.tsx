import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useStrings } from '../../i18n/i18n';
import { homeStrings } from './strings';
import './modal.css';

const FOCUSABLE = 'input:not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled]), [href], [tabindex]:not([tabindex="-1"])';

/**
 * A modal dialog: Escape closes it (unless busy), Tab stays inside, and focus returns to
 * where it was. Clicking the backdrop does nothing, so a stray click never loses typed input.
 */
export function Modal({ title, onClose, children, footer, testId, width = 560, busy = false }: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  footer?: ReactNode;
  testId?: string;
  width?: number;
  busy?: boolean;
}) {
  const t = useStrings(homeStrings);
  const titleId = useId();
  const box = useRef<HTMLDivElement>(null);
  const close = useRef(onClose);
  close.current = onClose;
  const busyRef = useRef(busy);
  busyRef.current = busy;

  useEffect(() => {
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const first = box.current?.querySelector<HTMLElement>('[autofocus], [data-autofocus]') ?? box.current?.querySelector<HTMLElement>(FOCUSABLE);
    first?.focus();
    return () => before?.focus();
  }, []);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && !busyRef.current) {
      event.stopPropagation();
      close.current();
    } else if (event.key === 'Tab' && box.current) {
      const items = [...box.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
      const first = items[0];
      const last = items[items.length - 1];
      if (!first || !last) return;
      if (event.shiftKey && document.activeElement === first) { event.preventDefault(); last.focus(); }
      else if (!event.shiftKey && document.activeElement === last) { event.preventDefault(); first.focus(); }
    }
  };

  return (
    <div className="hm-modal-backdrop">
      <div
        ref={box}
        className="hm-modal"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-busy={busy || undefined}
        style={{ width: `min(${width}px, calc(100vw - 32px))` }}
        onKeyDown={onKeyDown}
        data-testid={testId}
      >
        <header className="hm-modal-header">
          <h2 id={titleId}>{title}</h2>
          <button className="hm-modal-close" onClick={onClose} disabled={busy} aria-label={t('close')} title={t('close')}>×</button>
        </header>
        <div className="hm-modal-body">{children}</div>
        {footer && <footer className="hm-modal-footer">{footer}</footer>}
      </div>
    </div>
  );
}

/** Asks before a destructive action; the confirm button has the focus, Enter confirms, Escape cancels. */
export function ConfirmDialog({ title, message, confirmLabel, cancelLabel, onConfirm, onCancel }: {
  title: string;
  message: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  return (
    <Modal
      title={title}
      onClose={onCancel}
      width={440}
      testId="confirm-dialog"
      footer={(
        <>
          <button onClick={onCancel} data-testid="confirm-cancel">{cancelLabel}</button>
          <button className="primary hm-danger-fill" onClick={onConfirm} data-autofocus data-testid="confirm-ok">{confirmLabel}</button>
        </>
      )}
    >
      <div className="hm-confirm-message">{message}</div>
    </Modal>
  );
}
