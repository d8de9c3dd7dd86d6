import type { AgreementDisagreement, AgreementResult, AgreementUnit } from '../../domain/agreement';
import { defineMessages, type Language } from '../../domain/text';
import type { ExportTable, TableCell } from '../../export/table';

const say = defineMessages({
  en: {
    title: 'Agreement',
    disagreementsTitle: 'Disagreements',
    scope: 'Row',
    overall: 'All codes, all documents',
    code: 'Code',
    group: 'Code group',
    document: 'Document',
    name: 'Code or document',
    coders: 'Coders counted',
    units: 'Units ({unit})',
    disagreements: 'Disagreements ({unit})',
    percent: 'Percent agreement (%)',
    cohen: "Cohen's κ",
    bp: 'Brennan–Prediger κ',
    alpha: "Krippendorff's α (nominal)",
    unit_turn: 'speaker turns',
    unit_sentence: 'sentences',
    unit_character: 'characters',
    unit_document: 'documents',
    start: 'Start',
    end: 'End',
    text: 'Text',
    none: '(none)',
    missing: '(not counted)',
  },
  id: {
    title: 'Kesepakatan',
    disagreementsTitle: 'Ketidaksepakatan',
    scope: 'Baris',
    overall: 'Semua kode, semua transkrip',
    code: 'Kode',
    group: 'Kelompok kode',
    document: 'Transkrip',
    name: 'Kode atau transkrip',
    coders: 'Pengode yang dihitung',
    units: 'Unit ({unit})',
    disagreements: 'Ketidaksepakatan ({unit})',
    percent: 'Persentase kesepakatan (%)',
    cohen: 'κ Cohen',
    bp: 'κ Brennan–Prediger',
    alpha: 'α Krippendorff (nominal)',
    unit_turn: 'giliran bicara',
    unit_sentence: 'kalimat',
    unit_character: 'karakter',
    unit_document: 'transkrip',
    start: 'Awal',
    end: 'Akhir',
    text: 'Teks',
    none: '(tidak ada)',
    missing: '(tidak dihitung)',
  },
});

/** The unit's name in a language, e.g. "speaker turns". */
export const unitName = (unit: AgreementUnit, language: Language): string => say(`unit_${unit}`)[language];

const round = (value: number | null, digits: number): TableCell => (value === null ? '' : Number(value.toFixed(digits)));

/**
 * The agreement table as exported and as the CLI prints it: one row overall, one per code (or
 * the group), one per document, each coefficient named with its unit in the header.
 * Percentages to one decimal, coefficients to three.
 */
export function agreementTable(result: AgreementResult, language: Language): ExportTable {
  const t = (key: Parameters<typeof say>[0], params?: Record<string, string>) => say(key, params)[language];
  const unit = unitName(result.unit, language);
  const names = new Map(result.coders.map((c) => [c.id as number, c.name]));
  const everyone = result.coders.map((c) => c.name).join(', ');
  const countedIn = new Map(result.documents.map((d) => [d.id as number, d.coderIds.map((id) => names.get(id)!).join(', ')]));
  return {
    name: `agreement-${result.unit}`,
    title: `${t('title')} (${unit})`,
    header: [t('scope'), t('name'), t('coders'), t('units', { unit }), t('disagreements', { unit }), t('percent'), t('cohen'), t('bp'), t('alpha')],
    rows: result.rows.map((row) => [
      row.scope === 'overall' ? t('overall') : row.scope === 'document' ? t('document') : result.variable.kind === 'group' ? t('group') : t('code'),
      row.label,
      row.scope === 'document' ? countedIn.get(row.documentId!) ?? '' : everyone,
      round(row.units, 0), round(row.disagreements, 0),
      round(row.percent === null ? null : row.percent * 100, 1), round(row.cohenKappa, 3), round(row.brennanPrediger, 3), round(row.alpha, 3),
    ]),
  };
}

/** The units the coders disagree on, one row each, with every coder's value. */
export function disagreementTable(result: readonly AgreementDisagreement[], coders: readonly { readonly id: number; readonly name: string }[], language: Language): ExportTable {
  const t = (key: Parameters<typeof say>[0]) => say(key)[language];
  return {
    name: 'agreement-disagreements',
    title: t('disagreementsTitle'),
    header: [t('document'), t('code'), t('start'), t('end'), ...coders.map((c) => c.name), t('text')],
    rows: result.map((d) => [
      d.documentTitle, d.codeName, d.start, d.end,
      ...coders.map((c) => {
        const value = d.values.find((v) => v.coderId === c.id)?.value;
        return value === null || value === undefined ? t('missing') : value === '' ? t('none') : value;
      }),
      d.text,
    ]),
  };
}
