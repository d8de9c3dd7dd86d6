import { dailyBackup } from '../backup';
import type { OpenProject, Opener, ProjectBackend } from '../backend';
import { failureOf, isBusy, isCorrupt } from '../failures';
import { useNativeBinding } from '../native-binding';
import { ProjectStore } from '../project-store';
import { projectData } from './project-data';
import { copyCoder } from '../../team/copy-coder';

/** An open SQLite project file: the store interface over its `ProjectStore`. */
class SqliteProject implements OpenProject {
  constructor(readonly store: ProjectStore) {}

  get data() {
    return projectData(this.store);
  }

  get file(): string {
    return this.store.file;
  }

  get readOnly() {
    return this.store.readOnly;
  }

  get committed(): number {
    return this.store.committed;
  }

  get coder(): string {
    return this.store.coder;
  }

  actAs(name: string): void {
    this.store.actAs(name);
  }

  projectGuid(): string {
    return this.store.projectGuid();
  }

  copyCoder(): string | undefined {
    return copyCoder(this.store.db);
  }

  async backUpForToday() {
    return dailyBackup(this.store).failure;
  }

  failure(error: unknown) {
    const failure = failureOf(error, this.store.file);
    if (failure?.text && isCorrupt(error)) this.store.markDamaged(failure.text);
    return failure;
  }

  /** The file is let go of here and now; the promise is the interface's, already resolved. */
  close(): Promise<void> {
    this.store.close();
    return Promise.resolve();
  }
}

/**
 * Projects as SQLite files (`*.tematik`), opened in this process with better-sqlite3.
 * @param nativeBinding a better-sqlite3 binary for a runtime other than Node (Electron)
 */
export function sqliteBackend({ nativeBinding }: { readonly nativeBinding?: string } = {}): ProjectBackend {
  // Every file this thread opens — projects, backups, coders' copies — loads this binary (src/store/native-binding.ts).
  useNativeBinding(nativeBinding);
  // ProjectStore.open is synchronous: a file on this machine opens in a moment, and nothing else runs meanwhile.
  const open = async (file: string, opener: Opener, options: { create?: true; name?: string; readOnly?: true }) =>
    new SqliteProject(ProjectStore.open(file, opener.coder, { ...options, app: opener.app }));
  return {
    create: (file, name, opener) => open(file, opener, { create: true, ...(name ? { name } : {}) }),
    open: (file, opener) => open(file, opener, {}),
    readOnly: (file, opener) => open(file, opener, { readOnly: true }),
    failure: (error) => failureOf(error, null),
    isBusy,
  };
}

/** The SQLite store behind an open project, for tests and benchmarks that look into the file; the app goes through `data`. */
export function sqliteStoreOf(project: OpenProject): ProjectStore {
  if (!(project instanceof SqliteProject)) throw new Error(`${project.file} is not an SQLite project file`);
  return project.store;
}
