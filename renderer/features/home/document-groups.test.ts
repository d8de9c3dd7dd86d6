import { describe, expect, it } from 'vitest';
import { groupDocumentsByType, naturalCompare } from './document-groups';
import { doc, informant, type } from './test-fixtures';

const types = [type(1, 'Pemilik UMKM', '#111111'), type(2, 'Konsumen', '#222222'), type(3, 'Pakar', '#333333')];
const informants = [informant(10, 'P-01', 1), informant(11, 'P-02', 1), informant(20, 'K-01', 2)];

describe('groupDocumentsByType', () => {
  it('groups documents under their informant type, in the types’ order, leaving empty types out', () => {
    const groups = groupDocumentsByType([doc(1, 'K-01 skincare', [20]), doc(2, 'P-01 fashion', [10])], informants, types, 'none');
    expect(groups.map((g) => g.name)).toEqual(['Pemilik UMKM', 'Konsumen']);
    expect(groups[0]!.documents.map((d) => d.document.title)).toEqual(['P-01 fashion']);
    expect(groups[0]!.colour).toBe('#111111');
  });

  it('lists a group interview under every type it speaks for, once per type', () => {
    const group = doc(5, 'FGD pasar', [10, 11, 20]);
    const groups = groupDocumentsByType([group], informants, types, 'none');
    expect(groups.map((g) => [g.name, g.documents.length])).toEqual([['Pemilik UMKM', 1], ['Konsumen', 1]]);
    expect(groups[0]!.documents[0]!.shared).toBe(true);
    expect(groups[0]!.documents[0]!.informantLabels).toEqual(['K-01', 'P-01', 'P-02']);
  });

  it('puts documents without a known informant last, under the given name', () => {
    const groups = groupDocumentsByType([doc(1, 'Catatan lapangan', []), doc(2, 'Orphan', [999]), doc(3, 'P-01', [10])], informants, types, 'Without informant');
    expect(groups.at(-1)).toMatchObject({ typeId: null, name: 'Without informant' });
    expect(groups.at(-1)!.documents.map((d) => d.document.title)).toEqual(['Catatan lapangan', 'Orphan']);
  });

  it('sorts titles naturally and totals words and codings per group', () => {
    const docs = [doc(1, 'P-10', [10], { wordCount: 5, codingCount: 2 }), doc(2, 'P-2', [10], { wordCount: 7, codingCount: 1 })];
    const [owners] = groupDocumentsByType(docs, informants, types, 'none');
    expect(owners!.documents.map((d) => d.document.title)).toEqual(['P-2', 'P-10']);
    expect(owners).toMatchObject({ words: 12, codings: 3 });
  });

  it('still shows documents of an informant whose type is missing from the list', () => {
    const stray = informant(30, 'X-01', 9, {}, { typeName: 'Dinas' });
    const groups = groupDocumentsByType([doc(1, 'X', [30])], [...informants, stray], types, 'none');
    expect(groups.map((g) => g.name)).toEqual(['Dinas']);
  });
});

describe('naturalCompare', () => {
  it('orders numbers inside labels by value and ignores case', () => {
    expect(['k-10', 'K-2', 'k-1'].sort(naturalCompare)).toEqual(['k-1', 'K-2', 'k-10']);
  });
});
