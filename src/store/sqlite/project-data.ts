import { runImport } from '../../import/batch';
import { writeCodebookPlan } from '../../refi/codebook';
import { writeProjectPlan } from '../../refi/write-project';
import { createBackup } from '../backup';
import { integrityCheck } from '../integrity';
import { damagedNotice } from '../open';
import type { ProjectData, ProjectReader, ProjectTransaction } from '../project-data';
import type { ProjectStore } from '../project-store';
import { sqliteOperations } from './repositories';
import { gated, Turns } from './turns';

/** The store interface on one open SQLite project file. */
class SqliteProjectData implements ProjectData {
  private readonly turns = new Turns();
  /** The operations themselves: what a change's body and a snapshot read are given. */
  private readonly operations: ProjectTransaction;

  readonly codes; readonly codings; readonly documents; readonly informants; readonly memos; readonly themes; readonly themeLinks;
  readonly map; readonly comments; readonly phases; readonly redactions; readonly project; readonly analysis; readonly search;
  readonly reports; readonly exchange;

  constructor(private readonly store: ProjectStore) {
    this.operations = sqliteOperations(store);
    // Outside a change each operation is a read of its own, held back while a transaction is open.
    const read = <T extends object>(group: T): T => gated(group, this.turns);
    const o = this.operations;
    this.codes = read(o.codes); this.codings = read(o.codings); this.documents = read(o.documents); this.informants = read(o.informants);
    this.memos = read(o.memos); this.themes = read(o.themes); this.themeLinks = read(o.themeLinks); this.map = read(o.map);
    this.comments = read(o.comments); this.phases = read(o.phases); this.redactions = read(o.redactions); this.project = read(o.project);
    this.analysis = read(o.analysis); this.search = read(o.search); this.reports = read(o.reports); this.exchange = read(o.exchange);
  }

  get location(): string {
    return this.store.file;
  }

  get coder(): string {
    return this.store.coder;
  }

  change<T>(record: Parameters<ProjectData['change']>[0], body: (tx: ProjectTransaction) => Promise<T>): Promise<T> {
    return this.turns.transaction(() => this.store.changeAsync(record, () => body(this.operations)));
  }

  read<T>(body: (reader: ProjectReader) => Promise<T>): Promise<T> {
    const { db } = this.store;
    return this.turns.transaction(async () => {
      // A deferred transaction: SQLite (WAL) keeps its snapshot from the first read to the end.
      db.exec('BEGIN');
      try {
        return await body(this.operations);
      } finally {
        if (db.inTransaction) db.exec('COMMIT');
      }
    });
  }

  history(): Promise<ReturnType<ProjectStore['history']>> {
    return this.turns.read(async () => this.store.history());
  }

  undo(): Promise<string> {
    return this.turns.transaction(async () => this.store.undo());
  }

  redo(): Promise<string> {
    return this.turns.transaction(async () => this.store.redo());
  }

  check(): ReturnType<ProjectData['check']> {
    return this.turns.read(async () => {
      const report = integrityCheck(this.store.db);
      if (!report.ok) this.store.markDamaged(damagedNotice(this.store.file, report));
      return report;
    });
  }

  backup(): ReturnType<ProjectData['backup']> {
    return this.turns.read(async () => createBackup(this.store.db, this.store.file));
  }

  notify(notice: Parameters<ProjectData['notify']>[0]): void {
    this.store.notices.push(notice);
  }

  // Batch jobs make their own changes, each whole between awaits: queued so no change of ours opens midway.
  importDocuments(...[plan, options]: Parameters<ProjectData['importDocuments']>): ReturnType<ProjectData['importDocuments']> {
    return this.turns.queue(() => runImport(this.store, plan, options));
  }

  importProject(...[plan, fileName, language]: Parameters<ProjectData['importProject']>): ReturnType<ProjectData['importProject']> {
    return this.turns.queue(async () => writeProjectPlan(this.store, plan, fileName, language));
  }

  importCodebook(...[plan, fileName, options]: Parameters<ProjectData['importCodebook']>): ReturnType<ProjectData['importCodebook']> {
    return this.turns.queue(async () => writeCodebookPlan(this.store, plan, fileName, options));
  }
}

const opened = new WeakMap<ProjectStore, ProjectData>();

/** The store interface of an open project: one per store, so every caller shares its queue. */
export function projectData(store: ProjectStore): ProjectData {
  let data = opened.get(store);
  if (!data) opened.set(store, (data = new SqliteProjectData(store)));
  return data;
}
