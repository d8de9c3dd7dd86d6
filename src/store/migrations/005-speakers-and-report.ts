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
`,
  data: mapSpeakersOfAllDocuments,
};
