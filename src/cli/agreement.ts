import type { Args, Invoke } from '../api/contract';
import { agreementTable, disagreementTable, unitName } from '../analysis/agreement/table';
import type { AgreementResult } from '../domain/agreement';
import { defineMessages, type Language } from '../domain/text';
import type { TableCell } from '../export/table';
import { formatTable } from './table';

const say = defineMessages({
  en: {
    head: 'Agreement of {coders} by {unit}.',
    group: 'The code group "{name}" is one variable; its values: {values} and none.',
    takesPartCoded: 'A coder counts in a document where they made at least one coding; elsewhere their values are missing, not "not coded".',
    takesPartAll: 'Every coder counts in every document: no coding there means the code does not apply.',
    takesPartAssigned: 'A coder counts in the documents assigned to them (no coding there means the code does not apply) and in any other they coded in.',
    uncoded: 'Units that no coder coded with a compared code are left out.',
    conflicts: '{count} unit(s) where a coder applied two sub-codes of the group: that coder\'s value there is missing.',
    notCounted: 'Not compared (fewer than two coders counted): {titles}.',
    meaning: 'Percent agreement: agreeing pairs of coders within units. Cohen\'s κ: two coders only. Brennan–Prediger κ: agreement beyond 1/q. Krippendorff\'s α: nominal, missing values allowed. Empty: undefined for these data (e.g. a code nobody applied).',
    noDisagreements: 'The coders agree on every unit compared.',
    wrote: 'Wrote the agreement table to {path}',
  },
  id: {
    head: 'Kesepakatan {coders} per {unit}.',
    group: 'Kelompok kode "{name}" adalah satu variabel; nilainya: {values} dan tidak ada.',
    takesPartCoded: 'Seorang pengode dihitung di transkrip tempat ia membuat sedikitnya satu pengodean; di transkrip lain nilainya hilang, bukan "tidak dikode".',
    takesPartAll: 'Setiap pengode dihitung di setiap transkrip: tidak ada pengodean berarti kodenya tidak berlaku.',
    takesPartAssigned: 'Seorang pengode dihitung di transkrip yang ditugaskan kepadanya (tidak ada pengodean di sana berarti kodenya tidak berlaku) dan di transkrip lain yang ia kode.',
    uncoded: 'Unit yang tidak dikode seorang pengode pun dengan kode yang dibandingkan tidak dihitung.',
    conflicts: '{count} unit tempat seorang pengode memberi dua subkode dari kelompok itu: nilai pengode itu di sana dianggap hilang.',
    notCounted: 'Tidak dibandingkan (kurang dari dua pengode dihitung): {titles}.',
    meaning: 'Persentase kesepakatan: pasangan pengode yang sepakat di dalam unit. κ Cohen: hanya untuk dua pengode. κ Brennan–Prediger: kesepakatan di atas 1/q. α Krippendorff: nominal, nilai hilang diperbolehkan. Kosong: tidak terdefinisi untuk data ini (mis. kode yang tidak dipakai siapa pun).',
    noDisagreements: 'Para pengode sepakat di setiap unit yang dibandingkan.',
    wrote: 'Tabel kesepakatan ditulis ke {path}',
  },
});

export type AgreementArgs = Args<'analysis.agreement'>;

const cellText = (cell: TableCell): string => (typeof cell === 'number' ? String(cell) : cell);

/** The agreement table as the CLI prints it, in `language`, with what the figures rest on. */
export function agreementText(result: AgreementResult, language: Language): string {
  const t = (key: Parameters<typeof say>[0], params?: Record<string, string | number>) => say(key, params)[language];
  const table = agreementTable(result, language);
  const uncounted = result.documents.filter((d) => d.coderIds.length < 2).map((d) => d.title);
  return [
    t('head', { coders: result.coders.map((c) => c.name).join(', '), unit: unitName(result.unit, language) }),
    ...(result.variable.kind === 'group' ? [t('group', { name: result.variable.name, values: result.variable.categories.join(', ') })] : []),
    t(result.takesPart === 'coded' ? 'takesPartCoded' : result.takesPart === 'all' ? 'takesPartAll' : 'takesPartAssigned'),
    ...(result.includeUncoded ? [] : [t('uncoded')]),
    ...(result.conflictingUnits > 0 ? [t('conflicts', { count: result.conflictingUnits })] : []),
    ...(uncounted.length > 0 ? [t('notCounted', { titles: uncounted.join(', ') })] : []),
    '',
    formatTable(table.header, table.rows.map((row) => row.map(cellText))),
    '',
    t('meaning'),
  ].join('\n');
}

/** Runs `tematik agreement`: the table, or with `disagreements` the units the coders disagree on; `out` writes it as CSV or .xlsx instead. */
export async function agreementCommand(invoke: Invoke, args: AgreementArgs, options: { disagreements: boolean; out: string | undefined; language: Language }): Promise<{ value: unknown; text: string }> {
  const focus = {
    ...(args.codeIds?.length === 1 ? { codeId: args.codeIds[0]! } : args.groupId !== undefined ? { codeId: args.groupId } : {}),
    ...(args.documentIds?.length === 1 ? { documentId: args.documentIds[0]! } : {}),
  };
  if (options.out) {
    const format = /\.xlsx$/i.test(options.out) ? 'xlsx' : 'csv';
    const written = await invoke('export.table', {
      table: options.disagreements ? 'agreementDisagreements' : 'agreement', format, path: options.out, language: options.language,
      agreement: { ...args, ...(options.disagreements ? focus : {}) },
    });
    return { value: written, text: say('wrote', { path: options.out })[options.language] };
  }
  if (options.disagreements) {
    const [result, units] = await Promise.all([invoke('analysis.agreement', args), invoke('analysis.agreementDisagreements', { ...args, ...focus })]);
    const table = disagreementTable(units, result.coders, options.language);
    const text = units.length === 0 ? say('noDisagreements')[options.language]
      : formatTable(table.header, table.rows.map((row) => row.map((cell) => cellText(cell).replace(/\s+/g, ' '))));
    return { value: units, text };
  }
  const result = await invoke('analysis.agreement', args);
  return { value: result, text: agreementText(result, options.language) };
}
