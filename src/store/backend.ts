/**
 * Where projects are kept: the session opens every project through a `ProjectBackend` and uses
 * only what an `OpenProject` offers, so storage is chosen in one place (src/store/backends.ts).
 * SQLite files are the one backend today (src/store/sqlite/backend.ts); a PostgreSQL team server
 * implements these two interfaces and `ProjectData`, and the session, the handlers and the
 * import writers stay as they are. Opening is asynchronous: a server is reached over the network.
 */
import type { TematikError } from '../domain/errors';
import type { LocalizedText } from '../domain/text';
import type { ReadOnlyReason } from '../domain/types';
import type { LockApp } from './lock';
import type { ProjectData } from './project-data';

/** Who opens a project, and from which kind of Tematik: the holder other openers are told about. */
export interface Opener {
  readonly coder: string;
  readonly app: LockApp;
}

/** One open project: its data (what the handlers use) and what the session does with it as a whole. */
export interface OpenProject {
  /** Reads and changes (src/store/project-data.ts). */
  readonly data: ProjectData;
  /** Where the project lives: a path (SQLite) or an address, for messages and for a reader to follow. */
  readonly file: string;
  /** Null when this opening may write; otherwise why it may not. */
  readonly readOnly: ReadOnlyReason | null;
  /** Changes committed through this opening: a busy action is tried again only if it committed none (src/api/busy.ts). */
  readonly committed: number;
  /** Who makes the changes made through this opening. */
  readonly coder: string;
  /** Records the changes from now on under `name` ("who is coding?"). */
  actAs(name: string): void;
  /** The project's own GUID: the same in every copy of it. */
  projectGuid(): string;
  /** The coder a copy for another coder was made for (src/team/make-copy.ts); undefined for any other project. */
  copyCoder(): string | undefined;
  /** Makes the day's backup if it is due; a backup that cannot be made is the notice returned (also among the project's notices). */
  backUpForToday(): Promise<LocalizedText | null>;
  /** What the user is told about a failure that is not a bug (null for a bug); a project found damaged becomes read-only at once. */
  failure(error: unknown): TematikError | null;
  /**
   * Lets go of the project: no call may use it from now on, and another opener may write it once the
   * promise resolves (at once for a file; a team project's lock is let go over the network). Never rejects.
   */
  close(): Promise<void>;
}

export interface ProjectBackend {
  /** A new, empty project named `name`; refused when one exists at `file`. */
  create(file: string, name: string | undefined, opener: Opener): Promise<OpenProject>;
  /** Opens for writing when it can, else read-only with the reason and a notice saying so. */
  open(file: string, opener: Opener): Promise<OpenProject>;
  /** Opens for reading only, as the user asked (to look, or because another window writes it). */
  readOnly(file: string, opener: Opener): Promise<OpenProject>;
  /** What the user is told about a failure with no project open (opening one, say); null for a bug. */
  failure(error: unknown): TematikError | null;
  /** Whether the failure is a moment's contention worth trying again (src/api/busy.ts). */
  isBusy(error: unknown): boolean;
}
