import type pg from 'pg';
import { TematikError } from '../../domain/errors';
import { say } from './messages';

/** The first key of every advisory lock Tematik takes ("TMTK"); the second is the project id. */
const LOCK_CLASS = 0x544d544b;

/**
 * Takes the project's advisory lock on a connection of its own and returns that connection: the
 * lock lasts as long as the connection (a crashed server's ends with it), and the project's
 * changes are written through it. Refused, with the reason, while another server process holds it.
 */
export async function lockProject(pool: pg.Pool, projectId: number): Promise<pg.PoolClient> {
  const client = await pool.connect();
  // A connection cut while idle (the server restarted, an administrator ended it) is found by the next write through it.
  client.on('error', ignore);
  try {
    const { rows } = await client.query<{ taken: boolean }>('SELECT pg_try_advisory_lock($1::integer, $2::integer) AS taken', [LOCK_CLASS, projectId]);
    if (!rows[0]?.taken) throw new TematikError('locked', say('locked', { id: projectId }));
    return client;
  } catch (error) {
    client.off('error', ignore);
    client.release();
    throw error;
  }
}

function ignore(): void {}

/** Lets go of the lock and hands the connection back; a connection that cannot even do that is closed, which ends its lock with it. */
export async function unlockProject(client: pg.PoolClient, projectId: number): Promise<void> {
  try {
    await client.query('SELECT pg_advisory_unlock($1::integer, $2::integer)', [LOCK_CLASS, projectId]);
    client.off('error', ignore);
    client.release();
  } catch (error) {
    client.off('error', ignore);
    client.release(error instanceof Error ? error : true);
  }
}
