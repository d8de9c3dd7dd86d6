import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';

/** Page object for the coding workbench: what a researcher does, in their words. */
export class Workbench {
  constructor(readonly page: Page) {}

  async openSampleProject(): Promise<void> {
    await this.page.getByTestId('open-sample').click();
    await this.page.locator('.doc-link').first().waitFor();
  }

  async openTranscript(title: string): Promise<void> {
    await this.page.locator('.doc-link', { hasText: title }).click();
    await this.page.getByTestId('transcript-view').waitFor();
    await this.page.getByTestId('turn').first().waitFor();
    // The codebook beside the text comes with reads of its own and narrows the text when it lands.
    await this.page.getByTestId('codebook-panel').waitFor();
  }

  /**
   * Selects `passage` in the transcript with a real mouse drag, as a reader would. Parts of the view
   * that come with reads of their own (the speakers' line, the codebook beside the text) move or
   * rewrap the text when they land: the drag waits until the passage stays put for two frames, and
   * is made again, after a growing pause, if the text moved under it all the same.
   */
  async select(passage: string): Promise<void> {
    const boxOf = () => this.page.evaluate((text) => {
      const root = document.querySelector('[data-testid=transcript-text]');
      if (!root) throw new Error('no transcript on screen');
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent!.indexOf(text);
        if (at < 0) continue;
        (node.parentElement as HTMLElement).scrollIntoView({ block: 'center' });
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + text.length);
        const rects = [...range.getClientRects()];
        const first = rects[0]!;
        const last = rects[rects.length - 1]!;
        return { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2 };
      }
      throw new Error(`"${text}" is not in a rendered text node`);
    }, passage);
    const frames = () => this.page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
    let selected: string | undefined;
    for (let attempt = 0; attempt < 5 && selected !== passage; attempt++) {
      // A read still on its way (the speakers' line) may move the text after it stood still: give it longer each time.
      if (attempt > 0) await this.page.waitForTimeout(200 * 2 ** attempt);
      let box = await boxOf();
      for (let steady = 0; steady < 20; steady++) {
        await frames();
        const again = await boxOf();
        if (JSON.stringify(again) === JSON.stringify(box)) break;
        box = again;
      }
      await this.page.mouse.move(box.x1, box.y1);
      await this.page.mouse.down();
      await this.page.mouse.move((box.x1 + box.x2) / 2, box.y2, { steps: 4 });
      await this.page.mouse.move(box.x2, box.y2, { steps: 4 });
      await this.page.mouse.up();
      selected = await this.page.evaluate(() => document.getSelection()?.toString());
    }
    expect(selected).toBe(passage);
  }

  /** Types a code name into the picker and presses Enter (creating the code when it is new). */
  async applyCode(name: string): Promise<void> {
    const input = this.page.getByTestId('code-picker-input');
    await input.waitFor();
    await input.fill(name);
    await input.press('Enter');
    await this.stripe(name).first().waitFor();
  }

  stripe(codeName: string): Locator {
    return this.page.locator(`[data-testid=stripe][data-code-name="${codeName}"]`);
  }

  codeRow(name: string): Locator {
    return this.page.locator(`[data-testid=code-row][data-code-name="${name}"]`);
  }

  async mergeCode(source: string, target: string): Promise<void> {
    const row = this.codeRow(source);
    await row.hover();
    await row.getByTestId('code-menu').click();
    await this.page.getByTestId('code-merge').click();
    await this.page.getByTestId('merge-target').selectOption({ label: target });
    await this.page.getByTestId('merge-confirm').click();
    await this.codeRow(source).waitFor({ state: 'detached' });
  }

  /** Answers "who is coding?", asked when a project several people code opens. */
  async chooseCoder(name: string): Promise<void> {
    const picker = this.page.getByTestId('coder-picker');
    await picker.getByTestId(`coder-${name}`).click();
    await picker.waitFor({ state: 'detached' });
  }

  async undo(): Promise<void> {
    await this.page.getByTestId('undo').click();
  }

  async switchLanguage(code: 'en' | 'id'): Promise<void> {
    await this.page.getByTestId(`lang-${code}`).click();
  }
}
