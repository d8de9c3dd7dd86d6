/**
 * How a team project is named: in PostgreSQL (its schema), on the server's disk (its working
 * image) and to the session (`team:<id>`, the "file" name a ProjectBackend is given).
 */

/** The prefix of a team project's name as a session opens it. */
export const TEAM_PREFIX = 'team:';

/** `team:<id>` for a project id. */
export function teamName(projectId: number): string {
  return `${TEAM_PREFIX}${projectId}`;
}

/** The project id in `team:<id>`, or null when `name` is not one. */
export function projectIdOf(name: string): number | null {
  const match = /^team:([1-9]\d{0,9})$/.exec(name);
  const id = match ? Number(match[1]) : NaN;
  return Number.isSafeInteger(id) && id <= MAX_PROJECT_ID ? id : null;
}

/** Advisory locks take two 32-bit keys: the project id is the second. */
export const MAX_PROJECT_ID = 2 ** 31 - 1;

/** The PostgreSQL schema holding a project's rows. */
export function schemaOf(projectId: number): string {
  if (!Number.isSafeInteger(projectId) || projectId < 1 || projectId > MAX_PROJECT_ID) throw new Error(`Not a team project id: ${projectId}`);
  return `project_${projectId}`;
}

/** Quoted identifiers: the store's one way, for PostgreSQL and SQLite alike. */
export { ident } from '../sql-ident';
