import type { Migration } from './index';

/**
 * A new turn no longer marks its document for the search index: turns are only ever inserted
 * with their document (an import, a REFI-QDA project, an undo or redo that brings a document
 * back), whose own insert marks it (migration 4, search_document_added). The mark of each turn
 * was an INSERT OR IGNORE run 130,000 times in an 8M-word import, half of storing its turns
 * (0.5 s of the writer's CPU). A turn removed or changed still marks its document.
 */
export const migration010: Migration = {
  version: 10,
  name: 'turns marked by their document',
  sql: `
DROP TRIGGER search_turns_added;
`,
};
