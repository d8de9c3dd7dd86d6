import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

/**
 * A button with a panel under it: Esc, a click outside or the close callback hides it, and
 * focus goes back to the button. Used for the syntax help and the document picker, which
 * are glanced at, not worked in, so no modal.
 */
export function Popover({ label, title, className, testId, align = 'start', children }: {
  label: ReactNode;
  title?: string;
  className?: string;
  testId?: string;
  align?: 'start' | 'end';
  children: (close: () => void) => ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  useEffect(() => {
    if (!open) return;
    const onDown = (event: MouseEvent) => {
      if (!box.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [open]);
  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  return (
    <div className="sr-popover" ref={box} onKeyDown={(e) => { if (e.key === 'Escape' && open) { e.stopPropagation(); close(); } }}>
      <button
        ref={button} type="button" className={className} title={title} aria-expanded={open} aria-controls={open ? panelId : undefined}
        onClick={() => setOpen((o) => !o)} data-testid={testId}
      >{label}</button>
      {open && <div id={panelId} className={`sr-popover-panel${align === 'end' ? ' sr-align-end' : ''}`} role="dialog" aria-label={title}>{children(close)}</div>}
    </div>
  );
}
