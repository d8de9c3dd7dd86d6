import type { Migration } from './index';
import { mapSpeakersOfAllDocuments } from '../speakers';

/**
 * Evidence attributed to the speaker, not the document (issue 9): each speaker turn names
 * the informant who spoke it. A turn of the interviewer, or one nobody has been mapped to,
 * has none. Also the report's findings, the names to replace when pseudonymising, keys
 * pinned to codes, and the action behind each undo step (so the UI can name it in its
 * own language).
 */
export const migration005: Migration = {
  version: 5,
  name: 'speaker attribution, findings, redactions, pinned keys',
  sql: `
ALTER TABLE turns ADD COLUMN informant_id INTEGER REFERENCES informants(id) ON DELETE SET NULL;
CREATE INDEX turns_informant ON turns(informant_id) WHERE informant_id IS NOT NULL;

-- A short key finding per theme: the "Temuan Utama" column of the report's findings table.
ALTER TABLE themes ADD COLUMN finding TEXT NOT NULL DEFAULT '';

-- Names of third parties and businesses the researcher marks, replaced in pseudonymised exports.
CREATE TABLE redactions (
  id INTEGER PRIMARY KEY,
  term TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(term)) > 0),
  replacement TEXT NOT NULL CHECK (length(trim(replacement)) > 0),
  created_at TEXT NOT NULL
) STRICT;

-- Keys 1–9 pinned to a code in the transcript view (NULL: the key follows recency).
ALTER TABLE codes ADD COLUMN hotkey INTEGER CHECK (hotkey BETWEEN 1 AND 9);
CREATE UNIQUE INDEX codes_hotkey ON codes(hotkey) WHERE hotkey IS NOT NULL;

-- The contract action of each undo step, e.g. "codings.apply" ('' for steps from before).
ALTER TABLE history_steps ADD COLUMN action TEXT NOT NULL DEFAULT '';

-- Who spoke each indexed passage (a unit of a document with turns is a turn), so search filters and
-- orders by speaker without a lookup per hit; NULL for documents without turns, memos and codes.
-- Kept in step with the turns by a trigger, undo included; the data step below maps the speakers.
ALTER TABLE search_units ADD COLUMN role TEXT;
ALTER TABLE search_units ADD COLUMN informant_id INTEGER;
UPDATE search_units SET role = (SELECT t.role FROM turns t WHERE t.document_id = search_units.document_id
  AND t.start_offset = search_units.start_offset AND t.end_offset = search_units.end_offset) WHERE document_id IS NOT NULL;
CREATE TRIGGER search_units_speaker AFTER UPDATE OF role, informant_id ON turns BEGIN
  UPDATE search_units SET role = new.role, informant_id = new.informant_id
  WHERE document_id = new.document_id AND start_offset = new.start_offset AND end_offset = new.end_offset;
END;
`,
  data: mapSpeakersOfAllDocuments,
};
