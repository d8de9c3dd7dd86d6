import type { ExchangeSection } from '../../src/domain/types';

/** Every note of an import report, in English, kinds in the report's order. */
export function reportNotes(report: readonly ExchangeSection[]): string[] {
  return report.flatMap((section) => section.notes.map((note) => note.text.en));
}
