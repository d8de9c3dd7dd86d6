import { memo, useCallback, useMemo, useState, type KeyboardEvent } from 'react';
import type { CodeId, CoderId, ThemeId } from '../../../src/domain/ids';
import type { GroupBy, TriangulationColumn, TriangulationMatrix, TriangulationRow } from '../../../src/domain/types';
import { useLanguage, useStrings } from '../../i18n/i18n';
import { attributeLabel } from '../../lib/attribute-names';
import { useProject, useQuery } from '../../lib/state';
import { CoderBar } from '../coders/CoderBar';
import { coderStrings } from '../coders/strings';
import { useCoderView } from '../coders/use-coder-view';
import { scaleGradient } from './colour-scale';
import { ConvergenceCell } from './ConvergenceCell';
import { byDocument, silentMembers } from './extract-list';
import {
  cellModel, columnLabel, filterRows, groupByFromValue, groupByValue, groupMembers, outlineRows, suggestionBasis, totalInformants,
  triangulationTable, type MatrixTextLabels,
} from './matrix-model';
import { ExtractQuote, SidePanel } from './SidePanel';
import { plural, triangulationStrings } from './strings';
import { TableActions } from './TableActions';

type RowsKind = 'themes' | 'codes';

/** The last table settings, kept while the app runs so coming back finds the same table. */
const remembered: { rows: RowsKind; groupBy: GroupBy } = { rows: 'themes', groupBy: { kind: 'type' } };

interface Selected {
  readonly kind: 'theme' | 'code';
  readonly rowId: number;
  readonly column: string;
}

/** Moves the focus between matrix cells with the arrow keys (cells carry data-r / data-c; the row header is column -1). */
function onGridKey(event: KeyboardEvent<HTMLTableElement>): void {
  const moves: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
  const move = moves[event.key];
  const from = (event.target as HTMLElement).closest<HTMLElement>('[data-r]');
  if (!move || !from || (event.target as HTMLElement).closest('.tri-conv')) return;
  const r = Number(from.dataset.r) + move[0];
  const c = Number(from.dataset.c) + move[1];
  const next = event.currentTarget.querySelector<HTMLElement>(`[data-r="${r}"][data-c="${c}"]`);
  if (next) {
    event.preventDefault();
    next.focus();
  }
}

/**
 * Source triangulation: rows (themes or codes) × groups of informants (types, or the
 * values of one attribute). A cell reads "informants/total" and its extracts, shaded by
 * the share of the group's informants; a click opens the extracts beside the table.
 */
export function MatrixTab() {
  const t = useStrings(triangulationStrings);
  const tc = useStrings(coderStrings);
  const { navigate } = useProject();
  const [rowsKind, setRowsKindState] = useState<RowsKind>(remembered.rows);
  const [groupBy, setGroupByState] = useState<GroupBy>(remembered.groupBy);
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState<Selected | null>(null);
  const setRowsKind = (rows: RowsKind) => { remembered.rows = rows; setRowsKindState(rows); setSelected(null); setQuery(''); };
  const setGroupBy = (value: GroupBy) => { remembered.groupBy = value; setGroupByState(value); setSelected(null); };

  // Blind mode or the coder filter: those coders' codings only; the matrix names whose it counted.
  const whose = useCoderView();
  const coders = useMemo(() => (whose.coderIds && whose.coderIds.length > 0 ? [...whose.coderIds] : undefined), [whose.coderIds]);
  // Read once it is known whether this coder codes blind (and then with their codings only).
  const matrixQuery = useQuery('analysis.triangulation', whose.known ? { rows: rowsKind, groupBy, ...(coders ? { coders } : {}) } : null);
  const matrix = matrixQuery.data;
  const attributes = useQuery('attributes.list', {}).data;
  const { language } = useLanguage();
  const themes = useQuery('themes.list', {}).data;
  const types = useQuery('informantTypes.list', {}).data;

  const typeColour = useMemo(() => new Map((types ?? []).map((ty) => [`type:${ty.id}`, ty.colour])), [types]);
  const parentOf = useMemo(() => {
    const parents = new Map((themes ?? []).map((theme) => [theme.id as number, theme.parentId as number | null]));
    return (id: number) => parents.get(id) ?? null;
  }, [themes]);
  const shownRows = useMemo(() => {
    if (!matrix) return [];
    const rows = filterRows(matrix.rows, query);
    // Outline order only when nothing is filtered: a filtered list reads better flat.
    return rowsKind === 'themes' && !query.trim() ? outlineRows(rows, parentOf) : rows.map((row) => ({ row, depth: 0 }));
  }, [matrix, query, rowsKind, parentOf]);

  const textLabels = useMemo<MatrixTextLabels>(() => ({
    corner: rowsKind === 'themes' ? t('cornerThemes') : t('cornerCodes'),
    total: t('total'), suggestion: t('suggested'), judgement: t('yourJudgement'), reason: t('reason'), noValue: t('noValue'),
    judgementName: (j) => t(j),
    columnHeader: (label, n) => t('columnHeaderText', { label, n }),
    cell: (informants, total, extracts) => t('cellText', { informants, total, extracts }),
  }), [t, rowsKind]);

  const onCell = useCallback((row: TriangulationRow, column: TriangulationColumn) => {
    setSelected((current) => (current && current.rowId === row.id && current.column === column.key && current.kind === row.kind ? null : { kind: row.kind, rowId: row.id, column: column.key }));
  }, []);
  const onOpenRow = useCallback((row: TriangulationRow) => {
    if (row.kind === 'theme') navigate({ view: 'theme', themeId: row.id as ThemeId });
    else navigate({ view: 'code', codeId: row.id as CodeId });
  }, [navigate]);

  // Closing the panel hands the focus back to the cell it came from, so reading goes on from the keyboard.
  const closePanel = () => {
    const cell = document.querySelector<HTMLElement>('.tri-cell.selected');
    setSelected(null);
    cell?.focus();
  };

  const attributeError = matrixQuery.error && groupBy.kind === 'attribute';
  const selectedRow = selected && matrix?.rows.find((row) => row.id === selected.rowId && row.kind === selected.kind);
  const selectedIndex = selected && matrix ? matrix.columns.findIndex((column) => column.key === selected.column) : -1;
  const selectedColumn = selectedIndex >= 0 ? matrix!.columns[selectedIndex] : undefined;
  const withConvergence = rowsKind === 'themes';

  return (
    <div className="tri-body" onKeyDown={(e) => { if (e.key === 'Escape' && selected && !e.defaultPrevented) closePanel(); }}>
      <div className="tri-main">
        <div className="tri-toolbar">
          <div className="tri-segmented" role="radiogroup" aria-label={t('rows')} data-testid="rows-toggle">
            {(['themes', 'codes'] as const).map((kind) => (
              <button key={kind} role="radio" aria-checked={rowsKind === kind} className={rowsKind === kind ? 'active' : ''} onClick={() => setRowsKind(kind)} data-value={kind}>
                {kind === 'themes' ? t('rowsThemes') : t('rowsCodes')}
              </button>
            ))}
          </div>
          <label className="tri-field">
            <span>{t('groupBy')}</span>
            <select value={groupByValue(groupBy)} onChange={(e) => setGroupBy(groupByFromValue(e.target.value))} data-testid="group-by">
              <option value="type">{t('byType')}</option>
              {(attributes?.length ?? 0) > 0 && (
                <optgroup label={t('attributes')}>
                  {attributes!.map((a) => <option key={a.id} value={groupByValue({ kind: 'attribute', name: a.name })}>{attributeLabel(a.name, language)}</option>)}
                </optgroup>
              )}
              {/* A remembered attribute that is gone still shows, so the select never lies about what is displayed. */}
              {groupBy.kind === 'attribute' && attributes && !attributes.some((a) => a.name === groupBy.name) && (
                <option value={groupByValue(groupBy)}>{attributeLabel(groupBy.name, language)}</option>
              )}
            </select>
          </label>
          <CoderBar />
          {matrix && whose.people.length >= 2 && (
            <span className="tri-coders muted" data-testid="triangulation-coders">
              {whose.coderIds === null ? tc('countsOfAll') : tc('countsOf', { names: matrix.coders.map((c) => c.name).join(', ') })}
            </span>
          )}
          <input
            type="search"
            className="tri-filter"
            placeholder={rowsKind === 'themes' ? t('filter') : t('filterCodes')}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            aria-label={rowsKind === 'themes' ? t('filter') : t('filterCodes')}
            data-testid="row-filter"
          />
          <span className="tri-spacer" />
          <TableActions
            disabled={!matrix || matrix.rows.length === 0}
            table={() => (matrix ? triangulationTable(matrix, shownRows.map(({ row }) => row), textLabels, withConvergence) : [])}
            exportArgs={{ table: 'triangulation', rows: rowsKind, groupBy }}
          />
        </div>
        <Legend />

        {attributeError && (
          <div className="tri-message" role="alert">
            <p>{matrixQuery.error!.message}</p>
            <button onClick={() => setGroupBy({ kind: 'type' })}>{t('byType')}</button>
          </div>
        )}
        {!matrix && !matrixQuery.error && <p className="muted tri-loading">{t('loading')}</p>}
        {matrix && <MatrixBody
          matrix={matrix}
          rows={shownRows}
          rowsKind={rowsKind}
          query={query}
          typeColour={typeColour}
          selected={selected}
          onCell={onCell}
          onOpenRow={onOpenRow}
        />}
      </div>
      {selected && selectedRow && selectedColumn && (
        <CellPanel row={selectedRow} column={selectedColumn} supporting={selectedRow.cells[selectedIndex]?.informants ?? 0} groupBy={groupBy} coders={coders} onClose={closePanel} />
      )}
    </div>
  );
}

/** Lets long group names such as "Perwakilan Asosiasi/Pemerintah" wrap after a slash rather than mid-word. */
const breakable = (label: string): string => label.replace(/\//g, '/\u200b');

function Legend() {
  const t = useStrings(triangulationStrings);
  return (
    <div className="tri-legend" aria-hidden="true">
      <span>{t('legendShare')}</span>
      <span className="tri-legend-scale"><span>0</span><span className="tri-legend-bar" style={{ background: scaleGradient() }} /><span>100%</span></span>
      <span className="tri-legend-item"><span className="tri-legend-swatch silent" />{t('legendSilent')}</span>
      <span className="tri-legend-item"><span className="tri-legend-swatch empty" />{t('legendEmpty')}</span>
    </div>
  );
}

/** Informants in the sheet who were not interviewed (yet): named, but outside every count and never "silent". */
function NotInterviewed({ columns }: { columns: readonly TriangulationColumn[] }) {
  const t = useStrings(triangulationStrings);
  const groups = columns.filter((c) => c.notInterviewed.length > 0);
  if (groups.length === 0) return null;
  return (
    <p className="muted tri-not-interviewed" data-testid="not-interviewed">
      {t('notInterviewed', { list: groups.map((c) => `${columnLabel(c, t('noValue'))}: ${c.notInterviewed.join(', ')}`).join('; ') })}
    </p>
  );
}

function MatrixBody({ matrix, rows, rowsKind, query, typeColour, selected, onCell, onOpenRow }: {
  matrix: TriangulationMatrix;
  rows: readonly { readonly row: TriangulationRow; readonly depth: number }[];
  rowsKind: RowsKind;
  query: string;
  typeColour: ReadonlyMap<string, string>;
  selected: Selected | null;
  onCell: (row: TriangulationRow, column: TriangulationColumn) => void;
  onOpenRow: (row: TriangulationRow) => void;
}) {
  const t = useStrings(triangulationStrings);
  const { navigate } = useProject();
  const withConvergence = rowsKind === 'themes';
  const all = totalInformants(matrix.columns);

  if (matrix.rows.length === 0) {
    return rowsKind === 'themes' ? (
      <div className="tri-message" data-testid="triangulation-matrix">
        <p>{t('noThemes')}</p>
        <button onClick={() => navigate({ view: 'themes' })}>{t('openBoard')}</button>
      </div>
    ) : <div className="tri-message" data-testid="triangulation-matrix"><p>{t('noCodes')}</p></div>;
  }
  if (matrix.columns.length === 0) return <div className="tri-message" data-testid="triangulation-matrix"><p>{t('noColumns')}</p></div>;

  return (
    <div className="tri-scroll">
      <table className="tri-matrix" data-testid="triangulation-matrix" data-rows={rowsKind} onKeyDown={onGridKey}>
        <thead>
          <tr>
            <th className="tri-corner" scope="col">
              <span>{rowsKind === 'themes' ? t('cornerThemes') : t('cornerCodes')}</span>
              <span className="tri-corner-hint">{t('cellHeader')}</span>
            </th>
            {matrix.columns.map((column) => (
              <th key={column.key} scope="col" className="tri-col" data-column={column.key} title={t('columnHeader', { label: columnLabel(column, t('noValue')), n: column.informants })}>
                <span className="tri-col-bar" style={{ background: typeColour.get(column.key) ?? 'transparent' }} />
                <span className="tri-col-label">{breakable(columnLabel(column, t('noValue')))}</span>
                <span className="tri-col-n">({column.informants})</span>
              </th>
            ))}
            <th scope="col" className="tri-col tri-total-col">
              <span className="tri-col-bar" />
              <span className="tri-col-label">{t('total')}</span>
              <span className="tri-col-n">({all})</span>
            </th>
            {withConvergence && <th scope="col" className="tri-conv-col" title={t('convergenceHint')}>{t('convergence')}<span className="tri-col-sub">{t('convergenceSub')}</span></th>}
          </tr>
        </thead>
        <tbody>
          {rows.map(({ row, depth }, r) => (
            <MatrixRow
              key={`${row.kind}:${row.id}`}
              row={row}
              r={r}
              depth={depth}
              columns={matrix.columns}
              all={all}
              withConvergence={withConvergence}
              selectedColumn={selected && selected.rowId === row.id && selected.kind === row.kind ? selected.column : null}
              onCell={onCell}
              onOpenRow={onOpenRow}
            />
          ))}
        </tbody>
      </table>
      {rows.length === 0 && <p className="muted tri-loading">{t('noMatch', { query })}</p>}
      <NotInterviewed columns={matrix.columns} />
    </div>
  );
}

/**
 * One row. Memoised: selecting a cell re-renders only the rows whose selection changed,
 * and hover is pure CSS, so a 200 × 8 table stays quick.
 */
const MatrixRow = memo(function MatrixRow({ row, r, depth, columns, all, withConvergence, selectedColumn, onCell, onOpenRow }: {
  row: TriangulationRow;
  r: number;
  depth: number;
  columns: readonly TriangulationColumn[];
  all: number;
  withConvergence: boolean;
  selectedColumn: string | null;
  onCell: (row: TriangulationRow, column: TriangulationColumn) => void;
  onOpenRow: (row: TriangulationRow) => void;
}) {
  const t = useStrings(triangulationStrings);
  const cells = useMemo(() => columns.map((column, i) => cellModel(row.cells[i] ?? { informants: 0, extracts: 0 }, column)), [row, columns]);
  const basis = useMemo(() => suggestionBasis(row, columns, t('noValue')), [row, columns, t]);
  return (
    <tr className="tri-row" data-row-id={row.id} data-kind={row.kind}>
      <th scope="row" className="tri-row-head">
        <button
          className="tri-row-name"
          style={{ paddingLeft: 8 + depth * 16 }}
          onClick={() => onOpenRow(row)}
          title={row.kind === 'theme' ? t('openTheme') : t('openCode')}
          data-r={r}
          data-c={-1}
          data-testid="row-header"
        >
          <span className="swatch" style={{ background: row.colour }} />
          <span className="tri-row-label">{row.name}</span>
        </button>
      </th>
      {columns.map((column, i) => {
        const cell = cells[i]!;
        const label = columnLabel(column, t('noValue'));
        const extracts = plural(t, cell.extracts, 'extractsOne', 'extractsMany');
        const title = cell.state === 'empty' ? t('cellEmptyTitle', { column: label })
          : cell.state === 'silent' ? t('cellSilentTitle', { row: row.name, column: label, total: cell.total })
            : t('cellTitle', { row: row.name, column: label, informants: cell.informants, total: cell.total, extracts });
        // The accessible name starts with the text on screen (speech input users say what they see), then the long form.
        const visible = cell.state === 'empty' ? '–' : `${cell.informants}/${cell.total} ${cell.state === 'silent' ? t('silent') : extracts}`;
        return (
          <td key={column.key} className={`tri-cell-td ${cell.state}`}>
            <button
              className={`tri-cell ${cell.state}${cell.lightInk ? ' light' : ''}${selectedColumn === column.key ? ' selected' : ''}`}
              style={cell.background ? { background: cell.background } : undefined}
              onClick={() => onCell(row, column)}
              disabled={cell.state === 'empty'}
              aria-pressed={selectedColumn === column.key}
              title={title}
              aria-label={`${visible}: ${title}`}
              data-r={r}
              data-c={i}
              data-column={column.key}
              data-state={cell.state}
              data-testid="triangulation-cell"
            >
              {cell.state === 'empty' ? <span className="tri-frac">–</span> : (
                <>
                  <span className="tri-frac">{cell.informants}/{cell.total}</span>{' '}
                  <span className="tri-ext">{cell.state === 'silent' ? t('silent') : extracts}</span>
                </>
              )}
            </button>
          </td>
        );
      })}
      <td className="tri-total">
        <span className="tri-frac">{row.informants}/{all}</span>
        <span className="tri-ext">{plural(t, row.extracts, 'extractsOne', 'extractsMany')}</span>
      </td>
      {withConvergence && (
        <td className="tri-conv-td">
          <ConvergenceCell themeId={row.id as ThemeId} themeName={row.name} basis={basis} convergence={row.convergence} reason={row.convergenceReason} />
        </td>
      )}
    </tr>
  );
});

/** The extracts behind one cell, by transcript, with the group's silent members named. */
function CellPanel({ row, column, supporting, groupBy, coders, onClose }: {
  row: TriangulationRow;
  column: TriangulationColumn;
  /** The cell's count of supporting informants, as the table shows it. */
  supporting: number;
  groupBy: GroupBy;
  /** The coders counted (blind mode, the coder filter); everyone when absent. */
  coders: CoderId[] | undefined;
  onClose: () => void;
}) {
  const t = useStrings(triangulationStrings);
  const extracts = useQuery('analysis.cellExtracts', { rowKind: row.kind, rowId: row.id, groupBy, column: column.key, ...(coders ? { coders } : {}) }).data;
  const informants = useQuery('informants.list', {}).data;
  const members = useMemo(() => (informants ? groupMembers(informants, groupBy, column.key) : []), [informants, groupBy, column.key]);
  const silent = useMemo(() => (extracts ? silentMembers(members, extracts) : []), [members, extracts]);
  const documents = useMemo(() => (extracts ? byDocument(extracts) : []), [extracts]);
  const label = columnLabel(column, t('noValue'));

  return (
    <SidePanel
      testId="cell-extracts"
      onClose={onClose}
      title={<><span className="swatch" style={{ background: row.colour }} />{row.name} <span className="tri-panel-x">×</span> {label}</>}
      subtitle={extracts ? t('panelSummary', {
        informants: supporting, total: column.informants, extracts: plural(t, extracts.length, 'extractsOne', 'extractsMany'),
      }) : t('loading')}
    >
      {silent.length > 0 && extracts && extracts.length > 0 && (
        <p className="tri-silent-members" data-testid="silent-members">{t('panelSilentMembers', { labels: silent.map((m) => m.label).join(', ') })}</p>
      )}
      {extracts?.length === 0 && <p className="muted">{t('panelEmpty')}</p>}
      {documents.map((doc) => (
        <section key={doc.documentId} className="tri-doc">
          <h3 className="tri-doc-head">
            <span className="tri-doc-who">{doc.informantLabels.join(', ') || t('noInformant')}</span>
            {doc.informantTypes.length > 0 && <span className="tri-doc-type">{doc.informantTypes.join(', ')}</span>}
            <span className="tri-doc-title">{doc.title}</span>
            <span className="count">{doc.extracts.length}</span>
          </h3>
          {doc.extracts.map((extract) => <ExtractQuote key={extract.id} extract={extract} showCode={row.kind === 'theme'} />)}
        </section>
      ))}
    </SidePanel>
  );
}
