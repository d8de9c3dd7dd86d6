import type http from 'node:http';
import { IDLE_HOURS } from './sessions';
import type { Db } from './schema';

/**
 * The live event streams a team server has open, each for one login session on one project. A
 * stream may only last as long as its session does and its user is a member: what this server
 * does itself (logging out, removing a member, deleting a project) ends streams at once; what is
 * done elsewhere, straight in the database (the CLI disabling or removing a user, changing a
 * password, removing a member; a session expiring), is found by checking every open stream
 * every few seconds, and its stream is ended.
 *
 * Checked rather than told (PostgreSQL LISTEN/NOTIFY sent by the CLI): one query for all
 * streams every few seconds costs next to nothing, needs no connection held open and re-listened
 * after the database restarts, and catches every way a session can end, including an
 * administrator's own SQL and the clock, not only the changes the CLI remembers to announce.
 */
export const STREAM_CHECK_MS = 5000;

export interface EventStream {
  readonly projectId: number;
  /** The login session's id (the SHA-256 of its token). */
  readonly session: string;
  readonly login: string;
  readonly res: http.ServerResponse;
  /** Ends the stream and forgets it. */
  stop(): void;
}

export class EventStreams {
  private readonly open = new Set<EventStream>();
  private readonly timer: NodeJS.Timeout;
  private checking: Promise<number> | null = null;

  constructor(private readonly db: Db, checkMs: number = STREAM_CHECK_MS) {
    this.timer = setInterval(() => void this.check(), checkMs);
    this.timer.unref();
  }

  add(stream: EventStream): void {
    this.open.add(stream);
  }

  /** Forgets a stream that has ended. */
  delete(stream: EventStream): void {
    this.open.delete(stream);
  }

  /** The open streams of a login session (its progress goes to them). */
  of(session: string): EventStream[] {
    return [...this.open].filter((s) => s.session === session);
  }

  /** Ends the streams that match. */
  stopWhere(which: (stream: EventStream) => boolean): void {
    for (const stream of [...this.open]) if (which(stream)) stream.stop();
  }

  /**
   * Ends every stream whose session has ended or whose user is no longer a member of its project;
   * returns how many. A check that cannot reach the database ends nothing: the next one tries again.
   */
  check(): Promise<number> {
    this.checking ??= this.checkNow().finally(() => { this.checking = null; });
    return this.checking;
  }

  /** Ends every stream and stops checking (the server stops). */
  close(): void {
    clearInterval(this.timer);
    this.stopWhere(() => true);
  }

  private async checkNow(): Promise<number> {
    const streams = [...this.open];
    if (streams.length === 0) return 0;
    let allowed: Set<string>;
    try {
      allowed = await liveMemberships(this.db, [...new Set(streams.map((s) => s.session))]);
    } catch {
      return 0;
    }
    const ended = streams.filter((s) => this.open.has(s) && !allowed.has(key(s.session, s.projectId)));
    for (const stream of ended) stream.stop();
    return ended.length;
  }
}

const key = (session: string, projectId: number) => `${session}:${projectId}`;

/**
 * Of these login sessions, the ones still good (as findSession has them: not ended, not expired,
 * the user not disabled), each with the projects its user is a member of, as `session:project`.
 * Reading is not activity: a stream does not keep an idle session going.
 */
async function liveMemberships(db: Db, sessions: readonly string[]): Promise<Set<string>> {
  const { rows } = await db.query<{ session: string; project: string }>(
    `SELECT s.id AS session, m.project_id AS project
     FROM tematik.sessions s
     JOIN tematik.users u ON u.id = s.user_id
     JOIN tematik.members m ON m.user_id = s.user_id
     WHERE s.id = ANY($1::text[]) AND NOT u.disabled AND s.expires_at > now() AND s.last_seen > now() - make_interval(hours => $2)`,
    [sessions, IDLE_HOURS]);
  return new Set(rows.map((row) => key(row.session, Number(row.project))));
}
