import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { figure, fmt } from './stats';

/** Opening the 8M-word project to its first screen: the target the issue sets. */
const FIRST_SCREEN_MS = 300;
/** Peak memory of the app process with the 8M-word project (lunr's comparison run is apart, in this process). */
const PEAK_MB = 400;

interface Step {
  readonly ms: number;
  readonly cpuMs: number;
}

interface AppFigures {
  readonly open: Step;
  readonly reads: Step;
  readonly backup: Step;
  readonly search: Step;
  readonly triangulation: Step;
  readonly report: Step;
  readonly loadedMb: number;
  readonly afterOpenMb: number;
  readonly peakMb: number;
  readonly readerStarted: boolean;
}

/**
 * The project `file` (closed by this process first) opened in a fresh process, as the app opens
 * it: the first screen, then a search, triangulation and a report, with that process's peak RSS.
 * It runs the built core (dist/, which `npm run bench` builds first), as the app does: under tsx
 * the TypeScript compiler would add about 90 MB to what is measured.
 */
export function benchAppProcess(file: string, dir: string): void {
  const script = path.join(__dirname, 'app-process.mjs');
  const out = execFileSync(process.execPath, [script, file, dir], { encoding: 'utf8', cwd: path.join(__dirname, '../..') });
  const figures = JSON.parse(out.trim().split('\n').at(-1)!) as AppFigures;
  const step = (s: Step): string => `${fmt(s.ms, 0)} ms (CPU ${fmt(s.cpuMs, 0)} ms)`;
  const firstScreen = figures.open.ms + figures.reads.ms;
  console.log(`app process (a fresh process on the project; load ${fmt(os.loadavg()[0]!, 1)})`);
  figure('open to first screen', `${fmt(firstScreen, 0)} ms (CPU ${fmt(figures.open.cpuMs + figures.reads.cpuMs, 0)} ms)`, { ok: firstScreen <= FIRST_SCREEN_MS, text: `≤ ${FIRST_SCREEN_MS} ms` });
  figure('  project.open', step(figures.open));
  figure('  first screen reads', step(figures.reads));
  figure('daily backup (first opening of a day, after the first screen)', step(figures.backup));
  figure('search, triangulation, report', `${step(figures.search)}, ${step(figures.triangulation)}, ${step(figures.report)}`);
  figure('RSS with the code loaded (writer thread)', `${fmt(figures.loadedMb, 0)} MB`);
  figure('peak RSS after opening', `${fmt(figures.afterOpenMb, 0)} MB`);
  figure('peak RSS of the app process', `${fmt(figures.peakMb, 0)} MB${figures.readerStarted ? ' (the reader thread was started)' : ''}`, { ok: figures.peakMb <= PEAK_MB, text: `≤ ${PEAK_MB} MB` });
}
