import { TematikError } from '../domain/errors';
import { defineMessages, type Language } from '../domain/text';
import { COMMENT_TARGET_KINDS, type CommentTarget, type CommentTargetKind, type ReviewCommentsReport } from '../domain/types';
import type { ProjectData, ProjectTransaction } from '../store/project-data';
import type { ReviewCommentsFile } from './comments-file';

const say = defineMessages({
  en: {
    otherProject: '{file} holds comments on another project (project GUID {fileGuid}): {reviewer}\'s comments on a review package made on {packaged}. The open project is "{project}" (GUID {projectGuid}). Open the project the review package was made from and import the file there. Nothing was imported.',
    title: 'Review comments from {reviewer}',
    head: 'Imported {file}: comments by {reviewer} on the review package of {packaged} (saved {saved}).',
    added: '- Added: {theme} on themes, {link} on links, {code} on codes, {coding} on quotes.',
    already: '- Already in the project (imported before): {count}.',
    unplacedHead: '- Kept without a place, because what they were on was deleted or merged since the package ({count}):',
    unplacedLine: '  - on {kind} "{label}"',
    kind_theme: 'theme', kind_link: 'link', kind_code: 'code', kind_coding: 'quote',
  },
  id: {
    otherProject: '{file} berisi komentar untuk proyek lain (GUID proyek {fileGuid}): komentar {reviewer} pada paket tinjauan yang dibuat tanggal {packaged}. Proyek yang terbuka adalah "{project}" (GUID {projectGuid}). Buka proyek asal paket tinjauan itu lalu impor berkasnya di sana. Tidak ada yang diimpor.',
    title: 'Komentar tinjauan dari {reviewer}',
    head: '{file} diimpor: komentar {reviewer} pada paket tinjauan tanggal {packaged} (disimpan {saved}).',
    added: '- Ditambahkan: {theme} pada tema, {link} pada tautan, {code} pada kode, {coding} pada kutipan.',
    already: '- Sudah ada di proyek (pernah diimpor): {count}.',
    unplacedHead: '- Disimpan tanpa tempat, karena yang dikomentari telah dihapus atau digabung sejak paket dibuat ({count}):',
    unplacedLine: '  - pada {kind} "{label}"',
    kind_theme: 'tema', kind_link: 'tautan', kind_code: 'kode', kind_coding: 'kutipan',
  },
});

/** The project a comments file is imported into: the GUID it must name, the name messages give it. */
export interface ImportInto {
  readonly projectGuid: string;
  readonly projectName: string;
}

/**
 * Adds a supervisor's comments to the project in one undoable step. Each comment keeps the file's
 * GUID, so a comment the project already has (the same file imported again, or an earlier save of a
 * file that has since grown) is counted and left alone. A comment whose target the project no longer
 * has is kept unplaced, with what it was on. The report goes into the reflexive journal in the same
 * step when anything was added, so undoing the import takes it out too. A file of another project is
 * refused before anything is written.
 */
export async function importReviewComments(
  data: ProjectData, into: ImportInto, review: ReviewCommentsFile, file: string, language: Language = 'en',
): Promise<ReviewCommentsReport> {
  if (review.projectGuid !== into.projectGuid.toLowerCase()) {
    throw new TematikError('bad_input', say('otherProject', {
      file, fileGuid: review.projectGuid, reviewer: review.reviewer, packaged: day(review.packageCreatedAt), project: into.projectName, projectGuid: into.projectGuid,
    }));
  }
  // A file whose every comment is here already changes nothing: no step to undo, and the redo the user had stays.
  let known = 0;
  for (const comment of review.comments) if (await data.comments.hasGuid(comment.guid)) known++;
  if (known === review.comments.length) {
    return { file, reviewer: review.reviewer, packageGuid: review.packageGuid, added: { theme: 0, link: 0, code: 0, coding: 0 }, already: known, unplaced: [] };
  }
  return data.change({ action: 'comments.importReview', summary: `Import review comments from ${review.reviewer} (${file})`, args: { file } }, async (tx) => {
    const added: Record<CommentTargetKind, number> = { theme: 0, link: 0, code: 0, coding: 0 };
    const unplaced: { kind: CommentTargetKind; label: string }[] = [];
    let already = 0;
    for (const comment of review.comments) {
      if (await tx.comments.hasGuid(comment.guid)) { already++; continue; }
      const { kind, guid, label } = comment.target;
      const id = await tx.comments.targetByGuid(kind, guid);
      await tx.comments.addReview({
        guid: comment.guid, target: id === undefined ? null : ({ kind, id } as CommentTarget),
        unplaced: id === undefined ? { kind, guid, label } : null,
        reviewer: review.reviewer, packageGuid: review.packageGuid, body: comment.body, createdAt: comment.createdAt,
      });
      if (id === undefined) unplaced.push({ kind, label });
      else added[kind]++;
    }
    const report: ReviewCommentsReport = { file, reviewer: review.reviewer, packageGuid: review.packageGuid, added, already, unplaced };
    if (unplaced.length + COMMENT_TARGET_KINDS.reduce((n, k) => n + added[k], 0) > 0) await journal(tx, report, review, language);
    return report;
  });
}

/** The date part of an ISO time, as the file wrote it (the supervisor's own day). */
const day = (iso: string): string => iso.slice(0, 10);

/** What an import did, a line each (the unplaced comments one a line under theirs), for the journal and the command line. */
export function reviewReportLines(report: ReviewCommentsReport, language: Language): string[] {
  const line = (text: { en: string; id: string }): string => text[language];
  return [
    line(say('added', report.added)),
    ...(report.already > 0 ? [line(say('already', { count: report.already }))] : []),
    ...(report.unplaced.length > 0 ? [line(say('unplacedHead', { count: report.unplaced.length })),
      ...report.unplaced.map((u) => line(say('unplacedLine', { kind: line(say(`kind_${u.kind}`)), label: u.label })))] : []),
  ];
}

async function journal(tx: ProjectTransaction, report: ReviewCommentsReport, review: ReviewCommentsFile, language: Language): Promise<void> {
  const line = (text: { en: string; id: string }): string => text[language];
  const lines = [
    line(say('head', { file: report.file, reviewer: report.reviewer, packaged: day(review.packageCreatedAt), saved: day(review.savedAt) })), '',
    ...reviewReportLines(report, language),
  ];
  // Journal entries remember the phase they were written in, as memos.create does.
  const { phase } = await tx.project.info();
  await tx.memos.create({ kind: 'journal', title: line(say('title', { reviewer: report.reviewer })), body: lines.join('\n'), target: { kind: 'project' }, phase });
}
