/**
 * `npm run load:team` (not part of `npm test`): 20 simulated coders on one team-server project
 * over HTTP on 127.0.0.1 — applying codes, searching, opening transcripts — then kill -9 of the
 * server in the middle of a second run. Prints throughput and p50/p99 latency per kind, and checks
 * that every write the server acknowledged is in PostgreSQL, after the run and after the kill.
 *
 * LOAD_CODERS (20), LOAD_SECONDS (60), LOAD_THINK_MS (mean pause between a coder's requests, 100),
 * LOAD_DATABASE (a postgres:// URL; by default a throwaway cluster, test/helpers/postgres.ts),
 * LOAD_TRACE (print each request slower than 40 ms).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startCluster, type Cluster } from '../helpers/postgres';
import { random, writeCorpus } from './corpus';
import { fmt } from './stats';

const ROOT = path.join(__dirname, '../..');
const CLI = path.join(ROOT, 'dist/src/cli/tematik.js');
const CODERS = Number(process.env['LOAD_CODERS'] ?? '20');
const SECONDS = Number(process.env['LOAD_SECONDS'] ?? '60');
const THINK_MS = Number(process.env['LOAD_THINK_MS'] ?? '100');
/** LOAD_TRACE=1 prints every request slower than 40 ms with the server's timing of it: where a tail comes from. */
const TRACE = Boolean(process.env['LOAD_TRACE']);
const PASSWORD = 'load-test-password-1';

function cli(args: string[], env: NodeJS.ProcessEnv, input?: string): string {
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, ...env }, input });
  if (result.status !== 0) throw new Error(`tematik ${args.join(' ')} failed: ${result.stderr || result.stdout}`);
  return result.stdout;
}

/** One logged-in coder: the session cookie and CSRF token a browser would hold. */
class Coder {
  private cookie = '';
  private csrf = '';
  constructor(private readonly base: string, readonly login: string) {}

  async logIn(): Promise<void> {
    const response = await fetch(`${this.base}/api/team/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: this.login, password: PASSWORD }),
    });
    if (!response.ok) throw new Error(`login of ${this.login}: ${response.status} ${await response.text()}`);
    this.cookie = (response.headers.get('set-cookie') ?? '').split(';')[0]!;
    this.csrf = ((await response.json()) as { csrf: string }).csrf;
  }

  /** The server's own account of the last answer (its Server-Timing header): queueing, then the action's run. */
  lastTiming: { queue: number; run: number } | null = null;

  async invoke<T>(projectId: number, name: string, args: unknown): Promise<T> {
    const response = await fetch(`${this.base}/api/team/projects/${projectId}/invoke`, {
      method: 'POST', headers: { 'content-type': 'application/json', cookie: this.cookie, 'x-csrf-token': this.csrf }, body: JSON.stringify({ name, args }),
    });
    const timing = /queue;dur=([\d.]+), run;dur=([\d.]+)/.exec(response.headers.get('server-timing') ?? '');
    this.lastTiming = timing ? { queue: Number(timing[1]), run: Number(timing[2]) } : null;
    const outcome = (await response.json()) as { ok: true; value: T } | { ok: false; error: { message: string } };
    if (!outcome.ok) throw new Error(`${name}: ${outcome.error.message}`);
    return outcome.value;
  }
}

interface Turn { readonly start: number; readonly end: number; readonly role: string }
interface Doc { readonly id: number; readonly turns: readonly Turn[] }
type Kind = 'apply' | 'search' | 'open';

interface RunResult {
  readonly latencies: Record<Kind, number[]>;
  /** The server's side of each answered request, by kind: time queued behind other actions, and the action's own run. */
  readonly server: Record<Kind, { queue: number[]; run: number[] }>;
  readonly acknowledged: number[];
  readonly failed: number;
  readonly seconds: number;
}

/** One request of `kind` by `coder`; an apply's coding id is returned, as the server acknowledged it. */
async function act(coder: Coder, kind: Kind, projectId: number, docs: readonly Doc[], codeIds: readonly number[], words: readonly string[], rand: () => number): Promise<number | null> {
  const doc = docs[Math.floor(rand() * docs.length)]!;
  if (kind === 'apply') {
    const turns = doc.turns.filter((t) => t.role !== 'interviewer' && t.end - t.start > 20);
    const turn = turns[Math.floor(rand() * turns.length)]!;
    const start = turn.start + Math.floor(rand() * (turn.end - turn.start - 10));
    const end = Math.min(turn.end, start + 10 + Math.floor(rand() * 200));
    return (await coder.invoke<{ id: number }>(projectId, 'codings.apply', { documentId: doc.id, codeId: codeIds[Math.floor(rand() * codeIds.length)], start, end })).id;
  }
  if (kind === 'search') await coder.invoke(projectId, 'search.query', { query: words[Math.floor(rand() * words.length)], limit: 50 });
  else await coder.invoke(projectId, 'documents.get', { id: doc.id });
  return null;
}

/**
 * Every coder works until `until` (ms since epoch) or until the server stops answering. With
 * `warmUp`, each coder first makes one untimed request of each kind: a server's first requests pay
 * for compiling its code and loading the stemmers' word lists (~0.4 s once), which at 20 requests a
 * second would otherwise be the whole p99 of a minute's run. Warm-up codings count as acknowledged.
 */
async function run(coders: readonly Coder[], projectId: number, docs: readonly Doc[], codeIds: readonly number[], words: readonly string[], seconds: number, seed: number, warmUp: boolean): Promise<RunResult> {
  const latencies: Record<Kind, number[]> = { apply: [], search: [], open: [] };
  const server: RunResult['server'] = { apply: { queue: [], run: [] }, search: { queue: [], run: [] }, open: { queue: [], run: [] } };
  const acknowledged: number[] = [];
  let failed = 0;
  if (warmUp) {
    await Promise.all(coders.map(async (coder, index) => {
      const rand = random(seed + 1000 + index);
      for (const kind of ['search', 'open', 'apply'] as const) {
        const id = await act(coder, kind, projectId, docs, codeIds, words, rand);
        if (id !== null) acknowledged.push(id);
      }
    }));
  }
  const started = Date.now();
  const until = started + seconds * 1000;
  await Promise.all(coders.map(async (coder, index) => {
    const rand = random(seed + index);
    while (Date.now() < until) {
      // The pause comes first: coders who finished their warm-up together do not all ask at the same instant.
      await new Promise((resolve) => setTimeout(resolve, rand() * 2 * THINK_MS));
      if (Date.now() >= until) break;
      const r = rand();
      const kind: Kind = r < 0.6 ? 'apply' : r < 0.85 ? 'search' : 'open';
      const t0 = performance.now();
      try {
        const id = await act(coder, kind, projectId, docs, codeIds, words, rand);
        if (id !== null) acknowledged.push(id);
        const took = performance.now() - t0;
        latencies[kind].push(took);
        if (TRACE && took > 40) console.error(`slow ${kind}: ${fmt(took)} ms, ${((Date.now() - started) / 1000).toFixed(2)} s into the run; on the server ${coder.lastTiming ? `queued ${coder.lastTiming.queue}, run ${coder.lastTiming.run} ms` : 'no timing'}`);
        if (coder.lastTiming) {
          server[kind].queue.push(coder.lastTiming.queue);
          server[kind].run.push(coder.lastTiming.run);
        }
      } catch {
        // A refused or broken request is not acknowledged: it must not be counted as written.
        failed++;
        if (Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
  }));
  return { latencies, server, acknowledged, failed, seconds: (Date.now() - started) / 1000 };
}

const pct = (values: readonly number[], p: number): number => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

function report(label: string, result: RunResult): void {
  const total = Object.values(result.latencies).reduce((n, l) => n + l.length, 0);
  console.log(`\n${label}: ${total} answered requests in ${fmt(result.seconds)} s = ${fmt(total / result.seconds)} req/s; ${result.failed} failed`);
  for (const kind of ['apply', 'search', 'open'] as const) {
    const l = result.latencies[kind];
    const { queue, run: own } = result.server[kind];
    console.log(`  ${kind.padEnd(6)} ${String(l.length).padStart(6)} × · p50 ${fmt(pct(l, 50))} ms · p99 ${fmt(pct(l, 99))} ms · max ${fmt(Math.max(...l))} ms`
      + ` · on the server: queued p50 ${fmt(pct(queue, 50))} / p99 ${fmt(pct(queue, 99))} ms, run p50 ${fmt(pct(own, 50))} / p99 ${fmt(pct(own, 99))} / max ${fmt(Math.max(...own))} ms`);
  }
  const p99 = pct(result.latencies.apply, 99);
  console.log(`  apply-code p99 ${fmt(p99)} ms (target ≤ 50 ms) ${p99 <= 50 ? '✓' : '✗'}`);
}

/** How many of the acknowledged codings PostgreSQL holds. */
async function inDatabase(url: string, projectId: number, ids: readonly number[]): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query(`SELECT count(*)::int AS n FROM project_${projectId}.codings WHERE id = ANY($1::bigint[])`, [ids]);
    return (result.rows[0] as { n: number }).n;
  } finally {
    await client.end();
  }
}

function startServer(url: string, port: number, cache: string): { child: ChildProcess; ready: Promise<void> } {
  const child = spawn(process.execPath, [CLI, 'serve', '--database', url, '--listen', `127.0.0.1:${port}`, '--cache', cache], { stdio: ['ignore', 'pipe', 'pipe'] });
  let errors = '';
  child.stderr!.on('data', (chunk: Buffer) => { errors += chunk.toString(); });
  const ready = (async () => {
    for (let i = 0; i < 200; i++) {
      if (child.exitCode !== null) throw new Error(`tematik serve stopped: ${errors}`);
      try {
        await fetch(`http://127.0.0.1:${port}/api/team/session`);
        return;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    throw new Error(`tematik serve did not answer: ${errors}`);
  })();
  return { child, ready };
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tematik-load-'));
  let cluster: Cluster | null = null;
  let server: ChildProcess | null = null;
  try {
    const url = process.env['LOAD_DATABASE'] ?? (cluster = await startCluster()).createDatabase('tematik_load');
    const env = { TEMATIK_DATABASE: url, TEMATIK_CODER: 'Owner' };
    console.log(`Team server load · ${CODERS} coders · ${SECONDS} s · mean think ${THINK_MS} ms · Node ${process.version} · ${os.cpus().length} cores · load ${os.loadavg()[0]!.toFixed(1)}`);

    // The project: the worked sample study and 40 realistic transcripts of 3,000 words.
    const file = path.join(dir, 'study.tematik');
    cli(['sample', file, '--worked'], env);
    const corpus = path.join(dir, 'corpus');
    writeCorpus(corpus, 40, 3000, 20261207, 'realistic');
    cli(['import', file, '--folder', corpus], env);

    cli(['users', 'add', 'owner', '--name', 'Owner', '--password-stdin'], env, `${PASSWORD}\n`);
    const logins = Array.from({ length: CODERS }, (_, i) => `coder${String(i + 1).padStart(2, '0')}`);
    for (const login of logins) cli(['users', 'add', login, '--name', `Coder ${login.slice(5)}`, '--password-stdin'], env, `${PASSWORD}\n`);
    const published = JSON.parse(cli(['publish', file, '--owner', 'owner', '--json'], env)) as { id: number };
    const projectId = published.id;
    for (const login of logins) cli(['members', 'add', String(projectId), login, '--role', 'coder'], env);

    const port = 20000 + Math.floor(Math.random() * 20000);
    const base = `http://127.0.0.1:${port}`;
    const cache = path.join(dir, 'cache');
    let started = startServer(url, port, cache);
    server = started.child;
    await started.ready;

    const coders = logins.map((login) => new Coder(base, login));
    await Promise.all(coders.map((c) => c.logIn()));
    const first = coders[0]!;
    const summaries = await first.invoke<{ id: number }[]>(projectId, 'documents.list', {});
    const docs: Doc[] = [];
    for (const summary of summaries) docs.push(await first.invoke<Doc>(projectId, 'documents.get', { id: summary.id }));
    const codes = await first.invoke<{ id: number }[]>(projectId, 'codes.list', {});
    const words = ['mitra', 'pelanggan', 'inovasi', 'harga', 'komunitas', 'kualitas', 'promosi', '"open innovation"', 'kolaborasi', 'percaya'];
    console.log(`Project ${projectId}: ${docs.length} transcripts, ${codes.length} codes; server on ${base}`);

    const steady = await run(coders, projectId, docs, codes.map((c) => c.id), words, SECONDS, 1, true);
    report(`Steady run (${SECONDS} s)`, steady);
    const held = await inDatabase(url, projectId, steady.acknowledged);
    console.log(`  acknowledged codings in PostgreSQL: ${held} of ${steady.acknowledged.length} ${held === steady.acknowledged.length ? '✓ (0 lost)' : `✗ (${steady.acknowledged.length - held} lost)`}`);

    // kill -9 in the middle of a second run: what was acknowledged before the kill must be in PostgreSQL.
    const killAfter = Math.max(2, Math.round(SECONDS / 6));
    const crashing = run(coders, projectId, docs, codes.map((c) => c.id), words, killAfter * 2, 2, false);
    await new Promise((resolve) => setTimeout(resolve, killAfter * 1000));
    server.kill('SIGKILL');
    const crashed = await crashing;
    report(`Run with kill -9 after ${killAfter} s`, crashed);
    const kept = await inDatabase(url, projectId, crashed.acknowledged);
    console.log(`  acknowledged codings in PostgreSQL after kill -9: ${kept} of ${crashed.acknowledged.length} ${kept === crashed.acknowledged.length ? '✓ (0 lost)' : `✗ (${crashed.acknowledged.length - kept} lost)`}`);

    // The restarted server opens the project from PostgreSQL and shows them too.
    started = startServer(url, port, cache);
    server = started.child;
    await started.ready;
    await first.logIn();
    const all = new Set<number>();
    for (const doc of docs) for (const coding of await first.invoke<{ id: number }[]>(projectId, 'codings.forDocument', { documentId: doc.id })) all.add(coding.id);
    const visible = [...steady.acknowledged, ...crashed.acknowledged].filter((id) => all.has(id)).length;
    const expected = steady.acknowledged.length + crashed.acknowledged.length;
    console.log(`  after restart, acknowledged codings the server shows: ${visible} of ${expected} ${visible === expected ? '✓' : '✗'}`);
  } finally {
    server?.kill('SIGKILL');
    cluster?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
