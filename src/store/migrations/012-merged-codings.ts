import type { Migration } from './index';

/**
 * The codings a merge brought from coders' copies, by GUID (issue 13). A copy keeps every coding its
 * coder made; once merged, the team may settle a disagreement by removing one (the comparison view)
 * or delete it for any reason, and merging the same copy again must not bring it back. A coding
 * whose GUID is here but no longer in `codings` was removed in the project after it was merged. The
 * table is undoable (src/store/history.ts): undoing a merge forgets what it brought, so merging the
 * copy again after an undo brings it all again.
 */
export const migration012: Migration = {
  version: 12,
  name: 'merged codings',
  sql: `
CREATE TABLE merged_codings (
  id INTEGER PRIMARY KEY,
  guid TEXT NOT NULL UNIQUE
) STRICT;
`,
};
