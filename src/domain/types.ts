import type {
  AttributeId, CodeId, CoderId, CodingId, DocumentId, InformantId, InformantTypeId, MemoId,
  ThemeId, ThemeLinkId, TurnId, Utf16Offset,
} from './ids';

/** Braun & Clarke (2006) phases, 1 = familiarising … 6 = producing the report. */
export type Phase = 1 | 2 | 3 | 4 | 5 | 6;
export const PHASES: readonly Phase[] = [1, 2, 3, 4, 5, 6];

export type ThemeStatus = 'candidate' | 'reviewed' | 'defined' | 'discarded';
export const THEME_STATUSES: readonly ThemeStatus[] = ['candidate', 'reviewed', 'defined', 'discarded'];

export type ThemeLinkKind = 'influences' | 'mediates' | 'moderates' | 'contradicts' | 'part-of' | 'associated-with';
export const THEME_LINK_KINDS: readonly ThemeLinkKind[] = ['influences', 'mediates', 'moderates', 'contradicts', 'part-of', 'associated-with'];

export type SourceFormat = 'txt' | 'md' | 'docx' | 'vtt' | 'srt' | 'qdpx';
export type SpeakerRole = 'interviewer' | 'informant' | 'unknown';
export type AttributeType = 'text' | 'number';
export type MemoKind = 'memo' | 'journal';

export interface ProjectInfo {
  readonly name: string;
  readonly description: string;
  readonly phase: Phase;
  readonly createdAt: string;
  readonly schemaVersion: number;
  readonly path: string;
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

export interface DocumentContent extends DocumentSummary {
  readonly text: string;
  readonly turns: readonly Turn[];
}

export interface Code {
  readonly id: CodeId;
  readonly parentId: CodeId | null;
  readonly name: string;
  readonly description: string;
  readonly colour: string;
  readonly inVivo: boolean;
  readonly codingCount: number;
  readonly informantCount: number;
}

export interface Coding {
  readonly id: CodingId;
  readonly documentId: DocumentId;
  readonly codeId: CodeId;
  readonly coderId: CoderId;
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
  readonly informantLabels: readonly string[];
  readonly informantTypes: readonly string[];
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
  readonly imported: readonly { readonly file: string; readonly documentId: DocumentId; readonly title: string; readonly words: number; readonly turns: number; readonly informants: readonly string[] }[];
  /** Files not imported, each with the reason; empty when everything went in. */
  readonly failed: readonly { readonly file: string; readonly reason: string }[];
  readonly skipped: readonly SkippedFile[];
  readonly informantsCreated: readonly string[];
  readonly typesCreated: readonly string[];
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
  readonly reason: string;
}
