import fs from 'node:fs';
import path from 'node:path';
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-project';
import { startE2E, type E2E } from './harness';
import { Workbench } from './pages/workbench';

/** Editing a coded transcript in the browser (issue 15): the stripe stays on the same words. */
describe('editing a transcript in the browser', () => {
  let e2e: E2E;
  let bench: Workbench;
  const TITLE = 'P-01_fashion';
  const PASSAGE = 'polling di Instagram Story. Misalnya mau rilis koleksi Lebaran';
  const coding = () => e2e.db().prepare(`SELECT c.id, c.quote FROM codings c JOIN codes k ON k.id = c.code_id WHERE k.name = 'Polling'`).get() as { id: number; quote: string };
  const turnWith = (words: string) => e2e.page.getByTestId('turn').filter({ hasText: words });
  /** A turn's edit tools show (and take clicks) while the pointer is over the turn, as a user sees them. */
  const useTool = async (turn: Locator, tool: string) => {
    await turn.hover();
    await turn.getByTestId(tool).click();
  };

  beforeAll(async () => {
    e2e = await startE2E();
    bench = new Workbench(e2e.page);
    await bench.openSampleProject();
    await e2e.codePassage(TITLE, PASSAGE, 'Polling');
    await bench.openTranscript(TITLE);
  }, 60_000);
  afterAll(async () => { await e2e?.close(); });

  it('corrects a word inside a coded passage: the coding and its stripe stay on the same words', async () => {
    const page = e2e.page;
    const { id } = coding();
    await page.getByTestId('edit-mode').click();
    const turn = turnWith('polling di Instagram Story');
    await useTool(turn, 'turn-edit');
    const editor = page.getByTestId('turn-editor').locator('textarea');
    await editor.waitFor();
    await e2e.screenshot('edit-turn-open');
    const before = await editor.inputValue();
    await editor.fill(before.replace('rilis koleksi Lebaran', 'merilis koleksi Lebaran'));
    await editor.press('Enter');
    await page.getByTestId('turn-editor').waitFor({ state: 'detached' });

    const corrected = 'polling di Instagram Story. Misalnya mau merilis koleksi Lebaran';
    await expect.poll(() => coding()).toEqual({ id, quote: corrected });
    // The tinted text under the coding is exactly the corrected passage …
    const coded = page.locator(`.tv-coded[data-codings~="${id}"]`);
    await expect.poll(async () => (await coded.allTextContents()).join('')).toBe(corrected);
    // … and its stripe runs from the line where those words start to the line where they end.
    const stripe = page.locator(`[data-testid=stripe][data-coding-id="${id}"]`);
    await stripe.waitFor();
    const boxes = await coded.evaluateAll((spans) => spans.flatMap((s) => [...s.getClientRects()].map((r) => ({ top: r.top, bottom: r.bottom }))));
    const top = Math.min(...boxes.map((b) => b.top));
    const bottom = Math.max(...boxes.map((b) => b.bottom));
    await expect.poll(async () => {
      const bar = (await stripe.boundingBox())!;
      return Math.abs(bar.y - top) <= 4 && Math.abs(bar.y + bar.height - bottom) <= 4;
    }).toBe(true);
    await e2e.screenshot('edit-turn-saved');

    // Clicking elsewhere saves too; Esc gives up what was typed.
    const text = () => e2e.db().prepare('SELECT text FROM documents WHERE title = ?').pluck().get(TITLE) as string;
    await useTool(turn, 'turn-edit');
    await editor.fill((await editor.inputValue()).replace('Tapi praktiknya', 'Tetapi praktiknya'));
    await page.locator('.tv-title').click();
    await expect.poll(text).toContain('Tetapi praktiknya udah jalan');
    await page.getByTestId('turn-editor').waitFor({ state: 'detached' });
    await useTool(turn, 'turn-edit');
    await editor.fill((await editor.inputValue()).replace('Tetapi praktiknya', 'Namun praktiknya'));
    await editor.press('Escape');
    await page.getByTestId('turn-editor').waitFor({ state: 'detached' });
    await page.locator('.tv-title').click();
    expect(text()).toContain('Tetapi praktiknya udah jalan');
    expect(coding()).toEqual({ id, quote: corrected });
  });

  it('lists a coding whose whole text was deleted, and Undo brings it back', async () => {
    const page = e2e.page;
    // Coding goes on in edit mode: select and code as when reading.
    await bench.select('sage green menang jauh');
    await bench.applyCode('Warna');
    const warna = () => e2e.db().prepare(`SELECT count(*) FROM codings c JOIN codes k ON k.id = c.code_id WHERE k.name = 'Warna'`).pluck().get();
    await expect.poll(() => page.locator('[data-testid=stripe][data-code-name="Warna"]').count()).toBe(1);
    const turn = turnWith('sage green menang jauh');
    await useTool(turn, 'turn-edit');
    const editor = page.getByTestId('turn-editor').locator('textarea');
    await editor.fill((await editor.inputValue()).replace('Kemarin itu sage green menang jauh, padahal', 'Kemarin itu, padahal'));
    await page.getByTestId('turn-editor-save').click();
    await page.getByTestId('edit-removed').waitFor();
    expect(await page.getByTestId('edit-removed').textContent()).toContain('Warna: “sage green menang jauh”');
    await expect.poll(warna).toBe(0);
    await e2e.screenshot('edit-removed-notice');
    await page.getByTestId('edit-undo').click();
    await expect.poll(warna).toBe(1);
    await expect.poll(() => page.locator('[data-testid=stripe][data-code-name="Warna"]').count()).toBe(1);
  });

  it('replaces the transcript with a corrected version after a preview', async () => {
    const page = e2e.page;
    const text = e2e.db().prepare('SELECT text FROM documents WHERE title = ?').pluck().get(TITLE) as string;
    const file = path.join(tempDir('tematik-e2e-corrected-'), 'P-01_fashion_revisi.txt');
    fs.writeFileSync(file, text.replace('sage green menang jauh', 'sage green menang telak').replace('Instagram Story', 'Instagram Stories'));
    await page.getByTestId('edit-mode').click();
    await page.getByTestId('replace-open').click();
    await page.getByTestId('replace-file').fill(file);
    await page.getByTestId('replace-preview').click();
    await page.getByTestId('replace-plan').waitFor();
    expect(await page.getByTestId('replace-plan').textContent()).toMatch(/2 place\(s\) differ/);
    await e2e.screenshot('replace-preview');
    await page.getByTestId('replace-apply').click();
    await page.getByTestId('replace-dialog').waitFor({ state: 'detached' });
    await expect.poll(() => coding().quote).toBe('polling di Instagram Stories. Misalnya mau merilis koleksi Lebaran');
  });

  it('splits a turn at the caret and joins it back, each an undo step', async () => {
    const page = e2e.page;
    const turns = () => e2e.db().prepare(`SELECT count(*) FROM turns t JOIN documents d ON d.id = t.document_id WHERE d.title = ?`).pluck().get(TITLE) as number;
    const before = turns();
    await page.getByTestId('edit-mode').click();
    const turn = turnWith('Ada, TikTok live.');
    await useTool(turn, 'turn-edit');
    const editor = page.getByTestId('turn-editor').locator('textarea');
    const caret = (await editor.inputValue()).indexOf('Kami juga sistemnya');
    await editor.evaluate((box: HTMLTextAreaElement, at: number) => { box.focus(); box.setSelectionRange(at, at); }, caret);
    await page.getByTestId('turn-editor-split').click();
    await expect.poll(turns).toBe(before + 1);
    await expect.poll(() => turnWith('Kami juga sistemnya').first().getAttribute('data-speaker')).toBe('Narasumber');
    await e2e.screenshot('edit-turn-split');
    await turnWith('Ada, TikTok live.').first().hover();
    await useTool(turnWith('Ada, TikTok live.').first(), 'turn-join');
    await expect.poll(turns).toBe(before);
    await page.getByTestId('undo').click();
    await expect.poll(turns).toBe(before + 1);
  });
});
