import { useState, type SyntheticEvent } from 'react';
import type { TurnId } from '../../../src/domain/ids';
import { formatClock, parseClock } from '../../../src/domain/recordings';
import { useStrings } from '../../i18n/i18n';
import type { EditActions } from './TranscriptReader';
import { transcriptStrings } from './strings';

interface Props {
  /** Null for a paragraph of a text without turns: it can be edited, not split, joined or relabelled. */
  readonly turnId: TurnId | null;
  readonly speaker: string;
  /** The turn's start in the recording, null when it has none. */
  readonly startMs: number | null;
  readonly hasNext: boolean;
  readonly onEdit: () => void;
  readonly edit: EditActions;
}

const keep = (event: SyntheticEvent) => event.stopPropagation();

/** Edit mode's buttons beside a turn: edit its text, join it with the next turn, change its speaker label or start time. */
export function TurnTools({ turnId, speaker, startMs, hasNext, onEdit, edit }: Props) {
  const t = useStrings(transcriptStrings);
  const [label, setLabel] = useState<string | null>(null);
  const [time, setTime] = useState<string | null>(null);
  const [badTime, setBadTime] = useState<string | null>(null);
  const closeTime = () => { setTime(null); setBadTime(null); };
  return (
    <span className="tv-edit-tools" onMouseDown={keep} onMouseUp={keep} onClick={keep} onKeyDown={keep}>
      <button type="button" className="tv-edit-button" title={t('editTurnTitle')} onClick={onEdit} data-testid="turn-edit">✎ {t('editTurn')}</button>
      {turnId !== null && hasNext && (
        <button type="button" className="tv-edit-button" title={t('joinNextTitle')} onClick={() => void edit.join(turnId)} data-testid="turn-join">{t('joinNext')}</button>
      )}
      {turnId !== null && label === null && (
        <button type="button" className="tv-edit-button" title={t('relabelTitle')} onClick={() => setLabel(speaker)} data-testid="turn-relabel">{t('relabel')}</button>
      )}
      {turnId !== null && label !== null && (
        <form className="tv-relabel" onSubmit={(e) => {
          e.preventDefault();
          const next = label.trim();
          if (!next || next === speaker) setLabel(null);
          else void edit.relabel(turnId, next).then((saved) => { if (saved) setLabel(null); });
        }}>
          <input aria-label={t('relabelLabel')} value={label} autoFocus onChange={(e) => setLabel(e.target.value)}
            onKeyDown={(e) => { if (e.key === 'Escape') setLabel(null); }} data-testid="turn-relabel-input" />
          <button type="submit">{t('relabelSave')}</button>
        </form>
      )}
      {turnId !== null && time === null && (
        <button type="button" className="tv-edit-button" title={t('retimeTitle')} onClick={() => setTime(startMs === null ? '' : formatClock(startMs))} data-testid="turn-retime">{t('retime')}</button>
      )}
      {turnId !== null && time !== null && (
        <form className="tv-relabel" onSubmit={(e) => {
          e.preventDefault();
          const next = parseClock(time);
          if (next === undefined) setBadTime(t('retimeBad', { text: time.trim() }));
          // The time as shown (whole seconds) left as it was keeps the turn's own, finer one.
          else if (next === startMs || (startMs !== null && time.trim() === formatClock(startMs))) closeTime();
          else void edit.retime(turnId, next).then((saved) => { if (saved) closeTime(); });
        }}>
          <input aria-label={t('retimeLabel')} value={time} autoFocus placeholder="mm:ss" onChange={(e) => { setTime(e.target.value); setBadTime(null); }}
            onKeyDown={(e) => { if (e.key === 'Escape') closeTime(); }} aria-invalid={badTime !== null} data-testid="turn-retime-input" />
          <button type="submit">{t('retimeSave')}</button>
          {badTime !== null && <span className="tv-retime-error" role="alert">{badTime}</span>}
        </form>
      )}
    </span>
  );
}
