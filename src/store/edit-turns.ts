import type Database from 'better-sqlite3';
import { TematikError } from '../domain/errors';
import type { DocumentId, TurnId, Utf16Offset } from '../domain/ids';
import { isGraphemeBoundary, type TextEditResult } from '../domain/text-edits';
import { defineMessages } from '../domain/text';
import type { SpeakerRole } from '../domain/types';
import { guessLanguage, roleAssigner } from '../import/speakers';
import { editText, renumberTurns, storedDocument, assertCurrent } from './edit-text';
import { autoMapSpeakers } from './speakers';

const say = defineMessages({
  en: {
    turnNotFound: 'Speaker turn {turn} is not in "{title}" (it may have been joined or removed). Reload the transcript and try again.',
    splitOutside: 'A turn is split at a place inside its text, not at its very start or end, nor inside a character. Put the caret between two words of the turn and split again.',
    noNextTurn: 'The last turn of "{title}" has no next turn to join with.',
    badLabel: 'A speaker label is one line without ":" (for example "Bu Rina" or "Pewawancara"), at most 100 characters. Type the label again.',
  },
  id: {
    turnNotFound: 'Giliran bicara {turn} tidak ada di "{title}" (mungkin sudah digabung atau dihapus). Muat ulang transkrip lalu coba lagi.',
    splitOutside: 'Giliran bicara dipecah di dalam teksnya, bukan di awal atau akhirnya, dan tidak di tengah satu karakter. Letakkan kursor di antara dua kata giliran itu lalu pecah lagi.',
    noNextTurn: 'Giliran terakhir di "{title}" tidak punya giliran berikutnya untuk digabung.',
    badLabel: 'Label pembicara adalah satu baris tanpa ":" (misalnya "Bu Rina" atau "Pewawancara"), paling banyak 100 karakter. Ketik ulang labelnya.',
  },
});

type Db = Database.Database;

interface TurnRow {
  readonly id: TurnId;
  readonly seq: number;
  readonly speaker: string;
  readonly role: SpeakerRole;
  readonly informantId: number | null;
  readonly startMs: number | null;
  readonly start: number;
  readonly end: number;
}

const turnColumns = 'id, seq, speaker, role, informant_id AS informantId, start_ms AS startMs, start_offset AS start, end_offset AS end';

function turnOf(db: Db, documentId: DocumentId, turnId: TurnId, title: string): TurnRow {
  const turn = db.prepare(`SELECT ${turnColumns} FROM turns WHERE id = ? AND document_id = ?`).get(turnId, documentId) as TurnRow | undefined;
  if (!turn) throw new TematikError('not_found', say('turnNotFound', { turn: String(turnId), title }));
  return turn;
}

const at = (n: number) => n as Utf16Offset;

/**
 * Splits a turn in two at `offset` (inside its text): the text gets a line break and the
 * speaker's label again, the first part keeps the turn (its timestamps as they are), the second
 * is a new turn of the same speaker with no timestamp (the recording's times are set apart, issue 16).
 * Whitespace at the split is dropped. Codings across the split point keep their words.
 */
export function splitTurn(db: Db, documentId: DocumentId, turnId: TurnId, offset: number, expectedHash: string): TextEditResult {
  const document = storedDocument(db, documentId);
  assertCurrent(document, expectedHash);
  const turn = turnOf(db, documentId, turnId, document.title);
  let from = offset;
  let to = offset;
  while (from > turn.start && /\s/.test(document.text[from - 1]!)) from--;
  while (to < turn.end && /\s/.test(document.text[to]!)) to++;
  if (from <= turn.start || to >= turn.end || !isGraphemeBoundary(document.text, offset)) throw new TematikError('invalid_args', say('splitOutside'));
  const label = turn.speaker ? `${turn.speaker}: ` : '';
  const result = editText(db, documentId, [{ start: at(from), end: at(to), text: `\n${label}` }], expectedHash);
  // editText kept the turn whole around the new line; it ends where the break begins now.
  const end = db.prepare('SELECT end_offset FROM turns WHERE id = ?').pluck().get(turnId) as number;
  const later = db.prepare('SELECT id, seq FROM turns WHERE document_id = ? AND seq > ? ORDER BY seq DESC').all(documentId, turn.seq) as { id: number; seq: number }[];
  const setSeq = db.prepare('UPDATE turns SET seq = ? WHERE id = ?');
  for (const next of later) setSeq.run(next.seq + 1, next.id);
  db.prepare('UPDATE turns SET end_offset = ? WHERE id = ?').run(from, turnId);
  db.prepare(`INSERT INTO turns (document_id, seq, speaker, role, informant_id, start_ms, end_ms, start_offset, end_offset) VALUES (?, ?, ?, ?, ?, NULL, NULL, ?, ?)`)
    .run(documentId, turn.seq + 1, turn.speaker, turn.role, turn.informantId, from + 1 + label.length, end);
  return { ...result, turnsChanged: result.turnsChanged + 1 };
}

/**
 * Joins a turn with the next one: the line break and label between them become one space, the
 * joined turn keeps the first turn's speaker and timestamps.
 */
export function joinTurns(db: Db, documentId: DocumentId, turnId: TurnId, expectedHash: string): TextEditResult {
  const document = storedDocument(db, documentId);
  assertCurrent(document, expectedHash);
  const turn = turnOf(db, documentId, turnId, document.title);
  const next = db.prepare(`SELECT ${turnColumns} FROM turns WHERE document_id = ? AND seq > ? ORDER BY seq LIMIT 1`).get(documentId, turn.seq) as TurnRow | undefined;
  if (!next) throw new TematikError('invalid_args', say('noNextTurn', { title: document.title }));
  const result = editText(db, documentId, [{ start: at(turn.end), end: at(next.start), text: ' ' }], expectedHash);
  const nextEnd = db.prepare('SELECT end_offset FROM turns WHERE id = ?').pluck().get(next.id) as number;
  db.prepare('DELETE FROM turns WHERE id = ?').run(next.id);
  db.prepare('UPDATE turns SET end_offset = ? WHERE id = ?').run(nextEnd, turnId);
  renumberTurns(db, db.prepare('SELECT id, seq FROM turns WHERE document_id = ? ORDER BY seq').all(documentId) as { id: number; seq: number }[]);
  return { ...result, turnsRemoved: result.turnsRemoved + 1 };
}

/**
 * Changes a turn's speaker label, in the text ("Bu Rina:" → "Bu Rini:") and on the turn. The turn
 * then speaks as other turns of that label in the document do; a label new to the document gets
 * its role as at import (a role label such as "Pewawancara" is the interviewer) and is mapped to
 * an informant of the document by name (src/store/speakers.ts), as an import would.
 */
export function setTurnSpeaker(db: Db, documentId: DocumentId, turnId: TurnId, speaker: string, expectedHash: string): TextEditResult {
  const label = speaker.trim();
  if (label === '' || label.length > 100 || /[:\n\r]/.test(label)) throw new TematikError('invalid_args', say('badLabel'));
  const document = storedDocument(db, documentId);
  assertCurrent(document, expectedHash);
  const turn = turnOf(db, documentId, turnId, document.title);
  const lineStart = document.text.lastIndexOf('\n', turn.start - 1) + 1;
  const written = turn.speaker ? document.text.lastIndexOf(turn.speaker, turn.start - 1) : -1;
  const labelled = written >= lineStart;
  const result = labelled
    ? editText(db, documentId, [{ start: at(written), end: at(written + turn.speaker.length), text: label }], expectedHash)
    : editText(db, documentId, [{ start: at(turn.start), end: at(turn.start), text: `${label}: ` }], expectedHash);
  // A label written before the speech is not the speech: the turn starts after it.
  if (!labelled) db.prepare('UPDATE turns SET start_offset = start_offset + ? WHERE id = ?').run(label.length + 2, turnId);
  const same = db.prepare(`SELECT role, informant_id AS informantId, count(*) AS n FROM turns WHERE document_id = ? AND speaker = ? AND id <> ?
    GROUP BY role, informant_id ORDER BY n DESC LIMIT 1`).get(documentId, label, turnId) as { role: SpeakerRole; informantId: number | null } | undefined;
  const text = db.prepare('SELECT text FROM documents WHERE id = ?').pluck().get(documentId) as string;
  const role = same?.role ?? roleAssigner([label, ...speakerLabels(db, documentId)], () => guessLanguage(text))(label);
  db.prepare('UPDATE turns SET speaker = ?, role = ?, informant_id = ? WHERE id = ?').run(label, role, same?.informantId ?? null, turnId);
  if (!same) autoMapSpeakers(db, documentId);
  return { ...result, turnsChanged: Math.max(result.turnsChanged, 1) };
}

function speakerLabels(db: Db, documentId: DocumentId): string[] {
  return db.prepare(`SELECT DISTINCT speaker FROM turns WHERE document_id = ? AND speaker <> ''`).pluck().all(documentId) as string[];
}
