import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { localClient } from '../../src/api/client';
import type { CodeId, DocumentId, ThemeId } from '../../src/domain/ids';
import { THEME_LINK_KINDS } from '../../src/domain/types';
import { documentWriter } from '../../src/store/documents';
import { launchChromium } from '../e2e/harness';
import { random, transcript } from './corpus';
import { cpuSeconds } from './import-and-code';
import { figure, fmt, percentile } from './stats';

const TYPES = ['Pemilik UMKM', 'Konsumen', 'Ahli Pemasaran', 'Komunitas Pelanggan', 'Perwakilan Pemerintah'];

/**
 * The review package of a large study (issue 14): 100 themes (a fifth of them sub-themes), 150
 * links, 300 codes, 2,000 coded quotes of 20–80 words from 60 informants of 5 types. Timed: the
 * export through the handler table (wall and CPU), the file's size, and in Chromium, opened
 * from file://, the first paint (the map is built before it) and the whole page ready (matrix,
 * codebook and journal built after the first paint), median of `runs` openings.
 */
export async function benchReview(dir: string, runs = 5): Promise<void> {
  console.log('review package (100 themes, 2,000 quotes)');
  const setup = performance.now();
  const file = path.join(dir, 'review.tematik');
  const client = localClient({ coder: 'Peneliti' });
  await client.invoke('project.create', { path: file, name: 'Review bench' });
  const rand = random(20261214);
  const informants: number[] = [];
  for (const [t, name] of TYPES.entries()) {
    const type = await client.invoke('informantTypes.create', { name });
    for (let i = 0; i < 12; i++) informants.push((await client.invoke('informants.create', { label: `${name.slice(0, 1)}-${t}${String(i + 1).padStart(2, '0')}`, name: `Nama ${t} ${i}`, typeId: type.id })).id);
  }
  const { store } = client.session;
  const texts: string[] = [];
  const documents: DocumentId[] = [];
  store.change({ action: 'bench.addDocuments', summary: 'Add documents', args: {} }, () => {
    const write = documentWriter(store.db);
    for (const [i, informant] of informants.entries()) {
      const { text, words } = transcript(rand, 3000);
      texts.push(text);
      documents.push(write({ title: `wawancara-${i + 1}`, sourceName: `wawancara-${i + 1}.txt`, format: 'txt', encoding: 'utf-8', text, turns: [], wordCount: words,
        contentHash: crypto.createHash('sha256').update(text).digest('hex') }, [informant as never]));
    }
  });
  const codes: CodeId[] = [];
  for (let c = 0; c < 300; c++) codes.push((await client.invoke('codes.create', { name: `kode ${c + 1}`, description: `Deskripsi kode ${c + 1}.` })).id);
  for (let q = 0; q < 2000; q++) {
    const d = Math.floor(rand() * documents.length);
    const text = texts[d]!;
    const start = Math.floor(rand() * (text.length - 600));
    await client.invoke('codings.apply', { documentId: documents[d]!, codeId: codes[q % codes.length]!, start, end: start + 120 + Math.floor(rand() * 400) });
  }
  const themes: ThemeId[] = [];
  for (let t = 0; t < 100; t++) {
    const parentId = t >= 80 ? themes[t - 80] : undefined;
    themes.push((await client.invoke('themes.create', { name: `Tema ${t + 1} tentang kolaborasi dan inovasi`, codeIds: codes.slice(t * 3, t * 3 + 3), ...(parentId ? { parentId } : {}) })).id);
    await client.invoke('themes.update', { id: themes[t]!, definition: `Definisi tema ${t + 1}: pola makna bersama tentang kolaborasi pelanggan dan UMKM.`, scope: 'Bukan promosi satu arah.' });
  }
  for (let l = 0; l < 150; l++) {
    const from = themes[Math.floor(rand() * 80)]!;
    const to = themes[Math.floor(rand() * 80)]!;
    if (from === to) continue;
    await client.invoke('themeLinks.create', { fromThemeId: from, toThemeId: to, kind: THEME_LINK_KINDS[l % THEME_LINK_KINDS.length]!, label: `hubungan ${l + 1}` }).catch(() => undefined);
  }
  figure('setup (project of 100 themes, 2,000 quotes)', `${fmt((performance.now() - setup) / 1000, 1)} s`);

  const out = path.join(dir, 'review.html');
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = await client.invoke('export.reviewPackage', { path: out, journal: 'all' });
  const wall = (performance.now() - started) / 1000;
  figure('export.reviewPackage', `${fmt(wall, 2)} s wall, ${fmt(cpuSeconds(cpu), 2)} s CPU`);
  const megabytes = result.bytes / 1e6;
  figure('package file size', `${fmt(megabytes, 2)} MB`, { ok: megabytes <= 5, text: '≤ 5 MB' });
  client.session.close();

  const browserDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tematik-bench-review-'));
  const browser = await launchChromium(browserDir);
  try {
    const paints: number[] = [];
    const ready: number[] = [];
    for (let i = 0; i < runs; i++) {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      await page.goto(`file://${out}`);
      await page.locator('body[data-ready=true]').waitFor();
      // Evaluated as text: this file is type-checked without the DOM's types.
      const times = await page.evaluate(`({
        paint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
        themes: document.querySelectorAll('[data-testid=map-theme]').length,
        ready: performance.now(),
      })`) as { paint: number; themes: number; ready: number };
      if (times.themes !== 100) throw new Error(`The map drew ${times.themes} themes, not 100.`);
      paints.push(times.paint / 1000);
      ready.push(times.ready / 1000);
      await page.close();
    }
    const paint = percentile(paints, 50);
    figure('open in Chromium: first paint, map drawn', `${fmt(paint, 2)} s median of ${runs}`, { ok: paint <= 2, text: '≤ 2 s' });
    figure('open in Chromium: every section built', `${fmt(percentile(ready, 50), 2)} s median of ${runs}`);
  } finally {
    await browser.close();
    fs.rmSync(browserDir, { recursive: true, force: true });
  }
}
