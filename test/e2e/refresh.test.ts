import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2E, type E2E } from './harness';
import { Workbench } from './pages/workbench';

/**
 * What the renderer reads, counted at the wire: each query once however many views show it,
 * and after a change only what that change touched (src/api/touches.ts).
 */
describe('the renderer reads only what changed', () => {
  let e2e: E2E;
  let bench: Workbench;
  let reads: string[] = [];
  const count = (name: string) => reads.filter((n) => n === name).length;
  /** Waits until no request has gone out for a moment, so the counts are final. */
  const settled = async () => {
    let seen = -1;
    while (seen !== reads.length) {
      seen = reads.length;
      await e2e.page.waitForTimeout(400);
    }
  };

  beforeAll(async () => {
    e2e = await startE2E();
    bench = new Workbench(e2e.page);
    e2e.page.on('request', (request) => {
      if (request.url().endsWith('/api/invoke')) reads.push((request.postDataJSON() as { name: string }).name);
    });
    await bench.openSampleProject();
  }, 60_000);
  afterAll(async () => { await e2e?.close(); });

  it('reads each list once when the page loads, though the sidebar and the project home both show them', async () => {
    reads = [];
    await e2e.page.reload();
    await e2e.page.getByTestId('informant-row').first().waitFor();
    await settled();
    for (const list of ['documents.list', 'informants.list', 'informantTypes.list', 'attributes.list', 'project.stats']) expect(count(list), list).toBe(1);
  });

  it('applying a code reads that transcript\'s codings and the counts again, not its text nor the informants', async () => {
    await bench.openTranscript('P-01_fashion');
    await settled();
    expect(count('documents.text')).toBe(1);
    reads = [];
    await bench.select('polling di Instagram Story');
    await bench.applyCode('Polling Instagram');
    await settled();
    expect(count('codings.apply')).toBe(1);
    expect(count('codings.forDocument')).toBe(1);
    expect(count('codes.list')).toBe(1);
    expect(count('documents.list')).toBe(1);
    expect(count('documents.text')).toBe(0);
    expect(count('informants.list')).toBe(0);
    expect(count('informantTypes.list')).toBe(0);
    await e2e.screenshot('transcript-coded');
  });

  it('undo may have changed anything: every query on screen is read again, the text included', async () => {
    reads = [];
    await bench.undo();
    await expect.poll(() => bench.stripe('Polling Instagram').count()).toBe(0);
    await settled();
    expect(count('documents.text')).toBe(1);
    expect(count('codings.forDocument')).toBe(1);
    expect(count('informants.list')).toBe(1);
  });
});
