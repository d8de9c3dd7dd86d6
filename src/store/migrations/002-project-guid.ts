import type { Migration } from './index';

/**
 * A stable identity for the project. REFI-QDA exchange files need GUIDs; ids of
 * codes, sources and codings are derived from this one, so re-exports keep them.
 */
export const migration002: Migration = {
  version: 2,
  name: 'project guid',
  sql: `
ALTER TABLE project ADD COLUMN guid TEXT NOT NULL DEFAULT '';
UPDATE project SET guid = lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2)
  || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))
WHERE guid = '';
`,
};
