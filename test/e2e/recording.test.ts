import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FOUR_CUES_VTT, toneWav } from '../helpers/wav';
import { startE2E, type E2E } from './harness';
import { seriousViolations } from './pages/axe';
import { Workbench } from './pages/workbench';

/**
 * A recording beside its transcript, in the real renderer in Chromium: a 9-second WAV of tones
 * written by the test, linked to a four-cue WebVTT transcript; clicking a turn's time plays from
 * there and highlights that turn; F4 / Ctrl+Space pause and play while the text keeps the focus;
 * a plain-text transcript's turn takes its time from the playback position.
 */
describe('playing a transcript\'s recording', () => {
  let e2e: E2E;
  let bench: Workbench;
  let wav = '';
  const media = () => e2e.page.getByTestId('player-media');
  const currentTime = () => media().evaluate((el: HTMLMediaElement) => el.currentTime);
  const paused = () => media().evaluate((el: HTMLMediaElement) => el.paused);

  beforeAll(async () => {
    e2e = await startE2E();
    bench = new Workbench(e2e.page);
    const dir = e2e.dataDir;
    await e2e.call('project.create', { path: path.join(dir, 'studi.tematik'), name: 'Studi rekaman' });
    fs.writeFileSync(path.join(dir, 'S-01_wawancara.vtt'), FOUR_CUES_VTT);
    fs.writeFileSync(path.join(dir, 'S-02_catatan.txt'), 'Pewawancara: Sejak kapan usaha ini berjalan?\nInforman: Sejak 2019, awalnya dari rumah saja.\nPewawancara: Lalu bagaimana dengan pelanggan?\nInforman: Mereka ikut memberi ide lewat polling.\n');
    await e2e.call('import.files', { paths: [path.join(dir, 'S-01_wawancara.vtt'), path.join(dir, 'S-02_catatan.txt')] });
    wav = path.join(dir, 'S-01_wawancara.wav');
    fs.writeFileSync(wav, toneWav(9));
    const [vtt] = await e2e.call('documents.list', {});
    await e2e.call('recordings.link', { documentId: vtt!.id, path: wav });
    await e2e.page.reload();
    await bench.openTranscript('S-01_wawancara');
    await media().waitFor({ state: 'attached' });
    await e2e.page.waitForFunction(() => ((document.querySelector("[data-testid=player-media]") as HTMLMediaElement | null)?.readyState ?? 0) >= 1);
  }, 60_000);
  afterAll(async () => { await e2e?.close(); });

  it('plays from a clicked timestamp and highlights the turn being heard', async () => {
    const third = e2e.page.getByTestId('turn').nth(2);
    await third.getByTestId('turn-time').click();
    await expect.poll(currentTime, { timeout: 5000 }).toBeGreaterThanOrEqual(4);
    expect(await currentTime()).toBeLessThan(6);
    await expect.poll(() => third.getAttribute('data-heard')).toBe('true');
    expect(await e2e.page.locator('[data-heard=true]').count()).toBe(1);
    await expect.poll(() => e2e.page.getByTestId('player-time').textContent()).toMatch(/^00:0[45] \/ 00:09$/);
    await e2e.screenshot('player');
    // Heard on: the last turn takes over at 6 s.
    await expect.poll(() => e2e.page.getByTestId('turn').nth(3).getAttribute('data-heard'), { timeout: 5000 }).toBe('true');
  });

  it('pauses and plays with F4 and Ctrl+Space while the text keeps the focus, and goes back 5 s with F3', async () => {
    await e2e.page.getByTestId('turn').first().getByTestId('turn-time').click();
    await expect.poll(paused).toBe(false);
    await e2e.page.getByTestId('transcript-text').focus();
    await e2e.page.keyboard.press('F4');
    await expect.poll(paused).toBe(true);
    expect(await e2e.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('transcript-text');
    await e2e.page.keyboard.press('Control+Space');
    await expect.poll(paused).toBe(false);
    await e2e.page.keyboard.press('Control+Space');
    await expect.poll(paused).toBe(true);
    await media().evaluate((el: HTMLMediaElement) => { el.currentTime = 7; });
    await e2e.page.keyboard.press('F3');
    await expect.poll(currentTime).toBeCloseTo(2, 0);
    expect(await e2e.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('transcript-text');
    // Slower and faster.
    await e2e.page.getByTestId('player-speed').selectOption('0.5');
    expect(await media().evaluate((el: HTMLMediaElement) => el.playbackRate)).toBe(0.5);
    expect(await seriousViolations(e2e.page)).toEqual([]);
  });

  it('links a recording to a plain-text transcript by its path and sets a turn\'s time from the playback position', async () => {
    await e2e.page.goto(e2e.server.url);
    await bench.openTranscript('S-02_catatan');
    expect(await e2e.page.getByTestId('turn-time').count()).toBe(0);
    await e2e.page.getByTestId('player-link').click();
    await e2e.page.getByTestId('player-path').fill(wav);
    await e2e.screenshot('player-link');
    await e2e.page.getByTestId('player-link-submit').click();
    await media().waitFor({ state: 'attached' });
    await expect.poll(() => media().evaluate((el: HTMLMediaElement) => el.readyState)).toBeGreaterThanOrEqual(1);
    await media().evaluate((el: HTMLMediaElement) => { el.currentTime = 3.2; });
    await expect.poll(() => e2e.page.getByTestId('player-time').textContent()).toMatch(/^00:03/);
    const second = e2e.page.getByTestId('turn').nth(1);
    await second.getByTestId('turn-stamp').click();
    await expect.poll(() => second.getByTestId('turn-time').textContent()).toBe('00:03');
    const turn = e2e.db().prepare(`SELECT t.start_ms FROM turns t JOIN documents d ON d.id = t.document_id WHERE d.title = 'S-02_catatan' AND t.seq = 1`).get() as { start_ms: number };
    expect(turn.start_ms).toBeGreaterThanOrEqual(3000);
    expect(turn.start_ms).toBeLessThan(3500);
    await e2e.screenshot('player-stamped');
  });

  it('says where it looked for a missing recording, and the transcript still works', async () => {
    fs.renameSync(wav, `${wav}.aside`);
    try {
      await e2e.page.goto(e2e.server.url);
      await bench.openTranscript('S-01_wawancara');
      const missing = e2e.page.getByTestId('player-missing');
      await expect.poll(() => missing.textContent()).toContain(`The recording “S-01_wawancara.wav” was not found. Looked in: ${wav}.`);
      expect(await e2e.page.getByTestId('turn').count()).toBe(4);
      await e2e.screenshot('player-missing');
    } finally {
      fs.renameSync(`${wav}.aside`, wav);
    }
  });

  it('types a turn\'s start time in edit mode, refuses one it cannot read with what to type, and clears one', async () => {
    const page = e2e.page;
    await page.goto(e2e.server.url);
    await bench.openTranscript('S-02_catatan');
    await page.getByTestId('edit-mode').click();
    const startOf = (seq: number) => e2e.db().prepare(`SELECT t.start_ms FROM turns t JOIN documents d ON d.id = t.document_id WHERE d.title = 'S-02_catatan' AND t.seq = ?`).pluck().get(seq) as number | null;
    const third = page.getByTestId('turn').nth(2);
    // Short turns: the hidden tools of the next turn lie over this one's; only the tools shown take the click.
    await third.hover();
    await third.getByTestId('turn-retime').click();
    const input = third.getByTestId('turn-retime-input');
    await input.fill('12:60');
    await input.press('Enter');
    await expect.poll(() => third.getByRole('alert').textContent()).toContain('"12:60" is not a time');
    expect(startOf(2)).toBeNull();
    await e2e.screenshot('edit-turn-time-refused');
    await input.fill('00:07');
    await input.press('Enter');
    await expect.poll(() => startOf(2)).toBe(7000);
    await expect.poll(() => third.getByTestId('turn-time').textContent()).toBe('00:07');

    const second = page.getByTestId('turn').nth(1);
    expect(startOf(1)).not.toBeNull();
    await second.hover();
    await second.getByTestId('turn-retime').click();
    await second.getByTestId('turn-retime-input').fill('');
    await second.getByTestId('turn-retime-input').press('Enter');
    await expect.poll(() => startOf(1)).toBeNull();
    // One undo step each: undo brings the cleared time back.
    await page.getByRole('button', { name: /Undo/ }).first().click();
    await expect.poll(() => startOf(1)).not.toBeNull();
  });
});
