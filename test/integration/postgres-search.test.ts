import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Args, Invoke } from '../../src/api/contract';
import { localClient } from '../../src/api/client';
import { invoker } from '../../src/api/dispatch';
import { Session } from '../../src/api/session';
import type { SearchResult } from '../../src/domain/types';
import { postgresBackend } from '../../src/store/postgres/backend';
import { publishFile } from '../../src/store/postgres/publish';
import { startCluster, type Cluster } from '../helpers/postgres';
import { SAMPLE_STUDY, tempDir } from '../helpers/temp-project';

let cluster: Cluster;
let pool: pg.Pool;
const sessions: Session[] = [];
let local: Invoke;
let file: string;

beforeAll(async () => {
  cluster = await startCluster();
  pool = new pg.Pool({ connectionString: cluster.url });
  file = path.join(tempDir(), 'studi.tematik');
  const client = localClient({ coder: 'Peneliti A', host: { kind: 'cli', dataDir: tempDir('tematik-data-'), sampleDir: SAMPLE_STUDY } });
  sessions.push(client.session);
  await client.invoke('app.openSample', { variant: 'worked', path: file });
  local = client.invoke;
});

afterAll(async () => {
  for (const session of sessions) session.close();
  await pool?.end();
  cluster?.stop();
});

/** A session on the team server's backend and its contract, with the image's file. */
async function teamProject(projectId: number): Promise<{ invoke: Invoke; image: string; session: Session }> {
  const cacheDir = tempDir('tematik-cache-');
  const session = new Session({ coder: 'Peneliti A', backend: postgresBackend({ pool, cacheDir }) });
  sessions.push(session);
  await session.open(`team:${projectId}`);
  return { session, invoke: invoker({ session, progress: () => undefined }), image: path.join(cacheDir, `project-${projectId}.tematik`) };
}

/** A result without its timing; by relevance, its hits as a set (FTS5's bm25 and PostgreSQL's ts_rank order them differently). */
function comparable(result: SearchResult, sort: 'relevance' | 'document'): unknown {
  const hits = result.hits.map((h) => JSON.stringify(h));
  return { ...result, tookMs: 0, hits: sort === 'document' ? hits : hits.sort() };
}

const QUERIES = [
  'kolaborasi', 'berkolaborasi', 'pelanggannya', 'mitra', 'kemitraan', 'UKM', 'co-creation', 'brand equity', '"brand equity"', '"open innovation"',
  '"brand besar"', 'kolab*', 'pel*', 'mitra AND kolaborasi', 'mitra OR kolaborasi', 'pelanggan NOT brand', 'pelanggan -kopi',
  '(kopi OR skincare) AND pelanggan', 'pelanggan zzzyyyxxx', '"pelanggan brand"', 'yang', 'dan',
];

describe('search on a team project, matched in PostgreSQL', () => {
  it('finds what the project file finds, filters and order included, and matches in PostgreSQL, not in the image', async () => {
    await publishFile(pool, 1, file);
    const team = await teamProject(1);
    const types = await local('informantTypes.list', {});
    const codes = await local('codes.list', {});
    const documents = await local('documents.list', {});
    const filterSets: NonNullable<Args<'search.query'>['filters']>[] = [
      {},
      { informantTypeIds: [types[0]!.id] },
      { informantTypeIds: types.slice(1, 3).map((t) => t.id) },
      { role: 'interviewer' },
      { role: 'informant' },
      { codeId: codes[0]!.id },
      { scope: ['memos', 'codes'] },
      { documentIds: documents.slice(0, 3).map((d) => d.id) },
      { attribute: { name: 'city', value: 'Yogyakarta' } },
    ];
    const expected: { args: Args<'search.query'>; sort: 'relevance' | 'document'; result: unknown }[] = [];
    let found = 0;
    for (const query of QUERIES) {
      for (const filters of filterSets) {
        for (const sort of ['relevance', 'document'] as const) {
          // By relevance every hit is asked for, so the two engines' top hits are the same set.
          const args = { query, filters, sort, ...(sort === 'relevance' ? { limit: 2000 } : {}) };
          const want = await local('search.query', args);
          const got = await team.invoke('search.query', args);
          expect(comparable(got, sort), `${query} ${JSON.stringify(filters)} ${sort}`).toEqual(comparable(want, sort));
          expected.push({ args, sort, result: comparable(want, sort) });
          found += want.total;
        }
      }
    }
    // The queries find something, and some find nothing with an explanation.
    expect(found).toBeGreaterThan(500);
    expect(expected.some((e) => (e.result as SearchResult).empty?.kind === 'missing')).toBe(true);
    // A default search lists the first 200 by document exactly as the file does.
    expect((await team.invoke('search.query', { query: 'pelanggan', sort: 'document', limit: 5 })).hits)
      .toEqual((await local('search.query', { query: 'pelanggan', sort: 'document', limit: 5 })).hits);

    // The image's own index emptied: the team project still finds everything, so the matching is PostgreSQL's.
    const image = new Database(team.image);
    image.exec(`INSERT INTO search_fts(search_fts) VALUES ('delete-all')`);
    expect(image.prepare(`SELECT count(*) FROM search_fts WHERE search_fts MATCH 'pelanggan'`).pluck().get()).toBe(0);
    image.close();
    for (const { args, sort, result } of expected.filter((_, i) => i % 7 === 0)) {
      expect(comparable(await team.invoke('search.query', args), sort)).toEqual(result);
    }
    team.session.close();
  });

  it('keeps PostgreSQL\'s units in step with every change, in the change\'s own transaction', async () => {
    const { rows } = await pool.query<{ n: string }>('SELECT count(*) AS n FROM project_1._search');
    expect(Number(rows[0]!.n)).toBeGreaterThan(100);
    const team = await teamProject(1);
    const inPostgres = async (word: string) =>
      Number((await pool.query<{ n: string }>(`SELECT count(*) AS n FROM project_1._search WHERE tsv @@ $1::tsquery`, [`'${word}'`])).rows[0]!.n);
    /** The transaction that last wrote `_meta` (each change's) also wrote these units. */
    const sameTransaction = async (where: string) => {
      const meta = (await pool.query<{ x: string }>('SELECT xmin::text AS x FROM project_1._meta')).rows[0]!.x;
      const units = (await pool.query<{ x: string }>(`SELECT DISTINCT xmin::text AS x FROM project_1._search WHERE ${where}`)).rows.map((r) => r.x);
      expect(units).toEqual([meta]);
    };

    // A transcript edit: the new word is indexed, the old one gone from that transcript.
    const document = (await team.invoke('documents.list', {})).find((d) => d.title.startsWith('P-01'))!;
    const before = await team.invoke('documents.get', { id: document.id });
    const at = before.text.indexOf('pelanggan');
    expect(await inPostgres('zamrud')).toBe(0);
    await team.invoke('documents.editText', { id: document.id, edits: [{ start: at, end: at + 'pelanggan'.length, text: 'zamrud' }], expectedHash: before.contentHash });
    expect(await inPostgres('zamrud')).toBe(1);
    await sameTransaction(`document_id = ${document.id}`);
    const edited = await team.invoke('search.query', { query: 'zamrud' });
    expect(edited.hits.map((h) => [h.documentId, h.match])).toEqual([[document.id, 'zamrud']]);

    // A memo, then a phrase whose words are in it but not side by side.
    const memo = await team.invoke('memos.create', { title: 'Catatan lapangan', body: 'zebra makan rumput hijau', target: { kind: 'project' } });
    await sameTransaction(`memo_id = ${memo.id}`);
    expect((await team.invoke('search.query', { query: '"zebra makan"' })).passages).toBe(1);
    expect((await team.invoke('search.query', { query: 'zebra rumput' })).passages).toBe(1);
    expect((await team.invoke('search.query', { query: '"zebra rumput"' })).passages).toBe(0);

    // A code renamed: found by its new name only.
    const code = (await team.invoke('codes.list', {}))[0]!;
    await team.invoke('codes.update', { id: code.id, name: 'kepercayaan jerapah' });
    await sameTransaction(`code_id = ${code.id}`);
    const renamed = await team.invoke('search.query', { query: 'jerapah', filters: { scope: ['codes'] } });
    expect(renamed.hits.map((h) => h.codeId)).toEqual([code.id]);

    // Undone, the transcript's old word is back in PostgreSQL.
    await team.invoke('history.undo', {});
    await team.invoke('history.undo', {});
    await team.invoke('history.undo', {});
    expect(await inPostgres('zamrud')).toBe(0);
    expect((await team.invoke('search.query', { query: 'zebra' })).passages).toBe(0);
    expect((await team.invoke('search.query', { query: 'pelanggan' })).total).toBe((await local('search.query', { query: 'pelanggan' })).total);
    team.session.close();
  });

  it('checks on the image a unit too long for a tsvector, and finds it as FTS5 would', async () => {
    const team = await teamProject(1);
    // "yang" 300 times: PostgreSQL keeps 256 positions of a word and drops the rest.
    const body = `${'pelanggan yang setia. '.repeat(300)}zebra makan rumput`;
    const memo = await team.invoke('memos.create', { title: 'Panjang', body, target: { kind: 'project' } });
    const { rows } = await pool.query<{ exact: boolean; tsv: string }>(`SELECT exact, tsv::text FROM project_1._search WHERE memo_id = $1`, [memo.id]);
    expect(rows).toEqual([{ exact: false, tsv: '' }]);
    expect((await team.invoke('search.query', { query: '"zebra makan"' })).hits.map((h) => h.memoId)).toEqual([memo.id]);
    expect((await team.invoke('search.query', { query: '"setia zebra"' })).passages).toBe(1);
    expect((await team.invoke('search.query', { query: '"zebra rumput"' })).passages).toBe(0);
    expect((await team.invoke('search.query', { query: 'zebra NOT makan' })).passages).toBe(0);
    await team.invoke('history.undo', {});
    team.session.close();
  });

  it('gives a project published before there was a search table one as it opens', async () => {
    await publishFile(pool, 2, file);
    await pool.query('DROP TABLE project_2._search');
    const seq = (await pool.query<{ seq: string }>('SELECT seq::text AS seq FROM project_2._meta')).rows[0]!.seq;
    const team = await teamProject(2);
    const { rows } = await pool.query<{ n: string }>('SELECT count(*) AS n FROM project_2._search');
    const projectFile = new Database(file, { readonly: true });
    const units = projectFile.prepare('SELECT count(*) FROM search_units').pluck().get() as number;
    projectFile.close();
    expect(units).toBeGreaterThan(100);
    expect(Number(rows[0]!.n)).toBe(units);
    expect((await pool.query<{ seq: string }>('SELECT seq::text AS seq FROM project_2._meta')).rows[0]!.seq).toBe(seq);
    for (const query of ['kolaborasi', '"brand equity"', 'pel*']) {
      expect(comparable(await team.invoke('search.query', { query, limit: 2000 }), 'relevance')).toEqual(comparable(await local('search.query', { query, limit: 2000 }), 'relevance'));
    }
    team.session.close();
  });
});
