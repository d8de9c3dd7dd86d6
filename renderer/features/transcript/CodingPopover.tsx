import { useEffect, useRef, useState } from 'react';
import { useLanguage, useStrings } from '../../i18n/i18n';
import { useProject, useQuery } from '../../lib/state';
import { useMayChange } from '../../lib/team-context';
import { CommentThread } from '../comments/CommentThread';
import { commentStrings } from '../comments/strings';
import type { CodingView } from './coding-view';
import type { FloatPosition } from './CodePicker';
import { transcriptStrings } from './strings';

interface Props {
  /** The codings at the clicked spot, innermost first; `active` is the one shown. */
  readonly codings: readonly CodingView[];
  readonly active: CodingView;
  readonly position: FloatPosition;
  readonly onSelect: (coding: CodingView) => void;
  readonly onRecode: (coding: CodingView) => void;
  readonly onClose: () => void;
  /** Take the focus on opening (opened from a focused stripe); Tab then reaches its buttons. */
  readonly takeFocus?: boolean;
}

/** A coding's details and actions: the code, the quote, who and when, memos, remove / re-code / memo. */
export function CodingPopover({ codings, active, position, onSelect, onRecode, onClose, takeFocus = false }: Props) {
  const t = useStrings(transcriptStrings);
  const { language } = useLanguage();
  const { run } = useProject();
  // A reviewer of a team project comments on a coding (below) but does not remove, re-code or annotate it.
  const mayChange = useMayChange();
  const memos = useQuery('memos.list', { target: { kind: 'coding', id: active.id } });
  const tc = useStrings(commentStrings);
  const comments = useQuery('comments.list', { target: { kind: 'coding', id: active.id } }).data;
  const [commenting, setCommenting] = useState(false);
  const [writing, setWriting] = useState(false);
  const [memo, setMemo] = useState('');
  const [saving, setSaving] = useState(false);
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => { setWriting(false); setMemo(''); setCommenting(false); }, [active.id]);
  useEffect(() => { if (takeFocus) box.current?.focus(); }, [takeFocus]);

  // Closes on a click elsewhere or Esc (unless Esc leaves the memo being written).
  useEffect(() => {
    const onDown = (event: MouseEvent) => {
      if (box.current && !box.current.contains(event.target as Node)) onClose();
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      if (writing && memo.trim()) return;
      event.preventDefault();
      onClose();
    };
    window.addEventListener('mousedown', onDown);
    window.addEventListener('keydown', onKey);
    return () => { window.removeEventListener('mousedown', onDown); window.removeEventListener('keydown', onKey); };
  }, [onClose, writing, memo]);

  const save = async () => {
    if (!memo.trim() || saving) return;
    setSaving(true);
    const ok = await run('memos.create', { body: memo.trim(), target: { kind: 'coding', id: active.id } }).then(() => true, () => false);
    setSaving(false);
    if (ok) { setMemo(''); setWriting(false); }
  };

  const when = new Date(active.coding.createdAt);
  const date = Number.isNaN(when.getTime()) ? active.coding.createdAt
    : when.toLocaleString(language === 'id' ? 'id-ID' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
  const quote = active.coding.quote.replace(/\s+/g, ' ').trim();
  return (
    <div
      ref={box}
      className={`tv-float tv-popover${position.above ? ' above' : ''}`}
      style={{ left: position.left, top: position.top }}
      data-testid="coding-popover"
      role="dialog"
      aria-label={active.name}
      tabIndex={-1}
      onMouseDown={(e) => e.stopPropagation()}
    >
      {codings.length > 1 && (
        <div className="tv-popover-tabs" role="tablist" aria-label={t('alsoHere')}>
          {codings.map((c) => (
            <button
              key={c.id}
              role="tab"
              aria-selected={c.id === active.id}
              className={`tv-chip${c.id === active.id ? ' active' : ''}`}
              onClick={() => onSelect(c)}
            ><span className="swatch" style={{ background: c.colour }} />{c.name}</button>
          ))}
        </div>
      )}
      <div className="tv-popover-head">
        <span className="swatch tv-popover-swatch" style={{ background: active.colour }} />
        <strong className="tv-popover-code">{active.name}</strong>
        {active.inVivo && <span className="tv-tag">{t('inVivoTag')}</span>}
        <button type="button" className="link tv-popover-close" onClick={onClose} aria-label={t('close')} title={t('close')}>×</button>
      </div>
      <blockquote className="tv-popover-quote" style={{ borderColor: active.colour }}>{quote}</blockquote>
      <div className="tv-popover-meta muted">{t('codedBy', { coder: active.coding.coderName, date })}</div>
      {(memos.data?.length ?? 0) > 0 && (
        <div className="tv-popover-memos">
          <h3>{t('memos')}</h3>
          <ul>
            {memos.data!.map((m) => (
              <li key={m.id} data-testid="coding-memo-item">
                <div className="tv-memo-body">{m.body}</div>
                <div className="muted tv-memo-meta">{m.author} · {new Date(m.createdAt).toLocaleDateString(language === 'id' ? 'id-ID' : 'en-GB', { dateStyle: 'medium' })}</div>
              </li>
            ))}
          </ul>
        </div>
      )}
      {((comments?.length ?? 0) > 0 || commenting) && (
        <div className="tv-popover-comments">
          <CommentThread key={active.id} target={{ kind: 'coding', id: active.id }} title={tc('codingComments')} testId="coding-comments" />
        </div>
      )}
      {writing && (
        <div className="tv-popover-write">
          <textarea
            autoFocus
            rows={3}
            value={memo}
            placeholder={t('memoPlaceholder')}
            data-testid="coding-memo-input"
            onChange={(e) => setMemo(e.target.value)}
            onKeyDown={(e) => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); void save(); } }}
          />
          <div className="tv-popover-actions">
            <button type="button" className="primary" disabled={!memo.trim() || saving} onClick={() => void save()} data-testid="coding-memo-save">{t('saveMemo')}</button>
            <button type="button" onClick={() => { setWriting(false); setMemo(''); }}>{t('cancel')}</button>
            <span className="muted tv-popover-hint"><span className="kbd">Ctrl</span>+<span className="kbd">Enter</span></span>
          </div>
        </div>
      )}
      {!writing && mayChange && (
        <div className="tv-popover-actions">
          <button type="button" className="danger" title={t('removeTitle')} data-testid="coding-remove"
            onClick={() => void run('codings.remove', { id: active.id }).then(onClose, () => undefined)}>{t('remove')}</button>
          <button type="button" title={t('recodeHint')} data-testid="coding-recode" onClick={() => onRecode(active)}>{t('recode')}</button>
          <button type="button" title={t('memoHint')} data-testid="coding-memo" onClick={() => setWriting(true)}>{t('memo')}</button>
          {!commenting && (comments?.length ?? 0) === 0 && (
            <button type="button" data-testid="coding-comment" onClick={() => setCommenting(true)}>{tc('addComment')}</button>
          )}
        </div>
      )}
    </div>
  );
}
