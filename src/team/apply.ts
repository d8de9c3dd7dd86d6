import type Database from 'better-sqlite3';
import type { CodeId, CoderId, DocumentId, InformantId } from '../domain/ids';
import type { Language } from '../domain/text';
import type { MergeChoice, MergeReport } from '../domain/team';
import { refusal } from '../store/access-messages';
import { backupBefore } from '../store/backup';
import { TematikError } from '../domain/errors';
import { insertCoder } from '../store/coders';
import { createCode, deleteCode, updateCode } from '../store/codes';
import { documentWriter } from '../store/documents';
import { createInformant, createInformantType, findInformantTypeByName } from '../store/informants';
import { now, type ProjectStore } from '../store/project-store';
import { keptGuid } from '../store/row-guid';
import { journalMerge } from './journal';
import { planMerge, type MergeDraft } from './plan';
import type { Ref } from './refs';
import { readSnapshot, type Snapshot } from './snapshot';

type Db = Database.Database;
type Table = 'documents' | 'codes' | 'codings' | 'informants' | 'themes' | 'theme_links';

/**
 * Merges a coder's copy (read by read-copy.ts) into the open project: a backup first, then one
 * action (one transaction, one undo step) that plans again on the project as it is now, with the
 * user's `resolutions`, writes what the plan says and keeps the report in the reflexive journal.
 */
export function mergeCopy(store: ProjectStore, copy: Snapshot, file: string, resolutions: ReadonlyMap<string, MergeChoice>, language: Language): MergeReport {
  const { db } = store;
  // Planned on the project as it is now (the user's plan may be older); the store's queue lets nothing change it before the merge is written.
  const draft = planMerge(readSnapshot(db, store.file, false), copy, file, resolutions, (guid) => textOf(db, guid));
  // A copy merged before (or holding nothing new) changes nothing: no backup, no undo step, no journal entry.
  if (changesOf(draft) === 0) return reportOf(draft, null, 0);
  // Refused before the backup: a project that may not be written gets no "before a merge" copy either.
  if (store.readOnly !== null) throw new TematikError('read_only', refusal(store.readOnly, store.file));
  const backup = backupBefore(store, 'merge')?.path ?? null;
  const summary = `Merge the copy "${file}"`;
  return store.change({ action: 'team.merge', summary, args: { file, resolutions: Object.fromEntries(resolutions) } }, () => {
    const report = reportOf(draft, backup, applyDraft(db, draft));
    journalMerge(db, report, copy.name, store.coderId(), language);
    return report;
  });
}

/** The plan of merging `copy` into the open project, writing nothing. */
export function mergePlan(store: ProjectStore, copy: Snapshot, file: string): MergeDraft['plan'] {
  const { db } = store;
  return planMerge(readSnapshot(db, store.file, false), copy, file, null, (guid) => textOf(db, guid)).plan;
}

function textOf(db: Db, guid: string): string {
  return db.prepare('SELECT text FROM documents WHERE guid = ?').pluck().get(guid) as string;
}

/** How many rows a draft adds or changes. */
function changesOf(draft: MergeDraft): number {
  return draft.coders.length + draft.informants.length + draft.documents.length + draft.codeDeletes.length + draft.codeRenames.length
    + draft.codeDescriptions.length + draft.codesToCreate.length + draft.codings.length + draft.memos.length + draft.comments.length;
}

function reportOf(draft: MergeDraft, backup: string | null, codesDeleted: number): MergeReport {
  const { plan } = draft;
  return {
    file: plan.file, backup,
    documentsAdded: draft.documents.length, informantsAdded: draft.informants.length,
    codesAdded: plan.codesAdded, codesRenamed: draft.codeRenames.length, codesDeleted,
    codersAdded: plan.codersAdded, codings: plan.codings, codingsLeftOut: draft.codingsLeftOut, reanchoring: plan.reanchoring,
    memosAdded: draft.memos.length, commentsAdded: draft.comments.length,
    conflicts: draft.settled, unchanged: changesOf(draft) === 0,
  };
}

/**
 * Carries out a draft; every row it adds keeps the copy's GUID unless the project has used it
 * elsewhere (row-guid.ts). Returns how many codes it deleted (a sub-code goes with its parent).
 */
function applyDraft(db: Db, draft: MergeDraft): number {
  const created = new Map<string, number>();
  const idOf = (table: Table, ref: Ref): number => {
    if ('created' in ref) return created.get(`${table}:${ref.created}`)!;
    return db.prepare(`SELECT id FROM ${table} WHERE guid = ?`).pluck().get(ref.existing) as number;
  };
  const coder = (name: string): CoderId => db.prepare('SELECT id FROM coders WHERE name = ? COLLATE NOCASE').pluck().get(name) as CoderId;

  for (const added of draft.coders) {
    // The coder merging their own copy (on a team server, the usual case) was named by this change itself, after the plan was made.
    if (coder(added.name) !== undefined) continue;
    const id = insertCoder(db, added.name, added.guid);
    if (/^#[0-9a-fA-F]{6}$/.test(added.colour)) db.prepare('UPDATE coders SET colour = ? WHERE id = ?').run(added.colour.toLowerCase(), id);
  }

  for (const informant of draft.informants) {
    const typeId = findInformantTypeByName(db, informant.typeName) ?? createInformantType(db, { name: informant.typeName });
    const id = createInformant(db, { guid: informant.guid, label: informant.label, name: informant.name, typeId, attributes: { ...informant.attributes } });
    created.set(`informants:${informant.guid}`, id);
  }

  const write = documentWriter(db);
  const setTurn = db.prepare('UPDATE turns SET role = ?, informant_id = ? WHERE document_id = ? AND seq = ?');
  for (const document of draft.documents) {
    const people = document.informantGuids.map((g) => draft.informantRef.get(g)).filter((r): r is Ref => r !== undefined).map((r) => idOf('informants', r) as InformantId);
    const id = write(document, people, undefined, document.guid);
    // The copy's coder may have said who spoke; that is kept, as the copy had it.
    for (const turn of document.turns) {
      const informant = turn.informantGuid === null ? undefined : draft.informantRef.get(turn.informantGuid);
      setTurn.run(turn.role, informant ? idOf('informants', informant) : null, id, turn.seq);
    }
    created.set(`documents:${document.guid}`, id);
  }

  let codesDeleted = 0;
  for (const guid of draft.codeDeletes) {
    const id = db.prepare('SELECT id FROM codes WHERE guid = ?').pluck().get(guid) as CodeId | undefined;
    // A sub-code goes with its parent: it may be gone already.
    if (id === undefined) continue;
    deleteCode(db, id);
    codesDeleted++;
  }
  for (const rename of draft.codeRenames) updateCode(db, idOf('codes', { existing: rename.guid }) as CodeId, { name: rename.name });
  for (const change of draft.codeDescriptions) updateCode(db, idOf('codes', { existing: change.guid }) as CodeId, { description: change.description });
  for (const { code, parent } of draft.codesToCreate) {
    const id = createCode(db, {
      guid: code.guid, name: code.name, parentId: parent ? (idOf('codes', parent) as CodeId) : null, description: code.description, inVivo: code.inVivo === 1,
      ...(/^#[0-9a-fA-F]{6}$/.test(code.colour) ? { colour: code.colour.toLowerCase() } : {}),
    });
    created.set(`codes:${code.guid}`, id);
  }

  const insertCoding = db.prepare('INSERT INTO codings (guid, document_id, code_id, coder_id, start_offset, end_offset, quote, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const rememberMerged = db.prepare('INSERT OR IGNORE INTO merged_codings (guid) VALUES (?)');
  for (const { coding, document, code, start, end, quote } of draft.codings) {
    const id = insertCoding.run(keptGuid(db, coding.guid), idOf('documents', document) as DocumentId, idOf('codes', code), coder(coding.coder), start, end, quote, coding.createdAt || now()).lastInsertRowid;
    created.set(`codings:${coding.guid}`, Number(id));
    // Remembered by the copy's GUID: merging the copy again finds what was removed here since (migration 12).
    rememberMerged.run(coding.guid);
  }

  // Memos keep the copy's GUID and dates, so merging the copy again finds them.
  const insertMemo = db.prepare(`INSERT INTO memos (guid, kind, title, body, phase, author_id, document_id, code_id, theme_id, coding_id, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  for (const { memo, target } of draft.memos) {
    const on = { document: null as number | null, code: null as number | null, theme: null as number | null, coding: null as number | null };
    if (target.kind === 'theme') on.theme = idOf('themes', { existing: target.guid });
    else if (target.kind !== 'project') on[target.kind] = idOf(target.kind === 'document' ? 'documents' : target.kind === 'code' ? 'codes' : 'codings', target.ref);
    insertMemo.run(keptGuid(db, memo.guid), memo.kind, memo.title, memo.body, memo.phase, coder(memo.author), on.document, on.code, on.theme, on.coding, memo.createdAt, memo.updatedAt);
  }

  const insertComment = db.prepare(`INSERT INTO comments (guid, theme_id, link_id, code_id, coding_id, author_id, body, created_at, resolved_at, resolved_by)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  for (const { comment, target } of draft.comments) {
    const on = { theme: null as number | null, link: null as number | null, code: null as number | null, coding: null as number | null };
    if ('guid' in target) on[target.kind] = idOf(target.kind === 'theme' ? 'themes' : 'theme_links', { existing: target.guid });
    else on[target.kind] = idOf(target.kind === 'code' ? 'codes' : 'codings', target.ref);
    insertComment.run(keptGuid(db, comment.guid), on.theme, on.link, on.code, on.coding, coder(comment.author), comment.body,
      comment.createdAt, comment.resolvedAt, comment.resolvedBy === null ? null : coder(comment.resolvedBy));
  }

  return codesDeleted;
}
