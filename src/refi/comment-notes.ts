import { COMMENT_TARGET_KINDS, isOneOf, type Comment, type CommentTargetKind } from '../domain/types';
import { normaliseGuid } from './guid';

/**
 * A comment travels as a REFI-QDA `<Note>` that the commented item refers to: a theme's set
 * lists it (`<MemberNote>`), a link, a code or a coding has a `<NoteRef>` to it, and a reviewer's
 * comment whose item was deleted is a project note (the project's `<NoteRef>`). Other tools show
 * it as an ordinary note (memo) on that item, with its text, title and author. What only Tematik
 * reads goes in the note's `<Description>`, one fact a line:
 *
 *   Tematik: comment                         (open)
 *   Tematik: resolved comment {resolver}     (resolved; the resolver's user GUID)
 *   Reviewer: Dr. Sari {package GUID}        (a supervisor's comment from a review package)
 *   Was on: code "Modal" {GUID}              (a reviewer's comment whose item is gone)
 *
 * A reviewer is not a user of the project, so their note names no `creatingUser` (the schema
 * does not need one): another tool shows no author rather than a coder's name, and Tematik reads
 * the reviewer back from the description.
 */
export const COMMENT_NOTE = {
  open: 'Tematik: comment',
  /** Followed by the resolver's user GUID in braces. */
  resolved: 'Tematik: resolved comment',
  reviewer: 'Reviewer',
  wasOn: 'Was on',
} as const;

/** A comment note as the exporter writes it; `creatingUser` null: a reviewer's, which names no user. */
export interface CommentNoteOut {
  readonly guid: string; readonly name: string; readonly description: string; readonly body: string;
  readonly creatingUser: string | null; readonly creationDateTime: string;
  readonly modifyingUser: string | undefined; readonly modifiedDateTime: string | undefined;
}

/** The note of one comment; `on` names what it is on for other tools' note lists. */
export function commentNote(comment: Comment, guid: string, on: string, userOf: (name: string) => string | undefined): CommentNoteOut {
  const resolver = comment.resolvedBy === null ? undefined : userOf(comment.resolvedBy);
  const lines = [comment.resolvedAt === null ? COMMENT_NOTE.open : `${COMMENT_NOTE.resolved}${resolver ? ` {${resolver}}` : ''}`];
  if (comment.review) lines.push(`${COMMENT_NOTE.reviewer}: ${oneLine(comment.author)} {${comment.review.packageGuid}}`);
  if (comment.unplaced) lines.push(`${COMMENT_NOTE.wasOn}: ${comment.unplaced.kind} "${oneLine(comment.unplaced.label)}" {${comment.unplaced.guid}}`);
  return {
    guid, name: `${on}: comment by ${comment.author}${comment.review ? ' (review)' : ''}`, description: lines.join('\n'), body: comment.body,
    creatingUser: comment.review ? null : userOf(comment.author) ?? null, creationDateTime: comment.createdAt,
    modifyingUser: resolver, modifiedDateTime: comment.resolvedAt ?? undefined,
  };
}

const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** A note's description says it is one of Tematik's comments. */
export const isCommentNote = (description: string): boolean => description.startsWith(COMMENT_NOTE.open) || description.startsWith(COMMENT_NOTE.resolved);

/** A comment as the file brings it, before its target and authors are known in the project. */
export interface PlannedComment {
  /** The note's GUID, kept as the comment's own where valid and unused. */
  readonly guid: string;
  readonly body: string;
  readonly userGuid: string | undefined;
  readonly createdAt: string | undefined;
  readonly resolved: { readonly userGuid: string | undefined; readonly at: string | undefined } | undefined;
  /** A supervisor's comment: their name and the review package it came from. */
  readonly reviewer: { readonly name: string; readonly packageGuid: string } | undefined;
  /** What a reviewer's comment was on when that had been deleted. */
  readonly wasOn: { readonly kind: CommentTargetKind; readonly guid: string; readonly label: string } | undefined;
}

const GUID_AT_END = /\{([^{}]+)\}\s*$/;
const REVIEWER = new RegExp(`^${COMMENT_NOTE.reviewer}: (.+?) \\{([^{}]+)\\}\\s*$`);
const WAS_ON = new RegExp(`^${COMMENT_NOTE.wasOn}: (\\w+) "(.*)" \\{([^{}]+)\\}\\s*$`);

/** The comment a note Tematik wrote holds, or undefined for any other note (or an empty one). */
export function readCommentNote(
  guid: string, note: { readonly description: string; readonly text: string; readonly userGuid: string | undefined; readonly createdAt: string | undefined; readonly updatedAt: string | undefined },
): PlannedComment | undefined {
  const [first = '', ...rest] = note.description.split(/\r?\n/);
  if (!note.text.trim() || !isCommentNote(first)) return undefined;
  let resolved: PlannedComment['resolved'];
  if (first.startsWith(COMMENT_NOTE.resolved)) {
    const resolver = GUID_AT_END.exec(first)?.[1];
    resolved = { userGuid: resolver === undefined ? undefined : normaliseGuid(resolver), at: note.updatedAt };
  } else if (first.trim() !== COMMENT_NOTE.open) return undefined;
  let reviewer: PlannedComment['reviewer'];
  let wasOn: PlannedComment['wasOn'];
  for (const line of rest) {
    const r = REVIEWER.exec(line);
    const packageGuid = r?.[2] === undefined ? undefined : normaliseGuid(r[2]);
    // A name the project could not store (blank, or too long for the reviewer column) is not taken as a reviewer's.
    const name = r?.[1]?.trim() ?? '';
    if (packageGuid && name.length > 0 && name.length <= 200) reviewer = { name, packageGuid };
    const w = WAS_ON.exec(line);
    const kind = w?.[1];
    const wasGuid = w?.[3] === undefined ? undefined : normaliseGuid(w[3]);
    if (w && wasGuid && isOneOf(COMMENT_TARGET_KINDS, kind)) wasOn = { kind, guid: wasGuid, label: w[2] ?? '' };
  }
  return { guid, body: note.text, userGuid: reviewer ? undefined : note.userGuid, createdAt: note.createdAt, resolved, reviewer, wasOn };
}
