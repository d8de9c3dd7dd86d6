import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2E, type E2E } from './harness';
import { ThemeMapPage, type ScreenBox } from './pages/theme-map';
import { Workbench } from './pages/workbench';

const LONG_CODE = 'Polling warna produk lewat Instagram Story setiap bulan bersama pelanggan';
const THEMES = ['Praktik co-creation', 'Loyalitas pelanggan', 'Keunggulan bersaing', 'Peran komunitas', 'Dukungan pemerintah'];

const inside = (box: ScreenBox, frame: ScreenBox) =>
  box.x >= frame.x - 0.5 && box.y >= frame.y - 0.5 && box.x + box.width <= frame.x + frame.width + 0.5 && box.y + box.height <= frame.y + frame.height + 0.5;
const overlaps = (a: ScreenBox, b: ScreenBox) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** The theme map keeps what the researcher placed, and "Fit" shows all of it. */
describe('the theme map in the browser', () => {
  let e2e: E2E;
  let map: ThemeMapPage;
  const db = () => e2e.db();
  const stored = () => new Map((db().prepare('SELECT t.name, p.x, p.y FROM themes t LEFT JOIN theme_positions p ON p.theme_id = t.id').all() as { name: string; x: number | null; y: number | null }[]).map((r) => [r.name, { x: r.x, y: r.y }]));

  beforeAll(async () => {
    e2e = await startE2E();
    await new Workbench(e2e.page).openSampleProject();
    const ids: number[] = [];
    for (const name of THEMES) ids.push((await e2e.call('themes.create', { name })).id);
    await e2e.call('themes.create', { name: 'Polling di Instagram', parentId: ids[0]! });
    // A code with a long name, as Indonesian code names often are.
    await e2e.codePassage('P-01_fashion', 'polling di Instagram Story', LONG_CODE);
    const codeId = db().prepare('SELECT id FROM codes WHERE name = ?').pluck().get(LONG_CODE) as number;
    await e2e.call('themes.addCodes', { id: ids[0]!, codeIds: [codeId] });
    await e2e.page.reload();
    await e2e.page.locator('.doc-link').first().waitFor();
    map = new ThemeMapPage(e2e.page);
    await map.open();
  }, 90_000);
  afterAll(async () => { await e2e?.close(); });

  it('keeps themes placed by hand where they are when a link is drawn', async () => {
    for (const [name, dx, dy] of [['Keunggulan bersaing', 60, 220], ['Peran komunitas', -140, 330]] as const) {
      const was = stored().get(name);
      await map.drag(name, dx, dy);
      await expect.poll(() => stored().get(name)).not.toEqual(was);
    }
    const before = stored();
    const onScreen = new Map(await Promise.all(THEMES.map(async (name) => [name, await map.nodeBox(name)] as const)));

    await map.link('Praktik co-creation', 'Loyalitas pelanggan', 'influences', 'H1');
    await e2e.page.locator('[data-testid=map-link][data-label="H1"]').waitFor({ state: 'attached' });
    await map.link('Peran komunitas', 'Keunggulan bersaing', 'associated-with');
    await e2e.page.locator('[data-testid=map-link][data-kind="associated-with"]').waitFor({ state: 'attached' });
    await e2e.page.keyboard.press('Escape');

    expect(stored()).toEqual(before);
    for (const name of THEMES) expect(await map.nodeBox(name), name).toEqual(onScreen.get(name));
    // The sub-theme is joined to its theme by the dashed connector the legend explains.
    await e2e.page.getByTestId('map-parent-edge').waitFor({ state: 'attached' });
    await expect.poll(() => e2e.page.getByTestId('map-legend-parent').textContent()).toContain('sub-theme of');
    await e2e.screenshot('theme-map-placed');
  });

  it('takes a theme’s sub-theme along when the theme is dragged', async () => {
    const [parent, child] = [stored().get('Praktik co-creation')!, stored().get('Polling di Instagram')!];
    const box = await map.nodeBox('Praktik co-creation');
    await map.drag('Praktik co-creation', 0, 70);
    await expect.poll(() => stored().get('Praktik co-creation')).not.toEqual(parent);
    const [movedParent, movedChild] = [stored().get('Praktik co-creation')!, stored().get('Polling di Instagram')!];
    expect(movedChild.x! - child.x!).toBe(movedParent.x! - parent.x!);
    expect(movedChild.y! - child.y!).toBe(movedParent.y! - parent.y!);
    expect((await map.nodeBox('Praktik co-creation')).y).toBeGreaterThan(box.y);
  });

  it('brings every node into view with Fit, none under the side panel', async () => {
    // A theme the researcher dragged far off, beyond the canvas.
    await map.drag('Dukungan pemerintah', 700, 300);
    await expect.poll(() => (stored().get('Dukungan pemerintah')?.x ?? 0) > 500).toBe(true);
    await map.drag('Dukungan pemerintah', 700, 300);
    await expect.poll(() => (stored().get('Dukungan pemerintah')?.x ?? 0) > 1000).toBe(true);
    await map.node('Loyalitas pelanggan').click();
    await e2e.page.getByTestId('map-theme-panel').waitFor();
    await map.fit();
    await e2e.page.waitForTimeout(200);
    const { stage, panel } = await map.frame();
    const legend = (await e2e.page.locator('.map-legend').boundingBox())!;
    for (const name of [...THEMES, 'Polling di Instagram']) {
      const box = await map.nodeBox(name);
      expect(inside(box, stage), `${name} inside the canvas`).toBe(true);
      expect(overlaps(box, panel), `${name} under the side panel`).toBe(false);
      expect(overlaps(box, legend), `${name} under the legend`).toBe(false);
    }
    await e2e.screenshot('theme-map-fit');
  });

  it('shows a long code name whole, on as many lines as it needs', async () => {
    await e2e.page.getByTestId('map-show-codes').check();
    const code = e2e.page.locator(`[data-testid=map-code][data-code-name="${LONG_CODE}"]`);
    await code.waitFor();
    const lines = await code.locator('text').allTextContents();
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.join(' ')).toBe(LONG_CODE);
    const pill = (await code.locator('rect').last().boundingBox())!;
    const last = (await code.locator('text').last().boundingBox())!;
    expect(last.y + last.height).toBeLessThanOrEqual(pill.y + pill.height + 0.5);
    await map.fit();
    await e2e.screenshot('theme-map-codes');
    await e2e.page.getByTestId('map-show-codes').uncheck();
  });

  it('exports the figure in Indonesian from the browser session', async () => {
    const { svg } = await e2e.call('export.themeMap', { language: 'id' });
    expect(svg).toContain('>berkaitan dengan<');
    expect(svg).toContain('>subtema dari<');
  });
});
