import type { Migration } from './index';

/** The first schema: every concept of DESIGN.md. */
export const migration001: Migration = {
  version: 1,
  name: 'initial schema',
  sql: `
CREATE TABLE project (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  name TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  phase INTEGER NOT NULL DEFAULT 1 CHECK (phase BETWEEN 1 AND 6),
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE coders (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE informant_types (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
  description TEXT NOT NULL DEFAULT '',
  colour TEXT NOT NULL DEFAULT '#7f8c8d',
  sort_order INTEGER NOT NULL DEFAULT 0
) STRICT;

-- Deleting a type that still has informants is refused (RESTRICT): people are never deleted by accident.
CREATE TABLE informants (
  id INTEGER PRIMARY KEY,
  label TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(label)) > 0),
  name TEXT NOT NULL DEFAULT '',
  type_id INTEGER NOT NULL REFERENCES informant_types(id) ON DELETE RESTRICT,
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX informants_type ON informants(type_id);

CREATE TABLE attributes (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
  value_type TEXT NOT NULL DEFAULT 'text' CHECK (value_type IN ('text', 'number'))
) STRICT;

CREATE TABLE informant_attributes (
  informant_id INTEGER NOT NULL REFERENCES informants(id) ON DELETE CASCADE,
  attribute_id INTEGER NOT NULL REFERENCES attributes(id) ON DELETE CASCADE,
  value TEXT NOT NULL,
  PRIMARY KEY (informant_id, attribute_id)
) STRICT;

CREATE TABLE documents (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  source_name TEXT NOT NULL,
  format TEXT NOT NULL CHECK (format IN ('txt', 'md', 'docx', 'vtt', 'srt', 'qdpx')),
  encoding TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  text TEXT NOT NULL,
  word_count INTEGER NOT NULL,
  imported_at TEXT NOT NULL
) STRICT;

-- A document's text is immutable once it has codings: their offsets point into it.
CREATE TRIGGER documents_text_frozen BEFORE UPDATE OF text ON documents
WHEN old.text IS NOT new.text AND EXISTS (SELECT 1 FROM codings WHERE document_id = old.id)
BEGIN
  SELECT RAISE(ABORT, 'document text is frozen: it has codings');
END;

CREATE TABLE document_informants (
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  informant_id INTEGER NOT NULL REFERENCES informants(id) ON DELETE CASCADE,
  PRIMARY KEY (document_id, informant_id)
) STRICT;
CREATE INDEX document_informants_informant ON document_informants(informant_id);

-- start_ms / end_ms are NULL when the source had no timestamps.
CREATE TABLE turns (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  speaker TEXT NOT NULL DEFAULT '',
  role TEXT NOT NULL DEFAULT 'unknown' CHECK (role IN ('interviewer', 'informant', 'unknown')),
  start_ms INTEGER,
  end_ms INTEGER,
  start_offset INTEGER NOT NULL,
  end_offset INTEGER NOT NULL,
  CHECK (end_offset >= start_offset),
  UNIQUE (document_id, seq)
) STRICT;

CREATE TABLE codes (
  id INTEGER PRIMARY KEY,
  parent_id INTEGER REFERENCES codes(id) ON DELETE CASCADE,
  name TEXT NOT NULL CHECK (length(trim(name)) > 0),
  description TEXT NOT NULL DEFAULT '',
  colour TEXT NOT NULL,
  in_vivo INTEGER NOT NULL DEFAULT 0 CHECK (in_vivo IN (0, 1)),
  sort_order INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX codes_sibling_name ON codes(ifnull(parent_id, 0), name COLLATE NOCASE);

CREATE TABLE codings (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  code_id INTEGER NOT NULL REFERENCES codes(id) ON DELETE CASCADE,
  coder_id INTEGER NOT NULL REFERENCES coders(id) ON DELETE RESTRICT,
  start_offset INTEGER NOT NULL CHECK (start_offset >= 0),
  end_offset INTEGER NOT NULL,
  quote TEXT NOT NULL,
  created_at TEXT NOT NULL,
  CHECK (end_offset > start_offset),
  UNIQUE (document_id, code_id, coder_id, start_offset, end_offset)
) STRICT;
CREATE INDEX codings_code ON codings(code_id);
CREATE INDEX codings_document ON codings(document_id, start_offset);

CREATE TABLE themes (
  id INTEGER PRIMARY KEY,
  parent_id INTEGER REFERENCES themes(id) ON DELETE CASCADE,
  name TEXT NOT NULL CHECK (length(trim(name)) > 0),
  definition TEXT NOT NULL DEFAULT '',
  scope TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'candidate' CHECK (status IN ('candidate', 'reviewed', 'defined', 'discarded')),
  colour TEXT NOT NULL,
  exemplar_coding_id INTEGER REFERENCES codings(id) ON DELETE SET NULL,
  sort_order INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE theme_codes (
  theme_id INTEGER NOT NULL REFERENCES themes(id) ON DELETE CASCADE,
  code_id INTEGER NOT NULL REFERENCES codes(id) ON DELETE CASCADE,
  PRIMARY KEY (theme_id, code_id)
) STRICT;
CREATE INDEX theme_codes_code ON theme_codes(code_id);

-- A link goes from a theme to a theme, or (for "M mediates X → Y") to another link.
CREATE TABLE theme_links (
  id INTEGER PRIMARY KEY,
  from_theme_id INTEGER NOT NULL REFERENCES themes(id) ON DELETE CASCADE,
  to_theme_id INTEGER REFERENCES themes(id) ON DELETE CASCADE,
  to_link_id INTEGER REFERENCES theme_links(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('influences', 'mediates', 'moderates', 'contradicts', 'part-of', 'associated-with')),
  label TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  CHECK ((to_theme_id IS NULL) <> (to_link_id IS NULL))
) STRICT;

-- A memo belongs to the project (no target column set) or to exactly one target.
CREATE TABLE memos (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL DEFAULT 'memo' CHECK (kind IN ('memo', 'journal')),
  title TEXT NOT NULL DEFAULT '',
  body TEXT NOT NULL DEFAULT '',
  phase INTEGER CHECK (phase BETWEEN 1 AND 6),
  author_id INTEGER NOT NULL REFERENCES coders(id) ON DELETE RESTRICT,
  document_id INTEGER REFERENCES documents(id) ON DELETE CASCADE,
  code_id INTEGER REFERENCES codes(id) ON DELETE CASCADE,
  theme_id INTEGER REFERENCES themes(id) ON DELETE CASCADE,
  coding_id INTEGER REFERENCES codings(id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK ((document_id IS NOT NULL) + (code_id IS NOT NULL) + (theme_id IS NOT NULL) + (coding_id IS NOT NULL) <= 1)
) STRICT;

-- Append-only record of every change, for the audit-trail appendix; never undone.
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  coder_id INTEGER NOT NULL REFERENCES coders(id) ON DELETE RESTRICT,
  action TEXT NOT NULL,
  summary TEXT NOT NULL,
  args TEXT NOT NULL
) STRICT;

-- Undo/redo: one row per user action, the SQL that reverts it in history_ops.
CREATE TABLE history_steps (
  id INTEGER PRIMARY KEY,
  label TEXT NOT NULL,
  undone INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1))
) STRICT;
CREATE TABLE history_ops (
  id INTEGER PRIMARY KEY,
  step_id INTEGER NOT NULL REFERENCES history_steps(id) ON DELETE CASCADE,
  sql TEXT NOT NULL
) STRICT;
CREATE INDEX history_ops_step ON history_ops(step_id, id);
-- The step the running action records into; NULL while nothing is recorded.
CREATE TABLE history_capture (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  step_id INTEGER
) STRICT;
INSERT INTO history_capture (id, step_id) VALUES (1, NULL);
`,
};
