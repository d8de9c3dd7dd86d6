import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { DocumentId } from '../../../src/domain/ids';
import { isVideo, type RecordingStatus } from '../../../src/domain/recordings';
import type { Turn } from '../../../src/domain/types';
import { useStrings } from '../../i18n/i18n';
import { mediaUrl } from '../../lib/api';
import { useProject, useQuery } from '../../lib/state';
import { useTeam } from '../../lib/team-context';
import { formatTimestamp } from '../../lib/time';
import { SKIP_BACK_SECONDS, SPEEDS, turnAt } from './current-turn';
import type { PlaybackStore } from './playback';
import { playerStrings } from './strings';
import './player.css';

/**
 * The recording of a transcript, above its text: play and pause, back 5 s, speed, a position
 * slider, the file's name and whether it was found; a missing recording says where it was looked
 * for and offers to link it again, and never keeps the transcript from working. The keys work
 * anywhere in the transcript view, while coding too: F4 or Ctrl+Space plays and pauses, F3 goes
 * back 5 s (no key the transcript, the code picker or the codebook already uses).
 */
export function Player({ documentId, turns, store }: { documentId: DocumentId; turns: readonly Turn[]; store: PlaybackStore }) {
  const t = useStrings(playerStrings);
  const recording = useQuery('recordings.forDocument', { documentId });
  const [linking, setLinking] = useState(false);
  // A team server plays embedded recordings only, and linking one there is not offered from this page: no link, relink or unlink.
  const linkable = useTeam() === null;
  const status = recording.data;
  if (recording.error || (!linkable && status === null)) return null;
  if (status === undefined) return <section className="pl" aria-label={t('region')} aria-busy="true" />;
  return (
    <section className="pl" aria-label={t('region')} data-testid="player" data-status={status?.status ?? 'none'}>
      {status === null && !linking && (
        <div className="pl-row">
          <span className="muted">{t('none')}</span>
          <button type="button" className="pl-link" onClick={() => setLinking(true)} data-testid="player-link">{t('link')}</button>
        </div>
      )}
      {status && status.status !== 'missing' && <Playing key={status.id} status={status} turns={turns} store={store} documentId={documentId} onRelink={linkable ? () => setLinking(true) : undefined} />}
      {status && status.status === 'missing' && !linking && <Missing status={status} documentId={documentId} onRelink={linkable ? () => setLinking(true) : undefined} />}
      {linking && <LinkForm documentId={documentId} onDone={() => setLinking(false)} />}
    </section>
  );
}

function Playing({ status, turns, store, documentId, onRelink }: { status: RecordingStatus; turns: readonly Turn[]; store: PlaybackStore; documentId: DocumentId; onRelink: (() => void) | undefined }) {
  const t = useStrings(playerStrings);
  const { run } = useProject();
  const media = useRef<HTMLAudioElement & HTMLVideoElement>(null);
  const [playing, setPlaying] = useState(false);
  const [time, setTime] = useState(0);
  const [duration, setDuration] = useState(status.durationMs !== null ? status.durationMs / 1000 : 0);
  const [speed, setSpeed] = useState(1);
  const [failed, setFailed] = useState(false);
  const turnsRef = useRef(turns);
  turnsRef.current = turns;

  // The controls the turns and the keys use, and the state the turns show.
  useEffect(() => {
    const el = () => media.current;
    const play = () => { void el()?.play().catch(() => undefined); };
    store.impl = {
      playFrom: (ms) => { const m = el(); if (!m) return; m.currentTime = ms / 1000; play(); },
      toggle: () => { const m = el(); if (!m) return; if (m.paused) play(); else m.pause(); },
      back: () => { const m = el(); if (m) m.currentTime = Math.max(0, m.currentTime - SKIP_BACK_SECONDS); },
      stamp: (offset) => {
        const m = el();
        const turn = turnsRef.current.find((tu) => offset >= tu.start && offset < Math.max(tu.end, tu.start + 1));
        if (!m || !turn) return;
        void run('turns.setTime', { documentId, turnId: turn.id, startMs: Math.round(m.currentTime * 1000) }).catch(() => undefined);
      },
    };
    store.set({ ready: true });
    return () => { store.impl = null; store.set({ ready: false, playing: false, heard: null, timeMs: 0 }); };
  }, [store, run, documentId]);

  // The keys: anywhere in the window, in the text and in the code picker alike (none of them types F3/F4 or Ctrl+Space).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const toggle = event.key === 'F4' || (event.code === 'Space' && event.ctrlKey && !event.altKey && !event.shiftKey && !event.metaKey);
      if (toggle) { event.preventDefault(); store.controls.toggle(); } else if (event.key === 'F3') { event.preventDefault(); store.controls.back(); }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);

  const onTime = () => {
    const m = media.current;
    if (!m) return;
    const ms = Math.round(m.currentTime * 1000);
    setTime(m.currentTime);
    const heard = turnAt(turnsRef.current, ms);
    const previous = store.get().heard;
    store.set({ timeMs: ms, heard: heard && previous && heard.turnId === previous.turnId ? previous : heard });
  };
  const video = isVideo(status.mediaType);
  const Media = video ? 'video' : 'audio';
  const where = status.status === 'moved' ? t('moved', { path: status.path ?? '' }) : status.status === 'embedded' ? t('embedded') : status.path ?? '';
  return (
    <>
      <div className="pl-row">
        <Media
          ref={media}
          className={video ? 'pl-video' : 'pl-audio'}
          src={mediaUrl(status.id)}
          preload="metadata"
          data-testid="player-media"
          onPlay={() => { setPlaying(true); store.set({ playing: true }); }}
          onPause={() => { setPlaying(false); store.set({ playing: false }); }}
          onTimeUpdate={onTime}
          onSeeked={onTime}
          onLoadedMetadata={() => {
            const m = media.current;
            if (!m) return;
            if (Number.isFinite(m.duration)) setDuration(m.duration);
            m.playbackRate = speed;
          }}
          onError={() => setFailed(true)}
        />
        <button type="button" className="pl-toggle" onClick={() => store.controls.toggle()} title={t('playTitle')} data-testid="player-toggle" aria-pressed={playing}>
          {playing ? `❚❚ ${t('pause')}` : `▶ ${t('play')}`}
        </button>
        <button type="button" onClick={() => store.controls.back()} title={t('backTitle')} data-testid="player-back">↺ {t('back')}</button>
        <input type="range" className="pl-seek" min={0} max={Math.max(duration, 0.1)} step={0.1} value={Math.min(time, duration || time)} aria-label={t('seek')}
          aria-valuetext={formatTimestamp(time * 1000)}
          onChange={(e) => { const m = media.current; if (m) m.currentTime = Number(e.target.value); }} />
        <span className="pl-clock" data-testid="player-time">{formatTimestamp(time * 1000)} / {formatTimestamp(duration * 1000)}</span>
        <label className="pl-speed">{t('speed')}{' '}
          <select value={speed} data-testid="player-speed" onChange={(e) => { const v = Number(e.target.value); setSpeed(v); if (media.current) media.current.playbackRate = v; }}>
            {SPEEDS.map((s) => <option key={s} value={s}>{s}×</option>)}
          </select>
        </label>
      </div>
      <div className="pl-row pl-about">
        <span className="pl-file" title={status.path ?? status.fileName}><strong>{status.fileName}</strong> <span className="muted">{where}</span></span>
        <span className="pl-keys muted" title={t('keys')}>{t('keys')}</span>
        {onRelink && <button type="button" className="pl-quiet" onClick={onRelink}>{t('relink')}</button>}
        {onRelink && <UnlinkButton documentId={documentId} />}
      </div>
      {failed && <p className="pl-problem" role="alert">{t('cannotPlay', { file: status.fileName, type: status.mediaType })}</p>}
    </>
  );
}

function Missing({ status, documentId, onRelink }: { status: RecordingStatus; documentId: DocumentId; onRelink: (() => void) | undefined }) {
  const t = useStrings(playerStrings);
  return (
    <div className="pl-row pl-missing" role="status" data-testid="player-missing">
      <p className="pl-problem">
        {status.differs !== null
          ? t('differs', { file: status.fileName, place: status.differs })
          : t('missing', { file: status.fileName, places: status.lookedAt.join('; ') })}
      </p>
      {onRelink && <button type="button" className="pl-link" onClick={onRelink}>{t('relink')}</button>}
      {onRelink && <UnlinkButton documentId={documentId} />}
    </div>
  );
}

function UnlinkButton({ documentId }: { documentId: DocumentId }) {
  const t = useStrings(playerStrings);
  const { run } = useProject();
  return (
    <button type="button" className="pl-quiet" title={t('unlinkTitle')} data-testid="player-unlink"
      onClick={() => { void run('recordings.unlink', { documentId }).catch(() => undefined); }}>
      {t('unlink')}
    </button>
  );
}

/** "Link recording…": a typed path (browser mode) or the native file dialog (desktop), and whether to embed it. */
function LinkForm({ documentId, onDone }: { documentId: DocumentId; onDone: () => void }) {
  const t = useStrings(playerStrings);
  const { app, run } = useProject();
  const [path, setPath] = useState('');
  const [embed, setEmbed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!path.trim()) return;
    setBusy(true);
    setError(null);
    try {
      await run('recordings.link', { documentId, path: path.trim(), embed }, { quiet: true });
      onDone();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const browse = async () => {
    const chosen = await run('app.choosePaths', { kind: 'recording' }).catch(() => null);
    if (chosen?.[0]) setPath(chosen[0]);
  };
  return (
    <form className="pl-form" onSubmit={(e) => { void submit(e); }} data-testid="player-link-form">
      <label className="pl-path">{t('pathLabel')}
        <span className="pl-path-row">
          <input type="text" value={path} onChange={(e) => setPath(e.target.value)} placeholder={t('pathPlaceholder')} autoFocus data-testid="player-path" />
          {app?.dialogs === true && <button type="button" onClick={() => { void browse(); }}>{t('browse')}</button>}
        </span>
      </label>
      <label className="pl-embed"><input type="checkbox" checked={embed} onChange={(e) => setEmbed(e.target.checked)} data-testid="player-embed" /> {t('embed')}</label>
      <p className="pl-hint muted">{t('embedHint')}</p>
      {error && <p className="pl-problem" role="alert">{error}</p>}
      <div className="pl-actions">
        <button type="submit" className="primary" disabled={busy || !path.trim()} data-testid="player-link-submit">{t('linkButton')}</button>
        <button type="button" onClick={onDone}>{t('cancel')}</button>
      </div>
    </form>
  );
}
