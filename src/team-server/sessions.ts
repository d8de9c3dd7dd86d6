import crypto from 'node:crypto';
import type { User } from './accounts';
import type { Role } from './roles';
import type { Db } from './schema';
import { sameToken } from '../server/http-parts';

/**
 * Login sessions of the team server. The browser holds a random token (in an HttpOnly cookie);
 * the database holds only its SHA-256, so a copy of the database (a pg_dump backup, say) logs no
 * one in. Each session has its own CSRF token, which the page sends back in a header.
 */
export const IDLE_HOURS = 12;
export const ABSOLUTE_DAYS = 7;
/** last_seen is written at most this often, so reading a session is not a write on every request. */
const TOUCH_SECONDS = 60;
const TOKEN_BYTES = 32;
/** A token as startSession makes it: 32 bytes in base64url. Anything else is not looked up. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export interface FoundSession {
  readonly user: User;
  readonly csrf: string;
  /** The session's id in the database: the SHA-256 of its token (hex), which cannot be used to log in. */
  readonly id: string;
  /** The user's role in the project findSession was asked about; null when no member (or none was asked about). */
  readonly role: Role | null;
}

const sha256 = (token: string): string => crypto.createHash('sha256').update(token).digest('hex');
const randomToken = (): string => crypto.randomBytes(TOKEN_BYTES).toString('base64url');

/** The id a token is stored under (its SHA-256, hex). */
export const sessionId = (token: string): string => sha256(token);

/**
 * A new login session for `user`: the token goes to the browser, never to the database. Sessions
 * past their time, anyone's, are deleted on the way.
 */
export async function startSession(db: Db, user: User): Promise<{ token: string; csrf: string; id: string }> {
  const token = randomToken();
  const csrf = randomToken();
  const id = sha256(token);
  await db.query(
    `DELETE FROM tematik.sessions WHERE expires_at <= now() OR last_seen <= now() - make_interval(hours => $1)`, [IDLE_HOURS]);
  await db.query(
    `INSERT INTO tematik.sessions (id, user_id, csrf, expires_at) VALUES ($1, $2, $3, now() + make_interval(days => $4))`,
    [id, user.id, csrf, ABSOLUTE_DAYS]);
  return { token, csrf, id };
}

/**
 * The session a token belongs to, or null when there is none: unknown, ended, idle for 12 hours,
 * older than 7 days, or its user disabled. Finding it counts as activity. With `projectId`, the
 * same statement reads the user's role in that project (null when no member): a request to a
 * project pays one round trip to PostgreSQL before its action, not two.
 */
export async function findSession(db: Db, token: string, projectId?: number): Promise<FoundSession | null> {
  if (!TOKEN.test(token)) return null;
  const { rows } = await db.query<{ id: string; csrf: string; user_id: string; login: string; name: string; role: Role | null }>(
    `WITH found AS (
       SELECT s.id, s.csrf, s.last_seen, u.id AS user_id, u.login, u.name, m.role
       FROM tematik.sessions s JOIN tematik.users u ON u.id = s.user_id
       LEFT JOIN tematik.members m ON m.user_id = u.id AND m.project_id = $4
       WHERE s.id = $1 AND NOT u.disabled AND s.expires_at > now() AND s.last_seen > now() - make_interval(hours => $2)
     ), touched AS (
       UPDATE tematik.sessions SET last_seen = now()
       WHERE id IN (SELECT id FROM found WHERE last_seen < now() - make_interval(secs => $3)) RETURNING id
     )
     SELECT id, csrf, user_id, login, name, role FROM found`, [sha256(token), IDLE_HOURS, TOUCH_SECONDS, projectId ?? null]);
  const row = rows[0];
  return row ? { id: row.id, csrf: row.csrf, user: { id: Number(row.user_id), login: row.login, name: row.name }, role: row.role } : null;
}

/** Logs the session out; a token that is no session is ignored. */
export async function endSession(db: Db, token: string): Promise<void> {
  await db.query('DELETE FROM tematik.sessions WHERE id = $1', [sha256(token)]);
}

/** Ends every session of a user: when their password changes or they are removed. Returns how many ended. */
export async function endSessionsOf(db: Db, userId: number): Promise<number> {
  const { rowCount } = await db.query('DELETE FROM tematik.sessions WHERE user_id = $1', [userId]);
  return rowCount ?? 0;
}

/**
 * Whether a request's CSRF header is the session's token, compared in constant time (the time
 * taken must not tell how much of a guess was right). A missing header never matches.
 */
export function csrfMatches(session: Pick<FoundSession, 'csrf'>, given: string | undefined): boolean {
  return given !== undefined && sameToken(given, session.csrf);
}
