import { useState } from 'react';
import type { Redaction } from '../../../src/domain/types';
import type { RedactionId } from '../../../src/domain/ids';
import { useStrings } from '../../i18n/i18n';
import { ApiError } from '../../lib/api';
import { useProject, useQuery } from '../../lib/state';
import { exportStrings } from './strings';

/**
 * The names of third parties and businesses a pseudonymised report hides ("Kopi Lereng" →
 * "[kedai kopi]"): a shop's name identifies its owner as surely as her own. Stored in the
 * project, so every report and every coder uses the same list; each change is undoable.
 */
export function RedactionEditor({ active, disabled }: { active: boolean; disabled: boolean }) {
  const t = useStrings(exportStrings);
  const { run } = useProject();
  const list = useQuery('redactions.list', {});
  const [term, setTerm] = useState('');
  const [replacement, setReplacement] = useState('');
  const [error, setError] = useState<string | null>(null);
  const attempt = async (action: () => Promise<unknown>): Promise<boolean> => {
    try {
      await action();
      setError(null);
      return true;
    } catch (e) {
      setError(e instanceof ApiError || e instanceof Error ? e.message : String(e));
      return false;
    }
  };
  const add = async () => {
    if (await attempt(() => run('redactions.add', { term, replacement }, { quiet: true }))) {
      setTerm('');
      setReplacement('');
    }
  };
  const rows = list.data ?? [];
  return (
    <fieldset className={`ex-redactions${active ? '' : ' inactive'}`} disabled={disabled} data-testid="export-redactions">
      <legend>{t('redactTitle', { n: rows.length })}</legend>
      <p className="ex-note muted">{active ? t('redactHint') : t('redactInactive')}</p>
      {rows.length > 0 && (
        <ul className="ex-redaction-list">
          {rows.map((r) => <RedactionRow key={`${r.id}:${r.term}:${r.replacement}`} redaction={r} onChange={attempt} />)}
        </ul>
      )}
      <form className="ex-redaction-add" onSubmit={(e) => { e.preventDefault(); void add(); }}>
        <input value={term} onChange={(e) => setTerm(e.target.value)} placeholder={t('redactTerm')} aria-label={t('redactTerm')} maxLength={200} data-testid="redaction-term" />
        <span aria-hidden="true">→</span>
        <input value={replacement} onChange={(e) => setReplacement(e.target.value)} placeholder={t('redactReplacement')} aria-label={t('redactReplacement')} maxLength={200} data-testid="redaction-replacement" />
        <button type="submit" data-testid="redaction-add">{t('redactAdd')}</button>
      </form>
      {error && <p className="ex-inline-error" role="alert" data-testid="redaction-error">{error}</p>}
    </fieldset>
  );
}

/** One name in the list: both fields save when left, × removes it. */
function RedactionRow({ redaction, onChange }: { redaction: Redaction; onChange: (action: () => Promise<unknown>) => Promise<boolean> }) {
  const t = useStrings(exportStrings);
  const { run } = useProject();
  const [term, setTerm] = useState(redaction.term);
  const [replacement, setReplacement] = useState(redaction.replacement);
  const id: RedactionId = redaction.id;
  const save = (field: 'term' | 'replacement', value: string) => {
    if (value === redaction[field]) return;
    void onChange(() => run('redactions.update', { id, [field]: value }, { quiet: true })).then((ok) => {
      if (!ok) { setTerm(redaction.term); setReplacement(redaction.replacement); }
    });
  };
  return (
    <li data-testid="redaction" data-term={redaction.term}>
      <input value={term} onChange={(e) => setTerm(e.target.value)} onBlur={(e) => save('term', e.target.value)} aria-label={t('redactTerm')} maxLength={200} />
      <span aria-hidden="true">→</span>
      <input value={replacement} onChange={(e) => setReplacement(e.target.value)} onBlur={(e) => save('replacement', e.target.value)} aria-label={t('redactReplacement')} maxLength={200} />
      <button className="link" onClick={() => void onChange(() => run('redactions.remove', { id }, { quiet: true }))}
        aria-label={t('redactRemove', { term: redaction.term })} title={t('redactRemove', { term: redaction.term })} data-testid="redaction-remove">×</button>
    </li>
  );
}
