import type { ActionName } from './contract';
import { effects } from './touches';

/**
 * Queries whose answer depends on the connection asking, not only on the data: on the reader's
 * read-only connection `project.info` would report read-only access and `history.state` no undo;
 * `coders.list` names who is coding, which the writer's session was told (coders.setCurrent).
 */
const ANSWERED_BY_THE_WRITER: ReadonlySet<ActionName> = new Set<ActionName>(['project.info', 'history.state', 'coders.list']);

/**
 * The actions that only read the project (their effect in src/api/touches.ts is `reads`) and
 * answer the same on a read-only connection: while a long change runs, the host may answer these
 * from a second connection to the same file (WAL lets it see the last committed state, never a
 * half-done transaction). Everything else is a change and waits its turn.
 */
export const READ_ACTIONS: ReadonlySet<ActionName> = new Set(
  (Object.keys(effects) as ActionName[]).filter((name) => {
    const effect = effects[name];
    return typeof effect === 'object' && 'reads' in effect && !ANSWERED_BY_THE_WRITER.has(name);
  }),
);

/**
 * Changes that replace the project file: no other connection may hold it meanwhile (a restore
 * checks, src/store/restore.ts), so the reader lets go of the project before they run.
 */
export const EXCLUSIVE_ACTIONS: ReadonlySet<ActionName> = new Set<ActionName>(['backup.restore']);

/**
 * Changes that run for seconds while the user goes on reading (an import, search-to-code): the
 * reader is started as they begin, so the first read behind them does not also wait for a thread
 * to start. The Word report is left out on purpose: it reads, and the reader's memory on top of
 * the report's would take the app over its memory target.
 */
export const READER_AHEAD_ACTIONS: ReadonlySet<ActionName> = new Set<ActionName>([
  'import.files', 'import.folder', 'refi.importProject', 'search.code',
]);

/**
 * Of those, the imports wait for the reader to be ready before they begin (1 s at most; the writer
 * answers reads meanwhile): their parsing threads take both cores, and a reader started beside them
 * takes up to 2 s, all of it waited by the first reads. A search-to-code does not wait: it is often
 * done in less time than a thread takes to start, and is a step the user waits for.
 */
export const READER_FIRST_ACTIONS: ReadonlySet<ActionName> = new Set<ActionName>([
  'import.files', 'import.folder', 'refi.importProject',
]);
