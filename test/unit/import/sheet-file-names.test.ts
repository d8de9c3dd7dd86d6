import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { newProject, tempDir } from '../../helpers/temp-project';

const NFC = 'Caf\u00e9_wawancara.txt';
const NFD = 'Cafe\u0301_wawancara.txt';
const TRANSCRIPT = 'Peneliti: Bagaimana awal usaha kafe ini?\nInforman: Dari warung kecil di depan rumah.\n';

/** A folder with one transcript named `onDisk` and a sheet naming it `inSheet`. */
function study(onDisk: string, inSheet: string): { folder: string; sheet: string } {
  const folder = tempDir();
  fs.writeFileSync(path.join(folder, onDisk), TRANSCRIPT);
  const sheet = path.join(folder, 'informants.csv');
  fs.writeFileSync(sheet, `file,informant_id,informant_type\n${inSheet},P-09,Pemilik UMKM\n`);
  return { folder, sheet };
}

describe('sheet rows and file names that differ only by Unicode normalisation', () => {
  it('match a file stored decomposed (as macOS writes it) to the composed name in the sheet', async () => {
    const { folder, sheet } = study(NFD, NFC);
    // The name really is decomposed on disk, byte for byte.
    expect(fs.readdirSync(folder)).toContain(NFD);
    expect(fs.readdirSync(folder)).not.toContain(NFC);
    const client = await newProject();
    const report = await client.invoke('import.folder', { folder, sheet });
    expect(report.imported).toEqual([expect.objectContaining({ file: NFD, informants: ['P-09'] })]);
    const [document] = await client.invoke('documents.list', {});
    expect((await client.invoke('documents.get', { id: document!.id })).text).toBe(TRANSCRIPT);
  });

  it('match a composed file name to a decomposed name in the sheet, ignoring case too', async () => {
    const { folder, sheet } = study(NFC, NFD.toUpperCase());
    const client = await newProject();
    const report = await client.invoke('import.folder', { folder, sheet });
    expect(report.imported).toEqual([expect.objectContaining({ file: NFC, informants: ['P-09'] })]);
  });

  it('still refuse a name that is really different, in both languages', async () => {
    const { folder, sheet } = study(NFD, 'Cafe_wawancara.txt');
    const client = await newProject();
    await expect(client.invoke('import.folder', { folder, sheet })).rejects.toMatchObject({
      kind: 'bad_input',
      message: 'The informant sheet names 1 file(s) that are not in the folder; nothing was imported.',
      details: [`informants.csv line 2: names "Cafe_wawancara.txt", which is not in ${folder}. Fix the file name in the sheet or add the file.`],
      detailTexts: [expect.objectContaining({ id: `informants.csv baris 2: menyebut "Cafe_wawancara.txt", yang tidak ada di ${folder}. Perbaiki nama berkas di lembar itu atau tambahkan berkasnya.` })],
    });
  });
});
