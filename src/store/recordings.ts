import type Database from 'better-sqlite3';
import { TematikError } from '../domain/errors';
import type { DocumentId, TurnId } from '../domain/ids';
import { formatClock, type Recording, type RecordingId, type RecordingInput } from '../domain/recordings';
import { defineMessages } from '../domain/text';
import { now } from './project-store';
import { newGuid } from './row-guid';

const say = defineMessages({
  en: {
    notFound: 'Recording {id} is not linked to any transcript (unlinked, or undone?). Refresh the transcript and try again.',
    noTurn: 'Turn {turn} is not part of transcript {document} (edited or deleted since?). Refresh the transcript and try again.',
    startAfterEnd: 'The turn would start at {start} and end at {end}: the end must come after the start. Set the start first, or give a later end.',
    pastEnd: 'The turn time {time} is past the end of the recording ({length}). Choose a time within the recording.',
  },
  id: {
    notFound: 'Rekaman {id} tidak tertaut ke transkrip mana pun (sudah dilepas, atau diurungkan?). Muat ulang transkripnya lalu coba lagi.',
    noTurn: 'Giliran {turn} bukan bagian dari transkrip {document} (sudah diubah atau dihapus?). Muat ulang transkripnya lalu coba lagi.',
    startAfterEnd: 'Giliran ini akan mulai pada {start} dan berakhir pada {end}: akhirnya harus sesudah awalnya. Tetapkan awalnya dulu, atau pilih akhir yang lebih lambat.',
    pastEnd: 'Waktu giliran {time} melewati akhir rekaman ({length}). Pilih waktu di dalam rekaman.',
  },
});

type Db = Database.Database;

/** Embedded recordings are stored in parts of this size (see migration 16). */
const BLOB_PART = 1024 * 1024;

const select = `SELECT r.id, r.document_id AS documentId, r.guid, r.file_name AS fileName, r.relative_path AS relativePath,
  r.absolute_path AS absolutePath, r.size, r.fingerprint, r.media_type AS mediaType, r.duration_ms AS durationMs,
  r.embedded_sha256 IS NOT NULL AS embedded, r.linked_at AS linkedAt, d.title AS documentTitle
  FROM recordings r JOIN documents d ON d.id = r.document_id`;

type Row = Omit<Recording, 'embedded'> & { embedded: number; documentTitle: string };
const fromRow = (row: Row): Recording & { documentTitle: string } => ({ ...row, embedded: row.embedded === 1 });

/** Every linked recording with its transcript's title, in transcript order. */
export function listRecordings(db: Db): (Recording & { documentTitle: string })[] {
  return (db.prepare(`${select} ORDER BY d.id`).all() as Row[]).map(fromRow);
}

export function recordingOfDocument(db: Db, documentId: DocumentId): (Recording & { documentTitle: string }) | null {
  const row = db.prepare(`${select} WHERE r.document_id = ?`).get(documentId) as Row | undefined;
  return row ? fromRow(row) : null;
}

export function getRecording(db: Db, id: RecordingId): Recording & { documentTitle: string } {
  const row = db.prepare(`${select} WHERE r.id = ?`).get(id) as Row | undefined;
  if (!row) throw new TematikError('not_found', say('notFound', { id: String(id) }));
  return fromRow(row);
}

/** Links a recording to a transcript, replacing the one it had. */
export function linkRecording(db: Db, documentId: DocumentId, input: RecordingInput): RecordingId {
  if (input.embedded && db.prepare('SELECT 1 FROM recording_blobs WHERE sha256 = ? LIMIT 1').get(input.embedded.sha256) === undefined) {
    const { sha256, bytes } = input.embedded;
    const insert = db.prepare('INSERT INTO recording_blobs (sha256, part, bytes) VALUES (?, ?, ?)');
    for (let part = 0; part * BLOB_PART < bytes.length; part++) insert.run(sha256, part, bytes.subarray(part * BLOB_PART, (part + 1) * BLOB_PART));
  }
  db.prepare('DELETE FROM recordings WHERE document_id = ?').run(documentId);
  const guidFree = input.guid !== undefined && db.prepare('SELECT 1 FROM recordings WHERE guid = ?').get(input.guid) === undefined;
  const id = Number(db.prepare(`INSERT INTO recordings (document_id, guid, file_name, relative_path, absolute_path, size, fingerprint, media_type,
    duration_ms, embedded_sha256, linked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
    documentId, guidFree ? input.guid : newGuid(), input.fileName, input.embedded ? null : input.relativePath, input.embedded ? null : input.absolutePath,
    input.size, input.fingerprint, input.mediaType, input.durationMs, input.embedded?.sha256 ?? null, now(),
  ).lastInsertRowid) as RecordingId;
  dropUnusedBlobs(db);
  return id;
}

/** Unlinks the transcript's recording; false when it had none. */
export function unlinkRecording(db: Db, documentId: DocumentId): boolean {
  const removed = db.prepare('DELETE FROM recordings WHERE document_id = ?').run(documentId).changes > 0;
  dropUnusedBlobs(db);
  return removed;
}

/**
 * Drops embedded bytes that no recording uses and no undo or redo step could bring back: the
 * history keeps recording rows (small), and a blob outlives them while a step still names it.
 */
function dropUnusedBlobs(db: Db): void {
  db.prepare(`DELETE FROM recording_blobs WHERE sha256 NOT IN (SELECT embedded_sha256 FROM recordings WHERE embedded_sha256 IS NOT NULL)
    AND sha256 NOT IN (SELECT json_extract(before, '$.embedded_sha256') FROM history_ops WHERE table_name = 'recordings' AND json_valid(before)
      UNION SELECT json_extract(after, '$.embedded_sha256') FROM history_ops WHERE table_name = 'recordings' AND json_valid(after))`).run();
}

/** Up to `length` bytes of an embedded recording from `start`, read from the parts that hold them. */
export function embeddedBytes(db: Db, id: RecordingId, start: number, length: number): Uint8Array {
  const sha256 = db.prepare('SELECT embedded_sha256 FROM recordings WHERE id = ? AND embedded_sha256 IS NOT NULL').pluck().get(id) as string | undefined;
  if (sha256 === undefined) throw new TematikError('not_found', say('notFound', { id: String(id) }));
  const first = Math.floor(start / BLOB_PART);
  const last = Math.floor((start + Math.max(length, 1) - 1) / BLOB_PART);
  const parts = db.prepare('SELECT bytes FROM recording_blobs WHERE sha256 = ? AND part BETWEEN ? AND ? ORDER BY part').pluck().all(sha256, first, last) as Uint8Array[];
  const joined = parts.length === 1 ? parts[0]! : Buffer.concat(parts);
  const from = start - first * BLOB_PART;
  return joined.subarray(from, from + length);
}

/**
 * Sets or clears a turn's start and end time, checked: the end after the start, neither past
 * the recording's end when its length is known. `endMs` undefined keeps the end the turn has
 * (dropped when the new start is not before it).
 */
export function setTurnTime(db: Db, documentId: DocumentId, turnId: TurnId, startMs: number | null, endMs: number | null | undefined): void {
  const turn = db.prepare('SELECT seq, start_ms AS startMs, end_ms AS endMs FROM turns WHERE id = ? AND document_id = ?').get(turnId, documentId) as
    { seq: number; startMs: number | null; endMs: number | null } | undefined;
  const title = (db.prepare('SELECT title FROM documents WHERE id = ?').pluck().get(documentId) as string | undefined) ?? String(documentId);
  if (!turn) throw new TematikError('not_found', say('noTurn', { turn: String(turnId), document: title }));
  let end = endMs === undefined ? turn.endMs : endMs;
  // A turn without a start has no end either; a kept end before the new start goes.
  if (startMs === null || (endMs === undefined && end !== null && end <= startMs)) end = null;
  if (startMs !== null && end !== null && end <= startMs) {
    throw new TematikError('invalid_args', say('startAfterEnd', { start: formatClock(startMs), end: formatClock(end) }));
  }
  const duration = db.prepare('SELECT duration_ms FROM recordings WHERE document_id = ?').pluck().get(documentId) as number | null | undefined;
  for (const time of [startMs, end]) {
    if (time !== null && duration !== null && duration !== undefined && time > duration) {
      throw new TematikError('invalid_args', say('pastEnd', { time: formatClock(time), length: formatClock(duration) }));
    }
  }
  db.prepare('UPDATE turns SET start_ms = ?, end_ms = ? WHERE id = ?').run(startMs, end, turnId);
}
