import { useStrings } from '../../i18n/i18n';
import { formatTimestamp } from '../../lib/time';
import { usePlayback, usePlaybackControls } from './playback';
import { playerStrings } from './strings';

/**
 * A turn's time in the transcript's gutter. With a playable recording the time is a button that
 * plays from there, and a turn without a time offers "Set time" from the playback position.
 * Without one, the time is plain text, as before recordings.
 */
export function TurnTime({ startMs, offset, isTurn }: { startMs: number | null; offset: number; isTurn: boolean }) {
  const t = useStrings(playerStrings);
  const ready = usePlayback((s) => s.ready);
  const controls = usePlaybackControls();
  // Only the untimed turns' buttons need the position, and only in their title: read when hovered, not on every tick.
  const now = usePlayback((s) => (ready && startMs === null ? Math.floor(s.timeMs / 1000) : 0));
  if (startMs !== null) {
    const time = formatTimestamp(startMs);
    if (!ready || !controls) return <span className="tv-time">{time}</span>;
    return (
      <button type="button" className="tv-time pl-time-button" data-testid="turn-time" title={t('timeTitle', { time })}
        // The text keeps the focus and its selection: a click here must not take them.
        onMouseDown={(e) => { e.preventDefault(); e.stopPropagation(); }}
        onClick={(e) => { e.stopPropagation(); controls.playFrom(startMs); }}>
        {time}
      </button>
    );
  }
  if (!ready || !controls || !isTurn) return null;
  return (
    <button type="button" className="pl-stamp" data-testid="turn-stamp" title={t('stampTitle', { time: formatTimestamp(now * 1000) })}
      onMouseDown={(e) => { e.preventDefault(); e.stopPropagation(); }}
      onClick={(e) => { e.stopPropagation(); controls.stamp(offset); }}>
      {t('stampLabel')}
    </button>
  );
}
