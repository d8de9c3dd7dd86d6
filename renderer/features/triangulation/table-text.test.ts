import { describe, expect, it } from 'vitest';
import { toTsv } from './table-text';

describe('toTsv', () => {
  it('joins cells with tabs and rows with CRLF', () => {
    expect(toTsv([['Tema', 'Konsumen (n = 4)'], ['Harga', '3/4 (21)'], ['Modal', 0]])).toBe('Tema\tKonsumen (n = 4)\r\nHarga\t3/4 (21)\r\nModal\t0\r\n');
  });

  it('quotes cells with tabs, line breaks or quotes so they stay one cell', () => {
    const text = toTsv([['a', 'dua\nbaris', 'kata "kunci"', 'tab\there']]);
    expect(text).toBe('a\t"dua\nbaris"\t"kata ""kunci"""\t"tab\there"\r\n');
  });

  it('leaves Indonesian text and punctuation alone', () => {
    expect(toTsv([['Pemilik UMKM; “ide” pelanggan, é']])).toBe('Pemilik UMKM; “ide” pelanggan, é\r\n');
  });
});
