import type { Migration } from './index';

/**
 * Full-text search kept in the project file: SQLite FTS5 over stems computed in JS (an
 * Indonesian and an English stemmer), one row per speaker turn, paragraph, memo or code.
 * Triggers only mark what changed; the indexer (src/search/indexer.ts) brings the index up
 * to date at the end of the same transaction, so it never lags behind the data, undo included.
 */
export const migration004: Migration = {
  version: 4,
  name: 'search index',
  sql: `
-- An indexed piece of text and where it sits: [start, end) in the document's text, or in the
-- memo's "title\\nbody", or the code's "name\\ndescription".
CREATE TABLE search_units (
  id INTEGER PRIMARY KEY,
  document_id INTEGER REFERENCES documents(id) ON DELETE CASCADE,
  memo_id INTEGER REFERENCES memos(id) ON DELETE CASCADE,
  code_id INTEGER REFERENCES codes(id) ON DELETE CASCADE,
  start_offset INTEGER NOT NULL,
  end_offset INTEGER NOT NULL,
  -- The same range in code points, so SQLite's substr() can hand out just this passage.
  point_start INTEGER NOT NULL,
  point_end INTEGER NOT NULL,
  CHECK ((document_id IS NOT NULL) + (memo_id IS NOT NULL) + (code_id IS NOT NULL) = 1)
) STRICT;
CREATE INDEX search_units_document ON search_units(document_id);
CREATE INDEX search_units_memo ON search_units(memo_id);
CREATE INDEX search_units_code ON search_units(code_id);

-- Stems only (contentless): the text itself stays in documents, memos and codes.
CREATE VIRTUAL TABLE search_fts USING fts5(stems, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0', prefix='2 3');
-- The indexed vocabulary with document frequencies (word lists, benchmark queries).
CREATE VIRTUAL TABLE search_vocab USING fts5vocab(search_fts, 'row');
CREATE TRIGGER search_units_gone AFTER DELETE ON search_units BEGIN
  DELETE FROM search_fts WHERE rowid = old.id;
END;

-- What changed since the index was last brought up to date.
CREATE TABLE search_dirty (
  kind TEXT NOT NULL CHECK (kind IN ('document', 'memo', 'code')),
  ref_id INTEGER NOT NULL,
  PRIMARY KEY (kind, ref_id)
) STRICT, WITHOUT ROWID;
CREATE TRIGGER search_document_added AFTER INSERT ON documents BEGIN INSERT OR IGNORE INTO search_dirty VALUES ('document', new.id); END;
CREATE TRIGGER search_document_changed AFTER UPDATE OF text ON documents BEGIN INSERT OR IGNORE INTO search_dirty VALUES ('document', new.id); END;
CREATE TRIGGER search_turns_added AFTER INSERT ON turns BEGIN INSERT OR IGNORE INTO search_dirty VALUES ('document', new.document_id); END;
CREATE TRIGGER search_turns_removed AFTER DELETE ON turns BEGIN INSERT OR IGNORE INTO search_dirty VALUES ('document', old.document_id); END;
CREATE TRIGGER search_memo_added AFTER INSERT ON memos BEGIN INSERT OR IGNORE INTO search_dirty VALUES ('memo', new.id); END;
CREATE TRIGGER search_memo_changed AFTER UPDATE OF title, body ON memos BEGIN INSERT OR IGNORE INTO search_dirty VALUES ('memo', new.id); END;
CREATE TRIGGER search_code_added AFTER INSERT ON codes BEGIN INSERT OR IGNORE INTO search_dirty VALUES ('code', new.id); END;
CREATE TRIGGER search_code_changed AFTER UPDATE OF name, description ON codes BEGIN INSERT OR IGNORE INTO search_dirty VALUES ('code', new.id); END;

-- Everything already in an older project gets indexed by the next change or search.
INSERT OR IGNORE INTO search_dirty SELECT 'document', id FROM documents;
INSERT OR IGNORE INTO search_dirty SELECT 'memo', id FROM memos;
INSERT OR IGNORE INTO search_dirty SELECT 'code', id FROM codes;

-- Co-occurrence by speaker turn reads turns by document and position.
CREATE INDEX turns_position ON turns(document_id, start_offset);
`,
};
