import { useState, type FormEvent } from 'react';
import type { Memo } from '../../../src/domain/types';
import { useLanguage, useStrings } from '../../i18n/i18n';
import { useProject } from '../../lib/state';
import { formatDate } from '../home/format';
import { excerpt, parsePhaseMove, type ResolvedTarget } from './memo-filter';
import { journalStrings } from './strings';
import { usePhaseName } from '../../i18n/phase-names';
import { useMayChange } from '../../lib/team-context';

/** Bodies longer than this are folded until asked, so the list stays scannable. */
const FOLD_AT = 700;

/** One memo or journal entry: when, in which phase, by whom, on what; editable in place. */
export function MemoEntry({ memo, target, onDelete }: { memo: Memo; target: ResolvedTarget; onDelete: (memo: Memo) => void }) {
  const t = useStrings(journalStrings);
  const phaseName = usePhaseName();
  const { language } = useLanguage();
  const { run, navigate } = useProject();
  const [editing, setEditing] = useState(false);
  const mayChange = useMayChange();
  const [title, setTitle] = useState(memo.title);
  const [body, setBody] = useState(memo.body);
  const [expanded, setExpanded] = useState(false);
  const [busy, setBusy] = useState(false);

  const save = (event?: FormEvent) => {
    event?.preventDefault();
    const changes = { ...(title !== memo.title ? { title } : {}), ...(body !== memo.body ? { body } : {}) };
    if (Object.keys(changes).length === 0) return setEditing(false);
    setBusy(true);
    void run('memos.update', { id: memo.id, ...changes }).then(() => setEditing(false), () => undefined).finally(() => setBusy(false));
  };
  const startEditing = () => {
    setTitle(memo.title);
    setBody(memo.body);
    setEditing(true);
  };

  const journal = memo.kind === 'journal';
  const edited = Date.parse(memo.updatedAt) - Date.parse(memo.createdAt) > 60_000;
  const long = memo.body.length > FOLD_AT;
  const move = journal ? parsePhaseMove(memo.title) : null;
  const heading = move ? t('phaseMoveTitle', move) : memo.title || excerpt(memo.body) || t('untitled');

  return (
    <article className={`jr-memo-entry jr-kind-${memo.kind}`} data-testid="memo-entry" data-memo-id={memo.id}>
      <div className="jr-memo-rail" aria-hidden="true"><span className="jr-memo-dot" /></div>
      <div className="jr-memo-main">
        <header className="jr-memo-meta">
          <span className={`jr-kind-badge jr-kind-${memo.kind}`}>{journal ? t('journalBadge') : t('memoBadge')}</span>
          <time dateTime={memo.createdAt} title={formatDate(memo.createdAt, language, true)}>{formatDate(memo.createdAt, language, true)}</time>
          {memo.phase !== null && <span className="jr-phase-badge" title={phaseName(memo.phase)}>{t('writtenIn', { n: memo.phase })} · {t(`phase${memo.phase}Short`)}</span>}
          <span>{t('by', { author: memo.author })}</span>
          {edited && <span className="muted">· {t('edited', { date: formatDate(memo.updatedAt, language) })}</span>}
          <TargetLink target={target} onOpen={(link) => navigate(link)} />
          <span className="spacer" />
          {!editing && mayChange && (
            <>
              <button className="jr-row-action" onClick={startEditing} data-testid="memo-edit">{t('edit')}</button>
              <button className="jr-row-action danger" onClick={() => onDelete(memo)} data-testid="memo-delete">{t('delete')}</button>
            </>
          )}
        </header>
        {editing ? (
          <form className="jr-memo-editor" onSubmit={save} onKeyDown={(e) => { if (e.key === 'Escape') { e.stopPropagation(); setEditing(false); } }}>
            <input value={title} onChange={(e) => setTitle(e.target.value)} placeholder={t('entryTitlePlaceholder')} aria-label={t('entryTitle')} maxLength={500} data-testid="memo-edit-title" />
            <textarea autoFocus rows={Math.min(16, Math.max(4, body.split('\n').length + 1))} value={body} onChange={(e) => setBody(e.target.value)} aria-label={t('entryBody')} data-testid="memo-edit-body"
              onKeyDown={(e) => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) save(); }} />
            <div className="jr-actions">
              <button type="submit" className="primary" disabled={busy} data-testid="memo-edit-save">{t('save')}</button>
              <button type="button" onClick={() => setEditing(false)}>{t('cancel')}</button>
              <span className="muted">{t('saveHint')}</span>
            </div>
          </form>
        ) : (
          <>
            <h3 className={`jr-memo-title${memo.title ? '' : ' untitled'}`}>{heading}</h3>
            {memo.body && (
              <div className={`jr-memo-body${long && !expanded ? ' folded' : ''}`}>{memo.body}</div>
            )}
            {long && <button className="link jr-memo-more" onClick={() => setExpanded(!expanded)}>{expanded ? t('showLess') : t('showMore')}</button>}
          </>
        )}
      </div>
    </article>
  );
}

function TargetLink({ target, onOpen }: { target: ResolvedTarget; onOpen: (link: NonNullable<ResolvedTarget['link']>) => void }) {
  const t = useStrings(journalStrings);
  if (target.kind === 'project') return null;
  const kind = { document: t('onDocument'), code: t('onCode'), theme: t('onTheme'), coding: t('onCoding') }[target.kind];
  const label = target.kind === 'coding' ? `“${excerpt(target.label, 60)}”` : target.label;
  return (
    <span className="jr-memo-target" data-testid="memo-target">
      <span className="jr-target-kind">{kind}</span>
      {target.missing ? <span className="muted">{t('deletedTarget')}</span>
        : target.link ? <button className="link" onClick={() => onOpen(target.link!)} data-testid="memo-target-link">{label}</button>
        : <span>{label}</span>}
      {target.kind === 'coding' && target.context && <span className="muted"> {t('inDocument', { title: target.context })}</span>}
    </span>
  );
}
