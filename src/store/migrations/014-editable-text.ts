import type { Migration } from './index';

/**
 * A transcript's text may be edited after coding (issue 15): `documents.editText` moves every
 * coding and turn with the text in the same transaction (src/store/edit-text.ts). The trigger of
 * migration 1 froze the text of a coded document outright; it gives way to one that still refuses
 * a change of the text alone. Every path that edits text writes the new text's hash with it, and
 * undo restores text and hash together, so a text written without its hash is a write that did not
 * go through that path and left the codings pointing into a text they were not made on.
 *
 * The migration runs the history triggers anew (src/store/history.ts): a turn inserted into a
 * document that already exists (a turn split in two) is now recorded for undo, where until now a
 * turn was only ever inserted with its document.
 */
export const migration014: Migration = {
  version: 14,
  name: 'editable transcript text',
  sql: `
DROP TRIGGER documents_text_frozen;
CREATE TRIGGER documents_text_with_hash BEFORE UPDATE OF text ON documents
WHEN old.text IS NOT new.text AND new.content_hash IS old.content_hash AND EXISTS (SELECT 1 FROM codings WHERE document_id = old.id)
BEGIN
  SELECT RAISE(ABORT, 'the text of a coded document changed without its content hash: edit it with documents.editText, which moves its codings');
END;
`,
};
