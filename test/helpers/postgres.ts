import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * A throwaway PostgreSQL cluster from Debian's `postgresql` package, for tests and the load
 * script: made in a temp folder, reached through a Unix socket in that folder (no TCP port is
 * opened), stopped and deleted by `stop`. PostgreSQL refuses to run as root, so as root the
 * cluster belongs to `nobody`, and the folders above it are opened for traversal (not reading).
 */
export interface Cluster {
  /** A connection string for the cluster's `postgres` database, as user `tematik` (trust: no password). */
  readonly url: string;
  /** The socket folder and port, for tools that want them apart (psql, pg_dump). */
  readonly socketDir: string;
  readonly port: number;
  /** A connection string for another database of the cluster, made by `createDatabase`. */
  urlOf(database: string): string;
  /** Makes an empty database and returns its connection string. */
  createDatabase(name: string): string;
  /** Stops the server immediately and deletes the cluster. */
  stop(): void;
}

const VERSIONS_DIR = '/usr/lib/postgresql';

/** The bin folder of the newest PostgreSQL installed, or null when there is none. */
export function postgresBin(): string | null {
  if (!fs.existsSync(VERSIONS_DIR)) return null;
  const versions = fs.readdirSync(VERSIONS_DIR).filter((v) => fs.existsSync(path.join(VERSIONS_DIR, v, 'bin', 'initdb')));
  versions.sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(VERSIONS_DIR, versions[0], 'bin') : null;
}

const asRoot = process.getuid?.() === 0;

/** Runs a PostgreSQL program as the cluster's owner. */
function run(bin: string, program: string, args: string[]): void {
  const file = path.join(bin, program);
  const [command, commandArgs] = asRoot
    ? ['setpriv', ['--reuid=nobody', '--regid=nogroup', '--clear-groups', file, ...args]]
    : [file, args];
  const result = spawnSync(command, commandArgs, { encoding: 'utf8', env: { ...process.env, LC_ALL: 'C.UTF-8' } });
  if (result.status !== 0) throw new Error(`${program} failed (${result.status ?? result.signal}): ${result.stderr || result.stdout}`);
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Lets `nobody` pass through every folder from `dir` up to the root (x only; nobody can list them). */
function openForTraversal(dir: string): void {
  for (let at = path.resolve(dir); at !== path.dirname(at); at = path.dirname(at)) {
    const mode = fs.statSync(at).mode;
    if ((mode & 0o001) === 0) fs.chmodSync(at, (mode & 0o7777) | 0o001);
  }
}

/** Starts a new cluster; throws with what to install when PostgreSQL is missing. */
export async function startCluster(): Promise<Cluster> {
  const bin = postgresBin();
  if (!bin) throw new Error('PostgreSQL is not installed: apt-get install -y postgresql (the tests start their own cluster).');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tematik-pg-'));
  const data = path.join(dir, 'data');
  if (asRoot) {
    openForTraversal(path.dirname(dir));
    execFileSync('chown', ['-R', 'nobody:nogroup', dir]);
  }
  const port = await freePort();
  try {
    run(bin, 'initdb', ['-D', data, '-U', 'tematik', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
    // fsync stays on: the load script checks that acknowledged writes survive kill -9 of the server (not of PostgreSQL).
    run(bin, 'pg_ctl', ['-D', data, '-l', path.join(dir, 'log'), '-w', '-o', `-k ${dir} -p ${port} -c listen_addresses=''`, 'start']);
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const urlOf = (database: string) => `postgresql://tematik@localhost:${port}/${database}?host=${encodeURIComponent(dir)}`;
  return {
    url: urlOf('postgres'),
    socketDir: dir,
    port,
    urlOf,
    createDatabase(name) {
      run(bin, 'createdb', ['-h', dir, '-p', String(port), '-U', 'tematik', name]);
      return urlOf(name);
    },
    stop() {
      try {
        run(bin, 'pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
