import { useMemo, useRef, useState, type FormEvent } from 'react';
import type { Memo } from '../../../src/domain/types';
import { useStrings } from '../../i18n/i18n';
import { useProject, useQuery } from '../../lib/state';
import { ConfirmDialog } from '../../lib/ConfirmDialog';
import { countByKind, excerpt, filterMemos, resolveTarget, type MemoFilter } from './memo-filter';
import { MemoEntry } from './MemoEntry';
import { PhasePanel } from './PhasePanel';
import { journalStrings } from './strings';
import { useTargetLookups } from './use-target-lookups';
import { useMayChange } from '../../lib/team-context';
import './journal.css';

/** The reflexive journal and every memo in the project, with the Braun & Clarke phase on top. */
export function JournalView() {
  const t = useStrings(journalStrings);
  const { project, run } = useProject();
  const memos = useQuery('memos.list', {}).data;
  const lookups = useTargetLookups(memos ?? []);
  const [filter, setFilter] = useState<MemoFilter>('all');
  const [query, setQuery] = useState('');
  const [writing, setWriting] = useState(false);
  // A reviewer of a team project reads the journal and the memos; writing them is the coders'.
  const mayChange = useMayChange();
  const [deleting, setDeleting] = useState<Memo | null>(null);

  const describe = useMemo(() => (memo: Memo) => {
    const target = resolveTarget(memo, lookups);
    return [target.label, target.context].join(' ');
  }, [lookups]);
  const shown = useMemo(() => filterMemos(memos ?? [], filter, query, describe), [memos, filter, query, describe]);
  const counts = countByKind(memos ?? []);
  if (!project) return null;

  const emptyMessage = query.trim() ? t('noMatches', { query: query.trim() })
    : filter === 'journal' ? t('noJournal') : filter === 'memos' ? t('noMemos') : t('noneAtAll');

  return (
    <div className="jr-journal" data-testid="journal">
      <header className="jr-journal-header">
        <h1>{t('title')}</h1>
        <p className="muted">{t('intro')}</p>
      </header>
      <PhasePanel phase={project.phase} />

      <div className="jr-journal-toolbar">
        {mayChange && <button className="primary" onClick={() => setWriting(true)} disabled={writing} data-testid="journal-new">{t('newEntry')}</button>}
        <div className="jr-segmented" role="radiogroup" aria-label={t('filterAll')}>
          {([['journal', t('filterJournal'), counts.journal], ['memos', t('filterMemos'), counts.memos], ['all', t('filterAll'), counts.all]] as const).map(([key, label, n]) => (
            <button key={key} role="radio" aria-checked={filter === key} className={filter === key ? 'active' : ''} onClick={() => setFilter(key)} data-testid={`memo-filter-${key}`}>
              {label} <span className="count">{n}</span>
            </button>
          ))}
        </div>
        <div className="jr-search-box">
          <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder={t('search')} aria-label={t('search')} data-testid="memo-search"
            onKeyDown={(e) => { if (e.key === 'Escape' && query) { e.stopPropagation(); setQuery(''); } }} />
        </div>
      </div>

      {writing && (
        <NewEntry
          onDone={(saved) => {
            setWriting(false);
            if (saved) {
              setQuery('');
              if (filter === 'memos') setFilter('all');
            }
          }}
        />
      )}

      {memos && (
        <div className="jr-memo-list" data-testid="memo-list">
          {shown.length === 0 ? <p className="muted jr-journal-empty">{emptyMessage}</p>
            : shown.map((memo) => <MemoEntry key={memo.id} memo={memo} target={resolveTarget(memo, lookups)} onDelete={setDeleting} />)}
        </div>
      )}

      {deleting && (
        <ConfirmDialog
          title={deleting.kind === 'journal' ? t('confirmDeleteTitleJournal') : t('confirmDeleteTitleMemo')}
          message={<p>{t('confirmDelete', { title: deleting.title || excerpt(deleting.body, 60) || t('untitled') })}</p>}
          confirmLabel={t('delete')}
          cancelLabel={t('cancel')}
          onCancel={() => setDeleting(null)}
          onConfirm={() => { const id = deleting.id; setDeleting(null); void run('memos.delete', { id }).catch(() => undefined); }}
        />
      )}
    </div>
  );
}

function NewEntry({ onDone }: { onDone: (saved: boolean) => void }) {
  const t = useStrings(journalStrings);
  const { run } = useProject();
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const bodyRef = useRef<HTMLTextAreaElement>(null);

  const save = (event?: FormEvent) => {
    event?.preventDefault();
    if (!body.trim() && !title.trim()) {
      bodyRef.current?.focus();
      return;
    }
    setBusy(true);
    void run('memos.create', { kind: 'journal', title: title.trim(), body, target: { kind: 'project' } })
      .then(() => onDone(true), () => setBusy(false));
  };
  return (
    <form className="jr-new-entry" onSubmit={save} onKeyDown={(e) => { if (e.key === 'Escape' && !title && !body) onDone(false); }} data-testid="journal-editor">
      <input autoFocus value={title} onChange={(e) => setTitle(e.target.value)} placeholder={t('entryTitlePlaceholder')} aria-label={t('entryTitle')} maxLength={500} data-testid="journal-title" />
      <textarea ref={bodyRef} rows={6} value={body} onChange={(e) => setBody(e.target.value)} placeholder={t('entryBodyPlaceholder')} aria-label={t('entryBody')} data-testid="journal-body"
        onKeyDown={(e) => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) save(); }} />
      <div className="jr-actions">
        <button type="submit" className="primary" disabled={busy || (!body.trim() && !title.trim())} data-testid="journal-save">{t('saveEntry')}</button>
        <button type="button" onClick={() => onDone(false)}>{t('cancel')}</button>
        <span className="muted">{t('saveHint')}</span>
      </div>
    </form>
  );
}
