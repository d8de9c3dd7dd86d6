import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localClient } from '../../src/api/client';
import { startE2E, type E2E } from './harness';
import { seriousViolations } from './pages/axe';
import { Workbench } from './pages/workbench';

/**
 * Team coding in the browser: the lead makes a copy for Bima from the project menu, Bima codes the
 * copy (his own Tematik, here a local client), and the lead merges it back through the merge
 * dialog, settling a conflicting rename, and reads the report.
 */
describe('a copy for another coder, merged back through the UI', () => {
  let e2e: E2E;
  let bench: Workbench;
  let copy: string;
  const page = () => e2e.page;
  const openMenuItem = async (testId: string) => {
    await page().getByTestId('project-menu').click();
    await page().getByTestId(testId).click();
  };

  beforeAll(async () => {
    e2e = await startE2E();
    bench = new Workbench(e2e.page);
    await bench.openSampleProject();
    await e2e.codePassage('P-01_fashion', 'polling di Instagram Story', 'Polling Instagram');
    copy = path.join(e2e.dataDir, 'untuk-bima.tematik');
  }, 60_000);
  afterAll(async () => { await e2e?.close(); });

  it('makes the copy from the project menu', async () => {
    await openMenuItem('menu-copy-for-coder');
    const dialog = page().getByTestId('copy-for-coder-dialog');
    await dialog.getByTestId('copy-for-coder-name').fill('Bima');
    await dialog.getByTestId('copy-for-coder-path').fill(copy);
    expect(await seriousViolations(page())).toEqual([]);
    await dialog.getByTestId('copy-for-coder-submit').click();
    await expect(dialog.getByTestId('copy-for-coder-done').innerText()).resolves.toContain(`The copy for Bima is at ${copy}`);
    await dialog.getByTestId('copy-for-coder-close').click();
  });

  it('shows what the coded copy brings and the conflicting rename, merges it with the choice made, and reports', async () => {
    // Bima codes his copy and renames the code; meanwhile the lead renames it too.
    const bima = localClient({ coder: 'Bima' });
    await bima.invoke('project.open', { path: copy });
    const doc = (await bima.invoke('documents.list', {})).find((d) => d.title === 'P-01_fashion')!;
    const text = (await bima.invoke('documents.text', { id: doc.id })).text;
    for (const passage of ['polling di Instagram Story', 'reseller']) {
      const start = text.indexOf(passage);
      await bima.invoke('codings.apply', { documentId: doc.id, start, end: start + passage.length, codeName: 'Polling Instagram' });
    }
    const code = (await bima.invoke('codes.list', {})).find((c) => c.name === 'Polling Instagram')!;
    await bima.invoke('codes.update', { id: code.id, name: 'Polling IG' });
    bima.session.close();
    await e2e.call('codes.update', { id: code.id, name: 'Polling pelanggan' });
    await openMenuItem('menu-merge-copy');
    const dialog = page().getByTestId('merge-dialog');
    await dialog.getByTestId('merge-path').fill(copy);
    await dialog.getByTestId('merge-show-plan').click();
    await dialog.getByTestId('merge-plan').waitFor();
    await expect(dialog.getByTestId('merge-origin').innerText()).resolves.toMatch(/untuk-bima\.tematik: the copy made for Bima on \d{4}-\d{2}-\d{2}\./);
    await expect(dialog.getByTestId('merge-plan').innerText()).resolves.toContain('Bima: 2 to add, 0 already here');
    const conflict = dialog.getByTestId('merge-conflict');
    await expect(conflict.innerText()).resolves.toContain('Renamed differently: "Polling pelanggan" here, "Polling IG" in the copy');
    expect(await conflict.getByTestId('merge-choice-project').isChecked()).toBe(true);
    await conflict.getByTestId('merge-choice-copy').check();
    await e2e.screenshot('merge-dialog');
    expect(await seriousViolations(page())).toEqual([]);
    await dialog.getByTestId('merge-submit').click();
    const report = dialog.getByTestId('merge-report');
    await report.waitFor();
    await expect(report.innerText()).resolves.toContain('Bima: 2 codings added, 0 already here');
    await expect(report.innerText()).resolves.toContain('Polling pelanggan: taken from the copy');
    await e2e.screenshot('merge-report');
    const rows = e2e.db().prepare(`SELECT u.name AS coder, k.name AS code, c.quote FROM codings c JOIN coders u ON u.id = c.coder_id JOIN codes k ON k.id = c.code_id ORDER BY c.id`).all();
    expect(rows).toEqual([
      { coder: 'Peneliti E2E', code: 'Polling IG', quote: 'polling di Instagram Story' },
      { coder: 'Bima', code: 'Polling IG', quote: 'polling di Instagram Story' },
      { coder: 'Bima', code: 'Polling IG', quote: 'reseller' },
    ]);
    await dialog.getByTestId('merge-close').click();
    // The lead who merged is not asked "who is coding?" although two people have coded the project now.
    expect(await page().getByTestId('coder-picker').count()).toBe(0);

    // Merging it again changes nothing, and says so.
    await openMenuItem('menu-merge-copy');
    await dialog.getByTestId('merge-path').fill(copy);
    await dialog.getByTestId('merge-show-plan').click();
    await expect(dialog.getByTestId('merge-plan').innerText()).resolves.toContain('Bima: 0 to add, 2 already here');
    await dialog.getByTestId('merge-submit').click();
    await expect(dialog.getByTestId('merge-report').innerText()).resolves.toContain('holds nothing new');
    await dialog.getByTestId('merge-close').click();
  });

  it('compares the lead with the merged copy\'s coder in the comparison view', async () => {
    await bench.openTranscript('P-01_fashion');
    await page().getByTestId('compare-coders').click();
    const view = page().getByTestId('compare-view');
    await view.getByTestId('compare-panel').waitFor();
    const coderName = async (testId: string) => view.getByTestId(testId).evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]!.text);
    expect([await coderName('compare-first'), await coderName('compare-second')].sort()).toEqual(['Bima', 'Peneliti E2E']);
    // Both coded the Instagram polling; only Bima coded "reseller": one disagreement, in Bima's colour.
    await expect.poll(() => view.locator('[data-testid=compare-text] [data-status=both]').first().innerText()).toBe('polling di Instagram Story');
    const disagreements = view.getByTestId('disagreement');
    await expect.poll(() => disagreements.count()).toBe(1);
    expect(await disagreements.first().innerText()).toMatch(/Polling IG[\s\S]*Bima only[\s\S]*reseller/);
    await e2e.screenshot('merge-then-compare');
  });

  it('carries the codings of a copy made before the lead edited the transcript, and lists the one it cannot place', async () => {
    await page().keyboard.press('Escape');
    const late = path.join(e2e.dataDir, 'untuk-citra.tematik');
    await e2e.call('team.copyForCoder', { path: late, coder: 'Citra' });
    const citra = localClient({ coder: 'Citra' });
    await citra.invoke('project.open', { path: late });
    const doc = (await citra.invoke('documents.list', {})).find((d) => d.title === 'P-01_fashion')!;
    const text = (await citra.invoke('documents.text', { id: doc.id })).text;
    for (const passage of ['awalnya cuma jual lewat Instagram', 'Banyak yang komplain di DM.']) {
      const start = text.indexOf(passage);
      await citra.invoke('codings.apply', { documentId: doc.id, start, end: start + passage.length, codeName: 'Kendala' });
    }
    citra.session.close();
    // The lead, meanwhile, corrects a word of one passage and cuts the other sentence.
    const now = await e2e.call('documents.get', { id: doc.id });
    const at = (words: string) => now.text.indexOf(words);
    await e2e.call('documents.editText', { id: doc.id, expectedHash: now.contentHash, edits: [
      { start: at('cuma jual'), end: at('cuma jual') + 4, text: 'hanya' },
      { start: at(' Banyak yang komplain di DM.'), end: at(' Banyak yang komplain di DM.') + 28, text: '' },
    ] });

    await openMenuItem('menu-merge-copy');
    const dialog = page().getByTestId('merge-dialog');
    await dialog.getByTestId('merge-path').fill(late);
    await dialog.getByTestId('merge-show-plan').click();
    await dialog.getByTestId('merge-plan').waitFor();
    const conflict = dialog.getByTestId('merge-conflict');
    await expect(conflict.innerText()).resolves.toContain('Carry each coding to the same words');
    expect(await conflict.getByTestId('merge-choice-reanchor').isChecked()).toBe(true);
    const placing = dialog.getByTestId('merge-reanchoring');
    await expect(placing.innerText()).resolves.toContain('1 carried to the same words, 0 placed where their text occurs once, 1 not placed');
    await expect(placing.getByTestId('merge-unplaced').innerText()).resolves.toBe(`Kendala · Citra · "P-01_fashion" at ${text.indexOf('Banyak yang komplain')}: "Banyak yang komplain di DM."`);
    expect(await seriousViolations(page())).toEqual([]);
    await dialog.getByTestId('merge-submit').click();
    const report = dialog.getByTestId('merge-report');
    await report.waitFor();
    await expect(report.innerText()).resolves.toContain('Citra: 1 codings added, 0 already here');
    await expect(report.getByTestId('merge-unplaced').innerText()).resolves.toContain('Banyak yang komplain di DM.');
    await e2e.screenshot('merge-reanchored');
    const rows = e2e.db().prepare(`SELECT c.quote FROM codings c JOIN coders u ON u.id = c.coder_id WHERE u.name = 'Citra'`).pluck().all();
    expect(rows).toEqual(['awalnya hanya jual lewat Instagram']);
    await dialog.getByTestId('merge-close').click();
  });
});
