import path from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS } from '../../src/store/migrations/index';
import { APPLICATION_ID } from '../../src/store/open';
import { tempDir } from './temp-project';

/**
 * A project file as format `version` of Tematik left it: that version's migrations, the project
 * row, then what `seed` writes (rows, an old trigger) before the file is stamped with the version.
 */
export function projectAtVersion(version: number, seed: (db: Database.Database) => void = () => undefined): string {
  const file = path.join(tempDir(), `v${version}.tematik`);
  const db = new Database(file);
  for (const migration of MIGRATIONS.filter((m) => m.version <= version)) {
    db.exec(migration.sql);
    migration.data?.(db);
  }
  db.prepare(`INSERT INTO project (id, name, created_at, guid) VALUES (1, 'Studi UMKM', '2025-01-01', 'g')`).run();
  seed(db);
  db.pragma(`application_id = ${APPLICATION_ID}`);
  db.pragma(`user_version = ${version}`);
  db.close();
  return file;
}
