import { useState } from 'react';
import type { DocumentId, InformantId } from '../../../src/domain/ids';
import { SPEAKER_ROLES, type DocumentSpeaker, type Informant, type SpeakerRole } from '../../../src/domain/types';
import { useStrings } from '../../i18n/i18n';
import { useProject, useQuery } from '../../lib/state';
import { useMayChange } from '../../lib/team-context';
import { speakerStrings } from './strings';
import './speakers.css';

/** Drag payload: an informant dragged onto a speaker. */
export const INFORMANT_DRAG_TYPE = 'application/x-tematik-informant';

/**
 * The speakers of a transcript and who each is: interviewer, one of the document's informants,
 * or not set. Correct a mapping by picking from the lists, or by dragging an informant chip
 * from the header onto a speaker. Every change is one undoable action.
 */
export function SpeakerMap({ documentId, informants }: { documentId: DocumentId; informants: readonly Informant[] }) {
  const t = useStrings(speakerStrings);
  const { run, notify } = useProject();
  // A reviewer of a team project sees who speaks; mapping speakers is the coders'.
  const mayChange = useMayChange();
  const speakers = useQuery('documents.speakers', { id: documentId });
  const [dropTarget, setDropTarget] = useState<string | null>(null);
  if (!speakers.data || speakers.data.length === 0) return null;

  const labelOf = (id: InformantId | null) => informants.find((i) => i.id === id)?.label ?? '';
  const set = async (speaker: DocumentSpeaker, role: SpeakerRole, informantId: InformantId | null) => {
    await run('documents.setSpeaker', { id: documentId, speaker: speaker.speaker, role, informantId }).catch(() => null);
    const who = informantId !== null ? labelOf(informantId) : t(role);
    notify({ tone: 'info', message: t('set', { speaker: speaker.speaker, who }) });
  };
  const roles = new Set(speakers.data.map((s) => s.role));
  const canSwap = roles.has('interviewer') && roles.has('informant');

  return (
    <div className="sp-map" data-testid="speaker-map" aria-label={t('summary')}>
      <span className="sp-heading" title={t('summary')}>{t('heading')}</span>
      {informants.length === 0 && <span className="muted">{t('noInformants')}</span>}
      {speakers.data.map((speaker) => {
        const unmapped = speaker.role !== 'interviewer' && speaker.informantId === null;
        return (
          <div
            key={speaker.speaker}
            className={`sp-speaker${unmapped ? ' sp-unmapped' : ''}${dropTarget === speaker.speaker ? ' sp-drop' : ''}`}
            data-testid="speaker"
            data-speaker={speaker.speaker}
            title={unmapped ? t('unmappedWarning', { speaker: speaker.speaker }) : t('dropHint', { speaker: speaker.speaker })}
            onDragOver={(event) => {
              if (!event.dataTransfer.types.includes(INFORMANT_DRAG_TYPE)) return;
              event.preventDefault();
              setDropTarget(speaker.speaker);
            }}
            onDragLeave={() => setDropTarget(null)}
            onDrop={(event) => {
              const id = Number(event.dataTransfer.getData(INFORMANT_DRAG_TYPE));
              setDropTarget(null);
              if (id > 0 && mayChange) {
                event.preventDefault();
                void set(speaker, 'informant', id as InformantId);
              }
            }}
          >
            <strong className="sp-name">{speaker.speaker}</strong>
            <span className="sp-stats" title={t('questions', { q: speaker.questions, n: speaker.turns })}>
              {t('turnsAsking', { n: speaker.turns, q: speaker.questions })}
            </span>
            <select
              aria-label={t('roleLabel', { speaker: speaker.speaker })}
              value={speaker.role}
              data-testid="speaker-role"
              disabled={!mayChange}
              onChange={(event) => {
                const role = SPEAKER_ROLES.find((r) => r === event.target.value);
                if (role) void set(speaker, role, role === 'informant' ? speaker.informantId : null);
              }}
            >
              {SPEAKER_ROLES.map((role) => <option key={role} value={role}>{t(role)}</option>)}
            </select>
            {speaker.role === 'informant' && (
              <select
                aria-label={t('informantLabel', { speaker: speaker.speaker })}
                value={speaker.informantId ?? ''}
                data-testid="speaker-informant"
                disabled={!mayChange}
                onChange={(event) => void set(speaker, 'informant', event.target.value ? (Number(event.target.value) as InformantId) : null)}
              >
                <option value="">{t('notMapped')}</option>
                {informants.map((i) => <option key={i.id} value={i.id}>{i.label}{i.name ? ` — ${i.name}` : ''}</option>)}
              </select>
            )}
          </div>
        );
      })}
      {canSwap && mayChange && (
        <button type="button" className="sp-swap" title={t('swapTitle')} data-testid="speaker-swap"
          onClick={() => void run('documents.swapRoles', { ids: [documentId] }).catch(() => null)}>
          ⇄ {t('swap')}
        </button>
      )}
    </div>
  );
}
