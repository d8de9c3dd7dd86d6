/**
 * A project comes onto the team server new and empty or published from a .tematik file, and
 * leaves it deleted: the server's register of projects (src/team-server/projects.ts) and the
 * project's rows in PostgreSQL (src/store/postgres) change together, and a failure on the way
 * leaves neither behind. The HTTP routes and the CLI both come through here.
 */
import type { Pool } from 'pg';
import { createEmpty, dropProject, publishFile } from '../store/postgres/publish';
import type { User } from './accounts';
import { describeProject, registerProject, unregisterProject } from './projects';

/** Largest .tematik accepted for publishing over HTTP: a project with a few embedded recordings. */
export const MAX_PUBLISH_BYTES = 4 * 1024 * 1024 * 1024;

export interface PublishedProject {
  readonly id: number;
  readonly name: string;
}

/** Publishes a .tematik file (checked by publishFile, never trusted) as a new project `owner` owns. */
export async function publishProject(pool: Pool, input: { file: string; owner: User; name?: string }): Promise<PublishedProject> {
  return register(pool, input.owner, input.name ?? 'Tematik project', async (id) => {
    const published = await publishFile(pool, id, input.file);
    return { guid: published.guid, name: input.name ?? published.name };
  });
}

/** A new, empty project `owner` owns. */
export async function newProject(pool: Pool, input: { name: string; owner: User }): Promise<PublishedProject> {
  return register(pool, input.owner, input.name, async (id) => {
    const created = await createEmpty(pool, id, input.name);
    return { guid: created.guid, name: input.name };
  });
}

/**
 * Deletes a project: its rows, then its entry in the register (and with it its members). The
 * caller has closed the project and waited for its lock to be let go of (Runtimes.close), so a
 * refusal as locked here means another server process has it open.
 */
export async function deleteProject(pool: Pool, projectId: number): Promise<void> {
  await dropProject(pool, projectId);
  await unregisterProject(pool, projectId);
}

async function register(pool: Pool, owner: User, name: string, fill: (id: number) => Promise<{ guid: string; name: string }>): Promise<PublishedProject> {
  const id = await registerProject(pool, { name, ownerId: owner.id });
  try {
    const described = await fill(id);
    await describeProject(pool, id, described);
    return { id, name: described.name };
  } catch (error) {
    await dropProject(pool, id).catch(() => undefined);
    await unregisterProject(pool, id);
    throw error;
  }
}
