import type { AgreementDisagreement, AgreementResult, AgreementRow, AgreementTakesPart, AgreementUnit } from '../../domain/agreement';
import { TematikError } from '../../domain/errors';
import type { CodeId, CoderId, DocumentId, Utf16Offset } from '../../domain/ids';
import { defineMessages } from '../../domain/text';
import { MISSING, Tally } from './coefficients';
import { documentUnits, totalWeight, unitRange, unitSpan, weightOf, type DocumentUnits } from './units';

/**
 * Inter-coder agreement, per code, per document and overall, from codings held as columns.
 * Pure: src/analysis/agreement/input.ts reads and checks what it is given.
 *
 * Each compared variable is measured unit by unit. A code is a variable with two values,
 * absent (0) and present (1). A code group whose sub-codes are mutually exclusive is one
 * variable whose values are "none" (0) and each sub-code (1 …), a sub-code standing for its own
 * sub-codes too.
 *
 * In a document, a coder counted there (the `takesPart` rule) gives every unit a value: the
 * code or sub-code when one of the coder's codings touches the unit, otherwise 0; a coder not
 * counted there gives none (missing, as in Krippendorff's reliability data). Several codings
 * of one coder touching a unit give one value; two different sub-codes of a group from one
 * coder contradict each other, so that coder's value there is missing too (and counted as a
 * conflicting unit).
 *
 * The work grows with the codings, not with units × codes: units that no compared coding
 * touches are counted together as unanimous zeros.
 */

/** The codings compared, column by column: the i-th entries are one coding. */
export interface CodingColumns {
  readonly document: Int32Array;
  readonly code: Int32Array;
  readonly coder: Int32Array;
  readonly start: Int32Array;
  readonly end: Int32Array;
}

export interface AgreementDocument {
  readonly id: DocumentId;
  readonly title: string;
  /** Needed for sentence and character units and for the drill-down's excerpts. */
  readonly text: string | null;
  readonly turnEnds: Int32Array;
}

/** A variable: one code, or a group of categories. */
export interface AgreementVariable {
  readonly id: CodeId;
  readonly name: string;
  /** The value each code of the variable gives (1 …); codes not listed are not part of it. */
  readonly valueOf: ReadonlyMap<number, number>;
  /** Names of the values 1 … (index 0 is value 1). */
  readonly values: readonly string[];
}

export interface AgreementInput {
  readonly unit: AgreementUnit;
  readonly includeUncoded: boolean;
  readonly takesPart: AgreementTakesPart;
  /** With `takesPart` 'assigned': the documents given to each coder, by the coder's place in `coders`. */
  readonly assigned: readonly ReadonlySet<number>[] | null;
  readonly coders: readonly { readonly id: CoderId; readonly name: string }[];
  readonly documents: readonly AgreementDocument[];
  /** Every coding of the compared coders in the compared documents, whatever its code (who took part is read from them). */
  readonly codings: CodingColumns;
  readonly variables: readonly AgreementVariable[];
  /** Set for a code group: the result names it as one variable. */
  readonly group: { readonly id: CodeId; readonly name: string } | null;
}

const say = defineMessages({
  en: {
    codeNotCompared: 'Code {id} is not among the codes compared; choose one of the rows of the agreement table.',
    documentNotCompared: 'Document {id} is not among the documents compared; choose one of the rows of the agreement table.',
  },
  id: {
    codeNotCompared: 'Kode {id} tidak termasuk kode yang dibandingkan; pilih salah satu baris tabel kesepakatan.',
    documentNotCompared: 'Transkrip {id} tidak termasuk transkrip yang dibandingkan; pilih salah satu baris tabel kesepakatan.',
  },
});

const CONFLICT = -2;

/** One document prepared: who takes part, its units, the compared codings by variable. */
interface PreparedDocument {
  readonly document: AgreementDocument;
  /** Bit i: coder i takes part. */
  readonly mask: number;
  readonly coders: number;
  readonly units: DocumentUnits;
  /** Weight of the units any compared coding touches, or all of them with `includeUncoded`. */
  readonly base: number;
  /** Coding indices of each variable that has codings here. */
  readonly byVariable: ReadonlyMap<number, number[]>;
}

/** Walks every document once, handing each variable's touched units (with each coder's value) to `visit`. */
function walk(
  input: AgreementInput,
  visit: (prepared: PreparedDocument, variable: number, unit: number, values: Int32Array) => void,
  onDocument: (prepared: PreparedDocument) => void,
  only?: { readonly documentId?: number; readonly variable?: number },
): void {
  const { codings, coders } = input;
  const coderIndex = new Map(coders.map((c, i) => [c.id as number, i]));
  const variableOf = new Map<number, number>();
  input.variables.forEach((v, i) => { for (const code of v.valueOf.keys()) variableOf.set(code, i); });
  const documentIndex = new Map(input.documents.map((d, i) => [d.id as number, i]));

  // Codings by document: counting sort on the document's index.
  const count = codings.document.length;
  const first = new Int32Array(input.documents.length + 1);
  const documentOf = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const d = documentIndex.get(codings.document[i]!) ?? -1;
    documentOf[i] = d;
    if (d >= 0) first[d + 1]! += 1;
  }
  for (let d = 0; d < input.documents.length; d++) first[d + 1]! += first[d]!;
  const order = new Int32Array(first[input.documents.length]!);
  const fill = first.slice(0, input.documents.length);
  for (let i = 0; i < count; i++) if (documentOf[i]! >= 0) order[fill[documentOf[i]!]!++] = i;

  // Each coding's coder, variable and value, looked up once.
  const coderOf = new Int32Array(count);
  const variableOfCoding = new Int32Array(count).fill(-1);
  const valueOf = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    coderOf[i] = coderIndex.get(codings.coder[i]!)!;
    const variable = variableOf.get(codings.code[i]!);
    if (variable === undefined) continue;
    variableOfCoding[i] = variable;
    valueOf[i] = input.variables[variable]!.valueOf.get(codings.code[i]!)!;
  }
  const all = (1 << coders.length) - 1;
  const values = new Int32Array(coders.length);
  let pool = new Int32Array(1024 * coders.length);
  input.documents.forEach((document, d) => {
    if (only?.documentId !== undefined && only.documentId !== document.id) return;
    const members = order.subarray(first[d]!, first[d + 1]!);
    let mask = input.takesPart === 'all' ? all : 0;
    input.assigned?.forEach((documents, c) => { if (documents.has(document.id)) mask |= 1 << c; });
    const byVariable = new Map<number, number[]>();
    const boundaries: number[] = [];
    for (const i of members) {
      mask |= 1 << coderOf[i]!;
      const variable = variableOfCoding[i]!;
      if (variable < 0) continue;
      let list = byVariable.get(variable);
      if (!list) byVariable.set(variable, (list = []));
      list.push(i);
      boundaries.push(codings.start[i]!, codings.end[i]!);
    }
    const taking = popCount(mask);
    const units = documentUnits(input.unit, document, boundaries);
    let base = totalWeight(units);
    if (!input.includeUncoded) {
      const touched = new Uint8Array(units.ends.length);
      for (const list of byVariable.values()) {
        for (const i of list) {
          const [from, to] = unitSpan(units, codings.start[i]!, codings.end[i]!);
          touched.fill(1, from, to);
        }
      }
      base = 0;
      touched.forEach((t, k) => { if (t) base += weightOf(units, k); });
    }
    const prepared: PreparedDocument = { document, mask, coders: taking, units, base, byVariable };
    onDocument(prepared);
    if (taking < 2) return;
    // (variable, unit) → a slot of `pool` holding each coder's value: 0 for a coder taking part, MISSING for one who is not.
    const slots = new Map<number, number>();
    const span = units.ends.length;
    for (const [variable, list] of byVariable) {
      if (only?.variable !== undefined && only.variable !== variable) continue;
      for (const i of list) {
        const coder = coderOf[i]!;
        const value = valueOf[i]!;
        const [from, to] = unitSpan(units, codings.start[i]!, codings.end[i]!);
        for (let k = from; k < to; k++) {
          const key = variable * span + k;
          let slot = slots.get(key);
          if (slot === undefined) {
            slot = slots.size;
            slots.set(key, slot);
            if ((slot + 1) * coders.length > pool.length) {
              const grown = new Int32Array(pool.length * 2);
              grown.set(pool);
              pool = grown;
            }
            for (let c = 0; c < coders.length; c++) pool[slot * coders.length + c] = mask & (1 << c) ? 0 : MISSING;
          }
          const at = slot * coders.length + coder;
          const was = pool[at]!;
          pool[at] = was === 0 || was === value ? value : CONFLICT;
        }
      }
    }
    for (const [key, slot] of slots) {
      values.set(pool.subarray(slot * coders.length, (slot + 1) * coders.length));
      visit(prepared, Math.floor(key / span), key % span, values);
    }
  });
}

function popCount(mask: number): number {
  let n = 0;
  for (let m = mask; m; m &= m - 1) n++;
  return n;
}

/** The agreement table: overall, then each variable, then each document. */
export function agreement(input: AgreementInput): AgreementResult {
  const q = input.group ? input.variables[0]!.values.length + 1 : 2;
  const m = input.coders.length;
  const overall = new Tally(q, m);
  const perVariable = input.variables.map(() => new Tally(q, m));
  const perDocument = new Map<number, Tally>();
  const documents: AgreementResult['documents'][number][] = [];
  let conflicting = 0;
  // Weight of touched units per variable in the current document, to count the untouched rest as unanimous zeros.
  const touched = new Float64Array(input.variables.length);

  let current: PreparedDocument | null = null;
  const finish = (prepared: PreparedDocument) => {
    if (prepared.coders < 2) return;
    const tally = perDocument.get(prepared.document.id)!;
    input.variables.forEach((_, v) => {
      const rest = prepared.base - touched[v]!;
      perVariable[v]!.addUnanimous(0, prepared.coders, rest);
      tally.addUnanimous(0, prepared.coders, rest);
      overall.addUnanimous(0, prepared.coders, rest);
    });
  };
  walk(input, (prepared, variable, k, values) => {
    const weight = weightOf(prepared.units, k);
    // Only units a coding counted in `base` touched reach here, so they are always part of the base.
    touched[variable]! += weight;
    for (let c = 0; c < values.length; c++) {
      if (values[c] === CONFLICT) {
        values[c] = MISSING;
        conflicting += weight;
      }
    }
    perVariable[variable]!.addUnit(values, weight);
    perDocument.get(prepared.document.id)!.addUnit(values, weight);
    overall.addUnit(values, weight);
  }, (prepared) => {
    if (current) finish(current);
    current = prepared;
    touched.fill(0);
    perDocument.set(prepared.document.id, new Tally(q, m));
    documents.push({ id: prepared.document.id, title: prepared.document.title, coderIds: input.coders.filter((_, c) => prepared.mask & (1 << c)).map((c) => c.id) });
  });
  if (current) finish(current);

  const row = (scope: AgreementRow['scope'], codeId: CodeId | null, documentId: DocumentId | null, label: string, tally: Tally): AgreementRow =>
    ({ scope, codeId, documentId, label, ...tally.figures() });
  return {
    unit: input.unit,
    includeUncoded: input.includeUncoded,
    takesPart: input.takesPart,
    coders: input.coders,
    variable: input.group ? { kind: 'group', codeId: input.group.id, name: input.group.name, categories: input.variables[0]!.values } : { kind: 'codes' },
    documents,
    conflictingUnits: conflicting,
    rows: [
      row('overall', null, null, '', overall),
      ...input.variables.map((v, i) => row('code', v.id, null, v.name, perVariable[i]!)),
      ...input.documents.map((d) => row('document', null, d.id, d.title, perDocument.get(d.id)!)),
    ],
  };
}

const EXCERPT = 300;

/**
 * The units on which the coders disagree (two or more different values), for one code or
 * document or both, by document then position. Contradicting sub-codes of one coder show as
 * that coder's missing value.
 */
export function disagreements(input: AgreementInput, only: { readonly codeId?: CodeId; readonly documentId?: DocumentId }): AgreementDisagreement[] {
  const variable = only.codeId === undefined ? undefined : input.variables.findIndex((v) => v.id === only.codeId);
  if (variable === -1) throw new TematikError('not_found', say('codeNotCompared', { id: String(only.codeId) }));
  if (only.documentId !== undefined && !input.documents.some((d) => d.id === only.documentId)) {
    throw new TematikError('not_found', say('documentNotCompared', { id: String(only.documentId) }));
  }
  const out: AgreementDisagreement[] = [];
  walk(input, (prepared, v, k, values) => {
    let first = MISSING;
    let differ = false;
    for (const value of values) {
      if (value < 0) continue;
      if (first === MISSING) first = value;
      else if (value !== first) differ = true;
    }
    if (!differ) return;
    const { document, units } = prepared;
    const text = document.text ?? '';
    const [start, end] = unitRange(units, k, text.length);
    const named = input.variables[v]!;
    const excerpt = text.slice(start, end);
    out.push({
      documentId: document.id, documentTitle: document.title, codeId: named.id, codeName: named.name,
      start: start as Utf16Offset, end: end as Utf16Offset,
      text: excerpt.length > EXCERPT ? `${[...excerpt].slice(0, EXCERPT).join('')}…` : excerpt,
      values: input.coders.map((coder, c) => ({ coderId: coder.id, value: values[c]! < 0 ? null : values[c] === 0 ? '' : named.values[values[c]! - 1]! })),
    });
  }, () => undefined, { ...(only.documentId !== undefined ? { documentId: only.documentId } : {}), ...(variable !== undefined ? { variable } : {}) });
  const place = new Map(input.documents.map((d, i) => [d.id as number, i]));
  return out.sort((a, b) => place.get(a.documentId)! - place.get(b.documentId)! || a.start - b.start || a.codeName.localeCompare(b.codeName));
}
