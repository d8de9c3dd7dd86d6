import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2E, type E2E } from './harness';
import { Workbench } from './pages/workbench';

/** Search end to end: find a root in all its forms, open a hit in its transcript, code hits by sentence. */
describe('searching transcripts in the browser', () => {
  let e2e: E2E;
  const db = () => e2e.db();

  beforeAll(async () => {
    e2e = await startE2E();
    await new Workbench(e2e.page).openSampleProject();
  }, 60_000);
  afterAll(async () => { await e2e?.close(); });

  it('finds every form of "kolaborasi" as keyword-in-context lines', async () => {
    await e2e.page.keyboard.press('Control+f');
    const input = e2e.page.getByTestId('search-input');
    await input.waitFor();
    await input.fill('kolaborasi');
    await input.press('Enter');
    const hits = e2e.page.getByTestId('search-hit');
    await expect.poll(() => hits.count()).toBeGreaterThanOrEqual(10);
    const text = (await e2e.page.getByTestId('search-view').textContent()) ?? '';
    for (const form of ['berkolaborasi', 'kolaborasinya', 'dikolaborasikan']) expect(text).toContain(form);
    await e2e.screenshot('search');
  });

  it('opens a hit in its transcript', async () => {
    await e2e.page.getByTestId('search-hit').filter({ hasText: 'dikolaborasikan' }).first().click();
    await e2e.page.getByTestId('transcript-view').waitFor();
    await expect.poll(() => e2e.page.getByTestId('transcript-view').textContent()).toContain('P-03_batik');
  });

  it('codes the selected hits by sentence in one undoable step', async () => {
    await e2e.page.keyboard.press('Control+f');
    const input = e2e.page.getByTestId('search-input');
    await input.fill('mitra');
    await input.press('Enter');
    const hits = e2e.page.getByTestId('search-hit');
    // The view comes back with the previous search: wait for the new results to replace it.
    await expect.poll(async () => {
      const lines = await hits.allTextContents();
      return lines.length > 3 && lines.every((line) => /mitra/i.test(line));
    }).toBe(true);
    await hits.nth(0).getByTestId('search-hit-check').check();
    await hits.nth(1).getByTestId('search-hit-check').check();
    await e2e.page.getByTestId('search-code-unit').selectOption('sentence');
    await e2e.page.getByTestId('search-code-name').fill('Kemitraan');
    await e2e.page.getByTestId('search-code-apply').click();
    await expect.poll(() => db().prepare(`SELECT count(*) FROM codings c JOIN codes k ON k.id = c.code_id WHERE k.name = 'Kemitraan'`).pluck().get()).toBe(2);
    const quotes = db().prepare(`SELECT quote FROM codings`).pluck().all() as string[];
    for (const quote of quotes) {
      expect(quote.toLowerCase()).toMatch(/mitra/);
      expect(quote.split(' ').length, 'a sentence, not just the word').toBeGreaterThan(3);
    }
    await e2e.screenshot('search-coded');
    await e2e.page.getByTestId('undo').click();
    await expect.poll(() => db().prepare('SELECT count(*) FROM codings').pluck().get()).toBe(0);
  });
});
