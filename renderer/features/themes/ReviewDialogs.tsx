import { useState } from 'react';
import type { CodeId, ThemeId } from '../../../src/domain/ids';
import type { Theme, ThemeReview } from '../../../src/domain/types';
import { useStrings } from '../../i18n/i18n';
import { Modal } from '../../lib/Modal';
import { plural, themesStrings } from './strings';

/** Splitting: tick the codes that make a different story, name that story; at least one code stays. */
export function SplitDialog({ review, onCancel, onSplit }: {
  review: ThemeReview;
  onCancel: () => void;
  /** Rejects when the store refuses (the notice says why): the dialog stays open. */
  onSplit: (name: string, codeIds: CodeId[]) => Promise<void>;
}) {
  const t = useStrings(themesStrings);
  const [chosen, setChosen] = useState<ReadonlySet<CodeId>>(new Set());
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const all = review.codes.length;
  const ok = name.trim() !== '' && chosen.size > 0 && chosen.size < all && !busy;
  const submit = () => {
    if (!ok) return;
    setBusy(true);
    onSplit(name.trim(), review.codes.filter((c) => chosen.has(c.id)).map((c) => c.id)).catch(() => setBusy(false));
  };
  const toggle = (id: CodeId) => setChosen((s) => {
    const next = new Set(s);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    return next;
  });
  return (
    <Modal
      title={t('splitTitle', { name: review.theme.name })}
      onClose={onCancel}
      testId="theme-split-dialog"
      footer={(
        <>
          <button onClick={onCancel}>{t('cancel')}</button>
          <button className="primary" onClick={submit} disabled={!ok} data-testid="split-confirm">
            {chosen.size > 0 ? t('splitGo', { codes: plural(t, chosen.size, 'codesOne', 'codesMany') }) : t('split')}
          </button>
        </>
      )}
    >
      <p>{t('splitExplain')}</p>
      <ul className="th-pick-list">
        {review.codes.map((code) => (
          <li key={code.id}>
            <label>
              <input type="checkbox" checked={chosen.has(code.id)} onChange={() => toggle(code.id)} data-testid="split-code" data-code-name={code.name} />
              <span className="swatch" style={{ background: code.colour }} />
              {code.name}
              <span className="count">{code.codingCount}</span>
            </label>
          </li>
        ))}
      </ul>
      {chosen.size === all && all > 0 && <p className="th-warning">{t('splitAll')}</p>}
      <label className="th-dialog-field">
        <span>{t('splitName')}</span>
        <input
          value={name}
          maxLength={200}
          onChange={(e) => setName(e.target.value)}
          onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); submit(); } }}
          data-testid="split-name-input"
        />
      </label>
    </Modal>
  );
}

/** Merging folds this theme into another: the consequences are spelled out before anything moves. */
export function MergeDialog({ theme, candidates, onCancel, onMerge }: {
  theme: Theme;
  candidates: readonly Theme[];
  onCancel: () => void;
  onMerge: (targetId: ThemeId) => Promise<void>;
}) {
  const t = useStrings(themesStrings);
  const [target, setTarget] = useState<ThemeId | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = () => {
    if (target === null || busy) return;
    setBusy(true);
    onMerge(target).catch(() => setBusy(false));
  };
  return (
    <Modal
      title={t('mergeTitle', { name: theme.name })}
      onClose={onCancel}
      testId="theme-merge-dialog"
      footer={(
        <>
          <button onClick={onCancel}>{t('cancel')}</button>
          <button className="primary" onClick={submit} disabled={target === null || busy} data-testid="merge-confirm">{t('mergeGo')}</button>
        </>
      )}
    >
      <p>{t('mergeExplain', { name: theme.name })}</p>
      <label className="th-dialog-field">
        <span>{t('mergeTarget')}</span>
        <select value={target ?? ''} onChange={(e) => setTarget(e.target.value ? (Number(e.target.value) as ThemeId) : null)} data-testid="merge-target">
          <option value="">{t('chooseTarget')}</option>
          {candidates.map((c) => <option key={c.id} value={c.id}>{c.name} ({t(`status_${c.status}`).toLowerCase()})</option>)}
        </select>
      </label>
    </Modal>
  );
}
