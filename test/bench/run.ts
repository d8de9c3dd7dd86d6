/**
 * `npm run bench`: builds the synthetic corpus (1,000 transcripts, ~8M words, fixed seed)
 * and prints the figures the issues set targets for. BENCH_SCALE=0.1 runs a tenth of it;
 * BENCH_ONLY=search runs only the import and search figures, on both corpora; BENCH_ONLY=analysis
 * or BENCH_ONLY=report only the dense corpus, its codings and that part; BENCH_ONLY=memory the
 * dense corpus brought to the state the full run leaves it in (codings, analysis, report), then
 * the app process on it (first screen, memory); BENCH_ONLY=responsive only the UI latency during
 * an import through the worker host; BENCH_ONLY=agreement only inter-coder agreement, on a
 * project of its own (4 coders, 1,000 interviews, 200 codes); BENCH_ONLY=import only the import
 * of both corpora (wall and CPU time), to compare a change to the import path before and after;
 * BENCH_ONLY=edit only editing a long coded transcript and undoing the edits;
 * BENCH_ONLY=review only the review package of a 100-theme, 2,000-quote project (export, size, opening in Chromium).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchAgreement } from './agreement';
import { benchAnalysis } from './analysis';
import { benchEditText } from './edit-text';
import { benchAppProcess } from './first-screen';
import { benchApplyCode, benchImport } from './import-and-code';
import { benchReport } from './report';
import { benchResponsive } from './responsive';
import { benchReview } from './review';
import { benchSearch } from './search';
import { figure, fmt } from './stats';

async function main(): Promise<void> {
  const scale = Number(process.env['BENCH_SCALE'] ?? '1');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tematik-bench-'));
  console.log(`Tematik benchmark · scale ${scale} · Node ${process.version} · ${os.cpus().length} cores · load ${os.loadavg()[0]!.toFixed(1)} · ${dir}`);
  const only = process.env['BENCH_ONLY'];
  // The app process measures the project as the analysis and report parts leave it (their themes make the report it writes).
  const runs = (part: 'search' | 'analysis' | 'report'): boolean => only === undefined || only === part || (only === 'memory' && part !== 'search');
  try {
    if (only === 'responsive') return await benchResponsive(dir, Math.round(1000 * scale), 8000);
    if (only === 'agreement') return await benchAgreement(dir, Math.round(1000 * scale), 8000);
    if (only === 'edit') return await benchEditText(dir, 200);
    if (only === 'review') return await benchReview(dir);
    if (only === 'import') {
      for (const kind of ['realistic', 'dense'] as const) (await benchImport(dir, Math.round(1000 * scale), 8000, kind)).client.session.close();
      return;
    }
    if (runs('search')) {
      // The realistic corpus first: lunr's 1.6 GB index on the dense one, left for the collector, would slow what follows it.
      const realistic = await benchImport(dir, Math.round(1000 * scale), 8000, 'realistic');
      await benchSearch(realistic, false);
      realistic.client.session.close();
    }
    const imported = await benchImport(dir, Math.round(1000 * scale), 8000, 'dense');
    if (only !== 'search') {
      await benchApplyCode(imported, Math.round(200_000 * scale), 1000);
      if (runs('analysis')) await benchAnalysis(imported);
      // The report before search, for the same reason.
      if (runs('report')) await benchReport(imported, dir);
    }
    if (runs('search')) await benchSearch(imported, only === undefined);
    const file = imported.client.session.store.file;
    imported.client.session.close();
    if (only !== 'search') benchAppProcess(file, dir);
    if (only === undefined) await benchResponsive(dir, Math.round(1000 * scale), 8000);
    if (only === undefined) await benchAgreement(dir, Math.round(1000 * scale), 8000);
    if (only === undefined) await benchReview(dir);
    console.log('memory');
    figure('peak RSS of the benchmark process (lunr included)', `${fmt(process.resourceUsage().maxRSS / 1024, 0)} MB`);
  } finally {
    // BENCH_KEEP=1 leaves the projects for measuring one part again (app-process.mjs PROJECT DIR, say).
    if (process.env['BENCH_KEEP'] === '1') console.log(`kept ${dir}`);
    else fs.rmSync(dir, { recursive: true, force: true });
  }
}

void main();
