import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReviewCommentsFileInput } from '../../src/review/comments-file';
import { startE2E, type E2E } from './harness';
import { ThemeMapPage } from './pages/theme-map';

type Row = { id: number; guid: string; name: string };
const comment = (n: number, kind: 'theme' | 'link' | 'code' | 'coding', guid: string, label: string, body: string) => ({
  guid: `c0ffee00-0000-4000-8000-${String(n).padStart(12, '0')}`, target: { kind, guid, label }, body, createdAt: `2026-12-02T09:0${n}:00.000Z`,
});

/** A supervisor's comments come back into the project: chosen in the dialog, or dropped on the window; then read where they belong. */
describe('importing review comments in the browser', () => {
  let e2e: E2E;
  let rows: { project: string; theme: Row; code: Row; coding: Row & { quote: string } };
  let file: ReviewCommentsFileInput;
  const page = () => e2e.page;

  beforeAll(async () => {
    e2e = await startE2E();
    await page().getByTestId('open-sample-worked').click();
    await page().locator('.doc-link').first().waitFor();
    const db = e2e.db();
    const theme = db.prepare('SELECT t.id, t.guid, t.name FROM themes t WHERE t.parent_id IS NULL AND EXISTS (SELECT 1 FROM theme_codes x WHERE x.theme_id = t.id) ORDER BY t.id LIMIT 1').get() as Row;
    const code = db.prepare(`SELECT c.id, c.guid, c.name FROM codes c JOIN theme_codes x ON x.code_id = c.id AND x.theme_id = ?
      WHERE EXISTS (SELECT 1 FROM codings k WHERE k.code_id = c.id) ORDER BY c.id LIMIT 1`).get(theme.id) as Row;
    const coding = db.prepare('SELECT id, guid, quote AS name, quote FROM codings WHERE code_id = ? ORDER BY id LIMIT 1').get(code.id) as Row & { quote: string };
    rows = { project: db.prepare('SELECT guid FROM project').pluck().get() as string, theme, code, coding };
    // A theme the supervisor saw in the package, deleted since.
    const gone = await e2e.call('themes.create', { name: 'Kepercayaan pelanggan' });
    const goneGuid = e2e.db().prepare('SELECT guid FROM themes WHERE id = ?').pluck().get(gone.id) as string;
    await e2e.call('themes.delete', { id: gone.id });
    file = {
      format: 'tematik-review-comments', version: 1, projectGuid: rows.project, packageGuid: '9e8d7c6b-5a49-4382-9716-05f4e3d2c1b0',
      packageCreatedAt: '2026-12-01T08:00:00.000Z', reviewer: 'Dr. Sari', savedAt: '2026-12-03T12:00:00.000Z',
      comments: [
        comment(1, 'theme', theme.guid, theme.name, 'The definition reads like two themes: practice and its effect. Can you split them, or say why not?'),
        comment(2, 'code', code.guid, code.name, 'How does this code differ from its neighbours in the codebook?'),
        comment(3, 'coding', coding.guid, coding.quote.slice(0, 60), 'A strong quote: consider it as the exemplar.'),
        comment(4, 'theme', goneGuid, 'Kepercayaan pelanggan', 'Trust appears in many interviews. Is it a theme of its own?'),
      ],
    };
    await page().reload();
    await page().locator('.doc-link').first().waitFor();
  }, 90_000);
  afterAll(async () => { await e2e?.close(); });

  it('imports a chosen comments file and reports what came in and what has no place', async () => {
    const chosen = path.join(e2e.dataDir, 'studi-review-Dr. Sari.tematik-comments.json');
    fs.writeFileSync(chosen, JSON.stringify(file, null, 2));
    await page().getByTestId('project-menu').click();
    await page().getByTestId('menu-import-review').click();
    const dialog = page().getByTestId('review-import-dialog');
    await dialog.waitFor();
    await page().getByTestId('review-import-input').setInputFiles(chosen);
    await expect.poll(() => page().getByTestId('review-import-file').textContent()).toBe('studi-review-Dr. Sari.tematik-comments.json');
    await page().getByTestId('review-import-start').click();
    const report = page().getByTestId('review-import-report');
    await report.waitFor();
    expect(await report.locator('.cm-report-head').textContent()).toBe('Dr. Sari: 4 new comment(s) from studi-review-Dr. Sari.tematik-comments.json.');
    for (const [kind, n] of [['theme', '1'], ['link', '0'], ['code', '1'], ['coding', '1']] as const) {
      expect(await page().getByTestId(`review-added-${kind}`).locator('td.num').textContent(), kind).toBe(n);
    }
    expect(await page().getByTestId('review-unplaced').textContent()).toBe('on theme "Kepercayaan pelanggan", deleted since the package');
    await e2e.screenshot('review-comments-report');
    await page().getByTestId('review-import-done').click();
    await dialog.waitFor({ state: 'detached' });
    expect(e2e.db().prepare(`SELECT count(*) FROM comments WHERE reviewer_name = 'Dr. Sari'`).pluck().get()).toBe(4);
  });

  it('shows the supervisor\'s comments in the threads of the theme, the code and the quote, and those without a place on the map', async () => {
    const map = new ThemeMapPage(page());
    await map.open();
    await page().getByTestId('map-panel').getByTestId('unplaced-comments').waitFor();
    expect(await page().getByTestId('unplaced-comments').getByTestId('comment-unplaced').textContent()).toBe('on theme "Kepercayaan pelanggan", deleted since the package');
    await e2e.screenshot('review-comments-unplaced');

    await map.node(rows.theme.name).click();
    const thread = page().getByTestId('map-comments');
    await thread.getByTestId('comment').first().waitFor();
    expect(await thread.locator('[data-review=true] .cm-author').textContent()).toBe('Dr. Sari (review)');
    await e2e.screenshot('review-comments-theme-thread');

    // The theme's code, from its panel: the code's own thread, and the quote's under its extract.
    await page().getByTestId('map-theme-panel').locator('.map-list-item', { hasText: rows.code.name }).first().click();
    await page().getByTestId('code-extracts-view').waitFor();
    const codeThread = page().getByTestId('code-comments');
    await codeThread.getByTestId('comment').waitFor();
    expect(await codeThread.locator('.cm-author').textContent()).toBe('Dr. Sari (review)');
    expect(await codeThread.locator('.cm-body').textContent()).toBe('How does this code differ from its neighbours in the codebook?');
    const quote = page().getByTestId('extract-comments').filter({ has: page().locator(`[data-coding-id="${rows.coding.id}"]`) });
    await quote.getByTestId('comment').waitFor();
    expect(await quote.locator('.cm-body').textContent()).toBe('A strong quote: consider it as the exemplar.');
    // The researcher answers on the code; the reply is theirs, not the reviewer's.
    await codeThread.getByTestId('comment-input').fill('They overlap in KP-01: I will merge them.');
    await codeThread.getByTestId('comment-add').click();
    await expect.poll(() => codeThread.getByTestId('comment').count()).toBe(2);
    expect(await codeThread.locator('[data-review=false] .cm-author').textContent()).toBe('Peneliti E2E');
    await e2e.screenshot('review-comments-code-thread');
    // The reviewer is not a coder.
    expect(e2e.db().prepare(`SELECT count(*) FROM coders WHERE name LIKE '%Sari%'`).pluck().get()).toBe(0);

    // The quote in its transcript: the coding's popover carries its thread.
    await page().locator(`[data-testid=extract][data-coding-id="${rows.coding.id}"]`).click();
    await page().getByTestId('transcript-view').waitFor();
    const stripe = page().locator(`[data-testid=stripe][data-coding-id="${rows.coding.id}"].starts`);
    await stripe.waitFor();
    await stripe.click();
    const popoverThread = page().getByTestId('coding-popover').getByTestId('coding-comments');
    await popoverThread.getByTestId('comment').waitFor();
    expect(await popoverThread.locator('.cm-author').textContent()).toBe('Dr. Sari (review)');
    await e2e.screenshot('review-comments-coding-popover');
    await page().keyboard.press('Escape');
  });

  it('imports a file dropped on the window: only what is new; another project\'s file is refused in the dialog, and Undo takes an import back', async () => {
    const drop = (content: unknown, name: string) => page().evaluate(async ({ text, name }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], name, { type: 'application/json' }));
      document.body.dispatchEvent(new DragEvent('dragenter', { dataTransfer: transfer, bubbles: true }));
      document.body.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
      document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }, { text: JSON.stringify(content), name });

    // A file comes from someone else's browser: its text is shown as text, never run.
    const hostile = 'Who else says this? <img src=x onerror="window.__pwned=1"></textarea><script>window.__pwned=2</script>';
    const grown = { ...file, savedAt: '2026-12-04T12:00:00.000Z', comments: [...file.comments, comment(5, 'coding', rows.coding.guid, rows.coding.quote.slice(0, 60), hostile)] };
    await drop(grown, 'komentar-2.json');
    const report = page().getByTestId('review-import-report');
    await report.waitFor();
    expect(await report.locator('.cm-report-head').textContent()).toBe('Dr. Sari: 1 new comment(s) from komentar-2.json.');
    expect(await page().getByTestId('review-already').locator('td.num').textContent()).toBe('4');
    await page().getByTestId('review-import-done').click();
    expect(e2e.db().prepare(`SELECT count(*) FROM comments WHERE reviewer_name = 'Dr. Sari'`).pluck().get()).toBe(5);
    await page().locator(`[data-testid=stripe][data-coding-id="${rows.coding.id}"].starts`).click();
    const thread = page().getByTestId('coding-popover').getByTestId('coding-comments');
    await expect.poll(() => thread.getByTestId('comment').count()).toBe(2);
    expect(await thread.locator('.cm-body').last().textContent()).toBe(hostile);
    expect(await page().evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await page().keyboard.press('Escape');

    await drop({ ...file, projectGuid: '00000000-1111-4222-8333-444444444444' }, 'proyek-lain.json');
    const error = page().getByTestId('review-import-error');
    await error.waitFor();
    expect(await error.textContent()).toMatch(/proyek-lain\.json holds comments on another project .* The open project is "/);
    await e2e.screenshot('review-comments-refused');
    await page().getByTestId('review-import-dialog').getByRole('button', { name: 'Cancel' }).click();
    expect(e2e.db().prepare(`SELECT count(*) FROM comments WHERE reviewer_name = 'Dr. Sari'`).pluck().get()).toBe(5);

    await page().getByTestId('undo').click();
    await expect.poll(() => e2e.db().prepare(`SELECT count(*) FROM comments WHERE reviewer_name = 'Dr. Sari'`).pluck().get()).toBe(4);
  });
});
