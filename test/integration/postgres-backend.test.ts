import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Invoke } from '../../src/api/contract';
import { localClient } from '../../src/api/client';
import { invoker } from '../../src/api/dispatch';
import { Session } from '../../src/api/session';
import type { CodeId, DocumentId, InformantId } from '../../src/domain/ids';
import { postgresBackend } from '../../src/store/postgres/backend';
import { SCHEMA_VERSION } from '../../src/store/migrations/index';
import { createEmpty, dropProject, takeCopy, writeProject } from '../../src/store/postgres/publish';
import { projectAtVersion } from '../helpers/old-format';
import { startCluster, type Cluster } from '../helpers/postgres';
import { projectRows } from '../helpers/project-rows';
import { SAMPLE_STUDY, tempDir } from '../helpers/temp-project';
import { FOUR_CUES_VTT, toneWav } from '../helpers/wav';

let cluster: Cluster;
let pool: pg.Pool;
const sessions: Session[] = [];

beforeAll(async () => {
  cluster = await startCluster();
  pool = new pg.Pool({ connectionString: cluster.url });
});

afterAll(async () => {
  for (const session of sessions) session.close();
  await pool?.end();
  cluster?.stop();
});

/** A session on the team server's backend, as the server's runtime makes one, and its contract. */
function teamSession(cacheDir: string, on: pg.Pool = pool): { session: Session; invoke: Invoke } {
  const session = new Session({ coder: 'Peneliti A', backend: postgresBackend({ pool: on, cacheDir }) });
  sessions.push(session);
  return { session, invoke: invoker({ session, progress: () => undefined }) };
}

/** The project as PostgreSQL has it now: a fresh image's rows. */
async function inPostgres(projectId: number): Promise<Record<string, string>> {
  const out = path.join(tempDir(), 'fresh.tematik');
  await takeCopy(pool, projectId, out);
  return projectRows(out);
}

const imageOf = (cacheDir: string, projectId: number) => path.join(cacheDir, `project-${projectId}.tematik`);

/** What differs between two openings of the same work by nature: times, GUIDs, where the project lives. */
function comparable(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (key, v: unknown) =>
    (/^(tookMs|createdAt|updatedAt|importedAt|linkedAt|at|guid|path|file|location|notices|sourcePath|absolutePath|relativePath|backups|lastBackup)$/.test(key) ? undefined : v)));
}

/**
 * A morning of two coders' work through the contract, the same on either backend; `checkpoint` is
 * called between the steps. Returns the answers of the read actions at the end.
 */
async function work(invoke: Invoke, session: Session, dir: string, checkpoint: (step: string) => Promise<void>): Promise<unknown[]> {
  const type = await invoke('informantTypes.create', { name: 'Pemilik UMKM' });
  const informant = await invoke('informants.create', { label: 'P-01', name: 'Bu Sari', typeId: type.id, attributes: { kota: 'Malang' } });
  await invoke('documents.list', {});
  const vtt = path.join(dir, 'S-01_wawancara.vtt');
  fs.writeFileSync(vtt, FOUR_CUES_VTT);
  await invoke('import.files', { paths: [vtt], informantId: informant.id as InformantId });
  const documentId = (await invoke('documents.list', {}))[0]!.id as DocumentId;
  await checkpoint('import');

  const trust = await invoke('codes.create', { name: 'kepercayaan', description: 'trust' });
  const loyal = await invoke('codes.create', { name: 'loyalitas' });
  const price = await invoke('codes.create', { name: 'harga' });
  const content = await invoke('documents.get', { id: documentId });
  const turn = content.turns.find((t) => t.role === 'informant')!;
  const a = await invoke('codings.apply', { documentId, start: turn.start, end: turn.start + 10, codeId: trust.id as CodeId });
  const b = await invoke('codings.apply', { documentId, start: turn.start + 2, end: turn.end, codeId: loyal.id as CodeId });
  await invoke('codings.apply', { documentId, start: turn.start, end: turn.end, codeName: 'in vivo', inVivo: true });
  await invoke('codings.recode', { id: a.id, codeId: price.id as CodeId });
  await invoke('codings.remove', { id: b.id });
  await invoke('codes.update', { id: trust.id, name: 'kepercayaan merek' });
  await invoke('codes.merge', { sourceId: price.id, targetId: trust.id });
  await checkpoint('codes');

  const theme = await invoke('themes.create', { name: 'Relasi jangka panjang', codeIds: [trust.id as CodeId] });
  const other = await invoke('themes.create', { name: 'Nilai bersama', codeIds: [loyal.id as CodeId] });
  await invoke('themes.update', { id: theme.id, definition: 'Pelanggan bertahan karena percaya.', status: 'reviewed' });
  await invoke('themeLinks.create', { fromThemeId: theme.id, toThemeId: other.id, kind: 'influences', label: 'mendorong' });
  await invoke('memos.create', { title: 'Refleksi', body: 'Catatan pertama 👩🏽‍💻', target: { kind: 'theme', id: theme.id } });
  await invoke('comments.add', { target: { kind: 'theme', id: theme.id }, body: 'Perlu contoh lain' });
  await checkpoint('themes');

  session.project.actAs('Peneliti B');
  await invoke('codings.apply', { documentId, start: turn.start, end: turn.start + 5, codeId: loyal.id as CodeId });
  await invoke('memos.create', { title: 'B', body: 'Catatan B', target: { kind: 'project' } });
  await invoke('history.undo', {});
  session.project.actAs('Peneliti A');
  await invoke('history.undo', {});
  await invoke('history.undo', {});
  await invoke('history.redo', {});
  session.project.actAs('Peneliti B');
  await invoke('history.redo', {});
  await expect(invoke('history.redo', {})).rejects.toMatchObject({ kind: 'nothing_to_undo' });
  session.project.actAs('Peneliti A');
  await checkpoint('undo');

  const before = await invoke('documents.get', { id: documentId });
  const at = before.text.indexOf('Instagram');
  await invoke('documents.editText', { id: documentId, edits: [{ start: at, end: at + 'Instagram'.length, text: 'WhatsApp' }], expectedHash: before.contentHash });
  const wav = path.join(dir, 'S-01_wawancara.wav');
  fs.writeFileSync(wav, toneWav(70));
  await invoke('recordings.link', { documentId, path: wav, embed: true });
  await invoke('map.move', { themes: [{ id: theme.id, x: 0.1 + 0.2, y: -12.5 }] });
  await checkpoint('edit');

  return Promise.all([
    invoke('project.stats', {}), invoke('informants.list', {}), invoke('documents.list', {}), invoke('documents.get', { id: documentId }),
    invoke('codes.list', {}), invoke('codings.forDocument', { documentId }), invoke('themes.list', {}), invoke('themeLinks.list', {}),
    invoke('memos.list', {}), invoke('comments.list', {}), invoke('coders.list', {}), invoke('history.state', {}),
    invoke('map.get', {}), invoke('search.query', { query: 'WhatsApp' }), invoke('search.query', { query: 'pelanggan' }),
    invoke('analysis.triangulation', { rows: 'themes' }), invoke('recordings.list', {}),
    invoke('audit.list', {}).then((entries) => entries.map((e) => [e.action, e.summary, e.coder])),
  ]);
}

describe('the PostgreSQL backend', () => {
  it('keeps PostgreSQL the same as the working image after every step, and answers as the SQLite backend does', async () => {
    await createEmpty(pool, 1, 'Studi UMKM');
    const cacheDir = tempDir('tematik-cache-');
    const team = teamSession(cacheDir);
    await team.session.open('team:1');
    expect(team.session.project.file).toBe('team:1');
    expect(await team.invoke('project.info', {})).toMatchObject({ path: 'team:1', name: 'Studi UMKM', readOnly: null });
    const checked: string[] = [];
    const teamAnswers = await work(team.invoke, team.session, tempDir(), async (step) => {
      expect(await inPostgres(1), step).toEqual(projectRows(imageOf(cacheDir, 1)));
      checked.push(step);
    });
    expect(checked).toEqual(['import', 'codes', 'themes', 'undo', 'edit']);

    const local = new Session({ coder: 'Peneliti A' });
    sessions.push(local);
    const localInvoke = invoker({ session: local, progress: () => undefined });
    await localInvoke('project.create', { path: path.join(tempDir(), 'studi.tematik'), name: 'Studi UMKM' });
    const localAnswers = await work(localInvoke, local, tempDir(), async () => undefined);
    expect(comparable(teamAnswers)).toEqual(comparable(localAnswers));

    // PostgreSQL is the record (backed up with pg_dump): the working image makes no daily backups beside itself.
    expect(fs.readdirSync(cacheDir).sort()).toEqual(['project-1.tematik', 'project-1.tematik-shm', 'project-1.tematik-wal', 'project-1.tematik.lock'].filter((f) => fs.existsSync(path.join(cacheDir, f))));
    // Closed cleanly, the image is reused; without its stamp it is built again: the same project either way.
    const atClose = await inPostgres(1);
    team.session.close();
    expect(fs.existsSync(`${imageOf(cacheDir, 1)}.stamp`)).toBe(true);
    const stat = fs.statSync(imageOf(cacheDir, 1));
    const generation = async () => (await pool.query<{ generation: string }>('SELECT generation FROM project_1._meta')).rows[0]!.generation;
    const written = await generation();
    await team.session.open('team:1');
    expect(fs.statSync(imageOf(cacheDir, 1)).ino).toBe(stat.ino);
    // Opening a project of this format writes nothing: it is not written to PostgreSQL again.
    expect(await generation()).toBe(written);
    expect(projectRows(imageOf(cacheDir, 1))).toEqual(atClose);
    team.session.close();
    fs.rmSync(`${imageOf(cacheDir, 1)}.stamp`);
    await team.session.open('team:1');
    expect(projectRows(imageOf(cacheDir, 1))).toEqual(atClose);
    expect((await team.invoke('search.query', { query: 'WhatsApp' })).total).toBeGreaterThan(0);
    team.session.close();
  });

  it('a change that cannot be written through is refused clearly, the image is thrown away, and the project reopens as PostgreSQL has it', async () => {
    await createEmpty(pool, 2, 'Gagal');
    const cacheDir = tempDir('tematik-cache-');
    const { session, invoke } = teamSession(cacheDir);
    await session.open('team:2');
    const code = await invoke('codes.create', { name: 'kepercayaan' });
    const kept = await inPostgres(2);

    // PostgreSQL refuses the codes table's rows from now on.
    await pool.query(`CREATE FUNCTION public.refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'disk quota exceeded'; END $$`);
    await pool.query('CREATE TRIGGER refuse BEFORE INSERT OR UPDATE ON project_2.codes FOR EACH ROW EXECUTE FUNCTION public.refuse()');
    const refused = await invoke('codes.update', { id: code.id, name: 'kepercayaan merek' }).then(() => null, (error: unknown) => error as Error & { kind: string });
    expect(refused).toMatchObject({ kind: 'io' });
    expect(refused!.message).toBe("The change could not be saved in the team server's database (disk quota exceeded), so it was not kept: team project 2 is as it was before it. Open the project again and repeat the change; if this keeps happening, tell the server's administrator.");
    expect(fs.existsSync(imageOf(cacheDir, 2))).toBe(false);
    await expect(invoke('codes.list', {})).rejects.toMatchObject({ kind: 'io', message: expect.stringContaining('Team project 2 was closed') });
    expect(await inPostgres(2)).toEqual(kept);

    await pool.query('DROP TRIGGER refuse ON project_2.codes');
    await session.open('team:2');
    expect((await invoke('codes.list', {})).map((c) => c.name)).toEqual(['kepercayaan']);
    expect(projectRows(imageOf(cacheDir, 2))).toEqual(kept);

    // A value PostgreSQL's text cannot hold is refused by name, and is not kept either.
    const nul = await invoke('memos.create', { body: 'a\u0000b', target: { kind: 'project' } }).then(() => null, (error: unknown) => error as Error & { kind: string });
    expect(nul).toMatchObject({ kind: 'bad_input' });
    expect(nul!.message).toBe("Row 1 of memos has a NUL character (U+0000) in body, which the team server's database cannot store. Remove that invisible character (it comes with text pasted from some programs) and try again. The change was not kept, and team project 2 is as it was before it: open it again.");
    expect(await inPostgres(2)).toEqual(kept);
    await session.open('team:2');
    expect(await invoke('memos.list', {})).toEqual([]);

    // The connection holding the project is cut: the next change is refused the same way, and the project opens again.
    const { rows } = await pool.query<{ pid: number }>(`SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND objid = 2`);
    expect(rows).toHaveLength(1);
    await pool.query('SELECT pg_terminate_backend($1)', [rows[0]!.pid]);
    await expect(invoke('codes.create', { name: 'harga' })).rejects.toMatchObject({ kind: 'io' });
    await session.open('team:2');
    expect((await invoke('codes.list', {})).map((c) => c.name)).toEqual(['kepercayaan']);
    await invoke('codes.create', { name: 'harga' });
    expect(projectRows(imageOf(cacheDir, 2))).toEqual(await inPostgres(2));
    session.close();
  });

  it('keeps more projects open than the pool has connections, and the pool free for everything else', async () => {
    const small = new pg.Pool({ connectionString: cluster.url, max: 2, connectionTimeoutMillis: 10_000 });
    try {
      for (const id of [21, 22, 23]) await createEmpty(pool, id, `Proyek ${id}`);
      const opened = [21, 22, 23].map(() => teamSession(tempDir('tematik-cache-'), small));
      // Each open project holds a connection for its lock; with them taken from a pool of 2, the third opening waited for ever.
      await Promise.all(opened.map(({ session }, i) => session.open(`team:${21 + i}`)));
      await Promise.all(opened.map(({ invoke }, i) => invoke('codes.create', { name: `kode ${21 + i}` })));
      expect((await small.query('SELECT 1 AS one')).rows[0].one).toBe(1);
      for (const [i, { invoke }] of opened.entries()) expect((await invoke('codes.list', {})).map((c) => c.name)).toEqual([`kode ${21 + i}`]);
      await Promise.all(opened.map(({ session }) => session.close()));
      expect((await pool.query(`SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND objid IN (21, 22, 23)`)).rows[0].n).toBe(0);
    } finally {
      await small.end();
    }
  });

  it('refuses a second server process the project another one has open', async () => {
    await createEmpty(pool, 3, 'Berdua');
    const first = teamSession(tempDir('tematik-cache-'));
    await first.session.open('team:3');
    const otherPool = new pg.Pool({ connectionString: cluster.url });
    try {
      const second = teamSession(tempDir('tematik-cache-'), otherPool);
      await expect(second.session.open('team:3')).rejects.toMatchObject({
        kind: 'locked',
        message: 'Team project 3 is open in another Tematik server process using the same database. One server process serves a project at a time: stop the other server, or work through it.',
      });
      await first.invoke('codes.create', { name: 'kepercayaan' });
      // To read, a snapshot of its own: no lock needed, nothing written, gone when closed.
      const readerCache = tempDir('tematik-cache-');
      const reader = teamSession(readerCache, otherPool);
      await reader.session.open('team:3', { readOnly: true });
      expect(await reader.invoke('project.info', {})).toMatchObject({ path: 'team:3', readOnly: 'requested' });
      expect((await reader.invoke('codes.list', {})).map((c) => c.name)).toEqual(['kepercayaan']);
      await expect(reader.invoke('codes.create', { name: 'harga' })).rejects.toMatchObject({ kind: 'read_only' });
      reader.session.close();
      expect(fs.readdirSync(readerCache)).toEqual([]);
      // Closing resolves once the lock is let go of: nothing to wait for after it.
      await first.session.close();
      expect((await pool.query(`SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND objid = 3`)).rows[0].n).toBe(0);
      await second.session.open('team:3');
      expect((await second.invoke('codes.list', {})).map((c) => c.name)).toEqual(['kepercayaan']);
      second.session.close();
    } finally {
      await otherPool.end();
    }
  });

  it('lets a caller wait for the lock\'s release when it closes a project, a change still being written first, so the project can be dropped right after', async () => {
    await createEmpty(pool, 6, 'Sebentar');
    const { session, invoke } = teamSession(tempDir('tematik-cache-'));
    await session.open('team:6');
    const locks = async () => (await pool.query(`SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND objid = 6`)).rows[0].n as number;
    await invoke('codes.create', { name: 'sementara' });
    // Taking it back is written to PostgreSQL, held up by a table lock: it is still on its way when the project is closed.
    const blocker = await pool.connect();
    try {
      await blocker.query('BEGIN');
      await blocker.query('LOCK TABLE project_6.codes IN ACCESS EXCLUSIVE MODE');
      const undoing = session.data.undo();
      await expect.poll(async () => (await pool.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%project_6%'`)).rows[0].n).toBe(1);
      let closed = false;
      const closing = session.close().then(() => { closed = true; });
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(closed).toBe(false);
      expect(await locks()).toBe(1);
      await blocker.query('COMMIT');
      await closing;
      expect(await locks()).toBe(0);
      await undoing;
    } finally {
      blocker.release();
    }
    expect((await pool.query('SELECT name FROM project_6.codes')).rows).toEqual([]);
    await dropProject(pool, 6);
    expect((await pool.query(`SELECT count(*)::int AS n FROM pg_namespace WHERE nspname = 'project_6'`)).rows[0].n).toBe(0);
    // Closing again waits for nothing more and refuses nothing.
    await session.close();
  });

  it('moves a project of an older format to this one as it opens, rewriting the whole project in PostgreSQL', async () => {
    const old = new Database(projectAtVersion(15, (db) => {
      db.prepare(`INSERT INTO informant_types (name, guid) VALUES ('Konsumen', '6f1c2a7e-3b1d-4c55-9a0e-2f3b4c5d6e7f')`).run();
    }));
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await writeProject(client, 4, old, 0n);
      await client.query('COMMIT');
    } finally {
      client.release();
      old.close();
    }
    const cacheDir = tempDir('tematik-cache-');
    const { session, invoke } = teamSession(cacheDir);
    await session.open('team:4');
    const { rows } = await pool.query<{ user_version: number }>('SELECT user_version FROM project_4._meta');
    expect(rows[0]!.user_version).toBe(SCHEMA_VERSION);
    expect(await inPostgres(4)).toEqual(projectRows(imageOf(cacheDir, 4)));
    expect((await invoke('informantTypes.list', {})).map((t) => t.name)).toEqual(['Konsumen']);
    await invoke('codes.create', { name: 'kepercayaan' });
    expect(await inPostgres(4)).toEqual(projectRows(imageOf(cacheDir, 4)));
    session.close();
  });

  it('merges a coder\'s copy as one change written through, and takes the merge back the same way', async () => {
    await createEmpty(pool, 5, 'Tim');
    const cacheDir = tempDir('tematik-cache-');
    const { session, invoke } = teamSession(cacheDir);
    await session.open('team:5');
    await invoke('import.files', { paths: [path.join(SAMPLE_STUDY, 'P-01_fashion.txt')] });
    const code = await invoke('codes.create', { name: 'kepercayaan' });
    const copy = path.join(tempDir(), 'bima.tematik');
    await invoke('team.copyForCoder', { path: copy, coder: 'Bima' });

    const bima = localClient({ coder: 'Bima' });
    await bima.invoke('project.open', { path: copy });
    const documentId = (await bima.invoke('documents.list', {}))[0]!.id;
    await bima.invoke('codings.apply', { documentId, start: 10, end: 40, codeId: code.id });
    await bima.invoke('codes.create', { name: 'harga' });
    bima.session.close();

    const report = await invoke('team.merge', { path: copy });
    expect(report.codesAdded).toEqual(['harga']);
    expect(await inPostgres(5)).toEqual(projectRows(imageOf(cacheDir, 5)));
    expect((await invoke('codes.list', {})).map((c) => c.name).sort()).toEqual(['harga', 'kepercayaan']);
    await invoke('history.undo', {});
    expect((await invoke('codes.list', {})).map((c) => c.name)).toEqual(['kepercayaan']);
    expect(await inPostgres(5)).toEqual(projectRows(imageOf(cacheDir, 5)));
    session.close();
  });

  it('refuses names that are not team projects, and projects the database does not have', async () => {
    const { session } = teamSession(tempDir('tematik-cache-'));
    await expect(session.open('/tmp/study.tematik')).rejects.toMatchObject({ kind: 'not_found', message: expect.stringContaining('is not a team project') });
    await expect(session.open('team:99')).rejects.toMatchObject({ kind: 'not_found', message: expect.stringContaining('There is no team project 99') });
    expect((await pool.query(`SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND objid = 99`)).rows[0].n).toBe(0);
  });
});
