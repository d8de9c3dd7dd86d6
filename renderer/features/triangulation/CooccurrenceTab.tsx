import { useMemo, useRef, useState, type MouseEvent } from 'react';
import type { CodeId } from '../../../src/domain/ids';
import type { CooccurrenceMatrix, CooccurrenceScope } from '../../../src/domain/types';
import { useStrings, type Translate } from '../../i18n/i18n';
import { useProject, useQuery } from '../../lib/state';
import { countPosition, needsLightInk, scaleColour } from './colour-scale';
import { cooccurrenceTable, filterRows, maxPairCount, visibleCodes } from './matrix-model';
import { ExtractQuote, SidePanel } from './SidePanel';
import { plural, triangulationStrings, type TriangulationKey } from './strings';
import { TableActions } from './TableActions';

const remembered: { scope: CooccurrenceScope; hideUnpaired: boolean } = { scope: 'overlap', hideUnpaired: true };

interface Pair {
  readonly a: number;
  readonly b: number;
}

/**
 * Code × code: how often two codes are applied together (overlapping text, or the same
 * speaker turn). A click on a cell lays the pairs of extracts side by side.
 */
export function CooccurrenceTab() {
  const t = useStrings(triangulationStrings);
  const [scope, setScopeState] = useState<CooccurrenceScope>(remembered.scope);
  const [hideUnpaired, setHideState] = useState(remembered.hideUnpaired);
  const [query, setQuery] = useState('');
  const [pair, setPair] = useState<Pair | null>(null);
  const setScope = (value: CooccurrenceScope) => { remembered.scope = value; setScopeState(value); setPair(null); };
  const setHide = (value: boolean) => { remembered.hideUnpaired = value; setHideState(value); };

  const matrix = useQuery('analysis.cooccurrence', { scope }).data;
  const indices = useMemo(() => {
    if (!matrix) return [];
    const visible = visibleCodes(matrix, hideUnpaired);
    if (!query.trim()) return visible;
    const names = new Set(filterRows(visible.map((i) => ({ name: matrix.codes[i]!.name, i })), query).map((row) => row.i));
    return visible.filter((i) => names.has(i));
  }, [matrix, hideUnpaired, query]);

  const closePanel = () => {
    const cell = document.querySelector<HTMLElement>('.co-cell.selected');
    setPair(null);
    cell?.focus();
  };
  const codeA = pair && matrix?.codes.find((c) => c.id === pair.a);
  const codeB = pair && matrix?.codes.find((c) => c.id === pair.b);

  return (
    <div className="tri-body" onKeyDown={(e) => { if (e.key === 'Escape' && pair) closePanel(); }}>
      <div className="tri-main">
        <div className="tri-toolbar">
          <span className="tri-field-label">{t('scope')}</span>
          <div className="tri-segmented" role="radiogroup" aria-label={t('scope')} data-testid="scope-toggle">
            {(['overlap', 'turn'] as const).map((value) => (
              <button key={value} role="radio" aria-checked={scope === value} className={scope === value ? 'active' : ''} onClick={() => setScope(value)}
                title={value === 'overlap' ? t('scopeOverlapHint') : t('scopeTurnHint')} data-value={value}>
                {value === 'overlap' ? t('scopeOverlap') : t('scopeTurn')}
              </button>
            ))}
          </div>
          <label className="tri-check">
            <input type="checkbox" checked={hideUnpaired} onChange={(e) => setHide(e.target.checked)} data-testid="hide-unpaired" />
            {t('hideUnpaired')}
          </label>
          <input type="search" className="tri-filter" placeholder={t('filterCodes')} value={query} onChange={(e) => setQuery(e.target.value)}
            aria-label={t('filterCodes')} data-testid="code-filter" />
          <span className="tri-spacer" />
          <TableActions
            disabled={!matrix || indices.length === 0}
            table={() => (matrix ? cooccurrenceTable(matrix, indices, t('coCorner')) : [])}
            exportArgs={{ table: 'cooccurrence', scope }}
          />
        </div>
        <p className="tri-note muted">{t('coIntro')}</p>
        {!matrix && <p className="muted tri-loading">{t('loading')}</p>}
        {matrix && matrix.codes.length === 0 && <div className="tri-message" data-testid="cooccurrence"><p>{t('coNoCodes')}</p></div>}
        {matrix && matrix.codes.length > 0 && indices.length === 0 && (
          <div className="tri-message" data-testid="cooccurrence"><p>{query.trim() ? t('noMatch', { query }) : t('coNone')}</p></div>
        )}
        {matrix && indices.length > 0 && (
          <CooccurrenceTable matrix={matrix} indices={indices} selected={pair} onSelect={(next) => setPair((current) => (current && current.a === next.a && current.b === next.b ? null : next))} />
        )}
      </div>
      {pair && codeA && codeB && (
        <SidePanel
          testId="cooccurrence-pairs"
          onClose={closePanel}
          title={<><span className="swatch" style={{ background: codeA.colour }} />{codeA.name} <span className="tri-panel-x">×</span> <span className="swatch" style={{ background: codeB.colour }} />{codeB.name}</>}
          subtitle={scope === 'overlap' ? t('scopeOverlapHint') : t('scopeTurnHint')}
        >
          <PairList a={pair.a} b={pair.b} scope={scope} nameA={codeA.name} nameB={codeB.name} />
        </SidePanel>
      )}
    </div>
  );
}

/**
 * The matrix itself. Hover draws a crosshair through a style rule written straight into
 * a <style> element: moving the mouse over 40,000 cells never re-renders React.
 */
function CooccurrenceTable({ matrix, indices, selected, onSelect }: {
  matrix: CooccurrenceMatrix;
  indices: readonly number[];
  selected: Pair | null;
  onSelect: (pair: Pair) => void;
}) {
  const t = useStrings(triangulationStrings);
  const { navigate } = useProject();
  const hover = useRef<HTMLStyleElement>(null);
  const status = useRef<HTMLSpanElement>(null);
  const max = useMemo(() => maxPairCount(matrix, indices), [matrix, indices]);
  const shown = t('coShown', { shown: indices.length, total: matrix.codes.length });

  const onOver = (event: MouseEvent<HTMLTableElement>) => {
    const cell = (event.target as HTMLElement).closest<HTMLElement>('[data-i]');
    const i = cell?.dataset.i;
    const j = cell?.dataset.j;
    if (hover.current) {
      hover.current.textContent = i === undefined ? '' : [
        `.co-table tr[data-i="${i}"] > *`,
        ...(j !== undefined ? [`.co-table [data-j="${j}"]`] : []),
      ].join(', ') + ' { box-shadow: inset 0 0 0 999px rgba(47, 93, 158, 0.10); }';
    }
    if (status.current) {
      const a = i !== undefined ? matrix.codes[Number(i)] : undefined;
      const b = j !== undefined ? matrix.codes[Number(j)] : undefined;
      const n = a && b ? matrix.counts[Number(i)]?.[Number(j)] ?? 0 : 0;
      status.current.textContent = a && b ? (a === b ? t('coDiagonalTitle', { a: a.name, n }) : pairTitle(t, a.name, b.name, n)) : shown;
    }
  };
  const onLeave = () => {
    if (hover.current) hover.current.textContent = '';
    if (status.current) status.current.textContent = shown;
  };
  const onClick = (event: MouseEvent<HTMLTableElement>) => {
    const cell = (event.target as HTMLElement).closest<HTMLElement>('button[data-pair]');
    if (!cell) return;
    const a = matrix.codes[Number(cell.dataset.i)];
    const b = matrix.codes[Number(cell.dataset.j)];
    if (a && b) onSelect({ a: a.id, b: b.id });
  };

  return (
    <>
      <div className="co-status muted"><span ref={status}>{shown}</span></div>
      <div className="tri-scroll">
        <style ref={hover} />
        <table className="co-table" data-testid="cooccurrence" data-scope={matrix.scope} onMouseOver={onOver} onMouseLeave={onLeave} onClick={onClick}>
          <thead>
            <tr>
              <th className="co-corner" scope="col">{t('coCorner')}</th>
              {indices.map((j) => {
                const code = matrix.codes[j]!;
                return (
                  <th key={code.id} scope="col" className="co-col" data-j={j} title={code.name}>
                    <span className="co-vert"><span className="swatch" style={{ background: code.colour }} />{code.name}</span>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {indices.map((i) => {
              const code = matrix.codes[i]!;
              const counts = matrix.counts[i] ?? [];
              return (
                <tr key={code.id} data-i={i}>
                  <th scope="row" className="co-row-head">
                    <button className="tri-row-name" onClick={() => navigate({ view: 'code', codeId: code.id as CodeId })} title={t('openCode')}>
                      <span className="swatch" style={{ background: code.colour }} />
                      <span className="tri-row-label">{code.name}</span>
                    </button>
                  </th>
                  {indices.map((j) => {
                    const n = counts[j] ?? 0;
                    if (i === j) return <td key={j} className="co-diag" data-i={i} data-j={j} title={t('coDiagonalTitle', { a: code.name, n })}>{n}</td>;
                    if (n === 0) return <td key={j} className="co-zero" data-i={i} data-j={j} />;
                    const position = countPosition(n, max);
                    const isSelected = selected !== null && selected.a === code.id && selected.b === matrix.codes[j]!.id;
                    return (
                      <td key={j} data-i={i} data-j={j} className="co-td">
                        <button
                          className={`co-cell${needsLightInk(position) ? ' light' : ''}${isSelected ? ' selected' : ''}`}
                          style={{ background: scaleColour(position) }}
                          data-pair=""
                          data-i={i}
                          data-j={j}
                          aria-label={pairTitle(t, code.name, matrix.codes[j]!.name, n)}
                          data-testid="cooccurrence-cell"
                        >
                          {n}
                        </button>
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}

const pairTitle = (t: Translate<TriangulationKey>, a: string, b: string, n: number): string => (n === 1 ? t('coTitleOne', { a, b }) : t('coTitle', { a, b, n }));

function PairList({ a, b, scope, nameA, nameB }: { a: number; b: number; scope: CooccurrenceScope; nameA: string; nameB: string }) {
  const t = useStrings(triangulationStrings);
  const pairs = useQuery('analysis.cooccurrenceExtracts', { a, b, scope }).data;
  if (!pairs) return <p className="muted">{t('loading')}</p>;
  if (pairs.length === 0) return <p className="muted">{t('pairsEmpty')}</p>;
  return (
    <>
      <p className="tri-pairs-count">{plural(t, pairs.length, 'pairsOne', 'pairsMany')}</p>
      <div className="co-pair-head"><span>{nameA}</span><span>{nameB}</span></div>
      {pairs.map(([x, y]) => (
        <section key={`${x.id}:${y.id}`} className="co-pair" data-testid="cooccurrence-pair">
          <div className="co-pair-meta">
            <span className="tri-doc-who">{x.informantLabels.join(', ') || t('noInformant')}</span>
            {x.informantTypes.length > 0 && <span className="tri-doc-type">{x.informantTypes.join(', ')}</span>}
            <span className="tri-doc-title">{x.documentTitle}</span>
          </div>
          {x.start === y.start && x.end === y.end ? (
            <div className="co-pair-quotes">
              <div className="co-same">
                <p className="co-same-note">{t('samePassage')}</p>
                <ExtractQuote extract={x} testId="pair-extract" />
              </div>
            </div>
          ) : (
            <div className="co-pair-quotes">
              <ExtractQuote extract={x} testId="pair-extract" />
              <ExtractQuote extract={y} testId="pair-extract" />
            </div>
          )}
        </section>
      ))}
    </>
  );
}
