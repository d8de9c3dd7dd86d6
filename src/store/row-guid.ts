import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { prepared } from './prepared';

/**
 * Tables whose rows travel between copies of a project (a coder's copy, an export, a merge),
 * each with a `guid` column: the row's identity wherever it goes, where its integer id is only
 * this file's. Journal entries are memos; informant types and attributes travel with informants.
 */
export const GUID_TABLES = [
  'coders', 'informant_types', 'informants', 'attributes', 'documents', 'codes', 'codings',
  'themes', 'theme_links', 'memos', 'comments',
] as const;
export type GuidTable = (typeof GUID_TABLES)[number];

/** A new row's GUID: a random (version 4) UUID, lower case, as REFI-QDA's GUID pattern accepts. */
export function newGuid(): string {
  return randomUUID();
}

/** REFI-QDA's GUID pattern (8-4-4-4-12 hex digits); a GUID from elsewhere is kept only when it matches. */
const GUID_PATTERN = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

export function isGuid(text: unknown): text is string {
  return typeof text === 'string' && GUID_PATTERN.test(text);
}

/**
 * The GUID a row brought from elsewhere (a REFI-QDA import) keeps when it is a valid GUID no row
 * of this project has yet, so a re-export gives other tools the GUIDs they know; otherwise a new one.
 */
export function keptGuid(db: Database.Database, incoming: string | undefined): string {
  if (!isGuid(incoming)) return newGuid();
  const used = prepared(db, `SELECT 1 FROM (${GUID_TABLES.map((t) => `SELECT 1 FROM ${t} WHERE guid = @guid`).join(' UNION ALL ')}) LIMIT 1`).get({ guid: incoming });
  return used === undefined ? incoming : newGuid();
}

/** The GUIDs a review package names its rows by (comments come back on them), each table's by row id. */
export interface RowGuids {
  readonly project: string;
  readonly themes: ReadonlyMap<number, string>;
  readonly links: ReadonlyMap<number, string>;
  readonly codes: ReadonlyMap<number, string>;
  readonly codings: ReadonlyMap<number, string>;
}

export function readRowGuids(db: Database.Database): RowGuids {
  const of = (table: GuidTable) => new Map(db.prepare(`SELECT id, guid FROM ${table}`).raw().all() as [number, string][]);
  return {
    project: db.prepare('SELECT guid FROM project WHERE id = 1').pluck().get() as string,
    themes: of('themes'), links: of('theme_links'), codes: of('codes'), codings: of('codings'),
  };
}
