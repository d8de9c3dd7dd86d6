import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2E, type E2E } from './harness';
import { Workbench } from './pages/workbench';

/** Who spoke: the speakers of the group interview mapped in the transcript header, and search-to-code that leaves questions alone. */
describe('speakers in the browser', () => {
  let e2e: E2E;
  const db = () => e2e.db();
  const mapping = () => Object.fromEntries(db().prepare(`
    SELECT t.speaker, ifnull(i.label, t.role) FROM turns t JOIN documents d ON d.id = t.document_id LEFT JOIN informants i ON i.id = t.informant_id
    WHERE d.title = 'KP-01_komunitas_kopi' AND t.speaker <> '' GROUP BY t.speaker`).raw().all() as [string, string][]);

  beforeAll(async () => {
    e2e = await startE2E();
    await new Workbench(e2e.page).openSampleProject();
  }, 60_000);
  afterAll(async () => { await e2e?.close(); });

  it('shows the group interview\'s speakers mapped to its two informants, and lets the researcher correct them', async () => {
    const bench = new Workbench(e2e.page);
    await bench.openTranscript('KP-01_komunitas_kopi');
    const speaker = (name: string) => e2e.page.locator(`[data-testid=speaker][data-speaker="${name}"]`);
    await speaker('Mbak Ayu').waitFor();
    expect(await speaker('Moderator').getByTestId('speaker-role').inputValue()).toBe('interviewer');
    expect(await speaker('Mas Dimas').getByTestId('speaker-informant').locator('option:checked').textContent()).toMatch(/^KP-01/);
    expect(await speaker('Mbak Ayu').getByTestId('speaker-informant').locator('option:checked').textContent()).toMatch(/^KP-02/);
    await e2e.screenshot('speakers-group-interview');

    // A wrong correction first, as happens: Ayu picked as KP-01 …
    const kp01 = await speaker('Mas Dimas').getByTestId('speaker-informant').inputValue();
    await speaker('Mbak Ayu').getByTestId('speaker-informant').selectOption(kp01);
    await expect.poll(mapping).toEqual({ Moderator: 'interviewer', 'Mas Dimas': 'KP-01', 'Mbak Ayu': 'KP-01' });
    // … then put right by dragging KP-02 from the header onto her.
    await e2e.page.getByTestId('transcript-informant').filter({ hasText: 'KP-02' }).dragTo(speaker('Mbak Ayu'));
    await expect.poll(mapping).toEqual({ Moderator: 'interviewer', 'Mas Dimas': 'KP-01', 'Mbak Ayu': 'KP-02' });
    // Both changes are ordinary undo steps.
    await e2e.page.getByTestId('undo').click();
    await expect.poll(mapping).toEqual({ Moderator: 'interviewer', 'Mas Dimas': 'KP-01', 'Mbak Ayu': 'KP-01' });
    await e2e.page.getByTestId('redo').click();
    await expect.poll(mapping).toEqual({ Moderator: 'interviewer', 'Mas Dimas': 'KP-01', 'Mbak Ayu': 'KP-02' });
  });

  it("codes every search hit but the interviewer's questions, and says who spoke each line", async () => {
    await e2e.page.keyboard.press('Control+f');
    const input = e2e.page.getByTestId('search-input');
    await input.fill('komunitas');
    await input.press('Enter');
    const hits = e2e.page.getByTestId('search-hit');
    // Lines are drawn a chunk at a time: wait for some (every() of none is true), then for both roles among them.
    await expect.poll(async () => {
      const lines = await hits.allTextContents();
      return lines.length > 0 && lines.every((line) => /komunitas/i.test(line));
    }).toBe(true);
    const roles = () => e2e.page.getByTestId('search-hit-role').allTextContents();
    await expect.poll(roles).toContain('interviewer');
    await expect.poll(roles).toContain('informant');
    const questions = await hits.filter({ has: e2e.page.locator('.sr-role-interviewer') }).count();
    expect(questions).toBeGreaterThan(0);
    // A question's line has no box to tick.
    expect(await hits.filter({ has: e2e.page.locator('.sr-role-interviewer') }).first().getByTestId('search-hit-check').count()).toBe(0);
    await e2e.page.getByTestId('search-select-all').click();
    await e2e.page.getByTestId('search-code-unit').selectOption('hit');
    await e2e.page.getByTestId('search-code-name').fill('Peran komunitas');
    await e2e.page.getByTestId('search-code-apply').click();
    await expect.poll(() => db().prepare(`SELECT count(*) FROM codings`).pluck().get()).toBeGreaterThan(0);
    const inQuestions = db().prepare(`SELECT count(*) FROM codings c JOIN turns t ON t.document_id = c.document_id
      AND t.start_offset < c.end_offset AND c.start_offset < t.end_offset WHERE t.role <> 'informant'`).pluck().get();
    expect(inQuestions).toBe(0);
    await e2e.screenshot('search-roles');
  });

  it('names the informant never interviewed apart, on the project page and under the matrix, and explains an empty search', async () => {
    await e2e.page.locator('.nav-link', { hasText: 'Project' }).click();
    const badge = e2e.page.getByTestId('not-interviewed-badge');
    await badge.first().waitFor();
    expect(await badge.count()).toBe(1);
    expect(await e2e.page.getByTestId('informant-row').filter({ has: badge }).getByTestId('informant-label').inputValue()).toBe('K-04');
    expect(await e2e.page.getByTestId('type-not-interviewed').textContent()).toBe('1 not interviewed');
    await e2e.screenshot('home-not-interviewed');

    await e2e.page.locator('.nav-link', { hasText: 'Triangulation' }).click();
    await e2e.page.getByTestId('rows-toggle').getByText('Codes').click();
    const note = e2e.page.getByTestId('not-interviewed');
    await note.waitFor();
    expect(await note.textContent()).toContain('Konsumen: K-04');
    // Three consumers were interviewed, not four.
    expect(await e2e.page.locator('th[data-column]', { hasText: 'Konsumen' }).textContent()).toContain('(3)');
    await e2e.screenshot('triangulation-not-interviewed');

    await e2e.page.keyboard.press('Control+f');
    const input = e2e.page.getByTestId('search-input');
    await input.fill('mitra DAN zebrakuda');
    await input.press('Enter');
    await expect.poll(() => e2e.page.getByTestId('search-empty-reason').textContent()).toContain('“zebrakuda”');
    await e2e.screenshot('search-empty-reason');
  });
});
