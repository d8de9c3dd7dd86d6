/**
 * The one place the storage of projects is chosen. Everything above it — the session, the
 * handlers, the import writers — sees only `ProjectBackend`, `OpenProject` and `ProjectData`.
 */
import type { ProjectBackend } from './backend';
import { sqliteBackend } from './sqlite/backend';

export { sqliteStoreOf } from './sqlite/backend';

export interface BackendOptions {
  /** better-sqlite3 binary for a runtime other than Node (Electron). */
  readonly nativeBinding?: string;
}

/** Project files on this machine, in SQLite. */
export function projectBackend(options: BackendOptions = {}): ProjectBackend {
  return sqliteBackend(options);
}
