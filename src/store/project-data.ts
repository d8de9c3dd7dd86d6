/**
 * The store interface: everything the action handlers read from and write to a project, as
 * operations rather than SQL, all asynchronous. SQLite implements it today (src/store/sqlite/);
 * a PostgreSQL team server implements the same interface, and the handlers stay as they are.
 * Handlers import this module's types and nothing else of src/store (eslint.config.mjs).
 */
import type { CodeId, CoderId, CodingId, DocumentId, InformantId, InformantTypeId, MemoId, RedactionId, ThemeId, ThemeLinkId, TurnId, Utf16Offset } from '../domain/ids';
import type { Recording, RecordingId, RecordingInput } from '../domain/recordings';
import type { Language, LocalizedText } from '../domain/text';
import type { ReplacePlan, TextEdit, TextEditResult } from '../domain/text-edits';
import type {
  Attribute, AuditEntry, BackupEntry, Code, Coder, Coding, Comment, CommentTarget, CommentTargetKind, CooccurrenceScope, CooccurrenceMatrix, DocumentContent, DocumentSpeaker,
  DocumentSummary, Extract, HistoryState, Informant, InformantType, IntegrityReport, LineEndings, Memo, MemoKind, MemoTarget,
  Phase, PhaseCheck, ProjectInfo, ProjectStats, Redaction, SearchResult, Theme, ThemeLink, ThemeMap, ThemeReview, TriangulationMatrix,
} from '../domain/types';
import type { ActionName, ValidArgs } from '../api/contract';
import type { AgreementCoder, AgreementSource } from '../analysis/agreement/read';
import type { TriangulationQuery } from '../analysis/triangulation';
import type { ParsedDocument } from '../import/types';
import type { ReportModel, ReportOptions } from '../report/model';
import type { SearchOptions } from '../search/search';
import type { CommentFilter, ReviewComment } from './comments';
import type { CommentKey, ImportedCoding, ImportedComment, ImportedMemo, MemoKey, RecordedTheme } from './imported-rows';
import type { Snapshot } from '../team/snapshot';
import type { CopyForCoderResult, MergeChoice, MergePlan, MergeReport } from '../domain/team';
import type { ActionRecord } from './project-store';
import type { AppliedName, DeidKeyEntry, ShareResult } from '../domain/deid';
import type { ShareOptions } from '../deid/share';
import type { Resolved, Settlement } from './resolve';
import type { RowGuids } from './row-guid';

export type { ActionRecord, CommentFilter, CommentKey, ImportedCoding, ImportedComment, ImportedMemo, MemoKey, RecordedTheme, Resolved, ReviewComment, RowGuids, Settlement };

/** The arguments of an action without the id of what it changes. */
type Changes<N extends ActionName> = Omit<ValidArgs<N>, 'id'>;

export interface CodeReads {
  /** With `coders`, each code's counts are of those coders' codings only. */
  list(coders?: readonly CoderId[]): Promise<Code[]>;
  /** Codes in no theme, for phase 3. */
  unthemed(): Promise<Code[]>;
  get(id: CodeId): Promise<Code>;
  /** The code's name; refuses an unknown id with a not-found error. */
  name(id: CodeId): Promise<string>;
}

export interface CodeWrites extends CodeReads {
  create(input: ValidArgs<'codes.create'>): Promise<CodeId>;
  update(id: CodeId, changes: Changes<'codes.update'>): Promise<void>;
  move(id: CodeId, parentId: CodeId | null): Promise<void>;
  merge(sourceId: CodeId, targetId: CodeId): Promise<void>;
  delete(id: CodeId): Promise<void>;
  /** The top-level code of that name (ignoring case), made when there is none. */
  resolveName(name: string, inVivo: boolean): Promise<CodeId>;
  /** Pins key 1–9 to the code, or unpins it (null). */
  setHotkey(id: CodeId, key: number | null): Promise<void>;
}

export interface CodingReads {
  get(id: CodingId): Promise<Coding>;
  forDocument(documentId: DocumentId): Promise<Coding[]>;
  /** The code's extracts (and its sub-codes' when asked), by document then position; with `limit`, the first that many. */
  extractsForCode(codeId: CodeId, includeChildren: boolean, limit?: number, coders?: readonly CoderId[]): Promise<Extract[]>;
  extractsForCodes(codeIds: readonly CodeId[]): Promise<Extract[]>;
}

export interface CodingWrites extends CodingReads {
  /** Codes a range for this store's coder. */
  apply(documentId: DocumentId, codeId: CodeId, start: Utf16Offset, end: Utf16Offset): Promise<CodingId>;
  /** Codes each range not yet coded exactly so by this coder with the code; counts both. */
  applyNew(codeId: CodeId, ranges: Iterable<readonly [DocumentId, Utf16Offset, Utf16Offset]>): Promise<{ applied: number; skipped: number }>;
  remove(id: CodingId): Promise<void>;
  recode(id: CodingId, codeId: CodeId): Promise<void>;
  /** Settles a disagreement between coders (src/store/resolve.ts): what was removed and the consensus codings recorded. */
  resolve(codingIds: readonly CodingId[], settlement: Settlement): Promise<Resolved>;
}

export interface DocumentReads {
  list(): Promise<DocumentSummary[]>;
  get(id: DocumentId): Promise<DocumentContent>;
  summary(id: DocumentId): Promise<DocumentSummary>;
  text(id: DocumentId): Promise<string>;
  speakers(id: DocumentId): Promise<DocumentSpeaker[]>;
  /** What replacing the text with `corrected` (read by the importers) would do (src/store/replace-text.ts); writes nothing. */
  replacePlan(id: DocumentId, corrected: ParsedDocument): Promise<ReplacePlan>;
}

export interface DocumentWrites extends DocumentReads {
  rename(id: DocumentId, title: string): Promise<void>;
  assign(id: DocumentId, informantIds: readonly InformantId[]): Promise<void>;
  delete(id: DocumentId): Promise<void>;
  setSpeaker(id: DocumentId, speaker: string, to: Pick<ValidArgs<'documents.setSpeaker'>, 'role' | 'informantId'>): Promise<void>;
  /** Swaps interviewer and informant turns of each document. */
  swapRoles(ids: readonly DocumentId[]): Promise<void>;
  /**
   * Edits the text (src/store/edit-text.ts) and moves every anchor into it; refused unless the text's hash is
   * `expectedHash`. Several calls in one change (several documents) are one undo step.
   */
  editText(id: DocumentId, edits: readonly TextEdit[], options: { readonly expectedHash: string }): Promise<TextEditResult>;
  /** Splits a turn at `at` (src/store/edit-turns.ts); refused unless the text's hash is `expectedHash`. */
  splitTurn(id: DocumentId, turnId: TurnId, at: Utf16Offset, options: { readonly expectedHash: string }): Promise<TextEditResult>;
  /** Replaces the text with a corrected version, carrying every coding over; refused unless the text's hash is `expectedHash`. */
  replaceText(id: DocumentId, corrected: ParsedDocument, options: { readonly expectedHash: string }): Promise<TextEditResult>;
  /** Joins a turn with the next one. */
  joinTurns(id: DocumentId, turnId: TurnId, options: { readonly expectedHash: string }): Promise<TextEditResult>;
  /** Changes one turn's speaker label, in the text and on the turn. */
  setTurnSpeaker(id: DocumentId, turnId: TurnId, speaker: string, options: { readonly expectedHash: string }): Promise<TextEditResult>;
}

export interface InformantReads {
  types(): Promise<InformantType[]>;
  type(id: InformantTypeId): Promise<InformantType>;
  attributes(): Promise<Attribute[]>;
  list(typeId?: InformantTypeId): Promise<Informant[]>;
  get(id: InformantId): Promise<Informant>;
}

export interface InformantWrites extends InformantReads {
  createType(input: ValidArgs<'informantTypes.create'>): Promise<InformantTypeId>;
  updateType(id: InformantTypeId, changes: Changes<'informantTypes.update'>): Promise<void>;
  deleteType(id: InformantTypeId): Promise<void>;
  create(input: ValidArgs<'informants.create'>): Promise<InformantId>;
  update(id: InformantId, changes: Changes<'informants.update'>): Promise<void>;
  delete(id: InformantId): Promise<void>;
}

export interface MemoReads {
  list(filter: ValidArgs<'memos.list'>): Promise<Memo[]>;
  get(id: MemoId): Promise<Memo>;
}

export interface MemoWrites extends MemoReads {
  /** Written by this store's coder. */
  create(input: { kind: MemoKind; title: string; body: string; target: MemoTarget; phase: Phase | null }): Promise<MemoId>;
  update(id: MemoId, changes: Changes<'memos.update'>): Promise<void>;
  delete(id: MemoId): Promise<void>;
}

export interface ThemeReads {
  list(): Promise<Theme[]>;
  get(id: ThemeId): Promise<Theme>;
  review(id: ThemeId): Promise<ThemeReview>;
  /** The codes whose extracts are the theme's evidence. */
  codeIds(id: ThemeId): Promise<CodeId[]>;
}

/** Changes to themes keep the map's layout as the user saw it (new themes are placed, none moves). */
export interface ThemeWrites extends ThemeReads {
  create(input: ValidArgs<'themes.create'>): Promise<ThemeId>;
  update(id: ThemeId, changes: Changes<'themes.update'>): Promise<void>;
  addCodes(id: ThemeId, codeIds: readonly CodeId[]): Promise<void>;
  removeCodes(id: ThemeId, codeIds: readonly CodeId[]): Promise<void>;
  delete(id: ThemeId): Promise<void>;
  /** A new theme named `name` holding `codeIds` taken from theme `id`. */
  split(id: ThemeId, name: string, codeIds: readonly CodeId[]): Promise<ThemeId>;
  merge(sourceId: ThemeId, targetId: ThemeId): Promise<void>;
  setConvergence(id: ThemeId, convergence: ValidArgs<'themes.setConvergence'>['convergence'], reason: string): Promise<void>;
  /** Moves a code from one theme to another (the board). */
  moveCode(codeId: CodeId, fromId: ThemeId, toId: ThemeId): Promise<void>;
}

type LinkEnds = Pick<ThemeLink, 'fromThemeId' | 'toThemeId' | 'toLinkId' | 'kind'>;

export interface ThemeLinkReads {
  list(): Promise<ThemeLink[]>;
  get(id: ThemeLinkId): Promise<ThemeLink>;
  /** The link in words, e.g. `"trust" influences "loyalty"`, for audit summaries. */
  describe(link: LinkEnds): Promise<string>;
}

export interface ThemeLinkWrites extends ThemeLinkReads {
  create(input: ValidArgs<'themeLinks.create'>): Promise<ThemeLinkId>;
  update(id: ThemeLinkId, changes: Changes<'themeLinks.update'>): Promise<void>;
  delete(id: ThemeLinkId): Promise<void>;
}

export interface MapReads {
  get(options: ValidArgs<'map.get'>): Promise<ThemeMap>;
}

export interface MapWrites extends MapReads {
  move(moves: ValidArgs<'map.move'>): Promise<void>;
  resetLayout(): Promise<void>;
}

export interface CommentReads {
  list(filter?: CommentFilter): Promise<Comment[]>;
  get(id: number): Promise<Comment>;
  /** Whether the project has a comment with this GUID (a review comment keeps its file's). */
  hasGuid(guid: string): Promise<boolean>;
  /** The row of that kind of target with this GUID, if the project has it. */
  targetByGuid(kind: CommentTargetKind, guid: string): Promise<number | undefined>;
}

export interface CommentWrites extends CommentReads {
  /** Written by this store's coder. */
  add(target: CommentTarget, body: string): Promise<number>;
  resolve(id: number, resolved: boolean): Promise<void>;
  /** A supervisor's comment from a review package: their name, not a coder. */
  addReview(comment: ReviewComment): Promise<number>;
}

export interface PhaseReads {
  checks(): Promise<PhaseCheck[]>;
}

export interface PhaseWrites extends PhaseReads {
  /** Ticks (or unticks) a checklist item, as this store's coder. */
  check(phase: Phase, item: string, done: boolean): Promise<void>;
}

export interface RedactionReads {
  list(): Promise<Redaction[]>;
  get(id: RedactionId): Promise<Redaction>;
}

export interface RedactionWrites extends RedactionReads {
  add(input: ValidArgs<'redactions.add'>): Promise<RedactionId>;
  update(id: RedactionId, changes: Changes<'redactions.update'>): Promise<void>;
  remove(id: RedactionId): Promise<void>;
}

/** De-identification (issue 15): the key of real names and pseudonyms. */
export interface DeidReads {
  key(): Promise<DeidKeyEntry[]>;
}

export interface DeidWrites extends DeidReads {
  /** Adds what one replacement did to the key (src/store/deid.ts). */
  recordKey(applied: readonly AppliedName[]): Promise<void>;
  /** Renames speaker labels of a document whose names were replaced ("Pak Joko" → "Pak [A-01]"). */
  renameSpeakers(documentId: DocumentId, renames: readonly { from: string; to: string }[]): Promise<void>;
}

// Recordings beside their transcripts (issue 16): references to media files, or their bytes when embedded.
export interface RecordingReads {
  /** Every linked recording, in transcript order, with its transcript's title. */
  list(): Promise<(Recording & { readonly documentTitle: string })[]>;
  ofDocument(documentId: DocumentId): Promise<(Recording & { readonly documentTitle: string }) | null>;
  get(id: RecordingId): Promise<Recording & { readonly documentTitle: string }>;
  /** Up to `length` bytes of an embedded recording from `start`. */
  embeddedBytes(id: RecordingId, start: number, length: number): Promise<Uint8Array>;
}
export interface RecordingWrites extends RecordingReads {
  /** Links the recording to the transcript, replacing the one it had. */
  link(documentId: DocumentId, input: RecordingInput): Promise<RecordingId>;
  /** False when the transcript had none. */
  unlink(documentId: DocumentId): Promise<boolean>;
  /** Sets or clears a turn's times (`endMs` undefined keeps its end), checked against the recording's length. */
  setTurnTime(documentId: DocumentId, turnId: TurnId, startMs: number | null, endMs: number | null | undefined): Promise<void>;
}
// Coders as people (issue 13, identity): named in the project, each with a colour and a GUID.
export interface CoderReads {
  list(): Promise<Coder[]>;
  get(id: CoderId): Promise<Coder>;
}

export interface CoderWrites extends CoderReads {
  /** Refused when the name is empty or another coder has it. */
  add(name: string): Promise<CoderId>;
  /** Every coding, memo and comment of the coder stays theirs. */
  rename(id: CoderId, name: string): Promise<{ before: string; after: string }>;
  setColour(id: CoderId, colour: string): Promise<void>;
}

export interface ProjectReads {
  /** Name, phase, counts, with this store's access and opening notices. */
  info(): Promise<ProjectInfo>;
  stats(): Promise<ProjectStats>;
  audit(limit: number): Promise<AuditEntry[]>;
}

export interface ProjectWrites extends ProjectReads {
  update(changes: ValidArgs<'project.update'> & { readonly phase?: Phase }): Promise<void>;
}

/** Triangulation and co-occurrence: queries only. */
export interface AnalysisReads {
  triangulation(query: TriangulationQuery): Promise<TriangulationMatrix>;
  cellExtracts(query: ValidArgs<'analysis.cellExtracts'>): Promise<Extract[]>;
  cooccurrence(scope: CooccurrenceScope): Promise<CooccurrenceMatrix>;
  cooccurrenceExtracts(a: number, b: number, scope: CooccurrenceScope): Promise<[Extract, Extract][]>;
}

export interface SearchReads {
  /** Full-text search: stems as Tematik computes them, phrases by position. */
  query(options: SearchOptions): Promise<SearchResult>;
  /** Codes and memos whose words are like `text`. */
  similar(text: string): Promise<{ codes: { id: CodeId; name: string; score: number }[]; memos: { id: MemoId; title: string; score: number }[] }>;
}

export interface ReportReads {
  /** Everything the Word report shows, from the theme matrix and the project's data. */
  model(matrix: TriangulationMatrix, options: ReportOptions, progress: (done: number, total: number, label: string) => void): Promise<ReportModel>;
}

export interface ExchangeReads {
  /** The project as a REFI-QDA `.qdpx` archive, exported by this store's coder. */
  projectArchive(lineEndings: LineEndings | undefined): Promise<Uint8Array>;
  /** The codebook as REFI-QDA `.qdc` XML. */
  codebookXml(): Promise<string>;
}

/** What a review package (src/review) reads beyond the other groups: the rows' GUIDs its comments come back on. */
export interface ReviewReads {
  guids(): Promise<RowGuids>;
}

/** What inter-coder agreement (src/analysis/agreement) reads: queries only, a group of their own. */
export interface AgreementReads {
  /** Every coder of the project, by id. */
  coders(): Promise<AgreementCoder[]>;
  /** The codes, the documents (all when `documentIds` is null) and every coding of `coderIds` in them. */
  source(coderIds: readonly CoderId[], documentIds: readonly DocumentId[] | null, withText: boolean): Promise<AgreementSource>;
}

/**
 * What imports write (a folder of transcripts, a REFI-QDA project, a codebook), inside their one
 * change: rows as the file brings them, with their GUIDs, authors and times, matched with what the
 * project has by name, label or text. The writers (src/import/batch.ts, src/refi/write-project.ts,
 * src/refi/codebook.ts) decide what to add and report it; these only find and store.
 */
export interface ImportWrites {
  /** Every transcript by the hash of its text (the first with each), read once for a whole import. */
  documentsByHash(): Promise<Map<string, { id: DocumentId; title: string }>>;
  /**
   * Stores a read transcript with its turns and search stems, linked to `informantIds`; speakers are
   * mapped to informants (`speakers`: label → informant, from the sheet). `guid`: the source's, kept when valid and unused.
   */
  storeDocument(doc: ParsedDocument, informantIds: readonly InformantId[], speakers?: ReadonlyMap<string, InformantId>, guid?: string): Promise<DocumentId>;
  /** Swaps interviewer and informant turns of a document just stored (the sheet's speakers kept as mapped). */
  swapRoles(documentId: DocumentId, speakers?: ReadonlyMap<string, InformantId>): Promise<void>;
  /** Links an informant to a document (once). */
  linkInformant(documentId: DocumentId, informantId: InformantId): Promise<void>;
  /** Indexes what was stored so far now rather than at commit: an import indexes in batches while it reads the next files. */
  indexStored(): Promise<void>;
  informantTypeByName(name: string): Promise<InformantTypeId | undefined>;
  informantByLabel(label: string): Promise<InformantId | undefined>;
  createInformant(input: { guid?: string; label: string; name?: string; typeId: InformantTypeId; attributes?: Record<string, string> }): Promise<InformantId>;
  /** The code of that name (ignoring case) under that parent. */
  codeByName(name: string, parentId: CodeId | null): Promise<CodeId | undefined>;
  createCode(input: { guid?: string; name: string; parentId: CodeId | null; description: string; colour?: string }): Promise<CodeId>;
  /** The coder of that name, added (with the user's GUID when valid and unused) if the project has none. */
  coder(name: string, guid?: string): Promise<CoderId>;
  /** The coder making this change. */
  currentCoder(): Promise<CoderId>;
  /** The coding's row; `added` false when that coder had already coded the passage with the code. */
  coding(coding: ImportedCoding): Promise<{ id: CodingId; added: boolean }>;
  /** Whether the project has a memo of that kind with the same title, text and target. */
  hasMemo(memo: MemoKey): Promise<boolean>;
  memo(memo: ImportedMemo): Promise<void>;
  /** Whether the author wrote the same words on the same theme or link already. */
  hasComment(comment: CommentKey): Promise<boolean>;
  comment(comment: ImportedComment): Promise<void>;
  /** The theme of that name (ignoring case) under that parent. */
  themeByName(name: string, parentId: ThemeId | null): Promise<ThemeId | undefined>;
  /** A theme as the file has it, leaving the map's layout as it is. */
  createTheme(input: { guid?: string; name: string; parentId: ThemeId | null; codeIds: readonly CodeId[]; colour?: string }): Promise<ThemeId>;
  /** Writes a theme's recorded status and judgement as they were; an exemplar not coded with one of its codes is left out (false). */
  restoreTheme(id: ThemeId, theme: RecordedTheme): Promise<boolean>;
  /** The link of that kind between the same ends, if the model has it. */
  linkByEnds(ends: { fromThemeId: ThemeId; toThemeId: ThemeId | null; toLinkId: ThemeLinkId | null; kind: ThemeLink['kind'] }): Promise<ThemeLinkId | undefined>;
  /** A link as the file has it, leaving the map's layout as it is. */
  createLink(input: { guid?: string; fromThemeId: ThemeId; toThemeId?: ThemeId; toLinkId?: ThemeLinkId; kind: ThemeLink['kind']; label: string }): Promise<ThemeLinkId>;
}

/** What may be read, outside a change or inside one. */
export interface ProjectReader {
  readonly codes: CodeReads;
  readonly codings: CodingReads;
  readonly documents: DocumentReads;
  readonly informants: InformantReads;
  readonly memos: MemoReads;
  readonly themes: ThemeReads;
  readonly themeLinks: ThemeLinkReads;
  readonly map: MapReads;
  readonly comments: CommentReads;
  readonly phases: PhaseReads;
  readonly redactions: RedactionReads;
  readonly deid: DeidReads;
  readonly coders: CoderReads;
  readonly project: ProjectReads;
  readonly analysis: AnalysisReads;
  readonly search: SearchReads;
  readonly reports: ReportReads;
  readonly exchange: ExchangeReads;
  readonly agreement: AgreementReads;
  readonly recordings: RecordingReads;
  readonly reviews: ReviewReads;
}

/** What one change may do: read and write, all in its one transaction. */
export interface ProjectTransaction extends ProjectReader {
  readonly codes: CodeWrites;
  readonly codings: CodingWrites;
  readonly documents: DocumentWrites;
  readonly informants: InformantWrites;
  readonly memos: MemoWrites;
  readonly themes: ThemeWrites;
  readonly themeLinks: ThemeLinkWrites;
  readonly map: MapWrites;
  readonly comments: CommentWrites;
  readonly phases: PhaseWrites;
  readonly redactions: RedactionWrites;
  readonly deid: DeidWrites;
  readonly coders: CoderWrites;
  readonly project: ProjectWrites;
  readonly imports: ImportWrites;
  readonly recordings: RecordingWrites;
}

/**
 * One open project. Reads outside a change each see committed data; `read` gives several reads
 * one state of the project; `change` runs one user action as one transaction with its audit row,
 * its undo step (per coder) and the search index brought up to date.
 */
export interface ProjectData extends ProjectReader {
  /** Where the project lives, for messages and file names: a path (SQLite) or an address. */
  readonly location: string;
  /** Who makes the changes made through this store. */
  readonly coder: string;

  /**
   * One user action: committed when `body` resolves, rolled back entirely when it throws.
   * `summarise`, if given, names the undo step and audit row from the result (an import counts what it stored).
   */
  change<T>(record: ActionRecord, body: (tx: ProjectTransaction) => Promise<T>, summarise?: (result: T) => Pick<ActionRecord, 'summary' | 'args'>): Promise<T>;
  /** Several reads that see one state of the project. */
  read<T>(body: (reader: ProjectReader) => Promise<T>): Promise<T>;

  /** This coder's next undo and redo. */
  history(): Promise<HistoryState>;
  /** Reverts this coder's last action; returns its summary. */
  undo(): Promise<string>;
  /** Re-applies this coder's last undone action; returns its summary. */
  redo(): Promise<string>;

  /** Checks the stored data; a damaged project becomes read-only at once, with a notice saying what was found. */
  check(): Promise<IntegrityReport>;
  /** A backup made now, on the user's request. */
  backup(): Promise<BackupEntry>;
  /** A notice the user is shown with the project's info, e.g. what a restore did. */
  notify(notice: LocalizedText): void;

  /** Team coding (src/team): the project written to `out` as a copy for `coder` to code independently; the project is not changed. */
  copyForCoder(out: string, coder: string, keepOwn: boolean): Promise<CopyForCoderResult>;
  /** A de-identified copy of the project (src/deid/share.ts), with a .qdpx of it when asked; the project is not changed. */
  shareDeidentified(options: ShareOptions): Promise<ShareResult>;
  /** What merging a coder's copy (read by src/team/read-copy.ts) would do, with the conflicts to settle; writes nothing. */
  mergePlan(copy: Snapshot, fileName: string): Promise<MergePlan>;
  /** Merges a coder's copy as one action after a backup, conflicts settled by `resolutions`; the report goes into the journal too. */
  mergeCopy(copy: Snapshot, fileName: string, resolutions: ReadonlyMap<string, MergeChoice>, language: Language): Promise<MergeReport>;
}
