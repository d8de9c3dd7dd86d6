import type { Args } from '../../../src/api/contract';
import type { ImportReport } from '../../../src/domain/types';

export type ImportMode = 'files' | 'folder';

/** What the dialog's form holds, before it becomes a contract call. */
export interface ImportForm {
  readonly mode: ImportMode;
  readonly files: readonly string[];
  /** '' when the files are not attached to an informant. */
  readonly informantId: number | '';
  readonly folder: string;
  readonly sheet: string;
  readonly skipBad: boolean;
}

export type ImportRequest =
  | { readonly name: 'import.files'; readonly args: Args<'import.files'> }
  | { readonly name: 'import.folder'; readonly args: Args<'import.folder'> };

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

/** The contract call for a form, or what is missing: no files, or no folder. */
export function importRequest(form: ImportForm): ImportRequest | { readonly missing: 'files' | 'folder' } {
  const skip = form.skipBad ? { skipBad: true } : {};
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
