import { useState } from 'react';
import { useStrings } from '../../i18n/i18n';
import { Modal } from '../../lib/Modal';
import { useProject, useQuery } from '../../lib/state';
import { coderStrings } from './strings';
import './coders.css';

/**
 * "Who is coding?": asked when a project that several people code opens and nobody has said on
 * this computer who codes it (the answer is remembered per project, so it is asked once). The
 * changes that follow are recorded under the chosen coder, and undo takes back only theirs.
 */
export function CoderPicker() {
  const t = useStrings(coderStrings);
  const { project, run } = useProject();
  const list = useQuery('coders.list', {});
  const [other, setOther] = useState('');
  const [busy, setBusy] = useState(false);
  const [dismissed, setDismissed] = useState<string | null>(null);
  const data = list.data;
  // The consensus coder is where settled disagreements are recorded, not someone who codes.
  const people = data?.coders.filter((c) => !c.consensus) ?? [];
  if (!project || !data || data.chosen || people.length < 2 || dismissed === project.path) return null;

  const choose = async (name: string) => {
    setBusy(true);
    try {
      await run('coders.setCurrent', { name });
    } catch {
      // The refusal (an empty name) is shown as a notice; the question stays open.
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal title={t('title')} onClose={() => setDismissed(project.path)} busy={busy} size="medium" testId="coder-picker">
      <p>{t('why')}</p>
      <ul className="coder-choices">
        {people.map((coder) => (
          <li key={coder.id}>
            <button className="coder-choice" disabled={busy} onClick={() => void choose(coder.name)} data-testid={`coder-${coder.name}`}>
              <span className="coder-swatch" style={{ background: coder.colour }} aria-hidden="true" />
              <span className="coder-name">{coder.name}</span>
              <span className="muted">{coder.name === data.current ? t('current') : t('codings', { count: coder.codings })}</span>
            </button>
          </li>
        ))}
      </ul>
      <form className="coder-other" onSubmit={(e) => { e.preventDefault(); if (other.trim()) void choose(other); }}>
        <label className="field">
          <span>{t('someoneElse')}</span>
          <input value={other} onChange={(e) => setOther(e.target.value)} placeholder={t('namePlaceholder')} disabled={busy} data-testid="coder-other-name" />
        </label>
        <button type="submit" disabled={busy || other.trim() === ''}>{t('codeAs')}</button>
      </form>
    </Modal>
  );
}
