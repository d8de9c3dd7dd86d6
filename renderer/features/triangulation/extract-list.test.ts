import { describe, expect, it } from 'vitest';
import type { CodeId, CoderId, CodingId, DocumentId, InformantId, InformantTypeId, Utf16Offset } from '../../../src/domain/ids';
import type { Extract, Informant } from '../../../src/domain/types';
import { byDocument, silentMembers } from './extract-list';

const extract = (id: number, documentId: number, title: string, labels: string[]): Extract => ({
  id: id as CodingId, documentId: documentId as DocumentId, codeId: 1 as CodeId, coderId: 1 as CoderId,
  start: 0 as Utf16Offset, end: 5 as Utf16Offset, quote: `kutipan ${id}`, createdAt: '2025-01-01T00:00:00Z',
  coderName: 'peneliti', codeName: 'Kode', documentTitle: title, informantIds: [], informantLabels: labels, informantTypes: ['Konsumen'],
});
const informant = (id: number, label: string): Informant => ({
  id: id as InformantId, label, name: '', typeId: 2 as InformantTypeId, typeName: 'Konsumen', attributes: {}, documentIds: [], interviewed: true,
});

describe('byDocument', () => {
  it('groups extracts by transcript in the order they come', () => {
    const groups = byDocument([extract(1, 4, 'K-01', ['K-01']), extract(2, 4, 'K-01', ['K-01']), extract(3, 7, 'KP-01', ['KP-01', 'KP-02'])]);
    expect(groups.map((g) => [g.title, g.extracts.map((e) => e.id), g.informantLabels])).toEqual([
      ['K-01', [1, 2], ['K-01']],
      ['KP-01', [3], ['KP-01', 'KP-02']],
    ]);
  });
});

describe('silentMembers', () => {
  it('names the members of the group that no extract speaks for', () => {
    const members = [informant(1, 'K-01'), informant(2, 'K-02'), informant(3, 'K-04')];
    expect(silentMembers(members, [extract(1, 4, 'K-01', ['K-01'])]).map((m) => m.label)).toEqual(['K-02', 'K-04']);
    expect(silentMembers(members, [])).toHaveLength(3);
  });

  it('counts every informant of a group interview as heard', () => {
    const members = [informant(9, 'KP-01'), informant(10, 'KP-02')];
    expect(silentMembers(members, [extract(3, 7, 'KP', ['KP-01', 'KP-02'])])).toEqual([]);
  });
});
