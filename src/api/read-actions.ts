import type { ActionName } from './contract';

/**
 * The actions that only read the project and answer the same on a read-only connection: while a
 * long change runs, the host may answer these from a second connection to the same file (WAL lets
 * it see the last committed state, never a half-done transaction). Everything else is a change
 * and waits its turn. `project.info` and `history.state` are not here: on a read-only connection
 * they would report read-only access and no undo.
 */
export const READ_ACTIONS: ReadonlySet<ActionName> = new Set<ActionName>([
  'app.info',
  'project.stats',
  'audit.list',
  'backup.list',
  'informantTypes.list',
  'attributes.list',
  'informants.list',
  'documents.list',
  'documents.get',
  'documents.speakers',
  'codes.list',
  'codes.unthemed',
  'codings.forDocument',
  'codings.forCode',
  'memos.list',
  'themes.list',
  'themeLinks.list',
  'map.get',
  'comments.list',
  'analysis.triangulation',
  'analysis.cellExtracts',
  'analysis.cooccurrence',
  'analysis.cooccurrenceExtracts',
  'search.query',
  'search.similar',
  'redactions.list',
]);

/**
 * Changes that replace the project file: no other connection may hold it meanwhile (a restore
 * checks, src/store/restore.ts), so the reader lets go of the project before they run.
 */
export const EXCLUSIVE_ACTIONS: ReadonlySet<ActionName> = new Set<ActionName>(['backup.restore']);
