import { useEffect, useRef, useState } from 'react';

/**
 * Text that is edited in place, like a spreadsheet cell: it commits on Enter or when focus
 * leaves, Escape puts the old value back. Nothing is sent when the value did not change.
 */
export function InlineText({ value, onCommit, onFinish, label, placeholder, className, testId, align, required = false, autoFocus = false, readOnly = false }: {
  value: string;
  onCommit: (next: string) => Promise<unknown> | void;
  /** Called once editing ends, whether something was saved, refused or left as it was. */
  onFinish?: () => void;
  /** Accessible name; the cell has no visible label of its own. */
  label: string;
  placeholder?: string;
  className?: string;
  testId?: string;
  align?: 'left' | 'right';
  /** An empty value is refused (the old one comes back), e.g. for a label. */
  required?: boolean;
  /** Focus and select the text on mount, for a field that appears on request (rename). */
  autoFocus?: boolean;
  /** Shown, selectable and copyable, never edited (a reviewer of a team project). */
  readOnly?: boolean;
}) {
  const [draft, setDraft] = useState(value);
  const editing = useRef(false);
  const cancelled = useRef(false);
  // A value changed elsewhere (undo, another view) shows up unless the user is typing.
  useEffect(() => { if (!editing.current) setDraft(value); }, [value]);

  const commit = () => {
    editing.current = false;
    if (cancelled.current) {
      cancelled.current = false;
      setDraft(value);
      onFinish?.();
      return;
    }
    const next = draft.trim();
    if (next === value.trim() || (required && next === '')) {
      setDraft(value);
      onFinish?.();
      return;
    }
    const pending = onCommit(next);
    if (!pending) {
      onFinish?.();
      return;
    }
    void Promise.resolve(pending).then(() => onFinish?.(), () => { setDraft(value); onFinish?.(); });
  };

  return (
    <input
      className={`hm-inline-text${className ? ` ${className}` : ''}`}
      value={draft}
      aria-label={label}
      placeholder={placeholder}
      data-testid={testId}
      readOnly={readOnly}
      style={align === 'right' ? { textAlign: 'right' } : undefined}
      autoFocus={autoFocus}
      onFocus={(e) => { editing.current = true; if (autoFocus) e.currentTarget.select(); }}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          e.currentTarget.blur();
        } else if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          cancelled.current = true;
          e.currentTarget.blur();
        }
      }}
    />
  );
}
