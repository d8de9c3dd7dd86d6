import { useMemo, useState } from 'react';
import type { CodeId } from '../../../src/domain/ids';
import type { Code, Theme } from '../../../src/domain/types';
import { useStrings } from '../../i18n/i18n';
import { setCodeDrag } from '../../lib/dnd';
import { useMayChange } from '../../lib/team-context';
import { clickSelect, codeRows, emptySelection, selectedInOrder, type Selection } from './code-list';
import { plural, themesStrings } from './strings';
import { themeUse } from './theme-tree';

/**
 * The codebook as the raw material of phase 3: every code with its counts, the ones in
 * no theme marked, ticked (Shift for a range) to make a theme, or dragged onto a pile.
 */
export function CodeColumn({ codes, unthemedIds, themes, selection, onSelection, onlyUnthemed, onOnlyUnthemed, onMakeTheme, onDragCode, onOpenCode }: {
  codes: readonly Code[] | undefined;
  unthemedIds: ReadonlySet<CodeId>;
  themes: readonly Theme[];
  selection: Selection;
  onSelection: (selection: Selection) => void;
  onlyUnthemed: boolean;
  onOnlyUnthemed: (value: boolean) => void;
  onMakeTheme: (codeIds: CodeId[]) => void;
  onDragCode: (id: CodeId | null) => void;
  onOpenCode: (id: CodeId) => void;
}) {
  const t = useStrings(themesStrings);
  // A reviewer makes no theme: the codes are listed to read and open, not ticked or dragged.
  const mayChange = useMayChange();
  const [query, setQuery] = useState('');
  const rows = useMemo(() => codeRows(codes ?? [], query, onlyUnthemed ? unthemedIds : undefined), [codes, query, onlyUnthemed, unthemedIds]);
  const visible = useMemo(() => rows.filter((r) => r.match).map((r) => r.code.id), [rows]);
  const use = useMemo(() => themeUse(themes), [themes]);
  const chosen = selectedInOrder(selection, codes ?? []);
  const select = (id: CodeId, shift: boolean) => onSelection(clickSelect(selection, id, visible, shift));

  return (
    <aside className="th-codes" aria-label={t('codesTitle')}>
      <div className="th-codes-head">
        <h3 className="th-codes-title">{t('codesTitle')} <span className="count">{codes?.length ?? ''}</span></h3>
        <label className="th-only-unthemed" title={t('onlyUnthemedHint')}>
          <input type="checkbox" checked={onlyUnthemed} onChange={(e) => onOnlyUnthemed(e.target.checked)} data-testid="only-unthemed" />
          {t('onlyUnthemed')}
        </label>
      </div>
      <div className="th-codes-filter">
        <input
          type="search"
          value={query}
          placeholder={t('filterCodes')}
          aria-label={t('filterCodes')}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => { if (e.key === 'Escape') setQuery(''); }}
          data-testid="board-code-filter"
        />
      </div>
      <div className="th-codes-columns" aria-hidden="true">
        <span className="th-codes-columns-name">{mayChange ? t('selectHint') : ''}</span>
        <span className="th-num" title={t('colCodingsHint')}>{t('colCodingsShort')}</span>
        <span className="th-num" title={t('colInformantsHint')}>{t('colInformantsShort')}</span>
      </div>
      {/* Each row's checkbox is its control; the row itself is a list item (no option role around a checkbox: nested controls). */}
      <div className="th-code-list" role="list" aria-label={t('codesTitle')}>
        {codes && codes.length === 0 && <p className="th-codes-empty muted">{t('noCodes')}</p>}
        {codes && codes.length > 0 && rows.length === 0 && (
          <p className="th-codes-empty muted">{query ? t('noMatch', { query }) : t('unthemedNone')}</p>
        )}
        {rows.map(({ code, depth, match }) => {
          const checked = selection.ids.has(code.id);
          const isUnthemed = unthemedIds.has(code.id);
          const inThemes = use.get(code.id) ?? 0;
          return (
            <div
              key={code.id}
              className={`th-code${checked ? ' checked' : ''}${match ? '' : ' context'}`}
              style={{ paddingLeft: 8 + depth * 14 }}
              role="listitem"
              draggable={mayChange}
              title={code.description || (mayChange ? t('codeDragHint') : undefined)}
              onDragStart={(e) => { if (!mayChange) return; setCodeDrag(e, code.id); onDragCode(code.id); }}
              onDragEnd={() => onDragCode(null)}
              onClick={(e) => { if (match && mayChange) select(code.id, e.shiftKey); }}
              onDoubleClick={() => onOpenCode(code.id)}
              data-testid="board-code"
              data-code-name={code.name}
              data-unthemed={isUnthemed || undefined}
            >
              {mayChange && <input
                type="checkbox"
                checked={checked}
                disabled={!match}
                aria-label={code.name}
                onClick={(e) => { e.stopPropagation(); select(code.id, e.shiftKey); }}
                onChange={() => undefined}
                data-testid="board-code-check"
              />}
              <span className="th-code-swatch" style={{ background: code.colour }} />
              <span className={`th-code-name${code.inVivo ? ' in-vivo' : ''}`}>{code.name}</span>
              {isUnthemed
                ? <span className="th-unthemed-tag" title={t('unthemedTagHint')}>{t('unthemedTag')}</span>
                : inThemes > 1 && <span className="th-use-tag" title={t('inThemesHint', { n: inThemes })}>×{inThemes}</span>}
              <span className={`th-num${code.codingCount === 0 ? ' zero' : ''}`}>{code.codingCount}</span>
              <span className={`th-num${code.informantCount === 0 ? ' zero' : ''}`}>{code.informantCount}</span>
            </div>
          );
        })}
      </div>
      {mayChange && <div className={`th-select-bar${chosen.length ? ' active' : ''}`}>
        <span className="th-select-count" data-testid="board-selected-count">
          {chosen.length ? plural(t, chosen.length, 'selectedOne', 'selectedMany') : t('noneSelected')}
        </span>
        {chosen.length > 0 && <button className="link" onClick={() => onSelection(emptySelection)}>{t('clearSelection')}</button>}
        <button className="primary" disabled={chosen.length === 0} onClick={() => onMakeTheme(chosen)} data-testid="make-theme">
          {t('makeTheme')}
        </button>
      </div>}
    </aside>
  );
}
