import { throwIfCancelled } from '../../domain/cancellation';
import { agreementCoders, agreementSource } from '../../analysis/agreement/read';
import { cooccurrenceMatrix, cooccurrencePairs } from '../../analysis/cooccurrence';
import { cellExtracts, triangulationMatrix } from '../../analysis/triangulation';
import { buildCodebookExport, exportProjectArchive } from '../../refi/export';
import { buildReportModel } from '../../report/model';
import { search } from '../../search/search';
import { similar } from '../../search/similar';
import * as codes from '../codes';
import * as coders from '../coders';
import * as codings from '../codings';
import * as comments from '../comments';
import * as documents from '../documents';
import { editText } from '../edit-text';
import * as editTurns from '../edit-turns';
import * as replacement from '../replace-text';
import { moveThemeCode, setHotkey } from '../hotkeys';
import * as imported from '../imported-rows';
import * as informants from '../informants';
import * as memos from '../memos';
import { listChecks, setCheck } from '../phases';
import { auditLog, projectStats, updateProject } from '../project';
import type { ProjectStore } from '../project-store';
import type { ProjectTransaction } from '../project-data';
import * as recordings from '../recordings';
import * as redactions from '../redactions';
import { listDeidKey, recordDeidKey, renameSpeakers } from '../deid';
import { readRowGuids } from '../row-guid';
import { resolveDisagreement } from '../resolve';
import * as speakers from '../speakers';
import * as links from '../theme-links';
import { refreshSearchIndex } from '../../search/indexer';
import { keepLayout, moveNodes, resetLayout, themeMap } from '../theme-map';
import { reviewTheme, themeCodeIds, unthemedCodes } from '../theme-review';
import * as themes from '../themes';

/**
 * The store interface's operations on one open SQLite project, each a call of the synchronous
 * module that has always done it: the interface adds no SQL and no second way to do anything.
 * Writes are only reached through a change (src/store/sqlite/project-data.ts), inside its transaction.
 */
export function sqliteOperations(store: ProjectStore): ProjectTransaction {
  const { db } = store;
  // Prepared once per open project: applying a code is the hottest write path.
  let writer: codings.CodingWriter | undefined;
  const coding = () => (writer ??= codings.codingWriter(db));
  // Prepared once per open project too: an import stores a thousand files with the same statements.
  let storer: ReturnType<typeof documents.documentWriter> | undefined;
  const storeDocument = () => (storer ??= documents.documentWriter(db));

  return {
    codes: {
      list: async (coders) => codes.listCodes(db, coders),
      unthemed: async () => unthemedCodes(db),
      get: async (id) => codes.getCode(db, id),
      name: async (id) => codes.codeName(db, id),
      create: async (input) => codes.createCode(db, input),
      update: async (id, changes) => codes.updateCode(db, id, changes),
      move: async (id, parentId) => codes.moveCode(db, id, parentId),
      merge: async (sourceId, targetId) => { codes.mergeCodes(db, sourceId, targetId); },
      delete: async (id) => { codes.deleteCode(db, id); },
      resolveName: async (name, inVivo) => codes.resolveCodeName(db, name, inVivo),
      setHotkey: async (id, key) => { setHotkey(db, id, key); },
    },
    codings: {
      get: async (id) => codings.getCoding(db, id),
      forDocument: async (documentId) => codings.codingsForDocument(db, documentId),
      extractsForCode: async (codeId, includeChildren, limit, coders) => codings.extractsForCode(db, codeId, includeChildren, limit, coders),
      extractsForCodes: async (codeIds) => codings.extractsForCodes(db, codeIds),
      apply: async (documentId, codeId, start, end) => coding().write(documentId, codeId, store.coderId(), start, end),
      applyNew: async (codeId, ranges) => {
        const coder = store.coderId();
        let applied = 0;
        let skipped = 0;
        for (const [documentId, start, end] of ranges) {
          throwIfCancelled();
          if (coding().coded(documentId, codeId, coder, start, end)) { skipped++; continue; }
          coding().write(documentId, codeId, coder, start, end);
          applied++;
        }
        return { applied, skipped };
      },
      remove: async (id) => { codings.removeCoding(db, id); },
      recode: async (id, codeId) => codings.recode(db, id, codeId),
      resolve: async (codingIds, settlement) => resolveDisagreement(db, coding(), codingIds, settlement),
    },
    documents: {
      list: async () => documents.listDocuments(db),
      get: async (id) => documents.getDocument(db, id),
      summary: async (id) => documents.getDocumentSummary(db, id),
      text: async (id) => documents.documentText(db, id),
      speakers: async (id) => speakers.documentSpeakers(db, id),
      replacePlan: async (id, corrected) => replacement.planReplacement(db, id, corrected),
      replaceText: async (id, corrected, { expectedHash }) => replacement.replaceText(db, id, corrected, expectedHash),
      rename: async (id, title) => documents.renameDocument(db, id, title),
      assign: async (id, informantIds) => documents.assignInformants(db, id, informantIds),
      delete: async (id) => { documents.deleteDocument(db, id); },
      setSpeaker: async (id, speaker, to) => { speakers.setSpeaker(db, id, speaker, to); },
      swapRoles: async (ids) => { for (const id of ids) speakers.swapRoles(db, id); },
      editText: async (id, edits, { expectedHash }) => editText(db, id, edits, expectedHash),
      splitTurn: async (id, turnId, at, { expectedHash }) => editTurns.splitTurn(db, id, turnId, at, expectedHash),
      joinTurns: async (id, turnId, { expectedHash }) => editTurns.joinTurns(db, id, turnId, expectedHash),
      setTurnSpeaker: async (id, turnId, speaker, { expectedHash }) => editTurns.setTurnSpeaker(db, id, turnId, speaker, expectedHash),
    },
    informants: {
      types: async () => informants.listInformantTypes(db),
      type: async (id) => informants.getInformantType(db, id),
      attributes: async () => informants.listAttributes(db),
      list: async (typeId) => informants.listInformants(db, typeId),
      get: async (id) => informants.getInformant(db, id),
      createType: async (input) => informants.createInformantType(db, input),
      updateType: async (id, changes) => informants.updateInformantType(db, id, changes),
      deleteType: async (id) => { informants.deleteInformantType(db, id); },
      create: async (input) => informants.createInformant(db, input),
      update: async (id, changes) => informants.updateInformant(db, id, changes),
      delete: async (id) => { informants.deleteInformant(db, id); },
    },
    memos: {
      list: async (filter) => memos.listMemos(db, filter),
      get: async (id) => memos.getMemo(db, id),
      create: async (input) => memos.createMemo(db, { ...input, author: store.coderId() }),
      update: async (id, changes) => memos.updateMemo(db, id, changes),
      delete: async (id) => { memos.deleteMemo(db, id); },
    },
    themes: {
      list: async () => themes.listThemes(db),
      get: async (id) => themes.getTheme(db, id),
      review: async (id) => reviewTheme(db, id),
      codeIds: async (id) => themeCodeIds(db, id),
      create: async (input) => { keepLayout(db); return themes.createTheme(db, input); },
      update: async (id, changes) => { keepLayout(db); themes.updateTheme(db, id, changes); },
      addCodes: async (id, codeIds) => themes.addCodes(db, id, codeIds),
      removeCodes: async (id, codeIds) => themes.removeCodes(db, id, codeIds),
      delete: async (id) => { keepLayout(db); themes.deleteTheme(db, id); },
      split: async (id, name, codeIds) => { keepLayout(db); return themes.splitTheme(db, id, name, codeIds); },
      merge: async (sourceId, targetId) => { keepLayout(db); themes.mergeThemes(db, sourceId, targetId); },
      setConvergence: async (id, convergence, reason) => themes.setConvergence(db, id, convergence, reason),
      moveCode: async (codeId, fromId, toId) => moveThemeCode(db, codeId, fromId, toId),
    },
    themeLinks: {
      list: async () => links.listLinks(db),
      get: async (id) => links.getLink(db, id),
      describe: async (link) => links.describeLink(db, link),
      create: async (input) => { keepLayout(db); return links.createLink(db, input); },
      update: async (id, changes) => { keepLayout(db); links.updateLink(db, id, changes); },
      delete: async (id) => { keepLayout(db); links.deleteLink(db, id); },
    },
    map: {
      get: async (options) => themeMap(db, options),
      move: async (moves) => { keepLayout(db); moveNodes(db, moves); },
      resetLayout: async () => resetLayout(db),
    },
    comments: {
      list: async (filter) => comments.listComments(db, filter),
      get: async (id) => comments.getComment(db, id),
      hasGuid: async (guid) => comments.hasCommentGuid(db, guid),
      targetByGuid: async (kind, guid) => comments.targetByGuid(db, kind, guid),
      add: async (target, body) => comments.addComment(db, target, body, store.coderId()),
      resolve: async (id, resolved) => comments.resolveComment(db, id, resolved, store.coderId()),
      addReview: async (comment) => comments.addReviewComment(db, comment),
    },
    phases: {
      checks: async () => listChecks(db),
      check: async (phase, item, done) => setCheck(db, phase, item, done, store.coderId()),
    },
    redactions: {
      list: async () => redactions.listRedactions(db),
      get: async (id) => redactions.getRedaction(db, id),
      add: async (input) => redactions.addRedaction(db, input),
      update: async (id, changes) => redactions.updateRedaction(db, id, changes),
      remove: async (id) => { redactions.removeRedaction(db, id); },
    },
    deid: {
      key: async () => listDeidKey(db),
      recordKey: async (applied) => recordDeidKey(db, applied),
      renameSpeakers: async (documentId, renames) => renameSpeakers(db, documentId, renames),
    },
    coders: {
      list: async () => coders.listCoders(db),
      get: async (id) => coders.getCoder(db, id),
      add: async (name) => coders.addCoder(db, name),
      rename: async (id, name) => {
        const renamed = coders.renameCoder(db, id, name);
        store.forgetCoders();
        return renamed;
      },
      setColour: async (id, colour) => coders.setCoderColour(db, id, colour),
    },
    project: {
      info: async () => store.info(),
      stats: async () => projectStats(db),
      audit: async (limit) => auditLog(db, limit),
      update: async (changes) => updateProject(db, changes),
    },
    analysis: {
      triangulation: async (query) => triangulationMatrix(db, query),
      cellExtracts: async (query) => cellExtracts(db, query),
      cooccurrence: async (scope) => cooccurrenceMatrix(db, scope),
      cooccurrenceExtracts: async (a, b, scope) => cooccurrencePairs(db, a, b, scope),
    },
    search: {
      query: async (options) => search(db, options),
      similar: async (text) => similar(db, text),
    },
    reports: {
      model: async (matrix, options, progress) => buildReportModel(db, store.file, matrix, options, progress),
    },
    exchange: {
      projectArchive: async (lineEndings) => exportProjectArchive(db, store.coder, lineEndings),
      codebookXml: async () => buildCodebookExport(db),
    },
    // Inter-coder agreement: queries only, a group of their own.
    agreement: {
      coders: async () => agreementCoders(db),
      source: async (coderIds, documentIds, withText) => agreementSource(db, coderIds, documentIds, withText),
    },
    reviews: {
      guids: async () => readRowGuids(db),
    },
    // Imports write rows as their files bring them: a group of their own, reached only inside a change.
    imports: {
      documentsByHash: async () => documents.documentsByHash(db),
      storeDocument: async (doc, informantIds, speakerHints, guid) => storeDocument()(doc, informantIds, speakerHints, guid),
      swapRoles: async (documentId, speakerHints) => { speakers.swapRoles(db, documentId, speakerHints); },
      linkInformant: async (documentId, informantId) => imported.linkInformant(db, documentId, informantId),
      indexStored: async () => { refreshSearchIndex(db); },
      informantTypeByName: async (name) => informants.findInformantTypeByName(db, name),
      informantByLabel: async (label) => informants.findInformantByLabel(db, label),
      createInformant: async (input) => informants.createInformant(db, input),
      codeByName: async (name, parentId) => codes.findCodeByName(db, name, parentId),
      createCode: async (input) => codes.createCode(db, input),
      coder: async (name, guid) => imported.coderNamed(db, name, guid),
      currentCoder: async () => store.coderId(),
      coding: async (row) => imported.importCoding(db, row),
      hasMemo: async (key) => imported.hasMemo(db, key),
      memo: async (row) => imported.importMemo(db, row),
      hasComment: async (key) => imported.hasComment(db, key),
      comment: async (row) => imported.importComment(db, row),
      themeByName: async (name, parentId) => imported.findThemeByName(db, name, parentId),
      createTheme: async (input) => themes.createTheme(db, input),
      restoreTheme: async (id, theme) => imported.restoreTheme(db, id, theme),
      linkByEnds: async (ends) => imported.findLink(db, ends),
      createLink: async (input) => links.createLink(db, input),
    },
    recordings: {
      list: async () => recordings.listRecordings(db),
      ofDocument: async (documentId) => recordings.recordingOfDocument(db, documentId),
      get: async (id) => recordings.getRecording(db, id),
      embeddedBytes: async (id, start, length) => recordings.embeddedBytes(db, id, start, length),
      link: async (documentId, input) => recordings.linkRecording(db, documentId, input),
      unlink: async (documentId) => recordings.unlinkRecording(db, documentId),
      setTurnTime: async (documentId, turnId, startMs, endMs) => { recordings.setTurnTime(db, documentId, turnId, startMs, endMs); },
    },
  };
}
