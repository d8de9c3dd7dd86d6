/**
 * `npm run bench`: builds the synthetic corpus (1,000 transcripts, ~8M words, fixed seed)
 * and prints the figures the issues set targets for. BENCH_SCALE=0.1 runs a tenth of it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchAnalysis } from './analysis';
import { benchApplyCode, benchImport } from './import-and-code';
import { benchReport } from './report';
import { benchSearch } from './search';
import { figure, fmt } from './stats';

async function main(): Promise<void> {
  const scale = Number(process.env['BENCH_SCALE'] ?? '1');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tematik-bench-'));
  console.log(`Tematik benchmark · scale ${scale} · Node ${process.version} · ${os.cpus().length} cores · ${dir}`);
  try {
    const imported = await benchImport(dir, Math.round(1000 * scale), 8000);
    await benchApplyCode(imported, Math.round(200_000 * scale), 1000);
    await benchAnalysis(imported);
    // The report before search: lunr's 1.6 GB index, left for the collector, would slow what follows it.
    await benchReport(imported, dir);
    await benchSearch(imported);
    imported.client.session.close();
    console.log('memory');
    figure('peak RSS', `${fmt(process.resourceUsage().maxRSS / 1024, 0)} MB`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

void main();
