import fs from 'node:fs';
import { startCluster, type Cluster } from './helpers/postgres';

/**
 * One PostgreSQL cluster for the whole run of test/vitest.postgres.config.mts: its URL goes to the
 * test workers by the environment; each test file makes its own database in it (test/helpers/test-store.ts).
 * Runs after test/global-setup.ts, so the cluster lives in the run's temporary root.
 */
let cluster: Cluster | undefined;

export async function setup(): Promise<void> {
  cluster = await startCluster();
  // test/helpers/test-store.ts PG_URL_ENV (not imported: that module loads the whole store).
  process.env.TEMATIK_TEST_PG_URL = cluster.url;
}

export function teardown(): void {
  cluster?.stop();
  // A test that takes a team project's name (`team:<id>`) for a file path writes beside the repository: it belongs in the config's list.
  const strays = fs.readdirSync(process.cwd()).filter((name) => name.startsWith('team:'));
  if (strays.length > 0) {
    process.exitCode = 1;
    throw new Error(`Tests wrote files named after team projects in ${process.cwd()}: ${strays.join(', ')}. A test about project files is not for the PostgreSQL run.`);
  }
}
