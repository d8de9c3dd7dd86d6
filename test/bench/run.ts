/**
 * `npm run bench`: builds the synthetic corpus (1,000 transcripts, ~8M words, fixed seed)
 * and prints the figures the issues set targets for. BENCH_SCALE=0.1 runs a tenth of it;
 * BENCH_ONLY=search runs only the import and search figures, on both corpora;
 * BENCH_ONLY=responsive only the UI latency during an import through the worker host.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchAnalysis } from './analysis';
import { benchApplyCode, benchImport } from './import-and-code';
import { benchReport } from './report';
import { benchResponsive } from './responsive';
import { benchSearch } from './search';
import { figure, fmt } from './stats';

async function main(): Promise<void> {
  const scale = Number(process.env['BENCH_SCALE'] ?? '1');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tematik-bench-'));
  console.log(`Tematik benchmark · scale ${scale} · Node ${process.version} · ${os.cpus().length} cores · load ${os.loadavg()[0]!.toFixed(1)} · ${dir}`);
  const onlySearch = process.env['BENCH_ONLY'] === 'search';
  try {
    if (process.env['BENCH_ONLY'] === 'responsive') return await benchResponsive(dir, Math.round(1000 * scale), 8000);
    // The realistic corpus first: lunr's 1.6 GB index on the dense one, left for the collector, would slow what follows it.
    const realistic = await benchImport(dir, Math.round(1000 * scale), 8000, 'realistic');
    await benchSearch(realistic, false);
    realistic.client.session.close();
    const imported = await benchImport(dir, Math.round(1000 * scale), 8000, 'dense');
    if (!onlySearch) {
      await benchApplyCode(imported, Math.round(200_000 * scale), 1000);
      await benchAnalysis(imported);
      // The report before search, for the same reason.
      await benchReport(imported, dir);
    }
    await benchSearch(imported, !onlySearch);
    imported.client.session.close();
    if (!onlySearch) await benchResponsive(dir, Math.round(1000 * scale), 8000);
    console.log('memory');
    figure('peak RSS', `${fmt(process.resourceUsage().maxRSS / 1024, 0)} MB`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

void main();
