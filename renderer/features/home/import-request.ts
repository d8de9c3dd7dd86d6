import type { Args, Result } from '../../../src/api/contract';
import { mediaExtension } from '../../../src/domain/recordings';
import type { ImportReport } from '../../../src/domain/types';

export type ImportMode = 'files' | 'folder' | 'refi';

/** What an exchange file holds, by its extension: a whole project (.qdpx), a codebook (.qdc), or Taguette's codebook CSV (.csv). */
export type RefiKind = 'project' | 'codebook' | 'taguette';

/** What the dialog's form holds, before it becomes a contract call. */
export interface ImportForm {
  readonly mode: ImportMode;
  readonly files: readonly string[];
  /** '' when the files are not attached to an informant. */
  readonly informantId: number | '';
  readonly folder: string;
  readonly sheet: string;
  readonly skipBad: boolean;
  /** The transcripts label interviewer and informant the other way round: swap them in every imported file. */
  readonly swapRoles?: boolean;
  /** The .qdpx or .qdc file of the REFI-QDA mode. */
  readonly refiPath: string;
}

export type ImportRequest =
  | { readonly name: 'import.files'; readonly args: Args<'import.files'> }
  | { readonly name: 'import.folder'; readonly args: Args<'import.folder'> }
  | { readonly name: 'refi.importProject'; readonly args: Args<'refi.importProject'> }
  | { readonly name: 'refi.importCodebook'; readonly args: Args<'refi.importCodebook'> }
  | { readonly name: 'taguette.importCodebook'; readonly args: Args<'taguette.importCodebook'> };

/**
 * What keeps a form from becoming a call: no files, no folder, no REFI-QDA file, or a file that is
 * neither .qdpx nor .qdc; on a team page, a folder chosen with no files directly in it.
 */
export type ImportMissing = 'files' | 'folder' | 'refi' | 'refiKind' | 'folderEmpty';

/** Typed paths, one a line. Quotes around a line (Windows Explorer's "Copy as path") are dropped; blanks and repeats are ignored. */
export function parsePathList(text: string): string[] {
  const paths = text.split(/\r?\n/).map(unquote).filter((p) => p !== '');
  return [...new Set(paths)];
}

/** A typed path without its surrounding quotes and spaces. */
export function unquote(path: string): string {
  const trimmed = path.trim();
  const quoted = /^(["'])(.*)\1$/.exec(trimmed);
  return (quoted ? quoted[2]! : trimmed).trim();
}

/** The kind of a REFI-QDA exchange file by its extension (any case; quotes allowed), or null for any other file. */
export function refiKind(path: string): RefiKind | null {
  const extension = /\.([^./\\]+)$/.exec(unquote(path))?.[1]?.toLowerCase();
  return extension === 'qdpx' ? 'project' : extension === 'qdc' ? 'codebook' : extension === 'csv' ? 'taguette' : null;
}

/** The contract call for a form, or what is missing. */
export function importRequest(form: ImportForm): ImportRequest | { readonly missing: ImportMissing } {
  if (form.mode === 'refi') {
    const path = unquote(form.refiPath);
    if (!path) return { missing: 'refi' };
    const kind = refiKind(path);
    if (kind === null) return { missing: 'refiKind' };
    if (kind === 'taguette') return { name: 'taguette.importCodebook', args: { path } };
    return kind === 'project' ? { name: 'refi.importProject', args: { path } } : { name: 'refi.importCodebook', args: { path } };
  }
  const skip = { ...(form.skipBad ? { skipBad: true } : {}), ...(form.swapRoles ? { swapRoles: true } : {}) };
  if (form.mode === 'files') {
    if (form.files.length === 0) return { missing: 'files' };
    return { name: 'import.files', args: { paths: [...form.files], ...(form.informantId === '' ? {} : { informantId: form.informantId }), ...skip } };
  }
  const folder = unquote(form.folder);
  if (!folder) return { missing: 'folder' };
  const sheet = unquote(form.sheet);
  return { name: 'import.folder', args: { folder, ...(sheet ? { sheet } : {}), ...skip } };
}

/** The headline numbers of a finished import. */
export interface ImportSummary {
  readonly imported: number;
  readonly words: number;
  readonly turns: number;
  readonly skipped: number;
  readonly failed: number;
  /** Nothing went in, and nothing was wrong either: every file was already in the project. */
  readonly nothingNew: boolean;
}

export function summariseReport(report: ImportReport): ImportSummary {
  return {
    imported: report.imported.length,
    words: report.imported.reduce((sum, f) => sum + f.words, 0),
    turns: report.imported.reduce((sum, f) => sum + f.turns, 0),
    skipped: report.skipped.length,
    failed: report.failed.length,
    nothingNew: report.imported.length === 0 && report.failed.length === 0,
  };
}

/** The last part of a path, whichever separator the host uses. */
export const baseName = (path: string): string => path.split(/[\\/]/).filter(Boolean).pop() ?? path;

export type RefiProjectResult = Result<'refi.importProject'>;
export type RefiCodebookResult = Result<'refi.importCodebook'>;

/** The headline numbers of a REFI-QDA project import, in the order the dialog shows them. */
export function refiProjectCounts(result: RefiProjectResult): { readonly documents: number; readonly codes: number; readonly codings: number; readonly memos: number } {
  return { documents: result.imported.length, codes: result.codes, codings: result.codings, memos: result.memos };
}

/** A file a browser picked as part of a folder (`<input webkitdirectory>`): its path below the folder's parent. */
export interface PickedFile {
  readonly name: string;
  readonly webkitRelativePath: string;
  readonly size: number;
  readonly lastModified: number;
}

/**
 * What a team page sends of a folder the user picked: the files directly in it, as the desktop's
 * folder import reads a folder (not sub-folders, not hidden files), without the informant sheet
 * when it lies in the folder (it is sent once, as the sheet) and without recordings, which a
 * folder import on a team server does not link (they are listed as not sent). `folder` is the
 * folder's name, for the form.
 */
export function folderUploads<F extends PickedFile>(picked: readonly F[], sheet: PickedFile | null): { readonly folder: string; readonly send: readonly F[]; readonly recordings: readonly string[] } {
  const folder = picked[0]?.webkitRelativePath.split('/')[0] ?? '';
  const send: F[] = [];
  const recordings: string[] = [];
  for (const file of picked) {
    // "study/P-01.txt" is in the folder; "study/old/P-01.txt" is in a sub-folder.
    if (file.webkitRelativePath.split('/').length > 2 || file.name.startsWith('.')) continue;
    if (sheet && file.name === sheet.name && file.size === sheet.size && file.lastModified === sheet.lastModified) continue;
    if (mediaExtension(file.name) !== null) recordings.push(file.name);
    else send.push(file);
  }
  return { folder, send, recordings };
}
