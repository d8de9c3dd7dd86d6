import { useLayoutEffect, useRef, useState, type SyntheticEvent } from 'react';
import { useStrings } from '../../i18n/i18n';
import { transcriptStrings } from './strings';

interface Props {
  /** The turn's text as stored. */
  readonly initial: string;
  /** Saves the changed text; resolves true when it was saved (the editor then closes). */
  readonly onSave: (text: string) => Promise<boolean>;
  readonly onCancel: () => void;
  /** Splits the turn at the caret (offset into `initial`); absent for a block that is not a speaker turn. */
  readonly onSplit?: (caret: number) => Promise<boolean>;
}

/** Keys and clicks stay in the editor: the reader around it codes on C, 1–9 and mouse selections. */
const keep = (event: SyntheticEvent) => event.stopPropagation();

/**
 * One turn's text in a text box (edit mode): Enter, or leaving the box for anything but its own
 * buttons, saves it as one edit (the smallest change against the stored text,
 * src/domain/text-edits.ts diffEdit), Shift+Enter adds a line, Esc gives up. Only this turn's
 * text is ever sent, as a change against the text it was opened on.
 */
export function TurnEditor({ initial, onSave, onCancel, onSplit }: Props) {
  const t = useStrings(transcriptStrings);
  const [value, setValue] = useState(initial);
  const [busy, setBusy] = useState(false);
  const ref = useRef<HTMLTextAreaElement>(null);
  // Read at once, not at the next render: disabling the box while saving blurs it, and a closed editor may blur as it goes.
  const phase = useRef<'open' | 'saving' | 'closed'>('open');

  useLayoutEffect(() => {
    const box = ref.current;
    if (!box) return;
    box.style.height = 'auto';
    box.style.height = `${box.scrollHeight + 2}px`;
  }, [value]);
  useLayoutEffect(() => { ref.current?.focus(); }, []);

  const cancel = () => {
    phase.current = 'closed';
    onCancel();
  };
  const save = async () => {
    if (phase.current !== 'open') return;
    if (value === initial) {
      cancel();
      return;
    }
    phase.current = 'saving';
    setBusy(true);
    const saved = await onSave(value);
    phase.current = saved ? 'closed' : 'open';
    setBusy(false);
    if (!saved) ref.current?.focus();
  };
  const split = async () => {
    if (!onSplit || phase.current !== 'open' || !ref.current) return;
    if (value !== initial) {
      ref.current.focus();
      return;
    }
    phase.current = 'saving';
    setBusy(true);
    const saved = await onSplit(ref.current.selectionStart);
    phase.current = saved ? 'closed' : 'open';
    setBusy(false);
  };

  return (
    <div className="tv-editor" data-testid="turn-editor" onMouseDown={keep} onMouseUp={keep} onClick={keep} onKeyDown={keep}>
      <textarea
        ref={ref}
        className="tv-editor-text"
        value={value}
        aria-label={t('editTurnLabel')}
        spellCheck
        disabled={busy}
        onChange={(e) => setValue(e.target.value)}
        onBlur={(e) => {
          // Its own buttons (Save, Cancel, Split) decide for themselves; going anywhere else keeps what was typed.
          if (!e.currentTarget.parentElement?.contains(e.relatedTarget as Node | null)) void save();
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.shiftKey) {
            e.preventDefault();
            void save();
          } else if (e.key === 'Escape') {
            e.preventDefault();
            cancel();
          }
        }}
      />
      <div className="tv-editor-actions">
        <button type="button" className="primary" onClick={() => void save()} disabled={busy} data-testid="turn-editor-save">{t('editSave')}</button>
        <button type="button" onClick={cancel} disabled={busy}>{t('editCancel')}</button>
        {onSplit && (
          <button type="button" onClick={() => void split()} disabled={busy || value !== initial} title={t('splitHint')} data-testid="turn-editor-split">{t('splitHere')}</button>
        )}
        <span className="muted tv-editor-hint">{value !== initial && onSplit ? t('saveBeforeSplit') : t('editKeys')}</span>
      </div>
    </div>
  );
}
