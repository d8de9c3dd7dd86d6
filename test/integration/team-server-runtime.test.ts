import path from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ActionName, Outcome } from '../../src/api/contract';
import type { Coding, Code } from '../../src/domain/types';
import { postgresBackend } from '../../src/store/postgres/backend';
import { publishFile } from '../../src/store/postgres/publish';
import { Runtimes, type ActionTiming, type Actor, type ChangeEvent } from '../../src/team-server/runtime';
import { startCluster, type Cluster } from '../helpers/postgres';
import { newProject, SAMPLE_STUDY, tempDir } from '../helpers/temp-project';

/*
 * The runtime of one project as the team server runs it: several users' actions through one
 * queue, each under the user's own name, every change told to the project's listeners; on a
 * real PostgreSQL cluster through the team store (src/store/postgres).
 */

const ayu: Actor = { login: 'ayu', name: 'Ayu Lestari', session: 'session-ayu' };
const bima: Actor = { login: 'bima', name: 'Bima Putra', session: 'session-bima' };

describe('team server runtime', () => {
  let cluster: Cluster;
  let pool: pg.Pool;
  let runtimes: Runtimes;
  let documentId: number;
  /** One backend for every test: it waits for a closing's lock to be let go before opening the project again. */
  let backend: ReturnType<typeof postgresBackend>;

  beforeAll(async () => {
    cluster = await startCluster();
    pool = new pg.Pool({ connectionString: cluster.createDatabase('runtime') });
    const project = await newProject('Lead');
    await project.invoke('import.files', { paths: [path.join(SAMPLE_STUDY, 'P-01_fashion.txt')] });
    documentId = (await project.invoke('documents.list', {}))[0]!.id;
    project.session.close();
    await publishFile(pool, 1, project.file);
    backend = postgresBackend({ pool, cacheDir: tempDir('tematik-images-') });
  });
  afterEach(async () => runtimes?.closeAll());
  afterAll(async () => {
    await runtimes?.closeAll();
    await pool?.end();
    cluster?.stop();
  });

  const start = () => {
    runtimes = new Runtimes({ backend, fileOf: (id) => `team:${id}`, idleMs: 60_000 });
    return runtimes.get(1);
  };
  const value = <T>(outcome: Outcome<ActionName>): T => {
    if (!outcome.ok) throw new Error(`action failed: ${outcome.error.message}`);
    return outcome.value as T;
  };

  it('times each action: queued behind those before it, then its own run', async () => {
    const runtime = await start();
    const timings: ActionTiming[] = [];
    // Queued in one go: the second starts only when the first has ended, so it waits at least as long as the first ran.
    await Promise.all([
      runtime.invoke(ayu, 'codings.apply', { documentId, start: 0, end: 12, codeName: 'antre' }, undefined, (t) => timings.push(t)),
      runtime.invoke(ayu, 'codings.forDocument', { documentId }, undefined, (t) => timings.push(t)),
    ]);
    expect(timings).toHaveLength(2);
    expect(timings[0]!.runMs).toBeGreaterThan(0);
    expect(timings[1]!.queueMs).toBeGreaterThanOrEqual(timings[0]!.runMs);
  });

  it('runs reads beside one another, but never beside a change: a change waits for the reads before it, a read for the changes before it', async () => {
    const runtime = await start();
    const ended: string[] = [];
    const timings = new Map<string, ActionTiming>();
    const invoke = (key: string, name: ActionName, args: unknown) =>
      runtime.invoke(ayu, name, args, undefined, (t) => timings.set(key, t)).then((outcome) => {
        ended.push(key);
        return outcome;
      });
    // A search waits for PostgreSQL; the transcript asked for after it is read meanwhile, not after it.
    await Promise.all([invoke('search', 'search.query', { query: 'pelanggan' }), invoke('open', 'documents.get', { id: documentId })]);
    expect(ended).toEqual(['open', 'search']);

    ended.length = 0;
    const [, applied, after] = await Promise.all([
      invoke('search', 'search.query', { query: 'pelanggan' }),
      invoke('apply', 'codings.apply', { documentId, start: 50, end: 70, codeName: 'beside' }),
      invoke('read', 'codings.forDocument', { documentId }),
    ]);
    expect(ended).toEqual(['search', 'apply', 'read']);
    // The change started only once the search had ended, and the read behind it sees it.
    expect(timings.get('apply')!.queueMs).toBeGreaterThanOrEqual(timings.get('search')!.runMs);
    expect(value<Coding[]>(after!).map((c) => c.id)).toContain(value<Coding>(applied!).id);
  });

  it('records each change under the acting user and tells every listener who made it', async () => {
    const runtime = await start();
    const heard: ChangeEvent[] = [];
    const stop = runtime.listen((event) => heard.push(event));
    const coding = value<Coding>(await runtime.invoke(ayu, 'codings.apply', { documentId, start: 0, end: 12, codeName: 'kepercayaan' }));
    expect(coding.coderName).toBe('Ayu Lestari');
    await runtime.invoke(bima, 'codes.list', {});
    expect(heard).toEqual([{ action: 'codings.apply', by: { login: 'ayu', name: 'Ayu Lestari' }, session: 'session-ayu' }]);
    stop();
    await runtime.invoke(bima, 'codes.create', { name: 'tak terdengar' });
    expect(heard).toHaveLength(1);
    // The server itself is no coder of the project: only people who made changes are.
    const { coders } = value<{ coders: { name: string }[] }>(await runtime.invoke(bima, 'coders.list', {}));
    expect(coders.map((c) => c.name)).not.toContain('Tematik server');
  });

  it('keeps both codings when two users code the same passage at the same time', async () => {
    const runtime = await start();
    const [a, b] = await Promise.all([
      runtime.invoke(ayu, 'codings.apply', { documentId, start: 20, end: 40, codeName: 'kolaborasi' }),
      runtime.invoke(bima, 'codings.apply', { documentId, start: 20, end: 40, codeName: 'kolaborasi' }),
    ]);
    expect(value<Coding>(a).coderName).toBe('Ayu Lestari');
    expect(value<Coding>(b).coderName).toBe('Bima Putra');
    const codings = value<Coding[]>(await runtime.invoke(ayu, 'codings.forDocument', { documentId }))
      .filter((c) => c.start === 20 && c.end === 40);
    expect(codings.map((c) => c.coderName).sort()).toEqual(['Ayu Lestari', 'Bima Putra']);
  });

  it('shows one user\'s rename to the other, and says "not found" for a code the other deleted', async () => {
    const runtime = await start();
    const code = value<Code>(await runtime.invoke(ayu, 'codes.create', { name: 'inovasi terbuka' }));
    await runtime.invoke(ayu, 'codes.update', { id: code.id, name: 'open innovation' });
    expect(value<Code[]>(await runtime.invoke(bima, 'codes.list', {})).find((c) => c.id === code.id)?.name).toBe('open innovation');
    await runtime.invoke(ayu, 'codes.delete', { id: code.id });
    const late = await runtime.invoke(bima, 'codes.update', { id: code.id, name: 'terlambat' });
    expect(late).toMatchObject({ ok: false, error: { kind: 'not_found' } });
    expect(!late.ok && late.error.text?.id).toBeTruthy();
  });

  it('closes a project nobody uses, and keeps one open while someone listens', async () => {
    const runtime = await start();
    const stop = runtime.listen(() => undefined);
    expect(await runtimes.closeIdle(0, Date.now() + 1)).toEqual([]);
    stop();
    expect(await runtimes.closeIdle(0, Date.now() + 1)).toEqual([1]);
    // Opened again on the next use.
    const again = await runtimes.get(1);
    expect(again).not.toBe(runtime);
    expect((await again.invoke(ayu, 'project.info', {})).ok).toBe(true);
  });
});
