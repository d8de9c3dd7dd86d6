import { TematikError } from '../domain/errors';
import type { Progress } from '../domain/types';
import { ProjectStore } from '../store/project-store';

export interface SessionOptions {
  /** Who makes the changes: recorded on every coding, memo and audit row. */
  readonly coder: string;
  /** better-sqlite3 binary for a runtime other than Node (Electron). */
  readonly nativeBinding?: string;
}

/** The one project a window (or CLI run, or browser-mode server) has open. */
export class Session {
  private current: ProjectStore | null = null;

  constructor(readonly options: SessionOptions) {}

  get store(): ProjectStore {
    if (!this.current) throw new TematikError('no_project', 'No project is open. Open a *.tematik file or create a new project first.');
    return this.current;
  }

  get isOpen(): boolean {
    return this.current !== null;
  }

  open(file: string, create = false, name?: string): ProjectStore {
    const next = ProjectStore.open(file, this.options.coder, {
      create, ...(name ? { name } : {}), ...(this.options.nativeBinding ? { nativeBinding: this.options.nativeBinding } : {}),
    });
    this.close();
    this.current = next;
    return next;
  }

  close(): void {
    this.current?.close();
    this.current = null;
  }
}

/** What every handler gets besides its arguments. */
export interface Context {
  readonly session: Session;
  /** Reports progress of a long action; a no-op where nobody listens. */
  readonly progress: (progress: Progress) => void;
}
