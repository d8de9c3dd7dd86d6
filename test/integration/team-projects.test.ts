import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, removeUser, type User } from '../../src/team-server/accounts';
import {
  describeProject, findProject, membersOf, projectsOf, registerProject, removeMember, setMember, unregisterProject,
} from '../../src/team-server/projects';
import type { Role } from '../../src/team-server/roles';
import { migrateServer } from '../../src/team-server/schema';
import { startCluster, type Cluster } from '../helpers/postgres';
import { refused } from '../helpers/refused';

/* The team server's projects registry and members, on a real PostgreSQL cluster. */

let cluster: Cluster;
let pool: pg.Pool;
let ayu: User;
let budi: User;
let citra: User;

beforeAll(async () => {
  cluster = await startCluster();
  pool = new pg.Pool({ connectionString: cluster.createDatabase('projects') });
  await migrateServer(pool);
  [ayu, budi, citra] = await Promise.all([
    addUser(pool, { login: 'ayu', name: 'Ayu Lestari', password: 'kopi lereng merapi' }),
    addUser(pool, { login: 'budi', name: 'Budi Santoso', password: 'kopi lereng merapi' }),
    addUser(pool, { login: 'citra', name: 'Citra Dewi', password: 'kopi lereng merapi' }),
  ]);
});

afterAll(async () => {
  await pool?.end();
  cluster?.stop();
});

/** The user's role in the project, as the list of their projects says it; null when not a member. */
async function roleOf(db: pg.Pool, projectId: number, userId: number): Promise<Role | null> {
  return (await projectsOf(db, userId)).find((p) => p.id === projectId)?.role ?? null;
}

describe('the projects registry', () => {
  it('a new project has its creator as owner, and a GUID once its rows are in place', async () => {
    const id = await registerProject(pool, { name: '  Studi   UMKM Kopi ', ownerId: ayu.id });
    expect(await findProject(pool, id)).toEqual({ id, name: 'Studi UMKM Kopi', guid: null });
    expect(await roleOf(pool, id, ayu.id)).toBe('owner');
    expect(await roleOf(pool, id, budi.id)).toBeNull();
    await describeProject(pool, id, { name: 'Studi UMKM Kopi 2026', guid: '5b0c1c7e-0000-4000-8000-000000000001' });
    expect(await projectsOf(pool, ayu.id)).toContainEqual({ id, name: 'Studi UMKM Kopi 2026', guid: '5b0c1c7e-0000-4000-8000-000000000001', role: 'owner' });
    expect(await projectsOf(pool, budi.id)).toEqual([]);
    expect((await refused(registerProject(pool, { name: '  ', ownerId: ayu.id }))).message).toBe('The project\'s name is empty. Type a name, e.g. "Studi UMKM Kopi 2026".');
  });

  it('lists a user\'s projects by name with their role in each', async () => {
    const b = await registerProject(pool, { name: 'b-studi', ownerId: budi.id });
    const a = await registerProject(pool, { name: 'A-studi', ownerId: citra.id });
    await setMember(pool, a, 'budi', 'reviewer');
    expect((await projectsOf(pool, budi.id)).map((p) => [p.id, p.name, p.role])).toEqual([[a, 'A-studi', 'reviewer'], [b, 'b-studi', 'owner']]);
  });

  it('an unregistered project is gone with its memberships; an unknown one is refused', async () => {
    const id = await registerProject(pool, { name: 'Sementara', ownerId: ayu.id });
    await setMember(pool, id, 'budi', 'coder');
    await unregisterProject(pool, id);
    expect(await findProject(pool, id)).toBeNull();
    expect(await roleOf(pool, id, budi.id)).toBeNull();
    expect((await pool.query('SELECT 1 FROM tematik.members WHERE project_id = $1', [id])).rowCount).toBe(0);
    const error = await refused(unregisterProject(pool, id));
    expect(error.kind).toBe('not_found');
    expect(error.message).toBe(`There is no project ${id} on this server. The list of team projects shows their numbers.`);
    expect((await refused(describeProject(pool, id, { name: 'x', guid: 'y' }))).kind).toBe('not_found');
    expect((await refused(membersOf(pool, id))).kind).toBe('not_found');
    expect(await roleOf(pool, -1, ayu.id)).toBeNull();
  });
});

describe('members', () => {
  it('are added, change role and are removed; listed owners first', async () => {
    const id = await registerProject(pool, { name: 'Anggota', ownerId: ayu.id });
    expect(await setMember(pool, id, ' CITRA ', 'reviewer')).toEqual({ login: 'citra', name: 'Citra Dewi', role: 'reviewer' });
    await setMember(pool, id, 'budi', 'coder');
    expect(await membersOf(pool, id)).toEqual([
      { login: 'ayu', name: 'Ayu Lestari', role: 'owner' },
      { login: 'budi', name: 'Budi Santoso', role: 'coder' },
      { login: 'citra', name: 'Citra Dewi', role: 'reviewer' },
    ]);
    await setMember(pool, id, 'citra', 'coder');
    expect(await roleOf(pool, id, citra.id)).toBe('coder');
    await removeMember(pool, id, 'citra');
    expect(await roleOf(pool, id, citra.id)).toBeNull();
    const again = await refused(removeMember(pool, id, 'citra'));
    expect(again.kind).toBe('not_found');
    expect(again.message).toBe('The user "citra" is not a member of the project "Anggota"; nothing was changed.');
    expect((await refused(setMember(pool, id, 'nobody', 'coder'))).message).toMatch(/There is no user with the login "nobody"/);
    expect((await refused(setMember(pool, 9999, 'budi', 'coder'))).kind).toBe('not_found');
  });

  it('the last owner can be neither removed nor made coder or reviewer; with a second owner, either can', async () => {
    const id = await registerProject(pool, { name: 'Pemilik', ownerId: ayu.id });
    await setMember(pool, id, 'budi', 'coder');
    const removal = await refused(removeMember(pool, id, 'ayu'));
    expect(removal.kind).toBe('conflict');
    expect(removal.text).toEqual({
      en: '"ayu" is the only owner of the project "Pemilik", and a project needs one. Make another member owner first; nothing was changed.',
      id: '"ayu" adalah satu-satunya pemilik proyek "Pemilik", dan proyek memerlukan pemilik. Jadikan anggota lain pemilik lebih dulu; tidak ada yang diubah.',
    });
    expect((await refused(setMember(pool, id, 'ayu', 'reviewer'))).kind).toBe('conflict');
    expect(await roleOf(pool, id, ayu.id)).toBe('owner');
    await setMember(pool, id, 'budi', 'owner');
    await setMember(pool, id, 'ayu', 'coder');
    expect((await membersOf(pool, id)).map((m) => [m.login, m.role])).toEqual([['budi', 'owner'], ['ayu', 'coder']]);
    expect((await refused(removeMember(pool, id, 'budi'))).kind).toBe('conflict');
  });

  it('two owners demoting each other at once leave one owner', async () => {
    const id = await registerProject(pool, { name: 'Serentak', ownerId: ayu.id });
    await setMember(pool, id, 'budi', 'owner');
    const results = await Promise.allSettled([setMember(pool, id, 'ayu', 'coder'), setMember(pool, id, 'budi', 'coder')]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect((await membersOf(pool, id)).filter((m) => m.role === 'owner')).toHaveLength(1);
  });

  it('a user who is some project\'s only owner cannot be removed until another owner is named', async () => {
    const dewi = await addUser(pool, { login: 'dewi', name: 'Dewi Anggraini', password: 'kopi lereng merapi' });
    const id = await registerProject(pool, { name: 'Milik Dewi', ownerId: dewi.id });
    const shared = await registerProject(pool, { name: 'Bersama', ownerId: dewi.id });
    await setMember(pool, shared, 'ayu', 'owner');
    await setMember(pool, id, 'budi', 'coder');
    const error = await refused(removeUser(pool, 'dewi'));
    expect(error.kind).toBe('conflict');
    expect(error.message).toBe(`The user "dewi" is the only owner of "Milik Dewi" (${id}). Make another member owner first ("tematik members add PROJECT-ID LOGIN --role owner"), then remove the user; nothing was changed.`);
    await setMember(pool, id, 'budi', 'owner');
    await removeUser(pool, 'dewi');
    expect((await membersOf(pool, id)).map((m) => m.login)).toEqual(['budi']);
    expect((await membersOf(pool, shared)).map((m) => m.login)).toEqual(['ayu']);
  });
});
