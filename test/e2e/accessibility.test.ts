import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2E, type E2E } from './harness';
import { seriousViolations, type AxeExclusion } from './pages/axe';
import { Workbench } from './pages/workbench';

/**
 * axe-core on every main screen of the real renderer in Chromium (browser mode, the sample
 * study with codings, a theme, a sub-code): no critical and no serious violation.
 */
describe('accessibility of every main screen (axe-core)', () => {
  let e2e: E2E;
  let bench: Workbench;
  let startFindings: Awaited<ReturnType<typeof seriousViolations>> = [];
  const nav = async (label: string) => { await e2e.page.locator('.nav-link', { hasText: label }).click(); };
  const check = async (screen: string, exclusions: readonly AxeExclusion[] = []) => {
    // Let transitions and fading actions settle: axe reads colours as painted.
    await e2e.page.waitForTimeout(300);
    const found = await seriousViolations(e2e.page, exclusions);
    expect(found, `${screen}: ${JSON.stringify(found, null, 1)}`).toEqual([]);
  };

  beforeAll(async () => {
    e2e = await startE2E();
    bench = new Workbench(e2e.page);
    // The start screen is only seen before a project opens.
    await e2e.page.getByTestId('open-sample').waitFor();
    await e2e.page.waitForTimeout(300);
    startFindings = await seriousViolations(e2e.page);
    await bench.openSampleProject();
    await e2e.codePassage('P-01_fashion', 'polling di Instagram Story', 'Polling media sosial');
    await e2e.codePassage('P-01_fashion', 'Mereka merasa ikut memiliki brand ini', 'Rasa memiliki terhadap merek lokal dan komunitas pelanggan setia');
    const ids = (e2e.db().prepare('SELECT id FROM codes ORDER BY id').all() as { id: number }[]).map((r) => r.id);
    const parent = await e2e.call('codes.create', { name: 'Co-creation' });
    await e2e.call('codes.move', { id: ids[0]!, parentId: parent.id });
    await e2e.call('themes.create', { name: 'Co-creation digital', codeIds: ids });
    await e2e.call('themes.create', { name: 'Loyalitas pelanggan', codeIds: [ids[1]!] });
    await e2e.page.reload();
    await e2e.page.locator('.doc-link').first().waitFor();
  }, 90_000);
  afterAll(async () => { await e2e?.close(); });

  it('start screen', () => {
    expect(startFindings, `start: ${JSON.stringify(startFindings, null, 1)}`).toEqual([]);
  });

  it('project home', async () => {
    await nav('Project');
    await e2e.page.locator('.doc-link').first().waitFor();
    await check('home');
  });

  it('transcript with codings and the codebook beside it', async () => {
    await bench.openTranscript('P-01_fashion');
    await bench.stripe('Polling media sosial').first().waitFor();
    await check('transcript');
  });

  it('codebook: the row menu on its page of keys 1–9', async () => {
    const row = bench.codeRow('Co-creation');
    await row.hover();
    await row.getByTestId('code-menu').click();
    await e2e.page.getByTestId('code-pin-key').click();
    await e2e.page.getByTestId('code-pin-key-choice').first().waitFor();
    await check('code menu, keys');
    await e2e.page.getByTestId('code-pin-key-choice').nth(3).click();
    await expect.poll(() => e2e.db().prepare(`SELECT hotkey FROM codes WHERE name = 'Co-creation'`).pluck().get()).toBe(4);
    await expect.poll(() => row.getByTestId('code-key').textContent()).toBe('4');
  });

  it('codebook: a code and its extracts, the panel widened', async () => {
    await bench.codeRow('Co-creation').click();
    await e2e.page.getByTestId('code-extracts-view').waitFor();
    await check('codebook');
    // Widened from the keyboard by its edge: the long Indonesian name reads whole.
    const panel = e2e.page.getByTestId('codebook-panel');
    const narrow = (await panel.boundingBox())!.width;
    await e2e.page.getByTestId('codebook-resize').focus();
    for (let i = 0; i < 2; i++) await e2e.page.keyboard.press('Shift+ArrowLeft');
    await expect.poll(async () => (await panel.boundingBox())!.width).toBeGreaterThanOrEqual(narrow + 120);
    await e2e.page.getByTestId('codes-roll-up').click();
    await e2e.screenshot('codebook-wide');
    await check('codebook widened');
  });

  it('themes board', async () => {
    await nav('Themes');
    await e2e.page.getByTestId('themes-board').waitFor();
    await e2e.page.locator('[data-testid=theme-card]').first().waitFor();
    await e2e.screenshot('themes-board-handles');
    await check('themes board');
  });

  it('themes board: a code chip dragged to another theme asks before it moves', async () => {
    const chip = e2e.page.locator('[data-testid=theme-card][data-theme-name="Co-creation digital"] [data-testid=theme-code-chip][data-code-name="Polling media sosial"]');
    await chip.dragTo(e2e.page.locator('[data-testid=theme-card][data-theme-name="Loyalitas pelanggan"]'));
    await e2e.page.getByTestId('chip-move-dialog').waitFor();
    await e2e.screenshot('chip-move-dialog');
    await check('chip move dialog');
    await e2e.page.getByTestId('chip-move').click();
    await e2e.page.getByTestId('chip-move-dialog').waitFor({ state: 'detached' });
    await expect.poll(() => e2e.db().prepare(`SELECT t.name, group_concat(k.name, '|') AS codes FROM themes t LEFT JOIN theme_codes tc ON tc.theme_id = t.id
      LEFT JOIN codes k ON k.id = tc.code_id GROUP BY t.id ORDER BY t.id`).all()).toEqual([
      { name: 'Co-creation digital', codes: 'Rasa memiliki terhadap merek lokal dan komunitas pelanggan setia' },
      { name: 'Loyalitas pelanggan', codes: expect.stringMatching(/^(Polling media sosial\|Rasa memiliki.*|Rasa memiliki.*\|Polling media sosial)$/) },
    ]);
  });

  it('theme review', async () => {
    await e2e.page.locator('[data-testid=theme-card][data-theme-name="Co-creation digital"]').getByTestId('theme-open').click();
    await e2e.page.waitForTimeout(500);
    await check('theme review');
  });

  it('theme map', async () => {
    await nav('Theme map');
    await e2e.page.getByTestId('theme-map').waitFor();
    await check('theme map');
  });

  it('triangulation', async () => {
    await nav('Triangulation');
    await e2e.page.getByTestId('triangulation-matrix').waitFor();
    await expect.poll(() => e2e.page.getByTestId('triangulation-matrix').textContent()).toContain('Co-creation digital');
    await check('triangulation');
  });

  it('search with results', async () => {
    await e2e.page.keyboard.press('Control+f');
    const input = e2e.page.getByTestId('search-input');
    await input.fill('mitra');
    await input.press('Enter');
    await expect.poll(() => e2e.page.getByTestId('search-hit').count()).toBeGreaterThan(0);
    await check('search');
  });

  it('in Bahasa Indonesia too: triangulation and the transcript', async () => {
    await bench.switchLanguage('id');
    await nav('Triangulasi');
    await e2e.page.getByTestId('triangulation-matrix').waitFor();
    await check('triangulasi');
    await bench.openTranscript('P-01_fashion');
    await check('transkrip');
    await bench.switchLanguage('en');
  });

  it('export dialog', async () => {
    await e2e.page.getByTestId('open-export').click();
    await e2e.page.getByTestId('export-close').waitFor();
    await check('export dialog');
    await e2e.page.getByTestId('export-close').click();
  });
});
