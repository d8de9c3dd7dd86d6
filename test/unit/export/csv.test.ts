import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { newProject, SAMPLE_SHEET, SAMPLE_STUDY } from '../../helpers/temp-project';

describe('CSV export of the tables the UI shows', () => {
  it('writes UTF-8 with a BOM, CRLF rows, quoted cells and defused formulas', async () => {
    const client = await newProject();
    await client.invoke('import.folder', { folder: SAMPLE_STUDY, sheet: SAMPLE_SHEET });
    await client.invoke('codes.create', { name: 'Kepercayaan "trust"', description: '=SUM(A1) bukan rumus; kerja sama, saling menguntungkan' });
    const file = path.join(client.dir, 'buku-kode.csv');
    const { csv, fileName } = await client.invoke('export.csv', { table: 'codebook', path: file });
    expect(fileName).toBe('codebook.csv');
    const bytes = fs.readFileSync(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8').slice(1)).toBe(csv.slice(1));
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe('Code,Parent,Description,Colour,In vivo,Extracts,Informants');
    expect(lines[1]).toBe(`"Kepercayaan ""trust""",,"'=SUM(A1) bukan rumus; kerja sama, saling menguntungkan",${(await client.invoke('codes.list', {}))[0]!.colour},no,0,0`);

    const informants = (await client.invoke('export.csv', { table: 'informants' })).csv;
    expect(informants).toContain('KP-02,Ayu Larasati,Komunitas Pelanggan,1,yes');
    expect(informants).toContain('K-04,Bagas Wicaksono,Konsumen,0,no');
    expect(informants.split('\r\n')[0]).toContain('years_in_business');

    const triangulation = (await client.invoke('export.csv', { table: 'triangulation', rows: 'codes' })).csv;
    expect(triangulation.split('\r\n')[0]).toContain('Pemilik UMKM: informants (of 3)');
    expect(triangulation.split('\r\n')[0]).toContain('Konsumen: informants (of 3; not interviewed: K-04)');
    await expect(client.invoke('export.csv', { table: 'extracts' })).rejects.toThrow(/needs either the code \(codeId\) or the theme/);
    const docs = await client.invoke('documents.list', {});
    const k01 = docs.find((d) => d.title === 'K-01_skincare')!;
    const answer = (await client.invoke('documents.get', { id: k01.id })).turns.find((t) => t.role === 'informant')!;
    const coding = await client.invoke('codings.apply', { documentId: k01.id, start: answer.start, end: answer.start + 20, codeName: 'Pembuka' });
    const theme = await client.invoke('themes.create', { name: 'Pembukaan', codeIds: [coding.codeId] });
    const extracts = (await client.invoke('export.csv', { table: 'extracts', themeId: theme.id })).csv.split('\r\n');
    expect(extracts[0]).toBe('\uFEFFInformant type,Informant,Document,Code,Start,End,Quote');
    expect(extracts[1]).toMatch(new RegExp(`^Konsumen,K-01,K-01_skincare,Pembuka,${answer.start},${answer.start + 20},`));
    // The interviewer's question is in the extract list, but evidence of no informant.
    const question = await client.invoke('codings.apply', { documentId: k01.id, start: 0, end: 20, codeName: 'Pembuka' });
    expect(question.start).toBe(0);
    expect((await client.invoke('export.csv', { table: 'extracts', themeId: theme.id })).csv.split('\r\n')[1]).toMatch(/^,,K-01_skincare,Pembuka,0,20,/);
    await expect(client.invoke('export.csv', { table: 'codebook', path: path.join(client.dir, 'tidak-ada', 'x.csv') })).rejects.toMatchObject({
      kind: 'not_found', message: expect.stringMatching(/^The folder .*tidak-ada does not exist, so x\.csv was not written\. Choose an existing folder/),
    });
  });
});
