import type { Migration } from './index';

/**
 * Phases 3–5 of Braun & Clarke and the theme model: convergence judgements for
 * triangulation, positions on the theme map, supervisors' comments, phase checklists.
 */
export const migration003: Migration = {
  version: 3,
  name: 'themes, theme map, comments, phase checklist',
  sql: `
-- The researcher's triangulation judgement (Farmer et al. 2006), NULL until recorded.
ALTER TABLE themes ADD COLUMN convergence TEXT CHECK (convergence IN ('agreement', 'partial', 'silence', 'dissonance'));
ALTER TABLE themes ADD COLUMN convergence_reason TEXT NOT NULL DEFAULT '';

-- Where the researcher placed each node on the theme map; absent means "lay it out automatically".
CREATE TABLE theme_positions (
  theme_id INTEGER PRIMARY KEY REFERENCES themes(id) ON DELETE CASCADE,
  x REAL NOT NULL,
  y REAL NOT NULL
) STRICT;
CREATE TABLE code_positions (
  code_id INTEGER PRIMARY KEY REFERENCES codes(id) ON DELETE CASCADE,
  x REAL NOT NULL,
  y REAL NOT NULL
) STRICT;

-- A comment thread on a theme or on a link of the theme model.
CREATE TABLE comments (
  id INTEGER PRIMARY KEY,
  theme_id INTEGER REFERENCES themes(id) ON DELETE CASCADE,
  link_id INTEGER REFERENCES theme_links(id) ON DELETE CASCADE,
  author_id INTEGER NOT NULL REFERENCES coders(id) ON DELETE RESTRICT,
  body TEXT NOT NULL CHECK (length(trim(body)) > 0),
  created_at TEXT NOT NULL,
  resolved_at TEXT,
  resolved_by INTEGER REFERENCES coders(id) ON DELETE RESTRICT,
  CHECK ((theme_id IS NULL) <> (link_id IS NULL))
) STRICT;

-- Ticked items of each phase's checklist.
CREATE TABLE phase_checks (
  phase INTEGER NOT NULL CHECK (phase BETWEEN 1 AND 6),
  item TEXT NOT NULL,
  done_at TEXT NOT NULL,
  coder_id INTEGER NOT NULL REFERENCES coders(id) ON DELETE RESTRICT,
  PRIMARY KEY (phase, item)
) STRICT;
`,
};
