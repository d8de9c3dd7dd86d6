import { useState } from 'react';
import type { ThemeId } from '../../../src/domain/ids';
import type { Comment } from '../../../src/domain/types';
import { useLanguage, useStrings } from '../../i18n/i18n';
import { useProject, useQuery } from '../../lib/state';
import { useMayChange } from '../../lib/team-context';
import { commentAuthor } from '../comments/comment-text';
import { commentStrings } from '../comments/strings';
import { partitionComments } from './review-model';
import { themesStrings } from './strings';

/** A supervisor's or teammate's questions on the theme; resolved ones fold away but stay. */
export function CommentsThread({ themeId }: { themeId: ThemeId }) {
  const t = useStrings(themesStrings);
  const tc = useStrings(commentStrings);
  const { language } = useLanguage();
  const { run } = useProject();
  const comments = useQuery('comments.list', { target: { kind: 'theme', id: themeId } }).data;
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  // A reviewer of a team project adds comments; resolving them is the coders'.
  const mayResolve = useMayChange();
  const { open, resolved } = partitionComments(comments ?? []);
  const when = (iso: string) => new Date(iso).toLocaleString(language === 'id' ? 'id-ID' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });

  const add = () => {
    if (!body.trim() || busy) return;
    setBusy(true);
    run('comments.add', { target: { kind: 'theme', id: themeId }, body: body.trim() }).then(
      () => { setBody(''); setBusy(false); },
      () => setBusy(false),
    );
  };
  const resolve = (comment: Comment, value: boolean) => void run('comments.resolve', { id: comment.id, resolved: value }).catch(() => undefined);

  const item = (comment: Comment) => (
    <li key={comment.id} className={`tr-comment${comment.resolvedAt ? ' resolved' : ''}`} data-testid="comment" data-resolved={comment.resolvedAt !== null}>
      <div className="tr-comment-head">
        <span className="tr-avatar" aria-hidden="true">{comment.author.slice(0, 1).toUpperCase()}</span>
        <span className="tr-comment-author" title={comment.review ? tc('reviewAuthorHint', { name: comment.author }) : undefined}>{commentAuthor(comment, tc)}</span>
        <time className="tr-comment-date" dateTime={comment.createdAt}>{when(comment.createdAt)}</time>
        {mayResolve && (comment.resolvedAt
          ? <button className="link tr-comment-action" onClick={() => resolve(comment, false)} data-testid="comment-reopen">{t('reopen')}</button>
          : <button className="link tr-comment-action" onClick={() => resolve(comment, true)} data-testid="comment-resolve">{t('resolve')}</button>)}
      </div>
      <p className="tr-comment-body">{comment.body}</p>
      {comment.resolvedAt && <p className="tr-comment-resolved">{t('resolvedBy', { who: comment.resolvedBy ?? '—', when: when(comment.resolvedAt) })}</p>}
    </li>
  );

  return (
    <section className="tr-panel tr-comments" aria-labelledby="tr-comments-title" data-testid="theme-comments">
      <h2 id="tr-comments-title" className="tr-panel-title">{t('commentsTitle')} {open.length > 0 && <span className="tr-open-count">{open.length}</span>}</h2>
      {comments && comments.length === 0 && <p className="muted tr-no-comments">{t('noComments')}</p>}
      <ul className="tr-comment-list">{open.map(item)}</ul>
      {resolved.length > 0 && (
        <details className="tr-resolved" data-testid="resolved-comments">
          <summary>{t('resolvedCount', { n: resolved.length })}</summary>
          <ul className="tr-comment-list">{resolved.map(item)}</ul>
        </details>
      )}
      <div className="tr-comment-new">
        <textarea
          rows={2}
          value={body}
          placeholder={t('commentPlaceholder')}
          aria-label={t('commentPlaceholder')}
          maxLength={20000}
          onChange={(e) => setBody(e.target.value)}
          onKeyDown={(e) => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); add(); } }}
          data-testid="comment-input"
        />
        <div className="tr-comment-send">
          <span className="muted">{t('commentHint')}</span>
          <button className="primary" onClick={add} disabled={!body.trim() || busy} data-testid="comment-add">{t('addComment')}</button>
        </div>
      </div>
    </section>
  );
}
