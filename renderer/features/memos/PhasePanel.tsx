import { useState, type FormEvent } from 'react';
import { PHASES, type Phase } from '../../../src/domain/types';
import { useStrings } from '../../i18n/i18n';
import { useProject } from '../../lib/state';
import { journalStrings } from './strings';
import { usePhaseName } from '../../i18n/phase-names';
import { useMayChange } from '../../lib/team-context';

/**
 * Where the project is in Braun & Clarke's six phases, and the move to another one. Phases
 * are recursive in practice, so any phase can be chosen, backwards too; the note says why.
 */
export function PhasePanel({ phase }: { phase: Phase }) {
  const t = useStrings(journalStrings);
  const phaseName = usePhaseName();
  const { run } = useProject();
  // A reviewer of a team project sees the phase; moving the project on (or back) is the coders'.
  const mayChange = useMayChange();
  const [target, setTarget] = useState<Phase | null>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);

  const move = (event?: FormEvent) => {
    event?.preventDefault();
    if (target === null) return;
    setBusy(true);
    void run('project.setPhase', { phase: target, ...(note.trim() ? { note: note.trim() } : {}) })
      .then(() => { setTarget(null); setNote(''); }, () => undefined)
      .finally(() => setBusy(false));
  };

  return (
    <section className="jr-phase-panel" data-testid="phase-panel" aria-label={t('phaseHeading')}>
      <ol className="jr-phase-steps">
        {PHASES.map((p) => (
          <li key={p} className={`${p === phase ? 'current' : p < phase ? 'done' : ''}${p === target ? ' target' : ''}`}>
            <button
              onClick={() => setTarget(p === phase || p === target ? null : p)}
              aria-current={p === phase ? 'step' : undefined}
              aria-pressed={p === target}
              disabled={!mayChange}
              title={p === phase || !mayChange ? phaseName(p) : t('moveTo', { n: p, name: phaseName(p) })}
              data-testid={`phase-step-${p}`}
            >
              <span className="jr-phase-number">{p < phase ? '✓' : p}</span>
              <span className="jr-phase-short">{t(`phase${p}Short`)}</span>
            </button>
          </li>
        ))}
      </ol>
      <div className="jr-phase-current">
        <div>
          <span className="jr-phase-kicker">{t('phaseOf', { n: phase })} · {t('current')}</span>
          <h2 data-testid="current-phase">{phaseName(phase)}</h2>
          <p className="muted">{t(`phase${phase}About`)}</p>
        </div>
      </div>
      {target !== null && (
        <form className="jr-phase-move" onSubmit={move} onKeyDown={(e) => { if (e.key === 'Escape') setTarget(null); }} data-testid="phase-move-form">
          <strong>{t('moveTitle', { from: phase, to: target })}: {phaseName(target)}</strong>
          <p className="muted">{t(`phase${target}About`)}</p>
          <label className="field">
            <span>{t('moveNote')}</span>
            <textarea autoFocus rows={3} value={note} onChange={(e) => setNote(e.target.value)} placeholder={t('moveNotePlaceholder')} data-testid="phase-note"
              onKeyDown={(e) => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) move(); }} />
          </label>
          <div className="jr-actions">
            <button type="submit" className="primary" disabled={busy} data-testid="phase-move">{t('moveConfirm', { n: target })}</button>
            <button type="button" onClick={() => setTarget(null)}>{t('cancel')}</button>
            <span className="muted">{t('moveHint')}</span>
          </div>
        </form>
      )}
    </section>
  );
}
