import { useId, useMemo, useState } from 'react';
import type { Code } from '../../../src/domain/types';
import { useStrings } from '../../i18n/i18n';
import { resolveCode, suggestCodes } from './code-choice';
import { CODING_UNITS, type CodingUnit } from './hit-selection';
import { plural, searchStrings, type SearchKey } from './strings';

const UNIT_LABEL: Readonly<Record<CodingUnit, SearchKey>> = { hit: 'unitHit', sentence: 'unitSentence', turn: 'unitTurn' };
const UNIT_HINT: Readonly<Record<CodingUnit, SearchKey>> = { hit: 'unitHintHit', sentence: 'unitHintSentence', turn: 'unitHintTurn' };

/**
 * Search-to-code: "Code the [sentence] of 12 selected hits as [code]". The code is typed:
 * an existing code is suggested as the name is typed, a new name makes a new code.
 */
export function CodeBar({ selectedCount, codableCount, unit, codeText, codes, busy, onUnit, onCodeText, onApply }: {
  selectedCount: number;
  codableCount: number;
  unit: CodingUnit;
  codeText: string;
  codes: readonly Code[];
  busy: boolean;
  onUnit: (unit: CodingUnit) => void;
  onCodeText: (text: string) => void;
  onApply: () => void;
}) {
  const t = useStrings(searchStrings);
  const choice = resolveCode(codes, codeText);
  const isNew = choice !== null && 'codeName' in choice;
  const ready = selectedCount > 0 && choice !== null && !busy;
  const existing = choice && 'codeId' in choice ? codes.find((c) => c.id === choice.codeId) : undefined;
  return (
    <div className={`sr-codebar${selectedCount > 0 ? ' active' : ''}`} data-testid="search-code-bar" role="group" aria-label={t('codeBar')}>
      <span className="sr-selected" data-testid="search-selected-count">
        {selectedCount > 0 ? t('selected', { n: selectedCount, total: plural(t, codableCount, 'hitsOne', 'hitsMany') }) : t('noneSelected')}
      </span>
      <label className="sr-inline">
        {t('codeThe')}
        <select value={unit} onChange={(e) => onUnit(e.target.value as CodingUnit)} title={t(UNIT_HINT[unit])} data-testid="search-code-unit">
          {CODING_UNITS.map((u) => <option key={u} value={u}>{t(UNIT_LABEL[u])}</option>)}
        </select>
      </label>
      <span className="sr-inline">
        {t('as')}
        {existing && <span className="swatch sr-code-swatch" style={{ background: existing.colour }} />}
        <CodeChooser codes={codes} value={codeText} onChange={onCodeText} onEnter={() => { if (ready) onApply(); }} />
      </span>
      {isNew && <span className="sr-new" title={t('newCodeHint')} data-testid="search-code-new">{t('newCode')}</span>}
      <button type="button" className="primary" disabled={!ready} onClick={onApply} data-testid="search-code-apply">
        {busy ? t('applying') : t('apply')}
      </button>
    </div>
  );
}

/** A text field with a list of matching codes under it (a combobox): ↑/↓ pick, Enter takes, Esc closes. */
function CodeChooser({ codes, value, onChange, onEnter }: {
  codes: readonly Code[];
  value: string;
  onChange: (text: string) => void;
  onEnter: () => void;
}) {
  const t = useStrings(searchStrings);
  const listId = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const suggestions = useMemo(() => suggestCodes(codes, value), [codes, value]);
  // An exact match alone is no suggestion: it is already what the field says.
  const shown = suggestions.length === 1 && suggestions[0]!.name === value.trim() ? [] : suggestions;
  const expanded = open && shown.length > 0;
  const take = (code: Code) => {
    onChange(code.name);
    setOpen(false);
    setActive(-1);
  };
  return (
    <span className="sr-chooser">
      <input
        type="text" value={value} placeholder={t('codePlaceholder')} aria-label={t('codeName')} spellCheck={false} autoComplete="off"
        role="combobox" aria-expanded={expanded} aria-controls={listId} aria-autocomplete="list"
        aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined} data-testid="search-code-name"
        onChange={(e) => { onChange(e.target.value); setOpen(true); setActive(-1); }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && shown.length > 0) { e.preventDefault(); setOpen(true); setActive((a) => Math.min(shown.length - 1, a + 1)); }
          else if (e.key === 'ArrowUp' && shown.length > 0) { e.preventDefault(); setActive((a) => Math.max(-1, a - 1)); }
          else if (e.key === 'Escape' && expanded) { e.stopPropagation(); setOpen(false); }
          else if (e.key === 'Enter') {
            e.preventDefault();
            if (expanded && active >= 0 && shown[active]) take(shown[active]);
            else { setOpen(false); onEnter(); }
          }
        }}
      />
      {expanded && (
        <ul id={listId} role="listbox" className="sr-suggestions" data-testid="search-code-suggestions">
          {shown.map((code, i) => (
            <li
              key={code.id} id={`${listId}-${i}`} role="option" aria-selected={i === active} className={i === active ? 'active' : undefined}
              onMouseDown={(e) => { e.preventDefault(); take(code); }}
            >
              <span className="swatch" style={{ background: code.colour }} />{code.name}
              <span className="count">{code.codingCount}</span>
            </li>
          ))}
        </ul>
      )}
    </span>
  );
}
