import { describe, expect, it } from 'vitest';
import type { InformantId, InformantTypeId } from '../../../src/domain/ids';
import type { CooccurrenceMatrix, Informant, TriangulationColumn, TriangulationMatrix, TriangulationRow } from '../../../src/domain/types';
import {
  cellModel, columnLabel, cooccurrenceTable, filterRows, groupByFromValue, groupByValue, groupMembers, maxPairCount, outlineRows, suggestionBasis,
  totalInformants, triangulationTable, visibleCodes, type MatrixTextLabels,
} from './matrix-model';

const columns: TriangulationColumn[] = [
  { key: 'type:1', label: 'Pemilik UMKM', informants: 3, notInterviewed: [] },
  { key: 'type:2', label: 'Konsumen', informants: 4, notInterviewed: [] },
  { key: 'type:3', label: 'Ahli', informants: 0, notInterviewed: [] },
];

const row = (name: string, cells: [number, number][], extra: Partial<TriangulationRow> = {}): TriangulationRow => ({
  kind: 'theme', id: 1, name, colour: '#4e79a7',
  cells: cells.map(([informants, extracts]) => ({ informants, extracts })),
  informants: cells.reduce((s, [i]) => s + i, 0), extracts: cells.reduce((s, [, e]) => s + e, 0),
  suggestion: { judgement: 'partial', silent: [], spread: [] }, convergence: null, convergenceReason: '', ...extra,
});

describe('cellModel', () => {
  it('shades a supported cell by the share of the group', () => {
    const full = cellModel({ informants: 3, extracts: 31 }, columns[0]!);
    const some = cellModel({ informants: 1, extracts: 2 }, columns[1]!);
    expect(full).toMatchObject({ state: 'support', informants: 3, total: 3, extracts: 31, share: 1, background: '#2f5d9e', lightInk: true });
    expect(some).toMatchObject({ state: 'support', share: 0.25, lightInk: false });
    expect(some.background).not.toBe(full.background);
  });

  it('marks a group with informants but no extract as silent, without a fill', () => {
    expect(cellModel({ informants: 0, extracts: 0 }, columns[1]!)).toMatchObject({ state: 'silent', total: 4, background: null });
  });

  it('marks a group nobody belongs to as empty, not silent', () => {
    expect(cellModel({ informants: 0, extracts: 0 }, columns[2]!)).toMatchObject({ state: 'empty', total: 0, background: null });
  });
});

describe('grouping', () => {
  it('round-trips the select value', () => {
    expect(groupByFromValue(groupByValue({ kind: 'type' }))).toEqual({ kind: 'type' });
    expect(groupByFromValue(groupByValue({ kind: 'attribute', name: 'kota: asal' }))).toEqual({ kind: 'attribute', name: 'kota: asal' });
  });

  it('labels the no-value column in the interface language', () => {
    expect(columnLabel({ key: 'none', label: '(no value)', informants: 2, notInterviewed: [] }, '(tanpa nilai)')).toBe('(tanpa nilai)');
    expect(columnLabel({ key: 'value:none', label: 'none', informants: 2, notInterviewed: [] }, '(tanpa nilai)')).toBe('none');
    expect(totalInformants(columns)).toBe(7);
  });

  const informant = (id: number, typeId: number, attributes: Record<string, string>): Informant => ({
    id: id as InformantId, label: `I-${id}`, name: '', typeId: typeId as InformantTypeId, typeName: '', attributes, documentIds: [], interviewed: true,
  });
  const people = [
    informant(1, 1, { City: ' Yogyakarta ' }),
    informant(2, 2, { city: 'Surakarta' }),
    informant(3, 2, { city: '  ' }),
    informant(4, 1, {}),
  ];

  it('finds the members of a type column, an attribute value and the no-value column', () => {
    expect(groupMembers(people, { kind: 'type' }, 'type:2').map((i) => i.id)).toEqual([2, 3]);
    expect(groupMembers(people, { kind: 'attribute', name: 'city' }, 'value:Yogyakarta').map((i) => i.id)).toEqual([1]);
    expect(groupMembers(people, { kind: 'attribute', name: 'CITY' }, 'none').map((i) => i.id)).toEqual([3, 4]);
    expect(groupMembers(people, { kind: 'attribute', name: 'city' }, 'type:1')).toEqual([]);
  });
});

describe('suggestionBasis', () => {
  it('names silent groups and groups where fewer than half speak, skipping empty groups', () => {
    const basis = suggestionBasis(row('T', [[3, 10], [1, 1], [0, 0]], { suggestion: { judgement: 'partial', silent: [], spread: [] } }), columns, '-');
    expect(basis).toEqual({ judgement: 'partial', silent: [], thin: ['Konsumen'] });
    expect(suggestionBasis(row('T', [[3, 10], [0, 0], [0, 0]]), columns, '-').silent).toEqual(['Konsumen']);
  });

  it('counts exactly half as enough, like the analysis', () => {
    expect(suggestionBasis(row('T', [[3, 3], [2, 2], [0, 0]]), columns, '-').thin).toEqual([]);
  });
});

describe('filterRows', () => {
  const rows = [{ name: 'Keterbatasan modal' }, { name: 'Pemasaran digital' }, { name: 'Kualitas produk' }];
  it('matches every word, blind to case and accents', () => {
    expect(filterRows(rows, '')).toBe(rows);
    expect(filterRows(rows, 'MODAL').map((r) => r.name)).toEqual(['Keterbatasan modal']);
    expect(filterRows(rows, 'dig pem').map((r) => r.name)).toEqual(['Pemasaran digital']);
    expect(filterRows([{ name: 'Café' }], 'cafe')).toHaveLength(1);
  });
});

const labels: MatrixTextLabels = {
  corner: 'Theme', total: 'All informants', suggestion: 'Suggested', judgement: 'Judgement', reason: 'Reason', noValue: '(none)',
  judgementName: (j) => ({ agreement: 'Agreement', partial: 'Partial agreement', silence: 'Silence', dissonance: 'Dissonance' })[j],
  columnHeader: (label, n) => `${label} (n = ${n})`,
  cell: (i, total, e) => `${i}/${total} (${e})`,
};

describe('triangulationTable', () => {
  const matrix: TriangulationMatrix = { groupBy: { kind: 'type' }, columns, coders: [], rows: [] };

  it('writes theme rows with counts, total, suggestion and the recorded judgement', () => {
    const table = triangulationTable(matrix, [
      row('Co-kreasi', [[3, 31], [3, 21], [0, 0]], { suggestion: { judgement: 'agreement', silent: [], spread: [] }, convergence: 'partial', convergenceReason: 'Konsumen\nkurang' }),
    ], labels, true);
    expect(table).toEqual([
      ['Theme', 'Pemilik UMKM (n = 3)', 'Konsumen (n = 4)', 'Ahli (n = 0)', 'All informants (n = 7)', 'Suggested', 'Judgement', 'Reason'],
      ['Co-kreasi', '3/3 (31)', '3/4 (21)', '0/0 (0)', '6/7 (52)', 'Agreement', 'Partial agreement', 'Konsumen\nkurang'],
    ]);
  });

  it('leaves the judgement columns out for codes, and keeps the header for an empty filter', () => {
    const table = triangulationTable(matrix, [], { ...labels, corner: 'Code' }, false);
    expect(table).toEqual([['Code', 'Pemilik UMKM (n = 3)', 'Konsumen (n = 4)', 'Ahli (n = 0)', 'All informants (n = 7)']]);
  });
});

describe('co-occurrence', () => {
  const matrix: CooccurrenceMatrix = {
    scope: 'overlap',
    codes: [
      { id: 1 as never, name: 'A', colour: '#000000' },
      { id: 2 as never, name: 'B', colour: '#000000' },
      { id: 3 as never, name: 'C', colour: '#000000' },
      { id: 4 as never, name: 'D', colour: '#000000' },
    ],
    counts: [
      [9, 2, 0, 0],
      [2, 5, 1, 0],
      [0, 1, 4, 0],
      [0, 0, 0, 7],
    ],
  };

  it('hides codes that co-occur with nothing, however many codings they have', () => {
    expect(visibleCodes(matrix, false)).toEqual([0, 1, 2, 3]);
    expect(visibleCodes(matrix, true)).toEqual([0, 1, 2]);
  });

  it('takes the largest pair count, never the diagonal', () => {
    expect(maxPairCount(matrix, [0, 1, 2, 3])).toBe(2);
    expect(maxPairCount(matrix, [1, 2])).toBe(1);
    expect(maxPairCount(matrix, [3])).toBe(0);
  });

  it('writes the shown codes as a square table', () => {
    expect(cooccurrenceTable(matrix, [1, 2], 'Code')).toEqual([['Code', 'B', 'C'], ['B', 5, 1], ['C', 1, 4]]);
  });
});

describe('outlineRows', () => {
  it('puts sub-themes under their parent, deeper by one, in the given order', () => {
    const rows = [{ id: 1 }, { id: 2 }, { id: 3 }, { id: 4 }];
    const parents = new Map([[3, 1], [4, 3]]);
    const out = outlineRows(rows, (id) => parents.get(id) ?? null);
    expect(out.map(({ row, depth }) => [row.id, depth])).toEqual([[1, 0], [3, 1], [4, 2], [2, 0]]);
  });

  it('lifts rows whose parent is not shown, and survives a cycle', () => {
    const out = outlineRows([{ id: 2 }, { id: 5 }, { id: 6 }], (id) => ({ 2: 9, 5: 6, 6: 5 } as Record<number, number>)[id] ?? null);
    expect(out.map(({ row }) => row.id).sort()).toEqual([2, 5, 6]);
    expect(out.find(({ row }) => row.id === 2)?.depth).toBe(0);
  });
});
