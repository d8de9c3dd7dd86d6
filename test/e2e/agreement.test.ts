import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localClient } from '../../src/api/client';
import type { AgreementResult } from '../../src/domain/agreement';
import { startE2E, type E2E } from './harness';
import { seriousViolations } from './pages/axe';
import { Workbench } from './pages/workbench';

/**
 * Two coders code the sample study (the second one under her own name on the same file); the
 * researcher opens the Agreement screen, reads α, drills down to the disagreements of a code,
 * exports the table as CSV and opens a disagreement in its transcript.
 */
describe('the Agreement screen', () => {
  let e2e: E2E;
  let bench: Workbench;
  let expected: AgreementResult;

  beforeAll(async () => {
    e2e = await startE2E();
    bench = new Workbench(e2e.page);
    await bench.openSampleProject();
    await e2e.call('search.code', { query: 'polling', unit: 'sentence', codeName: 'polling' });
    await e2e.call('search.code', { query: 'kapasitas', unit: 'sentence', codeName: 'kapasitas produksi' });
    // Rina, on the shared folder, codes the same file: polling alike, production capacity elsewhere.
    const file = e2e.server.host.project!.file;
    await e2e.call('project.close', {});
    const rina = localClient({ coder: 'Rina' });
    await rina.invoke('project.open', { path: file });
    await rina.invoke('search.code', { query: 'polling', unit: 'sentence', codeName: 'polling' });
    await rina.invoke('search.code', { query: 'produksi', unit: 'sentence', codeName: 'kapasitas produksi' });
    expected = await rina.invoke('analysis.agreement', { coders: ['Peneliti E2E', 'Rina'] });
    rina.session.close();
    await e2e.call('project.open', { path: file });
    await e2e.page.reload();
    await bench.chooseCoder('Peneliti E2E');
  }, 90_000);
  afterAll(async () => { await e2e?.close(); });

  it('shows α with its unit, drills down to the disagreements and exports the table as CSV', async () => {
    const page = e2e.page;
    await page.locator('.nav-link', { hasText: 'Agreement' }).click();
    const table = page.getByTestId('agreement-table');
    await table.waitFor();
    // Everyone who coded is compared by default, by speaker turn.
    expect(await page.getByTestId('agreement-coder-Peneliti E2E').isChecked()).toBe(true);
    expect(await page.getByTestId('agreement-coder-Rina').isChecked()).toBe(true);
    expect(await table.locator('thead').innerText()).toMatch(/Units \(speaker turns\)[\s\S]*Cohen’s κ[\s\S]*Brennan–Prediger κ[\s\S]*Krippendorff’s α \(nominal\)/);
    const overall = expected.rows[0]!;
    expect(overall.alpha).not.toBeNull();
    await expect.poll(() => page.getByTestId('agreement-row-overall').getByTestId('agreement-alpha').innerText()).toBe(overall.alpha!.toFixed(3));
    const capacity = expected.rows.find((r) => r.label === 'kapasitas produksi')!;
    expect(capacity.disagreements).toBeGreaterThan(0);
    const row = page.getByTestId(`agreement-row-code:${capacity.codeId}`);
    expect(await row.getByTestId('agreement-alpha').innerText()).toBe(capacity.alpha === null ? '–' : capacity.alpha.toFixed(3));
    await e2e.screenshot('agreement-table');

    await row.click();
    const drill = page.getByTestId('agreement-disagreements');
    await drill.getByTestId('agreement-disagreement').first().waitFor();
    const items = await drill.getByTestId('agreement-disagreement').count();
    expect(items).toBe(Math.min(capacity.disagreements, 25));
    const first = await drill.getByTestId('agreement-disagreement').first().innerText();
    expect(first).toMatch(/kapasitas produksi/);
    expect(first).toMatch(/Peneliti E2E: (kapasitas produksi|\(none\))/);
    expect(first).toMatch(/Rina: (kapasitas produksi|\(none\))/);
    await e2e.screenshot('agreement-drill-down');
    await page.waitForTimeout(300);
    const violations = await seriousViolations(page, []);
    expect(violations, JSON.stringify(violations, null, 1)).toEqual([]);

    const download = page.waitForEvent('download');
    await page.locator('.ag-toolbar').getByTestId('export-csv').click();
    const saved = await download;
    expect(saved.suggestedFilename()).toMatch(/agreement-turn\.csv$/);
    const file = path.join(e2e.dataDir, 'kesepakatan.csv');
    await saved.saveAs(file);
    const csv = fs.readFileSync(file, 'utf8');
    expect(csv.split(/\r?\n/)[0]).toContain('Krippendorff\'s α (nominal)');
    expect(csv).toContain('kapasitas produksi');

    // A disagreement opens its transcript at the passage.
    await drill.getByTestId('agreement-open-transcript').first().click();
    await page.getByTestId('transcript-view').waitFor();

    // Or the comparison view of its document, with the two coders compared and only its code chosen.
    await page.locator('.nav-link', { hasText: 'Agreement' }).click();
    await page.getByTestId(`agreement-row-code:${capacity.codeId}`).click();
    await drill.getByTestId('agreement-open-compare').first().click();
    const compare = page.getByTestId('compare-view');
    await compare.getByTestId('compare-panel').waitFor();
    const coderName = async (testId: string) => compare.getByTestId(testId).evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]!.text);
    expect([await coderName('compare-first'), await coderName('compare-second')].sort()).toEqual(['Peneliti E2E', 'Rina']);
    expect(await compare.getByTestId('compare-all-codes').isChecked()).toBe(false);
    const chosen = compare.locator('[data-testid="compare-code"]', { has: page.locator('input:checked') });
    await expect.poll(() => chosen.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-code-name')))).toEqual(['kapasitas produksi']);
    await e2e.screenshot('agreement-to-compare');
  });

  it('explains an empty cell and speaks Indonesian', async () => {
    const page = e2e.page;
    await page.locator('.nav-link', { hasText: 'Agreement' }).click();
    await page.getByTestId('agreement-table').waitFor();
    await bench.switchLanguage('id');
    await page.getByTestId('agreement-unit').selectOption('document');
    await expect.poll(() => page.getByTestId('agreement-table').locator('thead').innerText()).toMatch(/Unit \(transkrip\)[\s\S]*α Krippendorff \(nominal\)/);
    await page.getByTestId('agreement-scope-documents').click();
    await page.getByTestId('agreement-row-overall').waitFor();
    await e2e.screenshot('agreement-documents-id');
    const reasons = await page.getByTestId('agreement-empty-reason').allInnerTexts();
    // Per document, by document unit: each document is one unit, so α is undefined wherever values do not vary.
    expect(reasons.length).toBeGreaterThan(0);
    for (const reason of reasons) expect(reason).toMatch(/^tidak terdefinisi: /);
    await bench.switchLanguage('en');
  });
});
