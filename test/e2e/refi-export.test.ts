import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2E, type E2E } from './harness';

/**
 * The worked example leaves for ATLAS.ti: the researcher picks CRLF line endings in the export
 * dialog, and the .qdpx that downloads has Windows line endings in its texts and carries the
 * theme model as sets and links.
 */
describe('the REFI-QDA project export from the browser', () => {
  let e2e: E2E;

  beforeAll(async () => {
    e2e = await startE2E();
    await e2e.page.getByTestId('open-sample-worked').click();
    await e2e.page.locator('.doc-link').first().waitFor({ timeout: 30_000 });
  }, 90_000);
  afterAll(async () => { await e2e?.close(); });

  it('downloads a .qdpx with CRLF texts and the theme sets and links when CRLF is chosen', async () => {
    await e2e.page.getByTestId('open-export').click();
    const dialog = e2e.page.getByTestId('export-dialog');
    await dialog.waitFor();
    await expect(dialog.getByTestId('export-refi').innerText()).resolves.toMatch(/counts CR LF as one character/);
    await dialog.getByTestId('export-refi-line-endings').selectOption('crlf');
    const download = e2e.page.waitForEvent('download');
    await dialog.getByTestId('export-refi-project').click();
    const file = path.join(e2e.dataDir, 'contoh.qdpx');
    await (await download).saveAs(file);
    await dialog.getByTestId('export-refi-done').waitFor();

    const entries = Object.fromEntries(Object.entries(unzipSync(fs.readFileSync(file))).map(([name, data]) => [name, strFromU8(data)]));
    const texts = Object.keys(entries).filter((name) => name.startsWith('sources/'));
    expect(texts).toHaveLength(11);
    for (const name of texts) expect(/\r\n/.test(entries[name]!) && !/[^\r]\n/.test(entries[name]!), name).toBe(true);

    const themes = e2e.db().prepare('SELECT count(*) FROM themes').pluck().get() as number;
    const links = e2e.db().prepare('SELECT count(*) FROM theme_links').pluck().get() as number;
    expect(themes).toBeGreaterThan(0);
    expect(links).toBeGreaterThan(0);
    const qde = entries['project.qde']!;
    expect(qde.match(/<Set /g)).toHaveLength(themes + (/name="Reflexive journal"/.test(qde) ? 1 : 0));
    expect(qde.match(/<Link /g) ?? []).toHaveLength(links);
    expect(qde).toMatch(/<Description>Tematik: theme details<\/Description>/);
  }, 60_000);
});
