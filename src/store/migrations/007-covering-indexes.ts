import type { Migration } from './index';

/**
 * Covering indexes for reads that only need a row's small columns, so SQLite reads the index
 * instead of the rows. A document's small columns come after its text, so the document list and
 * the word total (word count, import date) walked every transcript's overflow pages: 66 MB for
 * the 8M-word project, 60–150 ms of the first screen. A coding's range and code sit beside its
 * quote, a turn's range beside its speaker: triangulation reads those integer columns of every
 * coding and turn.
 */
export const migration007: Migration = {
  version: 7,
  name: 'covering indexes',
  sql: `
CREATE INDEX documents_summary ON documents(title COLLATE NOCASE, id, source_name, format, encoding, word_count, imported_at, length(text));
CREATE INDEX codings_span ON codings(document_id, start_offset, end_offset, code_id);
CREATE INDEX turns_span ON turns(document_id, start_offset, end_offset, informant_id);
`,
};
