import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2E, type E2E } from './harness';
import { seriousViolations } from './pages/axe';
import { Workbench } from './pages/workbench';

/**
 * De-identifying in the browser: the dialog from the project menu lists the informants' names and
 * the hits in context; the researcher adds a business, unticks one hit and one informant, applies,
 * sees the key, and shares a de-identified copy with its report. The coded passage over a name
 * keeps its coding on the same words.
 */
describe('de-identifying transcripts through the UI', () => {
  let e2e: E2E;
  const page = () => e2e.page;
  const dialog = () => page().getByTestId('deid-dialog');

  beforeAll(async () => {
    e2e = await startE2E();
    await new Workbench(e2e.page).openSampleProject();
    await e2e.codePassage('A-01_asosiasi', 'Selamat malam, Pak Joko', 'Sapaan');
  }, 60_000);
  afterAll(async () => { await e2e?.close(); });

  it('previews every name and hit, with the business the researcher adds', async () => {
    await page().getByTestId('project-menu').click();
    await page().getByTestId('menu-deidentify').click();
    await dialog().getByTestId('deid-name').first().waitFor();
    await expect(dialog().locator('[data-testid=deid-name][data-name="Joko Santoso"]').innerText()).resolves.toMatch(/Joko Santoso\s+informant\s+\[A-01\]\s+15/);
    const add = dialog().getByTestId('deid-add');
    await add.getByTestId('deid-add-name').fill('Kopi Lereng');
    await add.getByTestId('deid-add-kind').selectOption('business');
    await add.getByTestId('deid-add-replacement').fill('[kedai kopi]');
    await add.getByTestId('deid-add-submit').click();
    await dialog().locator('[data-testid=deid-name][data-name="Kopi Lereng"]').waitFor();
    const first = dialog().getByTestId('deid-hit').first();
    await expect(first.innerText()).resolves.toMatch(/Selamat malam, Pak Joko\s*→\s*\[A-01\]/);
    await e2e.screenshot('deid-dialog');
    expect(await seriousViolations(page())).toEqual([]);
    // The same dialog in Bahasa Indonesia (the top bar's switch, under the dialog's backdrop, clicked as a script would).
    await page().getByTestId('lang-id').dispatchEvent('click');
    await expect(dialog().getByTestId('deid-apply').innerText()).resolves.toMatch(/^Ganti temuan yang dipilih \(\d+\)$/);
    await e2e.screenshot('deid-dialog-id');
    await page().getByTestId('lang-en').dispatchEvent('click');
  });

  it('applies the ticked hits in one step, leaving out an unticked hit and name, and shows the key', async () => {
    const ayu = dialog().locator('[data-testid=deid-name][data-name="Ayu Larasati"]');
    await ayu.locator('input[type=checkbox]').uncheck();
    const preview = await e2e.call('deid.preview', {});
    const label = preview.hits.filter((h) => h.documentTitle === 'A-01_asosiasi').at(-1)!;
    const lastJoko = dialog().locator(`[data-testid=deid-hit][data-hit="${label.id}"]`);
    await lastJoko.locator('input[type=checkbox]').uncheck();
    const apply = dialog().getByTestId('deid-apply');
    const total = preview.hits.length;
    const ayuHits = preview.names.find((n) => n.name === 'Ayu Larasati')!.hits;
    await expect(apply.innerText()).resolves.toBe(`Replace the chosen hits (${total - ayuHits - 1})`);
    await apply.click();
    await dialog().locator('[data-testid=deid-key-row]').first().waitFor();
    await expect(dialog().getByTestId('deid-key').innerText()).resolves.toContain('Joko Santoso');
    await e2e.screenshot('deid-applied');

    const db = e2e.db();
    const text = db.prepare(`SELECT text FROM documents WHERE title = 'A-01_asosiasi'`).pluck().get() as string;
    // The unticked hit (the last turn's speaker label) stays as it was; the hit before it was replaced.
    expect(text).toMatch(/Terima kasih banyak, Pak \[A-01\]\.\s+Pak Joko: Siap/);
    expect(text).toContain('Selamat malam, Pak [A-01].');
    expect(db.prepare(`SELECT quote FROM codings c JOIN codes k ON k.id = c.code_id WHERE k.name = 'Sapaan'`).pluck().get()).toBe('Selamat malam, Pak [A-01]');
    expect(db.prepare(`SELECT count(*) FROM documents WHERE text LIKE '%Kopi Lereng%'`).pluck().get()).toBe(0);
    expect(db.prepare(`SELECT count(*) FROM documents WHERE text LIKE '%Mbak Ayu%'`).pluck().get()).toBeGreaterThan(0);
  });

  it('shares a de-identified copy and shows its report', async () => {
    await dialog().getByTestId('deid-share').click();
    const share = page().getByTestId('deid-share-dialog');
    const out = path.join(e2e.dataDir, 'dibagikan.tematik');
    await share.getByTestId('deid-share-path').fill(out);
    await share.locator('[data-testid=deid-withhold][data-attribute=city]').check();
    await e2e.screenshot('deid-share');
    expect(await seriousViolations(page())).toEqual([]);
    await share.getByTestId('deid-share-submit').click();
    await share.getByTestId('deid-share-report').waitFor();
    await expect(share.getByTestId('deid-share-report').innerText()).resolves.toContain('"Ayu Larasati" → "[KP-02]"');
    await e2e.screenshot('deid-share-report');
    expect(fs.existsSync(out)).toBe(true);
    expect(fs.existsSync(path.join(e2e.dataDir, 'dibagikan.qdpx'))).toBe(true);
    expect(fs.readFileSync(path.join(e2e.dataDir, 'dibagikan.deid-report.txt'), 'utf8')).toContain('Replaced (');
    await share.getByTestId('deid-share-close').click();
  });
});
