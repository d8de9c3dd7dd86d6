import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { PALETTE } from '../../../src/domain/palette';
import type { CodeId } from '../../../src/domain/ids';
import type { Code } from '../../../src/domain/types';
import { useStrings } from '../../i18n/i18n';
import { codebookStrings } from './strings';

export type CodeAction = 'rename' | 'describe' | 'merge' | 'subcode' | 'delete';

/**
 * The row menu of a code: its actions, a page with the colour palette, and a page to pin a key 1–9.
 * Opened by the "⋯" button, a right-click, Shift+F10 or the context-menu key.
 */
export function CodeMenu({ code, x, y, keys, codes, onAction, onColour, onHotkey, onClose }: {
  code: Code;
  x: number;
  y: number;
  /** The code on each key 1–9 now (pinned or recent), to say which key is whose. */
  keys: readonly (CodeId | null)[];
  codes: readonly Code[];
  onAction: (action: CodeAction) => void;
  onColour: (colour: string) => void;
  onHotkey: (key: number | null) => void;
  onClose: () => void;
}) {
  const t = useStrings(codebookStrings);
  const box = useRef<HTMLDivElement>(null);
  const [page, setPage] = useState<'actions' | 'colour' | 'key'>('actions');
  const [position, setPosition] = useState({ left: x, top: y });
  const [custom, setCustom] = useState(code.colour);
  const customInput = useRef<HTMLInputElement>(null);

  // Keep the menu inside the window: a row near the bottom opens it upwards.
  useLayoutEffect(() => {
    const rect = box.current?.getBoundingClientRect();
    if (!rect) return;
    setPosition({
      left: Math.max(4, Math.min(x, window.innerWidth - rect.width - 4)),
      top: Math.max(4, y + rect.height > window.innerHeight - 4 ? y - rect.height : y),
    });
  }, [x, y, page]);

  useEffect(() => {
    box.current?.querySelector<HTMLElement>('[role=menuitem], button')?.focus();
  }, [page]);

  useEffect(() => {
    const away = (event: MouseEvent) => { if (!box.current?.contains(event.target as Node)) onClose(); };
    const leave = () => onClose();
    document.addEventListener('mousedown', away, true);
    window.addEventListener('resize', leave);
    window.addEventListener('blur', leave);
    return () => {
      document.removeEventListener('mousedown', away, true);
      window.removeEventListener('resize', leave);
      window.removeEventListener('blur', leave);
    };
  }, [onClose]);

  // The native colour picker fires `input` while the user drags and `change` once when done:
  // only the final colour becomes a change (one undo step, not fifty).
  useEffect(() => {
    const input = customInput.current;
    if (!input) return;
    const commit = () => onColour(input.value);
    input.addEventListener('change', commit);
    return () => input.removeEventListener('change', commit);
  }, [page, onColour]);

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      if (page !== 'actions') setPage('actions');
      else onClose();
      return;
    }
    if (event.key === 'Tab') {
      event.preventDefault();
      onClose();
      return;
    }
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp' && event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    if (page !== 'actions' && event.key === 'ArrowLeft' && !(event.target instanceof HTMLInputElement) && !(event.target as HTMLElement).dataset['colour'] && !(event.target as HTMLElement).dataset['key']) {
      setPage('actions');
      return;
    }
    const items = [...(box.current?.querySelectorAll<HTMLElement>(page === 'actions' ? '[role=menuitem]' : 'button, input') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    const columns = page === 'colour' ? 5 : page === 'key' ? 3 : 1;
    const step = event.key === 'ArrowDown' ? columns : event.key === 'ArrowUp' ? -columns : event.key === 'ArrowRight' ? 1 : -1;
    if (page === 'actions' && (event.key === 'ArrowLeft' || event.key === 'ArrowRight')) return;
    event.preventDefault();
    items[(at + step + items.length) % items.length]?.focus();
  };

  const item = (action: CodeAction | 'colour' | 'key', label: string, testId: string, extra?: { danger?: boolean; hint?: string }) => (
    <button
      role="menuitem"
      className={`cb-menu-item${extra?.danger ? ' danger' : ''}`}
      data-testid={testId}
      onClick={() => (action === 'colour' || action === 'key' ? setPage(action) : onAction(action))}
      aria-haspopup={action === 'colour' || action === 'key' ? 'menu' : undefined}
    >
      <span>{label}</span>
      {extra?.hint && <span className="cb-menu-hint">{extra.hint}</span>}
    </button>
  );

  return (
    <div
      ref={box}
      className="cb-menu"
      role="menu"
      aria-label={t('actionsFor', { name: code.name })}
      style={{ left: position.left, top: position.top }}
      onKeyDown={onKeyDown}
      onContextMenu={(e) => e.preventDefault()}
      data-testid="code-menu-popup"
    >
      {page === 'actions' ? (
        <>
          <div className="cb-menu-heading"><span className="swatch" style={{ background: code.colour }} />{code.name}</div>
          {item('rename', t('rename'), 'code-rename', { hint: 'F2' })}
          {item('colour', t('colour'), 'code-colour', { hint: '›' })}
          {item('key', t('pinKey'), 'code-pin-key', { hint: code.hotkey !== null ? `${code.hotkey} ›` : '›' })}
          {item('describe', t('describe'), 'code-describe')}
          {item('subcode', t('newSubCode'), 'code-new-subcode')}
          <div className="cb-menu-sep" role="separator" />
          {item('merge', t('mergeInto'), 'code-merge')}
          {item('delete', t('delete'), 'code-delete', { danger: true, hint: 'Del' })}
        </>
      ) : page === 'key' ? (
        <div className="cb-keys">
          <div className="cb-menu-heading">
            <button className="link cb-back" role="menuitem" onClick={() => setPage('actions')} aria-label={t('back')}>‹</button>
            {t('pinKeyTitle', { name: code.name })}
          </div>
          <div className="cb-key-grid" role="group" aria-label={t('pinKey')}>
            {keys.map((holder, i) => {
              const key = i + 1;
              const other = holder !== null && holder !== code.id ? codes.find((c) => c.id === holder) : undefined;
              return (
                <button
                  key={key}
                  className={`cb-key-choice${code.hotkey === key ? ' current' : ''}`}
                  role="menuitemradio"
                  aria-checked={code.hotkey === key}
                  aria-label={other ? `${t('pinKeyLabel', { n: key })}, ${t('pinTaken', { name: other.name })}` : t('pinKeyLabel', { n: key })}
                  title={other ? t('pinTaken', { name: other.name }) : undefined}
                  data-key={key}
                  data-testid="code-pin-key-choice"
                  onClick={() => onHotkey(key)}
                >{key}</button>
              );
            })}
          </div>
          <button className="cb-menu-item cb-key-none" onClick={() => onHotkey(null)} data-testid="code-pin-key-none" role="menuitemradio" aria-checked={code.hotkey === null}>{t('pinNone')}</button>
        </div>
      ) : (
        <div className="cb-colours">
          <div className="cb-menu-heading">
            <button className="link cb-back" role="menuitem" onClick={() => setPage('actions')} aria-label={t('back')}>‹</button>
            {t('colour')}
          </div>
          <div className="cb-palette" role="group" aria-label={t('colour')}>
            {PALETTE.map((colour) => (
              <button
                key={colour}
                className={`cb-palette-swatch${colour.toLowerCase() === code.colour.toLowerCase() ? ' current' : ''}`}
                style={{ background: colour }}
                aria-label={colour}
                role="menuitemradio"
                aria-checked={colour.toLowerCase() === code.colour.toLowerCase()}
                title={colour}
                data-colour={colour}
                data-testid="code-colour-swatch"
                onClick={() => onColour(colour)}
              />
            ))}
          </div>
          <label className="cb-custom-colour">
            <input ref={customInput} type="color" value={custom} onChange={(e) => setCustom(e.target.value)} data-testid="code-colour-input" />
            <span>{t('customColour')}</span>
          </label>
        </div>
      )}
    </div>
  );
}
