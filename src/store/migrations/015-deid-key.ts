import type { Migration } from './index';

/**
 * De-identifying transcripts (issue 15).
 *
 * The list of names to hide (migration 5) becomes the one list of people, places and businesses
 * the researcher names, with a kind: a person's name is found by its parts too ("Harjo" of "Pak
 * Harjo Sutrisno"), a place's or business's only whole ("Kopi Lereng", never "Kopi" alone). Names
 * already in the list are `other`, found whole, as the report has always replaced them.
 *
 * The key: each real name replaced in the transcripts and the pseudonym it became, with how many
 * hits and when. Kept in the project, because once the transcripts are de-identified it is the
 * only place the real name is; undoable with the replacement that wrote it; left out of every
 * de-identified copy (src/deid/share.ts). A row outlives the informant it named (SET NULL): the
 * name was replaced all the same.
 */
export const migration015: Migration = {
  version: 15,
  name: 'de-identification key and kinds of names to hide',
  sql: `
ALTER TABLE redactions ADD COLUMN kind TEXT NOT NULL DEFAULT 'other' CHECK (kind IN ('person', 'place', 'business', 'other'));

CREATE TABLE deid_key (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL CHECK (length(trim(name)) > 0),
  pseudonym TEXT NOT NULL CHECK (length(trim(pseudonym)) > 0),
  kind TEXT NOT NULL CHECK (kind IN ('informant', 'person', 'place', 'business', 'other')),
  informant_id INTEGER REFERENCES informants(id) ON DELETE SET NULL,
  replaced INTEGER NOT NULL DEFAULT 0 CHECK (replaced >= 0),
  first_applied_at TEXT NOT NULL,
  last_applied_at TEXT NOT NULL,
  UNIQUE (name COLLATE NOCASE, pseudonym)
) STRICT;
`,
};
