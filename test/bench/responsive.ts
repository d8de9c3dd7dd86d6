import path from 'node:path';
import type { ActionName, Outcome } from '../../src/api/contract';
import type * as hostModule from '../../src/host/worker-host';
import { writeCorpus } from './corpus';
import { figure, fmt, percentile, seconds } from './stats';

const PAUSE_MS = 50;

function valueOf(outcome: Outcome<ActionName>): unknown {
  if (!outcome.ok) throw new Error(`${outcome.error.kind}: ${outcome.error.message}`);
  return outcome.value;
}

/**
 * The window stays usable during an import: through the worker host, as Electron and browser
 * mode run it, a UI action (`codes.list`) is sent every 50 ms while the import runs, and each is
 * timed from the call to its answer. The host is the built core's (dist/, built by `npm run bench`),
 * as the app runs it: from the sources each thread would first compile its modules with tsx, which
 * the app's reader, started as the import begins, does not.
 */
export async function benchResponsive(dir: string, documents: number, wordsEach: number): Promise<void> {
  const folder = path.join(dir, 'corpus-responsive');
  writeCorpus(folder, documents, wordsEach, undefined, 'dense');
  const { WorkerHost } = (await import(path.resolve(__dirname, '../../dist/src/host/worker-host.js'))) as typeof hostModule;
  const host = new WorkerHost({ coder: 'bench', host: { kind: 'browser' } });
  try {
    valueOf(await host.invoke('project.create', { path: path.join(dir, 'bench-responsive.tematik') }));
    valueOf(await host.invoke('codes.create', { name: 'kolaborasi' }));
    let importing = true;
    const start = performance.now();
    const imported = host.invoke('import.folder', { folder }).then((outcome) => {
      importing = false;
      return outcome;
    });
    const latencies: number[] = [];
    while (importing) {
      const t = performance.now();
      valueOf(await host.invoke('codes.list', {}));
      if (importing) latencies.push(performance.now() - t);
      await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
    }
    valueOf(await imported);
    const took = seconds(start);
    const max = Math.max(...latencies);
    console.log('responsiveness');
    figure('import through the worker host', `${fmt(took)} s, ${documents} transcripts`);
    figure('UI action answered while an import runs', `p50 ${fmt(percentile(latencies, 50), 1)} ms, max ${fmt(max, 1)} ms (${latencies.length} calls)`,
      { ok: latencies.length > 0 && max <= 100, text: '≤ 100 ms' });
  } finally {
    await host.close();
  }
}
