import { useState } from 'react';
import type { CommentTarget } from '../../../src/domain/types';
import type { ThemeId, ThemeLinkId } from '../../../src/domain/ids';
import { useLanguage, useStrings } from '../../i18n/i18n';
import { useProject, useQuery } from '../../lib/state';
import { mapStrings } from './strings';

/** A plain target: ids as numbers, branded on the way into the contract. */
export type ThreadTarget = { readonly kind: 'theme' | 'link'; readonly id: number };

const toContract = (target: ThreadTarget): CommentTarget =>
  target.kind === 'theme' ? { kind: 'theme', id: target.id as ThemeId } : { kind: 'link', id: target.id as ThemeLinkId };

/**
 * The comment thread on a theme or a link: what a supervisor leaves while reading the map.
 * Resolved comments fold away but stay on record.
 */
export function CommentThread({ target }: { target: ThreadTarget }) {
  const t = useStrings(mapStrings);
  const { language } = useLanguage();
  const { run } = useProject();
  const { data: comments } = useQuery('comments.list', { target: toContract(target) });
  const [draft, setDraft] = useState('');
  const [showResolved, setShowResolved] = useState(false);
  const [busy, setBusy] = useState(false);
  const date = new Intl.DateTimeFormat(language === 'id' ? 'id-ID' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });

  const add = () => {
    const body = draft.trim();
    if (!body || busy) return;
    setBusy(true);
    run('comments.add', { target: toContract(target), body })
      .then(() => setDraft(''), () => undefined)
      .finally(() => setBusy(false));
  };

  const open = (comments ?? []).filter((c) => c.resolvedAt === null);
  const resolved = (comments ?? []).filter((c) => c.resolvedAt !== null);
  const shown = showResolved ? [...open, ...resolved] : open;

  return (
    <section className="map-comments" data-testid="map-comments">
      <h3>{t('comments')}{open.length > 0 && <span className="count"> {open.length}</span>}</h3>
      {comments && shown.length === 0 && <p className="muted map-note">{t('noComments')}</p>}
      <ul className="map-comment-list">
        {shown.map((c) => (
          <li key={c.id} className={`map-comment${c.resolvedAt ? ' resolved' : ''}`}>
            <div className="map-comment-head">
              <strong>{c.author}</strong>
              <span className="muted">{date.format(new Date(c.createdAt))}</span>
              <button
                type="button" className="link map-comment-resolve"
                onClick={() => void run('comments.resolve', { id: c.id, resolved: c.resolvedAt === null }).catch(() => undefined)}
              >
                {c.resolvedAt ? t('reopen') : t('resolve')}
              </button>
            </div>
            <p className="map-comment-body">{c.body}</p>
            {c.resolvedAt && c.resolvedBy && <p className="muted map-comment-meta">{t('resolvedBy', { name: c.resolvedBy })}</p>}
          </li>
        ))}
      </ul>
      {resolved.length > 0 && (
        <button type="button" className="link map-comment-toggle" onClick={() => setShowResolved((s) => !s)}>
          {showResolved ? t('hideResolved') : t('showResolved', { n: resolved.length })}
        </button>
      )}
      <textarea
        className="map-comment-input" rows={3} value={draft} placeholder={t('commentPlaceholder')} data-testid="map-comment-input"
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            add();
          }
        }}
      />
      <div className="map-comment-actions">
        <button type="button" onClick={add} disabled={!draft.trim() || busy} data-testid="map-comment-add">{t('addComment')}</button>
      </div>
    </section>
  );
}
