import { TematikError } from '../domain/errors';
import type { Progress } from '../domain/types';
import { backupOnOpen } from '../store/backup';
import { ProjectStore } from '../store/project-store';

/** The file choices a desktop host can ask the user for with its own dialogs. */
export type DialogKind = 'openProject' | 'newProject' | 'importFiles' | 'importFolder' | 'informantSheet';

/** What the program hosting the core provides: Electron, the browser-mode server, or nothing (CLI, tests). */
export interface Host {
  readonly kind: 'electron' | 'browser' | 'cli';
  /** Folder for app data: recent projects, the sample project. */
  readonly dataDir?: string;
  /** Folder holding the sample study and its informant sheet. */
  readonly sampleDir?: string;
  /** Native file dialogs; absent in browser mode, where the UI asks for a path instead. Null when cancelled. */
  readonly choosePaths?: (kind: DialogKind) => Promise<string[] | null>;
}

export interface SessionOptions {
  /** Who makes the changes: recorded on every coding, memo and audit row. */
  readonly coder: string;
  /** better-sqlite3 binary for a runtime other than Node (Electron). */
  readonly nativeBinding?: string;
  readonly host?: Host;
}

/** The one project a window (or CLI run, or browser-mode server) has open. */
export class Session {
  private current: ProjectStore | null = null;

  readonly host: Host;

  constructor(readonly options: SessionOptions) {
    this.host = options.host ?? { kind: 'cli' };
  }

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
    backupOnOpen(next);
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
