import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type pg from 'pg';
import { TematikError } from '../../domain/errors';
import { joinText } from '../../domain/text';
import { refreshSearchIndex } from '../../search/indexer';
import { searchWith, type SearchOptions } from '../../search/search';
import { refusal } from '../access-messages';
import { withoutDailyBackups } from '../backup';
import type { OpenProject, Opener, ProjectBackend } from '../backend';
import type { ProjectData, ProjectReader } from '../project-data';
import type { ProjectStore } from '../project-store';
import { sqliteBackend, sqliteStoreOf } from '../sqlite/backend';
import { startCapture, takeCaptured, writeChange } from './capture';
import { buildImage, removeImage } from './image';
import { lockProject, unlockProject } from './lock';
import { say } from './messages';
import { mirroredTables, readMeta, type Meta, type MirroredTable } from './mirror-schema';
import { ident, projectIdOf, schemaOf, teamName } from './names';
import { writeProject } from './publish';
import { inTransactionOn } from './transaction';
import { ensureSearchIndex, replaceSearchRows, startSearchCapture, takeReindexed } from './search-index';
import { postgresMatcher } from './search-query';

export interface PostgresBackendOptions {
  /** The team server's database. Each open project holds one connection of it (its lock, and its writes). */
  readonly pool: pg.Pool;
  /** Where the working images are kept: a folder of the server's own. */
  readonly cacheDir: string;
  /** better-sqlite3 binary for a runtime other than Node. */
  readonly nativeBinding?: string;
}

/** Every group of reads and writes a ProjectData has: listed so that a new group fails to compile until it is guarded here too. */
const GROUPS: Readonly<Record<keyof ProjectReader, true>> = {
  codes: true, codings: true, documents: true, informants: true, memos: true, themes: true, themeLinks: true, map: true,
  comments: true, phases: true, redactions: true, deid: true, coders: true, project: true, analysis: true, search: true,
  reports: true, exchange: true, agreement: true, recordings: true, reviews: true,
};

/** What a team project's image is kept as in the cache folder. */
interface ImageFiles {
  readonly image: string;
  /** Written when the project is closed cleanly: the `_meta` writing and seq the image is at, so the next opening may reuse it. */
  readonly stamp: string;
}

const stampOf = (meta: Meta) => `${meta.generation}:${meta.seq}`;

/**
 * An open team project: its working image run by the SQLite store, and every change written
 * through to PostgreSQL before it resolves. Write-capable calls (change, undo, redo, mergeCopy) run
 * one at a time in this project's own queue: the rows each one wrote are taken from the image as soon
 * as it has committed and are in PostgreSQL, in one transaction, before the next one starts. If that
 * fails the image is thrown away and this opening refuses everything from then on; the next opening
 * builds the image again from what PostgreSQL has, so nothing acknowledged is lost and nothing
 * unacknowledged is kept.
 */
class TeamProject implements OpenProject {
  readonly data: ProjectData;
  private broken: TematikError | null = null;
  private closed = false;
  /** Write-through calls running now (0 or 1: they queue). */
  private writing = 0;
  private tail: Promise<unknown> = Promise.resolve();
  /** Settles when the lock is let go of: what close() returns, so a caller may wait for it (dropProject, say). */
  private letGoOf: Promise<void> = Promise.resolve();
  private readonly store: ProjectStore;
  private readonly schema: string;

  constructor(
    private readonly inner: OpenProject,
    private readonly client: pg.Client,
    /** For searches, which run in PostgreSQL on connections other than `client`. */
    private readonly pool: pg.Pool,
    private readonly projectId: number,
    private meta: Meta,
    private readonly tables: readonly MirroredTable[],
    private readonly files: ImageFiles,
    private readonly released: (done: Promise<void>) => Promise<void>,
  ) {
    this.store = sqliteStoreOf(inner);
    this.schema = schemaOf(projectId);
    this.data = this.wrap(inner.data);
  }

  get file(): string {
    return teamName(this.projectId);
  }

  /** The working image's store, for `imageStoreOf`. */
  get image(): ProjectStore {
    return this.store;
  }

  get readOnly() {
    return this.inner.readOnly;
  }

  get committed(): number {
    return this.inner.committed;
  }

  get coder(): string {
    return this.inner.coder;
  }

  actAs(name: string): void {
    this.inner.actAs(name);
  }

  projectGuid(): string {
    return this.inner.projectGuid();
  }

  copyCoder(): string | undefined {
    return this.inner.copyCoder();
  }

  /** A server's backups are PostgreSQL's (pg_dump), not daily copies of the image. */
  async backUpForToday() {
    return null;
  }

  failure(error: unknown) {
    if (error instanceof TematikError) return error;
    return this.inner.failure(error);
  }

  close(): Promise<void> {
    if (this.closed) return this.letGoOf;
    this.closed = true;
    if (this.broken) return this.letGoOf;
    // A write still on its way to PostgreSQL finishes first: its rows are read from the image as they are sent.
    this.letGoOf = this.released(this.writing === 0 ? this.letGo() : this.tail.then(() => (this.broken ? undefined : this.letGo())));
    return this.letGoOf;
  }

  private letGo(): Promise<void> {
    // Rows written outside the write-through calls were never acknowledged: such an image is not reused.
    const leftover = takeCaptured(this.store.db, this.tables);
    // The closing checkpoint reaches the disk before the stamp says the image may be reused.
    this.store.db.pragma('synchronous = NORMAL');
    this.inner.close();
    if (!leftover) fs.writeFileSync(this.files.stamp, stampOf(this.meta));
    return unlockProject(this.client);
  }

  private usable(): void {
    if (this.broken) throw new TematikError('io', say('closedAfterFailure', { id: this.projectId }));
    if (this.closed) throw new Error(`Team project ${this.projectId} was used after it was closed`);
  }

  /** Runs a call that may write, then writes what it wrote to PostgreSQL; a call that failed may have written too (undo adds its coder first). */
  private writeThrough<T>(run: () => Promise<T>): Promise<T> {
    const job = this.tail.then(async () => {
      this.usable();
      this.writing++;
      try {
        let outcome: { ok: true; value: T } | { ok: false; error: unknown };
        try {
          outcome = { ok: true, value: await run() };
        } catch (error) {
          outcome = { ok: false, error };
        }
        await this.flush();
        if (!outcome.ok) throw outcome.error;
        return outcome.value;
      } finally {
        this.writing--;
      }
    });
    this.tail = job.catch(() => undefined);
    return job;
  }

  /**
   * Writes the captured rows in one PostgreSQL transaction, with the next seq (capture.ts writeChange), and in the same
   * transaction the search units of every transcript, memo and code whose units were made again.
   */
  private async flush(): Promise<void> {
    const { db } = this.store;
    // Changes bring the image's index up to date as they commit; one that did not (none should) is brought up to date here, so PostgreSQL's units are never behind.
    refreshSearchIndex(db);
    const reindexed = takeReindexed(db);
    const captured = takeCaptured(db, this.tables);
    if (!captured && reindexed.length === 0) return;
    try {
      const searchRows = reindexed.length > 0 ? (client: pg.ClientBase) => replaceSearchRows(client, this.schema, db, reindexed) : undefined;
      this.meta = { ...this.meta, seq: await writeChange(this.client, this.schema, db, captured, searchRows) };
    } catch (error) {
      throw this.discard(error);
    }
  }

  /** Throws the image away and lets go of the project: what PostgreSQL has is the project. */
  private discard(error: unknown): TematikError {
    const detail = error instanceof Error ? error.message : String(error);
    // A value PostgreSQL cannot hold is the user's to fix; anything else is the database's failure.
    this.broken = error instanceof TematikError && error.text
      ? new TematikError(error.kind, joinText([error.text, say('notKept', { id: this.projectId })], ' '))
      : new TematikError('io', say('writeFailed', { id: this.projectId, detail }));
    // Closed meanwhile: the closing waits for this write, and lets go of nothing now that this does.
    this.closed = true;
    this.inner.close();
    removeImage(this.files.image);
    fs.rmSync(this.files.stamp, { force: true });
    // The connection may be what failed: then it is closed, which ends the lock with it.
    this.letGoOf = this.released(unlockProject(this.client));
    return this.broken;
  }

  private wrap(data: ProjectData): ProjectData {
    const guard = <A extends unknown[], R>(fn: (...args: A) => R) => (...args: A): R => {
      this.usable();
      return fn(...args);
    };
    const groups = Object.fromEntries(Object.keys(GROUPS).map((name) => {
      const group = data[name as keyof ProjectReader] as unknown as Record<string, unknown>;
      return [name, Object.fromEntries(Object.entries(group).map(([key, value]) =>
        [key, typeof value === 'function' ? guard(value as (...args: unknown[]) => unknown) : value]))];
    })) as unknown as ProjectReader;
    const location = this.file;
    return {
      ...groups,
      // Matched in PostgreSQL; the keyword-in-context lines are cut from the image, which holds the same rows.
      search: { ...groups.search, query: guard((options: SearchOptions) => searchWith(this.store.db, options, postgresMatcher(this.pool, this.schema, this.store.db))) },
      // The project is where the team server says it is, not in its cache folder.
      project: { ...groups.project, info: async () => ({ ...(await groups.project.info()), path: location }) },
      location,
      get coder() {
        return data.coder;
      },
      change: (record, body, summarise) => this.writeThrough(() => data.change(record, body, summarise)),
      read: guard(data.read),
      history: guard(data.history),
      undo: () => this.writeThrough(() => data.undo()),
      redo: () => this.writeThrough(() => data.redo()),
      check: guard(data.check),
      backup: guard(data.backup),
      notify: guard(data.notify),
      copyForCoder: guard(data.copyForCoder),
      shareDeidentified: guard(data.shareDeidentified),
      mergePlan: guard(data.mergePlan),
      mergeCopy: (copy, fileName, resolutions, language) => this.writeThrough(() => data.mergeCopy(copy, fileName, resolutions, language)),
    };
  }
}

/** A team project opened to read only: a snapshot image of its own, deleted when closed. */
class SnapshotProject implements OpenProject {
  readonly data: ProjectData;
  constructor(private readonly inner: OpenProject, private readonly projectId: number, private readonly image: string) {
    const data = inner.data;
    const location = teamName(projectId);
    this.data = Object.create(data, {
      location: { value: location },
      project: { value: { ...data.project, info: async () => ({ ...(await data.project.info()), path: location }) } },
    }) as ProjectData;
  }

  get file() { return teamName(this.projectId); }
  get readOnly() { return this.inner.readOnly; }
  get committed() { return this.inner.committed; }
  get coder() { return this.inner.coder; }
  actAs(name: string) { this.inner.actAs(name); }
  projectGuid() { return this.inner.projectGuid(); }
  copyCoder() { return this.inner.copyCoder(); }
  async backUpForToday() { return null; }
  failure(error: unknown) { return error instanceof TematikError ? error : this.inner.failure(error); }
  close() {
    this.inner.close();
    removeImage(this.image);
    return Promise.resolve();
  }
}

/**
 * Team projects kept in PostgreSQL (src/store/postgres), named `team:<id>`. Opening one takes its
 * advisory lock (a second server process is refused), builds its working image in `cacheDir` (or
 * reuses the image a clean close left, when PostgreSQL has had no change since), and opens the image
 * with the SQLite store; the project's data then writes through (see TeamProject).
 */
export function postgresBackend({ pool, cacheDir, nativeBinding }: PostgresBackendOptions): ProjectBackend {
  const files = sqliteBackend(nativeBinding ? { nativeBinding } : {});
  /** Closings whose lock is still being let go: an opening of the same project waits for them. */
  const releasing = new Map<number, Promise<void>>();
  const filesOf = (projectId: number): ImageFiles => {
    const image = path.join(cacheDir, `project-${projectId}.tematik`);
    return { image, stamp: `${image}.stamp` };
  };
  const idOf = (name: string) => {
    const projectId = projectIdOf(name);
    if (projectId === null) throw new TematikError('not_found', say('notTeamName', { name }));
    return projectId;
  };

  /** The image at `_meta`'s state: the one a clean close left if PostgreSQL is still there, else built anew. */
  async function currentImage(client: pg.ClientBase, projectId: number, at: ImageFiles): Promise<Meta> {
    const meta = await readMeta(client, schemaOf(projectId));
    if (!meta) throw new TematikError('not_found', say('noProject', { id: projectId }));
    let stamp: string | null = null;
    try {
      stamp = fs.readFileSync(at.stamp, 'utf8');
    } catch {
      // No clean close since the last build.
    }
    // From here until the next clean close the image may be ahead of PostgreSQL (a change not yet written through).
    fs.rmSync(at.stamp, { force: true });
    if (stamp === stampOf(meta) && fs.existsSync(at.image)) return meta;
    return buildImage(client, projectId, at.image);
  }

  async function open(name: string, opener: Opener): Promise<OpenProject> {
    const projectId = idOf(name);
    await releasing.get(projectId);
    fs.mkdirSync(cacheDir, { recursive: true });
    const at = filesOf(projectId);
    const client = await lockProject(pool, projectId);
    let inner: OpenProject | null = null;
    try {
      let meta = await currentImage(client, projectId, at);
      inner = await files.open(at.image, opener);
      if (inner.readOnly !== null) {
        // An image that cannot be written here (a damaged cache file, a full disk) is made again once.
        const reason = inner.readOnly;
        inner.close();
        inner = null;
        meta = await buildImage(client, projectId, at.image);
        inner = await files.open(at.image, opener);
        if (inner.readOnly !== null) throw new TematikError('read_only', refusal(reason, at.image));
      }
      const store = sqliteStoreOf(inner);
      withoutDailyBackups(store);
      const { db } = store;
      // The image is not the record: after a crash it has no stamp and is built again. So no fsync while it is open
      // (a checkpoint's would stall every coder's action); letGo syncs it before its stamp is written.
      db.pragma('synchronous = OFF');
      // Opening wrote rows (migrations to this version's format, a damaged undo history cleared): the whole project is written again.
      const wrote = (db.prepare('SELECT total_changes()').pluck().get() as number) > 0;
      if (wrote || db.pragma('user_version', { simple: true }) !== meta.userVersion) meta = await rewrite(client, projectId, db, meta);
      await ensureSearchIndex(client, schemaOf(projectId), db);
      const tables = mirroredTables(db);
      startCapture(db, tables);
      startSearchCapture(db);
      const done = (release: Promise<void>) => {
        const settled = release.catch(() => undefined).finally(() => {
          if (releasing.get(projectId) === settled) releasing.delete(projectId);
        });
        releasing.set(projectId, settled);
        return settled;
      };
      return new TeamProject(inner, client, pool, projectId, meta, tables, at, done);
    } catch (error) {
      inner?.close();
      await unlockProject(client);
      throw error;
    }
  }

  return {
    create: async (name) => {
      throw new TematikError('bad_input', say('noCreate', { name }));
    },
    open,
    async readOnly(name, opener) {
      const projectId = idOf(name);
      fs.mkdirSync(cacheDir, { recursive: true });
      const image = path.join(cacheDir, `project-${projectId}.read-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.tematik`);
      const client = await pool.connect();
      try {
        await buildImage(client, projectId, image);
      } finally {
        client.release();
      }
      try {
        return new SnapshotProject(await files.readOnly(image, opener), projectId, image);
      } catch (error) {
        removeImage(image);
        throw error;
      }
    },
    failure: (error) => (error instanceof TematikError ? error : files.failure(error)),
    isBusy: files.isBusy,
  };
}

/** The working image behind an open team project, for tests that look into its rows as `sqliteStoreOf` does into a file. */
export function imageStoreOf(project: OpenProject): ProjectStore {
  if (!(project instanceof TeamProject)) throw new Error(`${project.file} is not an open team project`);
  return project.image;
}

/** Writes the whole project again in one transaction, as the image now has it (a newer format after migrating). */
async function rewrite(client: pg.ClientBase, projectId: number, db: Database.Database, meta: Meta): Promise<Meta> {
  return inTransactionOn(client, async () => {
    await client.query(`DROP SCHEMA ${ident(schemaOf(projectId))} CASCADE`);
    return writeProject(client, projectId, db, meta.seq + 1n);
  });
}
