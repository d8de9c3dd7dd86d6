import type { DocumentId, InformantId, Utf16Offset } from './ids';

/**
 * De-identifying transcripts (issue 15): the names to find, where they were found, what they
 * become, and the key that keeps real name and pseudonym together inside the project.
 */

import type { NameKind } from './types';

export { LISTED_KINDS, NAME_KINDS, type ListedKind, type NameKind } from './types';

/** One name the finder looks for. */
export interface DeidName {
  /** `informant:<id>`, `listed:<id>` (the list of names to hide) or `key:<id>` (a name replaced before, kept in the key). */
  readonly id: string;
  readonly name: string;
  readonly kind: NameKind;
  /** What a hit of this name becomes. */
  readonly replacement: string;
  readonly informantId: InformantId | null;
  /** How many hits the preview found for it. */
  readonly hits: number;
}

/** One place in a transcript where a name was found. */
export interface DeidHit {
  /** `<documentId>:<start>:<end>`: names the hit in `deid.apply`'s `skipHits`. */
  readonly id: string;
  readonly documentId: DocumentId;
  readonly documentTitle: string;
  /** The speaker turn the hit lies in (its label and position), null outside any turn. */
  readonly turnSeq: number | null;
  readonly speaker: string | null;
  readonly start: Utf16Offset;
  readonly end: Utf16Offset;
  /** The words found, as written. */
  readonly text: string;
  /** Up to ~50 characters either side, for a keyword-in-context line. */
  readonly before: string;
  readonly after: string;
  /** The names the words may be (two informants called Dewi: both). */
  readonly nameIds: readonly string[];
  readonly replacement: string;
}

/** A capitalised word after an honorific ("Pak Harjo") that no listed name covers: perhaps a name to add. */
export interface DeidSuspect {
  readonly word: string;
  readonly count: number;
  /** Where it was first seen: a transcript's title, a memo's title… */
  readonly where: string;
  readonly context: string;
}

export interface DeidPreview {
  readonly names: readonly DeidName[];
  readonly hits: readonly DeidHit[];
  readonly suspects: readonly DeidSuspect[];
  /** Of the transcripts and names the preview read: `deid.apply` refuses when they changed since. */
  readonly fingerprint: string;
}

export interface DeidApplyResult {
  readonly replaced: number;
  readonly documents: number;
  /** Codings whose words were all replaced keep their place; this counts codings whose quote changed. */
  readonly codingsChanged: number;
}

/** A row of the key: a real name and what it became in the transcripts. */
export interface DeidKeyEntry {
  readonly id: number;
  readonly name: string;
  readonly pseudonym: string;
  readonly kind: NameKind;
  readonly informantId: InformantId | null;
  /** Hits replaced with this pseudonym, over every application. */
  readonly replaced: number;
  readonly firstAppliedAt: string;
  readonly lastAppliedAt: string;
}

/** A name replaced by one application of de-identification, and how often: what the key adds up. */
export interface AppliedName {
  readonly name: string;
  readonly pseudonym: string;
  readonly kind: NameKind;
  readonly informantId: InformantId | null;
  readonly replaced: number;
}

/** What one name became in a shared copy, per document. */
export interface ShareCount {
  readonly name: string;
  readonly replacement: string;
  /** Hits in each transcript, by its title in the copy. */
  readonly documents: Readonly<Record<string, number>>;
  /** Hits outside the transcripts' text: speaker labels, memos, journal, comments, codes, themes, informants, attributes, titles. */
  readonly elsewhere: number;
  readonly total: number;
}

export interface ShareResult {
  readonly path: string;
  readonly qdpxPath: string | null;
  readonly reportPath: string;
  readonly counts: readonly ShareCount[];
  readonly suspects: readonly DeidSuspect[];
  /** The report as written beside the copy, in the language asked for. */
  readonly report: string;
}
