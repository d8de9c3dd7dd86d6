import type Database from 'better-sqlite3';
import type { DocumentId } from '../domain/ids';
import { applyEdits, carriedCoding, normaliseEdits, offsetMapper, type ChangedCoding, type RemovedCoding, type ReplacePlan, type TextEditResult } from '../domain/text-edits';
import type { SpeakerRole } from '../domain/types';
import { alignEdits } from '../edit/align';
import type { ParsedDocument } from '../import/types';
import { assertCurrent, editText, storedDocument } from './edit-text';
import { autoMapSpeakers } from './speakers';

type Db = Database.Database;

interface PlannedCoding {
  readonly id: RemovedCoding['id'];
  readonly codeId: RemovedCoding['codeId'];
  readonly codeName: string;
  readonly coderName: string;
  readonly start: number;
  readonly end: number;
  readonly quote: string;
}

/**
 * What replacing the document's text with `parsed` (a corrected version read by the importers)
 * would do: the same alignment and mapping as `replaceText`, with nothing written.
 */
export function planReplacement(db: Db, documentId: DocumentId, parsed: ParsedDocument): ReplacePlan {
  const document = storedDocument(db, documentId);
  const edits = normaliseEdits(document.text, document.title, alignEdits(document.text, parsed.text, { file: parsed.sourceName, title: document.title }));
  const after = applyEdits(document.text, edits);
  const mapper = offsetMapper(edits);
  const codings = db.prepare(`SELECT c.id, c.code_id AS codeId, k.name AS codeName, (SELECT name FROM coders WHERE id = c.coder_id) AS coderName,
      c.start_offset AS start, c.end_offset AS end, c.quote
    FROM codings c JOIN codes k ON k.id = c.code_id WHERE c.document_id = ? ORDER BY c.start_offset, c.id`).all(documentId) as PlannedCoding[];
  const changed: ChangedCoding[] = [];
  const unplaced: RemovedCoding[] = [];
  for (const coding of codings) {
    const range = carriedCoding(mapper, after, coding.start, coding.end, coding.quote);
    if (!range) {
      unplaced.push({ ...coding, start: coding.start as RemovedCoding['start'], end: coding.end as RemovedCoding['end'], reason: 'deleted' });
      continue;
    }
    const quote = after.slice(range.start, range.end);
    if (quote !== coding.quote) changed.push({ id: coding.id, codeName: coding.codeName, coderName: coding.coderName, before: coding.quote, after: quote });
  }
  const turnsBefore = db.prepare('SELECT count(*) FROM turns WHERE document_id = ?').pluck().get(documentId) as number;
  return {
    documentId, title: document.title, sourceName: parsed.sourceName, expectedHash: document.hash, unchanged: edits.length === 0, edits: edits.length,
    codingsKept: codings.length - unplaced.length, codingsChanged: changed, codingsUnplaced: unplaced, turnsBefore, turnsAfter: parsed.turns.length,
  };
}

/**
 * Replaces the document's text with a corrected version of it (issue 15): the two texts are
 * aligned (src/edit/align.ts) and the differences applied as edits through the edit core, so
 * every coding is carried over and those whose text is gone are listed, never dropped unsaid.
 * The turns are then those of the corrected file; a label the transcript had keeps the role and
 * informant it was given, a new one is mapped as an import maps it. The file's name and format
 * become the document's source. Inside the caller's change: one undo step.
 */
export function replaceText(db: Db, documentId: DocumentId, parsed: ParsedDocument, expectedHash: string): TextEditResult {
  const document = storedDocument(db, documentId);
  assertCurrent(document, expectedHash);
  const edits = alignEdits(document.text, parsed.text, { file: parsed.sourceName, title: document.title });
  const unchanged = { documentId, contentHash: document.hash, changed: false, codingsMoved: 0, codingsShrunk: 0, codingsRemoved: [], turnsChanged: 0, turnsRemoved: 0 };
  if (edits.length === 0 && sameTurns(db, documentId, parsed)) return unchanged;
  const result = edits.length > 0 ? editText(db, documentId, edits, expectedHash) : unchanged;
  // The alignment's edits make exactly the corrected text, or the turns read from it would point elsewhere.
  if (result.changed && db.prepare('SELECT text FROM documents WHERE id = ?').pluck().get(documentId) !== parsed.text) {
    throw new Error(`replaceText: the aligned edits of document ${documentId} do not make the corrected text`);
  }
  const speakers = new Map((db.prepare(`SELECT speaker, role, informant_id AS informantId, count(*) AS n FROM turns WHERE document_id = ? AND speaker <> ''
    GROUP BY speaker, role, informant_id ORDER BY n ASC`).all(documentId) as { speaker: string; role: SpeakerRole; informantId: number | null }[])
    .map((row) => [row.speaker, row]));
  const turnsBefore = db.prepare('DELETE FROM turns WHERE document_id = ?').run(documentId).changes;
  const insert = db.prepare(`INSERT INTO turns (document_id, seq, speaker, role, informant_id, start_ms, end_ms, start_offset, end_offset) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  parsed.turns.forEach((turn, seq) => {
    const known = speakers.get(turn.speaker);
    insert.run(documentId, seq, turn.speaker, known?.role ?? turn.role, known?.informantId ?? null, turn.startMs, turn.endMs, turn.start, turn.end);
  });
  autoMapSpeakers(db, documentId);
  db.prepare('UPDATE documents SET source_name = ?, format = ?, encoding = ? WHERE id = ?').run(parsed.sourceName, parsed.format, parsed.encoding, documentId);
  return { ...result, changed: true, turnsChanged: parsed.turns.length, turnsRemoved: Math.max(0, turnsBefore - parsed.turns.length) };
}

/** The document's turns are those the corrected file has (same speakers, places and times). */
function sameTurns(db: Db, documentId: DocumentId, parsed: ParsedDocument): boolean {
  const turns = db.prepare('SELECT speaker, start_ms AS startMs, end_ms AS endMs, start_offset AS start, end_offset AS end FROM turns WHERE document_id = ? ORDER BY seq')
    .all(documentId) as { speaker: string; startMs: number | null; endMs: number | null; start: number; end: number }[];
  return turns.length === parsed.turns.length && turns.every((turn, i) => {
    const other = parsed.turns[i]!;
    return turn.speaker === other.speaker && turn.start === other.start && turn.end === other.end && turn.startMs === other.startMs && turn.endMs === other.endMs;
  });
}
