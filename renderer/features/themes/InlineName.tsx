import { useRef, useState } from 'react';

/** A name edited in place: Enter or leaving the field saves, Esc cancels. */
export function InlineName({ value, label, className, testId, onSave, onCancel }: {
  value: string;
  label: string;
  className: string;
  testId: string;
  onSave: (name: string) => void;
  onCancel: () => void;
}) {
  const [name, setName] = useState(value);
  // Enter or Esc ends the edit; the blur that follows as the input goes must not save again.
  const done = useRef(false);
  const finish = (save: boolean) => {
    if (done.current) return;
    done.current = true;
    if (save && name.trim() && name.trim() !== value) onSave(name.trim());
    else onCancel();
  };
  return (
    <input
      className={className}
      autoFocus
      value={name}
      maxLength={200}
      aria-label={label}
      onFocus={(e) => e.currentTarget.select()}
      onChange={(e) => setName(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') { e.preventDefault(); finish(true); }
        if (e.key === 'Escape') { e.preventDefault(); e.stopPropagation(); finish(false); }
      }}
      onBlur={() => finish(true)}
      data-testid={testId}
    />
  );
}
