import type Database from 'better-sqlite3';

/**
 * The coder a copy was made for (migration 11), who codes it when it is opened on a computer that
 * has not been told otherwise; undefined for a project that is no such copy.
 */
export function copyCoder(db: Database.Database): string | undefined {
  try {
    const name = db.prepare('SELECT coder FROM copy_origin WHERE id = 1').pluck().get();
    return typeof name === 'string' && name.trim() !== '' ? name : undefined;
  } catch {
    // A damaged file is opened to read what can be read: who codes it is then asked, as for any project.
    return undefined;
  }
}
