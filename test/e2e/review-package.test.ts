import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReviewCommentsFile } from '../../src/domain/review-package';
import { newProject } from '../helpers/temp-project';
import { HOSTILE, hostileProject } from '../unit/review/hostile-project';
import { SCREENSHOTS, startE2E, type E2E } from './harness';
import { ThemeMapPage } from './pages/theme-map';

/** Everything a page opened from a file says it did wrong: script errors, console errors, dialogs, CSP violations. */
interface Watch {
  readonly errors: string[];
  readonly dialogs: string[];
  violations(): Promise<string[]>;
}

async function openPackage(e2e: E2E, file: string): Promise<{ page: Page; watch: Watch }> {
  const page = await e2e.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'en-US', acceptDownloads: true });
  const errors: string[] = [];
  const dialogs: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  // Injected by the browser, outside the page's CSP: it counts what the policy refused.
  await page.addInitScript(() => {
    const seen: string[] = [];
    (globalThis as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  await page.goto(`file://${file}`);
  await page.locator('body[data-ready=true]').waitFor();
  return { page, watch: { errors, dialogs, violations: () => page.evaluate(() => (globalThis as unknown as { cspViolations: string[] }).cspViolations) } };
}

const viewBox = async (page: Page) => (await page.getByTestId('map-svg').getAttribute('viewBox'))!.split(' ').map(Number) as [number, number, number, number];

/**
 * The review package as a supervisor gets it: made from the Export dialog, opened from a file
 * in Chromium with no server behind it, read (map, theme, triangulation cell), commented on, the
 * comments saved as a download, and those comments back in the project's threads.
 */
describe('the review package, opened from file://', () => {
  let e2e: E2E;
  let page: Page;
  let watch: Watch;
  let packageFile: string;
  let commentsFile: string;
  const THEME = 'Co-creation lewat platform digital';

  beforeAll(async () => {
    e2e = await startE2E();
    await e2e.page.getByTestId('open-sample-worked').click();
    await e2e.page.locator('.doc-link').first().waitFor();
    await e2e.page.getByTestId('open-export').click();
    const dialog = e2e.page.getByTestId('export-dialog');
    await dialog.getByTestId('export-review-journal').check();
    await dialog.getByTestId('export-review').scrollIntoViewIfNeeded();
    await e2e.screenshot('export-review-package');
    const download = e2e.page.waitForEvent('download');
    await dialog.getByTestId('export-review-run').click();
    packageFile = path.join(e2e.dataDir, 'review package.html');
    const saved = await download;
    expect(saved.suggestedFilename()).toBe('contoh-lengkap-co-creation-dan-daya-saing-umkm-review-package.html');
    await saved.saveAs(packageFile);
    await dialog.getByTestId('export-review-done').waitFor();
    ({ page, watch } = await openPackage(e2e, packageFile));
  }, 120_000);
  afterAll(async () => {
    await page?.close();
    await e2e?.close();
  });

  it('opens with the theme map, and zooms and pans by buttons, wheel, drag and keys', async () => {
    expect(await page.getByTestId('map-theme').count()).toBe(6);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'review-package-map.png') });
    const start = await viewBox(page);
    await page.getByTestId('zoom-in').click();
    const zoomed = await viewBox(page);
    expect(zoomed[2]).toBeCloseTo(start[2] / 1.25, 1);
    const box = (await page.getByTestId('map-svg').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, -200);
    await expect.poll(async () => (await viewBox(page))[2]).toBeLessThan(zoomed[2]);
    const before = await viewBox(page);
    // A drag on empty paper pans; it is no click on a theme.
    await page.mouse.move(box.x + 20, box.y + 20);
    await page.mouse.down();
    await page.mouse.move(box.x + 120, box.y + 70, { steps: 5 });
    await page.mouse.up();
    const dragged = await viewBox(page);
    expect(dragged[0]).toBeLessThan(before[0]);
    expect(dragged[1]).toBeLessThan(before[1]);
    await page.getByTestId('map-svg').focus();
    await page.keyboard.press('ArrowRight');
    expect((await viewBox(page))[0]).toBeGreaterThan(dragged[0]);
    await page.getByTestId('zoom-fit').click();
    expect(await viewBox(page)).toEqual(start);
  });

  it('opens a theme’s definition, codes, quotes and support from the map, by mouse and by keyboard', async () => {
    await page.locator(`[data-testid=map-theme][aria-label="${THEME}"]`).click();
    const panel = page.getByTestId('theme-panel');
    await expect.poll(() => panel.locator('h2').textContent()).toBe(THEME);
    expect(await panel.locator('dd').first().textContent()).toMatch(/^UMKM melibatkan pelanggan/);
    expect(await panel.getByTestId('quote').count()).toBe(3);
    expect(await panel.locator('table.support tbody tr').count()).toBe(5);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'review-package-theme.png') });
    // Tab reaches the links and themes; Enter opens one.
    await page.locator('[data-testid=map-link]').first().focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('link-panel').waitFor();
    expect(await page.getByTestId('link-panel').locator('h2').textContent()).toMatch(/^".+" (influences|mediates|moderates|associated with) /);
  });

  it('drills into a triangulation cell to the extracts behind it', async () => {
    await page.getByTestId('tab-triangulation').click();
    const row = page.locator('[data-testid=matrix] tbody tr', { has: page.locator('button', { hasText: THEME }) });
    const cell = row.locator('[data-testid=matrix-cell][data-state=support]').first();
    const label = (await cell.textContent())!;
    const [informants, , extracts] = /^(\d+)\/(\d+) · (\d+) extracts?$/.exec(label)!.slice(1).map(Number);
    await cell.click();
    const drill = page.getByTestId('cell-extracts');
    await expect.poll(() => drill.getByTestId('quote').count()).toBe(extracts);
    expect(await drill.locator('p.muted').first().textContent()).toContain(`${informants} of`);
    const matrix = await e2e.call('analysis.triangulation', { rows: 'themes' });
    const themeRow = matrix.rows.find((r) => r.name === THEME)!;
    const column = matrix.columns[Number(await cell.getAttribute('data-column'))]!;
    const behind = await e2e.call('analysis.cellExtracts', { rowKind: 'theme', rowId: themeRow.id, column: column.key });
    expect(behind).toHaveLength(extracts!);
    // The matrix with the opened cell's first extracts below it.
    await page.screenshot({ path: path.join(SCREENSHOTS, 'review-package-triangulation.png'), fullPage: true, clip: { x: 0, y: 0, width: 1440, height: 1250 } });
  });

  it('takes comments on a theme and on a quote, asks the name once, and saves them as the comments file', async () => {
    await page.getByTestId('tab-map').click();
    await page.locator(`[data-testid=map-theme][aria-label="${THEME}"]`).click();
    const panel = page.getByTestId('theme-panel');
    const themeThread = panel.locator('[data-testid=thread][data-kind=theme]');
    await themeThread.getByTestId('add-comment').click();
    await themeThread.getByTestId('comment-text').fill('Definisinya masih mencampur praktik dan hasil.');
    await themeThread.getByTestId('comment-save').click();
    const nameDialog = page.getByTestId('reviewer-dialog');
    await nameDialog.getByTestId('reviewer-ok').click();
    expect(await nameDialog.getByRole('alert').textContent()).toMatch(/Write your name/);
    await nameDialog.getByTestId('reviewer-name').fill('Dr. Sari Wulandari');
    await nameDialog.getByTestId('reviewer-ok').click();
    await themeThread.getByTestId('my-comment').waitFor();
    const quoteThread = panel.getByTestId('quote').first().locator('[data-testid=thread][data-kind=coding]');
    const quoteGuid = await quoteThread.getAttribute('data-guid');
    await quoteThread.getByTestId('add-comment').click();
    await quoteThread.getByTestId('comment-text').fill('Kutipan yang kuat untuk bab 4.');
    await quoteThread.getByTestId('comment-save').click();
    // The name was given once: no second question.
    await quoteThread.getByTestId('my-comment').waitFor();
    expect(await page.getByTestId('reviewer-dialog').count()).toBe(0);
    expect(await page.getByTestId('save-comments').textContent()).toBe('Save comments (2 new)');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'review-package-comments.png') });

    const download = page.waitForEvent('download');
    await page.getByTestId('save-comments').click();
    const saved = await download;
    expect(saved.suggestedFilename()).toBe('contoh-lengkap-co-creation-dan-daya-saing-umkm-review-Dr-Sari-Wulandari.tematik-comments.json');
    commentsFile = path.join(e2e.dataDir, saved.suggestedFilename());
    await saved.saveAs(commentsFile);
    const content = JSON.parse(fs.readFileSync(commentsFile, 'utf8')) as ReviewCommentsFile;
    const db = e2e.db();
    expect(content).toMatchObject({ format: 'tematik-review-comments', version: 1, reviewer: 'Dr. Sari Wulandari', projectGuid: db.prepare('SELECT guid FROM project').pluck().get() });
    expect(content.comments.map((c) => [c.target.kind, c.target.guid, c.body])).toEqual([
      ['theme', e2e.db().prepare('SELECT guid FROM themes WHERE name = ?').pluck().get(THEME), 'Definisinya masih mencampur praktik dan hasil.'],
      ['coding', quoteGuid, 'Kutipan yang kuat untuk bab 4.'],
    ]);
    expect(content.comments[0]!.target.label).toBe(THEME);
    expect(new Set(content.comments.map((c) => c.guid)).size).toBe(2);
    expect(await page.getByTestId('save-status').textContent()).toContain('Saved contoh-lengkap');
    expect(await page.getByTestId('save-comments').textContent()).toBe('Save comments');
  });

  it('keeps the comments over a reload, and warns before closing on unsaved ones', async () => {
    await page.reload();
    await page.locator('body[data-ready=true]').waitFor();
    await page.locator(`[data-testid=map-theme][aria-label="${THEME}"]`).click();
    const thread = page.getByTestId('theme-panel').locator('[data-testid=thread][data-kind=theme]');
    // The panel fills in as the page reads its stored comments back: wait for them rather than count at once.
    await expect.poll(() => thread.getByTestId('my-comment').count()).toBe(1);
    await expect.poll(() => page.getByTestId('theme-panel').getByTestId('my-comment').count()).toBe(2);
    await expect.poll(() => page.getByTestId('reviewer').textContent()).toBe('Reviewing as Dr. Sari Wulandari');
    await thread.getByTestId('add-comment').click();
    await thread.getByTestId('comment-text').fill('Satu lagi.');
    await thread.getByTestId('comment-save').click();
    await expect.poll(() => thread.getByTestId('my-comment').count()).toBe(2);
    // Leaving the page asks first (the watch answers "stay"), and the page with its comments stays.
    const leaving = page.waitForEvent('dialog');
    const navigation = page.goto('about:blank').catch(() => undefined);
    expect((await leaving).type()).toBe('beforeunload');
    await navigation;
    expect(page.url()).toMatch(/^file:\/\//);
    expect(await thread.getByTestId('my-comment').count()).toBe(2);
    expect(watch.errors).toEqual([]);
    expect(watch.dialogs.map((d) => d.split(':')[0])).toEqual(['beforeunload']);
  });

  it('brings the comments back into the project’s threads through the app’s import dialog', async () => {
    await e2e.page.reload();
    await e2e.page.locator('.doc-link').first().waitFor();
    await e2e.page.getByTestId('project-menu').click();
    await e2e.page.getByTestId('menu-import-review').click();
    await e2e.page.getByTestId('review-import-input').setInputFiles(commentsFile);
    await e2e.page.getByTestId('review-import-start').click();
    const report = e2e.page.getByTestId('review-import-report');
    await report.waitFor();
    expect(await report.locator('.cm-report-head').textContent()).toContain('Dr. Sari Wulandari: 2 new comment(s)');
    await e2e.page.getByTestId('review-import-done').click();

    const map = new ThemeMapPage(e2e.page);
    await map.open();
    await map.node(THEME).click();
    const thread = e2e.page.getByTestId('map-comments');
    const comment = thread.getByTestId('comment').filter({ hasText: 'Definisinya masih mencampur praktik dan hasil.' });
    await comment.waitFor();
    expect(await comment.locator('.cm-author').textContent()).toBe('Dr. Sari Wulandari (review)');
    await e2e.screenshot('review-comments-in-project');
  });
});

describe('a review package of a project with hostile text in every field', () => {
  let e2e: E2E;
  let file: string;

  beforeAll(async () => {
    e2e = await startE2E();
    const client = await newProject();
    await hostileProject(client);
    file = path.join(e2e.dataDir, 'hostile.html');
    await client.invoke('export.reviewPackage', { path: file, pseudonymise: false, journal: 'all' });
    client.session.close();
  }, 120_000);
  afterAll(async () => { await e2e?.close(); });

  it('shows the text literally, runs no script of it, and breaks no rule of its policy', async () => {
    const { page, watch } = await openPackage(e2e, file);
    expect(await page.locator('h1').textContent()).toBe(`Studi ${HOSTILE}`);
    expect(await page.title()).toContain('Studi <script>alert(1)</script>');
    await page.getByTestId('map-theme').first().click();
    const panel = page.getByTestId('theme-panel');
    expect(await panel.locator('h2').textContent()).toBe(`Tema ${HOSTILE}`);
    expect(await panel.locator('dd').first().textContent()).toBe(HOSTILE);
    expect(await panel.getByTestId('project-comment').locator('.comment-body').textContent()).toBe(HOSTILE);
    expect(await panel.getByTestId('quote').locator('blockquote').textContent()).toBe(`Kata informan ${HOSTILE} selesai.`);
    await page.getByTestId('tab-triangulation').click();
    await page.locator('[data-testid=matrix-cell]').first().click();
    await page.getByTestId('tab-codebook').click();
    await page.getByTestId('code').first().locator('summary').click();
    await page.getByTestId('tab-phases').click();
    expect(await page.getByTestId('journal-entry').locator('h3').textContent()).toBe(HOSTILE);
    // Nothing of the project became an element: two scripts (data, page), no image, no text area.
    expect(await page.evaluate(() => [document.scripts.length, document.images.length, document.querySelectorAll('textarea, iframe, object, embed').length])).toEqual([2, 0, 0]);

    // A comment of hostile text goes into the file as it was written.
    await page.getByTestId('tab-map').click();
    await page.getByTestId('map-theme').first().click();
    const thread = page.getByTestId('theme-panel').locator('[data-testid=thread][data-kind=theme]');
    await thread.getByTestId('add-comment').click();
    await thread.getByTestId('comment-text').fill(HOSTILE);
    await thread.getByTestId('comment-save').click();
    await page.getByTestId('reviewer-name').fill('<b>Pembimbing</b>');
    await page.getByTestId('reviewer-ok').click();
    expect(await thread.getByTestId('my-comment').locator('.comment-body').textContent()).toBe(HOSTILE);
    const download = page.waitForEvent('download');
    await page.getByTestId('save-comments').click();
    const saved = await download;
    const target = path.join(e2e.dataDir, 'hostile-comments.json');
    await saved.saveAs(target);
    const content = JSON.parse(fs.readFileSync(target, 'utf8')) as ReviewCommentsFile;
    expect(content.comments[0]!.body).toBe(HOSTILE.trim());
    expect(content.reviewer).toBe('<b>Pembimbing</b>');
    expect(saved.suggestedFilename()).toMatch(/^studi-script-.*-review-b-Pembimbing-b\.tematik-comments\.json$/);

    expect(watch.dialogs).toEqual([]);
    expect(watch.errors).toEqual([]);
    expect(await watch.violations()).toEqual([]);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'review-package-hostile.png') });
    await page.close();
  });
});
