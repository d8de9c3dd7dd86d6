import fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import type Database from 'better-sqlite3';
import type { DocumentId, Utf16Offset } from '../domain/ids';
import { codePointIndex } from '../domain/offsets';
import { EMBED_LIMIT_BYTES, isVideo, mediaExtension } from '../domain/recordings';
import { recordingStatus } from '../media/status';
import { embeddedBytes, listRecordings } from '../store/recordings';
import type { GuidKind } from './guid';
import type { XmlWriter } from './xml';

/** A recording's bytes for the package's `sources/` folder. */
export interface MediaEntry {
  readonly entry: string;
  readonly bytes: Uint8Array;
}

/**
 * The recordings as the standard's media sources: an `AudioSource` or `VideoSource` per linked
 * recording, holding a `Transcript` (the same text file as the transcript's `TextSource`) with a
 * `SyncPoint` at the start of every timed turn (its time in milliseconds, its position in code
 * points), which is how NVivo, MAXQDA and ATLAS.ti tie a transcript to its media. The codings stay
 * on the `TextSource`: a `TranscriptSelection` can only run from sync point to sync point, so
 * coding the transcript there would lose every coding's exact words. The file goes into the
 * package (`internal://`) when Tematik has its bytes (embedded, or found where it was linked) and
 * it is within the embedding limit; otherwise the element names its absolute path as a file URL.
 */
export function writeMediaSources(
  w: XmlWriter, db: Database.Database, g: (kind: GuidKind, id: number, part?: string) => string,
  texts: ReadonlyMap<number, string>, dateTime: (value: string) => string | undefined,
): MediaEntry[] {
  const entries: MediaEntry[] = [];
  const turns = db.prepare('SELECT id, start_offset AS start, start_ms AS startMs FROM turns WHERE document_id = ? AND start_ms IS NOT NULL ORDER BY start_offset');
  for (const recording of listRecordings(db)) {
    const text = texts.get(recording.documentId);
    if (text === undefined) continue;
    const status = recordingStatus(recording, db.name);
    const ext = mediaExtension(recording.fileName) ?? 'bin';
    const entry = `sources/${recording.guid}.${ext}`;
    let bytes: Uint8Array | null = null;
    if (recording.size <= EMBED_LIMIT_BYTES) {
      if (status.status === 'embedded') bytes = embeddedBytes(db, recording.id, 0, recording.size);
      else if (status.path !== null) bytes = fs.readFileSync(status.path);
    }
    if (bytes) entries.push({ entry, bytes });
    const where = bytes ? `internal://${recording.guid}.${ext}` : status.absolutePath ? pathToFileURL(status.path ?? status.absolutePath).href : undefined;
    const element = isVideo(recording.mediaType) ? 'VideoSource' : 'AudioSource';
    const sourceGuid = g('source', recording.documentId);
    w.open(element, { guid: recording.guid, name: recording.fileName, path: where, creationDateTime: dateTime(recording.linkedAt) });
    w.leaf('Description', {}, `Recording of "${recording.documentTitle}"; its codings are on the text source of that name.`);
    w.open('Transcript', { guid: g('source', recording.documentId, 'transcript'), name: recording.documentTitle, plainTextPath: `internal://${sourceGuid}.txt` });
    const points = codePointIndex(text);
    for (const turn of turns.all(recording.documentId as DocumentId) as { id: number; start: number; startMs: number }[]) {
      w.leaf('SyncPoint', { guid: g('source', recording.documentId, `sync-${turn.id}`), timeStamp: turn.startMs, position: points.toCodePoint(turn.start as Utf16Offset) });
    }
    w.close('Transcript');
    w.close(element);
  }
  return entries;
}
