import { memo, useMemo, useState } from 'react';
import type { DocumentId, InformantId } from '../../../src/domain/ids';
import type { DocumentSummary, Informant, InformantType } from '../../../src/domain/types';
import { useLanguage, useStrings } from '../../i18n/i18n';
import { ConfirmDialog } from '../../lib/ConfirmDialog';
import { Modal } from '../../lib/Modal';
import { useProject } from '../../lib/state';
import { useMayChange } from '../../lib/team-context';
import { rowBudget, useGrowingLimit } from '../../lib/use-growing-limit';
import { groupDocumentsByType, naturalCompare, type GroupedDocument } from './document-groups';
import { formatNumber } from './format';
import { InlineText } from './InlineText';
import { homeStrings } from './strings';

/** The transcripts, grouped by informant type, with what each holds and the actions on it. */
export function DocumentsSection({ documents, informants, types, onImport }: {
  documents: readonly DocumentSummary[];
  informants: readonly Informant[];
  types: readonly InformantType[];
  /** Absent where nothing can be imported (a team project). */
  onImport?: (() => void) | undefined;
}) {
  const t = useStrings(homeStrings);
  const { language } = useLanguage();
  const { run, navigate } = useProject();
  const groups = useMemo(() => groupDocumentsByType(documents, informants, types, t('unassigned')), [documents, informants, types, t]);
  const { limit, sentinel } = useGrowingLimit(documents.length);
  // Keyed by group too: a group interview is listed under several types, and only the row clicked turns into a field.
  const [renaming, setRenaming] = useState<string | null>(null);
  const [assigning, setAssigning] = useState<DocumentSummary | null>(null);
  const [deleting, setDeleting] = useState<DocumentSummary | null>(null);
  const n = (value: number) => formatNumber(value, language);
  const docCount = (value: number) => (value === 1 ? t('docCountOne') : t('docCountMany', { n: n(value) }));

  const take = rowBudget(limit);
  return (
    <section className="hm-panel" data-testid="documents">
      <div className="hm-panel-head">
        <h2>{t('documentsTitle')}</h2>
        <span className="count">{n(documents.length)}</span>
        <span className="muted hm-panel-hint">{t('documentsHint')}</span>
        <div className="spacer" />
        {onImport && <button onClick={onImport} data-testid="documents-import">{t('importTranscripts')}</button>}
      </div>
      <div className="hm-table-scroll">
        <table className="hm-dense hm-documents-table">
          <thead>
            <tr>
              <th>{t('colTitle')}</th>
              <th>{t('colInformants')}</th>
              <th>{t('colFormat')}</th>
              <th>{t('colEncoding')}</th>
              <th className="hm-num">{t('colWords')}</th>
              <th className="hm-num">{t('colTurns')}</th>
              <th className="hm-num">{t('colCodings')}</th>
              <th className="hm-actions-col" />
            </tr>
          </thead>
          {groups.map((group) => {
            const groupKey = group.typeId === null ? 'none' : String(group.typeId);
            const shown = take(group.documents);
            if (shown.length === 0 && group.documents.length > 0) return null;
            return (
              <tbody key={groupKey} data-testid="document-group">
                <tr className="hm-group-row">
                  <th colSpan={8} scope="rowgroup">
                    <span className="swatch" style={{ background: group.colour }} />
                    <span className="hm-group-name">{group.name}</span>
                    <span className="count">{t('groupTotals', { docs: docCount(group.documents.length), words: n(group.words), codings: group.codings === 1 ? t('codingCountOne') : t('codingCountMany', { n: n(group.codings) }) })}</span>
                  </th>
                </tr>
                {shown.map((entry) => {
                  const rowKey = `${groupKey}:${entry.document.id}`;
                  return <DocumentRow key={rowKey} rowKey={rowKey} entry={entry} renaming={renaming === rowKey} run={run} navigate={navigate}
                    onRenaming={setRenaming} onAssign={setAssigning} onDelete={setDeleting} />;
                })}
              </tbody>
            );
          })}
        </table>
        {sentinel}
      </div>
      {assigning && <AssignDialog document={assigning} informants={informants} types={types} onClose={() => setAssigning(null)} />}
      {deleting && (
        <ConfirmDialog
          title={t('confirmDeleteDocTitle', { title: deleting.title })}
          message={(
            <>
              <p>{deleting.codingCount === 0 ? t('confirmDeleteDocNoCodings') : deleting.codingCount === 1 ? t('confirmDeleteDocOneCoding') : t('confirmDeleteDocCodings', { n: n(deleting.codingCount) })}</p>
              <p className="muted">{t('undoHint')}</p>
            </>
          )}
          confirmLabel={t('delete')}
          cancelLabel={t('cancel')}
          onCancel={() => setDeleting(null)}
          onConfirm={() => { const id = deleting.id; setDeleting(null); void run('documents.delete', { id }).catch(() => undefined); }}
        />
      )}
    </section>
  );
}

/** One transcript of the table; memoised, so drawing the next chunk of rows leaves the rows drawn alone. */
const DocumentRow = memo(function DocumentRow({ rowKey, entry, renaming, run, navigate, onRenaming, onAssign, onDelete }: {
  rowKey: string;
  entry: GroupedDocument;
  renaming: boolean;
  run: ReturnType<typeof useProject>['run'];
  navigate: ReturnType<typeof useProject>['navigate'];
  onRenaming: (key: string | null) => void;
  onAssign: (doc: DocumentSummary) => void;
  onDelete: (doc: DocumentSummary) => void;
}) {
  const t = useStrings(homeStrings);
  const { language } = useLanguage();
  // A reviewer of a team project opens transcripts; renaming, assigning and deleting them is the coders'.
  const mayChange = useMayChange();
  const n = (value: number) => formatNumber(value, language);
  const doc = entry.document;
  return (
    <tr data-testid="document-row" data-document-id={doc.id}>
      <td className="hm-doc-title-cell">
        {renaming ? (
          <InlineText value={doc.title} required autoFocus label={t('renameLabel', { title: doc.title })} testId="document-title-input" className="renaming"
            onCommit={(title) => run('documents.rename', { id: doc.id, title })} onFinish={() => onRenaming(null)} />
        ) : (
          <button className="link hm-doc-open" onClick={() => navigate({ view: 'document', documentId: doc.id })} title={doc.sourceName} data-testid="document-open"
            onDoubleClick={() => { if (mayChange) onRenaming(rowKey); }}>
            {doc.title}
          </button>
        )}
      </td>
      <td>
        {entry.informantLabels.length === 0 ? <span className="muted">{t('noneAssigned')}</span> : (
          <span className="hm-chips">
            {entry.informantLabels.map((label) => <span key={label} className="hm-chip">{label}</span>)}
            {entry.shared && <span className="hm-chip hm-group-chip" title={t('groupInterviewTitle')}>{t('groupInterview')}</span>}
          </span>
        )}
      </td>
      <td><span className="hm-format-tag">{doc.format}</span></td>
      <td className="muted">{doc.encoding}</td>
      <td className="hm-num">{n(doc.wordCount)}</td>
      <td className="hm-num">{n(doc.turnCount)}</td>
      <td className="hm-num">{doc.codingCount > 0 ? n(doc.codingCount) : <span className="muted">0</span>}</td>
      <td className="hm-actions-col">
        {mayChange && <>
        <button className="hm-row-action" onClick={() => onRenaming(rowKey)} data-testid="document-rename">{t('rename')}</button>
        <button className="hm-row-action" onClick={() => onAssign(doc)} data-testid="document-assign">{t('assign')}</button>
        <button className="hm-row-action danger" onClick={() => onDelete(doc)} aria-label={t('deleteDocument', { title: doc.title })} data-testid="document-delete">{t('delete')}</button>
        </>}
      </td>
    </tr>
  );
});

/** Which informants speak in a transcript: checkboxes grouped by type, with a filter for long lists. */
function AssignDialog({ document, informants, types, onClose }: {
  document: DocumentSummary;
  informants: readonly Informant[];
  types: readonly InformantType[];
  onClose: () => void;
}) {
  const t = useStrings(homeStrings);
  const { run } = useProject();
  const [chosen, setChosen] = useState<ReadonlySet<InformantId>>(() => new Set(document.informantIds));
  const [query, setQuery] = useState('');
  const [busy, setBusy] = useState(false);
  const q = query.trim().toLocaleLowerCase();
  const visible = informants.filter((i) => !q || `${i.label} ${i.name} ${i.typeName}`.toLocaleLowerCase().includes(q));
  const toggle = (id: InformantId) => setChosen((set) => {
    const next = new Set(set);
    if (next.has(id)) next.delete(id); else next.add(id);
    return next;
  });
  const save = () => {
    setBusy(true);
    void run('documents.assign', { id: document.id as DocumentId, informantIds: [...chosen] }).then(onClose, () => setBusy(false));
  };
  return (
    <Modal
      title={t('assignTitle', { title: document.title })}
      onClose={onClose}
      busy={busy}
      size="medium"
      testId="assign-dialog"
      footer={(
        <>
          <span className="muted modal-footer-note">{t('selectedCount', { n: chosen.size })}</span>
          <button onClick={onClose} disabled={busy}>{t('cancel')}</button>
          <button className="primary" onClick={save} disabled={busy} data-testid="assign-save">{t('save')}</button>
        </>
      )}
    >
      <p className="muted">{t('assignHint')}</p>
      {informants.length === 0 ? <p className="muted">{t('assignNone')}</p> : (
        <>
          {informants.length > 8 && (
            <input className="hm-assign-filter" value={query} onChange={(e) => setQuery(e.target.value)} placeholder={t('assignFilter')} aria-label={t('assignFilter')} />
          )}
          <div className="hm-assign-list">
            {types.map((type) => {
              const members = visible.filter((i) => i.typeId === type.id).sort((a, b) => naturalCompare(a.label, b.label));
              if (members.length === 0) return null;
              return (
                <fieldset key={type.id} className="hm-assign-group">
                  <legend><span className="swatch" style={{ background: type.colour }} />{type.name}</legend>
                  {members.map((i) => (
                    <label key={i.id} className="hm-check-row">
                      <input type="checkbox" checked={chosen.has(i.id)} onChange={() => toggle(i.id)} data-testid={`assign-${i.label}`} />
                      <strong>{i.label}</strong>
                      {i.name && <span className="muted">{i.name}</span>}
                    </label>
                  ))}
                </fieldset>
              );
            })}
          </div>
        </>
      )}
    </Modal>
  );
}
