import { defineMessages, type Language } from '../domain/text';
import type { ExchangeSection } from '../domain/types';
import type { ProjectTransaction } from '../store/project-data';
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
 * Keeps an import's report in the reflexive journal, in the language the user imported in, written
 * by the importer. Called inside the import's own change, so undoing the import removes its entry too.
 */
export async function journalImport(tx: ProjectTransaction, imported: ImportedFile, sections: readonly ExchangeSection[], language: Language): Promise<void> {
  const headline = imported.kind === 'project'
    ? say('project', { name: imported.name, file: imported.file, origin: imported.origin ? say('origin', { origin: imported.origin }) : '' })
    : say('codebook', { file: imported.file });
  const lines = reportLines(sections, language);
  const body = [headline[language], '', ...(lines.length > 0 ? lines : [say('nothing')[language]])].join('\n');
  // Journal entries remember the phase they were written in, as memos.create does.
  const { phase } = await tx.project.info();
  await tx.memos.create({ kind: 'journal', title: say('title', { file: imported.file })[language], body, target: { kind: 'project' }, phase });
}
