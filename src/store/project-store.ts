import Database from 'better-sqlite3';
import type { CoderId } from '../domain/ids';
import { TematikError } from '../domain/errors';
import type { LocalizedText } from '../domain/text';
import type { HistoryState, ProjectInfo, ReadOnlyReason } from '../domain/types';
import { refreshSearchIndex } from '../search/indexer';
import { refusal } from './access-messages';
import { dailyBackup } from './backup';
import { insertCoder } from './coders';
import { restoreOwnTriggers } from './triggers';
import { beginStep, checkHistoryOnOpen, clash, endStep, nothingTo, peek, replay, undoTurnedOff, type Direction, type Step } from './history';
import type { LockApp, ProjectLock } from './lock';
import { takeOpeningNotes } from './migrations/opening-notes';
import { openProject, type OpenOptions } from './open';
import { projectInfo } from './project';

/** What an action records about itself. */
export interface ActionRecord {
  /** Contract name, e.g. "codings.apply". */
  readonly action: string;
  /** Human summary for the audit trail and the undo menu, e.g. 'Apply code "trust" to P-01'. */
  readonly summary: string;
  readonly args: unknown;
  /** False for actions that are not undone one by one (imports are removed by deleting the document). */
  readonly undoable?: boolean;
}

/** An action whose transaction is open. */
interface OpenAction {
  readonly record: ActionRecord;
  readonly coderId: CoderId;
  readonly undoable: boolean;
}

/** How long the user must pause before the WAL is folded back into the file. */
const IDLE_CHECKPOINT_MS = 1000;

/** An open project file: the database plus the rules every change goes through. */
export class ProjectStore {
  private readonly coders = new Map<string, CoderId>();
  private readonly checkpoint = setTimeout(() => {
    // Not inside a transaction that spans awaits (an import's): SQLite refuses, and its commit sets the timer again.
    if (this.db.open && this.readOnly === null && !this.db.inTransaction) this.db.pragma('wal_checkpoint(PASSIVE)');
  }, IDLE_CHECKPOINT_MS).unref();

  /** Transactions committed through this store: a busy action is tried again only if it committed none (src/api/busy.ts). */
  committed = 0;

  /** Null when this store may write; otherwise why it may not. */
  readOnly: ReadOnlyReason | null = null;
  /** What the user must be told about this opening, shown once by the window that opened it. */
  readonly notices: LocalizedText[] = [];
  /** False when the project's history was found damaged and could not be cleared (read-only). */
  private undoAvailable = true;

  /**
   * @param coder who makes the changes made through this store, until `actAs` names another
   * @param lock held while open for writing; null when read-only
   */
  private constructor(readonly db: Database.Database, readonly file: string, private currentCoder: string, private lock: ProjectLock | null) {}

  /** Who makes the changes made through this store ("who is coding?"). */
  get coder(): string {
    return this.currentCoder;
  }

  /** Records the changes from now on under `name`: undo and redo then take back that coder's own steps. */
  actAs(name: string): void {
    this.currentCoder = name;
  }

  /** The project's own GUID (migration 002): the same in every copy of it. */
  projectGuid(): string {
    return this.db.prepare('SELECT guid FROM project WHERE id = 1').pluck().get() as string;
  }

  /** Forgets which row each coder name is, after a coder was renamed. */
  forgetCoders(): void {
    this.coders.clear();
  }

  /** Opens for writing when it can, else read-only with the reason and notices (src/store/open.ts); then checks the undo history. */
  static open(file: string, coder: string, options: Omit<OpenOptions, 'owner'> & { readonly app?: LockApp } = {}): ProjectStore {
    const { app = 'cli', ...rest } = options;
    const opened = openProject(file, { ...rest, owner: { coder, app } });
    const store = new ProjectStore(opened.db, file, coder, opened.lock);
    store.readOnly = opened.readOnly;
    store.notices.push(...opened.notices, ...takeOpeningNotes(store.db));
    try {
      if (store.readOnly === null && !store.db.readonly) {
        const replaced = restoreOwnTriggers(store.db);
        if (replaced) store.notices.push(replaced);
      }
      store.checkHistory();
    } catch (error) {
      store.close();
      throw error;
    }
    return store;
  }

  /** The project's details with this store's access and opening notices. */
  info(): ProjectInfo {
    return projectInfo(this.db, this.file, { readOnly: this.readOnly, notices: this.notices });
  }

  /** The coder row for a name (default: this store's coder), created on first use so audit rows and codings always name a person. */
  coderId(name: string = this.coder): CoderId {
    const known = this.coders.get(name);
    if (known !== undefined) return known;
    const row = this.db.prepare('SELECT id FROM coders WHERE name = ?').pluck().get(name) as number | undefined;
    const id = (row ?? insertCoder(this.db, name)) as CoderId;
    this.coders.set(name, id);
    return id;
  }

  /**
   * Runs one user action as one transaction, with its audit row and (by default) an undo step.
   * For a body that never awaits (tests and benchmarks that set a file up directly); the app changes
   * the project through the store interface (src/store/project-data.ts), which uses `changeAsync`.
   */
  change<T>(record: ActionRecord, body: () => T): T {
    const action = this.begin(record);
    try {
      const result = body();
      this.commit(action);
      return result;
    } catch (error) {
      this.rollBack();
      throw error;
    }
  }

  /**
   * `change` for a body that awaits. Nothing else may use the connection until it settles: the
   * SQLite store interface queues its changes and holds back its reads meanwhile (src/store/sqlite/turns.ts).
   * `summarise`, if given, gives the summary and arguments of the undo step and audit row from the
   * body's result, in place of `record`'s.
   */
  async changeAsync<T>(record: ActionRecord, body: () => Promise<T>, summarise?: (result: T) => Pick<ActionRecord, 'summary' | 'args'>): Promise<T> {
    const action = this.begin(record);
    try {
      const result = await body();
      // An action that learns what it did as it runs (an import counts the files it stored) names it at the end.
      this.commit(summarise ? { ...action, record: { ...record, ...summarise(result) } } : action, summarise !== undefined);
      return result;
    } catch (error) {
      this.rollBack();
      throw error;
    }
  }

  /** Opens the action's immediate transaction and its undo step. */
  private begin(record: ActionRecord): OpenAction {
    this.assertWritable();
    // A transaction already open is another action's still running: joining it would make two actions one.
    if (this.db.inTransaction) throw new Error(`"${record.action}" began while another action's transaction was still open`);
    dailyBackup(this);
    // No step goes into a history found damaged and left as it was (see checkHistory).
    const undoable = record.undoable !== false && this.undoAvailable;
    this.db.exec('BEGIN IMMEDIATE');
    try {
      // Inside the transaction: a cancelled or failed first action leaves no coder row behind (rollBack forgets the id).
      const coderId = this.coderId();
      if (undoable) beginStep(this.db, record.summary, record.action, coderId);
      return { record, coderId, undoable };
    } catch (error) {
      this.rollBack();
      throw error;
    }
  }

  private commit({ record, coderId, undoable }: OpenAction, relabel = false): void {
    try {
      // The search index follows the data in the same transaction, so it is never stale.
      refreshSearchIndex(this.db);
      this.audit(coderId, record.action, record.summary, record.args);
      if (undoable) endStep(this.db, relabel ? record.summary : undefined);
      this.db.exec('COMMIT');
    } catch (error) {
      this.rollBack();
      throw error;
    }
    this.committed++;
    this.checkpoint.refresh();
  }

  /** The undo step's capture mark goes back with the rest, and so do coder rows made inside: their cached ids are forgotten. */
  private rollBack(): void {
    // A failed statement may have ended the transaction already (SQLite rolls back on some errors by itself).
    if (this.db.inTransaction) this.db.exec('ROLLBACK');
    this.coders.clear();
  }

  /** Reverts the last action; returns its summary. */
  undo(): string {
    this.assertWritable();
    const label = this.step('undo');
    this.committed++;
    return label;
  }

  /** Re-applies the last undone action; returns its summary. */
  redo(): string {
    this.assertWritable();
    const label = this.step('redo');
    this.committed++;
    return label;
  }

  /** The coder's own next undo and redo: the menu never offers another coder's step. */
  history(): HistoryState {
    const coderId = this.knownCoderId();
    const undo = this.undoAvailable && coderId !== undefined ? peek(this.db, 'undo', coderId) : undefined;
    const redo = this.undoAvailable && coderId !== undefined ? peek(this.db, 'redo', coderId) : undefined;
    return { undo: undo?.label ?? null, redo: redo?.label ?? null, undoAction: undo?.action ?? null, redoAction: redo?.action ?? null };
  }

  close(): void {
    clearTimeout(this.checkpoint);
    // Closing checkpoints the WAL into the file: only then may another writer have it.
    if (this.db.open) this.db.close();
    this.lock?.release();
    this.lock = null;
  }

  /** From now on read-only because the file turned out damaged; `notice` says what was found. */
  markDamaged(notice: LocalizedText): void {
    if (this.readOnly !== 'damaged') this.notices.unshift(notice);
    this.readOnly = 'damaged';
    this.lock?.release();
    this.lock = null;
  }

  /** Every change passes here: a read-only project refuses it, naming why and what to do. */
  private assertWritable(): void {
    if (this.readOnly === null && this.lock && !this.lock.stillHeld()) {
      // Taken over while this process was asleep: someone else writes it now.
      this.lock = null;
      this.readOnly = 'locked';
    }
    if (this.readOnly !== null) throw new TematikError('read_only', refusal(this.readOnly, this.file));
  }

  private step(direction: Direction): string {
    if (!this.undoAvailable) throw undoTurnedOff();
    const coderId = this.coderId();
    let step: Step | undefined;
    try {
      this.db.transaction(() => {
        step = peek(this.db, direction, coderId);
        if (!step) throw nothingTo(direction);
        replay(this.db, step, direction, coderId);
        refreshSearchIndex(this.db);
        this.audit(coderId, direction, `${direction === 'undo' ? 'Undo' : 'Redo'}: ${step.label}`, { step: step.id });
      }).immediate();
    } catch (error) {
      // A parent removed or a name taken since fails a constraint, at latest when the deferred keys are checked at commit.
      if (step && error instanceof Database.SqliteError && error.code.startsWith('SQLITE_CONSTRAINT')) throw clash(step, direction);
      throw error;
    }
    this.checkpoint.refresh();
    return step!.label;
  }

  /** The coder's id if the project knows them yet, without adding them (reading the history writes nothing). */
  private knownCoderId(): CoderId | undefined {
    const known = this.coders.get(this.coder);
    if (known !== undefined) return known;
    return this.db.prepare('SELECT id FROM coders WHERE name = ?').pluck().get(this.coder) as CoderId | undefined;
  }

  /** Before the project is used: a history not as Tematik keeps it is cleared, or undo turned off where the store may not write. */
  private checkHistory(): void {
    const { undoAvailable, notice } = checkHistoryOnOpen(this.db, this.readOnly === null && !this.db.readonly);
    this.undoAvailable = undoAvailable;
    if (notice) this.notices.push(notice);
  }

  private audit(coderId: CoderId, action: string, summary: string, args: unknown): void {
    this.db.prepare('INSERT INTO audit_log (at, coder_id, action, summary, args) VALUES (?, ?, ?, ?, ?)')
      .run(now(), coderId, action, summary, JSON.stringify(args ?? {}));
  }
}

/** ISO timestamp; one place so tests and audit rows agree on the format. */
export function now(): string {
  return new Date().toISOString();
}
