import { memo, useCallback, useMemo, useState, type FormEvent } from 'react';
import type { Args } from '../../../src/api/contract';
import type { InformantTypeId } from '../../../src/domain/ids';
import type { Attribute, DocumentSummary, Informant, InformantType } from '../../../src/domain/types';
import { useLanguage, useStrings } from '../../i18n/i18n';
import { useProject } from '../../lib/state';
import { useMayChange } from '../../lib/team-context';
import { attributeLabel } from '../../lib/attribute-names';
import { formatNumber } from './format';
import { InlineText } from './InlineText';
import {
  attributeChange, attributeColumns, attributeValue, informantRows, newColumnProblem, nextSort, type Sort, type SortKey,
} from './informant-table';
import { messageOf } from './InformantTypesPanel';
import { ConfirmDialog } from '../../lib/ConfirmDialog';
import { useGrowingLimit } from '../../lib/use-growing-limit';
import { homeStrings } from './strings';

/**
 * The case table: one row per informant, one column per attribute, edited in place like a
 * spreadsheet. Attribute columns are what triangulation by city, sector or firm size uses.
 */
export function InformantsTable({ informants, types, attributes, documents }: {
  informants: readonly Informant[];
  types: readonly InformantType[];
  attributes: readonly Attribute[];
  documents: readonly DocumentSummary[];
}) {
  const t = useStrings(homeStrings);
  const { language } = useLanguage();
  const { run } = useProject();
  // A reviewer reads the case table (filter and sort it too); the cells, columns and rows are the coders' to change.
  const mayChange = useMayChange();
  const [typeFilter, setTypeFilter] = useState<InformantTypeId | 'all'>('all');
  const [sort, setSort] = useState<Sort>({ key: 'label', descending: false });
  const [added, setAdded] = useState<readonly string[]>([]);
  const [askingColumn, setAskingColumn] = useState(false);
  const [deleting, setDeleting] = useState<Informant | null>(null);

  const columns = useMemo(() => attributeColumns(attributes, informants, added), [attributes, informants, added]);
  // A filter on a type that was deleted (or undone away) falls back to all.
  const filter = typeFilter !== 'all' && !types.some((type) => type.id === typeFilter) ? 'all' : typeFilter;
  const rows = useMemo(() => informantRows(informants, filter, sort, columns), [informants, filter, sort, columns]);
  const { limit, sentinel } = useGrowingLimit(rows.length);
  const titleOf = useMemo(() => new Map(documents.map((d) => [d.id, d.title])), [documents]);
  const update = useCallback((informant: Informant, changes: Omit<Args<'informants.update'>, 'id'>) =>
    run('informants.update', { id: informant.id, ...changes }), [run]);

  const header = (key: SortKey, label: string, className?: string) => (
    <th className={className} aria-sort={sort.key === key ? (sort.descending ? 'descending' : 'ascending') : undefined}>
      <button className="hm-sort-button" onClick={() => setSort(nextSort(sort, key))} title={t('sortBy', { column: label })}>
        {label}{sort.key === key && <span className="hm-sort-mark">{sort.descending ? '▾' : '▴'}</span>}
      </button>
    </th>
  );

  return (
    <section className="hm-panel" data-testid="informants-table">
      <div className="hm-panel-head">
        <h2>{t('informantsTitle')}</h2>
        <span className="count">{filter === 'all' ? formatNumber(informants.length, language) : t('showing', { shown: rows.length, total: informants.length })}</span>
        <div className="spacer" />
        <label className="hm-inline-field">
          <span>{t('filterByType')}</span>
          <select value={filter} onChange={(e) => setTypeFilter(e.target.value === 'all' ? 'all' : Number(e.target.value) as InformantTypeId)} data-testid="informant-filter">
            <option value="all">{t('allTypes')}</option>
            {types.map((type) => <option key={type.id} value={type.id}>{type.name}</option>)}
          </select>
        </label>
        {mayChange && <button onClick={() => setAskingColumn(true)} disabled={askingColumn} data-testid="add-attribute-column">{t('addColumn')}</button>}
      </div>
      {askingColumn && (
        <NewColumnForm
          columns={columns}
          reserved={[t('colLabel'), t('colName'), t('colType'), t('colTranscripts'), 'label', 'name', 'type']}
          onAdd={(name) => { setAdded((list) => [...list, name]); setAskingColumn(false); }}
          onCancel={() => setAskingColumn(false)}
        />
      )}
      {informants.length === 0 ? <p className="muted hm-panel-note">{t('noInformants')}</p> : (
        <div className="hm-table-scroll">
          <table className="hm-dense hm-informants">
            <thead>
              <tr>
                {header('label', t('colLabel'), 'hm-col-label')}
                {header('name', t('colName'), 'col-name')}
                {header('type', t('colType'), 'col-type')}
                {columns.map((c) => header(`attr:${c.name}`, attributeLabel(c.name, language), `${c.numeric ? 'hm-num ' : ''}hm-col-attr${c.pending ? ' pending' : ''}`))}
                {header('documents', t('colTranscripts'), 'hm-num')}
                <th className="hm-actions-col" />
              </tr>
            </thead>
            <tbody>
              {rows.length === 0 && <tr><td colSpan={columns.length + 5} className="muted">{t('noInformantsOfType')}</td></tr>}
              {rows.slice(0, limit).map((informant) => (
                <InformantRow key={informant.id} informant={informant} types={types} columns={columns} titleOf={titleOf} update={update} onDelete={setDeleting} mayChange={mayChange} />
              ))}
            </tbody>
          </table>
          {sentinel}
        </div>
      )}
      {columns.some((c) => c.pending) && <p className="muted hm-panel-note">{t('pendingColumn')}</p>}
      {mayChange && <AddInformantForm types={types} defaultType={filter === 'all' ? undefined : filter} />}
      {deleting && (
        <ConfirmDialog
          title={t('confirmDeleteInformantTitle', { label: deleting.label })}
          message={(
            <>
              <p>{deleting.documentIds.length === 0 ? t('confirmDeleteInformantNoDocs', { label: deleting.label })
                : deleting.documentIds.length === 1 ? t('confirmDeleteInformantOneDoc', { label: deleting.label })
                : t('confirmDeleteInformantDocs', { n: deleting.documentIds.length, label: deleting.label })}</p>
              <p className="muted">{t('undoHint')}</p>
            </>
          )}
          confirmLabel={t('delete')}
          cancelLabel={t('cancel')}
          onCancel={() => setDeleting(null)}
          onConfirm={() => { const id = deleting.id; setDeleting(null); void run('informants.delete', { id }).catch(() => undefined); }}
        />
      )}
    </section>
  );
}

/** One informant; memoised, so drawing the next chunk of rows or editing one cell leaves the other rows alone. */
const InformantRow = memo(function InformantRow({ informant, types, columns, titleOf, update, onDelete, mayChange }: {
  informant: Informant;
  types: readonly InformantType[];
  columns: ReturnType<typeof attributeColumns>;
  titleOf: ReadonlyMap<DocumentSummary['id'], string>;
  update: (informant: Informant, changes: Omit<Args<'informants.update'>, 'id'>) => Promise<unknown>;
  onDelete: (informant: Informant) => void;
  mayChange: boolean;
}) {
  const t = useStrings(homeStrings);
  const { language } = useLanguage();
  const readOnly = !mayChange;
  return (
    <tr key={informant.id} data-testid="informant-row">
      <td className="hm-cell-edit">
        <InlineText value={informant.label} required label={t('cellLabel', { column: t('colLabel'), label: informant.label })} className="strong" testId="informant-label" readOnly={readOnly}
          onCommit={(label) => update(informant, { label })} />
      </td>
      <td className="hm-cell-edit">
        <InlineText value={informant.name} label={t('cellLabel', { column: t('colName'), label: informant.label })} testId="informant-name" readOnly={readOnly}
          onCommit={(name) => update(informant, { name })} />
      </td>
      <td className="hm-cell-edit">
        <select className="hm-inline-select" value={informant.typeId} aria-label={t('cellLabel', { column: t('colType'), label: informant.label })} data-testid="informant-type" disabled={readOnly}
          onChange={(e) => void update(informant, { typeId: Number(e.target.value) }).catch(() => undefined)}>
          {types.map((type) => <option key={type.id} value={type.id}>{type.name}</option>)}
        </select>
      </td>
      {columns.map((c) => (
        <td key={c.name} className="hm-cell-edit">
          <InlineText value={attributeValue(informant, c.name)} align={c.numeric ? 'right' : 'left'} label={t('cellLabel', { column: attributeLabel(c.name, language), label: informant.label })}
            testId={`attr-${c.name}`} readOnly={readOnly}
            onCommit={(value) => {
              const change = attributeChange(informant, c.name, value);
              return change ? update(informant, { attributes: change }) : undefined;
            }} />
        </td>
      ))}
      <td className="hm-num" title={informant.documentIds.map((id) => titleOf.get(id) ?? '').join('\n')}>
        {informant.documentIds.length}
        {!informant.interviewed && <span className="hm-not-interviewed" data-testid="not-interviewed-badge" title={t('notInterviewedHint')}>{t('notInterviewed')}</span>}
      </td>
      <td className="hm-actions-col">
        {mayChange && <button className="hm-row-action danger" onClick={() => onDelete(informant)} aria-label={t('deleteInformant', { label: informant.label })} data-testid="informant-delete">{t('delete')}</button>}
      </td>
    </tr>
  );
});

function NewColumnForm({ columns, reserved, onAdd, onCancel }: {
  columns: Parameters<typeof newColumnProblem>[1];
  reserved: readonly string[];
  onAdd: (name: string) => void;
  onCancel: () => void;
}) {
  const t = useStrings(homeStrings);
  const [name, setName] = useState('');
  const [tried, setTried] = useState(false);
  const problem = newColumnProblem(name, columns, reserved);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!problem) onAdd(name.trim());
  };
  const message = problem === 'empty' ? t('columnEmpty') : problem === 'duplicate' ? t('columnDuplicate', { name: name.trim() }) : problem === 'reserved' ? t('columnReserved', { name: name.trim() }) : null;
  return (
    <form className="hm-add-column" onSubmit={submit} onKeyDown={(e) => { if (e.key === 'Escape') onCancel(); }}>
      <label className="hm-inline-field">
        <span>{t('columnName')}</span>
        <input autoFocus value={name} onChange={(e) => setName(e.target.value)} placeholder={t('columnPlaceholder')} maxLength={100} data-testid="new-column-name" />
      </label>
      <button type="submit" className="primary" data-testid="new-column-add">{t('addColumnConfirm')}</button>
      <button type="button" onClick={onCancel}>{t('cancel')}</button>
      {tried && message && <span className="hm-inline-error" role="alert">{message}</span>}
    </form>
  );
}

function AddInformantForm({ types, defaultType }: { types: readonly InformantType[]; defaultType: InformantTypeId | undefined }) {
  const t = useStrings(homeStrings);
  const { run } = useProject();
  const [label, setLabel] = useState('');
  const [name, setName] = useState('');
  const [chosenType, setChosenType] = useState<InformantTypeId | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const typeId = chosenType !== null && types.some((type) => type.id === chosenType) ? chosenType : defaultType ?? types[0]?.id;

  if (types.length === 0) return <p className="muted hm-panel-note">{t('needTypeFirst')}</p>;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!label.trim() || typeId === undefined) return;
    setProblem(null);
    void run('informants.create', { label: label.trim(), typeId, ...(name.trim() ? { name: name.trim() } : {}) }, { quiet: true })
      .then(() => { setLabel(''); setName(''); }, (e: unknown) => setProblem(messageOf(e)));
  };
  return (
    <form className="hm-add-row" onSubmit={submit}>
      <input value={label} onChange={(e) => setLabel(e.target.value)} placeholder={t('labelPlaceholder')} aria-label={t('colLabel')} maxLength={200} data-testid="informant-new-label" />
      <input value={name} onChange={(e) => setName(e.target.value)} placeholder={t('namePlaceholder')} aria-label={t('colName')} maxLength={200} data-testid="informant-new-name" />
      <select value={typeId} onChange={(e) => setChosenType(Number(e.target.value) as InformantTypeId)} aria-label={t('colType')} data-testid="informant-new-type">
        {types.map((type) => <option key={type.id} value={type.id}>{type.name}</option>)}
      </select>
      <button type="submit" disabled={!label.trim()} data-testid="informant-add">{t('addInformant')}</button>
      {problem && <span className="hm-inline-error" role="alert">{problem}</span>}
    </form>
  );
}
