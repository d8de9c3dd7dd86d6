import type { Locator, Page } from 'playwright-core';

export interface ScreenBox { readonly x: number; readonly y: number; readonly width: number; readonly height: number }

/** Page object for the theme map: what a researcher does on it, in their words. */
export class ThemeMapPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.locator('.nav-link', { hasText: 'Theme map' }).click();
    await this.page.getByTestId('theme-map').waitFor();
    await this.page.getByTestId('map-node').first().waitFor();
  }

  node(name: string): Locator {
    return this.page.locator(`[data-testid=map-node][data-theme-name="${name}"]`);
  }

  /** The box of a theme on screen (its rectangle, not the selection ring). */
  async nodeBox(name: string): Promise<ScreenBox> {
    const box = await this.node(name).locator('.map-node-box').boundingBox();
    if (!box) throw new Error(`Theme "${name}" is not drawn`);
    return box;
  }

  /** Drags a theme by (dx, dy) screen pixels with the mouse, in small steps as a hand does. */
  async drag(name: string, dx: number, dy: number): Promise<void> {
    const box = await this.nodeBox(name);
    const from = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    await this.page.mouse.move(from.x, from.y);
    await this.page.mouse.down();
    await this.page.mouse.move(from.x + dx / 2, from.y + dy / 2, { steps: 8 });
    await this.page.mouse.move(from.x + dx, from.y + dy, { steps: 8 });
    await this.page.mouse.up();
  }

  /** Draws a link of `kind` from one theme to another with the link tool. */
  async link(from: string, to: string, kind: string, label = ''): Promise<void> {
    // The tool stays on after a link, ready for the next one.
    const tool = this.page.getByTestId('link-tool');
    if ((await tool.getAttribute('aria-pressed')) !== 'true') await tool.click();
    await this.page.getByTestId('link-kind-select').selectOption(kind);
    await this.page.getByTestId('link-label-input').fill(label);
    await this.node(from).click();
    await this.node(to).click();
  }

  async fit(): Promise<void> {
    await this.page.getByTestId('map-fit').click();
  }

  /** The drawing area on screen and the side panel beside (or over) it. */
  async frame(): Promise<{ stage: ScreenBox; panel: ScreenBox }> {
    const stage = await this.page.locator('.map-stage').boundingBox();
    const panel = await this.page.getByTestId('map-panel').boundingBox();
    if (!stage || !panel) throw new Error('The map has no stage or side panel');
    return { stage, panel };
  }
}
