import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localClient } from '../../src/api/client';
import { startE2E, type E2E } from './harness';
import { seriousViolations } from './pages/axe';
import { Workbench } from './pages/workbench';

/** Two people coded one transcript: compare them, settle a disagreement, then code blind. */
describe('comparing coders, settling a disagreement, coding blind', () => {
  let e2e: E2E;
  let bench: Workbench;
  const codings = () => e2e.db().prepare(`
    SELECT r.name AS coder, c.quote FROM codings c JOIN coders r ON r.id = c.coder_id ORDER BY c.start_offset, r.name`).all() as { coder: string; quote: string }[];

  beforeAll(async () => {
    e2e = await startE2E();
    bench = new Workbench(e2e.page);
    await bench.openSampleProject();
  }, 60_000);
  afterAll(async () => { await e2e?.close(); });

  it('shows where two coders agree and differ, settles one by keeping a coding, and hides the other coder while blind', async () => {
    const { page } = e2e;
    await bench.openTranscript('P-01_fashion');
    // The speakers' line and the codebook beside the text come with reads of their own, and move or rewrap the
    // text when they land: select once both are there.
    await page.getByTestId('speaker-map').waitFor();
    await page.getByTestId('codebook-panel').waitFor();
    await bench.select('polling di Instagram Story');
    await bench.applyCode('Polling Instagram');

    // Rina codes the same transcript on the shared file: a longer stretch of the same passage, and one passage only she coded.
    const file = e2e.server.host.project!.file;
    await e2e.call('project.close', {});
    const rina = localClient({ coder: 'Rina' });
    await rina.invoke('project.open', { path: file });
    const document = (await rina.invoke('documents.list', {})).find((d) => d.title === 'P-01_fashion')!;
    const { text } = await rina.invoke('documents.text', { id: document.id });
    const code = (await rina.invoke('codes.list', {})).find((c) => c.name === 'Polling Instagram')!;
    for (const passage of ['Yang paling sering itu polling di Instagram Story', 'upload tiga sampai empat pilihan']) {
      const start = text.indexOf(passage);
      await rina.invoke('codings.apply', { documentId: document.id, codeId: code.id, start, end: start + passage.length });
    }
    rina.session.close();
    await e2e.call('project.open', { path: file });
    await page.reload();
    await bench.chooseCoder('Peneliti E2E');
    await bench.openTranscript('P-01_fashion');
    await expect.poll(() => bench.stripe('Polling Instagram').count()).toBe(3);

    await page.getByTestId('compare-coders').click();
    const view = page.getByTestId('compare-view');
    await view.waitFor();
    expect(await page.getByTestId('compare-first').inputValue()).not.toBe(await page.getByTestId('compare-second').inputValue());
    const summary = page.getByTestId('compare-summary');
    await summary.waitFor();
    expect(await summary.innerText()).toMatch(/unit: speaker turn · percent agreement [\d.]+% · Cohen's κ [-\d.—]+ · Krippendorff's α [-\d.—]+/);
    const disagreements = page.getByTestId('disagreement');
    await expect.poll(() => disagreements.count()).toBe(2);
    expect(await disagreements.nth(0).innerText()).toMatch(/Polling Instagram[\s\S]*Rina coded 23 more characters around the 26 both coded/);
    expect(await disagreements.nth(1).innerText()).toMatch(/Rina only[\s\S]*upload tiga sampai empat pilihan/);
    // The text shows what both coded, and what only Rina did.
    expect(await page.locator('[data-testid=compare-text] [data-status=both]').first().innerText()).toBe('polling di Instagram Story');
    expect(await page.locator('[data-testid=compare-text] [data-status=second]').count()).toBeGreaterThanOrEqual(2);
    await disagreements.nth(0).locator('.cmp-item-head').click();
    await e2e.screenshot('compare-coders');
    await page.waitForTimeout(300);
    expect(await seriousViolations(page)).toEqual([]);

    // Keep my reading of the first disagreement: Rina's longer coding there goes, and mine is the consensus.
    await disagreements.nth(0).getByTestId('keep-first').click();
    await expect.poll(() => disagreements.count()).toBe(1);
    expect(codings()).toEqual([
      { coder: 'Consensus', quote: 'polling di Instagram Story' },
      { coder: 'Peneliti E2E', quote: 'polling di Instagram Story' },
      { coder: 'Rina', quote: 'upload tiga sampai empat pilihan' },
    ]);
    await page.getByTestId('compare-show-settled').check();
    await expect.poll(() => disagreements.count()).toBe(2);
    expect(await disagreements.nth(0).innerText()).toMatch(/Peneliti E2E only[\s\S]*Settled/);
    expect(await disagreements.nth(0).getByTestId('keep-first').count()).toBe(0);
    await e2e.screenshot('compare-settled');
    await bench.switchLanguage('id');
    await page.locator('.cmp-title', { hasText: 'Bandingkan pengode' }).waitFor();
    expect(await summary.innerText()).toMatch(/unit: giliran bicara · persentase kesepakatan [\d,]+% · κ Cohen [-\d,—]+ · α Krippendorff [-\d,—]+/);
    await e2e.screenshot('compare-settled-id');
    await bench.switchLanguage('en');
    expect(await page.getByTestId('undo').getAttribute('title')).toMatch(/^Undo: settle a disagreement\n/);

    // Blind: only my codings in the stripes and the codebook counts, and the view says so.
    await bench.openTranscript('P-01_fashion');
    await expect.poll(() => bench.stripe('Polling Instagram').count()).toBe(3);
    // The coder filter: Rina's codings only, and the count says whose.
    await page.getByTestId('coder-filter').click();
    await page.getByTestId('coder-filter-Peneliti E2E').uncheck();
    await page.getByTestId('coder-filter-Consensus').uncheck();
    await expect.poll(() => bench.stripe('Polling Instagram').count()).toBe(1);
    // The stripe, the transcript's count and the codebook's counts are re-read separately: wait for each.
    await expect.poll(() => page.getByTestId('transcript-codings-count').innerText()).toBe('1 codings by Rina');
    await expect.poll(() => page.getByTestId('codebook-counts-of').innerText()).toBe('counts: Rina');
    await expect.poll(() => bench.codeRow('Polling Instagram').getByTestId('code-codings').innerText()).toBe('1');
    await e2e.screenshot('coder-filter');
    await page.getByTestId('coder-filter-Peneliti E2E').check();
    await page.getByTestId('coder-filter-Consensus').check();
    await page.getByTestId('coder-filter').click();
    await expect.poll(() => bench.stripe('Polling Instagram').count()).toBe(3);
    await page.getByTestId('blind-toggle').click();
    await page.getByTestId('blind-on').waitFor();
    await expect.poll(() => bench.stripe('Polling Instagram').count()).toBe(1);
    expect(await page.getByTestId('transcript-codings-count').innerText()).toBe('1 codings by Peneliti E2E');
    expect(await bench.codeRow('Polling Instagram').getByTestId('code-codings').innerText()).toBe('1');
    expect(await page.getByTestId('codebook-counts-of').innerText()).toBe('Blind coding: showing your codings only');
    expect(await page.getByTestId('compare-coders').count()).toBe(0);
    await e2e.screenshot('blind-coding');
    await page.waitForTimeout(300);
    expect(await seriousViolations(page)).toEqual([]);

    // Remembered for this project on this computer: a reload keeps it blind.
    await page.reload();
    await bench.openTranscript('P-01_fashion');
    await page.getByTestId('blind-on').waitFor();
    await expect.poll(() => bench.stripe('Polling Instagram').count()).toBe(1);
    await page.getByTestId('blind-toggle').click();
    await expect.poll(() => bench.stripe('Polling Instagram').count()).toBe(3);
  });
});
