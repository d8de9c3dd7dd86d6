import { z } from 'zod';
import type {
  CodeId, CoderId, CodingId, DocumentId, InformantId, InformantTypeId, MemoId, ThemeId, ThemeLinkId, Utf16Offset, RedactionId, TurnId,
} from '../domain/ids';
import type {
  AppInfo, AuditEntry, Attribute, BackupEntry, BackupList, IntegrityReport, Code, Coding, Comment, CooccurrenceMatrix, DocumentContent, DocumentText, DocumentSpeaker, DocumentSummary, Extract, HistoryState,
  ExchangeSection, ImportReport, Informant, InformantType, Memo, Phase, PhaseCheck, ProjectInfo, ProjectInspection, ProjectStats, SearchResult, Theme, ThemeLink, ThemeMap,
  ThemeReview, TriangulationMatrix, Redaction, Coder, CoderList, ReviewCommentsReport,
} from '../domain/types';
import type { AgreementDisagreement, AgreementResult } from '../domain/agreement';
import type { RecordingId, RecordingSource, RecordingStatus } from '../domain/recordings';
import type { CopyForCoderResult, MergePlan, MergeReport } from '../domain/team';
import type { ReplacePlan, TextEditResult } from '../domain/text-edits';
import type { DeidApplyResult, DeidKeyEntry, DeidPreview, ShareResult } from '../domain/deid';
import { MERGE_CHOICES } from '../domain/team';
import { AGREEMENT_COEFFICIENTS, AGREEMENT_TAKES_PART, AGREEMENT_UNITS } from '../domain/agreement';
import { CONVERGENCES, isOneOf, LINE_ENDINGS, LISTED_KINDS, MEMO_KINDS, PHASES, REPORT_ATTRIBUTIONS, SPEAKER_ROLES, THEME_LINK_KINDS, THEME_STATUSES } from '../domain/types';

/**
 * The one contract: every command and query a user can make, with its argument
 * schema and result type. Electron IPC, browser mode and the CLI all dispatch
 * through the handler table that implements it (src/api/handlers).
 */

/** Declares an action: its argument schema now, its result type as a phantom. */
const action = <R>() => <S extends z.ZodType>(args: S) => ({ args, result: undefined as unknown as R });

const id = <B>() => z.number().int().positive().transform((n) => n as B);
const offset = z.number().int().nonnegative().transform((n) => n as Utf16Offset);
const name = z.string().trim().min(1, 'must not be empty').max(200);
const colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #1f77b4');
const phase = z.number().int().refine((n): n is Phase => isOneOf(PHASES, n), 'must be a phase from 1 to 6');
const none = z.strictObject({});
/** A transcript's content hash as `documents.get` gives it: the version of the text an edit was made against. */
const contentHash = z.string().regex(/^[0-9a-f]{64}$/, 'must be the transcript\'s content hash (documents.get gives it)');
const textEdit = z.strictObject({ start: offset, end: offset, text: z.string().max(1_000_000) });

const groupBy = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('type') }),
  z.strictObject({ kind: z.literal('attribute'), name: z.string().min(1) }),
]);
const commentTarget = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('theme'), id: id<ThemeId>() }),
  z.strictObject({ kind: z.literal('link'), id: id<ThemeLinkId>() }),
  z.strictObject({ kind: z.literal('code'), id: id<CodeId>() }),
  z.strictObject({ kind: z.literal('coding'), id: id<CodingId>() }),
]);
/** The largest review comments file Tematik reads (a page's file is a few kilobytes); src/review/comments-file.ts refuses larger ones. */
export const MAX_REVIEW_FILE_BYTES = 5 * 1024 * 1024;
/**
 * A reviewer's comments file read by the renderer (a file chosen in the page, or dropped on the
 * window, has no path in browser mode): its name, its size on disk and its text. The renderer sends
 * no text for a file over MAX_REVIEW_FILE_BYTES, so the core refuses it by its size with its own message.
 */
const droppedFile = z.strictObject({ name: z.string().trim().min(1).max(500), bytes: z.number().int().nonnegative(), text: z.string().max(MAX_REVIEW_FILE_BYTES) });
const coordinate = z.number().finite().min(-100000).max(100000);
const linkKind = z.enum(THEME_LINK_KINDS);
const convergence = z.enum(CONVERGENCES);
const redactionTerm = z.string().trim().min(1, 'type the name to hide (e.g. a shop name such as "Kopi Lereng")').max(200)
  .refine((t) => /[\p{L}\p{N}]/u.test(t), 'must contain a letter or digit');
const redactionReplacement = z.string().trim().min(1, 'type what to print instead (e.g. "[kedai kopi]")').max(200);
const deidPlaceholder = z.string().trim().min(1, 'type the placeholder (e.g. "[nama]")').max(200);
/** Which table a table export writes: every table the UI shows. */
export const EXPORT_TABLES = ['codebook', 'informants', 'extracts', 'triangulation', 'cooccurrence', 'agreement', 'agreementDisagreements', 'deidKey'] as const;
/** A table as CSV text or as an Excel workbook. */
export const TABLE_FORMATS = ['csv', 'xlsx'] as const;

/**
 * What inter-coder agreement compares (src/analysis/agreement): two to 30 coders by id or name;
 * the documents (all when not given); the codes (all when not given) or one code group whose
 * sub-codes are mutually exclusive; the unit (speaker turn when not given); whether units that no
 * chosen coder coded with a compared code count (yes when not given); and which documents a coder
 * counts in ('coded', the default: those where they made at least one coding; or the `assignments`).
 */
const agreementOptions = {
  coders: z.array(z.union([z.number().int().positive(), z.string().trim().min(1).max(200)])).max(30),
  documentIds: z.array(id<DocumentId>()).max(100000).optional(),
  codeIds: z.array(id<CodeId>()).min(1).max(100000).optional(),
  groupId: id<CodeId>().optional(),
  unit: z.enum(AGREEMENT_UNITS).optional(),
  includeUncoded: z.boolean().optional(),
  takesPart: z.enum(AGREEMENT_TAKES_PART).optional(),
  /** The documents each coder was given to code: there, no coding means "nothing applies"; elsewhere the rule of `takesPart` 'coded'. */
  assignments: z.array(z.strictObject({
    coder: z.union([z.number().int().positive(), z.string().trim().min(1).max(200)]), documentIds: z.array(id<DocumentId>()).max(100000),
  })).max(30).optional(),
};

const searchFilters = z.strictObject({
  informantTypeIds: z.array(id<InformantTypeId>()).max(100).optional(),
  attribute: z.strictObject({ name: z.string().min(1), value: z.string() }).optional(),
  documentIds: z.array(id<DocumentId>()).max(10000).optional(),
  codeId: id<CodeId>().optional(),
  scope: z.array(z.enum(['documents', 'memos', 'codes'])).min(1).optional(),
  role: z.enum(['informant', 'interviewer', 'all']).optional(),
});
const searchQuery = z.string().trim().min(1, 'type something to search for').max(1000);

const memoTarget = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('project') }),
  z.strictObject({ kind: z.literal('document'), id: id<DocumentId>() }),
  z.strictObject({ kind: z.literal('code'), id: id<CodeId>() }),
  z.strictObject({ kind: z.literal('theme'), id: id<ThemeId>() }),
  z.strictObject({ kind: z.literal('coding'), id: id<CodingId>() }),
]);

export const contract = {
  'app.info': action<AppInfo>()(none),
  /** Shows the host's native file dialog; refused where there is none (browser mode). */
  'app.choosePaths': action<readonly string[] | null>()(z.strictObject({ kind: z.enum(['openProject', 'newProject', 'importFiles', 'importFolder', 'informantSheet', 'saveCopy', 'mergeCopy', 'recording']) })),
  /**
   * Opens the sample study, creating it from the bundled interviews the first time: the worked example
   * (coded, themes defined, theme model, triangulation, journal) or the practice copy (transcripts and
   * informant sheet only; the default). `path` creates it there instead (CLI); an existing file is refused.
   */
  'app.openSample': action<ProjectInfo>()(z.strictObject({ variant: z.enum(['worked', 'practice']).optional(), path: z.string().min(1).optional() })),
  'app.forgetRecent': action<AppInfo>()(z.strictObject({ path: z.string().min(1) })),

  'project.create': action<ProjectInfo>()(z.strictObject({ path: z.string().min(1), name: name.optional() })),
  /**
   * Opens a project for writing, or refuses with 'locked' when another Tematik has it; `readOnly`
   * opens it to read and export only. A read-only folder, a full disk or a damaged file open
   * read-only by themselves: `readOnly` and `notices` of the result say why.
   */
  'project.open': action<ProjectInfo>()(z.strictObject({ path: z.string().min(1), readOnly: z.boolean().optional() })),
  'project.close': action<null>()(none),
  'project.info': action<ProjectInfo>()(none),
  'project.update': action<ProjectInfo>()(z.strictObject({ name: name.optional(), description: z.string().max(20000).optional() })),
  'project.setPhase': action<ProjectInfo>()(z.strictObject({ phase, note: z.string().max(20000).optional() })),
  'project.stats': action<ProjectStats>()(none),
  /** SQLite's full integrity check of the open project file; damage found makes the project read-only. */
  'project.check': action<IntegrityReport>()(none),

  /**
   * The project's backups (daily, "Back up now", before a migration, a restore or a merge), newest first.
   * `path` names a project that is not open, even one that cannot be opened (a damaged file).
   */
  'backup.list': action<BackupList>()(z.strictObject({ path: z.string().min(1).optional() })),
  /** "Back up now": a backup of the open project into its backup folder. */
  'backup.create': action<BackupEntry>()(none),
  /**
   * Replaces the project at `path` (default: the open one) by a backup, `backup` being an id from
   * `backup.list` or the path of a backup file; the project as it was is kept as a backup first.
   * The restored project is then open.
   */
  'backup.restore': action<ProjectInfo>()(z.strictObject({ backup: z.string().min(1), path: z.string().min(1).optional() })),

  'history.state': action<HistoryState>()(none),
  'history.undo': action<HistoryState>()(none),
  'history.redo': action<HistoryState>()(none),
  'audit.list': action<readonly AuditEntry[]>()(z.strictObject({ limit: z.number().int().positive().max(100000).optional() })),

  'informantTypes.list': action<readonly InformantType[]>()(none),
  'informantTypes.create': action<InformantType>()(z.strictObject({ name, description: z.string().optional(), colour: colour.optional() })),
  'informantTypes.update': action<InformantType>()(z.strictObject({ id: id<InformantTypeId>(), name: name.optional(), description: z.string().optional(), colour: colour.optional() })),
  'informantTypes.delete': action<null>()(z.strictObject({ id: id<InformantTypeId>() })),

  'attributes.list': action<readonly Attribute[]>()(none),
  'informants.list': action<readonly Informant[]>()(z.strictObject({ typeId: id<InformantTypeId>().optional() })),
  'informants.create': action<Informant>()(z.strictObject({
    label: name, name: z.string().max(200).optional(), typeId: id<InformantTypeId>(),
    attributes: z.record(z.string().trim().min(1), z.string()).optional(),
  })),
  'informants.update': action<Informant>()(z.strictObject({
    id: id<InformantId>(), label: name.optional(), name: z.string().max(200).optional(), typeId: id<InformantTypeId>().optional(),
    /** Attribute values to set; null removes the value. */
    attributes: z.record(z.string().trim().min(1), z.string().nullable()).optional(),
  })),
  'informants.delete': action<null>()(z.strictObject({ id: id<InformantId>() })),

  'documents.list': action<readonly DocumentSummary[]>()(none),
  'documents.get': action<DocumentContent>()(z.strictObject({ id: id<DocumentId>() })),
  /** A transcript's text and turns without its summary: what coding leaves unchanged, so the reader keeps it while codings change. */
  'documents.text': action<DocumentText>()(z.strictObject({ id: id<DocumentId>() })),
  'documents.rename': action<DocumentSummary>()(z.strictObject({ id: id<DocumentId>(), title: name })),
  'documents.assign': action<DocumentSummary>()(z.strictObject({ id: id<DocumentId>(), informantIds: z.array(id<InformantId>()).max(100) })),
  'documents.delete': action<null>()(z.strictObject({ id: id<DocumentId>() })),
  /** The speakers of a document: role, the informant each speaks for, turns and questions (how the interviewer is recognised). */
  'documents.speakers': action<readonly DocumentSpeaker[]>()(z.strictObject({ id: id<DocumentId>() })),
  /**
   * Says who a speaker is: the interviewer, an informant of the document (whose evidence every
   * turn of that speaker becomes), or unknown. Undoable; every count follows.
   */
  'documents.setSpeaker': action<readonly DocumentSpeaker[]>()(z.strictObject({
    id: id<DocumentId>(), speaker: z.string().min(1).max(100), role: z.enum(SPEAKER_ROLES), informantId: id<InformantId>().nullable(),
  })),
  /** Swaps interviewer and informant roles in the documents (P/I read the wrong way round), then maps informants again. */
  'documents.swapRoles': action<null>()(z.strictObject({ ids: z.array(id<DocumentId>()).min(1).max(10000) })),
  /**
   * Edits a transcript's text (issue 15): each edit replaces [start, end) of the text the client read (UTF-16
   * offsets, as codings store them) with `text`. Every coding, turn, memo, exemplar and comment follows; a coding
   * whose text is wholly deleted is removed and listed. Refused when the text changed since (`expectedHash`). One undo step.
   */
  'documents.editText': action<TextEditResult>()(z.strictObject({
    id: id<DocumentId>(), edits: z.array(textEdit).min(1).max(100_000), expectedHash: contentHash,
  })),
  /**
   * What replacing a transcript with a corrected version of it (a .txt, .docx, .vtt or .srt the user fixed
   * elsewhere) would do: codings carried over, changed, and those that cannot be placed. Writes nothing.
   */
  'documents.replacePlan': action<ReplacePlan>()(z.strictObject({ id: id<DocumentId>(), file: z.string().min(1, 'name the corrected file') })),
  /**
   * Replaces a transcript's text with a corrected version: aligned with the old text, every coding carried over,
   * those that cannot be placed removed and listed; turns from the new file. `expectedHash`: the plan's. One undo step.
   */
  'documents.replaceText': action<TextEditResult>()(z.strictObject({ id: id<DocumentId>(), file: z.string().min(1, 'name the corrected file'), expectedHash: contentHash.optional() })),
  /** Splits a speaker turn in two at `at` (inside its text): the second part is a new turn of the same speaker, without a timestamp. One undo step. */
  'documents.splitTurn': action<TextEditResult>()(z.strictObject({ id: id<DocumentId>(), turnId: id<TurnId>(), at: offset, expectedHash: contentHash })),
  /** Joins a speaker turn with the next one; the joined turn keeps the first one's speaker and timestamps. One undo step. */
  'documents.joinTurns': action<TextEditResult>()(z.strictObject({ id: id<DocumentId>(), turnId: id<TurnId>(), expectedHash: contentHash })),
  /** Changes one turn's speaker label, in the text and on the turn; the turn then speaks as that label's other turns do. One undo step. */
  'documents.setTurnSpeaker': action<TextEditResult>()(z.strictObject({
    id: id<DocumentId>(), turnId: id<TurnId>(), speaker: z.string().trim().min(1, 'type the speaker\'s label').max(100), expectedHash: contentHash,
  })),

  'import.files': action<ImportReport>()(z.strictObject({
    paths: z.array(z.string().min(1)).min(1, 'name at least one file'),
    informantId: id<InformantId>().optional(),
    /** Import the good files and report the bad ones, instead of importing nothing when one fails. */
    skipBad: z.boolean().optional(),
    /** The transcripts label interviewer and informant the other way round (e.g. I asks, P answers): swap them in every imported file. */
    swapRoles: z.boolean().optional(),
  })),
  /**
   * The transcripts of a folder, matched with an informant sheet by file name: the folder by its
   * path, or (`files`) its files one by one, each named by its own base name (a folder picked in a
   * browser and uploaded to a team server; recordings among them are not linked).
   */
  'import.folder': action<ImportReport>()(z.strictObject({
    folder: z.string().min(1).optional(), files: z.array(z.string().min(1)).min(1, 'name at least one file').max(5000).optional(),
    sheet: z.string().min(1).optional(), skipBad: z.boolean().optional(), swapRoles: z.boolean().optional(),
  }).refine((a) => (a.folder === undefined) !== (a.files === undefined), 'give the folder or its files, one of them')),

  /** `coders`: count only these coders' codings (blind mode, a coder filter); absent, everyone's. */
  'codes.list': action<readonly Code[]>()(z.strictObject({ coders: z.array(id<CoderId>()).min(1).max(30).optional() })),
  'codes.create': action<Code>()(z.strictObject({
    name, parentId: id<CodeId>().nullable().optional(), description: z.string().max(20000).optional(), colour: colour.optional(), inVivo: z.boolean().optional(),
  })),
  'codes.update': action<Code>()(z.strictObject({ id: id<CodeId>(), name: name.optional(), description: z.string().max(20000).optional(), colour: colour.optional() })),
  'codes.move': action<Code>()(z.strictObject({ id: id<CodeId>(), parentId: id<CodeId>().nullable() })),
  'codes.merge': action<Code>()(z.strictObject({ sourceId: id<CodeId>(), targetId: id<CodeId>() })),
  'codes.delete': action<null>()(z.strictObject({ id: id<CodeId>() })),
  /** Pins key 1–9 to a code (taking it from the code that had it), or frees the code's key with null. */
  'hotkeys.set': action<Code>()(z.strictObject({ id: id<CodeId>(), key: z.number().int().min(1, 'must be a key from 1 to 9').max(9, 'must be a key from 1 to 9').nullable() })),

  'codings.apply': action<Coding>()(z.strictObject({
    documentId: id<DocumentId>(), start: offset, end: offset,
    /** An existing code, or `codeName` to find or create one by name. */
    codeId: id<CodeId>().optional(), codeName: name.optional(), inVivo: z.boolean().optional(),
  }).refine((a) => (a.codeId === undefined) !== (a.codeName === undefined), 'give exactly one of codeId and codeName')),
  'codings.remove': action<null>()(z.strictObject({ id: id<CodingId>() })),
  /** Moves a coding to another code: an existing one, or `codeName` found or created in the same undoable step. */
  'codings.recode': action<Coding>()(z.strictObject({ id: id<CodingId>(), codeId: id<CodeId>().optional(), codeName: name.optional(), inVivo: z.boolean().optional() })
    .refine((a) => (a.codeId === undefined) !== (a.codeName === undefined), 'give exactly one of codeId and codeName')),
  'codings.forDocument': action<readonly Coding[]>()(z.strictObject({ documentId: id<DocumentId>() })),
  /** The code's extracts by document then position; `limit` asks for the first ones only, so a view can show them before the rest. */
  'codings.forCode': action<readonly Extract[]>()(z.strictObject({
    codeId: id<CodeId>(), includeChildren: z.boolean().optional(), limit: z.number().int().positive().max(100000).optional(),
    /** Only these coders' extracts; absent, everyone's (a passage several coders coded alike is listed once). */
    coders: z.array(id<CoderId>()).min(1).max(30).optional(),
  })),
  /**
   * Settles a disagreement between two coders: `codingIds` are their codings of one code in one
   * transcript over one stretch of text (the comparison view's disagreement). `keep` a coder's
   * reading (the other coder's codings there are removed), `both` (nothing removed), or a
   * `consensus` range typed anew. What the team settled on is recorded under the project's
   * consensus coder, which marks the disagreement settled and which agreement leaves out unless
   * named. One undoable step.
   */
  'codings.resolve': action<{ readonly removed: readonly CodingId[]; readonly recorded: readonly Coding[] }>()(z.strictObject({
    codingIds: z.array(id<CodingId>()).min(1, 'name the codings of the disagreement').max(1000),
    keep: z.discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('coder'), coderId: id<CoderId>() }),
      z.strictObject({ kind: z.literal('both') }),
      z.strictObject({ kind: z.literal('consensus'), start: offset, end: offset }),
    ]),
  })),

  'memos.list': action<readonly Memo[]>()(z.strictObject({ target: memoTarget.optional(), kind: z.enum(MEMO_KINDS).optional() })),
  'memos.create': action<Memo>()(z.strictObject({
    kind: z.enum(MEMO_KINDS).optional(), title: z.string().max(500).optional(), body: z.string().max(1_000_000), target: memoTarget,
  })),
  'memos.update': action<Memo>()(z.strictObject({ id: id<MemoId>(), title: z.string().max(500).optional(), body: z.string().max(1_000_000).optional() })),
  'memos.delete': action<null>()(z.strictObject({ id: id<MemoId>() })),

  'themes.list': action<readonly Theme[]>()(none),
  'themes.create': action<Theme>()(z.strictObject({ name, parentId: id<ThemeId>().nullable().optional(), codeIds: z.array(id<CodeId>()).optional(), colour: colour.optional() })),
  'themes.update': action<Theme>()(z.strictObject({
    id: id<ThemeId>(), name: name.optional(), definition: z.string().max(50000).optional(), scope: z.string().max(50000).optional(),
    status: z.enum(THEME_STATUSES).optional(),
    colour: colour.optional(), exemplarCodingId: id<CodingId>().nullable().optional(), parentId: id<ThemeId>().nullable().optional(),
    /** The key finding in a sentence, for the report's findings table. */
    finding: z.string().max(2000).optional(),
  })),
  'themes.addCodes': action<Theme>()(z.strictObject({ id: id<ThemeId>(), codeIds: z.array(id<CodeId>()).min(1) })),
  'themes.removeCodes': action<Theme>()(z.strictObject({ id: id<ThemeId>(), codeIds: z.array(id<CodeId>()).min(1) })),
  /** Moves a code from one theme to another in one step (the board's "Move" when a chip is dragged across). */
  'board.moveCode': action<Theme>()(z.strictObject({ codeId: id<CodeId>(), fromId: id<ThemeId>(), toId: id<ThemeId>() })),
  'themes.delete': action<null>()(z.strictObject({ id: id<ThemeId>() })),
  /** Moves the named codes out of a theme into a new sibling theme. */
  'themes.split': action<Theme>()(z.strictObject({ id: id<ThemeId>(), name, codeIds: z.array(id<CodeId>()).min(1) })),
  /** Folds `sourceId` into `targetId`: codes, sub-themes, links, memos and comments move; the source is deleted. */
  'themes.merge': action<Theme>()(z.strictObject({ sourceId: id<ThemeId>(), targetId: id<ThemeId>() })),
  'themes.setConvergence': action<Theme>()(z.strictObject({ id: id<ThemeId>(), convergence: convergence.nullable(), reason: z.string().max(20000) })),
  'themes.review': action<ThemeReview>()(z.strictObject({ id: id<ThemeId>() })),
  /** Codes that belong to no theme (phase 3–4: every code is either placed or set aside on purpose). */
  'codes.unthemed': action<readonly Code[]>()(none),

  'themeLinks.list': action<readonly ThemeLink[]>()(none),
  'themeLinks.create': action<ThemeLink>()(z.strictObject({
    fromThemeId: id<ThemeId>(), toThemeId: id<ThemeId>().optional(), toLinkId: id<ThemeLinkId>().optional(), kind: linkKind, label: z.string().max(500).optional(),
  }).refine((a) => (a.toThemeId === undefined) !== (a.toLinkId === undefined), 'give exactly one of toThemeId and toLinkId')),
  'themeLinks.update': action<ThemeLink>()(z.strictObject({ id: id<ThemeLinkId>(), kind: linkKind.optional(), label: z.string().max(500).optional() })),
  'themeLinks.delete': action<null>()(z.strictObject({ id: id<ThemeLinkId>() })),

  'map.get': action<ThemeMap>()(z.strictObject({ includeCodes: z.boolean().optional(), includeDiscarded: z.boolean().optional() })),
  'map.move': action<null>()(z.strictObject({
    themes: z.array(z.strictObject({ id: id<ThemeId>(), x: coordinate, y: coordinate })).max(5000).optional(),
    codes: z.array(z.strictObject({ id: id<CodeId>(), x: coordinate, y: coordinate })).max(5000).optional(),
  })),
  /** Forgets hand-placed positions so the automatic layout places every node again. */
  'map.resetLayout': action<null>()(none),

  /** One target's thread, or `unplaced`: the review comments whose target was deleted since their package; neither, every comment. */
  'comments.list': action<readonly Comment[]>()(z.strictObject({ target: commentTarget.optional(), unplaced: z.literal(true).optional() })
    .refine((a) => !(a.target && a.unplaced), 'give a target or unplaced, not both')),
  'comments.add': action<Comment>()(z.strictObject({ target: commentTarget, body: z.string().trim().min(1, 'must not be empty').max(20000) })),
  'comments.resolve': action<Comment>()(z.strictObject({ id: z.number().int().positive(), resolved: z.boolean() })),
  /**
   * Imports the comments file a supervisor saved from a review package, by `path` or as `file` (its
   * name and text); one undoable step, its report kept in the journal. A file of another project is refused.
   */
  'comments.importReview': action<ReviewCommentsReport>()(z.strictObject({
    path: z.string().min(1).optional(), file: droppedFile.optional(),
    /** Language of the report kept in the reflexive journal (English when not given). */
    language: z.enum(['en', 'id']).optional(),
  }).refine((a) => (a.path === undefined) !== (a.file === undefined), 'give the path of the comments file or the file itself, one of them')),

  'phases.checks': action<readonly PhaseCheck[]>()(none),
  'phases.check': action<readonly PhaseCheck[]>()(z.strictObject({ phase, item: z.string().min(1).max(100), done: z.boolean() })),

  /** `coders`: count only these coders' codings (absent: all); the matrix names the coders it includes. */
  'analysis.triangulation': action<TriangulationMatrix>()(z.strictObject({
    rows: z.enum(['themes', 'codes']), groupBy: groupBy.optional(), includeDiscarded: z.boolean().optional(), coders: z.array(id<CoderId>()).min(1).optional(),
  })),
  /** The extracts behind one cell of the matrix. */
  'analysis.cellExtracts': action<readonly Extract[]>()(z.strictObject({
    rowKind: z.enum(['theme', 'code']), rowId: z.number().int().positive(), groupBy: groupBy.optional(), column: z.string(), coders: z.array(id<CoderId>()).min(1).optional(),
  })),
  'analysis.cooccurrence': action<CooccurrenceMatrix>()(z.strictObject({ scope: z.enum(['overlap', 'turn']) })),
  /** The extracts where two codes co-occur, in pairs. */
  'analysis.cooccurrenceExtracts': action<readonly (readonly [Extract, Extract])[]>()(z.strictObject({ a: id<CodeId>(), b: id<CodeId>(), scope: z.enum(['overlap', 'turn']) })),

  /**
   * Inter-coder agreement per code, per document and overall: percent agreement, Cohen's κ (two
   * coders), Brennan–Prediger κ and Krippendorff's α (nominal). Optional: reflexive thematic
   * analysis often does without it.
   */
  'analysis.agreement': action<AgreementResult>()(z.strictObject(agreementOptions)),
  /** The units the coders disagree on, for one code (or the group) and/or one document. */
  'analysis.agreementDisagreements': action<readonly AgreementDisagreement[]>()(z.strictObject({
    ...agreementOptions, codeId: id<CodeId>().optional(), documentId: id<DocumentId>().optional(),
  })),

  /** Full-text search across transcripts, memos and codes, as keyword-in-context lines. */
  'search.query': action<SearchResult>()(z.strictObject({
    query: searchQuery, filters: searchFilters.optional(), sort: z.enum(['relevance', 'document']).optional(), limit: z.number().int().positive().max(2000).optional(),
  })),
  /**
   * Codes search hits in one undoable step: the hit itself, its sentence or its speaker turn.
   * `hits` picks some (by document and offsets); without it every transcript hit of the query is coded.
   * Only informants' turns are coded unless `filters.role` says otherwise: the interviewer's words are never coded by accident.
   */
  'search.code': action<{ readonly applied: number; readonly skipped: number; readonly codeId: CodeId }>()(z.strictObject({
    query: searchQuery, filters: searchFilters.optional(),
    hits: z.array(z.strictObject({ documentId: id<DocumentId>(), start: offset, end: offset })).min(1).max(5000).optional(),
    unit: z.enum(['hit', 'sentence', 'turn']),
    codeId: id<CodeId>().optional(), codeName: name.optional(),
  }).refine((a) => (a.codeId === undefined) !== (a.codeName === undefined), 'give exactly one of codeId and codeName')),
  /** Codes and memos whose names or text resemble `text`, typos forgiven (lunr): "did you mean". */
  'search.similar': action<{ readonly codes: readonly { readonly id: CodeId; readonly name: string; readonly score: number }[]; readonly memos: readonly { readonly id: MemoId; readonly title: string; readonly score: number }[] }>()(
    z.strictObject({ text: z.string().trim().min(1).max(200) })),

  /**
   * The Word report for a thesis chapter or article. Written to `path` when given (desktop, CLI);
   * otherwise returned as base64 for the browser to download.
   */
  'report.word': action<{ readonly path: string | null; readonly fileName: string; readonly base64: string | null; readonly bytes: number }>()(z.strictObject({
    path: z.string().min(1).optional(),
    /** Which themes get a section; default: every defined theme (or every non-discarded theme when none is defined yet). */
    themeIds: z.array(id<ThemeId>()).max(1000).optional(),
    quotesPerTheme: z.number().int().min(0).max(25).optional(),
    language: z.enum(['en', 'id']).optional(),
    /** Replace informant names by their one identifier (label or pseudonym), and the marked names (`redactions.*`) by their replacements, everywhere in the report. Default on. */
    pseudonymise: z.boolean().optional(),
    journal: z.boolean().optional(),
    audit: z.boolean().optional(),
    /**
     * How quotes are attributed: "(Informan P-01, Pemilik UMKM)" (default), "(P-01)", or
     * "(Informan 2, Pemilik UMKM)" with a numbered pseudonym that then replaces the label
     * everywhere in the report.
     */
    attribution: z.enum(REPORT_ATTRIBUTIONS).optional(),
    /**
     * A method paragraph on inter-coder agreement: how many coders coded how many of the documents
     * in common, and one coefficient over every code in one unit (speaker turn when not given).
     * Left out when no document was coded by two coders; Cohen's κ is refused for more than two.
     */
    agreement: z.strictObject({ coefficient: z.enum(AGREEMENT_COEFFICIENTS), unit: z.enum(AGREEMENT_UNITS).optional() }).optional(),
    /** "[12:04]" after each quote whose speaker turn has a time in the transcript's recording (issue 16). Default off. */
    timestamps: z.boolean().optional(),
  })),

  /** The people who code this project (not the computer's login), and who is coding in this window. */
  'coders.list': action<CoderList>()(none),
  /** Refused when the name is empty or another coder has it (names compare without case). */
  'coders.add': action<Coder>()(z.strictObject({ name: z.string().max(200) })),
  /** Every coding, memo and comment of the coder stays theirs under the new name. */
  'coders.rename': action<Coder>()(z.strictObject({ id: id<CoderId>(), name: z.string().max(200) })),
  'coders.setColour': action<Coder>()(z.strictObject({ id: id<CoderId>(), colour })),
  /** "Who is coding?": changes from now on are recorded under this coder, remembered on this machine for this project. */
  'coders.setCurrent': action<CoderList>()(z.strictObject({ name: z.string().max(200) })),
  /** Blind mode on or off: the coding views show only the current coder's codings; remembered on this machine for this project. */
  'coders.setBlind': action<CoderList>()(z.strictObject({ blind: z.boolean() })),

  /**
   * "Make a copy for another coder": the open project written to `path` (a new file) with its transcripts, informants and
   * codebook but no codings (`keepOwn`: only `coder`'s own), for `coder` to code independently; the project is not changed.
   */
  'team.copyForCoder': action<CopyForCoderResult>()(z.strictObject({ path: z.string().min(1), coder: z.string().max(200), keepOwn: z.boolean().optional() })),
  /** What merging the coder's copy at `path` would do, with the conflicts to settle; writes nothing. */
  'team.mergePlan': action<MergePlan>()(z.strictObject({ path: z.string().min(1) })),
  /**
   * Merges the coder's copy at `path` into the open project: a backup first, then one undoable step; every conflict of
   * the plan settled in `resolutions` (conflict key → choice). Merging the same copy again changes nothing.
   */
  'team.merge': action<MergeReport>()(z.strictObject({
    path: z.string().min(1),
    resolutions: z.record(z.string().min(1).max(300), z.enum(MERGE_CHOICES)).optional(),
    /** Language of the merge report kept in the reflexive journal (English when not given). */
    language: z.enum(['en', 'id']).optional(),
  })),

  /** Names of third parties and businesses replaced in pseudonymised reports, longest first. */
  'redactions.list': action<readonly Redaction[]>()(none),
  /** `kind`: a person's name is also found by its parts when de-identifying; a place's or business's only whole (`other` when not given). */
  'redactions.add': action<Redaction>()(z.strictObject({ term: redactionTerm, replacement: redactionReplacement, kind: z.enum(LISTED_KINDS).optional() })),
  'redactions.update': action<Redaction>()(z.strictObject({ id: id<RedactionId>(), term: redactionTerm.optional(), replacement: redactionReplacement.optional(), kind: z.enum(LISTED_KINDS).optional() })),
  'redactions.remove': action<null>()(z.strictObject({ id: id<RedactionId>() })),

  /**
   * De-identifying (src/deid): every place in the transcripts where an informant's name, a name in the list of
   * names to hide or a name in the key is found, with what it becomes, and capitalised words after an honorific
   * that no name covers. Writes nothing. `placeholder`: one text for every hit instead of each name's pseudonym.
   */
  'deid.preview': action<DeidPreview>()(z.strictObject({ placeholder: deidPlaceholder.optional() })),
  /**
   * Replaces the hits of the preview whose `fingerprint` is given, except `skipHits` (hit ids) and the hits of
   * `skipNames` (name ids), in one undoable step: through the transcript editor, so codings, turns, quotes and the
   * search index follow; the key records each name replaced. Refused when the transcripts or names changed since.
   */
  'deid.apply': action<DeidApplyResult>()(z.strictObject({
    fingerprint: z.string().min(1).max(200),
    skipHits: z.array(z.string().min(1).max(100)).max(1000000).optional(),
    skipNames: z.array(z.string().min(1).max(100)).max(100000).optional(),
    placeholder: deidPlaceholder.optional(),
  })),
  /** The key: each real name replaced in the transcripts and its pseudonym. Never in a de-identified copy. */
  'deid.key': action<readonly DeidKeyEntry[]>()(none),
  /**
   * Writes a de-identified copy of the open project to `path` (.tematik) and, with `qdpxPath`, a REFI-QDA .qdpx of it,
   * plus a report beside the copy; the open project is not changed. Names are replaced in every text of the copy;
   * the values of `withholdAttributes` become the placeholder; the key, the list of names to hide and the undo history
   * are left out, and the search index is rebuilt from the de-identified text.
   */
  'deid.share': action<ShareResult>()(z.strictObject({
    path: z.string().min(1),
    qdpxPath: z.string().min(1).optional(),
    placeholder: deidPlaceholder.optional(),
    withholdAttributes: z.array(z.string().trim().min(1).max(200)).max(1000).optional(),
    /** Language of the report written beside the copy (English when not given). */
    language: z.enum(['en', 'id']).optional(),
  })),

  /** The whole project as a REFI-QDA Project Exchange file (.qdpx) other QDA tools open. */
  'refi.exportProject': action<{ readonly path: string | null; readonly fileName: string; readonly base64: string | null; readonly bytes: number }>()(z.strictObject({ path: z.string().min(1).optional(), lineEndings: z.enum(LINE_ENDINGS).optional() })),
  /** Imports a .qdpx from another tool into the open project; parts Tematik does not use are listed in `notes`. */
  'refi.importProject': action<ImportReport & { readonly codes: number; readonly codings: number; readonly memos: number; readonly report: readonly ExchangeSection[] }>()(z.strictObject({
    path: z.string().min(1),
    /** The case variable that names each informant's type; null gives every case the default type; absent takes the inspection's suggestion. */
    typeVariable: z.string().min(1).max(500).nullable().optional(),
    /** Language of the import report kept in the reflexive journal (English when not given). */
    language: z.enum(['en', 'id']).optional(),
  })),
  /** Reads a .qdpx without writing anything: what it holds and the case variables, for the choice of the informant type. Needs no open project. */
  'refi.inspectProject': action<ProjectInspection>()(z.strictObject({ path: z.string().min(1) })),
  /** The codebook as a REFI-QDA Codebook Exchange file (.qdc). */
  'refi.exportCodebook': action<{ readonly path: string | null; readonly fileName: string; readonly base64: string | null; readonly bytes: number }>()(z.strictObject({ path: z.string().min(1).optional() })),
  'refi.importCodebook': action<{ readonly created: number; readonly existing: number; readonly report: readonly ExchangeSection[] }>()(z.strictObject({
    path: z.string().min(1),
    /** Language of the import report kept in the reflexive journal (English when not given). */
    language: z.enum(['en', 'id']).optional(),
  })),

  /**
   * A table as CSV (UTF-8 with BOM so Excel reads Indonesian text; comma or semicolon separated) or
   * as an Excel workbook (.xlsx), named after the project; written to `path` when given, else
   * returned as base64 to download. The format follows `path`'s extension when not given.
   */
  'export.table': action<{ readonly path: string | null; readonly fileName: string; readonly base64: string | null; readonly bytes: number }>()(z.strictObject({
    table: z.enum(EXPORT_TABLES), format: z.enum(TABLE_FORMATS).optional(), delimiter: z.enum(['comma', 'semicolon']).optional(),
    path: z.string().min(1).optional(), groupBy: groupBy.optional(), rows: z.enum(['themes', 'codes']).optional(),
    scope: z.enum(['overlap', 'turn']).optional(),
    /** For the extracts table: the code (with its sub-codes) or the theme (with its sub-themes) whose extracts to write. */
    codeId: id<CodeId>().optional(), themeId: id<ThemeId>().optional(),
    /** For the agreement tables: what to compare, as analysis.agreement takes it (and, for the disagreements, which code and/or document). */
    agreement: z.strictObject({ ...agreementOptions, codeId: id<CodeId>().optional(), documentId: id<DocumentId>().optional() }).optional(),
    /** Language of the agreement tables' headers (English when not given). */
    language: z.enum(['en', 'id']).optional(),
  })),
  /** The codebook as a CSV that Taguette's "Import codebook" takes as it is (`name`, `description`). */
  'taguette.exportCodebook': action<{ readonly path: string | null; readonly fileName: string; readonly base64: string | null; readonly bytes: number }>()(z.strictObject({ path: z.string().min(1).optional() })),
  /** Adds the codes of a codebook CSV exported by Taguette (its `.qdc` goes through refi.importCodebook). */
  'taguette.importCodebook': action<{ readonly created: number; readonly existing: number; readonly report: readonly ExchangeSection[] }>()(z.strictObject({
    path: z.string().min(1),
    /** Language of the import report kept in the reflexive journal (English when not given). */
    language: z.enum(['en', 'id']).optional(),
  })),
  /** The theme map as SVG text, or written as SVG or PNG to `path`. */
  'export.themeMap': action<{ readonly svg: string; readonly path: string | null }>()(z.strictObject({
    format: z.enum(['svg', 'png']).optional(), path: z.string().min(1).optional(), includeCodes: z.boolean().optional(), scale: z.number().min(0.5).max(8).optional(),
    /** Language of the legend and the status badges (English when not given). */
    language: z.enum(['en', 'id']).optional(),
  })),

  /** Every linked recording with where it is now: found, moved and found, embedded, or missing (with the places looked in). */
  'recordings.list': action<readonly RecordingStatus[]>()(none),
  /** The transcript's recording with where it is now, or null when none is linked. A missing one is a status, never an error. */
  'recordings.forDocument': action<RecordingStatus | null>()(z.strictObject({ documentId: id<DocumentId>() })),
  /**
   * Links an audio or video file (mp3, m4a, wav, ogg, mp4, webm) to a transcript, replacing the one it had: a reference
   * (the path relative to the project and the absolute path, with a fingerprint), or, with `embed`, the bytes inside the project (up to 500 MB).
   */
  'recordings.link': action<RecordingStatus>()(z.strictObject({ documentId: id<DocumentId>(), path: z.string().min(1).max(4096), embed: z.boolean().optional() })),
  'recordings.unlink': action<null>()(z.strictObject({ documentId: id<DocumentId>() })),
  /** Where to read a linked recording's bytes from (the media server's question); refused with the places looked in when it is missing. */
  'recordings.source': action<RecordingSource>()(z.strictObject({ id: id<RecordingId>() })),
  /** Part of an embedded recording, as base64: what the media server streams. */
  'recordings.bytes': action<{ readonly base64: string }>()(z.strictObject({
    id: id<RecordingId>(), start: z.number().int().nonnegative(), length: z.number().int().positive().max(4 * 1024 * 1024),
  })),
  /**
   * Sets (or clears, with null) when a turn starts in the recording, and optionally when it ends (absent: the end it has, dropped
   * when not after the new start); one undo step; times in milliseconds, the end after the start, within the recording when its length is known.
   */
  'turns.setTime': action<null>()(z.strictObject({
    documentId: id<DocumentId>(), turnId: id<TurnId>(),
    startMs: z.number().int().nonnegative().max(100 * 3600 * 1000).nullable(),
    endMs: z.number().int().nonnegative().max(100 * 3600 * 1000).nullable().optional(),
  })),
  /**
   * The review package: one self-contained HTML file (theme map, evidence, triangulation, codebook, phases, chosen journal
   * entries) a supervisor opens in any browser and comments in; written to `path`, or handed back as base64 to download.
   */
  'export.reviewPackage': action<{ readonly path: string | null; readonly fileName: string; readonly base64: string | null; readonly bytes: number; readonly packageGuid: string }>()(z.strictObject({
    path: z.string().min(1).optional(),
    language: z.enum(['en', 'id']).optional(),
    /** Informants' names and the marked names replaced as in the Word report; default on. */
    pseudonymise: z.boolean().optional(),
    /** Which reflexive-journal entries go in: all, none (the default), or these. */
    journal: z.union([z.enum(['all', 'none']), z.array(id<MemoId>()).max(10000)]).optional(),
    /** Exemplar quotes per theme (3 when not given), picked as the Word report picks them. */
    quotesPerTheme: z.number().int().min(0).max(25).optional(),
  })),
} as const;

export type Contract = typeof contract;
export type ActionName = keyof Contract;
/** What a caller passes (ids as plain or branded numbers). */
export type Args<N extends ActionName> = z.input<Contract[N]['args']>;
/** What a handler receives, after validation. */
export type ValidArgs<N extends ActionName> = z.output<Contract[N]['args']>;
export type Result<N extends ActionName> = Contract[N]['result'];

/** Every action either returns its result or an error the caller can show. */
export type Outcome<N extends ActionName> =
  | { readonly ok: true; readonly value: Result<N> }
  | { readonly ok: false; readonly error: import('../domain/errors').ErrorInfo };

/** The one call signature every bridge (IPC, HTTP, in-process) offers the renderer. */
export type Invoke = <N extends ActionName>(name: N, args: Args<N>) => Promise<Result<N>>;
