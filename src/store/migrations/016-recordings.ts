import type { Migration } from './index';

/**
 * Recordings beside their transcripts (issue 16). A transcript has at most one recording, kept as a
 * reference to a file (its path relative to the project and its absolute path, with a size and a
 * fingerprint that recognise the file after a move) or, when the user asked, embedded in the
 * project. The embedded bytes live apart in `recording_blobs`, by the SHA-256 of their content, in parts:
 * `recordings` is undoable (src/store/history.ts), and its history rows must stay small, so undoing
 * an unlink brings back the row and the row finds its bytes again. A blob no recording and no undo
 * step names is dropped by the next link or unlink (src/store/recordings.ts).
 */
export const migration016: Migration = {
  version: 16,
  name: 'recordings',
  sql: `
CREATE TABLE recordings (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL UNIQUE REFERENCES documents(id) ON DELETE CASCADE,
  guid TEXT NOT NULL UNIQUE,
  file_name TEXT NOT NULL CHECK (length(file_name) > 0),
  relative_path TEXT,
  absolute_path TEXT,
  size INTEGER NOT NULL CHECK (size > 0),
  fingerprint TEXT NOT NULL,
  media_type TEXT NOT NULL,
  duration_ms INTEGER CHECK (duration_ms IS NULL OR duration_ms >= 0),
  embedded_sha256 TEXT,
  linked_at TEXT NOT NULL,
  CHECK ((embedded_sha256 IS NULL) = (absolute_path IS NOT NULL))
) STRICT;

-- In parts of 1 MiB: SQLite reads a whole blob to take a piece of it, so playing (and seeking in) a 500 MB
-- recording from one blob would read all of it for every range the player asks for.
CREATE TABLE recording_blobs (
  id INTEGER PRIMARY KEY,
  sha256 TEXT NOT NULL,
  part INTEGER NOT NULL CHECK (part >= 0),
  bytes BLOB NOT NULL,
  UNIQUE (sha256, part)
) STRICT;
`,
};
