import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Code, Coding, Comment } from '../../src/domain/types';
import { addUser } from '../../src/team-server/accounts';
import { startTeamServer, type TeamServer } from '../../src/team-server/http';
import { migrateServer } from '../../src/team-server/schema';
import { startCluster, type Cluster } from '../helpers/postgres';
import { TeamBrowser } from '../helpers/team-client';
import { newProject, SAMPLE_STUDY, tempDir } from '../helpers/temp-project';
import { toneWav } from '../helpers/wav';

/*
 * The team server over real HTTP on a real PostgreSQL cluster: logins, the checks every request
 * passes (cookie, CSRF, Origin, content type), what each role may do, uploads in place of paths,
 * and several users live on one project.
 */

const PASSWORD = 'kata-sandi-panjang';
let cluster: Cluster;
let pool: pg.Pool;
let server: TeamServer;
let projectId: number;
let documentId: number;
const staticDir = tempDir('tematik-static-');
const cacheDir = tempDir('tematik-cache-');
const browsers: Record<'ayu' | 'bima' | 'sari' | 'dewi', TeamBrowser> = {} as never;

beforeAll(async () => {
  cluster = await startCluster();
  pool = new pg.Pool({ connectionString: cluster.createDatabase('team_http') });
  await migrateServer(pool);
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Tematik</title>');
  await addUser(pool, { login: 'ayu', name: 'Ayu Lestari', password: PASSWORD });
  await addUser(pool, { login: 'bima', name: 'Bima Putra', password: PASSWORD });
  await addUser(pool, { login: 'sari', name: 'Dr. Sari', password: PASSWORD });
  await addUser(pool, { login: 'dewi', name: 'Dewi', password: PASSWORD });
  server = await startTeamServer({ pool, cacheDir, staticDir });
  for (const login of ['ayu', 'bima', 'sari', 'dewi'] as const) {
    browsers[login] = new TeamBrowser(server.origin);
    expect((await browsers[login].login(login, PASSWORD)).status).toBe(200);
  }
  // Ayu publishes a study made on her computer and makes Bima a coder and Dr. Sari a reviewer.
  const local = await newProject('Ayu Lestari');
  await local.invoke('import.files', { paths: [path.join(SAMPLE_STUDY, 'P-01_fashion.txt')] });
  local.session.close();
  const published = await browsers.ayu.request('POST', '/api/team/projects/publish?name=Studi%20UMKM', {
    body: fs.readFileSync(local.file), headers: { 'content-type': 'application/octet-stream' },
  });
  expect(published.status).toBe(200);
  projectId = (await published.json() as { id: number }).id;
  for (const [login, role] of [['bima', 'coder'], ['sari', 'reviewer']] as const) {
    expect((await browsers.ayu.request('POST', `/api/team/projects/${projectId}/members`, { json: { login, role } })).status).toBe(200);
  }
  documentId = (await browsers.ayu.value<{ id: number }[]>(projectId, 'documents.list'))[0]!.id;
});

afterAll(async () => {
  await server?.close();
  await pool?.end();
  cluster?.stop();
});

describe('logging in', () => {
  it('sets an HttpOnly, SameSite=Strict cookie (not Secure over plain http) and answers with the user and a CSRF token', async () => {
    const browser = new TeamBrowser(server.origin);
    const response = await browser.login('bima', PASSWORD);
    expect(await response.json()).toMatchObject({ user: { login: 'bima', name: 'Bima Putra' }, csrf: expect.any(String), session: expect.any(String) });
    expect(browser.setCookie).toMatch(/^tematik_session=[A-Za-z0-9_-]{43}; /);
    expect(browser.setCookie).toContain('HttpOnly');
    expect(browser.setCookie).toContain('SameSite=Strict');
    expect(browser.setCookie).toContain('Path=/');
    expect(browser.setCookie).not.toContain('Secure');
    const session = await browser.request('GET', '/api/team/session');
    expect(await session.json()).toMatchObject({ user: { login: 'bima' }, csrf: browser.csrf });
  });

  it('refuses a wrong password, and a session after logging out', async () => {
    const wrong = await new TeamBrowser(server.origin).login('bima', 'not-the-password');
    expect(wrong.status).toBe(401);
    const body = await wrong.json() as { ok: boolean; error: { text: { en: string; id: string } } };
    expect(body.ok).toBe(false);
    expect(body.error.text.id).toBeTruthy();
    const browser = new TeamBrowser(server.origin);
    await browser.login('bima', PASSWORD);
    expect((await browser.request('POST', '/api/team/logout')).headers.get('set-cookie')).toContain('Max-Age=0');
    expect((await browser.request('GET', '/api/team/session')).status).toBe(401);
    expect((await browser.invoke(projectId, 'codes.list')).status).toBe(401);
  });

  it('makes the cookie Secure when the public address is https, and refuses a Host that names another server', async () => {
    const behindProxy = await startTeamServer({ pool, cacheDir: tempDir('tematik-cache-'), staticDir, publicOrigin: 'https://tematik.example.org' });
    try {
      const post = (host: string) => new Promise<{ status: number; cookie: string }>((resolve, reject) => {
        const { port } = new URL(behindProxy.listening);
        const req = http.request({ host: '127.0.0.1', port: Number(port), path: '/api/team/login', method: 'POST', headers: { host, 'content-type': 'application/json', origin: 'https://tematik.example.org' } }, (res) => {
          res.resume();
          resolve({ status: res.statusCode ?? 0, cookie: res.headers['set-cookie']?.[0] ?? '' });
        });
        req.on('error', reject);
        req.end(JSON.stringify({ login: 'bima', password: PASSWORD }));
      });
      const login = await post('tematik.example.org');
      expect(login.status).toBe(200);
      expect(login.cookie).toContain('; Secure');
      expect((await post('attacker.example')).status).toBe(421);
    } finally {
      await behindProxy.close();
    }
  });

  it('refuses logins with 429 and Retry-After after 10 failures, without trying the password', async () => {
    // A server of its own: its limiter counts this address's failures apart from the other tests.
    const own = await startTeamServer({ pool, cacheDir: tempDir('tematik-cache-'), staticDir });
    try {
      await addUser(pool, { login: 'eko', name: 'Eko', password: PASSWORD });
      for (let i = 0; i < 10; i++) expect((await new TeamBrowser(own.origin).login('eko', `salah-${i}-sandi`)).status).toBe(401);
      const refused = await new TeamBrowser(own.origin).login('eko', PASSWORD);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      const body = await refused.json() as { error: { text: { en: string; id: string } } };
      expect(body.error.text.en).toMatch(/Too many failed logins/);
      expect(body.error.text.id).toMatch(/Terlalu banyak/);
    } finally {
      await own.close();
    }
  });
});

/** A login as it reaches the server through a reverse proxy, which says in X-Forwarded-For whom it came from. */
const loginThrough = (origin: string, forwardedFor: string, login: string, password: string): Promise<Response> => fetch(`${origin}/api/team/login`, {
  method: 'POST', headers: { 'content-type': 'application/json', origin, 'x-forwarded-for': forwardedFor }, body: JSON.stringify({ login, password }),
});

describe('login limits behind a reverse proxy (--trust-proxy)', () => {
  it('ignores X-Forwarded-For from an address it does not trust: a guesser\'s made-up addresses are all counted as the one it sends from', async () => {
    const own = await startTeamServer({ pool, cacheDir: tempDir('tematik-cache-'), staticDir, trustProxy: ['192.0.2.1'] });
    try {
      // A new made-up address with every try, each for another login, so that only the address is counted.
      for (let i = 0; i < 10; i++) expect((await loginThrough(own.origin, `203.0.113.${i + 1}`, `tamu-${i}`, 'bukan-sandinya')).status).toBe(401);
      const refused = await loginThrough(own.origin, '203.0.113.99', 'bima', PASSWORD);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    } finally {
      await own.close();
    }
  });

  it('counts two clients of a trusted proxy apart, by the right-most address the proxy forwarded', async () => {
    const own = await startTeamServer({ pool, cacheDir: tempDir('tematik-cache-'), staticDir, trustProxy: ['127.0.0.1'] });
    try {
      for (let i = 0; i < 10; i++) expect((await loginThrough(own.origin, '203.0.113.7', `tamu-${i}`, 'bukan-sandinya')).status).toBe(401);
      // The guesser waits, also when it writes another address in front of the one the proxy appends.
      expect((await loginThrough(own.origin, '203.0.113.7', 'bima', PASSWORD)).status).toBe(429);
      expect((await loginThrough(own.origin, '198.51.100.9, 203.0.113.7', 'bima', PASSWORD)).status).toBe(429);
      // Another user behind the same proxy logs in.
      expect((await loginThrough(own.origin, '198.51.100.9', 'bima', PASSWORD)).status).toBe(200);
    } finally {
      await own.close();
    }
  });
});

describe('every request', () => {
  it('needs the session\'s CSRF header for anything but reading', async () => {
    const bima = browsers.bima;
    const without = await bima.request('POST', `/api/team/projects/${projectId}/invoke`, { json: { name: 'codes.create', args: { name: 'tanpa token' } }, csrf: false });
    expect(without.status).toBe(403);
    const wrong = await bima.request('POST', `/api/team/projects/${projectId}/invoke`, { json: { name: 'codes.create', args: { name: 'token lain' } }, headers: { 'x-csrf-token': browsers.ayu.csrf } });
    expect(wrong.status).toBe(403);
    expect((await bima.value<Code[]>(projectId, 'codes.list')).map((c) => c.name)).not.toContain('tanpa token');
  });

  it('refuses requests from another origin, and JSON routes sent as anything but JSON', async () => {
    const bima = browsers.bima;
    const crossSite = await bima.request('POST', `/api/team/projects/${projectId}/invoke`, { json: { name: 'codes.list', args: {} }, headers: { origin: 'https://evil.example' } });
    expect(crossSite.status).toBe(403);
    const form = await bima.request('POST', `/api/team/projects/${projectId}/invoke`, { body: 'name=codes.list', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(form.status).toBe(415);
    const loginForm = await fetch(`${server.origin}/api/team/login`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ login: 'bima', password: PASSWORD }) });
    expect(loginForm.status).toBe(415);
    expect(loginForm.headers.get('set-cookie')).toBeNull();
  });

  it('needs a login for the API, and serves the renderer with its CSP to anyone', async () => {
    expect((await fetch(`${server.origin}/api/team/projects`)).status).toBe(401);
    const page = await fetch(`${server.origin}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect((await fetch(`${server.origin}/..%2f..%2fetc%2fpasswd`)).status).toBe(400);
  });
});

describe('roles', () => {
  it('lets a reviewer read and comment, and refuses any change with the reason in English and Indonesian', async () => {
    const sari = browsers.sari;
    expect((await sari.invoke(projectId, 'documents.list')).outcome.ok).toBe(true);
    const { status, outcome } = await sari.invoke(projectId, 'codings.apply', { documentId, start: 0, end: 5, codeName: 'reviewer code' });
    expect(status).toBe(403);
    expect(outcome).toMatchObject({ ok: false, error: { kind: 'permission', text: { en: expect.stringMatching(/review this project/), id: expect.stringMatching(/meninjau proyek ini/) } } });
    const code = await browsers.ayu.value<Code>(projectId, 'codes.create', { name: 'untuk dikomentari' });
    const comment = await sari.value<Comment>(projectId, 'comments.add', { target: { kind: 'code', id: code.id }, body: 'Definisinya kurang tajam.' });
    expect(comment.author).toBe('Dr. Sari');
    expect((await browsers.ayu.value<Code[]>(projectId, 'codes.list')).map((c) => c.name)).not.toContain('reviewer code');
  });

  it('lets only an owner delete the project or manage its members', async () => {
    const bima = browsers.bima;
    expect((await bima.request('DELETE', `/api/team/projects/${projectId}`)).status).toBe(403);
    expect((await bima.request('POST', `/api/team/projects/${projectId}/members`, { json: { login: 'dewi', role: 'coder' } })).status).toBe(403);
    expect((await bima.request('DELETE', `/api/team/projects/${projectId}/members/sari`)).status).toBe(403);
    const members = await (await bima.request('GET', `/api/team/projects/${projectId}/members`)).json() as { members: { login: string; role: string }[] };
    expect(members.members.map((m) => [m.login, m.role]).sort()).toEqual([['ayu', 'owner'], ['bima', 'coder'], ['sari', 'reviewer']]);
    expect((await bima.invoke(projectId, 'codes.list')).outcome.ok).toBe(true);

    // The owner may: a project of her own, made empty on the server, deleted again.
    const made = await browsers.ayu.request('POST', '/api/team/projects', { json: { name: 'Proyek sementara' } });
    expect(made.status).toBe(200);
    const { id } = await made.json() as { id: number };
    expect((await browsers.ayu.value<{ name: string }>(id, 'project.info')).name).toBe('Proyek sementara');
    expect((await browsers.ayu.request('DELETE', `/api/team/projects/${id}`)).status).toBe(200);
    expect((await browsers.ayu.invoke(id, 'project.info')).status).toBe(404);
  });

  it('answers a project the user is no member of as one that does not exist', async () => {
    const dewi = browsers.dewi;
    const projects = await (await dewi.request('GET', '/api/team/projects')).json() as { projects: unknown[] };
    expect(projects.projects).toEqual([]);
    const theirs = await dewi.invoke(projectId, 'documents.list');
    const none = await dewi.invoke(999_999, 'documents.list');
    expect(theirs.status).toBe(404);
    expect(none.status).toBe(404);
    expect(JSON.stringify(theirs.outcome).replaceAll(String(projectId), 'N')).toBe(JSON.stringify(none.outcome).replaceAll('999999', 'N'));
    for (const route of ['/events', '/copy', '/members', '/media/1']) expect((await dewi.request('GET', `/api/team/projects/${projectId}${route}`)).status, route).toBe(404);
  });

  it('names no place on the server\'s disk in what it answers', async () => {
    for (const action of ['app.info', 'project.info', 'documents.list', 'recordings.list', 'history.state', 'audit.list', 'coders.list'] as const) {
      const { outcome } = await browsers.bima.invoke(projectId, action);
      expect(outcome.ok, action).toBe(true);
      expect(JSON.stringify(outcome), action).not.toContain(cacheDir);
    }
  });

  it('says in app.info that it is a team server: no file dialogs, no sample, no recent files, the project by its team name', async () => {
    const info = await browsers.bima.value<Record<string, unknown>>(projectId, 'app.info');
    expect(info).toMatchObject({ host: 'server', dialogs: false, sampleAvailable: false, recent: [], projectPath: `team:${projectId}` });
  });

  it('refuses what only a computer of one\'s own does, saying what to do instead', async () => {
    const { status, outcome } = await browsers.ayu.invoke(projectId, 'project.open', { path: '/etc/passwd' });
    expect(status).toBe(400);
    expect(outcome).toMatchObject({ ok: false, error: { text: { en: expect.stringMatching(/team server keeps its projects/), id: expect.any(String) } } });
  });
});

describe('uploads in place of paths', () => {
  const transcript = () => fs.readFileSync(path.join(SAMPLE_STUDY, 'M-01_konsultan.txt'));

  it('imports a file the user uploaded, by its token', async () => {
    const token = await browsers.bima.upload(transcript(), 'M-01 konsultan.txt');
    expect(token).toMatch(/^upload:[0-9a-f]{32}$/);
    const report = await browsers.bima.value<{ imported: { file: string }[] }>(projectId, 'import.files', { paths: [token] });
    expect(report.imported.map((d) => d.file)).toEqual(['M-01 konsultan.txt']);
  });

  it('refuses a path of the server, another session\'s token, and an output path', async () => {
    const bimaToken = await browsers.bima.upload(transcript(), 'lagi.txt');
    const server = await browsers.ayu.invoke(projectId, 'import.files', { paths: [path.join(SAMPLE_STUDY, 'P-02_kopi.docx')] });
    expect(server).toMatchObject({ status: 400, outcome: { ok: false, error: { text: { en: expect.stringMatching(/not a path|upload token/) } } } });
    const stolen = await browsers.ayu.invoke(projectId, 'import.files', { paths: [bimaToken] });
    expect(stolen).toMatchObject({ status: 400, outcome: { ok: false, error: { text: { en: expect.stringMatching(/no longer kept/) } } } });
    const out = path.join(tempDir(), 'laporan.docx');
    const written = await browsers.ayu.invoke(projectId, 'report.word', { path: out });
    expect(written.status).toBe(400);
    expect(fs.existsSync(out)).toBe(false);
    // Without a path the report comes back to download.
    const report = await browsers.ayu.value<{ base64: string | null }>(projectId, 'report.word', {});
    expect(report.base64?.length).toBeGreaterThan(1000);
  });

  it('forgets a session\'s uploads when it logs out', async () => {
    const browser = new TeamBrowser(server.origin);
    await browser.login('bima', PASSWORD);
    const token = await browser.upload(transcript(), 'sesi.txt');
    await browser.request('POST', '/api/team/logout');
    await browser.login('bima', PASSWORD);
    const late = await browser.invoke(projectId, 'import.files', { paths: [token] });
    expect(late.status).toBe(400);
  });

  it('keeps a user\'s uploads, in all their browsers, within their quota: more is refused with 413 and what to do', async () => {
    const own = await startTeamServer({ pool, cacheDir: tempDir('tematik-cache-'), staticDir, uploadQuotaBytes: 1024 * 1024 });
    try {
      const [first, second, other] = [new TeamBrowser(own.origin), new TeamBrowser(own.origin), new TeamBrowser(own.origin)];
      await first.login('bima', PASSWORD);
      await second.login('bima', PASSWORD);
      await other.login('ayu', PASSWORD);
      const file = Buffer.alloc(600 * 1024, 0x61);
      await first.upload(file, 'satu.txt');
      const refused = await second.request('POST', '/api/team/uploads', { body: file, headers: { 'content-type': 'application/octet-stream', 'x-file-name': 'dua.txt' } });
      expect(refused.status).toBe(413);
      expect(await refused.json()).toMatchObject({ ok: false, error: { kind: 'bad_input', text: {
        en: expect.stringMatching(/^This file does not fit in your upload space on this server: your uploads take 0\.6 MB of the 1 MB each user may keep \(0\.4 MB free\)/),
        id: expect.stringMatching(/^Berkas ini tidak muat di ruang unggahan Anda/),
      } } });
      // Another user's uploads are counted apart; logging out frees what that browser uploaded.
      await other.upload(file, 'milik-ayu.txt');
      await first.request('POST', '/api/team/logout');
      expect(await second.upload(file, 'dua.txt')).toMatch(/^upload:/);
    } finally {
      await own.close();
    }
  });

  it('plays a recording embedded from an upload, with range requests', async () => {
    const wav = toneWav(1);
    const token = await browsers.bima.upload(wav, 'P-01.wav');
    expect((await browsers.bima.invoke(projectId, 'recordings.link', { documentId, path: token })).status).toBe(400);
    const linked = await browsers.bima.value<{ recordingId?: number; id?: number }>(projectId, 'recordings.link', { documentId, path: token, embed: true });
    const list = await browsers.bima.value<{ id: number }[]>(projectId, 'recordings.list');
    const id = list[0]?.id ?? linked.recordingId ?? linked.id;
    const part = await browsers.sari.request('GET', `/api/team/projects/${projectId}/media/${id}`, { headers: { range: 'bytes=0-99' } });
    expect(part.status).toBe(206);
    expect(Buffer.from(await part.arrayBuffer())).toEqual(wav.subarray(0, 100));
  });
});

describe('live on one project', () => {
  it('tells one user within a second that another coded', async () => {
    const stream = await browsers.ayu.events(projectId);
    try {
      await browsers.bima.value<Coding>(projectId, 'codings.apply', { documentId, start: 0, end: 10, codeName: 'langsung' });
      const event = await stream.next('changed', 1000);
      expect(event.data).toEqual({ action: 'codings.apply', by: { login: 'bima', name: 'Bima Putra' }, session: browsers.bima.session });
      expect(browsers.bima.session).not.toBe(browsers.ayu.session);
    } finally {
      stream.close();
    }
  });

  it('sends the progress of a long action only to the session that started it', async () => {
    const own = await browsers.bima.events(projectId);
    const other = await browsers.ayu.events(projectId);
    try {
      const token = await browsers.bima.upload(fs.readFileSync(path.join(SAMPLE_STUDY, 'M-02_brand_strategist.txt')), 'M-02.txt');
      await browsers.bima.value(projectId, 'import.files', { paths: [token] });
      expect((await own.next('progress', 1000)).data).toMatchObject({ done: expect.any(Number), total: expect.any(Number) });
      // A stream's events come in order: by the time the change is told, any progress would have come before it.
      expect((await other.next('changed', 1000)).data).toMatchObject({ action: 'import.files' });
      expect(other.received('progress')).toEqual([]);
    } finally {
      own.close();
      other.close();
    }
  });

  it('keeps both codings of two coders coding one passage at the same time', async () => {
    const args = { documentId, start: 30, end: 60, codeName: 'bersamaan' };
    const [a, b] = await Promise.all([browsers.ayu.value<Coding>(projectId, 'codings.apply', args), browsers.bima.value<Coding>(projectId, 'codings.apply', args)]);
    expect([a.coderName, b.coderName].sort()).toEqual(['Ayu Lestari', 'Bima Putra']);
    const codings = (await browsers.sari.value<Coding[]>(projectId, 'codings.forDocument', { documentId })).filter((c) => c.start === 30 && c.end === 60);
    expect(codings.map((c) => c.coderName).sort()).toEqual(['Ayu Lestari', 'Bima Putra']);
  });

  it('says in Server-Timing how long an action waited behind the others and how long it ran', async () => {
    const response = await browsers.ayu.request('POST', `/api/team/projects/${projectId}/invoke`, { json: { name: 'codings.forDocument', args: { documentId } } });
    expect(response.status).toBe(200);
    const match = /^queue;dur=(\d+\.\d), run;dur=(\d+\.\d)$/.exec(response.headers.get('server-timing') ?? '');
    expect(match, response.headers.get('server-timing') ?? 'no Server-Timing').not.toBeNull();
    expect(Number(match![2])).toBeGreaterThan(0);
  });

  it('keeps no change the database refused, and goes on with the project as the database has it', async () => {
    const schema = `project_${projectId}`;
    await pool.query(`CREATE FUNCTION ${schema}.refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused by the test'; END $$`);
    await pool.query(`CREATE TRIGGER refuse BEFORE INSERT ON ${schema}.codes FOR EACH ROW EXECUTE FUNCTION ${schema}.refuse()`);
    const refused = await browsers.bima.invoke(projectId, 'codes.create', { name: 'tidak tersimpan' });
    await pool.query(`DROP FUNCTION ${schema}.refuse() CASCADE`);
    expect(refused.outcome).toMatchObject({ ok: false, error: { kind: 'io', text: { en: expect.stringContaining('could not be saved'), id: expect.any(String) } } });
    expect((await browsers.bima.invoke(projectId, 'codes.create', { name: 'tersimpan' })).outcome.ok).toBe(true);
    const names = (await browsers.ayu.value<Code[]>(projectId, 'codes.list')).map((c) => c.name);
    expect(names).toContain('tersimpan');
    expect(names).not.toContain('tidak tersimpan');
  });

  it('ends the event stream of a member who is removed', async () => {
    const dewi = new TeamBrowser(server.origin);
    await dewi.login('dewi', PASSWORD);
    expect((await browsers.ayu.request('POST', `/api/team/projects/${projectId}/members`, { json: { login: 'dewi', role: 'reviewer' } })).status).toBe(200);
    const stream = await dewi.events(projectId);
    expect((await browsers.ayu.request('DELETE', `/api/team/projects/${projectId}/members/dewi`)).status).toBe(200);
    await expect(stream.next('changed', 5000)).rejects.toThrow('ended');
    expect((await dewi.invoke(projectId, 'codes.list')).status).toBe(404);
  });

  it('shows a rename by one to the other, and says a code the other deleted is gone', async () => {
    const code = await browsers.ayu.value<Code>(projectId, 'codes.create', { name: 'keraguan' });
    await browsers.ayu.value(projectId, 'codes.update', { id: code.id, name: 'keraguan awal' });
    expect((await browsers.bima.value<Code[]>(projectId, 'codes.list')).find((c) => c.id === code.id)?.name).toBe('keraguan awal');
    await browsers.ayu.value(projectId, 'codes.delete', { id: code.id });
    const late = await browsers.bima.invoke(projectId, 'codings.apply', { documentId, start: 0, end: 4, codeId: code.id });
    expect(late.outcome).toMatchObject({ ok: false, error: { kind: 'not_found', text: { en: expect.any(String), id: expect.any(String) } } });
  });
});
