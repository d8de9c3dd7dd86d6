import type { Pool } from 'pg';
import { TematikError } from '../domain/errors';
import { defineMessages } from '../domain/text';
import { normaliseLogin, requireUser } from './accounts';
import type { Role } from './roles';
import { inTransaction, type Db } from './schema';

/**
 * The projects a team server serves and who may use them. A project's rows live in its own schema
 * (`project_<id>`, src/store/postgres); this registry gives it its id, keeps its name and GUID for
 * the lists, and records each member's role. Every project has at least one owner.
 */
export interface ProjectEntry {
  readonly id: number;
  readonly name: string;
  /** The project's own GUID; null until its rows are in place (describeProject). */
  readonly guid: string | null;
}

export interface Member {
  readonly login: string;
  readonly name: string;
  readonly role: Role;
}

const say = defineMessages({
  en: {
    noProject: 'There is no project {id} on this server. The list of team projects shows their numbers.',
    emptyName: 'The project\'s name is empty. Type a name, e.g. "Studi UMKM Kopi 2026".',
    notMember: 'The user "{login}" is not a member of the project "{project}"; nothing was changed.',
    lastOwner: '"{login}" is the only owner of the project "{project}", and a project needs one. Make another member owner first; nothing was changed.',
  },
  id: {
    noProject: 'Tidak ada proyek {id} di server ini. Daftar proyek tim menampilkan nomornya.',
    emptyName: 'Nama proyek masih kosong. Ketik nama, mis. "Studi UMKM Kopi 2026".',
    notMember: 'Pengguna "{login}" bukan anggota proyek "{project}"; tidak ada yang diubah.',
    lastOwner: '"{login}" adalah satu-satunya pemilik proyek "{project}", dan proyek memerlukan pemilik. Jadikan anggota lain pemilik lebih dulu; tidak ada yang diubah.',
  },
});

function projectName(name: string): string {
  const tidied = name.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (tidied === '') throw new TematikError('invalid_args', say('emptyName'));
  return tidied.slice(0, 200);
}

interface ProjectRow { id: string; name: string; guid: string | null }
const toEntry = (row: ProjectRow): ProjectEntry => ({ id: Number(row.id), name: row.name, guid: row.guid });

/** A new project in the registry with `ownerId` its owner; returns its id (the mirror then fills `project_<id>`). */
export async function registerProject(pool: Pool, input: { name: string; ownerId: number }): Promise<number> {
  const name = projectName(input.name);
  return inTransaction(pool, async (db) => {
    const { rows } = await db.query<{ id: string }>('INSERT INTO tematik.projects (name) VALUES ($1) RETURNING id', [name]);
    const id = Number(rows[0]!.id);
    await db.query("INSERT INTO tematik.members (project_id, user_id, role) VALUES ($1, $2, 'owner')", [id, input.ownerId]);
    return id;
  });
}

/** The project's name and GUID as its rows have them (after publishing, or a rename inside the project). */
export async function describeProject(pool: Db, id: number, about: { name: string; guid: string }): Promise<void> {
  const { rowCount } = await pool.query('UPDATE tematik.projects SET name = $2, guid = $3 WHERE id = $1', [id, projectName(about.name), about.guid]);
  if (!rowCount) throw new TematikError('not_found', say('noProject', { id: String(id) }));
}

/** Removes the project from the registry with its memberships; its rows are dropped apart (dropProject). */
export async function unregisterProject(pool: Db, id: number): Promise<void> {
  const { rowCount } = await pool.query('DELETE FROM tematik.projects WHERE id = $1', [id]);
  if (!rowCount) throw new TematikError('not_found', say('noProject', { id: String(id) }));
}

/** The project, or null. */
export async function findProject(pool: Db, id: number): Promise<ProjectEntry | null> {
  if (!Number.isSafeInteger(id) || id <= 0) return null;
  const { rows } = await pool.query<ProjectRow>('SELECT id, name, guid FROM tematik.projects WHERE id = $1', [id]);
  return rows[0] ? toEntry(rows[0]) : null;
}

/** The project; refused when there is none. */
export async function requireProject(pool: Db, id: number): Promise<ProjectEntry> {
  const project = await findProject(pool, id);
  if (!project) throw new TematikError('not_found', say('noProject', { id: String(id) }));
  return project;
}

/** The projects a user is a member of, with their role, by name. */
export async function projectsOf(pool: Db, userId: number): Promise<(ProjectEntry & { readonly role: Role })[]> {
  const { rows } = await pool.query<ProjectRow & { role: Role }>(
    `SELECT p.id, p.name, p.guid, m.role FROM tematik.projects p JOIN tematik.members m ON m.project_id = p.id
     WHERE m.user_id = $1 ORDER BY lower(p.name), p.id`, [userId]);
  return rows.map((row) => ({ ...toEntry(row), role: row.role }));
}


/**
 * Makes the user a member with `role`, or changes their role. The project's row is locked, so two
 * owners changing roles at once cannot leave the project without an owner.
 */
export async function setMember(pool: Pool, projectId: number, login: string, role: Role): Promise<Member> {
  return inTransaction(pool, async (db) => {
    const project = await lockProject(db, projectId);
    const user = await requireUser(db, normaliseLogin(login));
    if (role !== 'owner') await refuseLastOwner(db, project, user.id, user.login);
    await db.query(
      `INSERT INTO tematik.members (project_id, user_id, role) VALUES ($1, $2, $3)
       ON CONFLICT (project_id, user_id) DO UPDATE SET role = excluded.role`, [project.id, user.id, role]);
    return { login: user.login, name: user.name, role };
  });
}

/** Ends the user's membership; refused for the project's last owner. */
export async function removeMember(pool: Pool, projectId: number, login: string): Promise<void> {
  await inTransaction(pool, async (db) => {
    const project = await lockProject(db, projectId);
    const user = await requireUser(db, normaliseLogin(login));
    await refuseLastOwner(db, project, user.id, user.login);
    const { rowCount } = await db.query('DELETE FROM tematik.members WHERE project_id = $1 AND user_id = $2', [project.id, user.id]);
    if (!rowCount) throw new TematikError('not_found', say('notMember', { login: user.login, project: project.name }));
  });
}

/** The project's members: owners first, then coders, then reviewers, each by login. */
export async function membersOf(pool: Db, projectId: number): Promise<Member[]> {
  await requireProject(pool, projectId);
  const { rows } = await pool.query<Member>(
    `SELECT u.login, u.name, m.role FROM tematik.members m JOIN tematik.users u ON u.id = m.user_id WHERE m.project_id = $1
     ORDER BY array_position(ARRAY['owner', 'coder', 'reviewer'], m.role), u.login`, [projectId]);
  return rows.map((row) => ({ login: row.login, name: row.name, role: row.role }));
}

async function lockProject(db: Db, projectId: number): Promise<ProjectEntry> {
  if (!Number.isSafeInteger(projectId) || projectId <= 0) throw new TematikError('not_found', say('noProject', { id: String(projectId) }));
  const { rows } = await db.query<ProjectRow>('SELECT id, name, guid FROM tematik.projects WHERE id = $1 FOR UPDATE', [projectId]);
  if (!rows[0]) throw new TematikError('not_found', say('noProject', { id: String(projectId) }));
  return toEntry(rows[0]);
}

/** Refuses when `userId` is the project's only owner (being removed or made coder or reviewer). */
async function refuseLastOwner(db: Db, project: ProjectEntry, userId: number, login: string): Promise<void> {
  const { rows } = await db.query<{ user_id: string }>("SELECT user_id FROM tematik.members WHERE project_id = $1 AND role = 'owner'", [project.id]);
  if (rows.length === 1 && Number(rows[0]!.user_id) === userId) throw new TematikError('conflict', say('lastOwner', { login, project: project.name }));
}
