import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docxParts, plainText } from '../unit/report/docx-parts';
import { startE2E, type E2E } from './harness';
import { Workbench } from './pages/workbench';

/**
 * Phase 5 → 6 in the browser: the researcher writes a theme's key finding in the define panel,
 * marks a shop name to hide and picks how quotes are cited in the export dialog, and the Word
 * report that downloads says so.
 */
describe('the Word report from the browser', () => {
  let e2e: E2E;
  let bench: Workbench;
  let themeId: number;

  beforeAll(async () => {
    e2e = await startE2E();
    bench = new Workbench(e2e.page);
    await bench.openSampleProject();
    const { codeId } = await e2e.call('search.code', { query: 'komunitas', unit: 'sentence', codeName: 'peran komunitas' });
    themeId = (await e2e.call('themes.create', { name: 'Komunitas sebagai penggerak word of mouth', codeIds: [codeId] })).id;
    // The community's name stands in the running text (search-to-code no longer takes the transcript heading that named it).
    await e2e.call('themes.update', { id: themeId, definition: 'Komunitas pelanggan seperti Sruput Jogja menyebarkan cerita produk dari mulut ke mulut. Pemilik hanya memfasilitasi.' });
    await e2e.page.reload();
    await e2e.page.locator('.doc-link').first().waitFor();
  }, 90_000);
  afterAll(async () => { await e2e?.close(); });

  it('saves the key finding written in the define panel', async () => {
    await e2e.page.locator('.nav-link', { hasText: 'Themes' }).click();
    await e2e.page.locator('[data-testid=theme-card][data-theme-name="Komunitas sebagai penggerak word of mouth"]').getByTestId('theme-review-open').click();
    const finding = e2e.page.getByTestId('finding-input');
    await finding.fill('Komunitas kopi menjadi penggerak word of mouth bagi UMKM.');
    await finding.press('Control+Enter');
    await expect.poll(() => e2e.db().prepare('SELECT finding FROM themes WHERE id = ?').pluck().get(themeId)).toBe('Komunitas kopi menjadi penggerak word of mouth bagi UMKM.');
    await e2e.page.getByTestId('definition-input').click();
    await e2e.screenshot('define-finding');
  });

  it('hides a marked shop name and cites quotes by label and type in the downloaded report', async () => {
    await e2e.page.getByTestId('open-export').click();
    const dialog = e2e.page.getByTestId('export-dialog');
    await dialog.waitFor();
    await dialog.getByTestId('export-report-language').selectOption('id');
    await dialog.getByTestId('export-report-attribution').selectOption('label-type');
    await dialog.getByTestId('redaction-term').fill('Sruput Jogja');
    await dialog.getByTestId('redaction-replacement').fill('[kedai kopi]');
    await dialog.getByTestId('redaction-add').click();
    await dialog.locator('[data-testid=redaction][data-term="Sruput Jogja"]').waitFor();
    // A duplicate is refused beside the fields, in words.
    await dialog.getByTestId('redaction-term').fill('SRUPUT JOGJA');
    await dialog.getByTestId('redaction-replacement').fill('[lain]');
    await dialog.getByTestId('redaction-add').click();
    await expect.poll(() => dialog.getByTestId('redaction-error').textContent()).toContain('already in the list of names to hide');
    await dialog.getByTestId('redaction-term').fill('');
    await dialog.getByTestId('redaction-replacement').fill('');
    await dialog.getByTestId('export-report-theme').first().check();
    await e2e.screenshot('export-report');

    const download = e2e.page.waitForEvent('download');
    await dialog.getByTestId('export-report-run').click();
    const file = path.join(e2e.dataDir, 'laporan.docx');
    await (await download).saveAs(file);
    const text = plainText(docxParts(fs.readFileSync(file)).text('word/document.xml'));
    expect(text).toContain('Aspek dan temuan utama');
    expect(text).toContain('Komunitas kopi menjadi penggerak word of mouth bagi UMKM.');
    expect(text).toMatch(/” \(Informan [A-Z]+-\d\d( dan [A-Z]+-\d\d)?, [^()]+\)/);
    expect(text).not.toMatch(/sruput/i);
    expect(text).toContain('[kedai kopi]');
  });
});
