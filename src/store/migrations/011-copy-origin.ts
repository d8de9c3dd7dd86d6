import type { Migration } from './index';

/**
 * A coder's copy remembers what it is a copy of (issue 13, merging copies): the project's GUID,
 * name and the moment it was made, who it was made for, and the codebook and transcripts as they
 * were then (`base`, JSON). With that base a merge tells a code renamed in the copy from one
 * renamed in the project, and a code deleted in one from a code added in the other. One row at
 * most; an ordinary project has none. The copy has a GUID of its own (a machine remembers who
 * codes a project by its GUID, and the copy's coder is not the project's), so this row is how a
 * copy is recognised as one.
 */
export const migration011: Migration = {
  version: 11,
  name: 'copy origin',
  sql: `
CREATE TABLE copy_origin (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  source_guid TEXT NOT NULL,
  source_name TEXT NOT NULL,
  coder TEXT NOT NULL CHECK (length(trim(coder)) > 0),
  keep_own INTEGER NOT NULL CHECK (keep_own IN (0, 1)),
  made_at TEXT NOT NULL,
  base TEXT NOT NULL
) STRICT;
`,
};
