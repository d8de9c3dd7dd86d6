import { useEffect, useId, useRef } from 'react';

/** A small confirmation: Enter or the confirm button goes ahead, Esc or a click outside cancels. */
export function ConfirmDialog({ title, body, confirm, cancel, onConfirm, onCancel }: {
  title: string;
  body: string;
  confirm: string;
  cancel: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const titleId = useId();
  const confirmButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    confirmButton.current?.focus();
    return () => { if (before?.isConnected) before.focus(); };
  }, []);
  return (
    <div className="map-backdrop" onMouseDown={(e) => { if (e.target === e.currentTarget) onCancel(); }}>
      <div
        className="map-dialog" role="alertdialog" aria-modal="true" aria-labelledby={titleId} data-testid="map-confirm"
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            onCancel();
          }
        }}
      >
        <h2 id={titleId}>{title}</h2>
        <p>{body}</p>
        <div className="map-dialog-actions">
          <button type="button" onClick={onCancel}>{cancel}</button>
          <button type="button" className="primary" ref={confirmButton} onClick={onConfirm} data-testid="map-confirm-ok">{confirm}</button>
        </div>
      </div>
    </div>
  );
}
