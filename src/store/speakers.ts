import type Database from 'better-sqlite3';
import { TematikError } from '../domain/errors';
import { defineMessages } from '../domain/text';
import type { DocumentId, InformantId } from '../domain/ids';
import type { DocumentSpeaker, SpeakerRole } from '../domain/types';
import { speakerProfiles } from '../import/roles';
import { labelKey } from '../import/speakers';

const say = defineMessages({
  en: {
    noSuchSpeaker: 'Document {id} has no speaker "{speaker}". Refresh the transcript and pick a speaker from its header.',
    onlyInformantSpeaker: 'Only an informant speaker can be mapped to an informant; "{speaker}" was set to {role}. Set the role to informant, or leave the informant empty.',
    informantNotInDocument: 'Informant {id} is not an informant of this document. Add the informant to the document first (Project → documents), then map the speaker.',
    role_interviewer: 'interviewer',
    role_informant: 'informant',
    role_unknown: 'unknown',
  },
  id: {
    noSuchSpeaker: 'Transkrip {id} tidak punya pembicara "{speaker}". Muat ulang transkripnya lalu pilih pembicara dari kepalanya.',
    onlyInformantSpeaker: 'Hanya pembicara berperan informan yang bisa dipetakan ke informan; peran "{speaker}" diatur sebagai {role}. Atur perannya menjadi informan, atau kosongkan informannya.',
    informantNotInDocument: 'Informan {id} bukan informan transkrip ini. Tambahkan informan itu ke transkrip lebih dulu (Proyek → transkrip), lalu petakan pembicaranya.',
    role_interviewer: 'pewawancara',
    role_informant: 'informan',
    role_unknown: 'belum diatur',
  },
});

type Db = Database.Database;

/**
 * Who spoke: every speaker turn names the informant it is evidence of (`turns.informant_id`).
 * A speaker label is mapped once per document; all its turns follow. The interviewer's
 * turns and the header before the first turn belong to no informant.
 *
 * Automatic mapping, used at import, after migrating and whenever a document's informants
 * change (it never overrides a mapping the researcher made, only fills the gaps):
 * 1. a mapping given in the informant sheet (`speaker` column),
 * 2. the label is the informant's label ("KP-02:"),
 * 3. the label, without honorifics ("Mbak Ayu"), is the informant's full name or a part of
 *    it that fits no other informant of the document ("Ayu" → "Ayu Larasati"),
 * 4. in a one-informant document, every informant turn is that informant's.
 */

/** Honorifics and kinship terms in front of names in Indonesian (and English) transcripts. */
const HONORIFICS: ReadonlySet<string> = new Set([
  'mas', 'mbak', 'mba', 'pak', 'bu', 'ibu', 'bapak', 'bang', 'abang', 'kak', 'kakak', 'dik', 'adik', 'teh', 'aa', 'ci', 'cik', 'koh', 'om', 'tante',
  'sdr', 'sdr.', 'sdri', 'sdri.', 'saudara', 'saudari', 'dr', 'dr.', 'prof', 'prof.', 'ir', 'ir.', 'h', 'h.', 'hj', 'hj.',
  'mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'miss',
]);

/** The words of a name or label that identify a person: lower-case, honorifics dropped. */
function nameWords(text: string): string[] {
  return text.toLowerCase().split(/[\s,]+/u).filter((word) => word.length > 0 && !HONORIFICS.has(word));
}

interface Candidate {
  readonly id: InformantId;
  readonly label: string;
  readonly name: string;
}

/**
 * The informant a speaker label names among a document's informants, or null when it
 * names none of them or could name more than one.
 */
export function matchSpeaker(speaker: string, candidates: readonly Candidate[]): InformantId | null {
  const key = labelKey(speaker.trim());
  if (!key) return null;
  const byLabel = candidates.filter((c) => labelKey(c.label) === key);
  if (byLabel.length === 1) return byLabel[0]!.id;
  const words = nameWords(speaker);
  if (words.length === 0) return null;
  const spoken = words.join(' ');
  const byName = candidates.filter((c) => c.name.trim() && nameWords(c.name).join(' ') === spoken);
  if (byName.length === 1) return byName[0]!.id;
  // Every word of the label must be a word of the name: "Ayu" and "Ayu L." fit "Ayu Larasati".
  const fits = candidates.filter((c) => {
    const name = nameWords(c.name);
    return name.length > 0 && words.every((w) => name.some((n) => n === w || (w.endsWith('.') && n.startsWith(w.slice(0, -1)))));
  });
  return fits.length === 1 ? fits[0]!.id : null;
}

/**
 * Fills the unmapped informant turns of one document (see the module comment); returns how many
 * turns it mapped. `hints`: the informant sheet's mapping for this document, label key → informant.
 */
export function autoMapSpeakers(db: Db, documentId: DocumentId, hints?: ReadonlyMap<string, InformantId>): number {
  const candidates = db.prepare(`
    SELECT i.id, i.label, i.name FROM document_informants di JOIN informants i ON i.id = di.informant_id
    WHERE di.document_id = ? ORDER BY i.id`).all(documentId) as Candidate[];
  const speakers = db.prepare(`
    SELECT speaker FROM turns WHERE document_id = ? AND informant_id IS NULL AND role <> 'interviewer' AND speaker <> ''
    GROUP BY speaker`).pluck().all(documentId) as string[];
  if (candidates.length === 0 || speakers.length === 0) return 0;
  const sole = candidates.length === 1 ? candidates[0]!.id : null;
  const set = db.prepare(`UPDATE turns SET informant_id = ?, role = 'informant'
    WHERE document_id = ? AND speaker = ? AND informant_id IS NULL AND role <> 'interviewer'`);
  const setInformantTurns = db.prepare(`UPDATE turns SET informant_id = ?
    WHERE document_id = ? AND speaker = ? AND informant_id IS NULL AND role = 'informant'`);
  let mapped = 0;
  for (const speaker of speakers) {
    const hinted = hints?.get(labelKey(speaker));
    const informant = hinted !== undefined && candidates.some((c) => c.id === hinted) ? hinted : matchSpeaker(speaker, candidates);
    if (informant !== null) mapped += set.run(informant, documentId, speaker).changes;
    else if (sole !== null) mapped += setInformantTurns.run(sole, documentId, speaker).changes;
  }
  return mapped;
}

/** Runs the automatic mapping over every document (after a migration). */
export function mapSpeakersOfAllDocuments(db: Db): void {
  for (const id of db.prepare('SELECT id FROM documents ORDER BY id').pluck().all() as DocumentId[]) autoMapSpeakers(db, id);
}

/** After a document's informants changed: turns of informants no longer linked lose them, then the gaps are filled again. */
export function remapAfterAssign(db: Db, documentId: DocumentId): void {
  db.prepare(`UPDATE turns SET informant_id = NULL WHERE document_id = ? AND informant_id IS NOT NULL
    AND informant_id NOT IN (SELECT informant_id FROM document_informants WHERE document_id = ?)`).run(documentId, documentId);
  autoMapSpeakers(db, documentId);
}

/**
 * The speakers of a document: each label once, in order of first turn, with its role, informant,
 * turns and questions (counted as at import, `speakerProfiles`). A label whose turns disagree (one
 * set by hand) shows the mapping most of its turns have.
 */
export function documentSpeakers(db: Db, documentId: DocumentId): DocumentSpeaker[] {
  const text = db.prepare('SELECT text FROM documents WHERE id = ?').pluck().get(documentId) as string;
  const turns = db.prepare(`SELECT speaker, role, informant_id AS informantId, start_offset AS start, end_offset AS end
    FROM turns WHERE document_id = ? ORDER BY seq`).all(documentId) as { speaker: string; role: SpeakerRole; informantId: InformantId | null; start: number; end: number }[];
  return speakerProfiles(text, turns, (label) => label).map((profile) => {
    const mappings = new Map<string, { role: SpeakerRole; informantId: InformantId | null; turns: number }>();
    for (const turn of turns) {
      if (turn.speaker !== profile.label) continue;
      const key = `${turn.role}:${turn.informantId}`;
      const seen = mappings.get(key) ?? { role: turn.role, informantId: turn.informantId, turns: 0 };
      seen.turns++;
      mappings.set(key, seen);
    }
    const { role, informantId } = [...mappings.values()].sort((x, y) => y.turns - x.turns)[0]!;
    return { speaker: profile.label, role, informantId, turns: profile.turns, questions: profile.questions, characters: profile.characters };
  });
}

/**
 * Sets who a speaker of a document is: an interviewer (no informant), an informant of
 * the document, or unknown. Every turn of that label follows.
 */
export function setSpeaker(db: Db, documentId: DocumentId, speaker: string, to: { role: SpeakerRole; informantId: InformantId | null }): number {
  const exists = db.prepare('SELECT 1 FROM turns WHERE document_id = ? AND speaker = ? LIMIT 1').get(documentId, speaker);
  if (!exists) {
    throw new TematikError('not_found', say('noSuchSpeaker', { id: String(documentId), speaker }));
  }
  if (to.role !== 'informant' && to.informantId !== null) {
    throw new TematikError('invalid_args', say('onlyInformantSpeaker', { speaker, role: say(`role_${to.role}`) }));
  }
  if (to.informantId !== null && !db.prepare('SELECT 1 FROM document_informants WHERE document_id = ? AND informant_id = ?').get(documentId, to.informantId)) {
    throw new TematikError('invalid_args', say('informantNotInDocument', { id: String(to.informantId) }));
  }
  return db.prepare('UPDATE turns SET role = ?, informant_id = ? WHERE document_id = ? AND speaker = ?').run(to.role, to.informantId, documentId, speaker).changes;
}

/** Swaps the interviewer and informant roles of a document's speakers (P/I read the wrong way round); informants are mapped again. */
export function swapRoles(db: Db, documentId: DocumentId, hints?: ReadonlyMap<string, InformantId>): void {
  db.prepare(`UPDATE turns SET informant_id = NULL, role = CASE role WHEN 'interviewer' THEN 'informant' WHEN 'informant' THEN 'interviewer' ELSE role END
    WHERE document_id = ?`).run(documentId);
  autoMapSpeakers(db, documentId, hints);
}
