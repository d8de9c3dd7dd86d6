import fs from 'node:fs';
import path from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentOf, wordPackage } from '../helpers/word-package';
import { startE2E, type E2E } from './harness';

/** A Word file that inflates far beyond a transcript, imported from the workbench in Bahasa Indonesia. */
describe('importing a batch with a Word file too large to be a transcript', () => {
  let e2e: E2E;
  const page = () => e2e.page;

  beforeAll(async () => {
    e2e = await startE2E();
    await e2e.call('project.create', { path: path.join(e2e.dataDir, 'studi.tematik'), name: 'Studi impor' });
    await page().reload();
  }, 60_000);
  afterAll(async () => { await e2e?.close(); });

  it('imports the rest and says, in the user\'s language, why the large file was left out', async () => {
    const big = path.join(e2e.dataDir, 'wawancara-raksasa.docx');
    const normal = path.join(e2e.dataDir, 'wawancara-biasa.docx');
    fs.writeFileSync(big, wordPackage(await documentOf(250)));
    fs.writeFileSync(normal, await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Peneliti: Bagaimana awal usaha Ibu?'), new Paragraph('Informan: Dari hobi.')] }] })));

    await page().getByTestId('lang-id').click();
    await page().keyboard.press('Control+I');
    await page().getByTestId('import-mode-files').click();
    await page().getByTestId('import-files').fill(`${big}\n${normal}`);
    await page().getByTestId('import-skip-bad').check();
    await page().getByTestId('import-start').click();
    const failed = page().getByTestId('import-report-failed');
    await failed.waitFor({ timeout: 30_000 });
    await expect(failed.innerText()).resolves.toContain('wawancara-raksasa.docx terlalu besar atau cacat untuk sebuah transkrip: teksnya mengembang melebihi 24 MB. Simpan lagi dari Word, atau ekspor sebagai .txt.');
    await expect(page().getByTestId('import-report-imported').innerText()).resolves.toContain('wawancara-biasa.docx');
    await e2e.screenshot('import-refused-docx');
  }, 60_000);
});
