import Database from 'better-sqlite3';
import { defineMessages, type LocalizedText } from '../domain/text';
import { MIGRATIONS } from './migrations/index';
import { applyMigrations } from './open';
import { ident } from './sql-ident';
import { withBinding } from './native-binding';

/**
 * Triggers are SQL kept in the project file that SQLite runs on every write. SQLite keeps them
 * from reaching another file (no ATTACH inside a trigger, no load_extension), but a trigger put
 * into a shared project could still quietly change or delete the user's own later work in it.
 * So a project opened for writing carries exactly Tematik's triggers for its format, as a new
 * project of that format would: any other is removed and any of ours that was altered or
 * dropped is put back.
 */

const say = defineMessages({
  en: { replaced: 'This project file contained {count} database trigger(s) that Tematik did not make or that had been altered ({names}). They were removed and Tematik\'s own put back, so nothing hidden in the file runs while you work; your data is unchanged.' },
  id: { replaced: 'Berkas proyek ini berisi {count} trigger basis data yang tidak dibuat oleh Tematik atau telah diubah ({names}). Trigger itu telah dihapus dan trigger milik Tematik dipasang kembali, sehingga tidak ada yang tersembunyi di dalam berkas yang berjalan selama Anda bekerja; data Anda tidak berubah.' },
});

const cache = new Map<string, ReadonlyMap<string, string>>();

/** The triggers of a new project of the current format, by name; built once per process in memory. */
function referenceTriggers(): ReadonlyMap<string, string> {
  const options = withBinding({});
  const key = options.nativeBinding ?? '';
  const known = cache.get(key);
  if (known) return known;
  const db = new Database(':memory:', options);
  try {
    db.pragma('foreign_keys = ON');
    applyMigrations(db, MIGRATIONS);
    const triggers = new Map(triggersOf(db));
    cache.set(key, triggers);
    return triggers;
  } finally {
    db.close();
  }
}

function triggersOf(db: Database.Database): [string, string][] {
  return (db.prepare(`SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' ORDER BY name`).all() as { name: string; sql: string }[])
    .map((row) => [row.name, row.sql]);
}

/**
 * Makes the file's triggers exactly Tematik's, in one transaction. Returns a notice when it had
 * to change, add or remove any, null when they were already ours. Call only on a connection that may write.
 */
export function restoreOwnTriggers(db: Database.Database): LocalizedText | null {
  const reference = referenceTriggers();
  const present = new Map(triggersOf(db));
  const foreign = [...present].filter(([name, sql]) => reference.get(name) !== sql).map(([name]) => name);
  const missing = [...reference.keys()].filter((name) => !present.has(name));
  if (foreign.length === 0 && missing.length === 0) return null;
  db.transaction(() => {
    for (const name of foreign) db.exec(`DROP TRIGGER ${ident(name)}`);
    for (const [name, sql] of reference) if (!present.has(name) || foreign.includes(name)) db.exec(sql);
  }).immediate();
  const changed = [...new Set([...foreign, ...missing])];
  return say('replaced', { count: changed.length, names: changed.slice(0, 5).join(', ') + (changed.length > 5 ? ', …' : '') });
}
