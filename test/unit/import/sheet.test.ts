import { describe, expect, it } from 'vitest';
import { TematikError } from '../../../src/domain/errors';
import { parseInformantSheet } from '../../../src/import/sheet';

const utf8 = (text: string): Uint8Array => Buffer.from(text, 'utf8');

function badInput(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(TematikError);
    expect((error as TematikError).kind).toBe('bad_input');
    return (error as TematikError).message;
  }
  throw new Error('expected a bad_input error');
}

describe('parseInformantSheet', () => {
  it('reads a comma-separated sheet with attributes', () => {
    const csv = 'file,informant_id,informant_type,name,Kota,Sektor\nK-01.docx,K-01,Pemilik UMKM,Bu Rina,Yogyakarta,Fashion\n,K-02,Konsumen,Sari,,"Skincare, lokal"\n';
    expect(parseInformantSheet(utf8(csv), 'informan.csv')).toEqual({
      attributeNames: ['Kota', 'Sektor'],
      rows: [
        { line: 2, file: 'K-01.docx', informantLabel: 'K-01', typeName: 'Pemilik UMKM', name: 'Bu Rina', speaker: '', recording: '', attributes: { Kota: 'Yogyakarta', Sektor: 'Fashion' } },
        { line: 3, file: '', informantLabel: 'K-02', typeName: 'Konsumen', name: 'Sari', speaker: '', recording: '', attributes: { Sektor: 'Skincare, lokal' } },
      ],
    });
  });

  it('reads an Indonesian Excel sheet: semicolons, decimal commas, UTF-8 BOM, CRLF', () => {
    const csv = '\uFEFFBerkas;Kode;Jenis Informan;Nama;Lama Bermitra (tahun)\r\nwawancara 1.txt;P-01;Pemilik UMKM;Pak Joko;2,5\r\n';
    const sheet = parseInformantSheet(utf8(csv), 'informan.csv');
    expect(sheet.attributeNames).toEqual(['Lama Bermitra (tahun)']);
    expect(sheet.rows[0]).toEqual({
      line: 2, file: 'wawancara 1.txt', informantLabel: 'P-01', typeName: 'Pemilik UMKM', name: 'Pak Joko', speaker: '', recording: '', attributes: { 'Lama Bermitra (tahun)': '2,5' },
    });
  });

  it('reads tabs and Excel\'s sep= line', () => {
    expect(parseInformantSheet(utf8('ID\tType\tCity\nA1\tKonsumen\tSamarinda\n'), 'a.tsv').rows[0]).toMatchObject({ informantLabel: 'A1', typeName: 'Konsumen', attributes: { City: 'Samarinda' } });
    const sheet = parseInformantSheet(utf8('sep=;\ninformant;type\nA1;Konsumen\n'), 'b.csv');
    expect(sheet.rows[0]).toMatchObject({ line: 3, informantLabel: 'A1' });
  });

  it('decodes a Windows-1252 sheet', () => {
    // "Kota\r\nK-01;Konsumen;Café “Kopi” – Jogja" in cp1252
    const bytes = Buffer.concat([
      Buffer.from('informant;type;Tempat\r\nK-01;Konsumen;Caf', 'latin1'),
      Buffer.from([0xe9, 0x20, 0x93]),
      Buffer.from('Kopi', 'latin1'),
      Buffer.from([0x94, 0x20, 0x96]),
      Buffer.from(' Jogja\r\n', 'latin1'),
    ]);
    expect(parseInformantSheet(bytes, 'excel.csv').rows[0]?.attributes).toEqual({ Tempat: 'Café “Kopi” – Jogja' });
  });

  it('matches header aliases, spaces and hyphens, case-insensitively', () => {
    for (const [file, informant, type, name] of [
      ['File Name', 'Informant ID', 'Informant-Type', 'NAME'],
      ['filename', 'informan', 'tipe', 'nama'],
      ['dokumen', 'code', 'kategori', 'Name'],
      ['document', 'label', 'jenis', 'nama'],
      ['FILE', 'id', 'jenis_informan', 'nama'],
    ]) {
      const sheet = parseInformantSheet(utf8(`${file},${informant},${type},${name}\nx.txt,K-1,Konsumen,Ana\n`), 's.csv');
      expect(sheet).toEqual({ attributeNames: [], rows: [{ line: 2, file: 'x.txt', informantLabel: 'K-1', typeName: 'Konsumen', name: 'Ana', speaker: '', recording: '', attributes: {} }] });
    }
  });

  it('allows a group interview and an informant with several interviews', () => {
    const csv = 'file,informant,type\nfgd-komunitas.docx,KM-01,Komunitas\nfgd-komunitas.docx,KM-02,Komunitas\nKM-01 lanjutan.txt,KM-01,komunitas\n\n';
    const rows = parseInformantSheet(utf8(csv), 'grup.csv').rows;
    expect(rows.map((r) => [r.line, r.file, r.informantLabel, r.typeName])).toEqual([
      [2, 'fgd-komunitas.docx', 'KM-01', 'Komunitas'],
      [3, 'fgd-komunitas.docx', 'KM-02', 'Komunitas'],
      [4, 'KM-01 lanjutan.txt', 'KM-01', 'komunitas'],
    ]);
  });

  it('reports lines of rows after a quoted multi-line cell', () => {
    const csv = 'informant,type,Catatan\nK-1,Konsumen,"baris satu\nbaris dua"\n\nK-2,,\n';
    expect(badInput(() => parseInformantSheet(utf8(csv), 'x.csv'))).toMatch(/^x\.csv, line 5: informant "K-2" has no informant type/);
  });

  it('refuses a sheet without a header row', () => {
    expect(badInput(() => parseInformantSheet(utf8(',,\n\n , ,\n'), 'kosong.csv'))).toMatch(/^kosong\.csv: the sheet has no header row\./);
    expect(badInput(() => parseInformantSheet(new Uint8Array(0), 'nol.csv'))).toBe('nol.csv: the file is empty. Export the informant sheet again and re-import it.');
  });

  it('refuses a header without the informant or type column', () => {
    expect(badInput(() => parseInformantSheet(utf8('file,name\na.txt,Ana\n'), 'a.csv'))).toMatch(
      /^a\.csv, line 1: the header has no column for the informant id .* and the informant type/,
    );
    expect(badInput(() => parseInformantSheet(utf8('file;kode\na.txt;K-1\n'), 'b.csv'))).toMatch(/^b\.csv, line 1: the header has no column for the informant type/);
  });

  it('refuses rows with an empty informant id or type', () => {
    expect(badInput(() => parseInformantSheet(utf8('informant,type\nK-1,Konsumen\n ,Konsumen\n'), 'a.csv'))).toBe(
      'a.csv, line 3: the informant id is empty. Fill it in (e.g. "K-03"), or delete the row.',
    );
    expect(badInput(() => parseInformantSheet(utf8('informant,type\nK-1,\n'), 'b.csv'))).toMatch(/^b\.csv, line 2: informant "K-1" has no informant type/);
  });

  it('refuses an informant listed with two types', () => {
    const csv = 'file,informant,type\na.txt,K-1,Konsumen\nb.txt,K-1,Pemilik UMKM\n';
    expect(badInput(() => parseInformantSheet(utf8(csv), 'a.csv'))).toBe(
      'a.csv, line 3: informant "K-1" has type "Pemilik UMKM", but line 2 gives "Konsumen". An informant has one type; correct one of the two lines.',
    );
  });

  it('reports malformed CSV quoting with its line and the fix, in both languages', () => {
    expect(badInput(() => parseInformantSheet(utf8('informant,type\nK-1,"Kon"sumen\n'), 'a.csv'))).toBe(
      'a.csv, line 2: a quoted value goes on after its closing quote, as in "Toko "Maju" Jaya". Inside quotes write a double quote twice ("Toko ""Maju"" Jaya"), or save the sheet from Excel or LibreOffice as CSV again.',
    );
    // csv-parse only notices at the end of the file; the message names the line where the quote opened.
    const unclosed = 'informant,type,kota\nK-1,Konsumen,Solo\nK-2,"Konsumen,Yogyakarta\nK-3,Konsumen,Solo\nK-4,Konsumen,Solo\n';
    expect(badInput(() => parseInformantSheet(utf8(unclosed), 'b.csv'))).toMatch(/^b\.csv, line 3: a value opens a double quote \("\) that is never closed/);
    expect(badInput(() => parseInformantSheet(utf8(`sep=;\n${unclosed.replaceAll(',', ';')}`), 'c.csv'))).toMatch(/^c\.csv, line 4: a value opens a double quote/);
    expect(badInput(() => parseInformantSheet(utf8('informant,type,kota\nK-1,Konsumen,"Solo\n""Raya"""\nK-2,Kon"sumen,Solo\n'), 'd.csv'))).toMatch(
      /^d\.csv, line 4: a value has a double quote \("\) inside it but does not start with one\. Put the whole value in double quotes/,
    );
    expect(() => parseInformantSheet(utf8(unclosed), 'b.csv')).toThrow(expect.objectContaining({
      text: expect.objectContaining({ id: expect.stringMatching(/^b\.csv, baris 3: sebuah nilai membuka tanda kutip ganda \("\) yang tidak pernah ditutup/) }),
    }));
    expect(badInput(() => parseInformantSheet(utf8('informant,type\nK-1,Konsumen,3,5\n'), 'b.csv'))).toMatch(/^b\.csv, line 2: the row has more cells \(4\) than the header \(2\)/);
  });

  it('refuses duplicate columns and data under a blank header', () => {
    expect(badInput(() => parseInformantSheet(utf8('kode,id,type\n'), 'a.csv'))).toMatch(/^a\.csv, line 1: columns "kode" and "id" both name the informant id/);
    expect(badInput(() => parseInformantSheet(utf8('id,type,Kota,kota\n'), 'b.csv'))).toMatch(/the column "kota" appears twice/);
    expect(badInput(() => parseInformantSheet(utf8('id,type,\nK-1,Konsumen,Samarinda\n'), 'c.csv'))).toMatch(/^c\.csv, line 2: column 3 holds "Samarinda" but has no header/);
    expect(parseInformantSheet(utf8('id,type,,\nK-1,Konsumen,,\n'), 'd.csv').rows).toHaveLength(1);
  });

  it('refuses a binary file as not an informant sheet', () => {
    expect(badInput(() => parseInformantSheet(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01, 0x02]), 'foto.csv'))).toMatch(
      /^foto\.csv: looks like a binary file, not an informant sheet\. Save the informant sheet as plain text \(CSV, UTF-8\)/,
    );
  });

  it('tells the user to save an Excel workbook as CSV', () => {
    const xlsx = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]);
    expect(badInput(() => parseInformantSheet(xlsx, 'informan.xlsx'))).toMatch(/^informan\.xlsx: this is a spreadsheet workbook, not a CSV file\. .*CSV/);
  });

  it('keeps odd attribute names as plain keys', () => {
    const sheet = parseInformantSheet(utf8('id,type,__proto__\nK-1,Konsumen,x\n'), 'a.csv');
    expect(Object.keys(sheet.rows[0]!.attributes)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(sheet.rows[0]!.attributes)).toBe(Object.prototype);
  });
});
