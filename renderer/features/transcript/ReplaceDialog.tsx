import { useState } from 'react';
import type { DocumentId } from '../../../src/domain/ids';
import type { ReplacePlan, TextEditResult } from '../../../src/domain/text-edits';
import { useStrings } from '../../i18n/i18n';
import { Modal } from '../../lib/Modal';
import { useProject } from '../../lib/state';
import { transcriptStrings } from './strings';

interface Props {
  readonly documentId: DocumentId;
  readonly title: string;
  readonly onClose: () => void;
  readonly onReplaced: (result: TextEditResult, file: string) => void;
}

const clip = (text: string, max = 90): string => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

/**
 * "Replace with corrected version…": the corrected file, a preview of what happens to the
 * codings (carried over, on corrected words, not placeable), then the replacement, made
 * against the text the preview saw. Nothing changes before Replace; undo takes it back.
 */
export function ReplaceDialog({ documentId, title, onClose, onReplaced }: Props) {
  const t = useStrings(transcriptStrings);
  const { run } = useProject();
  const [file, setFile] = useState('');
  const [plan, setPlan] = useState<ReplacePlan | null>(null);
  const [busy, setBusy] = useState(false);

  const choose = async () => {
    const paths = await run('app.choosePaths', { kind: 'importFiles' }).catch(() => null);
    if (paths && paths[0]) {
      setFile(paths[0]);
      setPlan(null);
    }
  };
  const preview = async () => {
    setBusy(true);
    setPlan(await run('documents.replacePlan', { id: documentId, file: file.trim() }).catch(() => null));
    setBusy(false);
  };
  const apply = async () => {
    if (!plan) return;
    setBusy(true);
    const result = await run('documents.replaceText', { id: documentId, file: file.trim(), expectedHash: plan.expectedHash }).catch(() => null);
    setBusy(false);
    if (result) onReplaced(result, plan.sourceName);
  };

  const footer = (
    <>
      <button type="button" onClick={onClose} disabled={busy}>{t('editCancel')}</button>
      <button type="button" onClick={() => void preview()} disabled={busy || file.trim() === ''} data-testid="replace-preview">{t('replacePreview')}</button>
      <button type="button" className="primary" onClick={() => void apply()} disabled={busy || !plan || (plan.unchanged && plan.turnsBefore === plan.turnsAfter)} data-testid="replace-apply">{t('replaceApply')}</button>
    </>
  );
  return (
    <Modal title={t('replaceTitle', { title })} onClose={onClose} busy={busy} size="large" testId="replace-dialog" footer={footer}>
      <p>{t('replaceIntro')}</p>
      <div className="tv-replace-file">
        <input aria-label={t('replaceFile')} placeholder={t('replaceFile')} value={file} onChange={(e) => { setFile(e.target.value); setPlan(null); }} data-testid="replace-file" />
        <button type="button" onClick={() => void choose()} disabled={busy}>{t('replaceChoose')}</button>
      </div>
      {plan && (
        <div className="tv-replace-plan" data-testid="replace-plan">
          {plan.unchanged && plan.turnsBefore === plan.turnsAfter ? <p>{t('replaceUnchanged')}</p> : (
            <p>{t('replaceSummary', { edits: plan.edits, kept: plan.codingsKept, changed: plan.codingsChanged.length, before: plan.turnsBefore, after: plan.turnsAfter })}</p>
          )}
          {plan.codingsChanged.length > 0 && (
            <ul className="tv-replace-list">
              {plan.codingsChanged.map((c) => <li key={c.id}><strong>{c.codeName}</strong>: “{clip(c.before)}” → “{clip(c.after)}”</li>)}
            </ul>
          )}
          {plan.codingsUnplaced.length > 0 && (
            <div role="alert" className="tv-replace-unplaced" data-testid="replace-unplaced">
              <p>{t('replaceUnplaced', { n: plan.codingsUnplaced.length })}</p>
              <ul className="tv-replace-list">
                {plan.codingsUnplaced.map((c) => <li key={c.id}><strong>{c.codeName}</strong> ({c.coderName}): “{clip(c.quote)}”</li>)}
              </ul>
            </div>
          )}
        </div>
      )}
    </Modal>
  );
}
