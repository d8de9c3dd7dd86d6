import type Database from 'better-sqlite3';
import { TematikError } from '../domain/errors';
import { defineMessages } from '../domain/text';
import type { RedactionId } from '../domain/ids';
import type { Redaction } from '../domain/types';
import type { ListedKind } from '../domain/deid';
import { now } from './project-store';

const say = defineMessages({
  en: {
    notFound: 'Name to hide {id} does not exist (removed, or undone?). Refresh the list and try again.',
    alreadyListed: '"{term}" is already in the list of names to hide (replaced by "{replacement}"). Edit that entry instead of adding it again.',
    emptyTerm: 'The name to hide is empty. Type a name, e.g. a shop name such as "Kopi Lereng".',
    emptyReplacement: 'The replacement is empty. Type what the report prints instead, e.g. "[kedai kopi]".',
  },
  id: {
    notFound: 'Nama yang disamarkan {id} tidak ada (sudah dihapus, atau diurungkan?). Muat ulang daftarnya lalu coba lagi.',
    alreadyListed: '"{term}" sudah ada di daftar nama yang disamarkan (diganti dengan "{replacement}"). Ubah entri itu alih-alih menambahkannya lagi.',
    emptyTerm: 'Nama yang disamarkan masih kosong. Ketik sebuah nama, mis. nama toko seperti "Kopi Lereng".',
    emptyReplacement: 'Penggantinya masih kosong. Ketik apa yang dicetak laporan sebagai gantinya, mis. "[kedai kopi]".',
  },
});

type Db = Database.Database;

const select = 'SELECT id, term, replacement, kind, created_at AS createdAt FROM redactions';

/** One spelling of a term: NFC, single spaces, trimmed, so "Kopi  Lereng" and "Kopi Lereng" are one name. */
const tidy = (text: string): string => text.normalize('NFC').replace(/\s+/g, ' ').trim();

/** The names to replace, in the order they were added. */
export function listRedactions(db: Db): Redaction[] {
  return db.prepare(`${select} ORDER BY id`).all() as Redaction[];
}

export function getRedaction(db: Db, id: RedactionId): Redaction {
  const row = db.prepare(`${select} WHERE id = ?`).get(id) as Redaction | undefined;
  if (!row) throw new TematikError('not_found', say('notFound', { id: String(id) }));
  return row;
}

/** A term already in the list, compared as the table does (case-insensitive), other than `except`. */
function assertNew(db: Db, term: string, except: RedactionId | null): void {
  const clash = (db.prepare(`${select} WHERE term = ? COLLATE NOCASE AND id IS NOT ?`).get(term, except) as Redaction | undefined)
    // SQLite's NOCASE folds ASCII only; "ÇAY" and "çay" are one name too.
    ?? listRedactions(db).find((r) => r.id !== except && r.term.toLocaleLowerCase() === term.toLocaleLowerCase());
  if (clash) {
    throw new TematikError('conflict', say('alreadyListed', { term: clash.term, replacement: clash.replacement }));
  }
}

function checked(field: 'term' | 'replacement', value: string): string {
  const text = tidy(value);
  if (!text) {
    throw new TematikError('invalid_args', say(field === 'term' ? 'emptyTerm' : 'emptyReplacement'));
  }
  return text;
}

/** `kind` (migration 15) says how de-identification finds the name: a person's by its parts too, others only whole; `other` when not given. */
export function addRedaction(db: Db, input: { term: string; replacement: string; kind?: ListedKind | undefined }): RedactionId {
  const term = checked('term', input.term);
  const replacement = checked('replacement', input.replacement);
  assertNew(db, term, null);
  return Number(db.prepare('INSERT INTO redactions (term, replacement, kind, created_at) VALUES (?, ?, ?, ?)')
    .run(term, replacement, input.kind ?? 'other', now()).lastInsertRowid) as RedactionId;
}

export function updateRedaction(db: Db, id: RedactionId, changes: { term?: string | undefined; replacement?: string | undefined; kind?: ListedKind | undefined }): void {
  const current = getRedaction(db, id);
  const term = changes.term === undefined ? current.term : checked('term', changes.term);
  const replacement = changes.replacement === undefined ? current.replacement : checked('replacement', changes.replacement);
  assertNew(db, term, id);
  db.prepare('UPDATE redactions SET term = ?, replacement = ?, kind = ? WHERE id = ?').run(term, replacement, changes.kind ?? current.kind, id);
}

export function removeRedaction(db: Db, id: RedactionId): Redaction {
  const current = getRedaction(db, id);
  db.prepare('DELETE FROM redactions WHERE id = ?').run(id);
  return current;
}
