import { memo, useEffect, useRef, type KeyboardEvent, type RefObject } from 'react';
import type { SearchHit, SpeakerRole } from '../../../src/domain/types';
import { useStrings, type Translate } from '../../i18n/i18n';
import { hitKey, isCodable } from './hit-selection';
import { formatTimestamp } from '../../lib/time';
import { kwicContext } from './format';
import { useGrowingLimit } from '../../lib/use-growing-limit';
import { plural, searchStrings, type SearchKey } from './strings';

export const rowId = (index: number): string => `search-hit-${index}`;

/**
 * The hits as a concordance: one line per hit, the matched words in one column so the eye
 * runs down them, the left context right-aligned against them. Transcript hits first, then
 * memos and codes in their own groups. One tab stop for the lines: ↑/↓ move, Enter opens,
 * Space selects, Ctrl+A selects all (or none).
 */
export function HitTable({ rows, gridRef, current, selected, allState, codableCount, typeColour, onCurrent, onToggle, onToggleAll, onOpen, interviewerAsked = false }: {
  /** The lines to draw, in order: transcripts, then memos, then codes. */
  rows: readonly SearchHit[];
  gridRef: RefObject<HTMLDivElement | null>;
  current: number;
  selected: ReadonlySet<string>;
  allState: 'none' | 'some' | 'all';
  codableCount: number;
  typeColour: ReadonlyMap<string, string>;
  onCurrent: (index: number) => void;
  onToggle: (hit: SearchHit) => void;
  onToggleAll: () => void;
  onOpen: (hit: SearchHit) => void;
  /** The interviewer's turns were searched on purpose: their hits may be coded. */
  interviewerAsked?: boolean;
}) {
  const t = useStrings(searchStrings);
  const all = useRef<HTMLInputElement>(null);
  const { limit, sentinel } = useGrowingLimit(rows.length);
  // Lines are drawn a chunk at a time, and always as far as the current line: a keyboard move (End) lands on a drawn line.
  const drawn = Math.max(limit, current + 1);
  useEffect(() => { if (all.current) all.current.indeterminate = allState === 'some'; }, [allState]);
  // Coming back to a search shows the line left off at; later, only keyboard moves scroll
  // (a click already shows the line it clicked).
  const moved = useRef(current > 0);
  useEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    gridRef.current?.querySelector(`#${rowId(current)}`)?.scrollIntoView?.({ block: 'nearest' });
  }, [current, gridRef]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const onCheckbox = event.target instanceof HTMLInputElement;
    if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'a' && codableCount > 0) {
      event.preventDefault();
      onToggleAll();
      return;
    }
    if (rows.length === 0 || event.altKey || event.ctrlKey || event.metaKey) return;
    const go = (index: number) => {
      event.preventDefault();
      moved.current = true;
      onCurrent(Math.max(0, Math.min(rows.length - 1, index)));
    };
    if (event.key === 'ArrowDown') go(current + 1);
    else if (event.key === 'ArrowUp') go(current - 1);
    else if (event.key === 'Home') go(0);
    else if (event.key === 'End') go(rows.length - 1);
    else if (event.key === 'PageDown') go(current + 10);
    else if (event.key === 'PageUp') go(current - 10);
    else if (event.key === 'Enter') {
      event.preventDefault();
      const hit = rows[current];
      if (hit) onOpen(hit);
    } else if (event.key === ' ' && !onCheckbox) {
      event.preventDefault();
      const hit = rows[current];
      if (hit && isCodable(hit, interviewerAsked)) onToggle(hit);
    }
  };

  let documentRows = 0;
  while (documentRows < rows.length && rows[documentRows]!.kind === 'document') documentRows++;
  const memoStart = documentRows;
  let memoEnd = memoStart;
  while (memoEnd < rows.length && rows[memoEnd]!.kind === 'memo') memoEnd++;

  const line = (hit: SearchHit, index: number) => (
    <HitRow
      key={hitKey(hit)} hit={hit} index={index} current={index === current} checked={selected.has(hitKey(hit))} codable={isCodable(hit, interviewerAsked)}
      typeColour={hit.informantTypes.length > 0 ? typeColour.get(hit.informantTypes[0]!) ?? null : null}
      onCurrent={onCurrent} onToggle={onToggle} onOpen={onOpen} t={t}
    />
  );
  const group = (kind: 'memo' | 'code', from: number, to: number) => from < Math.min(to, drawn) && (
    <div role="row" className="sr-group" key={kind}>
      <div role="columnheader" className="sr-group-name">
        {t(kind === 'memo' ? 'memoHits' : 'codeHits')} <span className="count">{plural(t, to - from, 'hitsOne', 'hitsMany')}</span>
      </div>
    </div>
  );

  return (
    <>
    <div
      ref={gridRef} className="sr-grid" role="grid" tabIndex={0} aria-label={t('colContext')}
      aria-activedescendant={rows.length > 0 ? rowId(current) : undefined} onKeyDown={onKeyDown} data-testid="search-results"
    >
      {documentRows > 0 && (
        <div role="row" className="sr-row sr-head-row">
          <div role="columnheader" className="sr-check-cell">
            <input
              ref={all} type="checkbox" checked={allState === 'all'} onChange={onToggleAll}
              disabled={codableCount === 0} aria-label={t('selectAll')} title={t('selectAll')} data-testid="search-select-all"
            />
          </div>
          <div role="columnheader">{t('colSource')}</div>
          <div role="columnheader" className="sr-ctx-head">{t('colContext')}</div>
        </div>
      )}
      {rows.slice(0, Math.min(documentRows, drawn)).map((hit, i) => line(hit, i))}
      {group('memo', memoStart, memoEnd)}
      {rows.slice(memoStart, Math.min(memoEnd, drawn)).map((hit, i) => line(hit, memoStart + i))}
      {group('code', memoEnd, rows.length)}
      {rows.slice(memoEnd, drawn).map((hit, i) => line(hit, memoEnd + i))}
    </div>
    {sentinel}
    </>
  );
}

/** One KWIC line; memoised so moving the cursor redraws two lines, not five hundred. */
const ROLE_LABEL: Readonly<Record<SpeakerRole, SearchKey>> = { informant: 'roleInformant', interviewer: 'roleInterviewer', unknown: 'roleUnknown' };

const HitRow = memo(function HitRow({ hit, index, current, checked, codable, typeColour, onCurrent, onToggle, onOpen, t }: {
  hit: SearchHit;
  codable: boolean;
  index: number;
  current: boolean;
  checked: boolean;
  typeColour: string | null;
  onCurrent: (index: number) => void;
  onToggle: (hit: SearchHit) => void;
  onOpen: (hit: SearchHit) => void;
  t: Translate<SearchKey>;
}) {
  const { before, after } = kwicContext(hit);
  const hint = hit.kind === 'document' ? t('openHit') : hit.kind === 'memo' ? t('memoHint') : t('codeHint');
  return (
    <div
      id={rowId(index)} role="row" aria-selected={current} aria-label={`${hit.title}: ${hit.match}`}
      className={`sr-row sr-hit${current ? ' current' : ''}${checked ? ' checked' : ''} kind-${hit.kind}`}
      onMouseDown={() => onCurrent(index)} onClick={() => onOpen(hit)} title={hint} data-testid="search-hit" data-kind={hit.kind}
    >
      {/* The whole cell is the checkbox's label: a generous target that never opens the hit. */}
      <label role="gridcell" className="sr-check-cell" onClick={(e) => e.stopPropagation()}>
        {codable && (
          <input
            type="checkbox" checked={checked} tabIndex={-1} aria-label={t('selectHit')}
            onChange={() => onToggle(hit)} data-testid="search-hit-check"
          />
        )}
      </label>
      <div role="gridcell" className="sr-source">
        {hit.kind === 'document' ? (
          <>
            <div className="sr-who">
              {typeColour && <span className="swatch" style={{ background: typeColour }} />}
              <span className="sr-label">{hit.informantLabels.join(', ') || t('noInformant')}</span>
              {hit.informantTypes.length > 0 && <span className="sr-type">{hit.informantTypes.join(', ')}</span>}
            </div>
            <div className="sr-where">
              <span className="sr-doc">{hit.title}</span>
              {hit.speaker && <span className="sr-speaker">{hit.speaker}</span>}
              {hit.role && <span className={`sr-role sr-role-${hit.role}`} data-testid="search-hit-role">{t(ROLE_LABEL[hit.role])}</span>}
              {hit.startMs !== null && <span className="sr-time">{formatTimestamp(hit.startMs)}</span>}
            </div>
          </>
        ) : (
          <div className="sr-who"><span className="sr-label sr-title">{hit.title}</span></div>
        )}
      </div>
      <div role="gridcell" className="sr-before"><span>{before}</span></div>
      <div role="gridcell" className="sr-after">
        <mark className="sr-match">{hit.match}</mark>{after}
      </div>
    </div>
  );
});
