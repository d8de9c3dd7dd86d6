/**
 * Team coding with copies (issue 13): a copy of a project made for another coder, and the plan
 * and report of merging that copy back. Pure types: the renderer shows them as they are.
 */

/** How a conflict is settled: keep the project's side, take the copy's, or (a transcript whose text differs) place or drop the copy's codings. */
export const MERGE_CHOICES = ['project', 'copy', 'reanchor', 'skip'] as const;
export type MergeChoice = (typeof MERGE_CHOICES)[number];

/** The kinds of conflicting edits a merge cannot settle alone. */
export const MERGE_CONFLICT_KINDS = ['codeRenamed', 'codeDeletedInProject', 'codeDeletedInCopy', 'documentTextDiffers', 'documentDeletedInProject'] as const;
export type MergeConflictKind = (typeof MERGE_CONFLICT_KINDS)[number];

/**
 * One conflicting edit, with the choices that settle it.
 * - codeRenamed: the code has another name in each (project: keep the project's name; copy: take the copy's).
 * - codeDeletedInProject: the copy coded with a code the project has deleted since (project: leave it deleted and
 *   skip those codings; copy: bring the code back with its codings).
 * - codeDeletedInCopy: the copy's coder deleted a code the project has (project: keep it; copy: delete it from the
 *   project too, with its codings).
 * - documentTextDiffers: the transcript's text is not the same in the two (the researcher corrected or de-identified
 *   it after the copy was made). reanchor: carry each of the copy's codings to the same words of the project's text
 *   through an alignment of the two texts, as the transcript editor carries codings through an edit; a coding whose
 *   words are all gone is placed where its text occurs exactly once, and one placed neither way is listed as not
 *   placed (`Reanchoring`); skip: add none of them.
 * - documentDeletedInProject: the copy coded a transcript the project has deleted since (project: leave it deleted
 *   and its codings out, as when an informant withdrew; copy: bring the transcript back with them).
 */
export interface MergeConflict {
  /** Stable across plans of the same copy: names the conflict in `team.merge`'s resolutions. */
  readonly key: string;
  readonly kind: MergeConflictKind;
  /** The code's path or the transcript's title, as the project names it (or the copy, when the project has none). */
  readonly subject: string;
  /** The project's name of the code (codeRenamed). */
  readonly projectName: string | null;
  /** The copy's name of the code (codeRenamed). */
  readonly copyName: string | null;
  /** Codings concerned: the copy's (deleted in project, text differs) or the project's (deleted in copy). */
  readonly codings: number;
  readonly choices: readonly MergeChoice[];
  /** What the merge does when the user agrees with it. */
  readonly suggested: MergeChoice;
}

/** What a coder's copy says about itself: whose copy of which project. */
export interface CopyOrigin {
  readonly sourceGuid: string;
  readonly sourceName: string;
  readonly coder: string;
  readonly keepOwn: boolean;
  readonly madeAt: string;
}

/** Codings of one coder in a merge: those the merge adds, those already in the project. */
export interface CoderCodings {
  readonly coder: string;
  /** Codings the merge adds (or added). */
  readonly added: number;
  /** Codings the project already has: the same row (GUID), or the same document, code, coder and range. */
  readonly already: number;
}

/** A coding of the copy that reanchoring could not place: its words are gone from the project's text, and its text does not occur there exactly once. */
export interface UnplacedCoding {
  /** The transcript's title in the project. */
  readonly document: string;
  /** The code's path in the copy. */
  readonly code: string;
  readonly coder: string;
  /** Where the coding started in the copy's text. */
  readonly start: number;
  /** The start of its quote (at most 60 characters, then "…"). */
  readonly quote: string;
}

/** How the codings of transcripts whose text differs were placed ('reanchor'). */
export interface Reanchoring {
  /** Carried to the same words through the alignment of the copy's text with the project's. */
  readonly aligned: number;
  /** Placed where their text occurs exactly once (their words were gone, or the texts too different to align). */
  readonly found: number;
  readonly unplaced: readonly UnplacedCoding[];
  /** Titles of the transcripts too different to align (more than 3,000 differences): their codings were only searched for. */
  readonly notAligned: readonly string[];
}

/** What merging a copy would do, before anything is written: `team.mergePlan`. */
export interface MergePlan {
  /** The copy's file name. */
  readonly file: string;
  /** The copy's project name. */
  readonly copyName: string;
  /** Set when the copy was made by "Make a copy for another coder"; null for any other project file. */
  readonly origin: CopyOrigin | null;
  /** Whether the copy was made from this project (its recorded source GUID is this project's). */
  readonly fromThisProject: boolean;
  readonly documents: { readonly byGuid: number; readonly byText: number; readonly added: number };
  readonly informants: { readonly matched: number; readonly added: number };
  /** Paths of the codes the merge adds. */
  readonly codesAdded: readonly string[];
  /** Codes matched by their path rather than their GUID (a copy made before GUIDs, or another project). */
  readonly codesByPath: number;
  /** Names of the coders the project does not have yet. */
  readonly codersAdded: readonly string[];
  readonly codings: readonly CoderCodings[];
  readonly memos: { readonly added: number; readonly already: number };
  readonly comments: { readonly added: number; readonly already: number };
  readonly conflicts: readonly MergeConflict[];
  /** How the codings of transcripts settled 'reanchor' would be placed (with the suggested choices in a preview). */
  readonly reanchoring: Reanchoring;
}

/** A conflict as the merge settled it. */
export interface SettledConflict {
  readonly key: string;
  readonly kind: MergeConflictKind;
  readonly subject: string;
  readonly choice: MergeChoice;
}

/** What a merge did: returned by `team.merge` and kept in the reflexive journal. */
export interface MergeReport {
  readonly file: string;
  /** The backup made before merging (its file), or null when it could not be made (the project's notices say why). */
  readonly backup: string | null;
  readonly documentsAdded: number;
  readonly informantsAdded: number;
  readonly codesAdded: readonly string[];
  readonly codesRenamed: number;
  readonly codesDeleted: number;
  readonly codersAdded: readonly string[];
  readonly codings: readonly CoderCodings[];
  /** Codings of the copy left out by a conflict's resolution (a deleted code kept deleted, a transcript whose text differs). */
  readonly codingsLeftOut: number;
  /** How the codings of transcripts settled 'reanchor' were placed; those not placed are among `codingsLeftOut`. */
  readonly reanchoring: Reanchoring;
  readonly memosAdded: number;
  readonly commentsAdded: number;
  readonly conflicts: readonly SettledConflict[];
  /** True when the merge changed nothing (the copy was merged before, or holds nothing new). */
  readonly unchanged: boolean;
}

/** What "Make a copy for another coder" wrote. */
export interface CopyForCoderResult {
  readonly path: string;
  readonly coder: string;
  readonly documents: number;
  readonly codes: number;
  /** The receiving coder's own codings kept (0 unless asked to keep them). */
  readonly codings: number;
  readonly bytes: number;
}
