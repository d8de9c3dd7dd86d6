import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2E, type E2E } from './harness';
import { Workbench } from './pages/workbench';

/**
 * The coding workbench end to end: the built renderer in Debian's Chromium, browser mode,
 * the real handler table and a real project file (the sample study).
 */
describe('coding a transcript in the browser', () => {
  let e2e: E2E;
  let bench: Workbench;
  const codings = () => e2e.db().prepare(`
    SELECT k.name AS code, c.quote FROM codings c JOIN codes k ON k.id = c.code_id ORDER BY c.id`).all() as { code: string; quote: string }[];

  beforeAll(async () => {
    e2e = await startE2E();
    bench = new Workbench(e2e.page);
  }, 60_000);
  afterAll(async () => { await e2e?.close(); });

  it('opens the sample project from the start screen', async () => {
    await e2e.screenshot('start');
    await bench.openSampleProject();
    await expect.poll(() => e2e.page.locator('.doc-link').count()).toBe(11);
    await e2e.screenshot('home');
  });

  it('selects text in a transcript, applies a new code and shows its stripe', async () => {
    await bench.openTranscript('P-01_fashion');
    await bench.select('polling di Instagram Story');
    await bench.applyCode('Polling Instagram');
    await expect.poll(() => bench.stripe('Polling Instagram').count()).toBeGreaterThan(0);
    expect(codings()).toEqual([{ code: 'Polling Instagram', quote: 'polling di Instagram Story' }]);

    await bench.select('pilihan yang saya taruh di polling');
    await bench.applyCode('Media sosial');
    expect(codings().map((c) => c.code)).toEqual(['Polling Instagram', 'Media sosial']);
    await e2e.screenshot('transcript');
  });

  it('merges two codes from the codebook, then undoes the merge', async () => {
    await bench.mergeCode('Media sosial', 'Polling Instagram');
    await expect.poll(() => bench.stripe('Polling Instagram').count()).toBe(2);
    expect(codings().map((c) => c.code)).toEqual(['Polling Instagram', 'Polling Instagram']);

    await bench.undo();
    await bench.codeRow('Media sosial').waitFor();
    await expect.poll(() => bench.stripe('Media sosial').count()).toBe(1);
    expect(codings().map((c) => c.code)).toEqual(['Polling Instagram', 'Media sosial']);
  });

  it('switches the interface to Bahasa Indonesia and back', async () => {
    await bench.switchLanguage('id');
    await expect.poll(() => e2e.page.locator('.sidebar').textContent()).toContain('Transkrip');
    await e2e.screenshot('transcript-id');
    await bench.switchLanguage('en');
    await expect.poll(() => e2e.page.locator('.sidebar').textContent()).toContain('Transcripts');
  });

  it('in Bahasa Indonesia, a refused action says why in Bahasa Indonesia', async () => {
    await bench.switchLanguage('id');
    await e2e.page.getByTestId('new-code').click();
    const input = e2e.page.getByTestId('new-code-input');
    await input.fill('Polling Instagram');
    await input.press('Enter');
    const notice = e2e.page.locator('.notice.error');
    await expect.poll(() => notice.textContent())
      .toContain('Sudah ada kode bernama "Polling Instagram" di tingkat teratas buku kode. Pakai kode itu, atau pilih nama lain.');
    await e2e.screenshot('code-name-taken-id');
    await notice.getByRole('button').click();
    await bench.switchLanguage('en');
  });
});
