import { useEffect, useMemo, useRef, useState } from 'react';
import type { CodeId } from '../../../src/domain/ids';
import type { Code } from '../../../src/domain/types';
import { useStrings } from '../../i18n/i18n';
import { inEditable } from '../../lib/keys';
import { inVivoName } from './format';
import { pickerRows, type PickerRow } from './picker-rows';
import { transcriptStrings } from './strings';

/** What the user picked: an existing code, or a name to find or create. */
export type CodeChoice = { readonly codeId: CodeId } | { readonly codeName: string; readonly inVivo?: boolean };

export interface FloatPosition {
  readonly left: number;
  readonly top: number;
  /** Grow upwards from `top` instead of downwards (no room below the selection). */
  readonly above?: boolean;
}

interface Props {
  readonly codes: readonly Code[];
  readonly recent: readonly CodeId[];
  readonly mode: 'apply' | 'recode';
  /** The selected text: shown, and the name of an in-vivo code. */
  readonly quote: string;
  readonly position: FloatPosition;
  /** The code a re-coded passage has now: left out of the choices. */
  readonly currentCodeId?: CodeId;
  /** Take the focus into the input on opening (the picker was opened from the keyboard). */
  readonly focusInput?: boolean;
  readonly onChoose: (choice: CodeChoice) => void;
  readonly onClose: () => void;
}

/**
 * The floating code picker. In apply mode it opens without taking focus, so the text
 * selection stays visible and keys 1–9 reach the reader; typing any letter moves focus
 * to its input. Arrow keys and Enter work with or without focus.
 */
export function CodePicker({ codes, recent, mode, quote, position, currentCodeId, focusInput = false, onChoose, onClose }: Props) {
  const t = useStrings(transcriptStrings);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(-1);
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const choices = useMemo(() => codes.filter((c) => c.id !== currentCodeId), [codes, currentCodeId]);
  const rows = useMemo(() => pickerRows(query, choices, recent), [query, choices, recent]);
  // A query highlights its best row; with none, nothing is highlighted until an arrow key.
  const highlighted = query.trim() === '' ? active : Math.max(0, Math.min(active, rows.length - 1));

  useEffect(() => { if (mode === 'recode' || focusInput) input.current?.focus(); }, [mode, focusInput]);
  useEffect(() => { list.current?.querySelector('.is-active')?.scrollIntoView?.({ block: 'nearest' }); }, [highlighted]);

  const choose = (row: PickerRow | undefined) => {
    if (!row) return;
    onChoose(row.kind === 'code' ? { codeId: row.code.id } : { codeName: row.name });
  };

  // Keys reach the picker wherever focus is (the text, the body, its own input).
  const state = useRef({ rows, highlighted, query });
  state.current = { rows, highlighted, query };
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const { rows: current, highlighted: at } = state.current;
      const own = event.target === input.current;
      if (!own && inEditable(event.target)) return;
      if (event.key === 'Escape') {
        event.preventDefault();
        onClose();
      } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        const step = event.key === 'ArrowDown' ? 1 : -1;
        setActive(current.length === 0 ? -1 : (at + step + current.length) % current.length);
      } else if (event.key === 'Enter') {
        if (at < 0) return;
        event.preventDefault();
        choose(current[at]);
      } else if (!own && event.key.length === 1 && !/[1-9]/.test(event.key) && !event.ctrlKey && !event.metaKey && !event.altKey && event.key !== ' ') {
        // A letter typed while the text has focus starts the search.
        event.preventDefault();
        setQuery((q) => q + event.key);
        setActive(0);
        input.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  });

  const vivo = inVivoName(quote);
  const hasRecent = rows.some((r) => r.kind === 'code' && r.shortcut !== null);
  return (
    <div
      className={`tv-float tv-picker${position.above ? ' above' : ''}`}
      style={{ left: position.left, top: position.top }}
      data-testid="code-picker"
      role="dialog"
      aria-label={mode === 'apply' ? t('pickerLabel') : t('recodeTitle')}
      onMouseDown={(e) => e.stopPropagation()}
    >
      <div className="tv-picker-quote" title={quote}>
        {mode === 'recode' && <span className="tv-picker-mode">{t('recodeTitle')}</span>}
        <q>{quote.replace(/\s+/g, ' ')}</q>
      </div>
      <input
        ref={input}
        className="tv-picker-input"
        data-testid="code-picker-input"
        value={query}
        placeholder={mode === 'apply' ? t('pickerPlaceholder') : t('recodePlaceholder')}
        onChange={(e) => { setQuery(e.target.value); setActive(0); }}
        aria-label={mode === 'apply' ? t('pickerPlaceholder') : t('recodePlaceholder')}
        aria-controls="tv-picker-list"
        aria-activedescendant={highlighted >= 0 ? `tv-picker-row-${highlighted}` : undefined}
        spellCheck={false}
        autoComplete="off"
      />
      {/* The empty message stands outside the listbox, which may hold only options. */}
      {rows.length === 0 && <p className="tv-picker-empty">{codes.length === 0 ? t('noCodes') : t('noMatches')}</p>}
      <ul className="tv-picker-list" id="tv-picker-list" role="listbox" aria-label={mode === 'apply' ? t('pickerLabel') : t('recodeTitle')} ref={list} hidden={rows.length === 0}>
        {rows.map((row, i) => (
          <li
            key={row.kind === 'code' ? row.code.id : 'create'}
            id={`tv-picker-row-${i}`}
            role="option"
            aria-selected={i === highlighted}
            className={`tv-picker-row${i === highlighted ? ' is-active' : ''}${row.kind === 'create' ? ' create' : ''}`}
            data-testid={row.kind === 'create' ? 'code-picker-create' : 'code-picker-option'}
            onMouseEnter={() => setActive(i)}
            onClick={() => choose(row)}
          >
            {row.kind === 'code' ? (
              <>
                <span className="swatch" style={{ background: row.code.colour }} />
                <span className="tv-picker-name">
                  {row.code.name}
                  {row.path && <span className="tv-picker-path">{row.path}</span>}
                </span>
                {row.shortcut !== null && mode === 'apply' && <span className="kbd">{row.shortcut}</span>}
              </>
            ) : (
              <>
                <span className="tv-picker-plus">+</span>
                <span className="tv-picker-name">{t('create', { name: row.name })}</span>
                <span className="tv-picker-path">{t('newCode')}</span>
              </>
            )}
          </li>
        ))}
      </ul>
      <div className="tv-picker-foot">
        {mode === 'apply' && (
          <button
            type="button"
            className="tv-invivo"
            data-testid="in-vivo"
            title={t('inVivoTitle', { name: vivo })}
            onClick={() => onChoose({ codeName: vivo, inVivo: true })}
          >“{t('inVivo')}”</button>
        )}
        <span className="tv-picker-hint" title={`${hasRecent && mode === 'apply' ? `${t('pickerHintRecent')} · ` : ''}${t('pickerHintKeys')}`}>
          {hasRecent && mode === 'apply' && <><span className="kbd">1–9</span> {t('hintRecent')} </>}
          <span className="kbd">↵</span> {t('hintApply')} <span className="kbd">Esc</span>
        </span>
      </div>
    </div>
  );
}
