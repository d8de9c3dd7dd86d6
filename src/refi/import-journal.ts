import type Database from 'better-sqlite3';
import { defineMessages, type Language } from '../domain/text';
import type { CoderId } from '../domain/ids';
import type { ExchangeSection, Phase } from '../domain/types';
import { createMemo } from '../store/memos';
import { reportLines } from './report-text';

const say = defineMessages({
  en: {
    title: 'Imported {file}',
    project: 'Imported the REFI-QDA project "{name}" from {file}{origin}. What came in, and what was left out and why:',
    codebook: 'Imported the codebook {file}. What came in, and what was left out and why:',
    origin: ' (written by {origin})',
    nothing: 'Nothing was left out or changed.',
  },
  id: {
    title: 'Impor {file}',
    project: 'Proyek REFI-QDA "{name}" diimpor dari {file}{origin}. Yang masuk, serta yang dilewati dan alasannya:',
    codebook: 'Buku kode {file} diimpor. Yang masuk, serta yang dilewati dan alasannya:',
    origin: ' (dibuat oleh {origin})',
    nothing: 'Tidak ada yang dilewati atau diubah.',
  },
});

export type ImportedFile =
  | { readonly kind: 'project'; readonly file: string; readonly name: string; readonly origin: string | null }
  | { readonly kind: 'codebook'; readonly file: string };

/**
 * Keeps an import's report in the reflexive journal, in the language the user imported in.
 * Called inside the import's own transaction, so undoing the import removes its entry too.
 */
export function journalImport(db: Database.Database, imported: ImportedFile, sections: readonly ExchangeSection[], author: CoderId, language: Language): void {
  const headline = imported.kind === 'project'
    ? say('project', { name: imported.name, file: imported.file, origin: imported.origin ? say('origin', { origin: imported.origin }) : '' })
    : say('codebook', { file: imported.file });
  const lines = reportLines(sections, language);
  const body = [headline[language], '', ...(lines.length > 0 ? lines : [say('nothing')[language]])].join('\n');
  // Journal entries remember the phase they were written in, as memos.create does.
  const phase = (db.prepare('SELECT phase FROM project WHERE id = 1').pluck().get() as Phase | undefined) ?? null;
  createMemo(db, { kind: 'journal', title: say('title', { file: imported.file })[language], body, target: { kind: 'project' }, author, phase });
}
