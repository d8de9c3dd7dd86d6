import { useState } from 'react';
import type { Comment, CommentTarget } from '../../../src/domain/types';
import { useLanguage, useStrings } from '../../i18n/i18n';
import { useProject, useQuery } from '../../lib/state';
import { useMayChange } from '../../lib/team-context';
import { commentAuthor, unplacedNote } from './comment-text';
import { commentStrings } from './strings';
import './comments.css';

/** A plain target: ids as numbers, branded on the way into the contract. */
export type ThreadTarget = { readonly kind: CommentTarget['kind']; readonly id: number };

/**
 * The comment thread on a theme, a link, a code or a quote: what a teammate or a supervisor
 * leaves while reading. A supervisor's comment, imported from a review package, names them as a
 * reviewer. Resolved comments fold away but stay on record. `title` heads it; `readOnly` hides
 * the box to write in (a project open read-only).
 */
export function CommentThread({ target, title, testId = 'comment-thread' }: { target: ThreadTarget; title?: string; testId?: string }) {
  const t = useStrings(commentStrings);
  const { project, run } = useProject();
  const { data: comments } = useQuery('comments.list', { target: target as CommentTarget });
  const [draft, setDraft] = useState('');
  const [showResolved, setShowResolved] = useState(false);
  const [busy, setBusy] = useState(false);
  const readOnly = (project?.readOnly ?? null) !== null;

  const add = () => {
    const body = draft.trim();
    if (!body || busy) return;
    setBusy(true);
    run('comments.add', { target: target as CommentTarget, body })
      .then(() => setDraft(''), () => undefined)
      .finally(() => setBusy(false));
  };

  const open = (comments ?? []).filter((c) => c.resolvedAt === null);
  const resolved = (comments ?? []).filter((c) => c.resolvedAt !== null);
  const shown = showResolved ? [...open, ...resolved] : open;

  return (
    <section className="cm-thread" data-testid={testId}>
      <h3 className="cm-title">{title ?? t('comments')}{open.length > 0 && <span className="count"> {open.length}</span>}</h3>
      {comments && shown.length === 0 && <p className="muted cm-note">{t('noComments')}</p>}
      <CommentList comments={shown} readOnly={readOnly} />
      {resolved.length > 0 && (
        <button type="button" className="link cm-toggle" onClick={() => setShowResolved((s) => !s)} data-testid="comment-toggle-resolved">
          {showResolved ? t('hideResolved') : t('showResolved', { n: resolved.length })}
        </button>
      )}
      {!readOnly && (
        <>
          <textarea
            className="cm-input" rows={2} value={draft} placeholder={t('commentPlaceholder')} aria-label={t('commentPlaceholder')} maxLength={20000}
            data-testid="comment-input"
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                e.preventDefault();
                add();
              }
            }}
          />
          <div className="cm-actions">
            <button type="button" onClick={add} disabled={!draft.trim() || busy} data-testid="comment-add">{t('addComment')}</button>
          </div>
        </>
      )}
    </section>
  );
}

/** Comments one under the other, each with its author (a reviewer marked as such), date, body and resolution. */
export function CommentList({ comments, readOnly = false }: { comments: readonly Comment[]; readOnly?: boolean }) {
  const t = useStrings(commentStrings);
  const { language } = useLanguage();
  const { run } = useProject();
  // A reviewer of a team project adds comments; resolving them is the coders'.
  const mayResolve = useMayChange();
  const date = new Intl.DateTimeFormat(language === 'id' ? 'id-ID' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
  const when = (iso: string) => {
    const d = new Date(iso);
    return Number.isNaN(d.getTime()) ? iso : date.format(d);
  };
  return (
    <ul className="cm-list">
      {comments.map((c) => (
        <li key={c.id} className={`cm-comment${c.resolvedAt ? ' resolved' : ''}${c.review ? ' review' : ''}`} data-testid="comment" data-resolved={c.resolvedAt !== null} data-review={c.review !== null}>
          <div className="cm-head">
            <strong className="cm-author" title={c.review ? t('reviewAuthorHint', { name: c.author }) : undefined}>{commentAuthor(c, t)}</strong>
            <time className="muted" dateTime={c.createdAt}>{when(c.createdAt)}</time>
            {!readOnly && mayResolve && (
              <button
                type="button" className="link cm-resolve" data-testid={c.resolvedAt ? 'comment-reopen' : 'comment-resolve'}
                onClick={() => void run('comments.resolve', { id: c.id, resolved: c.resolvedAt === null }).catch(() => undefined)}
              >
                {c.resolvedAt ? t('reopen') : t('resolve')}
              </button>
            )}
          </div>
          {c.unplaced && <p className="cm-unplaced" data-testid="comment-unplaced">{unplacedNote(c, t)}</p>}
          <p className="cm-body">{c.body}</p>
          {c.resolvedAt && c.resolvedBy && <p className="muted cm-meta">{t('resolvedBy', { name: c.resolvedBy })}</p>}
        </li>
      ))}
    </ul>
  );
}
