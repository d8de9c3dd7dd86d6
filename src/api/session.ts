import fs from 'node:fs';
import path from 'node:path';
import { TematikError } from '../domain/errors';
import { defineMessages, type LocalizedText } from '../domain/text';
import type { Progress } from '../domain/types';
import type { OpenProject, ProjectBackend } from '../store/backend';
import { projectBackend, sqliteStoreOf } from '../store/backends';
import type { LockApp } from '../store/lock';
import type { ProjectData } from '../store/project-data';
import { rememberBlind, rememberCoder, rememberedBlind, rememberedCoder } from './remembered-coders';

/** The file choices a desktop host can ask the user for with its own dialogs. */
export type DialogKind = 'openProject' | 'newProject' | 'importFiles' | 'importFolder' | 'informantSheet' | 'saveCopy' | 'mergeCopy' | 'recording';

/** What the program hosting the core provides: Electron, the browser-mode server, a team server, or nothing (CLI, tests). */
export interface Host {
  readonly kind: 'electron' | 'browser' | 'cli' | 'server';
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
  /** How long, in all, an action waits for another process's write before the user is told the project is busy (src/api/busy.ts). */
  readonly busyPatienceMs?: number;
  /** Where projects are kept; by default the one chosen in src/store/backends.ts. */
  readonly backend?: ProjectBackend;
}

export interface SessionOpenOptions {
  /** Create a new project; refused when the file exists. */
  readonly create?: boolean;
  /** Name of a new project. */
  readonly name?: string;
  /** Open for reading only, as the user asked. */
  readonly readOnly?: boolean;
}

const say = defineMessages({
  en: { noProject: 'No project is open. Open a *.tematik file or create a new project first.' },
  id: { noProject: 'Belum ada proyek yang dibuka. Buka berkas *.tematik atau buat proyek baru dahulu.' },
});

/** How the lock names the program holding a project, for the second opener's message. */
const LOCK_APP: Readonly<Record<Host['kind'], LockApp>> = { electron: 'window', browser: 'server', cli: 'cli', server: 'server' };

/** The one project a window (or CLI run, or browser-mode server) has open. */
export class Session {
  private current: OpenProject | null = null;
  /** Counts openings and closings, so a retried action can tell that the project changed under it. */
  private openings = 0;
  /** The project just opened still wants its daily backup: made by `backUpForToday`, after the opening has been answered. */
  private backupDue = false;
  /** Whether who is coding the open project was chosen (remembered on this machine, or `setCoder`). */
  coderChosen = false;
  /** Blind mode: the coding views show only the current coder's codings (remembered on this machine for the project). */
  blind = false;

  readonly host: Host;
  private readonly backend: ProjectBackend;

  constructor(readonly options: SessionOptions) {
    this.host = options.host ?? { kind: 'cli' };
    this.backend = options.backend ?? projectBackend(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  }

  /** The open project as a whole: where it is, whether it may be written, who is coding. */
  get project(): OpenProject {
    if (!this.current) throw new TematikError('no_project', say('noProject'));
    return this.current;
  }

  /** The open project behind the store interface: what the handlers use (src/store/project-data.ts). */
  get data(): ProjectData {
    return this.project.data;
  }

  /** The SQLite file behind the open project, for tests and benchmarks that look into it; lint keeps the app on `data`. */
  get store(): ReturnType<typeof sqliteStoreOf> {
    return sqliteStoreOf(this.project);
  }

  get isOpen(): boolean {
    return this.current !== null;
  }

  /**
   * Opens a project in place of the current one, which stays open if this fails. Reopening the
   * project this session writes lets go of it first: our own lock would refuse us.
   */
  async open(file: string, options: SessionOpenOptions = {}): Promise<OpenProject> {
    if (!options.create && this.current && this.current.readOnly === null && sameFile(this.current.file, file)) this.close();
    const opener = { coder: this.options.coder, app: LOCK_APP[this.host.kind] };
    const next = options.create ? await this.backend.create(file, options.name, opener)
      : options.readOnly ? await this.backend.readOnly(file, opener) : await this.backend.open(file, opener);
    this.close();
    this.current = next;
    this.openings++;
    // In the app, a copy made for another coder opens as that coder until this computer is told otherwise (src/team/make-copy.ts);
    // the command line keeps the coder it was given (--coder, TEMATIK_CODER).
    const remembered = rememberedCoder(this.host.dataDir, next.projectGuid()) ?? (this.host.dataDir !== undefined ? next.copyCoder() : undefined);
    if (remembered !== undefined) next.actAs(remembered);
    this.coderChosen = remembered !== undefined;
    this.blind = rememberedBlind(this.host.dataDir, next.projectGuid());
    this.backupDue = true;
    return next;
  }

  /** Whether the project opened last has not yet had its chance at the daily backup (`backUpForToday`). */
  get backupPending(): boolean {
    return this.backupDue && this.current !== null;
  }

  /**
   * Makes the day's backup of the project just opened, if it is due (src/store/backup.ts says when).
   * Not part of opening: `VACUUM INTO` of a big project takes a good part of a second, which the first
   * screen should not wait for. The worker host runs it as the writer's job once the first screen's
   * reads are answered; the local client right after the opening action. A failure is no error:
   * it is returned as the notice the user is told, and is also among the project's notices.
   */
  async backUpForToday(): Promise<LocalizedText | null> {
    if (!this.backupPending) return null;
    this.backupDue = false;
    return this.project.backUpForToday();
  }

  /** "Who is coding?": changes are recorded under `name` from now on, and this machine remembers the answer for the project. */
  setCoder(name: string): void {
    this.project.actAs(name);
    this.coderChosen = true;
    rememberCoder(this.host.dataDir, this.project.projectGuid(), name);
  }

  /** Turns blind mode on or off for the open project, remembered on this machine. */
  setBlind(blind: boolean): void {
    this.blind = blind;
    rememberBlind(this.host.dataDir, this.project.projectGuid(), blind);
  }

  /**
   * Closes the open project, if any. The promise settles when another opener may write it (a team
   * project's lock is let go of over the network): awaited only by a caller that opens or deletes it next.
   */
  close(): Promise<void> {
    this.backupDue = false;
    this.blind = false;
    if (this.current) this.openings++;
    const closed = this.current?.close() ?? Promise.resolve();
    this.current = null;
    return closed;
  }

  /** Changes when anything is committed or another project is opened: what a busy retry must not repeat. */
  get writeMark(): string {
    return `${this.openings}:${this.current?.committed ?? 0}`;
  }

  /**
   * What the user is told about a failure that is not a bug; null for a bug. A file found damaged
   * by an action is made read-only at once, so nothing more is written into it.
   */
  failure(error: unknown): TematikError | null {
    return this.current ? this.current.failure(error) : this.backend.failure(error);
  }

  /** Whether the failure is a moment's contention worth trying again (src/api/busy.ts). */
  isBusy(error: unknown): boolean {
    return this.backend.isBusy(error);
  }
}

function sameFile(a: string, b: string): boolean {
  try {
    return fs.realpathSync(a) === fs.realpathSync(b);
  } catch {
    return path.resolve(a) === path.resolve(b);
  }
}

/** What every handler gets besides its arguments. */
export interface Context {
  readonly session: Session;
  /** Reports progress of a long action; a no-op where nobody listens. */
  readonly progress: (progress: Progress) => void;
}
