/**
 * The app's core in a process of its own, as the Electron main process or the browser-mode server
 * runs it (the worker host: a writer thread, and a reader thread while reads wait behind a change): opens the bench project through the
 * contract, reads what the first screen shows (renderer/lib/state.tsx and features/home/HomeView.tsx),
 * then searches, triangulates and writes a report. Prints one JSON line of figures for first-screen.ts; run by it, not by hand.
 * Plain JavaScript over the built core (dist/), so the process measured carries no TypeScript
 * compiler, as the app does not.
 */
import path from 'node:path';
import hosting from '../../dist/src/host/worker-host.js';

const { WorkerHost } = hosting;

async function main() {
  const [file, dir] = process.argv.slice(2);
  const host = new WorkerHost({ coder: 'bench', host: { kind: 'browser' } });
  const client = {
    async invoke(name, args) {
      const outcome = await host.invoke(name, args);
      if (!outcome.ok) throw new Error(`${name}: ${outcome.error.message}`);
      return outcome.value;
    },
  };
  // The writer started, as the app starts it, before the baseline is taken. The reader starts only
  // when a read waits behind a change (src/host/worker-host.ts): none does here.
  await client.invoke('app.info', {});
  const loadedMb = process.resourceUsage().maxRSS / 1024;
  const cpuMs = () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  };
  const timed = async (call) => {
    const [t, cpu] = [performance.now(), cpuMs()];
    await call();
    return { ms: performance.now() - t, cpuMs: cpuMs() - cpu };
  };
  const open = await timed(() => client.invoke('project.open', { path: file }));
  const reads = await timed(async () => {
    await client.invoke('project.info', {});
    await client.invoke('history.state', {});
    await Promise.all([
      client.invoke('project.stats', {}), client.invoke('documents.list', {}), client.invoke('informants.list', {}),
      client.invoke('informantTypes.list', {}), client.invoke('attributes.list', {}),
    ]);
  });
  // What the day's backup costs: the host makes it at the first opening of each day, once the first screen's reads are answered.
  const backup = await timed(() => client.invoke('backup.create', {}));
  const afterOpen = process.resourceUsage().maxRSS / 1024;
  const search = await timed(() => client.invoke('search.query', { query: 'kolaborasi' }));
  const triangulation = await timed(() => client.invoke('analysis.triangulation', { rows: 'codes' }));
  const report = await timed(() => client.invoke('report.word', { path: path.join(dir, 'app-process-report.docx'), quotesPerTheme: 20 }));
  const readerStarted = host.readerRunning;
  await host.close();
  console.log(JSON.stringify({ open, reads, backup, search, triangulation, report, loadedMb, afterOpenMb: afterOpen, peakMb: process.resourceUsage().maxRSS / 1024, readerStarted }));
}

await main();
