import { TematikError } from '../domain/errors';
import type { CoderCodings, MergeChoice, MergeConflict, MergeConflictKind, MergePlan, SettledConflict, UnplacedCoding } from '../domain/team';
import { matchCodes, pathsOf } from './match-codes';
import { say } from './messages';
import { reanchorer, type Reanchorer } from './reanchor';
import { fold, isExisting, type RaiseConflict, type Ref } from './refs';
import type {
  Snapshot, SnapshotCode, SnapshotCoder, SnapshotCoding, SnapshotComment, SnapshotDocument, SnapshotInformant, SnapshotMemo,
} from './snapshot';

type MemoTargetRef =
  | { readonly kind: 'project' }
  | { readonly kind: 'document' | 'code' | 'coding'; readonly ref: Ref }
  | { readonly kind: 'theme'; readonly guid: string };

/**
 * Everything a merge will write, decided before anything is written: `plan` is what the user is
 * shown; the rest is what `applyDraft` (apply.ts) carries out, in the merge's one transaction.
 */
export interface MergeDraft {
  readonly plan: MergePlan;
  readonly settled: readonly SettledConflict[];
  readonly coders: readonly SnapshotCoder[];
  readonly informants: readonly SnapshotInformant[];
  readonly informantRef: ReadonlyMap<string, Ref>;
  readonly documents: readonly SnapshotDocument[];
  readonly documentRef: ReadonlyMap<string, Ref>;
  /** Project codes (GUIDs) to delete, as the copy did. */
  readonly codeDeletes: readonly string[];
  readonly codeRenames: readonly { readonly guid: string; readonly name: string }[];
  readonly codeDescriptions: readonly { readonly guid: string; readonly description: string }[];
  /** New codes, parents before their sub-codes. */
  readonly codesToCreate: readonly { readonly code: SnapshotCode; readonly parent: Ref | null }[];
  readonly codings: readonly { readonly coding: SnapshotCoding; readonly document: Ref; readonly code: Ref; readonly start: number; readonly end: number; readonly quote: string }[];
  readonly codingRef: ReadonlyMap<string, Ref>;
  readonly memos: readonly { readonly memo: SnapshotMemo; readonly target: MemoTargetRef }[];
  readonly comments: readonly { readonly comment: SnapshotComment; readonly target: CommentTargetRef }[];
  readonly codingsLeftOut: number;
}

const SUGGESTED: Readonly<Record<MergeConflictKind, MergeChoice>> = {
  codeRenamed: 'project', codeDeletedInProject: 'copy', codeDeletedInCopy: 'project', documentTextDiffers: 'reanchor',
  // A transcript is deleted on purpose (an informant withdrew consent): it comes back only when asked.
  documentDeletedInProject: 'project',
};
const CHOICES: Readonly<Record<MergeConflictKind, readonly MergeChoice[]>> = {
  codeRenamed: ['project', 'copy'], codeDeletedInProject: ['copy', 'project'], codeDeletedInCopy: ['project', 'copy'], documentTextDiffers: ['reanchor', 'skip'],
  documentDeletedInProject: ['project', 'copy'],
};
const KEY_PREFIX: Readonly<Record<MergeConflictKind, string>> = {
  codeRenamed: 'renamed', codeDeletedInProject: 'deleted-in-project', codeDeletedInCopy: 'deleted-in-copy', documentTextDiffers: 'text-differs',
  documentDeletedInProject: 'document-deleted-in-project',
};

/**
 * Plans merging `copy` into `project`. Rows are matched by GUID; a copy made before GUIDs, or of
 * another project, is matched by transcript text (content hash) and code path. With the copy's
 * base (what the project was when the copy was made, if it was made from this project) a change
 * made in one of the two is told from a change made in both: only the latter is a conflict.
 *
 * `resolutions` null plans with the suggested choices (the preview); otherwise every conflict must
 * be settled there, and nothing else may be. `projectText` gives a project transcript's text by GUID.
 */
export function planMerge(project: Snapshot, copy: Snapshot, file: string, resolutions: ReadonlyMap<string, MergeChoice> | null, projectText: (guid: string) => string): MergeDraft {
  const fromThisProject = copy.origin !== null && copy.origin.sourceGuid === project.projectGuid;
  const base = fromThisProject ? copy.origin!.base : null;

  const conflicts: MergeConflict[] = [];
  const conflict: RaiseConflict = (kind, guid, subject, codings, names = {}) => {
    const key = `${KEY_PREFIX[kind]}:${guid}`;
    conflicts.push({ key, kind, subject, projectName: names.projectName ?? null, copyName: names.copyName ?? null, codings, choices: CHOICES[kind], suggested: SUGGESTED[kind] });
    return resolutions?.get(key) ?? SUGGESTED[kind];
  };

  const projectCodingGuids = new Set(project.codings.map((c) => c.guid));
  // Codings the project had and removed since stay removed: the copy was given them, or an earlier merge brought
  // them (a disagreement settled in the comparison view). A merge brings only what the copy added.
  const givenCodings = new Set(base?.codings ?? []);
  const removedHere = (guid: string) => givenCodings.has(guid) || project.mergedCodings.has(guid);
  const newCodings = copy.codings.filter((c) => !projectCodingGuids.has(c.guid) && !removedHere(c.guid));
  const newCodingsOf = (pick: (c: SnapshotCoding) => string): Map<string, number> => {
    const counts = new Map<string, number>();
    for (const coding of newCodings) counts.set(pick(coding), (counts.get(pick(coding)) ?? 0) + 1);
    return counts;
  };
  const newCodingsPerCode = newCodingsOf((c) => c.codeGuid);
  const newCodingsPerDocument = newCodingsOf((c) => c.documentGuid);

  // Informants: by GUID, then by label.
  const projectInformants = new Map(project.informants.map((i) => [i.guid, i]));
  const informantByLabel = new Map(project.informants.map((i) => [fold(i.label), i.guid]));
  const informantRef = new Map<string, Ref>();
  const informantsToAdd: SnapshotInformant[] = [];
  const baseInformants = new Set(base?.informants ?? []);
  for (const informant of copy.informants) {
    const match = projectInformants.has(informant.guid) ? informant.guid : informantByLabel.get(fold(informant.label));
    if (match !== undefined) informantRef.set(informant.guid, { existing: match });
    // Deleted in the project since the copy was made: a person removed from a study is not put back by a merge.
    else if (baseInformants.has(informant.guid)) continue;
    else {
      informantRef.set(informant.guid, { created: informant.guid });
      informantsToAdd.push(informant);
    }
  }

  // Transcripts: by GUID (its text the same, or a conflict), then by text.
  const projectDocuments = new Map(project.documents.map((d) => [d.guid, d]));
  const documentByHash = new Map(project.documents.map((d) => [d.contentHash, d.guid]));
  const documentRef = new Map<string, Ref>();
  const baseDocuments = new Set((base?.documents ?? []).map((d) => d.guid));
  const reanchored = new Set<string>();
  const documentsToAdd: SnapshotDocument[] = [];
  const documentCounts = { byGuid: 0, byText: 0, added: 0 };
  for (const document of copy.documents) {
    const same = projectDocuments.get(document.guid);
    if (same) {
      documentCounts.byGuid++;
      documentRef.set(document.guid, { existing: same.guid });
      const pending = newCodingsPerDocument.get(document.guid) ?? 0;
      if (same.contentHash !== document.contentHash && pending > 0) {
        const choice = conflict('documentTextDiffers', document.guid, same.title, pending);
        if (choice === 'reanchor') reanchored.add(document.guid);
        else documentRef.delete(document.guid);
      }
      continue;
    }
    if (baseDocuments.has(document.guid)) {
      // Deleted in the project since the copy was made; only the copy's coding of it can bring it back, if the user says so.
      const pending = newCodingsPerDocument.get(document.guid) ?? 0;
      if (pending > 0 && conflict('documentDeletedInProject', document.guid, document.title, pending) === 'copy') {
        documentCounts.added++;
        documentRef.set(document.guid, { created: document.guid });
        documentsToAdd.push(document);
      }
      continue;
    }
    const byText = documentByHash.get(document.contentHash);
    if (byText !== undefined) {
      documentCounts.byText++;
      documentRef.set(document.guid, { existing: byText });
    } else {
      documentCounts.added++;
      documentRef.set(document.guid, { created: document.guid });
      documentsToAdd.push(document);
    }
  }

  const { codeRef, codesToCreate, codesAdded, codesByPath, codeRenames, codeDescriptions, codeDeletes, deleted } = matchCodes(project, copy, base, newCodingsPerCode, conflict);

  // Codings: the copy's rows the project lacks, unless the same passage, code and coder is there.
  const copyDocuments = new Map(copy.documents.map((d) => [d.guid, d]));
  const projectCodingKey = new Map(project.codings.map((c) => [codingKey(c.documentGuid, c.codeGuid, c.coder, c.start, c.end), c.guid]));
  const perCoder = new Map<string, { coder: string; added: number; already: number }>();
  const tally = (coder: string, field: 'added' | 'already'): void => {
    const entry = perCoder.get(fold(coder)) ?? { coder, added: 0, already: 0 };
    entry[field]++;
    perCoder.set(fold(coder), entry);
  };
  const codingRef = new Map<string, Ref>();
  const codings: MergeDraft['codings'][number][] = [];
  const reanchorers = new Map<string, { readonly anchors: Reanchorer; readonly text: string }>();
  const reanchoring = { aligned: 0, found: 0, unplaced: [] as UnplacedCoding[], notAligned: [] as string[] };
  const copyCodePaths = pathsOf(copy.codes);
  let codingsLeftOut = 0;
  for (const coding of copy.codings) {
    const source = copyDocuments.get(coding.documentGuid)!;
    if (coding.end <= coding.start || coding.end > source.text.length) {
      throw new TematikError('bad_input', say('badRange', { file, title: source.title, start: String(coding.start), end: String(coding.end) }));
    }
    if (projectCodingGuids.has(coding.guid)) {
      codingRef.set(coding.guid, { existing: coding.guid });
      tally(coding.coder, 'already');
      continue;
    }
    if (removedHere(coding.guid)) continue;
    const document = documentRef.get(coding.documentGuid);
    const code = codeRef.get(coding.codeGuid);
    if (!document || !code || (isExisting(code) && deleted.has(code.existing))) {
      codingsLeftOut++;
      continue;
    }
    let quote = source.text.slice(coding.start, coding.end);
    let start = coding.start;
    let end = coding.end;
    // A reanchored transcript is one the project has, matched by GUID.
    if (reanchored.has(coding.documentGuid) && isExisting(document)) {
      const target = projectDocuments.get(document.existing)!;
      let entry = reanchorers.get(target.guid);
      if (!entry) {
        const text = projectText(target.guid);
        entry = { anchors: reanchorer(source.text, text, { file, title: target.title }), text };
        reanchorers.set(target.guid, entry);
        if (!entry.anchors.aligned) reanchoring.notAligned.push(target.title);
      }
      const placed = entry.anchors.place(coding.start, coding.end);
      if (placed.how === 'unplaced') {
        codingsLeftOut++;
        reanchoring.unplaced.push({
          document: target.title, code: copyCodePaths.get(coding.codeGuid) ?? '', coder: coding.coder, start: coding.start,
          quote: quote.length > QUOTE_START ? `${quote.slice(0, QUOTE_START)}…` : quote,
        });
        continue;
      }
      reanchoring[placed.how]++;
      start = placed.start;
      end = placed.end;
      // The words as the project has them now (a corrected word, a pseudonym for a name).
      quote = entry.text.slice(start, end);
    }
    const key = isExisting(document) && isExisting(code) ? codingKey(document.existing, code.existing, coding.coder, start, end) : null;
    const same = key === null ? undefined : projectCodingKey.get(key);
    if (same !== undefined) {
      codingRef.set(coding.guid, { existing: same });
      tally(coding.coder, 'already');
      continue;
    }
    // Two codes of the copy matched to one code of the project can make one passage twice.
    if (key !== null) projectCodingKey.set(key, coding.guid);
    codingRef.set(coding.guid, { created: coding.guid });
    codings.push({ coding, document, code, start, end, quote });
    tally(coding.coder, 'added');
  }

  // Memos and comments: new ones, on something the project has (or gets).
  const projectMemoGuids = new Set(project.memos.map((m) => m.guid));
  const givenMemos = new Set(base?.memos ?? []);
  const memos: MergeDraft['memos'][number][] = [];
  let memosAlready = 0;
  for (const memo of copy.memos) {
    if (projectMemoGuids.has(memo.guid)) { memosAlready++; continue; }
    if (givenMemos.has(memo.guid)) continue;
    const target = memoTarget(memo, documentRef, codeRef, codingRef, project.themeGuids);
    if (target === null || (target.kind === 'code' && isExisting(target.ref) && deleted.has(target.ref.existing))) continue;
    memos.push({ memo, target });
  }
  const projectCommentGuids = new Set(project.comments.map((c) => c.guid));
  const comments: MergeDraft['comments'][number][] = [];
  let commentsAlready = 0;
  for (const comment of copy.comments) {
    if (projectCommentGuids.has(comment.guid)) { commentsAlready++; continue; }
    const target = commentTarget(comment, codeRef, codingRef, project.themeGuids, project.linkGuids);
    if (target === null || (target.kind === 'code' && isExisting(target.ref) && deleted.has(target.ref.existing))) continue;
    comments.push({ comment, target });
  }

  // Coders: matched by name; those the project has not met are added.
  const projectCoders = new Set(project.coders.map((c) => fold(c.name)));
  const named = new Set<string>();
  for (const name of [...codings.map((c) => c.coding.coder), ...memos.map((m) => m.memo.author), ...comments.flatMap((c) => [c.comment.author, c.comment.resolvedBy ?? ''])]) {
    if (name !== '' && !projectCoders.has(fold(name))) named.add(fold(name));
  }
  const coders = copy.coders.filter((c) => named.has(fold(c.name)));

  checkResolutions(conflicts, resolutions);
  const settled = conflicts.map((c) => ({ key: c.key, kind: c.kind, subject: c.subject, choice: resolutions?.get(c.key) ?? c.suggested }));
  const plan: MergePlan = {
    file, copyName: copy.name, origin: copy.origin ? { sourceGuid: copy.origin.sourceGuid, sourceName: copy.origin.sourceName, coder: copy.origin.coder, keepOwn: copy.origin.keepOwn, madeAt: copy.origin.madeAt } : null,
    fromThisProject,
    documents: documentCounts,
    informants: { matched: copy.informants.length - informantsToAdd.length, added: informantsToAdd.length },
    codesAdded, codesByPath,
    codersAdded: coders.map((c) => c.name),
    codings: [...perCoder.values()] satisfies CoderCodings[],
    memos: { added: memos.length, already: memosAlready },
    comments: { added: comments.length, already: commentsAlready },
    conflicts,
    reanchoring,
  };
  return {
    plan, settled, coders, informants: informantsToAdd, informantRef, documents: documentsToAdd, documentRef,
    codeDeletes, codeRenames, codeDescriptions, codesToCreate, codings, codingRef, memos, comments, codingsLeftOut,
  };
}

/** How much of an unplaced coding's quote the plan shows: enough to find it in the copy. */
const QUOTE_START = 60;

function codingKey(document: string, code: string, coder: string, start: number, end: number): string {
  return `${document}|${code}|${fold(coder)}|${start}|${end}`;
}

function memoTarget(
  memo: SnapshotMemo, documents: ReadonlyMap<string, Ref>, codes: ReadonlyMap<string, Ref | null>, codings: ReadonlyMap<string, Ref>, themes: ReadonlySet<string>,
): MemoTargetRef | null {
  const pick = (kind: 'document' | 'code' | 'coding', ref: Ref | null | undefined): MemoTargetRef | null => (ref ? { kind, ref } : null);
  if (memo.documentGuid !== null) return pick('document', documents.get(memo.documentGuid));
  if (memo.codeGuid !== null) return pick('code', codes.get(memo.codeGuid));
  if (memo.codingGuid !== null) return pick('coding', codings.get(memo.codingGuid));
  if (memo.themeGuid !== null) return themes.has(memo.themeGuid) ? { kind: 'theme', guid: memo.themeGuid } : null;
  return { kind: 'project' };
}

/** What a comment of the copy is on, in the project (or among what the merge adds); null when the project has no such thing. */
export type CommentTargetRef =
  | { readonly kind: 'theme' | 'link'; readonly guid: string }
  | { readonly kind: 'code' | 'coding'; readonly ref: Ref };

function commentTarget(
  comment: SnapshotComment, codes: ReadonlyMap<string, Ref | null>, codings: ReadonlyMap<string, Ref>, themes: ReadonlySet<string>, links: ReadonlySet<string>,
): CommentTargetRef | null {
  const pick = (kind: 'code' | 'coding', ref: Ref | null | undefined): CommentTargetRef | null => (ref ? { kind, ref } : null);
  if (comment.codeGuid !== null) return pick('code', codes.get(comment.codeGuid));
  if (comment.codingGuid !== null) return pick('coding', codings.get(comment.codingGuid));
  if (comment.themeGuid !== null) return themes.has(comment.themeGuid) ? { kind: 'theme', guid: comment.themeGuid } : null;
  if (comment.linkGuid !== null) return links.has(comment.linkGuid) ? { kind: 'link', guid: comment.linkGuid } : null;
  return null;
}

/** Every conflict settled, with one of its own choices, and nothing settled that is no conflict here. */
function checkResolutions(conflicts: readonly MergeConflict[], resolutions: ReadonlyMap<string, MergeChoice> | null): void {
  if (resolutions === null) return;
  const byKey = new Map(conflicts.map((c) => [c.key, c]));
  for (const [key, choice] of resolutions) {
    const found = byKey.get(key);
    if (!found) throw new TematikError('conflict', say('unknownConflict', { key }));
    if (!found.choices.includes(choice)) throw new TematikError('invalid_args', say('badChoice', { key, choice, choices: found.choices.join(', ') }));
  }
  const open = conflicts.filter((c) => !resolutions.has(c.key));
  if (open.length > 0) {
    throw new TematikError('conflict', say('unresolved', { count: open.length, list: open.map((c) => `${c.key} (${c.subject})`).join('; ') }));
  }
}
