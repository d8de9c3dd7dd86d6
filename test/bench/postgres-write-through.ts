/**
 * `npx tsx test/bench/postgres-write-through.ts`: the time one apply-code takes on a team server,
 * written through to PostgreSQL before it is answered, beside the same on a local SQLite file.
 * A throwaway cluster (test/helpers/postgres.ts) on this machine, reached by its Unix socket;
 * the sample study imported, then 500 codings of random passages, timed one by one.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { Invoke } from '../../src/api/contract';
import { invoker } from '../../src/api/dispatch';
import { Session } from '../../src/api/session';
import type { CodeId, DocumentId } from '../../src/domain/ids';
import { postgresBackend } from '../../src/store/postgres/backend';
import { createEmpty } from '../../src/store/postgres/publish';
import { startCluster } from '../helpers/postgres';
import { random } from './corpus';
import { figure, fmt, percentile } from './stats';

const CALLS = 500;
const SAMPLE = path.resolve(__dirname, '../fixtures/sample-study');

async function applyCodes(label: string, invoke: Invoke): Promise<void> {
  await invoke('import.folder', { folder: SAMPLE, sheet: path.join(SAMPLE, 'informants.csv') });
  const documents = await Promise.all((await invoke('documents.list', {})).map((d) => invoke('documents.get', { id: d.id })));
  const codes: CodeId[] = [];
  for (let i = 0; i < 20; i++) codes.push((await invoke('codes.create', { name: `kode ${i + 1}` })).id);
  const rand = random(7);
  const latencies: number[] = [];
  const done = new Set<string>();
  while (latencies.length < CALLS) {
    const doc = documents[Math.floor(rand() * documents.length)]!;
    const start = Math.floor(rand() * (doc.text.length - 200));
    const codeId = codes[Math.floor(rand() * codes.length)]!;
    // The same passage coded twice with the same code is refused: each call codes a new one.
    const key = `${doc.id}:${start}:${codeId}`;
    if (done.has(key)) continue;
    done.add(key);
    const t = performance.now();
    await invoke('codings.apply', { documentId: doc.id as DocumentId, codeId, start, end: start + 120 });
    latencies.push(performance.now() - t);
  }
  figure(`${label} apply-code p50 (${CALLS} calls)`, `${fmt(percentile(latencies, 50), 3)} ms`);
  figure(`${label} apply-code p99 (${CALLS} calls)`, `${fmt(percentile(latencies, 99), 3)} ms`);
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tematik-bench-pg-'));
  const cluster = await startCluster();
  const pool = new pg.Pool({ connectionString: cluster.url });
  try {
    const local = new Session({ coder: 'Peneliti A' });
    const localInvoke = invoker({ session: local, progress: () => undefined });
    await localInvoke('project.create', { path: path.join(dir, 'local.tematik'), name: 'Bench' });
    await applyCodes('SQLite file', localInvoke);
    local.close();

    await createEmpty(pool, 1, 'Bench');
    const team = new Session({ coder: 'Peneliti A', backend: postgresBackend({ pool, cacheDir: path.join(dir, 'cache') }) });
    await team.open('team:1');
    await applyCodes('team server', invoker({ session: team, progress: () => undefined }));
    team.close();
  } finally {
    await pool.end();
    cluster.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

void main();
