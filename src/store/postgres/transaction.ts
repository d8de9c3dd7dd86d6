import type { ClientBase, Pool, PoolClient } from 'pg';

/** Runs `work` in one transaction on `client`: committed when it returns, rolled back when it throws. */
export async function inTransactionOn<C extends ClientBase, T>(client: C, work: (client: C) => Promise<T>): Promise<T> {
  await client.query('BEGIN');
  try {
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/** Runs `work` in one transaction on one connection of the pool (inTransactionOn), then hands the connection back. */
export async function inTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    return await inTransactionOn(client, work);
  } finally {
    client.release();
  }
}
