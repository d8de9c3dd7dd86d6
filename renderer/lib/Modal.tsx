import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useStrings } from '../i18n/i18n';
import { modalStrings } from './modal-strings';
import './modal.css';

const FOCUSABLE = 'input:not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled]), [href], [tabindex]:not([tabindex="-1"])';

/** Widths: small for a question, medium for a short form, large for lists and tables. */
export type ModalSize = 'small' | 'medium' | 'large';

/**
 * The one modal dialog of the renderer, labelled by its title. Escape or × closes it (not while
 * busy), Tab stays inside, and focus returns to where it was (the row, card or button that opened
 * it) when it closes. A click on the backdrop does nothing, so a stray click never loses typed input.
 * It opens with the focus on a child that took it (`autoFocus`), else on one marked
 * `data-autofocus`, else on the first control of the body, then of the footer.
 */
export function Modal({ title, onClose, children, footer, testId, size = 'small', busy = false }: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  footer?: ReactNode;
  testId?: string;
  size?: ModalSize;
  /** While an action of the dialog runs: Escape and × do nothing, and the dialog says it is busy. */
  busy?: boolean;
}) {
  const t = useStrings(modalStrings);
  const titleId = useId();
  const box = useRef<HTMLDivElement>(null);
  // Read during the first render, before an autoFocus child takes the focus.
  const [before] = useState(() => (document.activeElement instanceof HTMLElement ? document.activeElement : null));

  useEffect(() => {
    const dialog = box.current;
    if (dialog && !dialog.contains(document.activeElement)) {
      const first = dialog.querySelector<HTMLElement>('[data-autofocus]:not([disabled])')
        ?? dialog.querySelector<HTMLElement>(`.modal-body :is(${FOCUSABLE})`)
        ?? dialog.querySelector<HTMLElement>(`.modal-footer :is(${FOCUSABLE})`)
        ?? dialog.querySelector<HTMLElement>(FOCUSABLE);
      first?.focus();
    }
    return () => { if (before?.isConnected) before.focus(); };
  }, [before]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      if (!busy) onClose();
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
    <div className="modal-backdrop">
      <div
        ref={box}
        className={`modal modal-${size}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-busy={busy || undefined}
        onKeyDown={onKeyDown}
        data-testid={testId}
      >
        <header className="modal-header">
          <h2 id={titleId}>{title}</h2>
          <button type="button" className="modal-close" onClick={onClose} disabled={busy} aria-label={t('close')} title={t('close')}>×</button>
        </header>
        <div className="modal-body">{children}</div>
        {footer && <footer className="modal-footer">{footer}</footer>}
      </div>
    </div>
  );
}
