import type Database from 'better-sqlite3';
import type { CoderId } from '../domain/ids';
import type { MergeChoice, MergeConflictKind, MergeReport } from '../domain/team';
import { defineMessages, type Language } from '../domain/text';
import type { Phase } from '../domain/types';
import { createMemo } from '../store/memos';
import { reanchoringLines, say } from './messages';

const words = defineMessages({
  en: {
    codeRenamed: 'renamed in both', codeDeletedInProject: 'deleted in the project, used in the copy', codeDeletedInCopy: 'deleted in the copy, used in the project',
    documentTextDiffers: 'transcript text differs', documentDeletedInProject: 'transcript deleted in the project, coded in the copy',
    project: 'kept as in the project', copy: 'taken from the copy', reanchor: 'codings carried to the same words through an alignment of the two texts (where their words are gone, placed where their text occurs once)', skip: 'codings of the copy left out',
  },
  id: {
    codeRenamed: 'namanya diganti di keduanya', codeDeletedInProject: 'dihapus di proyek, dipakai di salinan', codeDeletedInCopy: 'dihapus di salinan, dipakai di proyek',
    documentTextDiffers: 'teks transkrip berbeda', documentDeletedInProject: 'transkrip dihapus di proyek, dikode di salinan',
    project: 'dibiarkan seperti di proyek', copy: 'diambil dari salinan', reanchor: 'pengodean dibawa ke kata-kata yang sama melalui penjajaran kedua teks (bila kata-katanya sudah tidak ada, ditempatkan di tempat teksnya muncul sekali)', skip: 'pengodean dari salinan dilewati',
  },
});

/** The kind of a conflict and its settlement in words, for the journal and the CLI. */
export const conflictWords = (kind: MergeConflictKind | MergeChoice) => words(kind);

/**
 * Keeps a merge's report in the reflexive journal, as imports keep theirs (refi/import-journal.ts),
 * inside the merge's own transaction: undoing the merge removes the entry too.
 */
export function journalMerge(db: Database.Database, report: MergeReport, copyName: string, author: CoderId, language: Language): void {
  const line = (text: { en: string; id: string }): string => text[language];
  const lines = [
    line(say('journalHead', { file: report.file, name: copyName })), '',
    ...report.codings.map((c) => `- ${line(say('journalCodings', { coder: c.coder, added: c.added, already: c.already }))}`),
    `- ${line(say('journalCodes', { count: report.codesAdded.length, list: report.codesAdded.length > 0 ? ` (${report.codesAdded.join(', ')})` : '' }))}`,
    ...(report.codesRenamed > 0 ? [`- ${line(say('journalRenamed', { count: report.codesRenamed }))}`] : []),
    ...(report.codesDeleted > 0 ? [`- ${line(say('journalDeleted', { count: report.codesDeleted }))}`] : []),
    ...(report.codersAdded.length > 0 ? [`- ${line(say('journalCoders', { list: report.codersAdded.join(', ') }))}`] : []),
    ...(report.documentsAdded + report.informantsAdded > 0 ? [`- ${line(say('journalDocuments', { documents: report.documentsAdded, informants: report.informantsAdded }))}`] : []),
    ...(report.memosAdded + report.commentsAdded > 0 ? [`- ${line(say('journalMemos', { memos: report.memosAdded, comments: report.commentsAdded }))}`] : []),
    ...(report.codingsLeftOut > 0 ? [`- ${line(say('journalLeftOut', { count: report.codingsLeftOut }))}`] : []),
    ...reanchoringLines(report.reanchoring, language).map((text) => `- ${text}`),
    ...report.conflicts.map((c) => `- ${line(say('journalConflict', { subject: c.subject, kind: words(c.kind), choice: words(c.choice) }))}`),
  ];
  const phase = (db.prepare('SELECT phase FROM project WHERE id = 1').pluck().get() as Phase | undefined) ?? null;
  createMemo(db, { kind: 'journal', title: line(say('journalTitle', { file: report.file })), body: lines.join('\n'), target: { kind: 'project' }, author, phase });
}
