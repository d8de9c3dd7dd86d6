import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localClient } from '../../src/api/client';
import { startE2E, type E2E } from './harness';
import { Workbench } from './pages/workbench';

/** Undo in the browser when a colleague works on the same file: refused, by name, in the interface language. */
describe('undo with another coder on the same file', () => {
  let e2e: E2E;
  let bench: Workbench;
  const codings = () => e2e.db().prepare(`
    SELECT k.name AS code, c.quote FROM codings c JOIN codes k ON k.id = c.code_id ORDER BY c.id`).all() as { code: string; quote: string }[];

  beforeAll(async () => {
    e2e = await startE2E();
    bench = new Workbench(e2e.page);
    await bench.openSampleProject();
  }, 60_000);
  afterAll(async () => { await e2e?.close(); });

  it('refuses to undo a coding a colleague has recoded since, says who, and changes nothing', async () => {
    await bench.openTranscript('P-01_fashion');
    await bench.select('polling di Instagram Story');
    await bench.applyCode('Polling Instagram');

    // The project is closed here while Rina, on the shared folder, opens it and recodes that passage; then opened again.
    const file = e2e.server.host.project!.file;
    await e2e.call('project.close', {});
    const rina = localClient({ coder: 'Rina' });
    await rina.invoke('project.open', { path: file });
    const [coding] = await rina.invoke('codings.forCode', { codeId: (await rina.invoke('codes.list', {})).find((c) => c.name === 'Polling Instagram')!.id });
    await rina.invoke('codings.recode', { id: coding!.id, codeName: 'Survei pelanggan' });
    rina.session.close();
    await e2e.call('project.open', { path: file });
    await e2e.page.reload();
    // Two people have now coded the file: the window asks who is coding here.
    await bench.chooseCoder('Peneliti E2E');
    await bench.openTranscript('P-01_fashion');
    await bench.stripe('Survei pelanggan').first().waitFor();

    expect(await e2e.page.getByTestId('undo').getAttribute('title')).toMatch(/^Undo: apply a code\n/);
    await bench.undo();
    const refusal = e2e.page.locator('.notice', { hasText: 'Rina has changed the same coding since' });
    await refusal.waitFor();
    expect(await refusal.innerText()).toMatch(/Cannot undo "apply a code": Rina has changed the same coding since\. Undo is only possible for your own latest changes; nothing was changed\.\s+Apply code "Polling Instagram"/);
    expect(codings()).toEqual([{ code: 'Survei pelanggan', quote: 'polling di Instagram Story' }]);
    expect(await bench.stripe('Polling Instagram').count()).toBe(0);
    await e2e.screenshot('undo-refused-en');

    await bench.switchLanguage('id');
    await bench.undo();
    await e2e.page.locator('.notice', { hasText: 'Tidak dapat mengurungkan "menerapkan kode": Rina telah mengubah pengodean yang sama sejak itu' }).waitFor();
    await e2e.screenshot('undo-refused-id');
    expect(codings()).toEqual([{ code: 'Survei pelanggan', quote: 'polling di Instagram Story' }]);
    await bench.switchLanguage('en');
  });
});
