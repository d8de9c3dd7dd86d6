import type Database from 'better-sqlite3';
import { agreement, type AgreementVariable } from '../analysis/agreement/agreement';
import { agreementCoders, agreementSource } from '../analysis/agreement/read';
import type { AgreementCoefficient, AgreementUnit } from '../domain/agreement';
import { TematikError } from '../domain/errors';
import type { CoderId } from '../domain/ids';
import { defineMessages } from '../domain/text';

type Db = Database.Database;

const say = defineMessages({
  en: {
    cohenTwoCoders: "Cohen's κ compares exactly two coders, but {count} coders ({names}) coded documents in common. Choose Krippendorff's α, Brennan–Prediger κ or percent agreement for the report's method paragraph.",
  },
  id: {
    cohenTwoCoders: 'κ Cohen hanya membandingkan tepat dua pengode, padahal {count} pengode ({names}) mengode transkrip yang sama. Pilih α Krippendorff, κ Brennan–Prediger, atau persentase kesepakatan untuk paragraf metode laporan.',
  },
});

/** What the researcher asked the method paragraph to report. */
export interface ReportAgreementChoice {
  readonly coefficient: AgreementCoefficient;
  readonly unit: AgreementUnit;
}

/** The facts of the method paragraph on inter-coder agreement. */
export interface ReportAgreement {
  /** Coders who share at least one document with another coder: the ones compared. */
  readonly coders: number;
  /** Documents coded by at least two coders. */
  readonly shared: number;
  /** Every document of the project. */
  readonly documents: number;
  readonly coefficient: AgreementCoefficient;
  /** Null when the coefficient is undefined for the data (the values do not vary). */
  readonly value: number | null;
  readonly unit: AgreementUnit;
}

/**
 * Agreement over every code and every document that two or more coders coded, for the report.
 * A coder counts in a document where they made a coding (the default of `analysis.agreement`):
 * a transcript one coder has not reached is not counted as disagreement. Null when no document
 * was coded by two coders: the report then says nothing about agreement.
 */
export function reportAgreement(db: Db, choice: ReportAgreementChoice): ReportAgreement | null {
  const coders = agreementCoders(db);
  if (coders.length < 2) return null;
  const source = agreementSource(db, coders.map((c) => c.id as CoderId), null, choice.unit === 'sentence' || choice.unit === 'character');
  const codersOf = new Map<number, Set<number>>();
  const { codings } = source;
  for (let i = 0; i < codings.document.length; i++) {
    let set = codersOf.get(codings.document[i]!);
    if (!set) codersOf.set(codings.document[i]!, (set = new Set()));
    set.add(codings.coder[i]!);
  }
  const compared = new Set<number>();
  let shared = 0;
  for (const set of codersOf.values()) {
    if (set.size < 2) continue;
    shared += 1;
    for (const coder of set) compared.add(coder);
  }
  if (shared === 0) return null;
  const chosen = coders.filter((c) => compared.has(c.id));
  if (choice.coefficient === 'cohenKappa' && chosen.length !== 2) {
    throw new TematikError('invalid_args', say('cohenTwoCoders', { count: chosen.length, names: chosen.map((c) => c.name).join(', ') }));
  }
  // Codings of coders who never share a document are left out: they have nothing to be compared with.
  const keep: number[] = [];
  for (let i = 0; i < codings.coder.length; i++) if (compared.has(codings.coder[i]!)) keep.push(i);
  const column = (values: Int32Array) => Int32Array.from(keep, (i) => values[i]!);
  const variables: AgreementVariable[] = source.codes.map((code) => ({ id: code.id, name: code.name, valueOf: new Map([[code.id as number, 1]]), values: [code.name] }));
  const result = agreement({
    unit: choice.unit, includeUncoded: true, takesPart: 'coded', assigned: null,
    coders: chosen.map((c) => ({ id: c.id, name: c.name })),
    documents: source.documents,
    codings: { document: column(codings.document), code: column(codings.code), coder: column(codings.coder), start: column(codings.start), end: column(codings.end) },
    variables, group: null,
  });
  const overall = result.rows[0]!;
  return { coders: chosen.length, shared, documents: source.documents.length, coefficient: choice.coefficient, value: overall[choice.coefficient], unit: choice.unit };
}
