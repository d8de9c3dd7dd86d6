import { fold, isExisting, type RaiseConflict, type Ref } from './refs';
import type { CopyBase, Snapshot, SnapshotCode } from './snapshot';

/** How a copy's codebook meets the project's: what each code of the copy is here, and what changes. */
export interface CodeMatch {
  /** Each code of the copy: a project code, one the merge creates, or null (deleted here, and left so). */
  readonly codeRef: ReadonlyMap<string, Ref | null>;
  /** New codes, parents before their sub-codes. */
  readonly codesToCreate: readonly { readonly code: SnapshotCode; readonly parent: Ref | null }[];
  readonly codesAdded: readonly string[];
  readonly codesByPath: number;
  readonly codeRenames: readonly { readonly guid: string; readonly name: string }[];
  readonly codeDescriptions: readonly { readonly guid: string; readonly description: string }[];
  /** Project codes (GUIDs) to delete, as the copy did. */
  readonly codeDeletes: readonly string[];
  /** Those and every code under them. */
  readonly deleted: ReadonlySet<string>;
}

/**
 * Matches the copy's codes to the project's: by GUID; a code the project deleted since the copy was
 * made is a conflict when the copy coded with it; a code new in the copy by its path (its parent
 * matched, then its name), else created. With the base, a rename or description change made only
 * in the copy is taken, a rename made in both is a conflict, and a code the copy deleted is one.
 * `newCodingsPerCode` counts the copy's codings the project lacks, per code GUID.
 */
export function matchCodes(project: Snapshot, copy: Snapshot, base: CopyBase | null, newCodingsPerCode: ReadonlyMap<string, number>, conflict: RaiseConflict): CodeMatch {
  const baseCodes = new Map((base?.codes ?? []).map((c) => [c.guid, c]));
  const projectCodes = new Map(project.codes.map((c) => [c.guid, c]));
  const projectPath = pathsOf(project.codes);
  const copyCodes = new Map(copy.codes.map((c) => [c.guid, c]));
  const copyPath = pathsOf(copy.codes);
  const projectChild = new Map(project.codes.map((c) => [`${c.parentGuid ?? ''}/${fold(c.name)}`, c.guid]));
  const codeRef = new Map<string, Ref | null>();
  const codesToCreate: { code: SnapshotCode; parent: Ref | null }[] = [];
  const codesAdded: string[] = [];
  let codesByPath = 0;
  const resolveCode = (code: SnapshotCode, trail: ReadonlySet<string>): Ref | null => {
    const known = codeRef.get(code.guid);
    if (known !== undefined) return known;
    const parentCode = code.parentGuid !== null && !trail.has(code.parentGuid) ? copyCodes.get(code.parentGuid) : undefined;
    const parent = parentCode ? resolveCode(parentCode, new Set([...trail, code.guid])) : null;
    let ref: Ref | null;
    if (projectCodes.has(code.guid)) ref = { existing: code.guid };
    else if (baseCodes.has(code.guid)) {
      const used = newCodingsPerCode.get(code.guid) ?? 0;
      const restore = used > 0 && conflict('codeDeletedInProject', code.guid, copyPath.get(code.guid)!, used, { copyName: code.name }) === 'copy';
      ref = restore ? { created: code.guid } : null;
      if (restore) {
        codesToCreate.push({ code, parent });
        codesAdded.push(copyPath.get(code.guid)!);
      }
    } else {
      const parentGuid = parent === null ? '' : isExisting(parent) ? parent.existing : null;
      const byPath = parentGuid === null ? undefined : projectChild.get(`${parentGuid}/${fold(code.name)}`);
      if (byPath !== undefined) {
        codesByPath++;
        ref = { existing: byPath };
      } else {
        ref = { created: code.guid };
        codesToCreate.push({ code, parent });
        codesAdded.push(copyPath.get(code.guid)!);
      }
    }
    codeRef.set(code.guid, ref);
    return ref;
  };
  for (const code of copy.codes) resolveCode(code, new Set());

  const codeRenames: { guid: string; name: string }[] = [];
  const codeDescriptions: { guid: string; description: string }[] = [];
  for (const code of copy.codes) {
    const mine = projectCodes.get(code.guid);
    if (!mine) continue;
    const was = baseCodes.get(code.guid);
    if (mine.name.trim() !== code.name.trim()) {
      const onlyCopyRenamed = was !== undefined && was.name.trim() === mine.name.trim();
      const onlyProjectRenamed = was !== undefined && was.name.trim() === code.name.trim();
      const sibling = projectChild.get(`${mine.parentGuid ?? ''}/${fold(code.name)}`);
      const clash = sibling !== undefined && sibling !== mine.guid;
      if (onlyCopyRenamed && !clash) codeRenames.push({ guid: mine.guid, name: code.name.trim() });
      else if (!onlyProjectRenamed) {
        const choice = conflict('codeRenamed', code.guid, projectPath.get(mine.guid)!, 0, { projectName: mine.name, copyName: code.name });
        if (choice === 'copy') codeRenames.push({ guid: mine.guid, name: code.name.trim() });
      }
    }
    if (was !== undefined && mine.description === was.description && code.description !== was.description) {
      codeDescriptions.push({ guid: mine.guid, description: code.description });
    }
  }
  const codeDeletes: string[] = [];
  for (const was of base?.codes ?? []) {
    if (copyCodes.has(was.guid) || !projectCodes.has(was.guid)) continue;
    const used = project.codings.filter((c) => c.codeGuid === was.guid).length;
    if (conflict('codeDeletedInCopy', was.guid, projectPath.get(was.guid)!, used, { projectName: projectCodes.get(was.guid)!.name }) === 'copy') codeDeletes.push(was.guid);
  }
  const deleted = deletedWithDescendants(project.codes, codeDeletes);
  return { codeRef, codesToCreate, codesAdded, codesByPath, codeRenames, codeDescriptions, codeDeletes, deleted };
}

/** Each code's path ("Parent/Child"), as the codebook shows it. */
export function pathsOf(codes: readonly SnapshotCode[]): Map<string, string> {
  const byGuid = new Map(codes.map((c) => [c.guid, c]));
  const paths = new Map<string, string>();
  const pathOf = (code: SnapshotCode, depth: number): string => {
    const parent = code.parentGuid === null ? undefined : byGuid.get(code.parentGuid);
    // A depth bound: a copy is input, and a cycle of parents must not loop for ever.
    return parent && depth < 100 ? `${pathOf(parent, depth + 1)}/${code.name}` : code.name;
  };
  for (const code of codes) paths.set(code.guid, pathOf(code, 0));
  return paths;
}

/** The GUIDs of `roots` and every code under them: deleting a code deletes its sub-codes. */
function deletedWithDescendants(codes: readonly SnapshotCode[], roots: readonly string[]): Set<string> {
  const deleted = new Set(roots);
  let grown = true;
  while (grown) {
    grown = false;
    for (const code of codes) {
      if (code.parentGuid !== null && deleted.has(code.parentGuid) && !deleted.has(code.guid)) {
        deleted.add(code.guid);
        grown = true;
      }
    }
  }
  return deleted;
}
