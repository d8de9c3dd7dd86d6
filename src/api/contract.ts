import { z } from 'zod';
import type {
  CodeId, CodingId, DocumentId, InformantId, InformantTypeId, MemoId, ThemeId, Utf16Offset,
} from '../domain/ids';
import type {
  AuditEntry, Attribute, Code, Coding, DocumentContent, DocumentSummary, Extract, HistoryState, ImportReport,
  Informant, InformantType, Memo, Phase, ProjectInfo, ProjectStats, Theme,
} from '../domain/types';
import { PHASES, THEME_STATUSES } from '../domain/types';

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
const phase = z.number().int().refine((n): n is Phase => (PHASES as readonly number[]).includes(n), 'must be a phase from 1 to 6');
const none = z.strictObject({});

const memoTarget = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('project') }),
  z.strictObject({ kind: z.literal('document'), id: id<DocumentId>() }),
  z.strictObject({ kind: z.literal('code'), id: id<CodeId>() }),
  z.strictObject({ kind: z.literal('theme'), id: id<ThemeId>() }),
  z.strictObject({ kind: z.literal('coding'), id: id<CodingId>() }),
]);

export const contract = {
  'project.create': action<ProjectInfo>()(z.strictObject({ path: z.string().min(1), name: name.optional() })),
  'project.open': action<ProjectInfo>()(z.strictObject({ path: z.string().min(1) })),
  'project.close': action<null>()(none),
  'project.info': action<ProjectInfo>()(none),
  'project.update': action<ProjectInfo>()(z.strictObject({ name: name.optional(), description: z.string().max(20000).optional() })),
  'project.setPhase': action<ProjectInfo>()(z.strictObject({ phase, note: z.string().max(20000).optional() })),
  'project.stats': action<ProjectStats>()(none),

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
  'documents.rename': action<DocumentSummary>()(z.strictObject({ id: id<DocumentId>(), title: name })),
  'documents.assign': action<DocumentSummary>()(z.strictObject({ id: id<DocumentId>(), informantIds: z.array(id<InformantId>()).max(100) })),
  'documents.delete': action<null>()(z.strictObject({ id: id<DocumentId>() })),

  'import.files': action<ImportReport>()(z.strictObject({
    paths: z.array(z.string().min(1)).min(1, 'name at least one file'),
    informantId: id<InformantId>().optional(),
    /** Import the good files and report the bad ones, instead of importing nothing when one fails. */
    skipBad: z.boolean().optional(),
  })),
  'import.folder': action<ImportReport>()(z.strictObject({ folder: z.string().min(1), sheet: z.string().min(1).optional(), skipBad: z.boolean().optional() })),

  'codes.list': action<readonly Code[]>()(none),
  'codes.create': action<Code>()(z.strictObject({
    name, parentId: id<CodeId>().nullable().optional(), description: z.string().max(20000).optional(), colour: colour.optional(), inVivo: z.boolean().optional(),
  })),
  'codes.update': action<Code>()(z.strictObject({ id: id<CodeId>(), name: name.optional(), description: z.string().max(20000).optional(), colour: colour.optional() })),
  'codes.move': action<Code>()(z.strictObject({ id: id<CodeId>(), parentId: id<CodeId>().nullable() })),
  'codes.merge': action<Code>()(z.strictObject({ sourceId: id<CodeId>(), targetId: id<CodeId>() })),
  'codes.delete': action<null>()(z.strictObject({ id: id<CodeId>() })),

  'codings.apply': action<Coding>()(z.strictObject({
    documentId: id<DocumentId>(), start: offset, end: offset,
    /** An existing code, or `codeName` to find or create one by name. */
    codeId: id<CodeId>().optional(), codeName: name.optional(), inVivo: z.boolean().optional(),
  }).refine((a) => (a.codeId === undefined) !== (a.codeName === undefined), 'give exactly one of codeId and codeName')),
  'codings.remove': action<null>()(z.strictObject({ id: id<CodingId>() })),
  'codings.recode': action<Coding>()(z.strictObject({ id: id<CodingId>(), codeId: id<CodeId>() })),
  'codings.forDocument': action<readonly Coding[]>()(z.strictObject({ documentId: id<DocumentId>() })),
  'codings.forCode': action<readonly Extract[]>()(z.strictObject({ codeId: id<CodeId>(), includeChildren: z.boolean().optional() })),

  'memos.list': action<readonly Memo[]>()(z.strictObject({ target: memoTarget.optional(), kind: z.enum(['memo', 'journal']).optional() })),
  'memos.create': action<Memo>()(z.strictObject({
    kind: z.enum(['memo', 'journal']).optional(), title: z.string().max(500).optional(), body: z.string().max(1_000_000), target: memoTarget,
  })),
  'memos.update': action<Memo>()(z.strictObject({ id: id<MemoId>(), title: z.string().max(500).optional(), body: z.string().max(1_000_000).optional() })),
  'memos.delete': action<null>()(z.strictObject({ id: id<MemoId>() })),

  'themes.list': action<readonly Theme[]>()(none),
  'themes.create': action<Theme>()(z.strictObject({ name, parentId: id<ThemeId>().nullable().optional(), codeIds: z.array(id<CodeId>()).optional(), colour: colour.optional() })),
  'themes.update': action<Theme>()(z.strictObject({
    id: id<ThemeId>(), name: name.optional(), definition: z.string().max(50000).optional(), scope: z.string().max(50000).optional(),
    status: z.enum(THEME_STATUSES as unknown as ['candidate', 'reviewed', 'defined', 'discarded']).optional(),
    colour: colour.optional(), exemplarCodingId: id<CodingId>().nullable().optional(), parentId: id<ThemeId>().nullable().optional(),
  })),
  'themes.addCodes': action<Theme>()(z.strictObject({ id: id<ThemeId>(), codeIds: z.array(id<CodeId>()).min(1) })),
  'themes.removeCodes': action<Theme>()(z.strictObject({ id: id<ThemeId>(), codeIds: z.array(id<CodeId>()).min(1) })),
  'themes.delete': action<null>()(z.strictObject({ id: id<ThemeId>() })),
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
