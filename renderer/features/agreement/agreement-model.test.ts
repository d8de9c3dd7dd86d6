import { describe, expect, it } from 'vitest';
import type { AgreementResult, AgreementRow } from '../../../src/domain/agreement';
import type { CodeId, CoderId, DocumentId } from '../../../src/domain/ids';
import type { Code, Coder } from '../../../src/domain/types';
import {
  agreementArgs, agreementTableModel, defaultCoders, disagreementArgs, disagreementValues, drillTarget, emptyReason, formatFigure, groupCandidates, PAGE_ROWS, pageOf, visibleRows,
  type AgreementForm,
} from './agreement-model';

const form: AgreementForm = { coderIds: [1, 2], unit: 'turn', takesPart: 'coded', assignments: {}, codes: 'all', codeIds: [], groupId: null };

const figures = (extra: Partial<AgreementRow>): AgreementRow => ({
  scope: 'code', codeId: null, documentId: null, label: '', units: 10, disagreements: 2, percent: 0.8, cohenKappa: 0.5, brennanPrediger: 0.6, alpha: 0.5, applied: 0.3, ...extra,
});

const result = (coders: number): AgreementResult => ({
  unit: 'turn', includeUncoded: true, takesPart: 'coded',
  coders: [{ id: 1 as CoderId, name: 'Ayu' }, { id: 2 as CoderId, name: 'Bima' }, { id: 3 as CoderId, name: 'Citra' }].slice(0, coders),
  variable: { kind: 'codes' },
  documents: [{ id: 7 as DocumentId, title: 'P-01', coderIds: [1 as CoderId, 2 as CoderId] }, { id: 8 as DocumentId, title: 'K-01', coderIds: [2 as CoderId] }],
  conflictingUnits: 0,
  rows: [
    figures({ scope: 'overall', label: '' }),
    figures({ codeId: 4 as CodeId, label: 'polling', alpha: 0.7 }),
    figures({ codeId: 5 as CodeId, label: 'harga', units: 20, disagreements: 0, percent: 1, cohenKappa: null, brennanPrediger: 1, alpha: null, applied: 0 }),
    figures({ codeId: 6 as CodeId, label: 'Kapasitas', alpha: 0.2 }),
    figures({ scope: 'document', documentId: 7 as DocumentId, label: 'P-01' }),
    figures({ scope: 'document', documentId: 8 as DocumentId, label: 'K-01', units: 0, disagreements: 0, percent: null, cohenKappa: null, brennanPrediger: null, alpha: null, applied: null }),
  ],
});

describe('agreementArgs', () => {
  it('asks for two coders, a code or a group before anything is computed', () => {
    expect(agreementArgs({ ...form, coderIds: [1] })).toEqual({ missing: 'coders' });
    expect(agreementArgs({ ...form, codes: 'some' })).toEqual({ missing: 'codes' });
    expect(agreementArgs({ ...form, codes: 'group' })).toEqual({ missing: 'group' });
  });

  it('turns the choices into analysis.agreement arguments, the core’s defaults left out', () => {
    expect(agreementArgs(form)).toEqual({ coders: [1, 2], unit: 'turn' });
    expect(agreementArgs({ ...form, unit: 'character' })).toEqual({ coders: [1, 2], unit: 'character' });
    expect(agreementArgs({ ...form, unit: 'characterCoded', takesPart: 'all' })).toEqual({ coders: [1, 2], unit: 'character', includeUncoded: false, takesPart: 'all' });
    expect(agreementArgs({ ...form, codes: 'some', codeIds: [4, 6] })).toEqual({ coders: [1, 2], unit: 'turn', codeIds: [4, 6] });
    expect(agreementArgs({ ...form, codes: 'group', groupId: 9, codeIds: [4] })).toEqual({ coders: [1, 2], unit: 'turn', groupId: 9 });
  });

  it('lists the assignments of the chosen coders that have documents', () => {
    expect(agreementArgs({ ...form, takesPart: 'assigned', assignments: { 1: [7, 8], 2: [], 3: [7] } }))
      .toEqual({ coders: [1, 2], unit: 'turn', assignments: [{ coder: 1, documentIds: [7, 8] }] });
  });
});

describe('the table model', () => {
  it('pins the overall row, names the coders counted per document, and shows Cohen’s κ only for two coders', () => {
    const model = agreementTableModel(result(2));
    expect(model.overall).toMatchObject({ key: 'overall', coderNames: 'Ayu, Bima', empty: null });
    expect(model.codes.map((r) => r.key)).toEqual(['code:4', 'code:5', 'code:6']);
    expect(model.documents.map((r) => [r.key, r.coderNames])).toEqual([['document:7', 'Ayu, Bima'], ['document:8', 'Bima']]);
    expect(model.showCohen).toBe(true);
    expect(agreementTableModel(result(3)).showCohen).toBe(false);
  });

  it('says why a row’s coefficients are empty', () => {
    const model = agreementTableModel(result(2));
    expect(model.codes.find((r) => r.label === 'harga')!.empty).toBe('nobodyApplied');
    expect(model.documents.find((r) => r.label === 'K-01')!.empty).toBe('noUnits');
    expect(emptyReason(figures({ alpha: null, applied: 1 }), false)).toBe('everyUnit');
    expect(emptyReason(figures({ alpha: null, applied: 1 }), true)).toBe('sameCategory');
    expect(emptyReason(figures({ alpha: null, applied: 0 }), true)).toBe('nobodyAppliedGroup');
    expect(emptyReason(figures({}), false)).toBeNull();
  });

  it('filters by name and sorts, undefined figures last whichever way', () => {
    const { codes } = agreementTableModel(result(2));
    expect(visibleRows(codes, '', 'label', false).map((r) => r.label)).toEqual(['harga', 'Kapasitas', 'polling']);
    expect(visibleRows(codes, '', 'alpha', false).map((r) => r.label)).toEqual(['Kapasitas', 'polling', 'harga']);
    expect(visibleRows(codes, '', 'alpha', true).map((r) => r.label)).toEqual(['polling', 'Kapasitas', 'harga']);
    expect(visibleRows(codes, ' KAP', 'label', false).map((r) => r.label)).toEqual(['Kapasitas']);
  });

  it('drills into a code or a document, not into the overall row nor a row without units', () => {
    const model = agreementTableModel(result(2));
    expect(drillTarget(model.overall)).toBeNull();
    expect(drillTarget(model.codes[0]!)).toEqual({ codeId: 4 });
    expect(drillTarget(model.documents[0]!)).toEqual({ documentId: 7 });
    // K-01: one coder counted there, nothing to compare.
    expect(drillTarget(model.documents[1]!)).toBeNull();
  });

  it('asks a document’s disagreements of that document alone, a code’s of every document', () => {
    const args = { coders: [1, 2], unit: 'sentence' as const };
    expect(disagreementArgs(args, { documentId: 7 })).toEqual({ coders: [1, 2], unit: 'sentence', documentIds: [7], documentId: 7 });
    expect(disagreementArgs(args, { codeId: 4 })).toEqual({ coders: [1, 2], unit: 'sentence', codeId: 4 });
  });

  it('pages a long table, clamping the page to the rows there are', () => {
    const rows = Array.from({ length: 2 * PAGE_ROWS + 5 }, (_, i) => i);
    expect(pageOf(rows, 0)).toMatchObject({ page: 0, pages: 3 });
    expect(pageOf(rows, 0).rows).toHaveLength(PAGE_ROWS);
    expect(pageOf(rows, 2).rows).toEqual(rows.slice(2 * PAGE_ROWS));
    expect(pageOf(rows, 9).page).toBe(2);
    expect(pageOf(rows, -1).page).toBe(0);
    expect(pageOf([], 3)).toEqual({ rows: [], page: 0, pages: 1 });
  });
});

describe('figures and values as shown', () => {
  it('writes coefficients to three decimals and percentages to one, the language’s way', () => {
    expect(formatFigure(0.8123, 'coefficient', 'en')).toBe('0.812');
    expect(formatFigure(0.8123, 'coefficient', 'id')).toBe('0,812');
    expect(formatFigure(-0.05, 'coefficient', 'en')).toBe('-0.050');
    expect(formatFigure(0.85, 'percent', 'id')).toBe('85,0');
    expect(formatFigure(null, 'percent', 'en')).toBe('');
  });

  it('gives each coder’s value in a disagreement: a code, none, or not counted', () => {
    const item = {
      documentId: 7 as DocumentId, documentTitle: 'P-01', codeId: 4 as CodeId, codeName: 'polling', start: 0, end: 5, text: 'Halo',
      values: [{ coderId: 2 as CoderId, value: '' }, { coderId: 1 as CoderId, value: 'polling' }, { coderId: 3 as CoderId, value: null }],
    } as const;
    expect(disagreementValues(item as never, [{ id: 1 }, { id: 2 }, { id: 3 }])).toEqual([{ kind: 'value', name: 'polling' }, { kind: 'none' }, { kind: 'missing' }]);
  });

  it('starts with every coder who has coded, when two have', () => {
    const coder = (id: number, codings: number, consensus = false) => ({ id, name: `c${id}`, codings, consensus } as unknown as Coder);
    expect(defaultCoders([coder(1, 5), coder(2, 0), coder(3, 2)])).toEqual([1, 3]);
    expect(defaultCoders([coder(1, 5), coder(2, 0)])).toEqual([]);
    // The consensus coder records what the team settled on: not one of the coders compared by default.
    expect(defaultCoders([coder(1, 5), coder(2, 3), coder(3, 4, true)])).toEqual([1, 2]);
    expect(defaultCoders([coder(1, 5), coder(3, 4, true)])).toEqual([]);
  });

  it('offers as groups the codes with at least two sub-codes', () => {
    const code = (id: number, parentId: number | null) => ({ id, parentId, name: `k${id}` } as unknown as Code);
    expect(groupCandidates([code(1, null), code(2, 1), code(3, 1), code(4, null), code(5, 4)]).map((c) => c.id)).toEqual([1]);
  });
});
