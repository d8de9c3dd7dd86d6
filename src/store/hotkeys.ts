import type Database from 'better-sqlite3';
import { TematikError } from '../domain/errors';
import { defineMessages } from '../domain/text';
import type { CodeId, ThemeId } from '../domain/ids';
import { codeName } from './codes';
import { getTheme } from './themes';

const say = defineMessages({
  en: {
    badKey: 'Key {key} cannot be pinned to a code: choose a key from 1 to 9, or none.',
    codeLeftTheme: 'Code "{code}" is not in theme "{theme}" any more. Refresh the board and drag it again.',
  },
  id: {
    badKey: 'Tombol {key} tidak bisa disematkan pada kode: pilih tombol 1 sampai 9, atau tidak ada.',
    codeLeftTheme: 'Kode "{code}" sudah tidak ada di tema "{theme}". Muat ulang papan tema lalu seret lagi.',
  },
});

type Db = Database.Database;

/**
 * Pins `key` (1–9) to a code, or frees the code's key with null. A key belongs to one
 * code at most: pinning a key another code holds takes it from that code. Returns the
 * name of the code that lost the key, if any.
 */
export function setHotkey(db: Db, id: CodeId, key: number | null): string | null {
  codeName(db, id);
  if (key !== null && (!Number.isInteger(key) || key < 1 || key > 9)) {
    throw new TematikError('invalid_args', say('badKey', { key: String(key) }));
  }
  let previous: string | null = null;
  if (key !== null) {
    const holder = db.prepare('SELECT id, name FROM codes WHERE hotkey = ? AND id <> ?').get(key, id) as { id: number; name: string } | undefined;
    if (holder) {
      db.prepare('UPDATE codes SET hotkey = NULL WHERE id = ?').run(holder.id);
      previous = holder.name;
    }
  }
  db.prepare('UPDATE codes SET hotkey = ? WHERE id = ? AND hotkey IS NOT ?').run(key, id, key);
  return previous;
}

/** Moves a code from one theme to another: the target gains it, the source loses it. */
export function moveThemeCode(db: Db, codeId: CodeId, fromId: ThemeId, toId: ThemeId): void {
  const from = getTheme(db, fromId);
  getTheme(db, toId);
  const name = codeName(db, codeId);
  if (!from.codeIds.includes(codeId)) {
    throw new TematikError('conflict', say('codeLeftTheme', { code: name, theme: from.name }));
  }
  if (fromId === toId) return;
  db.prepare('INSERT OR IGNORE INTO theme_codes (theme_id, code_id) VALUES (?, ?)').run(toId, codeId);
  db.prepare('DELETE FROM theme_codes WHERE theme_id = ? AND code_id = ?').run(fromId, codeId);
}
