import { useMemo, useState, type FormEvent } from 'react';
import type { DeidName, DeidPreview, ListedKind } from '../../../src/domain/deid';
import { LISTED_KINDS } from '../../../src/domain/types';
import { useStrings } from '../../i18n/i18n';
import { Modal } from '../../lib/Modal';
import { useProject, useQuery } from '../../lib/state';
import { DeidHits } from './DeidHits';
import { DeidKeyTable } from './DeidKeyTable';
import { hitChosen, toggled } from './deid-model';
import { ShareDeidentifiedDialog } from './ShareDeidentifiedDialog';
import { deidStrings } from './strings';
import './deid.css';

/**
 * "De-identify transcripts…": the names looked for (informants, and the people, places and
 * businesses listed), every hit with its context and what it becomes, each name and each hit with
 * a checkbox, one Apply for the chosen hits (one undo step), the key, and "Share a de-identified
 * copy…". The list of names is the project's list of names to hide, which the Word report uses too.
 */
export function DeidentifyDialog({ onClose }: { onClose: () => void }) {
  const t = useStrings(deidStrings);
  const { project, run, notify } = useProject();
  const [usePlaceholder, setUsePlaceholder] = useState(false);
  const [placeholder, setPlaceholder] = useState('[nama]');
  const chosenPlaceholder = usePlaceholder && placeholder.trim() ? placeholder.trim() : undefined;
  const preview = useQuery('deid.preview', chosenPlaceholder ? { placeholder: chosenPlaceholder } : {});
  const [skipHits, setSkipHits] = useState<ReadonlySet<string>>(new Set());
  const [skipNames, setSkipNames] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [sharing, setSharing] = useState(false);
  const readOnly = project?.readOnly !== null;

  const data: DeidPreview | undefined = preview.data;
  const chosen = useMemo(() => (data ? data.hits.filter((h) => hitChosen(h, skipHits, skipNames)).length : 0), [data, skipHits, skipNames]);

  const apply = async () => {
    if (!data) return;
    setBusy(true);
    setError(null);
    try {
      const result = await run('deid.apply', {
        fingerprint: data.fingerprint, skipHits: [...skipHits], skipNames: [...skipNames], ...(chosenPlaceholder ? { placeholder: chosenPlaceholder } : {}),
      }, { quiet: true });
      notify({ tone: 'info', message: t('applied', { replaced: result.replaced, documents: result.documents }) });
      setSkipHits(new Set());
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      title={t('title')}
      onClose={onClose}
      size="large"
      busy={busy}
      testId="deid-dialog"
      footer={(
        <>
          <button onClick={() => setSharing(true)} disabled={busy} data-testid="deid-share">{t('share')}</button>
          <span className="deid-spacer" />
          <button onClick={onClose} disabled={busy}>{t('close')}</button>
          <button className="primary" onClick={() => void apply()} disabled={busy || readOnly || !data || chosen === 0} data-testid="deid-apply">
            {busy ? t('applying') : t('apply', { count: chosen })}
          </button>
        </>
      )}
    >
      <p className="muted">{t('why')}</p>
      <label className="deid-check">
        <input type="checkbox" checked={usePlaceholder} onChange={(e) => setUsePlaceholder(e.target.checked)} data-testid="deid-placeholder-mode" />
        <span>{t('placeholderMode')}</span>
        {usePlaceholder && <input value={placeholder} onChange={(e) => setPlaceholder(e.target.value)} aria-label={t('placeholder')} maxLength={200} className="deid-placeholder" data-testid="deid-placeholder" />}
      </label>
      {!data ? <p className="muted" role="status">{t('loading')}</p> : (
        <>
          <NameList names={data.names} skipNames={skipNames} onSkip={setSkipNames} disabled={busy || readOnly} />
          <DeidHits hits={data.hits} skipHits={skipHits} skipNames={skipNames} onSkip={setSkipHits} disabled={busy} />
          {data.suspects.length > 0 && <Suspects preview={data} disabled={busy || readOnly} />}
        </>
      )}
      {error && <p className="deid-error" role="alert" data-testid="deid-error">{error}</p>}
      <DeidKeyTable />
      {sharing && <ShareDeidentifiedDialog placeholder={chosenPlaceholder} onClose={() => setSharing(false)} />}
    </Modal>
  );
}

/** The names looked for, each with a checkbox; listed names can be removed, and new ones added with their kind. */
function NameList({ names, skipNames, onSkip, disabled }: { names: readonly DeidName[]; skipNames: ReadonlySet<string>; onSkip: (next: ReadonlySet<string>) => void; disabled: boolean }) {
  const t = useStrings(deidStrings);
  const { run } = useProject();
  const [error, setError] = useState<string | null>(null);
  const remove = (name: DeidName) => {
    const id = Number(name.id.slice('listed:'.length));
    run('redactions.remove', { id: id as never }, { quiet: true }).then(() => setError(null), (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  };
  return (
    <section className="deid-section" data-testid="deid-names">
      <h3>{t('names', { count: names.length })}</h3>
      <table className="deid-table">
        <thead><tr><th /><th>{t('name')}</th><th>{t('kind')}</th><th>{t('becomes')}</th><th className="num">{t('hits')}</th><th /></tr></thead>
        <tbody>
          {names.map((n) => (
            <tr key={n.id} data-testid="deid-name" data-name={n.name}>
              <td>
                <input type="checkbox" checked={!skipNames.has(n.id)} disabled={disabled} aria-label={t('includeName', { name: n.name })}
                  onChange={(e) => onSkip(toggled(skipNames, n.id, !e.target.checked))} />
              </td>
              <td>{n.name}</td>
              <td>{t(`kind_${n.kind}`)}</td>
              <td><code>{n.replacement}</code></td>
              <td className="num">{n.hits}</td>
              <td>{n.id.startsWith('listed:') && (
                <button className="link" onClick={() => remove(n)} disabled={disabled} aria-label={t('remove', { name: n.name })} title={t('remove', { name: n.name })}>×</button>
              )}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <AddName disabled={disabled} onError={setError} />
      {error && <p className="deid-error" role="alert">{error}</p>}
    </section>
  );
}

/** Adds a person, place or business to the list of names to hide; the preview reads it again. */
function AddName({ disabled, onError }: { disabled: boolean; onError: (message: string | null) => void }) {
  const t = useStrings(deidStrings);
  const { run } = useProject();
  const [term, setTerm] = useState('');
  const [kind, setKind] = useState<ListedKind>('person');
  const [replacement, setReplacement] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    run('redactions.add', { term, replacement, kind }, { quiet: true }).then(() => {
      setTerm('');
      setReplacement('');
      onError(null);
    }, (e: unknown) => onError(e instanceof Error ? e.message : String(e)));
  };
  return (
    <form className="deid-add" onSubmit={submit} aria-label={t('addTitle')} data-testid="deid-add">
      <input value={term} onChange={(e) => setTerm(e.target.value)} placeholder={t('addName')} aria-label={t('addName')} maxLength={200} disabled={disabled} data-testid="deid-add-name" />
      <select value={kind} onChange={(e) => setKind(e.target.value as ListedKind)} aria-label={t('kind')} disabled={disabled} data-testid="deid-add-kind">
        {LISTED_KINDS.map((k) => <option key={k} value={k}>{t(`kind_${k}`)}</option>)}
      </select>
      <span aria-hidden="true">→</span>
      <input value={replacement} onChange={(e) => setReplacement(e.target.value)} placeholder={t('addReplacement')} aria-label={t('addReplacement')} maxLength={200} disabled={disabled} data-testid="deid-add-replacement" />
      <button type="submit" disabled={disabled} data-testid="deid-add-submit">{t('add')}</button>
    </form>
  );
}

/** Capitalised words after an honorific that no name covers, each addable as a person with a placeholder. */
function Suspects({ preview, disabled }: { preview: DeidPreview; disabled: boolean }) {
  const t = useStrings(deidStrings);
  const { run } = useProject();
  const [error, setError] = useState<string | null>(null);
  const add = (word: string) => run('redactions.add', { term: word, replacement: '[nama]', kind: 'person' }, { quiet: true })
    .then(() => setError(null), (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  return (
    <section className="deid-section" data-testid="deid-suspects">
      <h3>{t('suspectsTitle', { count: preview.suspects.length })}</h3>
      <p className="muted">{t('suspectsWhy')}</p>
      <ul className="deid-suspects">
        {preview.suspects.map((s) => (
          <li key={s.word} data-testid="deid-suspect" data-word={s.word}>
            <strong>{s.word}</strong> <span className="muted">({s.count}×, {s.where})</span> <span className="deid-context">…{s.context}…</span>{' '}
            <button className="link" onClick={() => void add(s.word)} disabled={disabled} data-testid="deid-suspect-add">{t('addAsPerson')}</button>
          </li>
        ))}
      </ul>
      {error && <p className="deid-error" role="alert">{error}</p>}
    </section>
  );
}
