import type { Migration } from './index';

/**
 * The document list and the project's totals without reading the transcripts. A document's
 * small columns come after its text, so reading them (word count, import date) walked every
 * text's overflow pages: 66 MB for the 8M-word project, 60–150 ms of the first screen. An
 * index holding them, and the text's length, answers the list and the sums on its own.
 */
export const migration007: Migration = {
  version: 7,
  name: 'document summary index',
  sql: `
CREATE INDEX documents_summary ON documents(title COLLATE NOCASE, id, source_name, format, encoding, word_count, imported_at, length(text));
`,
};
