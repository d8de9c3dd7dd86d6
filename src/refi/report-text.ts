import { defineMessages, type Language } from '../domain/text';
import type { ExchangeKind, ExchangeSection } from '../domain/types';

const say = defineMessages({
  en: {
    sources: 'Sources', codes: 'Codes', codings: 'Codings', memos: 'Memos', cases: 'Cases (informants)', variables: 'Variables (attributes)',
    sets: 'Sets', links: 'Links', themes: 'Themes', comments: 'Comments', other: 'Other',
    counts: '{found} found, {imported} imported, {skipped} skipped',
    times: '{n} times',
    left: '{n} left out',
  },
  id: {
    sources: 'Sumber', codes: 'Kode', codings: 'Pengodean', memos: 'Memo', cases: 'Kasus (informan)', variables: 'Variabel (atribut)',
    sets: 'Set', links: 'Hubungan', themes: 'Tema', comments: 'Komentar', other: 'Lainnya',
    counts: '{found} ditemukan, {imported} diimpor, {skipped} dilewati',
    times: '{n} kali',
    left: '{n} dilewati',
  },
});

/** The name of a kind in the report, e.g. "Codings" / "Pengodean". */
export const kindLabel = (kind: ExchangeKind, language: Language): string => say(kind)[language];

/**
 * The import report as plain lines in one language, kind by kind: its counts (when the import
 * counted anything of that kind), then each reason, with how often it happened. For the CLI
 * and the reflexive journal; the renderer draws the same sections from its own strings.
 */
export function reportLines(sections: readonly ExchangeSection[], language: Language): string[] {
  return sections.flatMap((section) => {
    const counted = section.found + section.imported + section.skipped > 0;
    const head = `${kindLabel(section.kind, language)}${counted ? `: ${say('counts', { found: section.found, imported: section.imported, skipped: section.skipped })[language]}` : ''}`;
    return [head, ...section.notes.map((note) => {
      const extra = [
        ...(note.count > 1 ? [say('times', { n: note.count })[language]] : []),
        ...(note.skipped > 0 && note.skipped !== note.count ? [say('left', { n: note.skipped })[language]] : []),
      ];
      return `  - ${note.text[language]}${extra.length > 0 ? ` (${extra.join(', ')})` : ''}`;
    })];
  });
}
