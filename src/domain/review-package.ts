/**
 * The data a review package carries (src/review/ gathers it; renderer/review-page/ shows it),
 * and the comments file the page writes back (the researcher imports it into the project).
 * Pure types and constants: the page's script imports them, and it runs in a browser.
 */
import type { ReviewPageStrings } from './review-page-strings';
import type { CommentTargetKind, Convergence, Phase, ThemeLinkKind, ThemeStatus } from './types';

/** What a comment in a review is on: a row of the project, named by its GUID. */
export type ReviewTargetKind = CommentTargetKind;

/** The comments file's `format`, and the part of its name after the reviewer's. */
export const REVIEW_COMMENTS_FORMAT = 'tematik-review-comments';
export const REVIEW_COMMENTS_VERSION = 1;
export const REVIEW_COMMENTS_EXTENSION = '.tematik-comments.json';

/** One comment the reviewer wrote in the page. */
export interface ReviewComment {
  /** A v4 UUID made in the page when the comment was written: importing the file twice adds it once. */
  readonly guid: string;
  readonly target: {
    readonly kind: ReviewTargetKind;
    readonly guid: string;
    /** The theme's or code's name, the link in words, or the quote's start, as the package showed them. */
    readonly label: string;
  };
  readonly body: string;
  readonly createdAt: string;
}

/** The file "Save comments" downloads: `<project>-review-<reviewer>.tematik-comments.json`. */
export interface ReviewCommentsFile {
  readonly format: typeof REVIEW_COMMENTS_FORMAT;
  readonly version: typeof REVIEW_COMMENTS_VERSION;
  readonly projectGuid: string;
  readonly packageGuid: string;
  readonly packageCreatedAt: string;
  readonly reviewer: string;
  readonly savedAt: string;
  readonly comments: readonly ReviewComment[];
}

/** A piece of text of the map drawing, where it goes. */
export interface ReviewMapText {
  readonly x: number;
  readonly y: number;
  readonly text: string;
  readonly size: number;
}

/** The theme map as the exported figure lays it out (src/map/figure-layout.ts), ready to draw. */
export interface ReviewMap {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly nodes: readonly {
    readonly themeId: number;
    readonly x: number; readonly y: number; readonly w: number; readonly h: number;
    readonly colour: string;
    /** The node's fill: the colour mixed with white, as the figure draws it. */
    readonly fill: string;
    readonly lines: readonly ReviewMapText[];
    readonly badge: ReviewMapText | null;
    readonly sub: boolean;
    readonly faded: boolean;
  }[];
  readonly lines: readonly {
    readonly kind: 'link' | 'parent';
    /** The link's id for a typed link; the sub-theme's id for a connector to its theme. */
    readonly id: number;
    readonly linkKind: ThemeLinkKind | null;
    /** SVG path data. */
    readonly path: string;
    readonly stroke: string;
    readonly dash: string | null;
    readonly width: number;
    readonly arrow: boolean;
    readonly label: { readonly x: number; readonly y: number; readonly w: number; readonly h: number; readonly colour: string; readonly lines: readonly ReviewMapText[] } | null;
  }[];
  readonly legend: readonly { readonly kind: ThemeLinkKind | 'parent'; readonly x: number; readonly y: number; readonly text: ReviewMapText; readonly stroke: string; readonly dash: string | null; readonly arrow: boolean }[];
}

/** A coded extract as the package shows it (pseudonymised when asked). */
export interface ReviewExtract {
  readonly id: number;
  /** The coding's row GUID: what a comment on this quote names. */
  readonly guid: string;
  readonly codeId: number;
  readonly text: string;
  /** Who said it: informant identifiers ("K-03"), or the document's title for words no informant spoke. */
  readonly who: string;
  readonly types: readonly string[];
  readonly document: string;
}

export interface ReviewTheme {
  readonly id: number;
  readonly guid: string;
  readonly name: string;
  readonly parentId: number | null;
  readonly status: ThemeStatus;
  readonly colour: string;
  readonly definition: string;
  readonly scope: string;
  readonly finding: string;
  readonly subThemeIds: readonly number[];
  readonly codeIds: readonly number[];
  /** The exemplar quotes, best first, as the Word report picks them: extract ids. */
  readonly quoteIds: readonly number[];
  /** One cell per triangulation column, in column order. */
  readonly cells: readonly ReviewCell[];
  readonly informants: number;
  readonly extracts: number;
  readonly convergence: Convergence | null;
  readonly convergenceReason: string;
  readonly suggestion: Convergence;
}

/** One theme × informant type: the counts the app shows, and the extracts behind them. */
export interface ReviewCell {
  readonly informants: number;
  readonly extracts: number;
  /** Supporting informants, by identifier. */
  readonly supporters: readonly string[];
  readonly extractIds: readonly number[];
}

export interface ReviewLink {
  readonly id: number;
  readonly guid: string;
  readonly kind: ThemeLinkKind;
  readonly label: string;
  readonly fromThemeId: number;
  /** The theme it points at, or null when it acts on another link. */
  readonly toThemeId: number | null;
  readonly toLinkId: number | null;
  /** The link in words: "Trust" influences "Loyalty". */
  readonly text: string;
}

export interface ReviewCode {
  readonly id: number;
  readonly guid: string;
  readonly name: string;
  readonly depth: number;
  readonly description: string;
  readonly colour: string;
  readonly extractIds: readonly number[];
  readonly informants: number;
}

/** A comment thread's entry already in the project: shown read-only beside the reviewer's new ones. */
export interface ReviewExistingComment {
  readonly kind: ReviewTargetKind;
  /** The target's row GUID. */
  readonly targetGuid: string;
  readonly author: string;
  readonly body: string;
  readonly createdAt: string;
  readonly resolvedAt: string | null;
  readonly resolvedBy: string | null;
}

/** Everything one review package holds: the page reads it from its JSON block. */
export interface ReviewPackageData {
  readonly format: 'tematik-review-package';
  readonly version: 1;
  readonly language: 'en' | 'id';
  readonly strings: ReviewPageStrings;
  readonly projectGuid: string;
  readonly packageGuid: string;
  readonly packageCreatedAt: string;
  readonly projectName: string;
  readonly description: string;
  /** Safe in a file name: the comments file is named `<fileStem>-review-<reviewer>.tematik-comments.json`. */
  readonly fileStem: string;
  readonly pseudonymised: boolean;
  readonly map: ReviewMap | null;
  readonly themes: readonly ReviewTheme[];
  readonly links: readonly ReviewLink[];
  readonly columns: readonly { readonly label: string; readonly informants: number; readonly notInterviewed: readonly string[] }[];
  readonly codes: readonly ReviewCode[];
  readonly extracts: readonly ReviewExtract[];
  readonly phases: readonly { readonly phase: Phase; readonly name: string; readonly status: 'completed' | 'current' | 'todo'; readonly at: string | null }[];
  readonly journal: readonly { readonly at: string; readonly title: string; readonly author: string; readonly phase: Phase | null; readonly body: string }[];
  readonly comments: readonly ReviewExistingComment[];
}
