import { useRef, useState } from 'react';
import type { Extract, Theme, ThemeReview } from '../../../src/domain/types';
import { useStrings } from '../../i18n/i18n';
import { findExtract } from './review-model';
import { themesStrings } from './strings';
import { useMayChange } from '../../lib/team-context';

/**
 * Phase 5 in one panel: the exemplar quote that shows the theme at its clearest, what
 * the theme is about, what it is not, and its key finding in a sentence (the report's
 * findings table). Each text saves when the field is left.
 */
export function DefinePanel({ theme, groups, onSave, onClearExemplar, onOpenExtract }: {
  theme: Theme;
  groups: ThemeReview['groups'];
  /** Rejects when the store refuses; the draft stays so nothing typed is lost. */
  onSave: (changes: { definition?: string; scope?: string; finding?: string }) => Promise<void>;
  onClearExemplar: () => void;
  onOpenExtract: (extract: Extract) => void;
}) {
  const t = useStrings(themesStrings);
  const mayChange = useMayChange();
  const exemplar = findExtract(groups, theme.exemplarCodingId);
  return (
    <section className="tr-panel tr-define" aria-labelledby="tr-define-title">
      <h2 id="tr-define-title" className="tr-panel-title">{t('defineTitle')}</h2>
      <div className="tr-exemplar-block">
        <span className="tr-field-label">{t('exemplar')}</span>
        {exemplar ? (
          <figure className="tr-exemplar" data-testid="theme-exemplar">
            <blockquote className="tr-exemplar-quote">
              <button className="tr-exemplar-open" onClick={() => onOpenExtract(exemplar)} title={t('openAt')}>{exemplar.quote}</button>
            </blockquote>
            <figcaption className="tr-exemplar-source">
              — {[exemplar.informantLabels.join(', '), exemplar.documentTitle].filter(Boolean).join(', ')}
              {mayChange && <button className="link tr-exemplar-clear" onClick={onClearExemplar} data-testid="exemplar-clear">{t('clearExemplar')}</button>}
            </figcaption>
          </figure>
        ) : (
          <p className="tr-exemplar-empty muted">{theme.exemplarCodingId !== null ? t('exemplarGone') : t('noExemplar')}</p>
        )}
      </div>
      <SavedText
        label={t('definition')}
        value={theme.definition}
        placeholder={t('definitionPlaceholder')}
        rows={4}
        onSave={(definition) => onSave({ definition })}
        testId="definition-input"
      />
      <SavedText
        label={t('scope')}
        value={theme.scope}
        placeholder={t('scopePlaceholder')}
        rows={3}
        onSave={(scope) => onSave({ scope })}
        testId="scope-input"
      />
      <SavedText
        label={t('finding')}
        value={theme.finding}
        placeholder={t('findingPlaceholder')}
        rows={2}
        maxLength={2000}
        onSave={(finding) => onSave({ finding })}
        testId="finding-input"
      />
      {mayChange && <p className="tr-hint muted">{t('saveHint')}</p>}
    </section>
  );
}

/**
 * A textarea that saves on blur or Ctrl+Enter. While it has focus it holds a draft;
 * otherwise it shows the stored text, so an undo or another view's change shows up.
 */
export function SavedText({ label, value, placeholder, rows, onSave, testId, maxLength = 50000 }: {
  label: string;
  value: string;
  placeholder: string;
  rows: number;
  maxLength?: number;
  onSave: (text: string) => Promise<void>;
  testId: string;
}) {
  const t = useStrings(themesStrings);
  // A reviewer of a team project reads the text (and may select and copy it); it is not theirs to change.
  const mayChange = useMayChange();
  const [draft, setDraft] = useState<string | null>(null);
  const [state, setState] = useState<'idle' | 'saving' | 'saved' | 'failed'>('idle');
  // The text being saved: a blur right after Ctrl+Enter must not save it twice (two undo steps).
  const pending = useRef<string | null>(null);
  const area = useRef<HTMLTextAreaElement>(null);
  const save = (text: string, keepEditing: boolean) => {
    if (text === value || text === pending.current) {
      if (!keepEditing && pending.current === null) setDraft(null);
      return;
    }
    pending.current = text;
    setState('saving');
    onSave(text).then(
      () => { pending.current = null; setState('saved'); if (!keepEditing || document.activeElement !== area.current) setDraft(null); },
      () => { pending.current = null; setState('failed'); },
    );
  };
  return (
    <label className="tr-field">
      <span className="tr-field-label">
        {label}
        {state === 'saving' && <span className="tr-save-state">{t('saving')}</span>}
        {state === 'saved' && draft === null && <span className="tr-save-state ok">{t('saved')}</span>}
        {state === 'failed' && <span className="tr-save-state failed">{t('notSaved')}</span>}
      </span>
      <textarea
        ref={area}
        rows={rows}
        value={draft ?? value}
        placeholder={placeholder}
        maxLength={maxLength}
        readOnly={!mayChange}
        onFocus={() => setDraft((d) => d ?? value)}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={(e) => save(e.target.value, false)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); save(e.currentTarget.value, true); }
        }}
        data-testid={testId}
      />
    </label>
  );
}
