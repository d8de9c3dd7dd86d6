/**
 * The team server's commands: `tematik serve` runs it; `tematik publish` puts a .tematik file on
 * it as a new project; `tematik take` writes a project back out as a .tematik file. Each reaches
 * the server's PostgreSQL database (--database or TEMATIK_DATABASE) directly.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { TematikError } from '../domain/errors';
import { defineMessages } from '../domain/text';
import { rendererDir } from '../server/paths';
import { takeCopy } from '../store/postgres/publish';
import { requireUser } from '../team-server/accounts';
import { trustedProxyAddress } from '../team-server/client-address';
import { startTeamServer } from '../team-server/http';
import { publishProject } from '../team-server/publish';
import { migrateServer } from '../team-server/schema';
import { UsageError } from './usage-error';

/** The commands this module runs. */
export const TEAM_SERVER_COMMANDS: ReadonlySet<string> = new Set(['serve', 'publish', 'take']);

export const TEAM_SERVER_USAGE = `  tematik serve --database URL [--listen 127.0.0.1:8080] [--cache DIR] [--public-origin https://tematik.example.org]
                [--upload-quota 2G] [--trust-proxy 127.0.0.1[,::1]]
                (the team server: projects in PostgreSQL, the app in the browser; put a TLS proxy in front.
                 --upload-quota: what one user's uploads may take at once, e.g. 500M or 5G; 2G by default.
                 --trust-proxy: the proxy's address; its X-Forwarded-For then names each client for login limits)
  tematik publish <project.tematik> --owner LOGIN --database URL [--name NAME]
                (the file becomes a new project on the team server, LOGIN its owner; prints its id)
  tematik take PROJECT-ID --out <copy.tematik> --database URL
                (the team project as a .tematik file: for offline work or archiving)`;

const say = defineMessages({
  en: {
    outExists: '{file} exists already: choose a new file name for the copy (nothing was overwritten).',
    listening: 'Tematik team server listening on {address}{public}. Press Ctrl+C to stop.',
    published: 'Published {file} as project {id} "{name}", owned by {owner}.',
    taken: 'Wrote project {id} to {file}.',
    badQuota: '--upload-quota is what one user\'s uploads may take at once, e.g. 2G, 500M or 1.5G, not "{given}".',
    badProxy: '--trust-proxy is the IP address of the reverse proxy in front of the server, or several separated by commas (e.g. 127.0.0.1 or 127.0.0.1,::1); "{given}" is not an IP address.',
  },
  id: {
    outExists: '{file} sudah ada: pilih nama berkas baru untuk salinannya (tidak ada yang ditimpa).',
    listening: 'Server tim Tematik mendengarkan di {address}{public}. Tekan Ctrl+C untuk berhenti.',
    published: '{file} diterbitkan sebagai proyek {id} "{name}", milik {owner}.',
    taken: 'Proyek {id} ditulis ke {file}.',
    badQuota: '--upload-quota adalah ruang yang boleh dipakai unggahan satu pengguna sekaligus, mis. 2G, 500M, atau 1.5G, bukan "{given}".',
    badProxy: '--trust-proxy adalah alamat IP reverse proxy di depan server, atau beberapa alamat dipisahkan koma (mis. 127.0.0.1 atau 127.0.0.1,::1); "{given}" bukan alamat IP.',
  },
});

const options = {
  database: { type: 'string' }, listen: { type: 'string' }, cache: { type: 'string' }, 'public-origin': { type: 'string' }, 'upload-quota': { type: 'string' },
  'trust-proxy': { type: 'string' }, owner: { type: 'string' }, name: { type: 'string' }, out: { type: 'string' }, json: { type: 'boolean' },
} as const;

/** Runs `serve`, `publish` or `take`; resolves with the exit status (serve: when it is stopped). */
export async function teamServerCommand(argv: readonly string[], language: 'en' | 'id'): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values: flags, positionals: [command, ...rest] } = parsed;
  const database = flags.database ?? process.env['TEMATIK_DATABASE'];
  if (!database) throw new UsageError(`${command} needs the server's database: --database postgres://user@host/db (or TEMATIK_DATABASE).`);
  const pool = new pg.Pool({ connectionString: database, max: command === 'serve' ? 20 : 2 });
  const print = (value: unknown, text: string) => process.stdout.write(flags.json ? `${JSON.stringify(value, null, 2)}\n` : `${text}\n`);
  try {
    await migrateServer(pool);
    switch (command) {
      case 'serve':
        return await serve(pool, flags, language);
      case 'publish': {
        const [file] = rest;
        if (!file || rest.length > 1 || !flags.owner) throw new UsageError('publish needs the file and its owner: tematik publish study.tematik --owner ayu --database URL');
        const owner = await requireUser(pool, flags.owner);
        const published = await publishProject(pool, { file: path.resolve(file), owner, ...(flags.name ? { name: flags.name } : {}) });
        print(published, say('published', { file, id: published.id, name: published.name, owner: owner.login })[language]);
        return 0;
      }
      case 'take': {
        const [raw] = rest;
        if (!raw || rest.length > 1 || !/^[1-9]\d{0,9}$/.test(raw) || !flags.out) throw new UsageError('take needs the project id and the new file: tematik take 3 --out study.tematik --database URL');
        const out = path.resolve(flags.out);
        if (fs.existsSync(out)) throw new TematikError('conflict', say('outExists', { file: out }));
        await takeCopy(pool, Number(raw), out);
        print({ id: Number(raw), path: out }, say('taken', { id: raw, file: out })[language]);
        return 0;
      }
      default:
        throw new UsageError(`"${command}" is not a team server command.`);
    }
  } finally {
    await pool.end();
  }
}

async function serve(pool: pg.Pool, flags: { listen?: string; cache?: string; 'public-origin'?: string; 'upload-quota'?: string; 'trust-proxy'?: string }, language: 'en' | 'id'): Promise<number> {
  const { host, port } = listenAddress(flags.listen ?? '127.0.0.1:8080');
  const uploadQuota = flags['upload-quota'] === undefined ? undefined : sizeInBytes(flags['upload-quota'], language);
  const trustProxy = flags['trust-proxy'] === undefined ? undefined : proxyAddresses(flags['trust-proxy'], language);
  const publicOrigin = flags['public-origin'];
  if (publicOrigin !== undefined && !/^https?:\/\/[^/]+\/?$/.test(publicOrigin)) throw new UsageError('--public-origin is the address users open, e.g. https://tematik.example.org (no path).');
  // Requests must name the server (DNS rebinding is refused), and "every address" names none: users' address must be given.
  if (publicOrigin === undefined && (host === '0.0.0.0' || host === '::')) throw new UsageError('Listening on every address needs --public-origin, the address users open (e.g. --public-origin http://tematik.lab.example:8080).');
  const server = await startTeamServer({
    pool, host, port, staticDir: rendererDir(),
    cacheDir: path.resolve(flags.cache ?? defaultCacheDir()),
    ...(publicOrigin ? { publicOrigin } : {}),
    ...(uploadQuota !== undefined ? { uploadQuotaBytes: uploadQuota } : {}),
    ...(trustProxy ? { trustProxy } : {}),
  });
  process.stdout.write(`${say('listening', { address: server.listening, public: publicOrigin ? ` (${server.origin})` : '' })[language]}\n`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  return 0;
}

/** A size as an administrator writes it: `2G`, `500M`, `1.5GB`, `512MiB`, or bytes (units of 1024). */
function sizeInBytes(text: string, language: 'en' | 'id'): number {
  const match = /^(\d+(?:\.\d+)?)\s*(?:([kmgt])(?:i?b)?|b)?$/i.exec(text.trim());
  const bytes = match ? Math.floor(Number(match[1]) * 1024 ** ' kmgt'.indexOf((match[2] ?? ' ').toLowerCase())) : NaN;
  if (!(bytes >= 1)) throw new UsageError(say('badQuota', { given: text })[language]);
  return bytes;
}

/** `127.0.0.1` or `127.0.0.1,::1`: the reverse proxies whose X-Forwarded-For is believed. */
function proxyAddresses(text: string, language: 'en' | 'id'): string[] {
  return text.split(',').map((given) => {
    const address = trustedProxyAddress(given);
    if (address === null) throw new UsageError(say('badProxy', { given: given.trim() })[language]);
    return address;
  });
}

/** `127.0.0.1:8080`, `[::1]:8080` or `:8080` (every address). */
function listenAddress(listen: string): { host: string; port: number } {
  const match = /^(?:\[([0-9a-fA-F:.]+)\]|([^:[\]]*)):(\d{1,5})$/.exec(listen);
  const port = Number(match?.[3]);
  if (!match || port < 1 || port > 65535) throw new UsageError('--listen is HOST:PORT, e.g. 127.0.0.1:8080 (or [::1]:8080, or :8080 for every address).');
  return { host: match[1] ?? (match[2] || '0.0.0.0'), port };
}

/** Working images and uploads: a cache, rebuilt from PostgreSQL whenever it is lost. */
function defaultCacheDir(): string {
  return path.join(process.env['XDG_CACHE_HOME'] || path.join(os.homedir(), '.cache'), 'tematik-server');
}
