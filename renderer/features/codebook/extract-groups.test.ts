import { describe, expect, it } from 'vitest';
import type { CodeId, CoderId, CodingId, DocumentId, Utf16Offset } from '../../../src/domain/ids';
import type { Extract } from '../../../src/domain/types';
import { csvCell } from '../../../src/domain/csv';
import { extractsCsv, groupExtracts, summariseExtracts } from './extract-groups';

let next = 1;
const extract = (documentTitle: string, labels: string[], types: string[], quote = 'kutipan', codeName = 'Kolaborasi'): Extract => ({
  id: next++ as CodingId, documentId: 1 as DocumentId, codeId: 1 as CodeId, coderId: 1 as CoderId, coderName: 'Peneliti',
  start: 0 as Utf16Offset, end: quote.length as Utf16Offset, quote, createdAt: '2025-01-01T00:00:00Z',
  codeName, documentTitle, informantIds: [], informantLabels: labels, informantTypes: types,
});

const P = 'Pemilik UMKM';
const K = 'Konsumen';
const M = 'Pakar pemasaran';

describe('groupExtracts', () => {
  const extracts = [
    extract('P-01', ['P-01'], [P]),
    extract('K-02', ['K-02'], [K]),
    extract('P-01', ['P-01'], [P]),
    extract('K-10', ['K-10'], [K]),
    extract('P-02', ['P-02'], [P]),
    extract('Catatan lapangan', [], []),
  ];

  it('groups by type in the project order, then informant in natural order, with no-informant last', () => {
    const groups = groupExtracts(extracts, { typeOrder: [P, K, M] });
    expect(groups.map((g) => g.type)).toEqual([P, K, '']);
    expect(groups[0]!.informants.map((i) => [i.label, i.extracts.length])).toEqual([['P-01', 2], ['P-02', 1]]);
    expect(groups[1]!.informants.map((i) => i.label)).toEqual(['K-02', 'K-10']);
    expect(groups[0]).toMatchObject({ informantCount: 2, extractCount: 3 });
    expect(groups[2]).toMatchObject({ informantCount: 0, extractCount: 1 });
  });

  it('puts types missing from the order after the known ones, alphabetically', () => {
    const groups = groupExtracts([extract('x', ['Z-1'], ['Zeta']), extract('y', ['A-1'], ['Alpha']), extract('z', ['P-01'], [P])], { typeOrder: [P] });
    expect(groups.map((g) => g.type)).toEqual([P, 'Alpha', 'Zeta']);
  });

  it('splits a group interview across types when it knows each informant\'s type, and counts it once in the summary', () => {
    const group = extract('FGD', ['K-01', 'P-03', 'K-02'], [K, P]);
    const typeOfLabel = new Map([['K-01', K], ['K-02', K], ['P-03', P]]);
    const groups = groupExtracts([group], { typeOrder: [P, K], typeOfLabel });
    expect(groups.map((g) => [g.type, g.informants.map((i) => i.label), g.informantCount])).toEqual([
      [P, ['P-03'], 1],
      [K, ['K-01, K-02'], 2],
    ]);
    expect(summariseExtracts([group], groups)).toEqual({ extracts: 1, informants: 3, types: 2 });
  });

  it('falls back to the joined types when it cannot tell which informant is which', () => {
    const groups = groupExtracts([extract('FGD', ['K-01', 'P-03'], [K, P])]);
    expect(groups.map((g) => g.type)).toEqual([`${K} + ${P}`]);
  });

  it('summarises extracts, distinct informants and real types', () => {
    const groups = groupExtracts(extracts, { typeOrder: [P, K] });
    expect(summariseExtracts(extracts, groups)).toEqual({ extracts: 6, informants: 4, types: 2 });
    expect(summariseExtracts([], [])).toEqual({ extracts: 0, informants: 0, types: 0 });
  });
});

describe('extractsCsv', () => {
  const headings = { type: 'Informant type', informant: 'Informant', document: 'Document', quote: 'Quote' };

  it('writes a header and one quoted row per extract with CRLF line ends', () => {
    const csv = extractsCsv([extract('Wawancara P-01', ['P-01'], [P], 'Kami bilang "kolaborasi", bukan cuma jualan,\nbegitu.')], headings);
    expect(csv).toBe('Informant type,Informant,Document,Quote\r\nPemilik UMKM,P-01,Wawancara P-01,"Kami bilang ""kolaborasi"", bukan cuma jualan,\nbegitu."\r\n');
  });

  it('adds the code column when asked and lists group informants with their types', () => {
    const typeOfLabel = new Map([['K-01', K], ['P-03', P]]);
    const csv = extractsCsv([extract('FGD', ['K-01', 'P-03'], [K, P], 'ya', 'Kepercayaan')], { ...headings, code: 'Code' }, { typeOfLabel });
    expect(csv.split('\r\n')[1]).toBe('Konsumen; Pemilik UMKM,K-01; P-03,FGD,ya,Kepercayaan');
  });

  it('defuses cells a spreadsheet would run as formulas', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('biasa saja')).toBe('biasa saja');
  });

  it('keeps emoji and combining marks intact', () => {
    expect(extractsCsv([extract('d', ['K-01'], [K], 'enak banget 😋 cafe\u0301')], headings)).toContain('enak banget 😋 cafe\u0301');
  });
});
