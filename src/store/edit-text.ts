import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { TematikError } from '../domain/errors';
import type { CodeId, CodingId, DocumentId, Utf16Offset } from '../domain/ids';
import { applyEdits, carriedCoding, normaliseEdits, offsetMapper, type RemovedCoding, type TextEdit, type TextEditResult } from '../domain/text-edits';
import { defineMessages } from '../domain/text';
import { countWords } from '../import/words';

const say = defineMessages({
  en: {
    documentNotFound: 'Document {id} does not exist. Refresh the document list and try again.',
    stale: '"{title}" was changed since you opened it (by another edit, an undo or another window), so your edit was not saved. Reload the transcript, then make the edit again.',
  },
  id: {
    documentNotFound: 'Transkrip {id} tidak ada. Muat ulang daftar transkrip lalu coba lagi.',
    stale: '"{title}" sudah berubah sejak Anda membukanya (oleh suntingan lain, urungkan, atau jendela lain), jadi suntingan Anda tidak disimpan. Muat ulang transkrip lalu sunting lagi.',
  },
});

type Db = Database.Database;

/** SHA-256 (hex) of the text as UTF-8: what imports store as `content_hash`, and what an edit is made against. */
export function textHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

interface StoredDocument {
  readonly text: string;
  readonly title: string;
  readonly hash: string;
}

/** The document's text, title and hash; refuses an unknown id. */
export function storedDocument(db: Db, id: DocumentId): StoredDocument {
  const row = db.prepare('SELECT text, title, content_hash AS hash FROM documents WHERE id = ?').get(id) as StoredDocument | undefined;
  if (!row) throw new TematikError('not_found', say('documentNotFound', { id: String(id) }));
  return row;
}

/** Refuses an edit made against another version of the text than the stored one. */
export function assertCurrent(document: StoredDocument, expectedHash: string): void {
  if (document.hash !== expectedHash) throw new TematikError('conflict', say('stale', { title: document.title }));
}

interface StoredCoding {
  readonly id: CodingId;
  readonly codeId: CodeId;
  readonly coderId: number;
  readonly start: number;
  readonly end: number;
  readonly quote: string;
  readonly codeName: string;
  readonly coderName: string;
}

interface StoredTurn {
  readonly id: number;
  readonly seq: number;
  readonly start: number;
  readonly end: number;
}

/**
 * Applies `edits` (offsets into the stored text, see TextEdit) to one document inside the caller's
 * transaction, and moves every anchor into its text with it: codings (range and quote), speaker
 * turns (range; a turn left empty is removed and the others renumbered), the hash and word count.
 * Memos, theme exemplars and comments point at codings by id and so follow them; a coding whose
 * text was wholly deleted is removed, and with it its memos (undo brings both back). The search
 * index is refreshed at the end of the change (the text's trigger marks the document). Refuses
 * an edit made against another version of the text (`expectedHash`), changing nothing.
 */
export function editText(db: Db, documentId: DocumentId, edits: readonly TextEdit[], expectedHash: string): TextEditResult {
  const document = storedDocument(db, documentId);
  assertCurrent(document, expectedHash);
  const normalised = normaliseEdits(document.text, document.title, edits);
  if (normalised.length === 0) {
    return { documentId, contentHash: document.hash, changed: false, codingsMoved: 0, codingsShrunk: 0, codingsRemoved: [], turnsChanged: 0, turnsRemoved: 0 };
  }
  const text = applyEdits(document.text, normalised);
  const mapper = offsetMapper(normalised);
  const codings = moveCodings(db, documentId, text, mapper);
  const turns = moveTurns(db, documentId, mapper);
  const contentHash = textHash(text);
  db.prepare('UPDATE documents SET text = ?, content_hash = ?, word_count = ? WHERE id = ?').run(text, contentHash, countWords(text), documentId);
  return { documentId, contentHash, changed: true, ...codings, ...turns };
}

type Mapper = ReturnType<typeof offsetMapper>;

function moveCodings(db: Db, documentId: DocumentId, text: string, mapper: Mapper): Pick<TextEditResult, 'codingsMoved' | 'codingsShrunk' | 'codingsRemoved'> {
  const codings = db.prepare(`SELECT c.id, c.code_id AS codeId, c.coder_id AS coderId, c.start_offset AS start, c.end_offset AS end, c.quote,
      k.name AS codeName, (SELECT name FROM coders WHERE id = c.coder_id) AS coderName
    FROM codings c JOIN codes k ON k.id = c.code_id WHERE c.document_id = ? ORDER BY c.id`).all(documentId) as StoredCoding[];
  const removed: RemovedCoding[] = [];
  const moves: { coding: StoredCoding; start: number; end: number; quote: string }[] = [];
  // A coder's codings of one code are unique by range: two that end up on the same words become one (the older stays).
  const landed = new Set<string>();
  let shrunk = 0;
  for (const coding of codings) {
    const range = carriedCoding(mapper, text, coding.start, coding.end, coding.quote);
    if (!range) {
      removed.push(removal(coding, 'deleted'));
      continue;
    }
    const key = `${coding.codeId}:${coding.coderId}:${range.start}:${range.end}`;
    if (landed.has(key)) {
      removed.push(removal(coding, 'duplicate'));
      continue;
    }
    landed.add(key);
    const quote = text.slice(range.start, range.end);
    if (range.end - range.start < coding.end - coding.start) shrunk++;
    if (range.start !== coding.start || range.end !== coding.end || quote !== coding.quote) moves.push({ coding, start: range.start, end: range.end, quote });
  }
  const remove = db.prepare('DELETE FROM codings WHERE id = ?');
  for (const coding of removed) remove.run(coding.id);
  // Moved one by one, a coding may land on the range another of the same code and coder still holds until it moves
  // too (UNIQUE): each round moves those whose new range is free. Ranges move in order, so a chain always ends.
  const held = new Map<string, CodingId>();
  const gone = new Set(removed.map((c) => c.id));
  for (const coding of codings) if (!gone.has(coding.id)) held.set(`${coding.codeId}:${coding.coderId}:${coding.start}:${coding.end}`, coding.id);
  const update = db.prepare('UPDATE codings SET start_offset = ?, end_offset = ?, quote = ? WHERE id = ?');
  let pending = moves;
  while (pending.length > 0) {
    const waiting: typeof moves = [];
    for (const move of pending) {
      const { coding } = move;
      const to = `${coding.codeId}:${coding.coderId}:${move.start}:${move.end}`;
      const holder = held.get(to);
      if (holder !== undefined && holder !== coding.id) {
        waiting.push(move);
        continue;
      }
      update.run(move.start, move.end, move.quote, coding.id);
      held.delete(`${coding.codeId}:${coding.coderId}:${coding.start}:${coding.end}`);
      held.set(to, coding.id);
    }
    if (waiting.length === pending.length) throw new Error(`editText: codings of document ${documentId} wait on each other`);
    pending = waiting;
  }
  return { codingsMoved: moves.length, codingsShrunk: shrunk, codingsRemoved: removed };
}

function removal(coding: StoredCoding, reason: RemovedCoding['reason']): RemovedCoding {
  return { id: coding.id, codeId: coding.codeId, codeName: coding.codeName, coderName: coding.coderName, quote: coding.quote, start: coding.start as Utf16Offset, end: coding.end as Utf16Offset, reason };
}

function moveTurns(db: Db, documentId: DocumentId, mapper: Mapper): Pick<TextEditResult, 'turnsChanged' | 'turnsRemoved'> {
  const turns = db.prepare('SELECT id, seq, start_offset AS start, end_offset AS end FROM turns WHERE document_id = ? ORDER BY seq').all(documentId) as StoredTurn[];
  const update = db.prepare('UPDATE turns SET start_offset = ?, end_offset = ? WHERE id = ?');
  const remove = db.prepare('DELETE FROM turns WHERE id = ?');
  const kept: StoredTurn[] = [];
  let changed = 0;
  for (const turn of turns) {
    const range = mapper.range(turn.start, turn.end, 'inclusive');
    if (!range) {
      remove.run(turn.id);
      continue;
    }
    kept.push(turn);
    if (range.start !== turn.start || range.end !== turn.end) {
      update.run(range.start, range.end, turn.id);
      changed++;
    }
  }
  renumberTurns(db, kept);
  return { turnsChanged: changed, turnsRemoved: turns.length - kept.length };
}

/** Gives `turns` (in order, some removed between them) the numbers 0, 1, 2…; moving down in order never meets a number still held. */
export function renumberTurns(db: Db, turns: readonly Pick<StoredTurn, 'id' | 'seq'>[]): void {
  const setSeq = db.prepare('UPDATE turns SET seq = ? WHERE id = ?');
  turns.forEach((turn, seq) => {
    if (turn.seq !== seq) setSeq.run(seq, turn.id);
  });
}
