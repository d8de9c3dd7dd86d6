import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2E, type E2E } from './harness';
import { seriousViolations } from './pages/axe';
import { KeyboardReader } from './pages/keyboard-reader';
import { Workbench } from './pages/workbench';

/**
 * Coding a passage with the keyboard alone, in the real renderer in Chromium: the
 * transcript takes the focus with a caret, the selection grows by word and sentence,
 * the code picker applies a new code, and the stripe it draws opens its popover.
 */
describe('coding with the keyboard alone', () => {
  let e2e: E2E;
  let reader: KeyboardReader;
  const PHRASE = 'polling di Instagram Story';
  let text = '';
  let phraseStart = 0;
  let turnStart = 0;

  beforeAll(async () => {
    e2e = await startE2E();
    reader = new KeyboardReader(e2e.page);
    const bench = new Workbench(e2e.page);
    await bench.openSampleProject();
    await bench.openTranscript('P-01_fashion');
    const db = e2e.db();
    ({ text } = db.prepare(`SELECT text FROM documents WHERE title = 'P-01_fashion'`).get() as { text: string });
    phraseStart = text.indexOf(PHRASE);
    turnStart = text.lastIndexOf('Narasumber: ', phraseStart) + 'Narasumber: '.length;
    expect(phraseStart).toBeGreaterThan(turnStart);
  }, 60_000);
  afterAll(async () => { await e2e?.close(); });

  it('focuses the transcript with Tab and shows a caret at the first line', async () => {
    await reader.tabToText();
    await expect.poll(() => e2e.page.getByTestId('transcript-caret').isVisible()).toBe(true);
    const { anchor, caret } = await reader.selection();
    expect(anchor).toBe(caret);
    expect(text.slice(caret, caret + 10)).toBe(text.slice(caret).trimStart().slice(0, 10));
    expect(await reader.text.getAttribute('aria-label')).toBe('Transcript P-01_fashion');
  });

  it('moves the caret turn by turn and word by word, then extends the selection by word and by sentence', async () => {
    await reader.pressUntil('ArrowDown', (caret) => caret >= turnStart);
    expect((await reader.selection()).caret).toBe(turnStart);
    // Ctrl+→ stops at word ends: the end of "itu", just before the phrase.
    await reader.pressUntil('Control+ArrowRight', (caret) => caret >= phraseStart - 1);
    expect((await reader.selection()).caret).toBe(phraseStart - 1);
    await e2e.page.keyboard.press('ArrowRight');
    for (let i = 0; i < 4; i++) await e2e.page.keyboard.press('Control+Shift+ArrowRight');
    expect(await reader.selection()).toEqual({ anchor: phraseStart, caret: phraseStart + PHRASE.length });
    await expect.poll(() => e2e.page.getByTestId('transcript-selection-status').textContent()).toContain(PHRASE);

    // Alt+Shift+→ takes the rest of the sentence (its full stop); Shift+← gives one character back.
    await e2e.page.keyboard.press('Alt+Shift+ArrowRight');
    expect(await reader.selection()).toEqual({ anchor: phraseStart, caret: phraseStart + PHRASE.length + 1 });
    await e2e.page.keyboard.press('Shift+ArrowLeft');
    expect(await reader.selection()).toEqual({ anchor: phraseStart, caret: phraseStart + PHRASE.length });
    await e2e.screenshot('keyboard-selection');
  });

  it('opens the code picker with Enter, creates and applies a code by name, and draws its stripe', async () => {
    await e2e.page.keyboard.press('Enter');
    const input = e2e.page.getByTestId('code-picker-input');
    await input.waitFor();
    await expect.poll(async () => (await reader.focused()).testId).toBe('code-picker-input');
    expect(await seriousViolations(e2e.page), 'axe with the code picker open').toEqual([]);
    await e2e.page.keyboard.type('Polling Instagram');
    await e2e.page.keyboard.press('Enter');
    await e2e.page.locator('[data-testid=stripe][data-code-name="Polling Instagram"]').waitFor();
    const codings = e2e.db().prepare(`SELECT k.name AS code, c.start_offset AS start, c.end_offset AS "end", c.quote FROM codings c JOIN codes k ON k.id = c.code_id`).all();
    expect(codings).toEqual([{ code: 'Polling Instagram', start: phraseStart, end: phraseStart + PHRASE.length, quote: PHRASE }]);
    // The text has the focus back, the caret after the coded passage.
    await expect.poll(async () => (await reader.focused()).testId).toBe('transcript-text');
    expect(await reader.selection()).toEqual({ anchor: phraseStart + PHRASE.length, caret: phraseStart + PHRASE.length });
  });

  it('reaches the stripe with Tab, names it for a screen reader, and opens its popover with Enter', async () => {
    await e2e.page.keyboard.press('Tab');
    const stripe = await reader.focused();
    expect(stripe).toMatchObject({ testId: 'stripe', codeName: 'Polling Instagram', label: `Coding Polling Instagram: “${PHRASE}”` });
    await e2e.screenshot('keyboard-stripe-focus');
    await e2e.page.keyboard.press('Enter');
    const popover = e2e.page.getByTestId('coding-popover');
    await popover.waitFor();
    expect(await popover.textContent()).toContain(PHRASE);
    await expect.poll(async () => (await reader.focused()).inPopover).toBe(true);
    await e2e.screenshot('keyboard-popover');
    expect(await seriousViolations(e2e.page), 'axe with the coding popover open').toEqual([]);
    // Tab reaches the popover's buttons; Esc closes it and gives the focus back to the stripe.
    await e2e.page.keyboard.press('Tab');
    expect((await reader.focused()).inPopover).toBe(true);
    await e2e.page.keyboard.press('Escape');
    await popover.waitFor({ state: 'detached' });
    await expect.poll(async () => (await reader.focused()).testId).toBe('stripe');
  });

  it('names every rendered turn by its speaker and role', async () => {
    const labels = await e2e.page.locator('[data-testid=turn][data-speaker]').evaluateAll((turns) => turns.map((t) => t.getAttribute('aria-label')));
    expect(labels.length).toBeGreaterThan(2);
    expect(labels).toContain('Pewawancara, Interviewer');
    expect(labels).toContain('Narasumber, Informant');
  });
});
