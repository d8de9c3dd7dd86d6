import { useEffect, useMemo, useRef, useState } from 'react';
import type { CodeId, DocumentId, TurnId, Utf16Offset } from '../../../src/domain/ids';
import { diffEdit, type RemovedCoding, type TextEditResult } from '../../../src/domain/text-edits';
import type { Code, Coding, DocumentSummary, Informant, InformantType } from '../../../src/domain/types';
import { useStrings } from '../../i18n/i18n';
import { forgetRecentCodes } from '../../lib/recent-codes';
import { useProject, useQuery } from '../../lib/state';
import { useMayChange } from '../../lib/team-context';
import type { Span } from './blocks';
import type { CodeChoice } from './CodePicker';
import type { CodingView } from './coding-view';
import { CoderBar } from '../coders/CoderBar';
import { shows, type CoderView } from '../coders/coder-view';
import { useCoderView } from '../coders/use-coder-view';
import { INFORMANT_DRAG_TYPE, SpeakerMap } from '../speakers/SpeakerMap';
import { ReplaceDialog } from './ReplaceDialog';
import { TranscriptReader, type EditActions, type ReaderActions } from './TranscriptReader';
import { Player } from '../player/Player';
import { PlaybackProvider, PlaybackStore } from '../player/playback';
import { transcriptStrings } from './strings';
import './transcript.css';

/** The transcript view: header, then the reader where passages are read and coded. */
export function TranscriptView({ documentId, focus }: { documentId: DocumentId; focus?: { start: Utf16Offset; end: Utf16Offset } }) {
  const t = useStrings(transcriptStrings);
  const { run, notify, cache } = useProject();
  // The text never changes with coding, so it is read apart from the summary (title, counts) the document list already holds.
  const text = useQuery('documents.text', { id: documentId });
  const documents = useQuery('documents.list', {});
  const summary = documents.data?.find((d) => d.id === documentId);
  const codings = useQuery('codings.forDocument', { documentId });
  const codes = useQuery('codes.list', {});
  const informants = useQuery('informants.list', {});
  const types = useQuery('informantTypes.list', {});
  const [playback] = useState(() => new PlaybackStore());
  // A reviewer of a team project reads: no coding, no edit mode.
  const mayChange = useMayChange();

  const codeList = codes.data;
  // Blind mode and the coder filter decide whose stripes show; the header's counts say whose they are.
  const whose = useCoderView();
  const allCodings = codings.data;
  const shown = useMemo(() => (allCodings ?? []).filter((c) => shows(whose, c.coderId)), [allCodings, whose]);
  useEffect(() => {
    if (codeList) forgetRecentCodes(new Set(codeList.map((c) => c.id)));
  }, [codeList]);

  const actions = useMemo<ReaderActions>(() => {
    // The saved coding goes into this transcript's codings at once: the stripe shows without waiting for the list to be read again.
    const place = (saved: Coding) => cache.update('codings.forDocument', { documentId }, (list) => [...list.filter((c) => c.id !== saved.id), saved]);
    return {
      apply: (range: Span, choice: CodeChoice) => run('codings.apply', {
        documentId, start: range.start, end: range.end,
        ...('codeId' in choice ? { codeId: choice.codeId } : { codeName: choice.codeName, ...(choice.inVivo ? { inVivo: true } : {}) }),
      }).then((saved) => { place(saved); return saved; }, () => null),
      recode: (coding: CodingView, choice: CodeChoice) => run('codings.recode', {
        id: coding.id,
        ...('codeId' in choice ? { codeId: choice.codeId } : { codeName: choice.codeName, ...(choice.inVivo ? { inVivo: true } : {}) }),
      }).then((saved) => { place(saved); return saved; }, () => null),
      notify: (message: string) => notify({ tone: 'info', message }),
    };
  }, [documentId, run, notify, cache]);

  // Edit mode (issue 15): reading stays read-only; each edit is sent against the text shown (its hash).
  const [editMode, setEditMode] = useState(false);
  const [removed, setRemoved] = useState<readonly RemovedCoding[]>([]);
  const [replacing, setReplacing] = useState(false);
  const hash = text.data?.contentHash;
  const edit = useMemo<EditActions | undefined>(() => {
    if (!editMode || !hash) return undefined;
    const done = (result: TextEditResult) => {
      setRemoved(result.codingsRemoved);
      if (result.codingsRemoved.length === 0) notify({ tone: 'info', message: result.codingsMoved > 0 ? t('edited', { moved: result.codingsMoved }) : t('editedPlain') });
      return true;
    };
    return {
      save: async (start, end, after) => {
        const change = diffEdit(text.data!.text.slice(start, end), after, start);
        if (!change) return true;
        return run('documents.editText', { id: documentId, edits: [change], expectedHash: hash }).then(done, () => false);
      },
      split: (turnId: TurnId, at: number) => run('documents.splitTurn', { id: documentId, turnId, at: at as Utf16Offset, expectedHash: hash }).then(done, () => false),
      join: (turnId: TurnId) => run('documents.joinTurns', { id: documentId, turnId, expectedHash: hash }).then(done, () => false),
      relabel: (turnId: TurnId, speaker: string) => run('documents.setTurnSpeaker', { id: documentId, turnId, speaker, expectedHash: hash }).then(done, () => false),
      retime: (turnId: TurnId, startMs: number | null) => run('turns.setTime', { documentId, turnId, startMs }).then(() => true, () => false),
    };
  }, [editMode, hash, documentId, run, notify, t, text.data]);

  const error = text.error ?? documents.error;
  if (error) return <section className="tv tv-message"><p>{t('loadFailed', { message: error.message })}</p></section>;
  const doc = text.data && summary ? { ...summary, ...text.data } : undefined;
  if (!doc) return <section className="tv tv-message" aria-busy="true"><p className="muted">{t('loading')}</p></section>;
  return (
    <section className="tv" data-testid="transcript-view">
      <TranscriptHeader doc={doc} codings={shown} codes={codeList ?? []} informants={informants.data ?? []} types={types.data ?? []} whose={whose} />
      {mayChange && <div className={`tv-editbar${editMode ? ' is-on' : ''}`}>
        <button type="button" className={editMode ? 'primary' : ''} aria-pressed={editMode} onClick={() => { setEditMode(!editMode); setRemoved([]); }} data-testid="edit-mode">
          {editMode ? t('editModeOn') : `✎ ${t('editMode')}`}
        </button>
        <button type="button" onClick={() => setReplacing(true)} data-testid="replace-open">{t('replaceOpen')}</button>
        {editMode && <span className="muted tv-editbar-hint">{t('editModeHint')}</span>}
      </div>}
      {removed.length > 0 && (
        <div className="tv-edit-notice" role="status" data-testid="edit-removed">
          <p>{t('editRemoved', { n: removed.length })}</p>
          <ul>{removed.map((c) => <li key={c.id}>{t('editRemovedItem', { code: c.codeName, quote: c.quote.length > 80 ? `${c.quote.slice(0, 79)}…` : c.quote })}</li>)}</ul>
          <button type="button" onClick={() => { void run('history.undo', {}).then(() => setRemoved([]), () => undefined); }} data-testid="edit-undo">{t('editUndo')}</button>
          <button type="button" onClick={() => setRemoved([])}>{t('editDismiss')}</button>
        </div>
      )}
      {replacing && (
        <ReplaceDialog documentId={doc.id} title={doc.title} onClose={() => setReplacing(false)} onReplaced={(result, file) => {
          setReplacing(false);
          setRemoved(result.codingsRemoved);
          notify({ tone: 'info', message: t('replaceDone', { file, moved: result.codingsMoved, removed: result.codingsRemoved.length }) });
        }} />
      )}
      <PlaybackProvider store={playback}>
        <Player key={documentId} documentId={documentId} turns={doc.turns} store={playback} />
        <TranscriptReader
          edit={edit}
          {...(mayChange ? { onEditKey: () => setEditMode(true) } : { readOnly: true })}
          doc={doc}
          codings={shown}
          codes={codeList ?? []}
          focus={focus}
          actions={actions}
        />
      </PlaybackProvider>
    </section>
  );
}

interface HeaderProps {
  readonly doc: DocumentSummary;
  readonly codings: readonly Coding[];
  readonly codes: readonly Code[];
  readonly informants: readonly Informant[];
  readonly types: readonly InformantType[];
  readonly whose: CoderView;
}

/** Title, informants with their type, size and format, and the codes used in this transcript. */
function TranscriptHeader({ doc, codings, codes, informants, types, whose }: HeaderProps) {
  const t = useStrings(transcriptStrings);
  const { navigate } = useProject();
  const mine = informants.filter((i) => doc.informantIds.includes(i.id));
  const colourOf = new Map(types.map((ty) => [ty.id, ty.colour]));
  const used = useMemo(() => {
    const count = new Map<CodeId, number>();
    for (const c of codings) count.set(c.codeId, (count.get(c.codeId) ?? 0) + 1);
    return codes.filter((c) => count.has(c.id)).map((c) => ({ code: c, n: count.get(c.id)! })).sort((a, b) => b.n - a.n || a.code.name.localeCompare(b.code.name));
  }, [codings, codes]);

  // Cycles through a code's passages in this transcript, starting after the last one visited.
  const visited = useRef(new Map<CodeId, number>());
  const next = (codeId: CodeId) => {
    const mineCodings = codings.filter((c) => c.codeId === codeId).sort((a, b) => a.start - b.start);
    if (mineCodings.length === 0) return;
    const at = ((visited.current.get(codeId) ?? -1) + 1) % mineCodings.length;
    visited.current.set(codeId, at);
    const c = mineCodings[at]!;
    navigate({ view: 'document', documentId: doc.id, focus: { start: c.start, end: c.end } });
  };

  return (
    <header className="tv-header">
      <div className="tv-title-row">
        <h1 className="tv-title" title={doc.sourceName}>{doc.title}</h1>
        <span className="tv-format" title={`${t('formatLabel')}: ${doc.sourceName} (${doc.encoding})`}>{doc.format.toUpperCase()}</span>
      </div>
      <div className="tv-meta">
        <span className="tv-informants" aria-label={t('informantsLabel')}>
          {mine.length === 0 && <span className="muted">{t('noInformant')}</span>}
          {mine.map((i) => (
            <span key={i.id} className="tv-informant" title={i.name || i.label} draggable data-testid="transcript-informant"
              onDragStart={(event) => { event.dataTransfer.setData(INFORMANT_DRAG_TYPE, String(i.id)); event.dataTransfer.effectAllowed = 'link'; }}>
              <span className="swatch" style={{ background: colourOf.get(i.typeId) ?? '#bbbbbb' }} />
              <strong>{i.label}</strong> <span className="muted">{i.typeName}</span>
            </span>
          ))}
        </span>
        <span className="tv-dot" aria-hidden>·</span>
        <span>{t('words', { n: doc.wordCount })}</span>
        {doc.turnCount > 0 && <><span className="tv-dot" aria-hidden>·</span><span>{t('turns', { n: doc.turnCount })}</span></>}
        <span className="tv-dot" aria-hidden>·</span>
        <span data-testid="transcript-codings-count">{whose.coderIds === null ? t('codings', { n: codings.length }) : t('codingsOf', { n: codings.length, names: whose.names.join(', ') })}</span>
        <span className="tv-coders">
          <CoderBar blindSwitch />
          {!whose.blind && whose.people.length >= 2 && (
            <button type="button" className="tv-compare" onClick={() => navigate({ view: 'compare', documentId: doc.id })} data-testid="compare-coders">{t('compareCoders')}</button>
          )}
        </span>
      </div>
      {doc.turnCount > 0 && <SpeakerMap documentId={doc.id} informants={mine} />}
      {/* Always there, so the first coding does not push the text down. */}
      <div className="tv-legend" aria-label={t('codesHere')}>
        <span className="tv-legend-label">{t('codesHere')}</span>
        {used.length === 0 && <span className="muted tv-legend-empty">{t('noCodesHere')}</span>}
        {used.map(({ code, n }) => (
          <button key={code.id} type="button" className="tv-chip" title={t('nextOfCode', { name: code.name })} onClick={() => next(code.id)} data-testid="transcript-code-chip">
            <span className="swatch" style={{ background: code.colour }} />{code.name}<span className="count">{n}</span>
          </button>
        ))}
      </div>
    </header>
  );
}
