/**
 * `BENCH_ONLY=compare npm run bench:ui`: the comparison view on a 60 KB transcript that two coders
 * coded with hundreds of codings each, in browser mode and Debian's Chromium: opening it, scrolling
 * it end to end, settling a disagreement. Prints wall times, the longest main-thread task, and the
 * CPU time the core (this process) spent; it is not a test.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { localClient } from '../../src/api/client';
import type { CodeId, DocumentId } from '../../src/domain/ids';
import { rendererDir } from '../../src/server/paths';
import { startWebServer } from '../../src/server/web-server';
import { launchChromium } from '../e2e/harness';
import { tempDir } from '../helpers/temp-project';
import { random } from './corpus';
import { figure, fmt } from './stats';

const CODINGS_EACH = 300;
const WORDS = ['kolaborasi', 'pelanggan', 'produk', 'inovasi', 'desain', 'harga', 'kualitas', 'komunitas', 'co-creation', 'brand', 'mitra', 'usaha', 'pesanan', 'warna', 'bahan'];

/** A transcript of about 60 KB: turns of the interviewer and the informant, sentences of plain words. */
function transcript(rand: () => number): string {
  const turns: string[] = [];
  for (let i = 0; turns.join('\n\n').length < 60_000; i++) {
    const sentences = Array.from({ length: 1 + Math.floor(rand() * 4) }, () => {
      const words = Array.from({ length: 8 + Math.floor(rand() * 12) }, () => WORDS[Math.floor(rand() * WORDS.length)]!);
      return `${words.join(' ').replace(/^./, (c) => c.toUpperCase())}.`;
    });
    turns.push(`${i % 2 === 0 ? 'Pewawancara' : 'Narasumber'}: ${sentences.join(' ')}`);
  }
  return `${turns.join('\n\n')}\n`;
}

/** Two coders: Bima codes most of Ayu's passages too, some a little wider, and passages of his own. */
async function buildProject(dir: string): Promise<{ file: string; bytes: number; codings: number; turns: number }> {
  const rand = random(11);
  const source = path.join(dir, 'P-01_panjang.txt');
  const text = transcript(rand);
  fs.writeFileSync(source, text);
  const file = path.join(dir, 'compare.tematik');
  const client = localClient({ coder: 'Ayu' });
  await client.invoke('project.create', { path: file });
  const documentId = (await client.invoke('import.files', { paths: [source] })).imported[0]!.documentId as DocumentId;
  const codes: CodeId[] = [];
  for (let i = 0; i < 20; i++) codes.push((await client.invoke('codes.create', { name: `kode ${i + 1}` })).id);
  const passages: { codeId: CodeId; start: number; end: number }[] = [];
  for (let i = 0; i < CODINGS_EACH; i++) {
    const start = Math.floor(rand() * (text.length - 400));
    passages.push({ codeId: codes[i % codes.length]!, start, end: start + 40 + Math.floor(rand() * 300) });
  }
  const apply = async (p: { codeId: CodeId; start: number; end: number }) => {
    await client.invoke('codings.apply', { documentId, codeId: p.codeId, start: p.start, end: p.end }).catch(() => undefined);
  };
  for (const p of passages) await apply(p);
  await client.invoke('coders.setCurrent', { name: 'Bima' });
  for (const [i, p] of passages.entries()) {
    if (i % 4 === 0) {
      const start = Math.floor(rand() * (text.length - 400));
      await apply({ codeId: p.codeId, start, end: start + 60 + Math.floor(rand() * 200) });
    } else await apply({ ...p, end: i % 3 === 0 ? Math.min(text.length, p.end + 25) : p.end });
  }
  const codings = (await client.invoke('codings.forDocument', { documentId })).length;
  const turns = (await client.invoke('documents.list', {}))[0]!.turnCount;
  client.session.close();
  return { file, bytes: Buffer.byteLength(text), codings, turns };
}

const LONG_TASKS = () => {
  const tasks: number[] = [];
  (window as unknown as { longTasks: number[] }).longTasks = tasks;
  new PerformanceObserver((list) => { for (const e of list.getEntries()) tasks.push(e.duration); }).observe({ type: 'longtask', buffered: true });
};

async function longest(page: Page): Promise<number> {
  await page.waitForTimeout(800);
  return page.evaluate(() => {
    const tasks = (window as unknown as { longTasks: number[] }).longTasks;
    const max = Math.max(0, ...tasks);
    tasks.length = 0;
    return max;
  });
}

/** Wall time of `act` until `ready` holds, and the core's CPU time meanwhile. */
async function timed(act: () => Promise<void>, ready: () => Promise<unknown>): Promise<{ ms: number; cpuMs: number }> {
  const cpu = process.cpuUsage();
  const t = performance.now();
  await act();
  await ready();
  const used = process.cpuUsage(cpu);
  return { ms: performance.now() - t, cpuMs: (used.user + used.system) / 1000 };
}

export async function compareViewBench(): Promise<void> {
  const dir = tempDir('tematik-compare-bench-');
  const dataDir = path.join(dir, 'data');
  const built = await buildProject(dir);
  console.log(`Tematik comparison-view benchmark · one transcript of ${fmt(built.bytes / 1000, 1)} KB and ${built.turns} turns, ${built.codings} codings by two coders · ${os.cpus().length} cores · load ${os.loadavg()[0]!.toFixed(1)}`);
  const server = await startWebServer({ staticDir: rendererDir(), coder: 'Ayu', host: { kind: 'browser', dataDir } });
  const browser = await launchChromium(dataDir);
  try {
    const opened = await server.host.invoke('project.open', { path: built.file });
    if (!opened.ok) throw new Error(opened.error.message);
    await server.host.invoke('coders.setCurrent', { name: 'Ayu' });
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
    page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
    await page.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
    await page.addInitScript(LONG_TASKS);
    await page.goto(server.url);
    await page.locator('.doc-link').first().click();
    await page.getByTestId('turn').first().waitFor();
    await longest(page);

    const disagreements = page.getByTestId('disagreement');
    const open = await timed(() => page.getByTestId('compare-coders').click(), () => disagreements.first().waitFor());
    const openTask = await longest(page);
    const count = Number(await page.getByTestId('disagreements').getAttribute('data-total'));
    const summary = await timed(async () => undefined, () => page.getByTestId('compare-summary').waitFor());
    figure('click Compare → disagreements listed', `${fmt(open.ms, 0)} ms wall, core CPU ${fmt(open.cpuMs, 0)} ms (${count} disagreements)`, { ok: open.ms <= 300, text: '≤ 300 ms' });
    figure('  then the agreement figures', `${fmt(open.ms + summary.ms, 0)} ms from the click`);
    figure('longest main-thread task, opening', `${fmt(openTask, 0)} ms`, { ok: openTask <= 100, text: '≤ 100 ms' });

    const turns = await page.evaluate(async () => {
      const scroller = document.querySelector('[data-testid=compare-scroller]')!;
      let drawn = 0;
      for (let y = 0; y < scroller.scrollHeight; y += 700) {
        scroller.scrollTop = y;
        await new Promise((r) => requestAnimationFrame(() => r(null)));
        drawn = Math.max(drawn, document.querySelectorAll('[data-testid=compare-turn]').length);
      }
      return drawn;
    });
    const scrollTask = await longest(page);
    figure('scrolling end to end: turns on the page at most', `${turns}`);
    figure('longest main-thread task, scrolling', `${fmt(scrollTask, 0)} ms`, { ok: scrollTask <= 100, text: '≤ 100 ms' });

    const first = await disagreements.first().getAttribute('data-key');
    const settle = await timed(() => disagreements.first().getByTestId('keep-first').click(),
      () => page.waitForFunction((key) => document.querySelector('[data-testid=disagreement]')?.getAttribute('data-key') !== key, first));
    const settleTask = await longest(page);
    figure('Keep Ayu\'s → list updated', `${fmt(settle.ms, 0)} ms wall, core CPU ${fmt(settle.cpuMs, 0)} ms`, { ok: settle.ms <= 300, text: '≤ 300 ms' });
    figure('longest main-thread task, settling', `${fmt(settleTask, 0)} ms`, { ok: settleTask <= 100, text: '≤ 100 ms' });
  } finally {
    await browser.close();
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
