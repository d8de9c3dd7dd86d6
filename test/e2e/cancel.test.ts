import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2E, type E2E } from './harness';

/** A long import started from the workbench, cancelled from the progress it shows. */
describe('cancelling an import in browser mode', () => {
  let e2e: E2E;
  const page = () => e2e.page;

  beforeAll(async () => {
    e2e = await startE2E();
    await e2e.call('project.create', { path: path.join(e2e.dataDir, 'studi.tematik'), name: 'Studi batal' });
    await page().reload();
  }, 60_000);
  afterAll(async () => { await e2e?.close(); });

  it('stops at the click, says nothing was changed, and leaves the project as it was', async () => {
    const folder = path.join(e2e.dataDir, 'transkrip');
    fs.mkdirSync(folder);
    // Enough text that the import is still reading when the button is clicked: 300 interviews, 36 MB.
    for (let i = 0; i < 300; i++) {
      const turn = `Pewawancara: Bagaimana usaha ${i} bermula?\n\nNarasumber: Kami mulai dari pelanggan sekitar, lalu kolaborasi dengan komunitas.\n\n`;
      fs.writeFileSync(path.join(folder, `P-${String(i).padStart(3, '0')}.txt`), turn.repeat(800));
    }
    const before = e2e.db().prepare('SELECT (SELECT count(*) FROM documents) AS documents, (SELECT count(*) FROM audit_log) AS audit').get();

    await page().getByText('Studi batal').first().waitFor();
    await page().keyboard.press('Control+I');
    await page().getByTestId('import-mode-folder').click();
    await page().getByTestId('import-folder').fill(folder);
    await page().getByTestId('import-start').click();
    // The dialog's own button: its backdrop covers the top bar's.
    const cancel = page().getByTestId('import-cancel-job');
    await page().getByTestId('cancel-job').waitFor({ timeout: 30_000 });
    await e2e.screenshot('import-cancel');
    await cancel.click();
    await page().getByText('Cancelled: nothing was changed.').first().waitFor({ timeout: 30_000 });
    await e2e.screenshot('import-cancelled');

    expect(e2e.db().prepare('SELECT (SELECT count(*) FROM documents) AS documents, (SELECT count(*) FROM audit_log) AS audit').get()).toEqual(before);
    await expect(e2e.call('documents.list', {})).resolves.toEqual([]);
  }, 120_000);
});
