import type { Pool } from 'pg';
import { coderName } from '../domain/coder-name';
import { TematikError } from '../domain/errors';
import { defineMessages, type LocalizedText } from '../domain/text';
import { DECOY_HASH, hashPassword, verifyPassword } from './passwords';
import { inTransaction, type Db } from './schema';
import { endSessionsOf } from './sessions';

/**
 * The team server's accounts. A user logs in with a login and a password; their name is who they
 * are as a coder in every project they work on (the server records their changes under it), so
 * names are unique, without regard to case, as coders' names are in a project.
 */
export interface User {
  readonly id: number;
  readonly login: string;
  readonly name: string;
}

export interface UserEntry extends User {
  readonly createdAt: string;
  readonly disabled: boolean;
  /** How many projects they are a member of. */
  readonly projects: number;
}

const LOGIN = /^[a-z0-9._-]{1,64}$/;
const MAX_NAME_LENGTH = 200;

const say = defineMessages({
  en: {
    badLogin: 'The login "{login}" is not usable: use 1 to 64 lowercase letters, digits, dots, underscores or hyphens, e.g. "rina.s".',
    nameTooLong: 'The name is too long ({length} characters): use at most {max}.',
    loginTaken: 'There is already a user with the login "{login}". Choose another login, or change that user\'s password with "tematik users passwd {login}".',
    nameTaken: 'There is already a user named "{name}" (login "{login}"). Names must differ, because a user\'s name is who they are as a coder in every project: add a surname or an initial.',
    noUser: 'There is no user with the login "{login}" on this server. "tematik users list" shows them.',
    lastOwner: 'The user "{login}" is the only owner of {projects}. Make another member owner first ("tematik members add PROJECT-ID LOGIN --role owner"), then remove the user; nothing was changed.',
    disabled: 'The account "{login}" is disabled on this server, so it cannot log in. Ask the server\'s administrator to enable it again ("tematik users enable {login}").',
  },
  id: {
    badLogin: 'Login "{login}" tidak dapat dipakai: gunakan 1 sampai 64 huruf kecil, angka, titik, garis bawah, atau tanda hubung, mis. "rina.s".',
    nameTooLong: 'Nama terlalu panjang ({length} karakter): pakai paling banyak {max}.',
    loginTaken: 'Sudah ada pengguna dengan login "{login}". Pilih login lain, atau ganti kata sandi pengguna itu dengan "tematik users passwd {login}".',
    nameTaken: 'Sudah ada pengguna bernama "{name}" (login "{login}"). Nama harus berbeda, karena nama pengguna adalah dirinya sebagai pengode di setiap proyek: tambahkan nama belakang atau inisial.',
    noUser: 'Tidak ada pengguna dengan login "{login}" di server ini. "tematik users list" menampilkan daftarnya.',
    lastOwner: 'Pengguna "{login}" adalah satu-satunya pemilik {projects}. Jadikan anggota lain pemilik lebih dulu ("tematik members add ID-PROYEK LOGIN --role owner"), lalu hapus pengguna itu; tidak ada yang diubah.',
    disabled: 'Akun "{login}" dinonaktifkan di server ini, jadi tidak dapat masuk. Mintalah administrator server untuk mengaktifkannya kembali ("tematik users enable {login}").',
  },
});

/** A login in its one spelling (trimmed, lowercase), refused with what to type when it has other characters. */
export function normaliseLogin(login: string): string {
  const tidied = login.trim().toLowerCase();
  if (!LOGIN.test(tidied)) throw new TematikError('invalid_args', say('badLogin', { login: login.trim() }));
  return tidied;
}

function userName(name: string): string {
  const tidied = coderName(name);
  const length = [...tidied].length;
  if (length > MAX_NAME_LENGTH) throw new TematikError('invalid_args', say('nameTooLong', { length, max: MAX_NAME_LENGTH }));
  return tidied;
}

interface UserRow { id: string; login: string; name: string }
const toUser = (row: UserRow): User => ({ id: Number(row.id), login: row.login, name: row.name });

/** The PostgreSQL error of a unique index, by the index's name; anything else is not one. */
function uniqueViolation(error: unknown): string | null {
  const e = error as { code?: string; constraint?: string };
  return e.code === '23505' ? e.constraint ?? '' : null;
}

/** A new account; refused (naming the other user) when the login or the name is taken. */
export async function addUser(pool: Db, input: { login: string; name: string; password: string }): Promise<User> {
  const login = normaliseLogin(input.login);
  const name = userName(input.name);
  const hash = await hashPassword(input.password);
  try {
    const { rows } = await pool.query<UserRow>(
      'INSERT INTO tematik.users (login, name, password_hash) VALUES ($1, $2, $3) RETURNING id, login, name', [login, name, hash]);
    return toUser(rows[0]!);
  } catch (error) {
    const index = uniqueViolation(error);
    if (index === 'users_login_key') throw new TematikError('conflict', say('loginTaken', { login }));
    if (index === 'users_name_unique') {
      const { rows } = await pool.query<UserRow>('SELECT id, login, name FROM tematik.users WHERE lower(name) = lower($1)', [name]);
      throw new TematikError('conflict', say('nameTaken', { name: rows[0]?.name ?? name, login: rows[0]?.login ?? '?' }));
    }
    throw error;
  }
}

/** The user with this login, or null. */
export async function findUser(pool: Db, login: string): Promise<User | null> {
  const { rows } = await pool.query<UserRow>('SELECT id, login, name FROM tematik.users WHERE login = $1', [login.trim().toLowerCase()]);
  return rows[0] ? toUser(rows[0]) : null;
}

/** The user with this login; refused with how to list them when there is none. */
export async function requireUser(pool: Db, login: string): Promise<User> {
  const user = await findUser(pool, login);
  if (!user) throw new TematikError('not_found', say('noUser', { login: login.trim() }));
  return user;
}

/**
 * Removes an account with its login sessions and memberships; returns who it was. The codings, memos and comments they
 * made stay in the projects under their name. Refused while they are a project's only owner, so
 * no project is left that nobody may manage.
 */
export async function removeUser(pool: Pool, login: string): Promise<User> {
  return inTransaction(pool, async (db) => {
    const user = await requireUser(db, login);
    // The projects' rows are locked so a member removed at the same moment cannot leave a project without an owner.
    const { rows } = await db.query<{ id: string; name: string }>(
      `SELECT p.id, p.name FROM tematik.projects p JOIN tematik.members m ON m.project_id = p.id
       WHERE m.user_id = $1 AND m.role = 'owner'
         AND NOT EXISTS (SELECT 1 FROM tematik.members o WHERE o.project_id = p.id AND o.role = 'owner' AND o.user_id <> $1)
       ORDER BY p.id FOR UPDATE OF p`, [user.id]);
    if (rows.length > 0) {
      const projects = rows.map((p) => `"${p.name}" (${p.id})`).join(', ');
      throw new TematikError('conflict', say('lastOwner', { login: user.login, projects }));
    }
    await endSessionsOf(db, user.id);
    await db.query('DELETE FROM tematik.users WHERE id = $1', [user.id]);
    return user;
  });
}

/**
 * A new password for the account; every login session of theirs ends (whoever knew the old one is
 * logged out). Returns how many sessions ended.
 */
export async function setPassword(pool: Pool, login: string, password: string): Promise<number> {
  const hash = await hashPassword(password);
  return inTransaction(pool, async (db) => {
    const user = await requireUser(db, login);
    await db.query('UPDATE tematik.users SET password_hash = $2 WHERE id = $1', [user.id, hash]);
    return endSessionsOf(db, user.id);
  });
}

/**
 * Disables an account (it cannot log in, and every login session of theirs ends: a running server
 * closes their live streams when it next checks them) or enables it again. Their memberships and
 * what they coded stay. Returns who it is, whether anything changed, and how many sessions ended.
 */
export async function setDisabled(pool: Pool, login: string, disabled: boolean): Promise<{ user: User; changed: boolean; sessionsEnded: number }> {
  return inTransaction(pool, async (db) => {
    const user = await requireUser(db, login);
    const { rowCount } = await db.query('UPDATE tematik.users SET disabled = $2 WHERE id = $1 AND disabled <> $2', [user.id, disabled]);
    const sessionsEnded = disabled ? await endSessionsOf(db, user.id) : 0;
    return { user, changed: (rowCount ?? 0) > 0, sessionsEnded };
  });
}

/** Every account, by login. */
export async function listUsers(pool: Db): Promise<UserEntry[]> {
  const { rows } = await pool.query<UserRow & { created_at: Date; disabled: boolean; projects: string }>(
    `SELECT u.id, u.login, u.name, u.created_at, u.disabled,
            (SELECT count(*) FROM tematik.members m WHERE m.user_id = u.id) AS projects
     FROM tematik.users u ORDER BY u.login`);
  return rows.map((row) => ({ ...toUser(row), createdAt: row.created_at.toISOString(), disabled: row.disabled, projects: Number(row.projects) }));
}

/** A login's answer: the user, or why not (a disabled account is told only to whoever has its password). */
export type LoginCheck = { readonly user: User } | { readonly refused: 'wrong' } | { readonly refused: 'disabled'; readonly why: LocalizedText };

/**
 * Checks a login and password. The scrypt work is the same whether or not the login exists (or is
 * disabled), so the time taken does not tell who has an account; that an account is disabled is
 * said only when the password is right.
 */
export async function checkLogin(pool: Db, login: string, password: string): Promise<LoginCheck> {
  const { rows } = await pool.query<UserRow & { password_hash: string; disabled: boolean }>(
    'SELECT id, login, name, password_hash, disabled FROM tematik.users WHERE login = $1', [login.trim().toLowerCase()]);
  const row = rows[0];
  const matches = await verifyPassword(password, row?.password_hash ?? DECOY_HASH);
  if (!row || !matches) return { refused: 'wrong' };
  if (row.disabled) return { refused: 'disabled', why: say('disabled', { login: row.login }) };
  return { user: toUser(row) };
}

/** The user whose login and password these are, or null (a wrong password, no such login, or a disabled account). */
export async function checkPassword(pool: Db, login: string, password: string): Promise<User | null> {
  const checked = await checkLogin(pool, login, password);
  return 'user' in checked ? checked.user : null;
}
