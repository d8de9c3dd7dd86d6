import { mergeCopy, mergePlan } from '../../team/apply';
import { writeCopyForCoder } from '../../team/make-copy';
import { shareDeidentified } from '../../deid/share';
import { createBackup } from '../backup';
import { integrityCheck } from '../integrity';
import { damagedNotice } from '../open';
import type { ProjectData, ProjectReader } from '../project-data';
import type { ProjectStore } from '../project-store';
import { sqliteOperations } from './repositories';
import { gated, Turns } from './turns';

/** The store interface on one open SQLite project file. */
function sqliteProjectData(store: ProjectStore): ProjectData {
  const turns = new Turns();
  // What a change's body and a snapshot read are given: the operations themselves.
  const operations = sqliteOperations(store);
  // Outside a change each operation is a read of its own, held back while a transaction is open.
  const reader = Object.fromEntries(Object.entries(operations).map(([name, group]) => [name, gated(group, turns)])) as unknown as ProjectReader;
  const { db } = store;

  return {
    ...reader,
    location: store.file,
    get coder() {
      return store.coder;
    },

    // An import's change stores each file while the next are read: one transaction across awaits, so reads wait as for any change.
    change: (record, body, summarise) => turns.transaction(() => store.changeAsync(record, () => body(operations), summarise)),

    read: (body) => turns.transaction(async () => {
      // A deferred transaction: SQLite (WAL) keeps its snapshot from the first read to the end.
      db.exec('BEGIN');
      try {
        return await body(operations);
      } finally {
        if (db.inTransaction) db.exec('COMMIT');
      }
    }),

    history: () => turns.read(async () => store.history()),
    undo: () => turns.transaction(async () => store.undo()),
    redo: () => turns.transaction(async () => store.redo()),

    check: () => turns.read(async () => {
      const report = integrityCheck(db);
      if (!report.ok) store.markDamaged(damagedNotice(store.file, report));
      return report;
    }),
    backup: () => turns.read(async () => createBackup(db, store.file)),
    notify: (notice) => {
      store.notices.push(notice);
    },

    // A copy is written from one snapshot (VACUUM INTO), as a backup is; a merge makes its backup and then its one
    // change, in its turn as a transaction, so no read lands between them. The merge's writing is SQLite's own
    // (src/team/apply.ts): a second backend would give these three its own.
    copyForCoder: (out, coder, keepOwn) => turns.read(async () => writeCopyForCoder(db, store.file, out, coder, keepOwn)),
    shareDeidentified: (options) => turns.read(async () => shareDeidentified(db, store.file, options)),
    mergePlan: (copy, fileName) => turns.read(async () => mergePlan(store, copy, fileName)),
    mergeCopy: (copy, fileName, resolutions, language) => turns.transaction(async () => mergeCopy(store, copy, fileName, resolutions, language)),
  };
}

const opened = new WeakMap<ProjectStore, ProjectData>();

/** The store interface of an open project: one per store, so every caller shares its queue. */
export function projectData(store: ProjectStore): ProjectData {
  let data = opened.get(store);
  if (!data) opened.set(store, (data = sqliteProjectData(store)));
  return data;
}
