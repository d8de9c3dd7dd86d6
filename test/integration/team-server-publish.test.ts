import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localClient } from '../../src/api/client';
import type { Coding } from '../../src/domain/types';
import type { MergePlan, MergeReport } from '../../src/domain/team';
import { addUser } from '../../src/team-server/accounts';
import { startTeamServer, type TeamServer } from '../../src/team-server/http';
import { migrateServer } from '../../src/team-server/schema';
import { startCluster, type Cluster } from '../helpers/postgres';
import { dumpTables } from '../helpers/table-dump';
import { TeamBrowser } from '../helpers/team-client';
import { SAMPLE_STUDY, tempDir } from '../helpers/temp-project';

/*
 * Projects onto the team server and back, on a real PostgreSQL cluster: a .tematik file published
 * over HTTP and with the CLI, taken back as a copy both ways, table for table the same; and an
 * offline coder's copy, made and coded with the CLI, merged into the server project through an upload.
 */

const BIN = path.resolve(__dirname, '../../dist/src/cli/tematik.js');
const PASSWORD = 'kata-sandi-panjang';
let cluster: Cluster;
let pool: pg.Pool;
let database: string;
let server: TeamServer;
let cacheDir: string;
let ayu: TeamBrowser;
let bima: TeamBrowser;
/** The worked sample study: codes, codings, themes, links, memos, comments, history. */
let study: string;

/** The built CLI, run without blocking this process: the server under test answers from it meanwhile. */
function tematik(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, TEMATIK_CODER: 'Bima Putra', TEMATIK_LANG: 'en', TEMATIK_DATABASE: database };
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { encoding: 'utf8', env }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

/** The undo history and audit trail too, which dumpTables leaves out: a copy keeps them. */
function history(file: string): Record<string, unknown[]> {
  const db = new Database(file, { readonly: true });
  try {
    return Object.fromEntries(['history_steps', 'history_ops', 'audit_log'].map((table) => [table, db.prepare(`SELECT * FROM ${table} ORDER BY rowid`).raw().all()]));
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  if (!fs.existsSync(BIN)) throw new Error(`${BIN} is missing: run "npm run build:core" first (npm test does).`);
  cluster = await startCluster();
  database = cluster.createDatabase('team_publish');
  pool = new pg.Pool({ connectionString: database });
  await migrateServer(pool);
  await addUser(pool, { login: 'ayu', name: 'Ayu Lestari', password: PASSWORD });
  await addUser(pool, { login: 'bima', name: 'Bima Putra', password: PASSWORD });
  cacheDir = tempDir('tematik-cache-');
  server = await startTeamServer({ pool, cacheDir, staticDir: tempDir('tematik-static-') });
  ayu = new TeamBrowser(server.origin);
  bima = new TeamBrowser(server.origin);
  await ayu.login('ayu', PASSWORD);
  await bima.login('bima', PASSWORD);
  study = path.join(tempDir(), 'worked.tematik');
  const client = localClient({ coder: 'Ayu Lestari', host: { kind: 'cli', sampleDir: SAMPLE_STUDY } });
  await client.invoke('app.openSample', { variant: 'worked', path: study });
  client.session.close();
});

afterAll(async () => {
  await server?.close();
  await pool?.end();
  cluster?.stop();
});

async function download(browser: TeamBrowser, projectId: number): Promise<string> {
  const response = await browser.request('GET', `/api/team/projects/${projectId}/copy`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="/);
  const file = path.join(tempDir(), 'copy.tematik');
  fs.writeFileSync(file, Buffer.from(await response.arrayBuffer()));
  return file;
}

describe('publishing and taking a copy', () => {
  it('over HTTP: the copy holds every table as published, history included', async () => {
    const published = await ayu.request('POST', '/api/team/projects/publish', { body: fs.readFileSync(study), headers: { 'content-type': 'application/octet-stream' } });
    expect(published.status).toBe(200);
    const { id, name } = await published.json() as { id: number; name: string };
    expect(name).toContain('Co-creation');
    const copy = await download(ayu, id);
    expect(dumpTables(copy)).toEqual(dumpTables(study));
    expect(history(copy)).toEqual(history(study));
  });

  it('with the CLI: publish for an owner, take back by id', async () => {
    const published = await tematik('publish', study, '--owner', 'ayu', '--name', 'Studi lewat CLI', '--json');
    expect(published.code, published.stderr).toBe(0);
    const { id } = JSON.parse(published.stdout) as { id: number };
    const out = path.join(tempDir(), 'taken.tematik');
    const taken = await tematik('take', String(id), '--out', out);
    expect(taken.code, taken.stderr).toBe(0);
    expect(taken.stdout).toContain(`Wrote project ${id} to ${out}`);
    expect(dumpTables(out)).toEqual(dumpTables(study));
    expect((await tematik('take', String(id), '--out', out)).stderr).toContain('exists already');
    expect((await tematik('publish', study, '--owner', 'nobody-here')).code).toBe(1);
    expect((await tematik('take', String(id))).code).toBe(2);
  }, 120_000);

  it('refuses a file that is not a project, leaving no project behind', async () => {
    const before = await (await ayu.request('GET', '/api/team/projects')).json() as { projects: unknown[] };
    const refused = await ayu.request('POST', '/api/team/projects/publish', { body: Buffer.from('not a database at all'), headers: { 'content-type': 'application/octet-stream' } });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ ok: false, error: { text: { en: expect.any(String), id: expect.any(String) } } });
    const after = await (await ayu.request('GET', '/api/team/projects')).json() as { projects: unknown[] };
    expect(after.projects).toEqual(before.projects);
    expect((await ayu.request('POST', '/api/team/projects/publish', { json: {} })).status).toBe(415);
  });
});

describe('an offline coder\'s copy', () => {
  it('made and coded with the CLI, merges into the server project through an upload', async () => {
    const published = await ayu.request('POST', '/api/team/projects/publish?name=Studi%20tim', { body: fs.readFileSync(study), headers: { 'content-type': 'application/octet-stream' } });
    const { id } = await published.json() as { id: number };
    expect((await ayu.request('POST', `/api/team/projects/${id}/members`, { json: { login: 'bima', role: 'coder' } })).status).toBe(200);

    // Bima takes the project home, makes his own copy to code blind, codes it offline and brings it back.
    const taken = await download(bima, id);
    const copy = path.join(path.dirname(taken), 'untuk-bima.tematik');
    const made = await tematik('copy-for-coder', taken, copy, '--coder', 'Bima Putra');
    expect(made.code, made.stderr).toBe(0);
    const coded = await tematik('code', copy, '--document', 'P-01_fashion', '--code', 'kode luring', '--text', 'polling di Instagram');
    expect(coded.code, coded.stderr).toBe(0);

    const token = await bima.upload(fs.readFileSync(copy), 'untuk-bima.tematik');
    const plan = await bima.value<MergePlan>(id, 'team.mergePlan', { path: token });
    expect(plan.fromThisProject).toBe(true);
    expect(plan.codesAdded).toContain('kode luring');
    const report = await bima.value<MergeReport>(id, 'team.merge', { path: token });
    expect(report.codesAdded).toContain('kode luring');
    // The answer names no place on the server.
    expect(JSON.stringify(report)).not.toContain(cacheDir);
    expect(JSON.stringify(plan)).not.toContain(cacheDir);

    const codes = await ayu.value<{ id: number; name: string }[]>(id, 'codes.list');
    const offline = codes.find((c) => c.name === 'kode luring')!;
    const codings = await ayu.value<Coding[]>(id, 'codings.forCode', { codeId: offline.id });
    expect(codings.map((c) => [c.coderName, c.quote])).toEqual([['Bima Putra', 'polling di Instagram']]);
  }, 90_000);
});
