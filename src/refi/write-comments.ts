import { defineMessages } from '../domain/text';
import type { CommentTarget } from '../domain/types';
import type { ProjectTransaction } from '../store/project-data';
import type { PlannedComment } from './comment-notes';
import type { ImportNotes } from './notes';
import type { CoderOf } from './write-project';

const say = defineMessages({
  en: {
    authors: 'Comments came back on their themes, links, codes and quotes with their authors: a coder\'s as that coder\'s, a reviewer\'s as the reviewer\'s (never a coder), resolved ones as resolved.',
    twice: 'Skipped comments the project already has (same comment, or the same author\'s same words on the same item).',
    unplaced: 'A reviewer\'s comments whose item had been deleted came back as unplaced review comments, with what they were on.',
  },
  id: {
    authors: 'Komentar kembali ke tema, hubungan, kode, dan kutipannya beserta penulisnya: komentar pengode tetap milik pengode itu, komentar peninjau tetap milik peninjau (tidak pernah menjadi pengode), dan yang sudah diselesaikan tetap berstatus selesai.',
    twice: 'Komentar yang sudah dimiliki proyek (komentar yang sama, atau kata-kata yang sama dari penulis yang sama pada butir yang sama) dilewati.',
    unplaced: 'Komentar peninjau yang butirnya sudah dihapus kembali sebagai komentar tinjauan tanpa tempat, beserta keterangan butir asalnya.',
  },
});

/** Writes comments on one target (null: a reviewer's comments whose target is gone). */
export type CommentWriter = (target: CommentTarget | null, comments: readonly PlannedComment[]) => Promise<void>;

/**
 * Adds comments inside the import's transaction, each once: a comment the project has (its GUID,
 * or the same author's same words on the same target) is not added again, so importing a file
 * twice adds nothing. A reviewer stays a reviewer: their name and package, no coder row.
 */
export function commentWriter(tx: ProjectTransaction, coders: CoderOf, messages: ImportNotes): CommentWriter {
  const noted = new Set<'authors' | 'unplaced'>();
  return async (target, comments) => {
    for (const c of comments) {
      // Only a reviewer's comment can be unplaced (the table's CHECK); the reader makes the others memos.
      if (target === null && (!c.reviewer || !c.wasOn)) continue;
      messages.found('comments');
      const author = c.reviewer ? { reviewer: c.reviewer.name, packageGuid: c.reviewer.packageGuid } : { coderId: await coders(c.userGuid) };
      const key = { guid: c.guid, target, ...(target === null && c.wasOn ? { unplaced: c.wasOn } : {}), author, body: c.body.trim() };
      if (await tx.imports.hasComment(key)) { messages.skip('comments', say('twice')); continue; }
      await tx.imports.comment({ ...key, createdAt: c.createdAt, ...(c.resolved ? { resolved: { at: c.resolved.at, byId: await coders(c.resolved.userGuid) } } : {}) });
      messages.imported('comments');
      // Said once per import, not once per comment.
      const remark = target === null ? 'unplaced' : 'authors';
      if (!noted.has(remark)) { noted.add(remark); messages.note('comments', say(remark)); }
    }
  };
}
