import { useState, type SyntheticEvent } from 'react';
import type { TurnId } from '../../../src/domain/ids';
import { useStrings } from '../../i18n/i18n';
import type { EditActions } from './TranscriptReader';
import { transcriptStrings } from './strings';

interface Props {
  /** Null for a paragraph of a text without turns: it can be edited, not split, joined or relabelled. */
  readonly turnId: TurnId | null;
  readonly speaker: string;
  readonly hasNext: boolean;
  readonly onEdit: () => void;
  readonly edit: EditActions;
}

const keep = (event: SyntheticEvent) => event.stopPropagation();

/** Edit mode's buttons beside a turn: edit its text, join it with the next turn, change its speaker label. */
export function TurnTools({ turnId, speaker, hasNext, onEdit, edit }: Props) {
  const t = useStrings(transcriptStrings);
  const [label, setLabel] = useState<string | null>(null);
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
    </span>
  );
}
