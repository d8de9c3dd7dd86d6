import type { Locator, Page } from 'playwright-core';

/** Page object for coding with the keyboard alone: the transcript's caret, selection, stripes. */
export class KeyboardReader {
  constructor(readonly page: Page) {}

  get text(): Locator {
    return this.page.getByTestId('transcript-text');
  }

  /** What has the focus, described by its test id and code name. */
  async focused(): Promise<{ testId: string | null; codeName: string | null; label: string | null; inPopover: boolean }> {
    return this.page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return {
        testId: el?.dataset['testid'] ?? null,
        codeName: el?.dataset['codeName'] ?? null,
        label: el?.getAttribute('aria-label') ?? null,
        inPopover: Boolean(el?.closest('[data-testid=coding-popover]')),
      };
    });
  }

  /** Presses Tab until the transcript text has the focus (at most `limit` times); returns the presses. */
  async tabToText(limit = 80): Promise<number> {
    for (let i = 1; i <= limit; i++) {
      await this.page.keyboard.press('Tab');
      if ((await this.focused()).testId === 'transcript-text') return i;
    }
    throw new Error(`The transcript did not take the focus after ${limit} presses of Tab`);
  }

  /** The keyboard selection: anchor and caret, as stored-text offsets. */
  async selection(): Promise<{ anchor: number; caret: number }> {
    const [anchor, caret] = await Promise.all([this.text.getAttribute('data-anchor'), this.text.getAttribute('data-caret')]);
    if (anchor === null || caret === null) throw new Error('The transcript has no caret');
    return { anchor: Number(anchor), caret: Number(caret) };
  }

  /** Presses `key` until `done` holds for the caret (at most `limit` times). */
  async pressUntil(key: string, done: (caret: number) => boolean, limit = 60): Promise<void> {
    for (let i = 0; i < limit; i++) {
      if (done((await this.selection()).caret)) return;
      await this.page.keyboard.press(key);
    }
    throw new Error(`${key} ×${limit} did not bring the caret where it was wanted (now at ${(await this.selection()).caret})`);
  }
}
