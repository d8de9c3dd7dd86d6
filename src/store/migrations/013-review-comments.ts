import type { Migration } from './index';

/**
 * Comments on codes and codings (quotes) besides themes and links, and comments that came back
 * from a supervisor's review package (issue 14). A reviewer is not a coder: they must never be
 * offered as "who is coding", counted in agreement or given a copy, so their comment carries
 * their name and the package it came from instead of a coder (`author_id` NULL). A reviewer's
 * comment on something deleted since the package was made has no target left: it is kept
 * "unplaced", with what it was on (kind, GUID and the label the package showed), so it can be
 * listed and read.
 *
 * SQLite cannot change a column's NOT NULL or a table's CHECK in place, so the table is made
 * anew and its rows copied with their ids (the undo history names rows by id) and GUIDs. Nothing
 * points at a comment, so dropping the old table cascades nowhere. Its GUID column, index and
 * triggers are made as migration 9 made them; the undo triggers are made afresh after every
 * migration (src/store/history.ts). Recorded rows of the old shape name only columns this table
 * still has, and the new columns default to NULL, so undo and redo of steps recorded before the
 * upgrade put back exactly the rows they took.
 */
export const migration013: Migration = {
  version: 13,
  name: 'comments on codes and codings, reviewers',
  sql: `
CREATE TABLE comments_new (
  id INTEGER PRIMARY KEY,
  theme_id INTEGER REFERENCES themes(id) ON DELETE CASCADE,
  link_id INTEGER REFERENCES theme_links(id) ON DELETE CASCADE,
  author_id INTEGER REFERENCES coders(id) ON DELETE RESTRICT,
  body TEXT NOT NULL CHECK (length(trim(body)) > 0),
  created_at TEXT NOT NULL,
  resolved_at TEXT,
  resolved_by INTEGER REFERENCES coders(id) ON DELETE RESTRICT,
  guid TEXT,
  code_id INTEGER REFERENCES codes(id) ON DELETE CASCADE,
  coding_id INTEGER REFERENCES codings(id) ON DELETE CASCADE,
  -- A supervisor's name as they gave it in the review package, and that package's GUID.
  reviewer_name TEXT CHECK (reviewer_name IS NULL OR length(trim(reviewer_name)) BETWEEN 1 AND 200),
  package_guid TEXT,
  -- What an imported comment was on when its target had been deleted (or merged away) since the package.
  unplaced_kind TEXT CHECK (unplaced_kind IN ('theme', 'link', 'code', 'coding')),
  unplaced_guid TEXT,
  unplaced_label TEXT,
  CHECK ((author_id IS NULL) <> (reviewer_name IS NULL)),
  CHECK ((reviewer_name IS NULL) = (package_guid IS NULL)),
  CHECK ((unplaced_kind IS NULL) = (unplaced_guid IS NULL) AND (unplaced_kind IS NULL) = (unplaced_label IS NULL)),
  CHECK (unplaced_kind IS NULL OR reviewer_name IS NOT NULL),
  CHECK ((theme_id IS NOT NULL) + (link_id IS NOT NULL) + (code_id IS NOT NULL) + (coding_id IS NOT NULL) + (unplaced_kind IS NOT NULL) = 1)
) STRICT;
INSERT INTO comments_new (id, theme_id, link_id, author_id, body, created_at, resolved_at, resolved_by, guid)
  SELECT id, theme_id, link_id, author_id, body, created_at, resolved_at, resolved_by, guid FROM comments;
DROP TABLE comments;
ALTER TABLE comments_new RENAME TO comments;
CREATE UNIQUE INDEX comments_guid ON comments(guid);
CREATE TRIGGER comments_guid_required BEFORE INSERT ON comments WHEN new.guid IS NULL
BEGIN SELECT RAISE(ABORT, 'comments.guid is required'); END;
CREATE TRIGGER comments_guid_kept BEFORE UPDATE OF guid ON comments WHEN old.guid IS NOT NULL AND new.guid IS NOT old.guid
BEGIN SELECT RAISE(ABORT, 'comments.guid never changes'); END;
-- Threads are read per target, and a deleted coding (a transcript's thousands) finds its comments by index.
CREATE INDEX comments_theme ON comments(theme_id);
CREATE INDEX comments_link ON comments(link_id);
CREATE INDEX comments_code ON comments(code_id);
CREATE INDEX comments_coding ON comments(coding_id);
`,
};
