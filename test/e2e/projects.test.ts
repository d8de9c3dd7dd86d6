import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2E, type E2E } from './harness';

/** Browser mode switches projects without restarting the server: the project menu in the top bar. */
describe('the project menu in browser mode', () => {
  let e2e: E2E;
  const page = () => e2e.page;
  const projectName = () => page().getByTestId('project-menu').innerText();

  beforeAll(async () => { e2e = await startE2E(); }, 60_000);
  afterAll(async () => { await e2e?.close(); });

  it('offers both samples on the start screen and opens the worked example', async () => {
    await page().getByTestId('open-sample-worked').waitFor();
    await expect(page().getByTestId('open-sample').innerText()).resolves.toMatch(/practice copy/);
    await e2e.screenshot('start');
    await page().getByTestId('open-sample-worked').click();
    await page().locator('.doc-link').first().waitFor({ timeout: 30_000 });
    expect(await projectName()).toMatch(/Contoh lengkap/);
    expect(await page().locator('.doc-link').count()).toBe(11);
  }, 60_000);

  it('closes the project back to the start screen, where it is a recent project', async () => {
    await page().getByTestId('project-menu').click();
    await page().getByRole('menu').waitFor();
    await e2e.screenshot('project-menu');
    await page().getByTestId('menu-close-project').click();
    await page().getByTestId('open-sample-worked').waitFor();
    expect(e2e.server.host.project).toBeNull();
    await expect(page().locator('.recent li').first().innerText()).resolves.toMatch(/Contoh lengkap/);
  });

  it('creates a new project from the menu with a typed path, then switches back through the recent list', async () => {
    await page().locator('.recent li button.link').first().click();
    await page().locator('.doc-link').first().waitFor();

    const file = path.join(e2e.dataDir, 'studi-baru.tematik');
    await page().getByTestId('project-menu').click();
    await page().getByTestId('menu-new-project').click();
    await page().getByTestId('project-path-input').fill(file);
    await page().getByTestId('project-name-input').fill('Studi kemitraan UMKM');
    await page().getByTestId('project-path-input').press('Enter');
    await page().getByTestId('project-path-dialog').waitFor({ state: 'detached' });
    await expect.poll(projectName).toMatch(/Studi kemitraan UMKM/);
    expect(fs.existsSync(file)).toBe(true);
    expect(e2e.server.host.project?.file).toBe(file);
    expect(await page().locator('.doc-link').count()).toBe(0);

    await page().getByTestId('project-menu').click();
    await page().getByTestId('menu-recent').filter({ hasText: 'Contoh lengkap' }).click();
    await expect.poll(projectName).toMatch(/Contoh lengkap/);
    await page().locator('.doc-link').first().waitFor();
    expect(await page().locator('.doc-link').count()).toBe(11);
  });

  it('says what is wrong with a typed path and keeps the dialog open', async () => {
    await page().getByTestId('project-menu').click();
    await page().getByTestId('menu-open-project').click();
    await page().getByTestId('project-path-input').fill(path.join(e2e.dataDir, 'tidak-ada.tematik'));
    await page().getByTestId('project-path-submit').click();
    await expect(page().getByTestId('project-path-dialog').getByRole('alert').innerText()).resolves.toMatch(/tidak-ada\.tematik/);
    await page().keyboard.press('Escape');
    await page().getByTestId('project-path-dialog').waitFor({ state: 'detached' });
    expect(await projectName()).toMatch(/Contoh lengkap/);
  });

  it('undo names the last step in a tooltip and a notice', async () => {
    const undo = page().getByTestId('undo');
    expect(await undo.getAttribute('title')).toMatch(/^Undo: record a convergence judgement\n/);
    await undo.click();
    await page().locator('.notice', { hasText: 'Undone: record a convergence judgement' }).waitFor();
    // The history is re-read beside the views once the undo is done, so the tooltip follows a moment after the notice.
    await expect.poll(() => page().getByTestId('redo').getAttribute('title')).toMatch(/^Redo: record a convergence judgement/);
    await page().getByTestId('lang-id').click();
    expect(await page().getByTestId('redo').getAttribute('title')).toMatch(/^Ulangi: mencatat penilaian konvergensi/);
    await page().getByTestId('redo').click();
    await page().locator('.notice', { hasText: 'Diulangi: mencatat penilaian konvergensi' }).waitFor();
    await page().getByTestId('lang-en').click();
  });

  it('the worked example fills the themes board, the theme map and the triangulation matrix', async () => {
    await page().evaluate(() => document.querySelectorAll<HTMLButtonElement>('.notice button.link').forEach((b) => b.click()));
    await page().locator('.nav-link', { hasText: 'Themes' }).click();
    await page().getByTestId('themes-board').waitFor();
    // The board is drawn before its themes arrive.
    await expect.poll(() => page().getByTestId('themes-board').innerText()).toMatch(/Rasa memiliki menumbuhkan loyalitas/);
    await e2e.screenshot('worked-themes-board');

    await page().locator('.nav-link', { hasText: 'Theme map' }).click();
    await page().getByTestId('map-node').first().waitFor();
    expect(await page().getByTestId('map-node').count()).toBe(6);
    expect(await page().locator('[data-testid=map-link][data-kind=mediates]').count()).toBe(1);
    expect(await page().locator('[data-testid=map-link][data-kind=influences]').count()).toBe(2);
    await page().getByTestId('map-fit').click();
    await e2e.screenshot('worked-theme-map');

    await page().locator('.nav-link', { hasText: 'Triangulation' }).click();
    await page().getByTestId('triangulation-matrix').waitFor();
    await expect(page().getByTestId('triangulation-matrix').innerText()).resolves.toMatch(/Komunitas Pelanggan/);
    await e2e.screenshot('worked-triangulation');
  });

  it('Indonesian numbers and humanised attribute names on the project home and in the triangulation picker', async () => {
    await page().locator('.nav-link', { hasText: 'Project' }).click();
    await page().locator('.hm-stat-value').first().waitFor();
    expect(await page().locator('.hm-stat-value').allInnerTexts()).toContain('8,394');
    await expect(page().locator('.hm-informants thead').innerText()).resolves.toMatch(/Years in business/);
    expect(await page().locator('.hm-informants thead').innerText()).not.toMatch(/years_in_business/);

    await page().getByTestId('lang-id').click();
    await expect.poll(() => page().locator('.hm-stat-value').allInnerTexts()).toContain('8.394');
    await expect(page().locator('.hm-informants thead').innerText()).resolves.toMatch(/Lama usaha \(tahun\)/);
    await expect(page().locator('.doc-link').first().getAttribute('title')).resolves.toMatch(/\d kata$/);
    await e2e.screenshot('worked-home-id');

    await page().locator('.nav-link', { hasText: 'Triangulasi' }).click();
    // The attribute options arrive with their own query, after the matrix.
    await expect.poll(() => page().getByTestId('group-by').locator('option').allInnerTexts())
      .toEqual(expect.arrayContaining(['Kota', 'Sektor', 'Jenis kelamin', 'Lama usaha (tahun)']));
    await page().getByTestId('group-by').selectOption({ label: 'Kota' });
    await expect(page().getByTestId('triangulation-matrix').innerText()).resolves.toMatch(/Yogyakarta/);
    await expect(page().getByTestId('triangulation-matrix').innerText()).resolves.toMatch(/Diam|Kesepakatan/);
    await page().getByTestId('lang-en').click();
  });
});
