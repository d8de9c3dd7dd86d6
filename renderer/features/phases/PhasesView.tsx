import { useMemo, useState, type FormEvent } from 'react';
import { PHASES, type Phase } from '../../../src/domain/types';
import { useLanguage, useStrings, type Translate } from '../../i18n/i18n';
import { useProject, useQuery } from '../../lib/state';
import { checklist, checklistProgress, phaseFact, phaseState, viewForPhase, type PhaseFact, type PhaseTarget } from './phase-model';
import { phasesStrings } from './strings';
import './phases.css';
import { usePhaseName } from '../../i18n/phase-names';
import { useMayChange } from '../../lib/team-context';

type T = Translate<keyof typeof phasesStrings.en>;

/**
 * The six Braun & Clarke phases as a vertical stepper: the current phase open with its
 * checklist and the view where its work happens; any other phase can be opened, read,
 * ticked and moved to (backwards too: the phases are recursive), with a note for the journal.
 */
export function PhasesView() {
  const t = useStrings(phasesStrings);
  const { project } = useProject();
  const current = project?.phase ?? 1;
  const [open, setOpen] = useState<ReadonlySet<Phase>>(() => new Set([current]));
  const [openFor, setOpenFor] = useState<Phase>(current);
  // The phase moved (here, in the journal or by undo): open the new current phase.
  if (openFor !== current) {
    setOpenFor(current);
    setOpen(new Set([current]));
  }

  const checks = useQuery('phases.checks', {}).data;
  const documents = useQuery('documents.list', {}).data;
  const themes = useQuery('themes.list', {}).data;
  const stats = useQuery('project.stats', {}).data;
  const unthemed = useQuery('codes.unthemed', {}).data;

  const toggle = (phase: Phase) => setOpen((set) => {
    const next = new Set(set);
    if (next.has(phase)) next.delete(phase);
    else next.add(phase);
    return next;
  });

  if (!project) return null;
  return (
    <section className="ph-view" data-testid="phases-view">
      <header className="ph-header">
        <h1>{t('title')}</h1>
        <p className="muted">{t('intro')}</p>
      </header>
      <ol className="ph-steps">
        {PHASES.map((phase) => (
          <PhaseStep
            key={phase}
            phase={phase}
            current={current}
            open={open.has(phase)}
            onToggle={() => toggle(phase)}
            checks={checks}
            target={documents && themes ? viewForPhase(phase, documents, themes) : null}
            fact={stats && themes && unthemed ? phaseFact(phase, stats, themes, unthemed.length) : null}
          />
        ))}
      </ol>
    </section>
  );
}

function PhaseStep({ phase, current, open, onToggle, checks, target, fact }: {
  phase: Phase;
  current: Phase;
  open: boolean;
  onToggle: () => void;
  checks: Parameters<typeof checklist>[1] | undefined;
  target: PhaseTarget | null;
  fact: PhaseFact | null;
}) {
  const t = useStrings(phasesStrings);
  const phaseName = usePhaseName();
  const { language } = useLanguage();
  const { run, navigate, notify } = useProject();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  // A reviewer of a team project reads the checklist (who ticked what, when); ticking and moving phase are the coders'.
  const mayChange = useMayChange();
  // Ticks show at once; the stored check (who, when) follows when the project answers.
  const [pending, setPending] = useState<ReadonlyMap<string, boolean>>(new Map());
  const state = phaseState(phase, current);
  const rows = useMemo(() => checklist(phase, checks ?? []), [phase, checks]);
  const progress = checklistProgress(phase, checks ?? []);
  const when = useMemo(() => new Intl.DateTimeFormat(language === 'id' ? 'id-ID' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' }), [language]);
  const detailId = `phase-detail-${phase}`;

  const tick = (item: string, done: boolean) => {
    setPending((map) => new Map(map).set(item, done));
    void run('phases.check', { phase, item, done }).catch(() => undefined).finally(() => setPending((map) => {
      const next = new Map(map);
      next.delete(item);
      return next;
    }));
  };
  const move = (event?: FormEvent) => {
    event?.preventDefault();
    if (busy) return;
    setBusy(true);
    void run('project.setPhase', { phase, ...(note.trim() ? { note: note.trim() } : {}) })
      .then(() => { setNote(''); notify({ tone: 'info', message: t('moved', { n: phase }) }); }, () => undefined)
      .finally(() => setBusy(false));
  };

  return (
    <li className={`ph-step ${state}${open ? ' open' : ''}`} data-testid="phase-step" data-phase={phase} data-state={state} aria-current={state === 'current' ? 'step' : undefined}>
      <div className="ph-rail" aria-hidden="true">
        <span className="ph-number">{state === 'done' ? '✓' : phase}</span>
      </div>
      <div className="ph-body">
        <button className="ph-head" onClick={onToggle} aria-expanded={open} aria-controls={detailId} title={open ? t('collapse', { n: phase }) : t('expand', { n: phase })} data-testid="phase-toggle">
          <span className="ph-kicker">
            {t('kicker', { n: phase })}
            {state === 'current' && <span className="ph-current-tag">{t('current')}</span>}
          </span>
          <span className="ph-title-row">
            <span className="ph-name">{phaseName(phase)}</span>
            {checks && <span className={`ph-progress${progress.done === progress.total ? ' complete' : ''}`}>{t('progress', progress)}</span>}
            <span className="ph-chevron" aria-hidden="true">{open ? '▾' : '▸'}</span>
          </span>
          <span className="ph-line">{t(`phase${phase}Line`)}</span>
        </button>

        {open && (
          <div className="ph-detail" id={detailId}>
            {fact && <p className="ph-fact">{factText(t, fact)}</p>}
            <div className="ph-checklist-head">
              <h3>{t('checklist')}</h3>
              <span className="muted">{t('checklistHint')}</span>
            </div>
            <ul className="ph-checklist">
              {rows.map(({ item, check }) => (
                <li key={item.key} className={check ? 'checked' : ''}>
                  <label>
                    <input type="checkbox" checked={pending.get(item.key) ?? check !== null} onChange={(e) => tick(item.key, e.target.checked)} disabled={!mayChange} data-testid="phase-check" data-item={item.key} />
                    <span className="ph-item-text">{item[language]}</span>
                  </label>
                  {check && <span className="ph-item-meta" data-testid="phase-check-by">{t('checkedBy', { by: check.by, when: when.format(new Date(check.doneAt)) })}</span>}
                </li>
              ))}
            </ul>
            <div className="ph-actions">
              {target && (
                <button className={state === 'current' ? 'primary' : ''} onClick={() => navigate(target.route)} data-testid="phase-open-view">
                  {targetText(t, target)} →
                </button>
              )}
              {state === 'current' && <button onClick={() => navigate({ view: 'journal' })}>{t('openJournal')}</button>}
            </div>
            {state !== 'current' && mayChange && (
              <form className="ph-move" onSubmit={move}>
                <label className="ph-move-label" htmlFor={`phase-note-${phase}`}>{t('moveNote')}</label>
                <textarea
                  id={`phase-note-${phase}`}
                  rows={2}
                  value={note}
                  onChange={(e) => setNote(e.target.value)}
                  placeholder={t('moveNotePlaceholder')}
                  onKeyDown={(e) => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) move(); }}
                  data-testid="phase-note"
                />
                <div className="ph-move-actions">
                  <button type="submit" className="primary" disabled={busy} data-testid="phase-move">
                    {phase < current ? t('moveBack', { n: phase }) : t('move', { n: phase })}
                  </button>
                  <span className="muted">{t('moveHint')}</span>
                </div>
              </form>
            )}
          </div>
        )}
      </div>
    </li>
  );
}

function factText(t: T, fact: PhaseFact): string {
  switch (fact.key) {
    case 'documents': return t('factDocuments', { documents: fact.documents, words: fact.words });
    case 'codes': return t('factCodes', { codes: fact.codes, codings: fact.codings });
    case 'themes': return t('factThemes', { themes: fact.themes, unthemed: fact.unthemed });
    case 'reviewed': return t('factReviewed', { done: fact.done, of: fact.of });
    case 'defined': return t('factDefined', { done: fact.done, of: fact.of });
    case 'judged': return t('factJudged', { done: fact.done, of: fact.of });
  }
}

function targetText(t: T, target: PhaseTarget): string {
  switch (target.kind) {
    case 'document': return t('openDocument', { title: target.title });
    case 'home': return t('openHome');
    case 'themes': return t('openThemes');
    case 'review': return t('openReview', { name: target.name });
    case 'define': return t('openDefine', { name: target.name });
    case 'triangulation': return t('openTriangulation');
  }
}
