import type { DocumentId } from './ids';

/** Branded id of a linked recording (a row of `recordings`). */
export type RecordingId = number & { readonly __brand: 'RecordingId' };

/** The audio and video files a transcript can be linked to, by extension, with the type a browser is told. */
export const MEDIA_TYPES = {
  mp3: 'audio/mpeg', m4a: 'audio/mp4', wav: 'audio/wav', ogg: 'audio/ogg', mp4: 'video/mp4', webm: 'video/webm',
} as const;
export type MediaExtension = keyof typeof MEDIA_TYPES;
export const MEDIA_EXTENSIONS = Object.keys(MEDIA_TYPES) as readonly MediaExtension[];

/** The extension of a media file name ("wawancara.MP3" → "mp3"), or null when it is not one Tematik plays. */
export function mediaExtension(fileName: string): MediaExtension | null {
  const ext = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase();
  return ext !== undefined && Object.hasOwn(MEDIA_TYPES, ext) ? ext as MediaExtension : null;
}

/** Whether a media type is shown as a (small) video rather than an audio bar. */
export const isVideo = (mediaType: string): boolean => mediaType.startsWith('video/');

/**
 * Largest recording stored inside a project. An embedded recording makes the project file that
 * much larger, and every backup and every coder's copy with it; beyond this a reference is the only sane choice.
 */
export const EMBED_LIMIT_BYTES = 500 * 1024 * 1024;

/**
 * Where a linked recording is now: at the path it was linked from (`found`), somewhere else
 * that holds the same file (`moved`: beside the project or at its path relative to the project
 * after the folder moved), inside the project (`embedded`), or nowhere (`missing`).
 */
export const RECORDING_STATUSES = ['found', 'moved', 'embedded', 'missing'] as const;
export type RecordingStatusKind = (typeof RECORDING_STATUSES)[number];

export interface Recording {
  readonly id: RecordingId;
  readonly documentId: DocumentId;
  readonly guid: string;
  /** The file's own name, as linked ("P-01_fashion.wav"). */
  readonly fileName: string;
  /** Relative to the project file's folder when it was linked (null when on another drive or embedded). */
  readonly relativePath: string | null;
  /** Where it was when linked (null for an embedded recording). */
  readonly absolutePath: string | null;
  readonly size: number;
  /** Hex SHA-256 of the size and the first and last 64 KiB: recognises the file after a move without reading all of it. */
  readonly fingerprint: string;
  readonly mediaType: string;
  /** Length in milliseconds when it could be read from the file (WAV), else null. */
  readonly durationMs: number | null;
  readonly embedded: boolean;
  readonly linkedAt: string;
}

/** What linking stores: the file as read at the moment of linking (src/media/link-file.ts). */
export interface RecordingInput extends Pick<Recording, 'fileName' | 'relativePath' | 'absolutePath' | 'size' | 'fingerprint' | 'mediaType' | 'durationMs'> {
  /** The file's bytes and their SHA-256, when the user asked to embed it. */
  readonly embedded: { readonly sha256: string; readonly bytes: Uint8Array } | null;
  /** The GUID the recording had elsewhere (a REFI-QDA import), kept when valid. */
  readonly guid?: string;
}

/** A recording with where it is now. */
export interface RecordingStatus extends Recording {
  readonly documentTitle: string;
  readonly status: RecordingStatusKind;
  /** Where the file is now (found or moved), else null. */
  readonly path: string | null;
  /** The places looked at, in order, for a missing recording's message. */
  readonly lookedAt: readonly string[];
  /** A place that holds a file of that name whose content differs (replaced or re-encoded), if any. */
  readonly differs: string | null;
}

/** What serves a recording's bytes: a file checked against its fingerprint, or the copy inside the project. */
export type RecordingSource =
  | { readonly kind: 'file'; readonly path: string; readonly size: number; readonly fingerprint: string; readonly mediaType: string }
  | { readonly kind: 'embedded'; readonly size: number; readonly mediaType: string };

/** "12:04" or "1:02:09" for a time in milliseconds (minutes and seconds; hours only when needed). */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${two(m)}:${two(s)}`;
}

/**
 * A time the user typed, in milliseconds: "12:04", "1:02:09", "95" (seconds), with an optional
 * fraction ("12:04.5"); minutes and seconds above 59 are refused except in the first field.
 * Empty text is null (no time); anything else unreadable is undefined.
 */
export function parseClock(text: string): number | null | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const match = /^(?:(?:(\d+):)?(\d+):)?(\d+)(?:[.,](\d{1,3}))?$/.exec(trimmed);
  if (!match) return undefined;
  const [, h, m, s, fraction] = match;
  const fields = [h, m, s].filter((f): f is string => f !== undefined).map(Number);
  // Only the leading field may run over 59 ("95" seconds, "75:00" minutes).
  if (fields.slice(1).some((f) => f > 59)) return undefined;
  const seconds = fields.reduce((total, f) => total * 60 + f, 0);
  return seconds * 1000 + (fraction ? Math.round(Number(`0.${fraction}`) * 1000) : 0);
}

/** "[12:04–12:31]", "[12:04]" when there is no end, "" when there is no start. */
export function formatTimeRange(startMs: number | null, endMs: number | null): string {
  if (startMs === null) return '';
  return endMs !== null && endMs > startMs ? `[${formatClock(startMs)}–${formatClock(endMs)}]` : `[${formatClock(startMs)}]`;
}
