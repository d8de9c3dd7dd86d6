import pg from 'pg';
import { TematikError } from '../../domain/errors';
import { say } from './messages';

/** The first key of every advisory lock Tematik takes ("TMTK"); the second is the project id. */
const LOCK_CLASS = 0x544d544b;

/**
 * Takes the project's advisory lock on a connection of its own and returns that connection: the
 * lock lasts as long as the connection (a crashed server's ends with it), and the project's
 * changes are written through it. Refused, with the reason, while another server process holds it.
 *
 * The connection is made with the pool's settings but is not one of the pool's: an open project
 * holds its connection for as long as it is open, and pool connections held so would leave none
 * for logins and searches once as many projects are open as the pool has connections (everything
 * then waited for ever). PostgreSQL's own max_connections bounds them instead, with an error.
 */
export async function lockProject(pool: pg.Pool, projectId: number): Promise<pg.Client> {
  const client = new pg.Client(pool.options);
  // A connection cut while idle (the server restarted, an administrator ended it) is found by the next write through it.
  client.on('error', ignore);
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(ignore);
    throw new TematikError('io', say('noConnection', { id: projectId, detail: error instanceof Error ? error.message : String(error) }));
  }
  try {
    const { rows } = await client.query<{ taken: boolean }>('SELECT pg_try_advisory_lock($1::integer, $2::integer) AS taken', [LOCK_CLASS, projectId]);
    if (!rows[0]?.taken) throw new TematikError('locked', say('locked', { id: projectId }));
    return client;
  } catch (error) {
    await client.end().catch(ignore);
    throw error;
  }
}

function ignore(): void {}

/** Lets go of the lock by closing its connection: PostgreSQL ends a session's advisory locks with it. */
export async function unlockProject(client: pg.Client): Promise<void> {
  await client.end().catch(ignore);
}
