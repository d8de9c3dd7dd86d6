import { useMemo, useState } from 'react';
import type { CodeId } from '../../../src/domain/ids';
import type { Code } from '../../../src/domain/types';
import { useStrings } from '../../i18n/i18n';
import { codeMatches, codePath } from './code-tree';
import { mergeTargets } from './drag-rules';
import { ConfirmDialog } from '../../lib/ConfirmDialog';
import { Modal } from '../../lib/Modal';
import { codebookStrings, plural } from './strings';

/** Picks the code that receives all codings of `source`; says plainly what merging does. */
export function MergeDialog({ source, codes, onMerge, onClose }: {
  source: Code;
  codes: readonly Code[];
  onMerge: (targetId: CodeId) => void;
  onClose: () => void;
}) {
  const t = useStrings(codebookStrings);
  const [query, setQuery] = useState('');
  const [targetId, setTargetId] = useState<CodeId | null>(null);
  const candidates = useMemo(() => mergeTargets(codes, source.id), [codes, source.id]);
  const shown = useMemo(
    () => candidates.filter((c) => codeMatches(c, query) || codeMatches({ ...c, name: codePath(codes, c.id) }, query)),
    [candidates, codes, query],
  );
  const target = candidates.find((c) => c.id === targetId) ?? null;
  const codings = plural(t, source.codingCount, 'codingsOne', 'codingsMany');

  const confirm = () => { if (target) onMerge(target.id); };
  return (
    <Modal
      title={t('mergeTitle', { name: source.name })}
      onClose={onClose}
      testId="merge-dialog"
      footer={(
        <>
          <button onClick={onClose}>{t('cancel')}</button>
          <button className="primary" disabled={!target} onClick={confirm} data-testid="merge-confirm">{t('mergeConfirm')}</button>
        </>
      )}
    >
      <p className="cb-explain">{source.codingCount > 0 ? t('mergeExplain', { name: source.name, codings }) : t('mergeExplainEmpty', { name: source.name })}</p>
      {candidates.length === 0 ? <p className="muted">{t('mergeNone')}</p> : (
        <>
          <input
            className="cb-merge-filter"
            type="search"
            autoFocus
            placeholder={t('mergeFind')}
            aria-label={t('mergeFind')}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'ArrowDown' && shown[0]) {
                e.preventDefault();
                if (targetId === null || !shown.some((c) => c.id === targetId)) setTargetId(shown[0].id);
                (e.currentTarget.nextElementSibling as HTMLElement | null)?.focus();
              } else if (e.key === 'Enter') {
                e.preventDefault();
                if (target && shown.some((c) => c.id === target.id)) confirm();
                else if (shown[0]) setTargetId(shown[0].id);
              }
            }}
            data-testid="merge-filter"
          />
          {/* A native list box: keyboard, type-ahead and screen readers work without extra code. */}
          <select
            className="cb-merge-list"
            size={Math.min(10, Math.max(4, shown.length))}
            aria-label={t('mergeTarget')}
            value={targetId === null ? '' : String(targetId)}
            onChange={(e) => setTargetId(Number(e.target.value) as CodeId)}
            onDoubleClick={confirm}
            onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); confirm(); } }}
            data-testid="merge-target"
          >
            {/* React selects the first option when the value matches none: this keeps "nothing chosen" honest. */}
            <option value="" hidden disabled />
            {shown.map((c) => (
              <option key={c.id} value={c.id} title={codePath(codes, c.id)} data-code-name={c.name} style={{ paddingLeft: 8 + depthOf(codes, c) * 14 }}>
                {c.name}
              </option>
            ))}
          </select>
          <p className="cb-merge-choice" aria-live="polite">
            {target
              ? <><span className="swatch" style={{ background: target.colour }} />{t('mergeInto2', { name: codePath(codes, target.id) })}</>
              : <span className="muted">{t('mergeChoose')}</span>}
          </p>
        </>
      )}
    </Modal>
  );
}

function depthOf(codes: readonly Code[], code: Code): number {
  let depth = 0;
  for (let at = code.parentId; at !== null && depth < 20; depth++) at = codes.find((c) => c.id === at)?.parentId ?? null;
  return depth;
}

/** Says what deleting costs (codings removed, sub-codes moved up) before doing it. */
export function DeleteDialog({ code, codes, onDelete, onClose }: {
  code: Code;
  codes: readonly Code[];
  onDelete: () => void;
  onClose: () => void;
}) {
  const t = useStrings(codebookStrings);
  const children = codes.filter((c) => c.parentId === code.id).length;
  const parent = code.parentId === null ? null : codes.find((c) => c.id === code.parentId) ?? null;
  return (
    <ConfirmDialog
      title={t('deleteTitle', { name: code.name })}
      message={(
        <>
          <ul className="cb-consequences">
            <li>{code.codingCount > 0 ? t('deleteCodings', { codings: plural(t, code.codingCount, 'codingsOne', 'codingsMany') }) : t('deleteNoCodings')}</li>
            {children > 0 && <li>{parent ? t('deleteSubcodesUp', { n: children, parent: parent.name }) : t('deleteSubcodesTop', { n: children })}</li>}
          </ul>
          <p className="muted">{t('deleteUndo')}</p>
        </>
      )}
      confirmLabel={t('deleteConfirm')}
      cancelLabel={t('cancel')}
      onConfirm={onDelete}
      onCancel={onClose}
      testIds={{ dialog: 'delete-dialog', confirm: 'confirm-delete' }}
    />
  );
}
