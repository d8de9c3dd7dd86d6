import { useState, type FormEvent } from 'react';
import type { MergeChoice, MergeConflict, MergePlan, MergeReport, Reanchoring } from '../../../src/domain/team';
import { useLanguage, useStrings } from '../../i18n/i18n';
import { Modal } from '../../lib/Modal';
import { ApiError } from '../../lib/api';
import { useProject } from '../../lib/state';
import { useTeam } from '../../lib/team-context';
import { uploadFile } from '../../lib/team-server';
import { teamStrings } from './strings';
import './team.css';

type Stage =
  | { readonly kind: 'choose' }
  | { readonly kind: 'plan'; readonly plan: MergePlan }
  | { readonly kind: 'report'; readonly report: MergeReport };

type Strings = (typeof teamStrings)['en'];

/**
 * "Merge a coder's copy…": choose the copy, see what it brings and the conflicting edits (each with
 * its choices, the suggested one picked), merge, and read the report. Nothing is written before
 * Merge; the merge is one undoable step with a backup before it.
 */
export function MergeDialog({ onClose }: { onClose: () => void }) {
  const t = useStrings(teamStrings);
  const { language } = useLanguage();
  const { app, run } = useProject();
  const dialogs = app?.dialogs === true;
  // On a team server the copy comes from this computer: sent to the server, then named by its upload token.
  const team = useTeam() !== null;
  const [sentName, setSentName] = useState<string | null>(null);
  const [path, setPath] = useState('');
  const [stage, setStage] = useState<Stage>({ kind: 'choose' });
  const [choices, setChoices] = useState<Readonly<Record<string, MergeChoice>>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const attempt = async (body: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await body();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const choose = async () => {
    const paths = await run('app.choosePaths', { kind: 'mergeCopy' }).catch(() => null);
    if (paths?.[0]) setPath(paths[0]);
  };

  const send = (file: File | undefined) => {
    setPath('');
    setSentName(null);
    if (!file) return;
    void attempt(async () => {
      const answer = await uploadFile(file);
      if (!answer.ok) throw new ApiError(answer.error);
      setPath(answer.value);
      setSentName(file.name);
    });
  };

  const showPlan = (event?: FormEvent) => {
    event?.preventDefault();
    if (!path.trim()) {
      setError(t('copyMissing'));
      return;
    }
    void attempt(async () => {
      const plan = await run('team.mergePlan', { path: path.trim() }, { quiet: true });
      setChoices(Object.fromEntries(plan.conflicts.map((c) => [c.key, c.suggested])));
      setStage({ kind: 'plan', plan });
    });
  };

  // The report kept in the journal is written in the interface's language.
  const merge = () => void attempt(async () => {
    setStage({ kind: 'report', report: await run('team.merge', { path: path.trim(), resolutions: choices, language }, { quiet: true }) });
  });

  if (stage.kind === 'report') {
    return (
      <Modal title={t('mergedTitle', { file: stage.report.file })} onClose={onClose} size="medium" testId="merge-dialog"
        footer={<button className="primary" onClick={onClose} data-autofocus data-testid="merge-close">{t('close')}</button>}>
        <MergeReportView report={stage.report} />
      </Modal>
    );
  }

  if (stage.kind === 'plan') {
    const { plan } = stage;
    return (
      <Modal
        title={t('mergeTitle')}
        onClose={onClose}
        busy={busy}
        size="medium"
        testId="merge-dialog"
        footer={(
          <>
            <button onClick={() => setStage({ kind: 'choose' })} disabled={busy}>{t('back')}</button>
            <button className="primary" onClick={merge} disabled={busy} data-testid="merge-submit">{busy ? t('merging') : t('merge')}</button>
          </>
        )}
      >
        <p data-testid="merge-origin">
          {plan.origin && plan.fromThisProject
            ? t('planOf', { file: plan.file, coder: plan.origin.coder, date: plan.origin.madeAt.slice(0, 10) })
            : t('foreign', { file: plan.file })}
        </p>
        <dl className="team-summary" data-testid="merge-plan">
          <dt>{t('transcripts')}</dt>
          <dd>{[t('matched', { count: plan.documents.byGuid }), t('byText', { count: plan.documents.byText }), t('newOnes', { count: plan.documents.added })].join(' · ')}</dd>
          <dt>{t('codes')}</dt>
          <dd>{t('codesNew', { count: plan.codesAdded.length })}{plan.codesAdded.length > 0 ? ` (${plan.codesAdded.join(', ')})` : ''} · {t('byPath', { count: plan.codesByPath })}</dd>
          <dt>{t('codings')}</dt>
          <dd>{plan.codings.length === 0 ? t('none') : plan.codings.map((c) => t('codingsOf', { coder: c.coder, added: c.added, already: c.already })).join('; ')}</dd>
          <dt>{t('newCoders')}</dt>
          <dd>{plan.codersAdded.length === 0 ? t('none') : plan.codersAdded.join(', ')}</dd>
          <dt>{t('memos')}</dt>
          <dd>{t('memosCount', { memos: plan.memos.added, comments: plan.comments.added })}</dd>
        </dl>
        {/* The plan placed the codings as the suggested choice would; with every text conflict skipped, none are placed. */}
        {plan.conflicts.some((c) => c.kind === 'documentTextDiffers' && (choices[c.key] ?? c.suggested) === 'reanchor') && <ReanchoringView reanchoring={plan.reanchoring} t={t} />}
        {plan.conflicts.length === 0 ? <p className="muted">{t('noConflicts')}</p> : (
          <>
            <h3>{t('conflictsTitle', { count: plan.conflicts.length })}</h3>
            <ul className="team-conflicts" data-testid="merge-conflicts">
              {plan.conflicts.map((conflict) => (
                <ConflictChoice key={conflict.key} conflict={conflict} chosen={choices[conflict.key] ?? conflict.suggested} disabled={busy}
                  onChoose={(choice) => setChoices((all) => ({ ...all, [conflict.key]: choice }))} t={t} />
              ))}
            </ul>
          </>
        )}
        {error && <p className="team-error" role="alert">{error}</p>}
      </Modal>
    );
  }

  return (
    <Modal
      title={t('mergeTitle')}
      onClose={onClose}
      busy={busy}
      testId="merge-dialog"
      footer={(
        <>
          <button onClick={onClose} disabled={busy}>{t('cancel')}</button>
          <button className="primary" onClick={() => showPlan()} disabled={busy} data-testid="merge-show-plan">{busy ? t('reading') : t('showPlan')}</button>
        </>
      )}
    >
      <form onSubmit={showPlan}>
        <p className="muted">{t('mergeWhy')}</p>
        <div className="field">
          <span>{t('copyFile')}</span>
          {team ? (
            <div className="team-chosen">
              <input type="file" accept=".tematik" autoFocus disabled={busy} onChange={(e) => send(e.target.files?.[0])} data-testid="merge-upload" />
              {sentName && <span className="team-path" data-testid="merge-sent">{sentName}</span>}
            </div>
          ) : dialogs ? (
            <div className="team-chosen">
              {path ? <span className="team-path" title={path}>{path}</span> : <span className="muted">{t('nothingChosen')}</span>}
              <button type="button" onClick={() => void choose()} disabled={busy} data-testid="merge-choose">{path ? t('change') : t('chooseCopy')}</button>
            </div>
          ) : (
            <input autoFocus value={path} onChange={(e) => setPath(e.target.value)} placeholder={t('copyPlaceholder')} disabled={busy} spellCheck={false} className="team-path" data-testid="merge-path" />
          )}
        </div>
        {error && <p className="team-error" role="alert">{error}</p>}
        <button type="submit" hidden />
      </form>
    </Modal>
  );
}

function ConflictChoice({ conflict, chosen, disabled, onChoose, t }: {
  conflict: MergeConflict; chosen: MergeChoice; disabled: boolean; onChoose: (choice: MergeChoice) => void;
  t: (key: keyof Strings, params?: Readonly<Record<string, string | number>>) => string;
}) {
  const names = { project: conflict.projectName ?? '', copy: conflict.copyName ?? '', codings: conflict.codings };
  return (
    <li className="team-conflict" data-testid="merge-conflict">
      <fieldset>
        <legend>{conflict.subject}</legend>
        <span className="muted">{t(conflict.kind, names)}</span>
        {conflict.choices.map((choice) => (
          <label key={choice}>
            <input type="radio" name={conflict.key} checked={chosen === choice} disabled={disabled} onChange={() => onChoose(choice)} data-testid={`merge-choice-${choice}`} />
            <span>{t(`choice_${conflict.kind}_${choice}` as keyof Strings, names)}</span>
          </label>
        ))}
      </fieldset>
    </li>
  );
}

/** What the merge did: codings per coder, codes, conflicts as settled. */
function MergeReportView({ report }: { report: MergeReport }) {
  const t = useStrings(teamStrings);
  if (report.unchanged) return <p role="status" data-testid="merge-report">{t('unchanged')}</p>;
  return (
    <div role="status" data-testid="merge-report">
      <ul className="team-report">
        {report.codings.map((c) => <li key={c.coder}>{t('added', { coder: c.coder, added: c.added, already: c.already })}</li>)}
        <li>{t('codesAdded', { count: report.codesAdded.length })}{report.codesAdded.length > 0 ? ` (${report.codesAdded.join(', ')})` : ''}</li>
        <li>{t('renamedDeleted', { renamed: report.codesRenamed, deleted: report.codesDeleted })}</li>
        {report.codersAdded.length > 0 && <li>{t('newCoders')}: {report.codersAdded.join(', ')}</li>}
        {report.codingsLeftOut > 0 && <li>{t('leftOut', { count: report.codingsLeftOut })}</li>}
        {report.conflicts.map((c) => <li key={c.key}>{c.subject}: {t(`settled_${c.choice}`)}</li>)}
      </ul>
      <ReanchoringView reanchoring={report.reanchoring} t={t} />
      {report.backup && <p className="muted">{t('backupAt')}</p>}
      <p className="muted">{t('journal')}</p>
    </div>
  );
}

/** How the codings of transcripts whose text differs are (or were) placed, and every one not placed; nothing when no transcript is reanchored. */
function ReanchoringView({ reanchoring, t }: {
  reanchoring: Reanchoring; t: (key: keyof Strings, params?: Readonly<Record<string, string | number>>) => string;
}) {
  const { aligned, found, unplaced, notAligned } = reanchoring;
  if (aligned + found + unplaced.length === 0 && notAligned.length === 0) return null;
  return (
    <div className="team-reanchoring" data-testid="merge-reanchoring">
      <h3>{t('placing')}</h3>
      <p>{t('placed', { aligned, found, unplaced: unplaced.length })}</p>
      {notAligned.map((title) => <p key={title} className="muted">{t('notAligned', { title })}</p>)}
      {unplaced.length > 0 && (
        <>
          <p>{t('unplacedHead')}</p>
          <ul className="team-report" data-testid="merge-unplaced">
            {unplaced.map((u, n) => <li key={n}>{t('unplacedOne', { code: u.code, coder: u.coder, document: u.document, start: String(u.start), quote: u.quote })}</li>)}
          </ul>
        </>
      )}
    </div>
  );
}
