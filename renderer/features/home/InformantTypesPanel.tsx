import { useState, type FormEvent } from 'react';
import type { InformantTypeId } from '../../../src/domain/ids';
import type { InformantType, ProjectStats } from '../../../src/domain/types';
import { useLanguage, useStrings } from '../../i18n/i18n';
import { ApiError } from '../../lib/api';
import { useProject } from '../../lib/state';
import { useMayChange } from '../../lib/team-context';
import { formatNumber } from './format';
import { homeStrings } from './strings';

/** Calm, distinguishable colours for new types; the user can pick any other. */
const PALETTE = ['#2f5d9e', '#c0622d', '#3c8d5a', '#8a4fa3', '#b8892b', '#2b8a8a', '#a63d5b', '#5b6b7f'];

/** The first palette colour no type uses yet. */
export const nextColour = (types: readonly InformantType[]): string =>
  PALETTE.find((c) => !types.some((t) => t.colour.toLowerCase() === c)) ?? PALETTE[types.length % PALETTE.length]!;

/**
 * Informant types with their informants and transcripts: the sources of triangulation, so
 * the researcher sees at a glance whether a type is thin. Add, edit and delete in place.
 */
export function InformantTypesPanel({ types, stats }: { types: readonly InformantType[]; stats: ProjectStats }) {
  const t = useStrings(homeStrings);
  const { language } = useLanguage();
  const { run } = useProject();
  // A reviewer reads the types and their counts; adding, editing and deleting them is the coders'.
  const mayChange = useMayChange();
  const [editing, setEditing] = useState<InformantTypeId | null>(null);
  const [newName, setNewName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const documentsOf = new Map(stats.informantsPerType.map((row) => [row.type, row.documents]));
  // The column earns its width only once some type is described.
  const described = types.some((type) => type.description.trim() !== '');
  const maxInformants = Math.max(1, ...types.map((type) => type.informantCount));

  const add = (event: FormEvent) => {
    event.preventDefault();
    const name = newName.trim();
    if (!name) return;
    setProblem(null);
    void run('informantTypes.create', { name, colour: nextColour(types) }, { quiet: true }).then(() => setNewName(''), (e: unknown) => setProblem(messageOf(e)));
  };
  const remove = (type: InformantType) => {
    setProblem(null);
    // The store refuses while the type has informants and says why; that message is shown here too.
    void run('informantTypes.delete', { id: type.id }, { quiet: true }).catch((e: unknown) => setProblem(messageOf(e)));
  };

  return (
    <section className="hm-panel types-panel" data-testid="informant-types">
      <div className="hm-panel-head">
        <h2>{t('typesTitle')}</h2>
        <span className="muted">{t('typesHint')}</span>
      </div>
      {types.length === 0 ? <p className="muted hm-panel-note">{t('noTypes')}</p> : (
        <table className="hm-dense hm-types-table">
          <thead>
            <tr>
              <th>{t('colType')}</th>
              {described && <th>{t('typeDescription')}</th>}
              <th className="hm-num">{t('colInformants')}</th>
              <th className="hm-num">{t('colTranscripts')}</th>
              <th className="hm-bar-col" aria-hidden="true" />
              <th className="hm-actions-col" />
            </tr>
          </thead>
          <tbody>
            {types.map((type) => editing === type.id
              ? <TypeEditor key={type.id} type={type} columns={described ? 6 : 5} onDone={() => setEditing(null)} onProblem={setProblem} />
              : (
                <tr key={type.id} data-testid="informant-type-row">
                  <td>
                    <div className="hm-type-name">
                      <span className="swatch" style={{ background: type.colour }} />
                      <strong>{type.name}</strong>
                    </div>
                  </td>
                  {described && <td className="hm-type-description muted">{type.description}</td>}
                  <td className="hm-num">
                    {formatNumber(type.informantCount, language)}
                    {type.interviewedCount < type.informantCount && (
                      <span className="hm-not-interviewed" data-testid="type-not-interviewed" title={t('notInterviewedHint')}>
                        {t('notInterviewedCount', { n: type.informantCount - type.interviewedCount })}
                      </span>
                    )}
                  </td>
                  <td className="hm-num">{formatNumber(documentsOf.get(type.name) ?? 0, language)}</td>
                  <td className="hm-bar-col" aria-hidden="true">
                    <span className="hm-share-bar" style={{ width: `${(type.informantCount / maxInformants) * 100}%`, background: type.colour }} />
                  </td>
                  <td className="hm-actions-col">
                    {mayChange && <>
                    <button className="hm-row-action" onClick={() => { setProblem(null); setEditing(type.id); }} aria-label={t('editType', { name: type.name })} data-testid="type-edit">{t('edit')}</button>
                    <button className="hm-row-action danger" onClick={() => remove(type)} aria-label={t('deleteType', { name: type.name })} data-testid="type-delete">{t('delete')}</button>
                    </>}
                  </td>
                </tr>
              ))}
          </tbody>
        </table>
      )}
      {problem && <p className="hm-inline-error" role="alert" data-testid="type-error">{problem}</p>}
      {mayChange && <form className="hm-add-row" onSubmit={add}>
        <input value={newName} onChange={(e) => setNewName(e.target.value)} placeholder={t('newTypePlaceholder')} aria-label={t('typeName')} maxLength={200} data-testid="type-new-name" />
        <button type="submit" disabled={!newName.trim()} data-testid="type-add">{t('addType')}</button>
      </form>}
    </section>
  );
}

function TypeEditor({ type, columns, onDone, onProblem }: { type: InformantType; columns: number; onDone: () => void; onProblem: (message: string | null) => void }) {
  const t = useStrings(homeStrings);
  const { run } = useProject();
  const [name, setName] = useState(type.name);
  const [colour, setColour] = useState(type.colour);
  const [description, setDescription] = useState(type.description);

  const save = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return;
    const changes = {
      ...(name.trim() !== type.name ? { name: name.trim() } : {}),
      ...(colour.toLowerCase() !== type.colour.toLowerCase() ? { colour } : {}),
      ...(description !== type.description ? { description } : {}),
    };
    if (Object.keys(changes).length === 0) return onDone();
    void run('informantTypes.update', { id: type.id, ...changes }, { quiet: true }).then(() => { onProblem(null); onDone(); }, (e: unknown) => onProblem(messageOf(e)));
  };
  return (
    <tr className="hm-editing-row" data-testid="informant-type-editor">
      <td colSpan={columns}>
        <form className="hm-type-editor" onSubmit={save} onKeyDown={(e) => { if (e.key === 'Escape') { e.stopPropagation(); onDone(); } }}>
          <input type="color" value={colour} onChange={(e) => setColour(e.target.value)} aria-label={t('colour')} title={t('colour')} data-testid="type-colour" />
          <input autoFocus value={name} onChange={(e) => setName(e.target.value)} aria-label={t('typeName')} maxLength={200} data-testid="type-name" />
          <input className="grow" value={description} onChange={(e) => setDescription(e.target.value)} placeholder={t('typeDescriptionPlaceholder')} aria-label={t('typeDescription')} data-testid="type-description" />
          <button type="submit" className="primary" disabled={!name.trim()} data-testid="type-save">{t('save')}</button>
          <button type="button" onClick={onDone}>{t('cancel')}</button>
        </form>
      </td>
    </tr>
  );
}

export const messageOf = (error: unknown): string => (error instanceof ApiError || error instanceof Error ? error.message : String(error));
