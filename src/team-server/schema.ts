import type { Pool, PoolClient } from 'pg';
import { TematikError } from '../domain/errors';
import { defineMessages } from '../domain/text';
import { inTransaction } from '../store/postgres/transaction';

/**
 * The team server's own tables (accounts, login sessions, the projects it serves and who may use
 * them), in schema `tematik`, beside the projects' own schemas `project_<id>`. Numbered,
 * append-only migrations as a project file has them: each runs once, in order, recorded in
 * `tematik.schema_migrations`; a database migrated by a newer Tematik is refused, not changed.
 */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE tematik.users (
     id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     login text NOT NULL UNIQUE CHECK (login ~ '^[a-z0-9._-]{1,64}$'),
     name text NOT NULL CHECK (name <> ''),
     password_hash text NOT NULL,
     created_at timestamptz NOT NULL DEFAULT now(),
     disabled boolean NOT NULL DEFAULT false
   );
   -- A user's name is who they are as a coder in every project, and coders' names compare without case.
   CREATE UNIQUE INDEX users_name_unique ON tematik.users (lower(name));

   CREATE TABLE tematik.sessions (
     id text PRIMARY KEY CHECK (id ~ '^[0-9a-f]{64}$'),
     user_id bigint NOT NULL REFERENCES tematik.users (id) ON DELETE CASCADE,
     csrf text NOT NULL,
     created_at timestamptz NOT NULL DEFAULT now(),
     last_seen timestamptz NOT NULL DEFAULT now(),
     expires_at timestamptz NOT NULL
   );
   CREATE INDEX sessions_user ON tematik.sessions (user_id);

   CREATE TABLE tematik.projects (
     id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     -- Null until the project's rows are in place (describeProject): a project file's own GUID.
     guid text,
     name text NOT NULL CHECK (name <> ''),
     created_at timestamptz NOT NULL DEFAULT now()
   );

   CREATE TABLE tematik.members (
     project_id bigint NOT NULL REFERENCES tematik.projects (id) ON DELETE CASCADE,
     user_id bigint NOT NULL REFERENCES tematik.users (id) ON DELETE CASCADE,
     role text NOT NULL CHECK (role IN ('owner', 'coder', 'reviewer')),
     PRIMARY KEY (project_id, user_id)
   );
   CREATE INDEX members_user ON tematik.members (user_id);`,
];

/** The version a database has once every migration of this Tematik ran. */
export const SERVER_SCHEMA_VERSION = MIGRATIONS.length;

/** Any number, the same in every Tematik: the advisory lock two servers starting at once take to migrate one after the other. */
const MIGRATION_LOCK = 0x7465_6d61;

const say = defineMessages({
  en: {
    newer: 'This database was set up by a newer Tematik (server tables version {found}; this Tematik knows up to {known}). Update Tematik on this machine; nothing was changed.',
  },
  id: {
    newer: 'Basis data ini disiapkan oleh Tematik yang lebih baru (versi tabel server {found}; Tematik ini mengenal sampai {known}). Perbarui Tematik di komputer ini; tidak ada yang diubah.',
  },
});

/** Brings the server's tables up to date in one transaction (all pending migrations or none); returns the version reached. */
export async function migrateServer(pool: Pool): Promise<number> {
  return inTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query('CREATE SCHEMA IF NOT EXISTS tematik');
    await client.query(`CREATE TABLE IF NOT EXISTS tematik.schema_migrations (
      version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
    const { rows } = await client.query<{ version: number | null }>('SELECT max(version) AS version FROM tematik.schema_migrations');
    const found = rows[0]?.version ?? 0;
    if (found > MIGRATIONS.length) {
      throw new TematikError('newer_version', say('newer', { found: String(found), known: String(MIGRATIONS.length) }));
    }
    for (let version = found + 1; version <= MIGRATIONS.length; version++) {
      await client.query(MIGRATIONS[version - 1]!);
      await client.query('INSERT INTO tematik.schema_migrations (version) VALUES ($1)', [version]);
    }
    return MIGRATIONS.length;
  });
}

/** A pool, or one connection of it inside a transaction. */
export type Db = Pool | PoolClient;

/** One transaction on one connection: the store's helper, which the server's modules take from here. */
export { inTransaction };
