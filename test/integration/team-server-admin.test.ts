import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser } from '../../src/team-server/accounts';
import { STREAM_CHECK_MS } from '../../src/team-server/event-streams';
import { startTeamServer, type TeamServer } from '../../src/team-server/http';
import { migrateServer } from '../../src/team-server/schema';
import { startCluster, type Cluster } from '../helpers/postgres';
import { TeamBrowser } from '../helpers/team-client';
import { tempDir } from '../helpers/temp-project';

/*
 * A running team server while its administrator changes accounts with the CLI, in another process,
 * straight in the database: the server over real HTTP, the built `tematik` on the same cluster.
 */

const BIN = path.resolve(__dirname, '../../dist/src/cli/tematik.js');
const PASSWORD = 'kata-sandi-panjang';
let cluster: Cluster;
let url: string;
let pool: pg.Pool;
let server: TeamServer;
let projectId: number;

/** The administrator's command, in a process of its own. */
function tematik(args: string[], input = '') {
  const result = spawnSync(process.execPath, [BIN, ...args, '--database', url], { encoding: 'utf8', input, env: { ...process.env, TEMATIK_LANG: 'en' } });
  expect(result.status, result.stderr).toBe(0);
  return result.stdout;
}

async function loggedIn(login: string): Promise<TeamBrowser> {
  const browser = new TeamBrowser(server.origin);
  expect((await browser.login(login, PASSWORD)).status).toBe(200);
  return browser;
}

beforeAll(async () => {
  if (!fs.existsSync(BIN)) throw new Error(`${BIN} is missing: run "npm run build:core" first (npm test does).`);
  cluster = await startCluster();
  url = cluster.createDatabase('team_admin');
  pool = new pg.Pool({ connectionString: url });
  await migrateServer(pool);
  for (const [login, name] of [['ayu', 'Ayu Lestari'], ['bima', 'Bima Putra'], ['citra', 'Citra Dewi'], ['dodi', 'Dodi Hartono'], ['eka', 'Eka Saputra']]) {
    await addUser(pool, { login: login!, name: name!, password: PASSWORD });
  }
  server = await startTeamServer({ pool, cacheDir: tempDir('tematik-cache-'), staticDir: tempDir('tematik-static-') });
  const ayu = await loggedIn('ayu');
  projectId = (await (await ayu.request('POST', '/api/team/projects', { json: { name: 'Studi Bersama' } })).json() as { id: number }).id;
  for (const login of ['bima', 'citra', 'dodi', 'eka']) {
    expect((await ayu.request('POST', `/api/team/projects/${projectId}/members`, { json: { login, role: 'coder' } })).status).toBe(200);
  }
});

afterAll(async () => {
  await server?.close();
  await pool?.end();
  cluster?.stop();
});

describe('an account disabled with the CLI', () => {
  it('is logged out of the server at once and refused at login with what to do; enabled, it logs in again', async () => {
    const bima = await loggedIn('bima');
    expect((await bima.invoke(projectId, 'codes.list')).status).toBe(200);
    expect(tematik(['users', 'disable', 'bima'])).toMatch(/^Disabled "bima" \(Bima Putra\): they cannot log in, and 1 login session\(s\) of theirs ended/);

    expect((await bima.invoke(projectId, 'codes.list')).status).toBe(401);
    expect((await bima.request('GET', '/api/team/session')).status).toBe(401);
    const refused = await new TeamBrowser(server.origin).login('bima', PASSWORD);
    expect(refused.status).toBe(403);
    expect(refused.headers.get('set-cookie')).toBeNull();
    expect(await refused.json()).toMatchObject({
      ok: false,
      error: {
        kind: 'permission',
        text: {
          en: 'The account "bima" is disabled on this server, so it cannot log in. Ask the server\'s administrator to enable it again ("tematik users enable bima").',
          id: 'Akun "bima" dinonaktifkan di server ini, jadi tidak dapat masuk. Mintalah administrator server untuk mengaktifkannya kembali ("tematik users enable bima").',
        },
      },
    });
    // Without the password, a disabled account answers as any wrong login does.
    const guess = await new TeamBrowser(server.origin).login('bima', 'tebakan-yang-salah');
    expect(guess.status).toBe(401);
    expect(JSON.stringify(await guess.json())).not.toContain('disabled');

    expect(tematik(['users', 'enable', 'bima'])).toBe('Enabled "bima" (Bima Putra): they can log in again with their password.\n');
    const again = await loggedIn('bima');
    expect((await again.invoke(projectId, 'codes.list')).status).toBe(200);
  }, 60_000);
});

describe('live event streams', () => {
  it('end within seconds for a user disabled, removed, given a new password or removed from the project with the CLI; others go on', async () => {
    const ayu = await loggedIn('ayu');
    const users = { bima: await loggedIn('bima'), citra: await loggedIn('citra'), dodi: await loggedIn('dodi'), eka: await loggedIn('eka') };
    const streams = Object.fromEntries(await Promise.all(Object.entries(users).map(async ([login, browser]) => [login, await browser.events(projectId)] as const)));
    const watching = await ayu.events(projectId);
    try {
      tematik(['users', 'disable', 'bima']);
      tematik(['users', 'remove', 'citra']);
      tematik(['users', 'passwd', 'dodi', '--password-stdin'], 'sandi-baru-yang-panjang\n');
      tematik(['members', 'remove', String(projectId), 'eka']);
      // The server checks every open stream every STREAM_CHECK_MS: each of these has ended by then (with a margin for a busy machine).
      for (const [login, stream] of Object.entries(streams)) {
        await expect(stream.next('changed', STREAM_CHECK_MS + 3000), login).rejects.toThrow('the event stream ended');
      }
      await ayu.value(projectId, 'codes.create', { name: 'masih terdengar' });
      expect((await watching.next('changed', 2000)).data).toMatchObject({ action: 'codes.create', by: { login: 'ayu' } });
      // Each of them is refused the project now: logged out, or no longer a member.
      for (const [login, browser] of Object.entries(users)) expect((await browser.invoke(projectId, 'codes.list')).status, login).toBe(login === 'eka' ? 404 : 401);
    } finally {
      for (const stream of [...Object.values(streams), watching]) stream.close();
    }
  }, 60_000);
});
