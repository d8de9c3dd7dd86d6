import type { LocalizedText } from './text';
import type {
  AttributeId, CodeId, CoderId, CodingId, DocumentId, InformantId, InformantTypeId, MemoId,
  ThemeId, ThemeLinkId, TurnId, Utf16Offset, RedactionId,
} from './ids';

/*
 * Each value list is written once, here, as an `as const` array; its type, the contract's zod enums,
 * the renderer's option lists and the CLI's checks all derive from it. The SQL CHECK constraints of
 * the migrations cannot import it: test/unit/store/value-lists.test.ts holds them to these lists.
 */

/** Braun & Clarke (2006) phases, 1 = familiarising … 6 = producing the report. */
export const PHASES = [1, 2, 3, 4, 5, 6] as const;
export type Phase = (typeof PHASES)[number];

/** In Braun & Clarke's order (candidate → reviewed → defined), then discarded. */
export const THEME_STATUSES = ['candidate', 'reviewed', 'defined', 'discarded'] as const;
export type ThemeStatus = (typeof THEME_STATUSES)[number];

export const THEME_LINK_KINDS = ['influences', 'mediates', 'moderates', 'contradicts', 'part-of', 'associated-with'] as const;
export type ThemeLinkKind = (typeof THEME_LINK_KINDS)[number];

/** The researcher's triangulation judgement on a theme, after Farmer et al. (2006). */
export const CONVERGENCES = ['agreement', 'partial', 'silence', 'dissonance'] as const;
export type Convergence = (typeof CONVERGENCES)[number];

export const SOURCE_FORMATS = ['txt', 'md', 'docx', 'vtt', 'srt', 'qdpx'] as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];

export const SPEAKER_ROLES = ['interviewer', 'informant', 'unknown'] as const;
export type SpeakerRole = (typeof SPEAKER_ROLES)[number];

export const ATTRIBUTE_TYPES = ['text', 'number'] as const;
export type AttributeType = (typeof ATTRIBUTE_TYPES)[number];

export const MEMO_KINDS = ['memo', 'journal'] as const;
export type MemoKind = (typeof MEMO_KINDS)[number];

/** True when `value` is one of `list`: narrows a string (a CLI flag, a select's value, a file's field) to the list's type. */
export const isOneOf = <T extends string | number>(list: readonly T[], value: unknown): value is T => list.some((item) => item === value);

/** Why a project is open for reading only; null when it is open for writing. */
export type ReadOnlyReason = 'requested' | 'locked' | 'damaged' | 'read_only_media' | 'disk_full';

export interface ProjectInfo {
  readonly name: string;
  readonly description: string;
  readonly phase: Phase;
  readonly createdAt: string;
  readonly schemaVersion: number;
  readonly path: string;
  /** Null when this window may change the project; otherwise why it may not. */
  readonly readOnly: ReadOnlyReason | null;
  /** What the user must be told about this opening (history dropped, opened read-only because …), in both languages. */
  readonly notices: readonly LocalizedText[];
}

export interface Coder {
  readonly id: CoderId;
  readonly name: string;
}

export interface InformantType {
  readonly id: InformantTypeId;
  readonly name: string;
  readonly description: string;
  readonly colour: string;
  readonly informantCount: number;
  /** Those of them who were interviewed (a turn of their own, or a transcript without turns): the denominator of support. */
  readonly interviewedCount: number;
}

export interface Attribute {
  readonly id: AttributeId;
  readonly name: string;
  readonly valueType: AttributeType;
}

export interface Informant {
  readonly id: InformantId;
  /** The researcher's label, e.g. "K-03"; what reports cite. */
  readonly label: string;
  /** Real or chosen name; reports can pseudonymise it. */
  readonly name: string;
  readonly typeId: InformantTypeId;
  readonly typeName: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly documentIds: readonly DocumentId[];
  /** False for an informant not interviewed (yet): no transcript, or no speaker turn mapped to them. */
  readonly interviewed: boolean;
}

export interface DocumentSummary {
  readonly id: DocumentId;
  readonly title: string;
  readonly sourceName: string;
  readonly format: SourceFormat;
  readonly encoding: string;
  readonly wordCount: number;
  readonly charCount: number;
  readonly turnCount: number;
  readonly codingCount: number;
  readonly informantIds: readonly InformantId[];
  readonly importedAt: string;
  /** SHA-256 of the text as it is now: an edit of the text is made against it (`documents.editText`). */
  readonly contentHash: string;
}

export interface Turn {
  readonly id: TurnId;
  readonly seq: number;
  readonly speaker: string;
  readonly role: SpeakerRole;
  /** Milliseconds from the start of the recording, when the source had timestamps. */
  readonly startMs: number | null;
  readonly endMs: number | null;
  readonly start: Utf16Offset;
  readonly end: Utf16Offset;
}

/** A speaker label of a document and who it is: the interviewer, an informant of the document, or not yet known. */
export interface DocumentSpeaker {
  readonly speaker: string;
  readonly role: SpeakerRole;
  /** The informant whose evidence this speaker's turns are; null for the interviewer and for a speaker not mapped yet. */
  readonly informantId: InformantId | null;
  readonly turns: number;
  /** Turns containing a question mark: how the interviewer is recognised. */
  readonly questions: number;
  readonly characters: number;
}

export interface DocumentContent extends DocumentSummary {
  readonly text: string;
  readonly turns: readonly Turn[];
}

/** The part of a document that coding never changes. */
export type DocumentText = Pick<DocumentContent, 'id' | 'text' | 'turns' | 'contentHash'>;

export interface Code {
  readonly id: CodeId;
  readonly parentId: CodeId | null;
  readonly name: string;
  readonly description: string;
  readonly colour: string;
  readonly inVivo: boolean;
  readonly codingCount: number;
  readonly informantCount: number;
  /** The key 1–9 pinned to this code in the transcript view, or null when keys follow recency. */
  readonly hotkey: number | null;
}

export interface Coding {
  readonly id: CodingId;
  readonly documentId: DocumentId;
  readonly codeId: CodeId;
  readonly coderId: CoderId;
  /** Who made the coding, for team work and the audit trail. */
  readonly coderName: string;
  readonly start: Utf16Offset;
  readonly end: Utf16Offset;
  /** The coded text as it was when coded, kept to re-anchor the range if ever needed. */
  readonly quote: string;
  readonly createdAt: string;
}

/** A coding with what a reader needs to place it: informant, type, document. */
export interface Extract extends Coding {
  readonly codeName: string;
  readonly documentTitle: string;
  /** The informants who spoke the coded passage (none for the interviewer's words), by label. */
  readonly informantIds: readonly InformantId[];
  readonly informantLabels: readonly string[];
  /** Their distinct informant types. */
  readonly informantTypes: readonly string[];
  /** When the passage was said in the transcript's recording, when its turn has a time; absent otherwise. */
  readonly time?: PassageTime;
}

/** A stretch of a recording, in milliseconds; `endMs` null when the turn's end is not known. */
export interface PassageTime {
  readonly startMs: number;
  readonly endMs: number | null;
}

export type MemoTarget =
  | { readonly kind: 'project' }
  | { readonly kind: 'document'; readonly id: DocumentId }
  | { readonly kind: 'code'; readonly id: CodeId }
  | { readonly kind: 'theme'; readonly id: ThemeId }
  | { readonly kind: 'coding'; readonly id: CodingId };

export interface Memo {
  readonly id: MemoId;
  readonly kind: MemoKind;
  readonly title: string;
  readonly body: string;
  /** The Braun & Clarke phase the project was in when a journal entry was written. */
  readonly phase: Phase | null;
  readonly target: MemoTarget;
  readonly author: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface Theme {
  readonly id: ThemeId;
  readonly parentId: ThemeId | null;
  readonly name: string;
  readonly definition: string;
  /** What the theme is not: its boundary against neighbouring themes. */
  readonly scope: string;
  readonly status: ThemeStatus;
  readonly colour: string;
  readonly exemplarCodingId: CodingId | null;
  readonly codeIds: readonly CodeId[];
  /** The researcher's convergence judgement across informant types, null until recorded. */
  readonly convergence: Convergence | null;
  /** Why: the researcher's words, reported beside the judgement. */
  readonly convergenceReason: string;
  /** The theme's key finding in a sentence: the "Main finding" of the report's findings table ('' = the definition's first sentence). */
  readonly finding: string;
}

/**
 * How the Word report attributes a quote: "(Informan P-01, Pemilik UMKM)", "(P-01)", or a
 * numbered pseudonym with the type, "(Informan 2, Pemilik UMKM)".
 */
export const REPORT_ATTRIBUTIONS = ['label-type', 'label', 'pseudonym-type'] as const;
export type ReportAttribution = (typeof REPORT_ATTRIBUTIONS)[number];

/** A name of a third party or business to replace when pseudonymising a report ("Kopi Lereng" → "[kedai kopi]"). */
/** A person named in the project who codes (not the computer's login). */
export interface Coder {
  readonly id: CoderId;
  /** Stable across copies of the project, so a coder's copy merges back onto the same person. */
  readonly guid: string;
  readonly name: string;
  /** '#rrggbb', shown wherever a view tells coders apart. */
  readonly colour: string;
  readonly createdAt: string;
  /** How many codings this coder made. */
  readonly codings: number;
  /**
   * The project's consensus coder: not a person but where the team records how it settled a
   * disagreement (`codings.resolve`). Agreement compares only the coders it is given, so these
   * codings stay out of it unless asked for.
   */
  readonly consensus: boolean;
}

/** The coders of the open project and who is coding in this window. */
export interface CoderList {
  readonly coders: readonly Coder[];
  /** The name changes are recorded under; it has a row once its first change is made. */
  readonly current: string;
  /** Whether someone said who is coding this project, on this computer or in this window; if not, the app asks. */
  readonly chosen: boolean;
  /** Blind mode: the coding views show only the current coder's codings (remembered on this computer for the project). */
  readonly blind: boolean;
}

/** Who or what a name to hide is (de-identification, issue 15): informants come from the informants table, the rest from the list of names to hide. */
export const NAME_KINDS = ['informant', 'person', 'place', 'business', 'other'] as const;
export type NameKind = (typeof NAME_KINDS)[number];
/** The kinds the researcher gives a name in the list of names to hide: a person's is found by its parts too, the others only whole. */
export const LISTED_KINDS = ['person', 'place', 'business', 'other'] as const;
export type ListedKind = (typeof LISTED_KINDS)[number];

export interface Redaction {
  readonly id: RedactionId;
  readonly term: string;
  readonly replacement: string;
  /** How de-identification finds it: a person's name by its parts too, a place's or business's only whole. */
  readonly kind: ListedKind;
  readonly createdAt: string;
}

export interface ThemeLink {
  readonly id: ThemeLinkId;
  readonly fromThemeId: ThemeId;
  /** Exactly one of `toThemeId` and `toLinkId`: "M mediates (X → Y)" points at the link X → Y. */
  readonly toThemeId: ThemeId | null;
  readonly toLinkId: ThemeLinkId | null;
  readonly kind: ThemeLinkKind;
  readonly label: string;
}

export interface AuditEntry {
  readonly id: number;
  readonly at: string;
  readonly coder: string;
  readonly action: string;
  readonly summary: string;
}

export interface HistoryState {
  /** Label of the action `undo` would revert, or null. */
  readonly undo: string | null;
  readonly redo: string | null;
  /** The contract action (e.g. `codings.apply`) of the step `undo` would revert, for the UI to name it in its language; null when there is none. */
  readonly undoAction?: string | null;
  readonly redoAction?: string | null;
}

export interface ProjectStats {
  readonly documents: number;
  readonly words: number;
  readonly informants: number;
  readonly informantTypes: number;
  readonly codes: number;
  readonly codings: number;
  readonly themes: number;
  readonly memos: number;
  readonly phase: Phase;
  readonly informantsPerType: readonly { readonly type: string; readonly informants: number; readonly documents: number }[];
}

/** What a batch import did, file by file. */
export interface ImportReport {
  readonly imported: readonly {
    readonly file: string; readonly documentId: DocumentId; readonly title: string; readonly words: number; readonly turns: number; readonly informants: readonly string[];
    /** The recording linked with it (same base name in the folder, or the sheet's `recording`), by file name. */
    readonly recording?: string;
  }[];
  /** Files not imported, each with the reason; empty when everything went in. */
  readonly failed: readonly { readonly file: string; readonly reason: string; readonly reasonText?: LocalizedText }[];
  readonly skipped: readonly SkippedFile[];
  readonly informantsCreated: readonly string[];
  readonly typesCreated: readonly string[];
}

/**
 * How an exported .qdpx ends the lines of its text files. 'crlf' suits tools that read Windows text and
 * count CR LF as one character (ATLAS.ti); positions then count each line break once, as with 'lf'.
 */
export const LINE_ENDINGS = ['lf', 'crlf'] as const;
export type LineEndings = (typeof LINE_ENDINGS)[number];

/** The kinds of thing an exchange file (REFI-QDA project or codebook, Taguette codebook) carries, as its import report lists them. */
export const EXCHANGE_KINDS = ['sources', 'codes', 'codings', 'memos', 'cases', 'variables', 'sets', 'links', 'themes', 'comments', 'other'] as const;
export type ExchangeKind = (typeof EXCHANGE_KINDS)[number];

/** One line under a kind: why some were skipped (`skipped` > 0), or a remark on how they came in. */
export interface ExchangeNote {
  readonly text: LocalizedText;
  /** How many times it happened (a reason shared by 40 codings is one note with count 40). */
  readonly count: number;
  /** How many items it left out; 0 for a remark. */
  readonly skipped: number;
}

/** What an import did with one kind of thing: how many the file had, how many came in, what was skipped and why. */
export interface ExchangeSection {
  readonly kind: ExchangeKind;
  readonly found: number;
  readonly imported: number;
  readonly skipped: number;
  readonly notes: readonly ExchangeNote[];
}

/** A variable of the cases in a .qdpx, as the user sees it when choosing which one names the informant type. */
export interface CaseVariableSummary {
  readonly name: string;
  /** REFI-QDA `typeOfVariable`: Text, Boolean, Integer, Float, Date, DateTime. */
  readonly type: string;
  /** How many cases have a value for it. */
  readonly cases: number;
  /** How many different values the cases have. */
  readonly distinct: number;
  /** A few of the values, the most frequent first. */
  readonly samples: readonly string[];
}

/** What a .qdpx holds, read and checked without writing anything (`refi.inspectProject`): what the user decides on before importing. */
export interface ProjectInspection {
  /** The file's name. */
  readonly file: string;
  /** The project's name in the file. */
  readonly name: string;
  /** The program that wrote it (the `origin` attribute), or null when it does not say. */
  readonly origin: string | null;
  /** What Tematik can read from it, per kind. */
  readonly counts: { readonly sources: number; readonly codes: number; readonly codings: number; readonly memos: number; readonly cases: number; readonly variables: number };
  readonly variables: readonly CaseVariableSummary[];
  /** The variable Tematik would take the informant type from: Tematik's own "Informant type", else one named like a type; null when none. */
  readonly suggestedTypeVariable: string | null;
  /** The type every case gets when no variable is chosen (or a case has no value). */
  readonly defaultType: string;
}

/** A part of a project, as the user knows it, that damage to the file can touch. */
export type ProjectPart = 'details' | 'informants' | 'transcripts' | 'codebook' | 'codings' | 'themes' | 'memos' | 'searchIndex' | 'history' | 'structure';

/** What SQLite's check of a project file found (`project.check`, `tematik check`). */
export interface IntegrityReport {
  readonly ok: boolean;
  /** 'full' is SQLite's integrity_check; 'quick' its quick_check (no index contents), run on opening. */
  readonly depth: 'quick' | 'full';
  /** The damaged parts of the project; empty when `ok`. */
  readonly parts: readonly ProjectPart[];
  /** What SQLite reported, line by line (at most 100), for an expert or a bug report. */
  readonly problems: readonly string[];
  /** The outcome and the way out in one sentence, in both languages. */
  readonly summary: LocalizedText;
  readonly pages: number;
  readonly bytes: number;
  readonly tookMs: number;
}

/** Progress of a long action, sent to the UI or drawn as the CLI's bar. */
export interface Progress {
  readonly done: number;
  readonly total: number;
  readonly label: string;
}

/** A file an import left out on purpose (already in the project, or not a transcript). */
export interface SkippedFile {
  readonly file: string;
  /** In English; `reasonText` has it in both interface languages where the core translated it. */
  readonly reason: string;
  readonly reasonText?: LocalizedText;
}

export interface RecentProject {
  readonly path: string;
  readonly name: string;
  readonly openedAt: string;
}

/** What the UI needs to know about the program around it. */
export interface AppInfo {
  /** Where the core runs: the desktop app, browser mode, the command line, or a team server (`tematik serve`). */
  readonly host: 'electron' | 'browser' | 'cli' | 'server';
  /** True when the host has native file dialogs (Electron); otherwise the UI asks for typed paths. */
  readonly dialogs: boolean;
  readonly sampleAvailable: boolean;
  readonly recent: readonly RecentProject[];
  /** The open project's path, or null. */
  readonly projectPath: string | null;
  readonly version: string;
}

/** What a comment can be on: a theme or a link of the theme model, a code, or a coding (a quote). */
export const COMMENT_TARGET_KINDS = ['theme', 'link', 'code', 'coding'] as const;
export type CommentTargetKind = (typeof COMMENT_TARGET_KINDS)[number];

export type CommentTarget =
  | { readonly kind: 'theme'; readonly id: ThemeId }
  | { readonly kind: 'link'; readonly id: ThemeLinkId }
  | { readonly kind: 'code'; readonly id: CodeId }
  | { readonly kind: 'coding'; readonly id: CodingId };

/**
 * A comment on a theme, a link, a code or a coding: a teammate's (a coder of the project) or a
 * supervisor's, brought back from a review package. A supervisor is not a coder: `review` names
 * the package and `author` is the name they gave in it.
 */
export interface Comment {
  readonly id: number;
  readonly guid: string;
  /** Null for an unplaced review comment (its target was deleted since the package). */
  readonly target: CommentTarget | null;
  /** The coder's name, or the reviewer's for a comment from a review package. */
  readonly author: string;
  /** Set when the comment came from a review package. */
  readonly review: { readonly packageGuid: string } | null;
  /** What a review comment was on when that was deleted or merged away before the comments came back. */
  readonly unplaced: { readonly kind: CommentTargetKind; readonly guid: string; readonly label: string } | null;
  readonly body: string;
  readonly createdAt: string;
  readonly resolvedAt: string | null;
  readonly resolvedBy: string | null;
}

/** What importing a reviewer's comments file did (`comments.importReview`). */
export interface ReviewCommentsReport {
  /** The file's name, as the journal names it. */
  readonly file: string;
  readonly reviewer: string;
  readonly packageGuid: string;
  /** Comments added on targets the project still has, by the kind of target. */
  readonly added: Readonly<Record<CommentTargetKind, number>>;
  /** Comments of the file the project already had (the same file, or an earlier save of it, imported before). */
  readonly already: number;
  /** Comments added without a target: theirs was deleted or merged away since the package was made. */
  readonly unplaced: readonly { readonly kind: CommentTargetKind; readonly label: string }[];
}

export interface PhaseCheck {
  readonly phase: Phase;
  readonly item: string;
  readonly doneAt: string;
  readonly by: string;
}

export interface MapPoint {
  readonly x: number;
  readonly y: number;
  /**
   * True where the position is stored (placed by hand, or kept where the map drew it when the
   * model changed); false where the layout places it on this reading.
   */
  readonly pinned: boolean;
}

/** Everything the theme map draws: nodes with positions, and typed links. */
export interface ThemeMap {
  readonly themes: readonly (Theme & MapPoint)[];
  /** Codes of the shown themes, when codes are shown. */
  readonly codes: readonly (Pick<Code, 'id' | 'name' | 'colour' | 'codingCount'> & MapPoint)[];
  readonly links: readonly ThemeLink[];
}

/** Which informants are compared: by type, or by the values of one attribute (city, sector…). */
export type GroupBy = { readonly kind: 'type' } | { readonly kind: 'attribute'; readonly name: string };

export interface TriangulationColumn {
  readonly key: string;
  readonly label: string;
  /**
   * The group's informants who were interviewed, the denominator of "4 of 6 owners": those
   * with a speaker turn of their own, or linked to a transcript without speaker turns.
   */
  readonly informants: number;
  /** Labels of the group's informants not interviewed (yet): in the sheet with no transcript, or no turn mapped to them. Never "silent". */
  readonly notInterviewed: readonly string[];
}

export interface TriangulationCell {
  readonly informants: number;
  readonly extracts: number;
}

/** What the data suggest; the researcher confirms or overrides it. Counts support judgement, they do not replace it. */
export interface ConvergenceSuggestion {
  readonly judgement: Convergence;
  /** Groups with no extract at all: candidates for "silence". */
  readonly silent: readonly string[];
  /** Share of each group's informants supporting the row, in column order (0–1). */
  readonly spread: readonly number[];
}

export interface TriangulationRow {
  readonly kind: 'theme' | 'code';
  readonly id: number;
  readonly name: string;
  readonly colour: string;
  readonly cells: readonly TriangulationCell[];
  readonly informants: number;
  readonly extracts: number;
  readonly suggestion: ConvergenceSuggestion;
  /** The researcher's recorded judgement (themes only). */
  readonly convergence: Convergence | null;
  readonly convergenceReason: string;
}

/** A coder as counts name them: which coders' codings a count includes. */
export interface CoderRef {
  readonly id: CoderId;
  readonly name: string;
}

export interface TriangulationMatrix {
  readonly groupBy: GroupBy;
  readonly columns: readonly TriangulationColumn[];
  /** The coders whose codings were counted (every coder unless the query named some). */
  readonly coders: readonly CoderRef[];
  readonly rows: readonly TriangulationRow[];
}

/** Codes applied to overlapping text, or within the same speaker turn. */
export type CooccurrenceScope = 'overlap' | 'turn';

export interface CooccurrenceMatrix {
  readonly scope: CooccurrenceScope;
  readonly codes: readonly Pick<Code, 'id' | 'name' | 'colour'>[];
  /** counts[i][j]: co-occurrences of codes i and j; the diagonal holds each code's codings. */
  readonly counts: readonly (readonly number[])[];
}

/** One theme under review: its evidence by informant type and informant, and its weak spots. */
export interface ThemeReview {
  readonly theme: Theme;
  readonly codes: readonly Code[];
  /** Per informant type: supporting informants of the `totalInformants` interviewed; the not interviewed are listed apart, never silent. */
  readonly support: readonly {
    readonly type: string; readonly colour: string; readonly informants: number; readonly totalInformants: number; readonly extracts: number;
    readonly notInterviewed: readonly string[];
  }[];
  readonly groups: readonly { readonly type: string; readonly informants: readonly { readonly label: string; readonly extracts: readonly Extract[] }[] }[];
  /** Codes that sit in the theme on thin evidence. */
  readonly weakCodes: readonly { readonly code: Code; readonly reason: 'few-extracts' | 'one-informant' }[];
  readonly subThemes: readonly Theme[];
}

/** Narrows a search; every field is optional and they combine with AND. */
export interface SearchFilters {
  /** Only what informants of these types said (in a group interview, the speaker's type counts). */
  readonly informantTypeIds?: readonly InformantTypeId[];
  /** Only what informants with this attribute value said (e.g. city = Yogyakarta). */
  readonly attribute?: { readonly name: string; readonly value: string };
  /** Whose turns: informants' only, the interviewer's only, or everything (default). */
  readonly role?: 'informant' | 'interviewer' | 'all';
  readonly documentIds?: readonly DocumentId[];
  /** Only hits inside extracts coded with this code (or its sub-codes). */
  readonly codeId?: CodeId;
  /** What to search: transcripts, memos, codes' names and descriptions. Default: all three. */
  readonly scope?: readonly ('documents' | 'memos' | 'codes')[];
}

/** One keyword-in-context line. */
export interface SearchHit {
  readonly kind: 'document' | 'memo' | 'code';
  readonly documentId: DocumentId | null;
  readonly memoId: MemoId | null;
  readonly codeId: CodeId | null;
  /** Document title, memo title, or code name. */
  readonly title: string;
  readonly informantLabels: readonly string[];
  readonly informantTypes: readonly string[];
  readonly speaker: string;
  /** The role of the speaker turn the hit is in; null outside a transcript's turns (memos, codes, documents without turns). */
  readonly role: SpeakerRole | null;
  readonly startMs: number | null;
  /** The hit in the document's (or memo's, or code's) text. */
  readonly start: Utf16Offset;
  readonly end: Utf16Offset;
  /** The speaker turn (or paragraph) the hit is in. */
  readonly unitStart: Utf16Offset;
  readonly unitEnd: Utf16Offset;
  readonly before: string;
  readonly match: string;
  readonly after: string;
}

/** Why a search found nothing, where the data can tell. */
export type SearchEmpty =
  /** These parts of an AND occur nowhere in the project. */
  | { readonly kind: 'missing'; readonly terms: readonly string[] }
  /** Every part occurs, but never in the same passage (speaker turn or paragraph): AND works within one. */
  | { readonly kind: 'apart'; readonly terms: readonly string[] }
  /** The search finds `total` hits without the filters. */
  | { readonly kind: 'filtered'; readonly total: number };

export interface SearchResult {
  /** Hits in the order asked for, up to the limit. */
  readonly hits: readonly SearchHit[];
  /**
   * How many hits there are in all. Exact when every matching passage was read (a code
   * filter, or fewer passages than the limit); otherwise at least the number of passages.
   */
  readonly total: number;
  /** Matching passages: speaker turns, paragraphs, memos, codes. */
  readonly passages: number;
  readonly tookMs: number;
  /** Set when there are no hits and the data say why. */
  readonly empty?: SearchEmpty | null;
}

/**
 * Why a backup was made: the first change of a day, "Back up now", before a migration, before a
 * restore replaced the file (the file as it was), before a merge of another copy.
 */
export type BackupKind = 'daily' | 'manual' | 'migration' | 'before-restore' | 'before-merge';
export const BACKUP_KINDS: readonly BackupKind[] = ['daily', 'manual', 'migration', 'before-restore', 'before-merge'];
/** How many backups of each kind a project keeps; older ones are removed, so backups never fill the disk. */
export const BACKUP_LIMITS: Readonly<Record<BackupKind, number>> = {
  daily: 7, manual: 5, migration: 3, 'before-restore': 3, 'before-merge': 3,
};

/** One backup of a project, as read from the backup file itself. */
export interface BackupEntry {
  /** The file's name in the project's backup folder; what `backup.restore` takes. */
  readonly id: string;
  readonly path: string;
  readonly kind: BackupKind;
  /** When it was made (ISO, UTC). */
  readonly createdAt: string;
  readonly bytes: number;
  /** Null when the file cannot be read (the same for the three below). */
  readonly projectName: string | null;
  readonly schemaVersion: number | null;
  readonly documents: number | null;
  readonly codings: number | null;
  /** Null when it can be restored; otherwise why not (from a newer Tematik, unreadable). */
  readonly problem: LocalizedText | null;
}

/** A project's backups, newest first. */
export interface BackupList {
  readonly projectPath: string;
  /** Where they are kept: `<project>.tematik-backups/` beside the project file. */
  readonly folder: string;
  readonly backups: readonly BackupEntry[];
}
