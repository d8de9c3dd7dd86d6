import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localClient } from '../../src/api/client';
import { integrityCheck } from '../../src/store/integrity';
import { createEmpty, dropProject, publishFile, takeCopy } from '../../src/store/postgres/publish';
import { projectAtVersion } from '../helpers/old-format';
import { startCluster, type Cluster } from '../helpers/postgres';
import { projectRows, searchVocabulary } from '../helpers/project-rows';
import { SAMPLE_STUDY, tempDir } from '../helpers/temp-project';
import { FOUR_CUES_VTT, toneWav } from '../helpers/wav';

let cluster: Cluster;
let pool: pg.Pool;

beforeAll(async () => {
  cluster = await startCluster();
  pool = new pg.Pool({ connectionString: cluster.url });
});

afterAll(async () => {
  await pool?.end();
  cluster?.stop();
});

/** How many schemas of team projects the database has. */
async function projectSchemas(): Promise<string[]> {
  const { rows } = await pool.query<{ nspname: string }>(`SELECT nspname FROM pg_namespace WHERE nspname LIKE 'project\\_%' ORDER BY nspname`);
  return rows.map((r) => r.nspname);
}

/**
 * The worked example, then what it lacks: a second coder, comments, undo and redo history, an
 * embedded recording of three 1 MiB parts, and values at the edges of their types written into the file.
 */
async function richProject(): Promise<string> {
  const dir = tempDir();
  const file = path.join(dir, 'rich.tematik');
  const client = localClient({ coder: 'Peneliti A', host: { kind: 'cli', dataDir: tempDir('tematik-data-'), sampleDir: SAMPLE_STUDY } });
  const { invoke } = client;
  await invoke('app.openSample', { variant: 'worked', path: file });
  const vtt = path.join(dir, 'S-01_wawancara.vtt');
  fs.writeFileSync(vtt, FOUR_CUES_VTT);
  await invoke('import.files', { paths: [vtt] });
  const documents = await invoke('documents.list', {});
  const withRecording = documents.find((d) => d.title.startsWith('S-01'))!;
  const wav = path.join(dir, 'S-01_wawancara.wav');
  fs.writeFileSync(wav, toneWav(150));
  await invoke('recordings.link', { documentId: withRecording.id, path: wav, embed: true });
  const themes = await invoke('themes.list', {});
  await invoke('comments.add', { target: { kind: 'theme', id: themes[0]!.id }, body: 'Definisi ini perlu contoh dari konsumen 👩🏽‍💻 café' });
  await invoke('coders.setCurrent', { name: 'Peneliti B' });
  const code = await invoke('codes.create', { name: 'kepercayaan merek', description: 'trust — e\u0301 combining' });
  await invoke('codings.apply', { documentId: withRecording.id, start: 0, end: 10, codeId: code.id });
  await invoke('memos.create', { title: 'Refleksi', body: 'Catatan B', target: { kind: 'code', id: code.id } });
  await invoke('history.undo', {});
  await invoke('history.undo', {});
  await invoke('history.redo', {});
  client.session.close();

  const db = new Database(file);
  db.prepare('UPDATE informant_types SET sort_order = ? WHERE id = (SELECT min(id) FROM informant_types)').run(2n ** 62n + 1n);
  db.prepare('UPDATE theme_positions SET x = ?, y = ? WHERE rowid = (SELECT min(rowid) FROM theme_positions)').run(1 / 3, 0.1 + 0.2);
  db.prepare('UPDATE theme_positions SET x = ?, y = ? WHERE rowid = (SELECT max(rowid) FROM theme_positions)').run(5e-324, -1.7976931348623157e308);
  db.close();
  return file;
}

describe('publishing a project file to PostgreSQL and taking a copy back', () => {
  it('is lossless: every table row for row, history and audit included, the format, and a working search index', async () => {
    const file = await richProject();
    const before = projectRows(file);
    expect(JSON.parse(before.recording_blobs!)).toHaveLength(3);
    expect(before.informant_types).toContain(`int:${2n ** 62n + 1n}`);
    expect(before.theme_positions).toContain('real:0.30000000000000004');
    expect(before.theme_positions).toContain('real:5e-324');
    expect(JSON.parse(before.history_steps!).length).toBeGreaterThan(10);

    const published = await publishFile(pool, 1, file);
    const guid = (new Database(file, { readonly: true }).prepare('SELECT guid, name FROM project').get()) as { guid: string; name: string };
    expect(published).toEqual(guid);

    const out = path.join(tempDir(), 'copy.tematik');
    await takeCopy(pool, 1, out);
    expect(projectRows(out)).toEqual(before);
    expect(searchVocabulary(out)).toBe(searchVocabulary(file));
    const db = new Database(out, { readonly: true });
    expect(integrityCheck(db).ok).toBe(true);
    db.close();

    // The copy opens and searches like the original.
    const search = async (at: string) => {
      const client = localClient({ coder: 'Peneliti A' });
      await client.invoke('project.open', { path: at });
      const result = await client.invoke('search.query', { query: 'pelanggan' });
      client.session.close();
      return { ...result, tookMs: 0 };
    };
    const found = await search(out);
    expect(found.total).toBeGreaterThan(0);
    expect(found).toEqual(await search(file));

    // A copy is never written over a file.
    await expect(takeCopy(pool, 1, out)).rejects.toThrow(/already exists/);
    await dropProject(pool, 1);
    expect(await projectSchemas()).toEqual([]);
  });

  it('refuses a damaged file, a foreign database and a file that is no database with the usual messages, leaving PostgreSQL as it was', async () => {
    await createEmpty(pool, 7, 'Tetap');
    const schemas = await projectSchemas();
    const dir = tempDir();

    const notSqlite = path.join(dir, 'notes.tematik');
    fs.writeFileSync(notSqlite, 'bukan basis data');
    await expect(publishFile(pool, 8, notSqlite)).rejects.toMatchObject({ kind: 'not_a_project', message: `${notSqlite} is not a Tematik project: it is not an SQLite database. Open a *.tematik file, or import this file into a project instead.` });

    const foreign = path.join(dir, 'other.tematik');
    const other = new Database(foreign);
    other.exec('CREATE TABLE t (x)');
    other.close();
    await expect(publishFile(pool, 8, foreign)).rejects.toMatchObject({ kind: 'not_a_project', message: `${foreign} is an SQLite database from another program, not a Tematik project. Open a *.tematik file instead.` });

    const missing = path.join(dir, 'nope.tematik');
    await expect(publishFile(pool, 8, missing)).rejects.toMatchObject({ kind: 'not_found' });

    // A page of the codings table overwritten: SQLite's check finds it.
    const damaged = await richProject();
    const probe = new Database(damaged);
    probe.pragma('journal_mode = DELETE');
    const root = probe.prepare(`SELECT rootpage FROM sqlite_schema WHERE name = 'codings'`).pluck().get() as number;
    const pageSize = probe.pragma('page_size', { simple: true }) as number;
    probe.close();
    const fd = fs.openSync(damaged, 'r+');
    fs.writeSync(fd, Buffer.alloc(pageSize, 0x5a), 0, pageSize, (root - 1) * pageSize);
    fs.closeSync(fd);
    const refusal = await publishFile(pool, 8, damaged).then(() => new Error('published'), (error: unknown) => error as Error & { kind?: string });
    expect(refusal).toMatchObject({ kind: 'damaged' });
    expect(refusal.message).toContain(path.basename(damaged));
    expect(refusal.message).not.toContain('tematik-publish-');

    // A table added by hand: not as Tematik makes it.
    const altered = path.join(dir, 'altered.tematik');
    const client = localClient({ coder: 'Peneliti A' });
    await client.invoke('project.create', { path: altered, name: 'Diubah' });
    client.session.close();
    const db = new Database(altered);
    db.exec('CREATE TABLE extra (id INTEGER PRIMARY KEY) STRICT');
    db.close();
    await expect(publishFile(pool, 8, altered)).rejects.toMatchObject({ kind: 'not_a_project', message: expect.stringContaining(`${altered} is not a project as Tematik makes it`) });

    // Text PostgreSQL cannot hold (U+0000) is refused by name; nothing of the project is left behind.
    const withNul = path.join(dir, 'nul.tematik');
    const writer = localClient({ coder: 'Peneliti A' });
    await writer.invoke('project.create', { path: withNul, name: 'NUL' });
    await writer.invoke('memos.create', { body: 'a\u0000b', target: { kind: 'project' } });
    writer.session.close();
    await expect(publishFile(pool, 8, withNul)).rejects.toMatchObject({ kind: 'bad_input', message: expect.stringContaining('Row 1 of memos has a NUL character (U+0000) in body') });

    expect(await projectSchemas()).toEqual(schemas);
    await expect(createEmpty(pool, 7, 'Lagi')).rejects.toMatchObject({ kind: 'conflict' });
    await dropProject(pool, 7);
  });

  it('publishes a file of an older format migrated to this one, leaving the file itself as it was', async () => {
    const old = projectAtVersion(5);
    const bytes = fs.readFileSync(old);
    await publishFile(pool, 9, old);
    expect(fs.readFileSync(old).equals(bytes)).toBe(true);
    const out = path.join(tempDir(), 'migrated.tematik');
    await takeCopy(pool, 9, out);
    const rows = projectRows(out);
    expect(Number(rows.user_version)).toBeGreaterThan(5);
    expect(rows.project).toContain('Studi UMKM');
    await dropProject(pool, 9);
  });
});
