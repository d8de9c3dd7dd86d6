import fs from 'node:fs';
import path from 'node:path';
import { TematikError } from '../domain/errors';
import { defineMessages, type LocalizedText } from '../domain/text';
import type { Progress } from '../domain/types';
import { failureOf, isCorrupt } from '../store/failures';
import type { LockApp } from '../store/lock';
import { dailyBackup } from '../store/backup';
import type { ProjectData } from '../store/project-data';
import { ProjectStore } from '../store/project-store';
import { projectData } from '../store/sqlite/project-data';
import { rememberBlind, rememberCoder, rememberedBlind, rememberedCoder } from './remembered-coders';

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
  /** How long, in all, an action waits for another process's write before the user is told the project is busy (src/api/busy.ts). */
  readonly busyPatienceMs?: number;
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
const LOCK_APP: Readonly<Record<Host['kind'], LockApp>> = { electron: 'window', browser: 'server', cli: 'cli' };

/** The one project a window (or CLI run, or browser-mode server) has open. */
export class Session {
  private current: ProjectStore | null = null;
  /** Counts openings and closings, so a retried action can tell that the project changed under it. */
  private openings = 0;
  /** The project just opened still wants its daily backup: made by `backUpForToday`, after the opening has been answered. */
  private backupDue = false;
  /** Whether who is coding the open project was chosen (remembered on this machine, or `setCoder`). */
  coderChosen = false;
  /** Blind mode: the coding views show only the current coder's codings (remembered on this machine for the project). */
  blind = false;

  readonly host: Host;

  constructor(readonly options: SessionOptions) {
    this.host = options.host ?? { kind: 'cli' };
  }

  get store(): ProjectStore {
    if (!this.current) throw new TematikError('no_project', say('noProject'));
    return this.current;
  }

  /** The open project behind the store interface: what the handlers use (src/store/project-data.ts). */
  get data(): ProjectData {
    return projectData(this.store);
  }

  get isOpen(): boolean {
    return this.current !== null;
  }

  /**
   * Opens a project in place of the current one, which stays open if this fails. Reopening the
   * project this session writes lets go of it first: our own lock would refuse us.
   */
  open(file: string, options: SessionOpenOptions = {}): ProjectStore {
    if (!options.create && this.current && this.current.readOnly === null && sameFile(this.current.file, file)) this.close();
    const next = ProjectStore.open(file, this.options.coder, {
      ...(options.create ? { create: true } : {}), ...(options.name ? { name: options.name } : {}), ...(options.readOnly ? { readOnly: true } : {}),
      ...(this.options.nativeBinding ? { nativeBinding: this.options.nativeBinding } : {}), app: LOCK_APP[this.host.kind],
    });
    this.close();
    this.current = next;
    this.openings++;
    const remembered = rememberedCoder(this.host.dataDir, next.projectGuid());
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
  backUpForToday(): LocalizedText | null {
    if (!this.backupPending) return null;
    this.backupDue = false;
    return dailyBackup(this.store).failure;
  }

  /** "Who is coding?": changes are recorded under `name` from now on, and this machine remembers the answer for the project. */
  setCoder(name: string): void {
    this.store.actAs(name);
    this.coderChosen = true;
    rememberCoder(this.host.dataDir, this.store.projectGuid(), name);
  }

  /** Turns blind mode on or off for the open project, remembered on this machine. */
  setBlind(blind: boolean): void {
    this.blind = blind;
    rememberBlind(this.host.dataDir, this.store.projectGuid(), blind);
  }

  close(): void {
    this.backupDue = false;
    this.blind = false;
    if (this.current) this.openings++;
    this.current?.close();
    this.current = null;
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
    const store = this.current;
    const failure = failureOf(error, store?.file ?? null);
    if (store && failure?.text && isCorrupt(error)) store.markDamaged(failure.text);
    return failure;
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
