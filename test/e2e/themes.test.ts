import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2E, type E2E } from './harness';
import { Workbench } from './pages/workbench';

/** Phases 3–5 end to end: a theme from two codes, a link on the theme map, the triangulation matrix. */
describe('themes, the theme map and triangulation in the browser', () => {
  let e2e: E2E;
  let bench: Workbench;
  const db = () => e2e.db();

  beforeAll(async () => {
    e2e = await startE2E();
    bench = new Workbench(e2e.page);
    await bench.openSampleProject();
    // Coding is the subject of coding.test.ts; here it is set up through the same handler table.
    await e2e.codePassage('P-01_fashion', 'polling di Instagram Story', 'Polling media sosial');
    await e2e.codePassage('P-01_fashion', 'Mereka merasa ikut memiliki brand ini', 'Rasa memiliki');
    const k01 = db().prepare(`SELECT text FROM documents WHERE title = 'K-01_skincare'`).pluck().get() as string;
    await e2e.codePassage('K-01_skincare', k01.match(/polling[^.]{5,40}/)![0], 'Polling media sosial');
    await e2e.page.reload();
    await e2e.page.locator('.doc-link').first().waitFor();
  }, 90_000);
  afterAll(async () => { await e2e?.close(); });

  it('builds a candidate theme from two codes on the themes board', async () => {
    await e2e.page.locator('.nav-link', { hasText: 'Themes' }).click();
    await e2e.page.getByTestId('themes-board').waitFor();
    for (const name of ['Polling media sosial', 'Rasa memiliki']) {
      await e2e.page.locator(`[data-testid=board-code][data-code-name="${name}"]`).getByTestId('board-code-check').check();
    }
    await e2e.page.getByTestId('make-theme').click();
    await e2e.page.getByTestId('theme-name-input').fill('Co-creation digital');
    await e2e.page.getByTestId('theme-name-input').press('Enter');
    await e2e.page.locator('[data-testid=theme-card][data-theme-name="Co-creation digital"]').waitFor();
    const theme = db().prepare(`SELECT t.status, group_concat(k.name, '|') AS codes FROM themes t JOIN theme_codes tc ON tc.theme_id = t.id JOIN codes k ON k.id = tc.code_id GROUP BY t.id`).get();
    expect(theme).toEqual({ status: 'candidate', codes: expect.stringMatching(/^(Polling media sosial\|Rasa memiliki|Rasa memiliki\|Polling media sosial)$/) });

    await e2e.page.locator(`[data-testid=board-code][data-code-name="Rasa memiliki"]`).getByTestId('board-code-check').check();
    await e2e.page.getByTestId('make-theme').click();
    await e2e.page.getByTestId('theme-name-input').fill('Loyalitas pelanggan');
    await e2e.page.getByTestId('theme-name-input').press('Enter');
    await e2e.page.locator('[data-testid=theme-card][data-theme-name="Loyalitas pelanggan"]').waitFor();
    await e2e.screenshot('themes-board');
  });

  it('links the two themes on the theme map', async () => {
    await e2e.page.locator('.nav-link', { hasText: 'Theme map' }).click();
    await e2e.page.getByTestId('theme-map').waitFor();
    await e2e.page.getByTestId('link-tool').click();
    await e2e.page.getByTestId('link-kind-select').selectOption('influences');
    await e2e.page.getByTestId('link-label-input').fill('P1');
    await e2e.page.locator('[data-testid=map-node][data-theme-name="Co-creation digital"]').click();
    await e2e.page.locator('[data-testid=map-node][data-theme-name="Loyalitas pelanggan"]').click();
    // A horizontal line has no height, so Playwright never calls it visible: wait for it in the DOM.
    await e2e.page.locator('[data-testid=map-link][data-kind="influences"]').waitFor({ state: 'attached' });
    expect(db().prepare(`SELECT f.name AS "from", t.name AS "to", l.kind, l.label FROM theme_links l JOIN themes f ON f.id = l.from_theme_id JOIN themes t ON t.id = l.to_theme_id`).all())
      .toEqual([{ from: 'Co-creation digital', to: 'Loyalitas pelanggan', kind: 'influences', label: 'P1' }]);
    await e2e.page.keyboard.press('Escape');
    await e2e.screenshot('theme-map');
  });

  it('opens the triangulation matrix with the themes by informant type', async () => {
    await e2e.page.locator('.nav-link', { hasText: 'Triangulation' }).click();
    const matrix = e2e.page.getByTestId('triangulation-matrix');
    await matrix.waitFor();
    await expect.poll(() => matrix.textContent()).toContain('Co-creation digital');
    const text = (await matrix.textContent()) ?? '';
    for (const type of ['Pemilik UMKM', 'Konsumen', 'Ahli Pemasaran', 'Komunitas Pelanggan', 'Perwakilan Asosiasi/Pemerintah']) expect(text).toContain(type);
    await e2e.screenshot('triangulation');
  });
});
