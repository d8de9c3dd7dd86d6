import { utf8Offsets } from '../../search/utf8-offsets';
import type { Migration } from './index';

/**
 * A search unit's range in UTF-8 bytes of the stored text, in place of its range in code
 * points: keyword-in-context lines cut a passage from a transcript as a blob, which SQLite
 * does without decoding the transcript from its start (about 9 µs a passage instead of 25).
 */
export const migration008: Migration = {
  version: 8,
  name: 'search unit bytes',
  sql: `
ALTER TABLE search_units ADD COLUMN byte_start INTEGER NOT NULL DEFAULT 0;
ALTER TABLE search_units ADD COLUMN byte_end INTEGER NOT NULL DEFAULT 0;
ALTER TABLE search_units DROP COLUMN point_start;
ALTER TABLE search_units DROP COLUMN point_end;
-- A memo's or code's unit is its whole text ("title\\nbody", "name\\ndescription").
UPDATE search_units SET byte_end = (SELECT length(CAST(CASE WHEN m.title <> '' THEN m.title || char(10) || m.body ELSE m.body END AS BLOB))
  FROM memos m WHERE m.id = search_units.memo_id) WHERE memo_id IS NOT NULL;
UPDATE search_units SET byte_end = (SELECT length(CAST(CASE WHEN c.description <> '' THEN c.name || char(10) || c.description ELSE c.name END AS BLOB))
  FROM codes c WHERE c.id = search_units.code_id) WHERE code_id IS NOT NULL;
`,
  data: (db) => {
    // One pass over each transcript for all its units, in order.
    const units = db.prepare('SELECT id, start_offset AS start, end_offset AS end FROM search_units WHERE document_id = ? ORDER BY start_offset');
    const update = db.prepare('UPDATE search_units SET byte_start = ?, byte_end = ? WHERE id = ?');
    const documents = db.prepare('SELECT DISTINCT u.document_id AS id, d.text FROM search_units u JOIN documents d ON d.id = u.document_id').all() as { id: number; text: string }[];
    for (const { id, text } of documents) {
      const bytes = utf8Offsets(text);
      for (const unit of units.all(id) as { id: number; start: number; end: number }[]) update.run(bytes(unit.start), bytes(unit.end), unit.id);
    }
  },
};
