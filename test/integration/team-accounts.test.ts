import crypto from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, checkPassword, listUsers, removeUser, setPassword } from '../../src/team-server/accounts';
import { DECOY_HASH, hashPassword, verifyPassword } from '../../src/team-server/passwords';
import { registerProject } from '../../src/team-server/projects';
import { migrateServer, SERVER_SCHEMA_VERSION } from '../../src/team-server/schema';
import { csrfMatches, endSession, endSessionsOf, findSession, sessionId, startSession } from '../../src/team-server/sessions';
import { startCluster, type Cluster } from '../helpers/postgres';
import { refused } from '../helpers/refused';

/*
 * The team server's accounts and login sessions on a real PostgreSQL cluster: what is stored,
 * who may log in, and when a session stops being one.
 */

let cluster: Cluster;
let pool: pg.Pool;

beforeAll(async () => {
  cluster = await startCluster();
  pool = new pg.Pool({ connectionString: cluster.createDatabase('accounts') });
  await migrateServer(pool);
});

afterAll(async () => {
  await pool?.end();
  cluster?.stop();
});

let counter = 0;
/** A fresh login, so tests do not depend on each other's users. */
const fresh = (stem: string) => `${stem}${++counter}`;

describe('the server\'s tables', () => {
  it('are migrated once; a second run changes nothing', async () => {
    expect(await migrateServer(pool)).toBe(SERVER_SCHEMA_VERSION);
    const { rows } = await pool.query<{ version: number }>('SELECT version FROM tematik.schema_migrations ORDER BY version');
    expect(rows.map((r) => r.version)).toEqual(Array.from({ length: SERVER_SCHEMA_VERSION }, (_, i) => i + 1));
    const tables = await pool.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'tematik' ORDER BY table_name");
    expect(tables.rows.map((r) => r.table_name)).toEqual(['members', 'projects', 'schema_migrations', 'sessions', 'users']);
  });

  it('a database set up by a newer Tematik is refused and left as it is', async () => {
    const newer = new pg.Pool({ connectionString: cluster.createDatabase('newer') });
    try {
      await migrateServer(newer);
      await newer.query('INSERT INTO tematik.schema_migrations (version) VALUES ($1)', [SERVER_SCHEMA_VERSION + 5]);
      const error = await refused(migrateServer(newer));
      expect(error.kind).toBe('newer_version');
      expect(error.message).toMatch(/set up by a newer Tematik .*version 6; this Tematik knows up to 1\)\. Update Tematik/);
      expect(error.text?.id).toMatch(/Perbarui Tematik/);
      const { rows } = await newer.query<{ n: string }>('SELECT count(*) AS n FROM tematik.schema_migrations');
      expect(Number(rows[0]!.n)).toBe(SERVER_SCHEMA_VERSION + 1);
    } finally {
      await newer.end();
    }
  });

  it('two servers starting at once migrate one after the other', async () => {
    const both = new pg.Pool({ connectionString: cluster.createDatabase('both'), max: 4 });
    try {
      expect(await Promise.all([migrateServer(both), migrateServer(both)])).toEqual([SERVER_SCHEMA_VERSION, SERVER_SCHEMA_VERSION]);
      const { rows } = await both.query<{ n: string }>('SELECT count(*) AS n FROM tematik.schema_migrations');
      expect(Number(rows[0]!.n)).toBe(SERVER_SCHEMA_VERSION);
    } finally {
      await both.end();
    }
  });
});

describe('passwords', () => {
  it('are stored as scrypt (N=2^15, r=8, p=1) with a random 16-byte salt and a 64-byte key', async () => {
    const one = await hashPassword('kopi lereng merapi');
    const two = await hashPassword('kopi lereng merapi');
    expect(one).not.toBe(two);
    const [scheme, N, r, p, salt, key] = one.split('$');
    expect([scheme, N, r, p]).toEqual(['scrypt', '32768', '8', '1']);
    expect(Buffer.from(salt!, 'base64')).toHaveLength(16);
    expect(Buffer.from(key!, 'base64')).toHaveLength(64);
    expect(await verifyPassword('kopi lereng merapi', one)).toBe(true);
    expect(await verifyPassword('kopi lereng merapi', two)).toBe(true);
    expect(await verifyPassword('kopi lereng merapI', one)).toBe(false);
  });

  it('are compared in one spelling: composed and decomposed accents are the same password', async () => {
    const stored = await hashPassword('café au lait 2026'.normalize('NFC'));
    expect(await verifyPassword('café au lait 2026'.normalize('NFD'), stored)).toBe(true);
  });

  it('shorter than 10 characters are refused, saying how long they must be', async () => {
    const error = await refused(hashPassword('rahasia1'));
    expect(error.kind).toBe('invalid_args');
    expect(error.text).toEqual({
      en: 'The password is too short (8 characters): use at least 10, e.g. a few words that belong together only for you.',
      id: 'Kata sandi terlalu pendek (8 karakter): pakai minimal 10, mis. beberapa kata yang hanya bermakna bagi Anda.',
    });
    // Characters, not UTF-16 units: ten emoji are ten characters.
    expect(await verifyPassword('🙂'.repeat(10), await hashPassword('🙂'.repeat(10)))).toBe(true);
    await refused(hashPassword('🙂'.repeat(9)));
  });

  it('a stored value that is not such a hash, or an edited one, matches nothing', async () => {
    const stored = await hashPassword('kopi lereng merapi');
    const parts = stored.split('$');
    const flipped = Buffer.from(parts[5]!, 'base64');
    flipped[0]! ^= 1;
    for (const bad of [
      [...parts.slice(0, 5), flipped.toString('base64')].join('$'),
      ['bcrypt', ...parts.slice(1)].join('$'),
      [parts[0], String(2 ** 24), ...parts.slice(2)].join('$'),
      [parts[0], '1000', ...parts.slice(2)].join('$'),
      'kopi lereng merapi',
      '',
    ]) expect(await verifyPassword('kopi lereng merapi', bad), bad).toBe(false);
  });

  it('the decoy hash a missing login is checked against costs what a real one does', () => {
    const real = 'scrypt$32768$8$1$'.split('$').slice(0, 4);
    const decoy = DECOY_HASH.split('$');
    expect(decoy.slice(0, 4)).toEqual(real);
    expect(Buffer.from(decoy[4]!, 'base64')).toHaveLength(16);
    expect(Buffer.from(decoy[5]!, 'base64')).toHaveLength(64);
  });
});

describe('accounts', () => {
  it('a user is added with a lowercase login and a tidied name, and logs in with their password', async () => {
    const login = fresh('rina.s_');
    const user = await addUser(pool, { login: `  ${login.toUpperCase()} `, name: '  Rina   Sari ', password: 'kopi lereng merapi' });
    expect(user).toMatchObject({ login, name: 'Rina Sari' });
    expect(user.id).toBeGreaterThan(0);
    expect(await checkPassword(pool, login, 'kopi lereng merapi')).toEqual(user);
    expect(await checkPassword(pool, login.toUpperCase(), 'kopi lereng merapi')).toEqual(user);
    expect(await checkPassword(pool, login, 'kopi lereng merapi ')).toBeNull();
    expect(await checkPassword(pool, fresh('nobody'), 'kopi lereng merapi')).toBeNull();
    const { rows } = await pool.query<{ password_hash: string }>('SELECT password_hash FROM tematik.users WHERE id = $1', [user.id]);
    expect(rows[0]!.password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(rows[0]!.password_hash).not.toContain('kopi');
  });

  it('a login with other characters is refused, saying which may be used', async () => {
    for (const login of ['rina sari', 'rína', 'rina/../x', '', 'a'.repeat(65)]) {
      const error = await refused(addUser(pool, { login, name: fresh('Tamu '), password: 'kopi lereng merapi' }));
      expect(error.kind).toBe('invalid_args');
      expect(error.message).toMatch(/use 1 to 64 lowercase letters, digits, dots, underscores or hyphens/);
      expect(error.text?.id).toMatch(/huruf kecil, angka, titik, garis bawah, atau tanda hubung/);
    }
    const error = await refused(addUser(pool, { login: fresh('kosong'), name: '   ', password: 'kopi lereng merapi' }));
    expect(error.message).toMatch(/name is empty/);
  });

  it('a taken login, or a name another user has in any case, is refused naming them; nothing is added', async () => {
    const login = fresh('dewi');
    await addUser(pool, { login, name: `Dewi Lestari ${login}`, password: 'kopi lereng merapi' });
    const before = (await listUsers(pool)).length;
    const taken = await refused(addUser(pool, { login, name: 'Dewi Lain', password: 'kopi lereng merapi' }));
    expect(taken.kind).toBe('conflict');
    expect(taken.message).toBe(`There is already a user with the login "${login}". Choose another login, or change that user's password with "tematik users passwd ${login}".`);
    const named = await refused(addUser(pool, { login: fresh('dl'), name: `dewi lestari ${login.toUpperCase()}`, password: 'kopi lereng merapi' }));
    expect(named.kind).toBe('conflict');
    expect(named.message).toBe(`There is already a user named "Dewi Lestari ${login}" (login "${login}"). Names must differ, because a user's name is who they are as a coder in every project: add a surname or an initial.`);
    expect(named.text?.id).toMatch(/Sudah ada pengguna bernama/);
    const short = await refused(addUser(pool, { login: fresh('pendek'), name: fresh('Pendek '), password: 'pendek' }));
    expect(short.message).toMatch(/too short/);
    expect((await listUsers(pool)).length).toBe(before);
  });

  it('a disabled account cannot log in, and its sessions are no longer found', async () => {
    const login = fresh('nonaktif');
    const user = await addUser(pool, { login, name: fresh('Non Aktif '), password: 'kopi lereng merapi' });
    const { token } = await startSession(pool, user);
    await pool.query('UPDATE tematik.users SET disabled = true WHERE id = $1', [user.id]);
    expect(await checkPassword(pool, login, 'kopi lereng merapi')).toBeNull();
    expect(await findSession(pool, token)).toBeNull();
    expect((await listUsers(pool)).find((u) => u.login === login)).toMatchObject({ disabled: true, projects: 0 });
  });

  it('a new password replaces the old one and logs out every session of that user, no one else\'s', async () => {
    const login = fresh('budi');
    const user = await addUser(pool, { login, name: fresh('Budi '), password: 'kopi lereng merapi' });
    const other = await addUser(pool, { login: fresh('ayu'), name: fresh('Ayu '), password: 'kopi lereng merapi' });
    const [a, b, c] = [await startSession(pool, user), await startSession(pool, user), await startSession(pool, other)];
    expect(await setPassword(pool, ` ${login.toUpperCase()}`, 'teh tarik manis sekali')).toBe(2);
    expect(await checkPassword(pool, login, 'kopi lereng merapi')).toBeNull();
    expect(await checkPassword(pool, login, 'teh tarik manis sekali')).toEqual(user);
    expect(await findSession(pool, a.token)).toBeNull();
    expect(await findSession(pool, b.token)).toBeNull();
    expect((await findSession(pool, c.token))?.user).toEqual(other);
    expect((await refused(setPassword(pool, login, 'pendek'))).message).toMatch(/too short/);
    expect(await checkPassword(pool, login, 'teh tarik manis sekali')).toEqual(user);
    const missing = await refused(setPassword(pool, 'tidak-ada', 'teh tarik manis sekali'));
    expect(missing.kind).toBe('not_found');
    expect(missing.message).toBe('There is no user with the login "tidak-ada" on this server. "tematik users list" shows them.');
  });

  it('a removed user is gone with their sessions; their login and name are free again', async () => {
    const login = fresh('citra');
    const name = fresh('Citra ');
    const user = await addUser(pool, { login, name, password: 'kopi lereng merapi' });
    const { token, id } = await startSession(pool, user);
    expect(await removeUser(pool, login)).toEqual(user);
    expect(await findSession(pool, token)).toBeNull();
    expect((await pool.query('SELECT 1 FROM tematik.sessions WHERE id = $1', [id])).rowCount).toBe(0);
    expect(await checkPassword(pool, login, 'kopi lereng merapi')).toBeNull();
    expect((await listUsers(pool)).some((u) => u.login === login)).toBe(false);
    expect((await refused(removeUser(pool, login))).kind).toBe('not_found');
    expect((await addUser(pool, { login, name, password: 'kopi lereng merapi' })).id).not.toBe(user.id);
  });

  it('are listed by login with when they were added', async () => {
    const users = await listUsers(pool);
    expect(users.map((u) => u.login)).toEqual([...users.map((u) => u.login)].sort());
    for (const u of users) expect(new Date(u.createdAt).getTime()).not.toBeNaN();
  });
});

describe('login sessions', () => {
  it('store only the SHA-256 of the token, with a CSRF token of their own', async () => {
    const user = await addUser(pool, { login: fresh('eka'), name: fresh('Eka '), password: 'kopi lereng merapi' });
    const one = await startSession(pool, user);
    const two = await startSession(pool, user);
    expect(one.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(one.csrf).not.toBe(two.csrf);
    expect(one.id).toBe(crypto.createHash('sha256').update(one.token).digest('hex'));
    expect(sessionId(one.token)).toBe(one.id);
    const { rows } = await pool.query<{ id: string; csrf: string; user_id: string }>('SELECT id, csrf, user_id FROM tematik.sessions WHERE user_id = $1 ORDER BY created_at', [user.id]);
    expect(rows.map((r) => r.id).sort()).toEqual([one.id, two.id].sort());
    const dump = JSON.stringify((await pool.query('SELECT * FROM tematik.sessions')).rows);
    expect(dump).not.toContain(one.token);
    expect(await findSession(pool, one.token)).toEqual({ user, csrf: one.csrf, id: one.id, role: null });
    // Asked about a project, the same lookup says the user's role there, and null where they are no member.
    const own = await registerProject(pool, { name: fresh('Studi '), ownerId: user.id });
    expect((await findSession(pool, one.token, own))?.role).toBe('owner');
    expect((await findSession(pool, one.token, own + 1000))?.role).toBeNull();
    const found = (await findSession(pool, one.token))!;
    expect(csrfMatches(found, one.csrf)).toBe(true);
    for (const wrong of [two.csrf, undefined, '', one.csrf.slice(1), `${one.csrf}x`, one.token]) expect(csrfMatches(found, wrong)).toBe(false);
    // The id in the database is no token: presenting it finds nothing.
    expect(await findSession(pool, one.id)).toBeNull();
    for (const bad of ['', 'x', `${one.token}x`, one.token.replace(/./, '!')]) expect(await findSession(pool, bad)).toBeNull();
  });

  it('end at logout; ending an unknown one is harmless', async () => {
    const user = await addUser(pool, { login: fresh('fajar'), name: fresh('Fajar '), password: 'kopi lereng merapi' });
    const one = await startSession(pool, user);
    const two = await startSession(pool, user);
    await endSession(pool, one.token);
    await endSession(pool, one.token);
    expect(await findSession(pool, one.token)).toBeNull();
    expect(await findSession(pool, two.token)).not.toBeNull();
    expect(await endSessionsOf(pool, user.id)).toBe(1);
    expect(await findSession(pool, two.token)).toBeNull();
  });

  it('end after 12 hours idle; a request before then keeps them going', async () => {
    const user = await addUser(pool, { login: fresh('gita'), name: fresh('Gita '), password: 'kopi lereng merapi' });
    const idle = await startSession(pool, user);
    const busy = await startSession(pool, user);
    await pool.query("UPDATE tematik.sessions SET last_seen = now() - interval '12 hours 1 minute' WHERE id = $1", [idle.id]);
    await pool.query("UPDATE tematik.sessions SET last_seen = now() - interval '11 hours 50 minutes' WHERE id = $1", [busy.id]);
    expect(await findSession(pool, idle.token)).toBeNull();
    expect(await findSession(pool, busy.token)).not.toBeNull();
    const { rows } = await pool.query<{ idle: boolean }>("SELECT last_seen > now() - interval '1 minute' AS idle FROM tematik.sessions WHERE id = $1", [busy.id]);
    expect(rows[0]!.idle).toBe(true);
  });

  it('end 7 days after login however busy, and are deleted when the next session starts', async () => {
    const user = await addUser(pool, { login: fresh('hana'), name: fresh('Hana '), password: 'kopi lereng merapi' });
    const old = await startSession(pool, user);
    const { rows } = await pool.query<{ days: number }>(
      'SELECT extract(epoch FROM expires_at - created_at) / 86400 AS days FROM tematik.sessions WHERE id = $1', [old.id]);
    expect(Number(rows[0]!.days)).toBe(7);
    await pool.query("UPDATE tematik.sessions SET created_at = now() - interval '7 days 1 minute', expires_at = now() - interval '1 minute' WHERE id = $1", [old.id]);
    expect(await findSession(pool, old.token)).toBeNull();
    await startSession(pool, user);
    expect((await pool.query('SELECT 1 FROM tematik.sessions WHERE id = $1', [old.id])).rowCount).toBe(0);
  });
});
