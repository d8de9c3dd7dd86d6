import type Database from 'better-sqlite3';
import type { AuditEntry, Phase, ProjectInfo, ProjectStats } from '../domain/types';
import { SCHEMA_VERSION } from './migrations/index';

type Db = Database.Database;

/** The project's details; `access` says whether this window may change it (ProjectStore.info fills it in). */
export function projectInfo(db: Db, path: string, access: Pick<ProjectInfo, 'readOnly' | 'notices'> = { readOnly: null, notices: [] }): ProjectInfo {
  const row = db.prepare('SELECT name, description, phase, created_at AS createdAt FROM project WHERE id = 1').get() as Pick<ProjectInfo, 'name' | 'description' | 'phase' | 'createdAt'>;
  return { ...row, schemaVersion: SCHEMA_VERSION, path, ...access };
}

export function updateProject(db: Db, input: { name?: string; description?: string; phase?: Phase }): void {
  const current = db.prepare('SELECT name, description, phase FROM project WHERE id = 1').get() as { name: string; description: string; phase: Phase };
  db.prepare('UPDATE project SET name = ?, description = ?, phase = ? WHERE id = 1')
    .run(input.name?.trim() ?? current.name, input.description ?? current.description, input.phase ?? current.phase);
}

export function projectStats(db: Db): ProjectStats {
  const count = (sql: string): number => db.prepare(sql).pluck().get() as number;
  return {
    documents: count('SELECT count(*) FROM documents'),
    words: count('SELECT ifnull(sum(word_count), 0) FROM documents'),
    informants: count('SELECT count(*) FROM informants'),
    informantTypes: count('SELECT count(*) FROM informant_types'),
    codes: count('SELECT count(*) FROM codes'),
    codings: count('SELECT count(*) FROM codings'),
    themes: count(`SELECT count(*) FROM themes WHERE status <> 'discarded'`),
    memos: count('SELECT count(*) FROM memos'),
    phase: count('SELECT phase FROM project WHERE id = 1') as Phase,
    informantsPerType: db.prepare(`
      SELECT t.name AS type, count(DISTINCT i.id) AS informants, count(DISTINCT di.document_id) AS documents
      FROM informant_types t LEFT JOIN informants i ON i.type_id = t.id LEFT JOIN document_informants di ON di.informant_id = i.id
      GROUP BY t.id ORDER BY t.sort_order, t.name`).all() as ProjectStats['informantsPerType'],
  };
}

export function auditLog(db: Db, limit: number): AuditEntry[] {
  return db.prepare(`
    SELECT a.id, a.at, c.name AS coder, a.action, a.summary FROM audit_log a JOIN coders c ON c.id = a.coder_id
    ORDER BY a.id DESC LIMIT ?`).all(limit) as AuditEntry[];
}
