import { describe, expect, it } from 'vitest';
import { agreement, disagreements, type AgreementInput, type AgreementVariable } from '../../../../src/analysis/agreement/agreement';
import { MISSING, Tally } from '../../../../src/analysis/agreement/coefficients';
import { characterUnits, documentUnits, sentenceEnds, totalWeight, unitRange, unitSpan } from '../../../../src/analysis/agreement/units';
import type { AgreementUnit } from '../../../../src/domain/agreement';
import type { CodeId, CoderId, DocumentId } from '../../../../src/domain/ids';

describe('agreement units', () => {
  it('turns: text between two turns belongs to the turn after it, text after the last to the last', () => {
    // Turns end at 20, 45 and 80; "B: " at 20–23 opens turn 1.
    const units = documentUnits('turn', { text: null, turnEnds: Int32Array.of(20, 45, 80) }, []);
    expect(unitSpan(units, 21, 23)).toEqual([1, 2]);
    expect(unitSpan(units, 10, 30)).toEqual([0, 2]);
    expect(unitSpan(units, 19, 20)).toEqual([0, 1]);
    expect(unitSpan(units, 20, 21)).toEqual([1, 2]);
    expect(unitSpan(units, 85, 90)).toEqual([2, 3]);
    expect(totalWeight(units)).toBe(3);
  });

  it('turns: a document without turns is one unit', () => {
    const units = documentUnits('turn', { text: null, turnEnds: new Int32Array(0) }, []);
    expect(unitSpan(units, 5, 500)).toEqual([0, 1]);
    expect(totalWeight(units)).toBe(1);
  });

  it('sentences: closing punctuation and white space, or a line break, end one; blank lines join the sentence before', () => {
    const pieces = (text: string) => {
      const ends = [...sentenceEnds(text)];
      return ends.map((end, k) => text.slice(k === 0 ? 0 : ends[k - 1], end));
    };
    expect(pieces('  Saya ragu. Apa benar?\n\nYa, benar!\nSelesai')).toEqual(['  Saya ragu. ', 'Apa benar?\n\n', 'Ya, benar!\n', 'Selesai']);
    expect(pieces('Harganya 2.5 juta, dll., katanya "mahal." Lalu…  ya\n')).toEqual(['Harganya 2.5 juta, dll., katanya "mahal." ', 'Lalu…  ', 'ya\n']);
    expect(pieces('\n\nA: Halo.\n\n')).toEqual(['\n\nA: Halo.\n\n']);
    expect(pieces('')).toEqual(['']);
  });

  it('characters: stretches between coding boundaries, weighted in code points (an emoji is one character)', () => {
    const text = '😀😀ab😀c';
    // UTF-16: 😀 0–2, 😀 2–4, a 4, b 5, 😀 6–8, c 8: 9 code units, 6 characters.
    const units = characterUnits(text, [2, 6, 2, 8]);
    expect([...units.ends]).toEqual([2, 6, 8, 9]);
    expect([...units.weights!]).toEqual([1, 3, 1, 1]);
    expect(totalWeight(units)).toBe(6);
    expect(unitSpan(units, 2, 8)).toEqual([1, 3]);
    expect(unitRange(units, 3, text.length)).toEqual([8, 9]);
  });

  it('documents: one unit, whatever is coded', () => {
    const units = documentUnits('document', { text: null, turnEnds: Int32Array.of(10, 20) }, [3, 4]);
    expect(totalWeight(units)).toBe(1);
    expect(unitSpan(units, 15, 19)).toEqual([0, 1]);
  });
});

const A = 1 as CoderId;
const B = 2 as CoderId;
const C = 3 as CoderId;
const CODERS = [{ id: A, name: 'Ayu' }, { id: B, name: 'Bima' }, { id: C, name: 'Citra' }];

type Row = [document: number, code: number, coder: number, start: number, end: number];

function input(options: {
  unit: AgreementUnit; coders?: number; includeUncoded?: boolean; takesPart?: 'coded' | 'all'; assigned?: number[][];
  documents: { id: number; text?: string; turnEnds?: number[] }[]; codings: Row[]; variables?: AgreementVariable[]; group?: boolean;
}): AgreementInput {
  const column = (k: number) => Int32Array.from(options.codings, (row) => row[k]!);
  const variables = options.variables ?? [{ id: 10 as CodeId, name: 'doubt', valueOf: new Map([[10, 1]]), values: ['doubt'] }];
  return {
    unit: options.unit, includeUncoded: options.includeUncoded ?? true, takesPart: options.assigned ? 'assigned' : options.takesPart ?? 'coded',
    assigned: options.assigned ? options.assigned.map((ids) => new Set(ids)) : null,
    coders: CODERS.slice(0, options.coders ?? 2),
    documents: options.documents.map((d) => ({ id: d.id as DocumentId, title: `D${d.id}`, text: d.text ?? null, turnEnds: Int32Array.from(d.turnEnds ?? []) })),
    codings: { document: column(0), code: column(1), coder: column(2), start: column(3), end: column(4) },
    variables, group: options.group ? { id: variables[0]!.id, name: variables[0]!.name } : null,
  };
}

describe('agreement over codings', () => {
  it("characters: NVivo's example, 85 % with the text nobody coded and 25 % without it", () => {
    const text = 'x'.repeat(1000);
    // Ayu codes 0–100, Bima 50–200: both 50, one only 150, neither 800.
    const codings: Row[] = [[1, 10, A, 0, 100], [1, 10, B, 50, 200]];
    const withUncoded = agreement(input({ unit: 'character', documents: [{ id: 1, text }], codings }));
    const overall = withUncoded.rows[0]!;
    expect(overall).toMatchObject({ scope: 'overall', units: 1000, disagreements: 150 });
    expect(overall.percent!).toBeCloseTo(0.85, 3);
    // Cohen's κ by hand: p_o = 0.85, p_e = 0.1·0.15 + 0.9·0.85 = 0.78.
    expect(overall.cohenKappa!).toBeCloseTo((0.85 - 0.78) / (1 - 0.78), 9);
    const without = agreement(input({ unit: 'character', includeUncoded: false, documents: [{ id: 1, text }], codings })).rows[0]!;
    expect(without.units).toBe(200);
    expect(without.percent!).toBeCloseTo(0.25, 3);
  });

  it('characters are counted in code points, so emoji weigh one each', () => {
    const text = `${'😀'.repeat(10)}${'x'.repeat(10)}`;
    // Ayu codes the ten emoji (UTF-16 0–20), Bima the first five (0–10): 5 + 10 of 20 characters agree.
    const result = agreement(input({ unit: 'character', documents: [{ id: 1, text }], codings: [[1, 10, A, 0, 20], [1, 10, B, 0, 10], [1, 10, B, 20, 21]] }));
    // Bima also coded the first "x" (20–21): both 5, Ayu only 5, Bima only 1, neither 9.
    expect(result.rows[0]).toMatchObject({ units: 20, disagreements: 6 });
    expect(result.rows[0]!.percent!).toBeCloseTo(14 / 20, 12);
  });

  it('turns: several codings of one coder in one turn count once; a coding over a turn boundary counts in both turns', () => {
    const turnEnds = [10, 20, 30, 40];
    const result = agreement(input({
      unit: 'turn', documents: [{ id: 1, turnEnds }],
      codings: [[1, 10, A, 1, 3], [1, 10, A, 4, 6], [1, 10, A, 2, 8], [1, 10, B, 5, 15], [1, 99, B, 31, 33]],
    }));
    // Turn 0: both; turn 1: Bima only; turns 2, 3: neither (Bima's other code is not compared).
    const expected = new Tally(2, 2);
    expected.addUnit([1, 1], 1);
    expected.addUnit([0, 1], 1);
    expected.addUnit([0, 0], 2);
    expect(result.rows[0]).toMatchObject(expected.figures());
    expect(result.rows[0]!.units).toBe(4);
  });

  it('a coder who coded nothing in a document is missing there, not "absent", unless every coder read every document', () => {
    const documents = [{ id: 1, turnEnds: [10, 20, 30] }, { id: 2, turnEnds: [10, 20, 30] }];
    // Citra coded only document 1.
    const codings: Row[] = [
      [1, 10, A, 0, 5], [1, 10, B, 0, 5], [1, 10, C, 12, 14],
      [2, 10, A, 21, 22], [2, 10, B, 25, 28],
    ];
    const result = agreement(input({ unit: 'turn', coders: 3, documents, codings }));
    expect(result.documents.map((d) => d.coderIds)).toEqual([[A, B, C], [A, B]]);
    // Reliability data, coders × units (turns of document 1, then of document 2), null where missing.
    const expected = new Tally(2, 3);
    for (const unit of [[1, 1, 0], [0, 0, 1], [0, 0, 0], [0, 0, MISSING], [0, 0, MISSING], [1, 1, MISSING]]) expected.addUnit(unit, 1);
    expect(result.rows[0]).toMatchObject(expected.figures());
    expect(result.rows[0]!.cohenKappa).toBeNull();

    const all = agreement(input({ unit: 'turn', coders: 3, takesPart: 'all', documents, codings }));
    expect(all.documents.map((d) => d.coderIds)).toEqual([[A, B, C], [A, B, C]]);
    const everyone = new Tally(2, 3);
    for (const unit of [[1, 1, 0], [0, 0, 1], [0, 0, 0], [0, 0, 0], [0, 0, 0], [1, 1, 0]]) everyone.addUnit(unit, 1);
    expect(all.rows[0]).toMatchObject(everyone.figures());

    // Citra was given document 2 too and found nothing there: "nothing applies", not missing. Nobody assigned Ayu and Bima: they count where they coded.
    const assigned = agreement(input({ unit: 'turn', coders: 3, assigned: [[], [], [2]], documents, codings }));
    expect(assigned.takesPart).toBe('assigned');
    expect(assigned.documents.map((d) => d.coderIds)).toEqual([[A, B, C], [A, B, C]]);
    expect(assigned.rows[0]).toMatchObject(everyone.figures());
  });

  it('rows per code and per document add up to the overall row', () => {
    const variables: AgreementVariable[] = [
      { id: 10 as CodeId, name: 'doubt', valueOf: new Map([[10, 1]]), values: ['doubt'] },
      { id: 11 as CodeId, name: 'trust', valueOf: new Map([[11, 1]]), values: ['trust'] },
    ];
    const result = agreement(input({
      unit: 'document', variables, documents: [{ id: 1 }, { id: 2 }, { id: 3 }],
      codings: [[1, 10, A, 0, 1], [1, 10, B, 0, 1], [2, 11, A, 0, 1], [2, 10, B, 3, 4], [3, 11, A, 0, 1], [3, 11, B, 0, 1]],
    }));
    const [overall, doubt, trust, d1, d2, d3] = result.rows;
    // Document presence: doubt (1,1) (0,1) (0,0); trust (0,0) (1,0) (1,1).
    expect([doubt!.units, doubt!.disagreements, trust!.units, trust!.disagreements]).toEqual([3, 1, 3, 1]);
    expect([d1!.disagreements, d2!.disagreements, d3!.disagreements]).toEqual([0, 2, 0]);
    expect(overall).toMatchObject({ units: 6, disagreements: 2 });
    expect(overall!.percent!).toBeCloseTo(4 / 6, 12);
  });

  it('a code group is one variable; two contradicting sub-codes from one coder make that coder missing there', () => {
    const group: AgreementVariable = { id: 20 as CodeId, name: 'Stance', valueOf: new Map([[21, 1], [22, 2], [23, 2]]), values: ['for', 'against'] };
    const result = agreement(input({
      unit: 'turn', variables: [group], group: true, documents: [{ id: 1, turnEnds: [10, 20, 30, 40] }],
      // Turn 0: for/for; turn 1: against (via its sub-code 23)/against; turn 2: Ayu both for and against, Bima for; turn 3: none/none.
      codings: [[1, 21, A, 0, 5], [1, 21, B, 1, 2], [1, 23, A, 12, 14], [1, 22, B, 15, 16], [1, 21, A, 22, 23], [1, 22, A, 24, 25], [1, 21, B, 22, 29]],
    }));
    expect(result.variable).toEqual({ kind: 'group', codeId: 20, name: 'Stance', categories: ['for', 'against'] });
    expect(result.conflictingUnits).toBe(1);
    const expected = new Tally(3, 2);
    for (const unit of [[1, 1], [2, 2], [MISSING, 1], [0, 0]]) expected.addUnit(unit, 1);
    expect(result.rows[0]).toMatchObject(expected.figures());
    expect(result.rows[0]!.units).toBe(3);
  });

  it('drill-down: the units the coders disagree on, with their text and each coder\'s value', () => {
    const text = 'A: Saya ragu.\nB: Kenapa?\nA: Entahlah.';
    const found = disagreements(input({
      unit: 'turn', documents: [{ id: 1, text, turnEnds: [13, 24, 37] }],
      codings: [[1, 10, A, 3, 13], [1, 10, B, 3, 8], [1, 10, A, 28, 37]],
    }), {});
    expect(found).toEqual([{
      documentId: 1, documentTitle: 'D1', codeId: 10, codeName: 'doubt', start: 24, end: 37, text: '\nA: Entahlah.',
      values: [{ coderId: A, value: 'doubt' }, { coderId: B, value: '' }],
    }]);
  });
});
