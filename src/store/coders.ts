import type Database from 'better-sqlite3';
import { coderName } from '../domain/coder-name';
import { TematikError } from '../domain/errors';
import type { CoderId } from '../domain/ids';
import { paletteColour } from '../domain/palette';
import { defineMessages } from '../domain/text';
import type { Coder } from '../domain/types';
import { consensusGuid } from './consensus';
import { keptGuid } from './row-guid';

type Db = Database.Database;

const say = defineMessages({
  en: {
    notFound: 'Coder {id} does not exist in this project. Refresh the list of coders and try again.',
    nameTaken: 'There is already a coder named "{name}" in this project. Choose that coder, or give this one another name (e.g. with an initial).',
  },
  id: {
    notFound: 'Pengode {id} tidak ada di proyek ini. Muat ulang daftar pengode lalu coba lagi.',
    nameTaken: 'Sudah ada pengode bernama "{name}" di proyek ini. Pilih pengode itu, atau beri yang ini nama lain (mis. dengan inisial).',
  },
});

/** Adds a coder with the next palette colour and the GUID a REFI-QDA user brought (when valid and unused) or a new one; returns the row id. */
export function insertCoder(db: Db, name: string, guid?: string): CoderId {
  const count = db.prepare('SELECT count(*) FROM coders').pluck().get() as number;
  return Number(db.prepare('INSERT INTO coders (guid, name, colour, created_at) VALUES (?, ?, ?, ?)')
    .run(keptGuid(db, guid), name, paletteColour(count), new Date().toISOString()).lastInsertRowid) as CoderId;
}

const select = `SELECT c.id, c.guid, c.name, c.colour, c.created_at AS createdAt,
  (SELECT count(*) FROM codings k WHERE k.coder_id = c.id) AS codings, c.guid = @consensus AS consensus FROM coders c`;

type CoderRow = Omit<Coder, 'consensus'> & { consensus: number };
const toCoder = ({ consensus, ...row }: CoderRow): Coder => ({ ...row, consensus: consensus === 1 });

/** The people named in the project, in the order they joined it, each with how many codings they made; and the consensus coder, if there is one. */
export function listCoders(db: Db): Coder[] {
  return (db.prepare(`${select} ORDER BY c.id`).all({ consensus: consensusGuid(db) }) as CoderRow[]).map(toCoder);
}

export function getCoder(db: Db, id: CoderId): Coder {
  const row = db.prepare(`${select} WHERE c.id = @id`).get({ id, consensus: consensusGuid(db) }) as CoderRow | undefined;
  if (!row) throw new TematikError('not_found', say('notFound', { id: String(id) }));
  return toCoder(row);
}

/** A name that is not empty and no other coder has (names compare without case, as the table's NOCASE does). */
function checkedName(db: Db, name: string, self: CoderId | null): string {
  const tidied = coderName(name);
  const other = db.prepare('SELECT id FROM coders WHERE name = ? COLLATE NOCASE AND id IS NOT ?').pluck().get(tidied, self);
  if (other !== undefined) throw new TematikError('conflict', say('nameTaken', { name: tidied }));
  return tidied;
}

export function addCoder(db: Db, name: string): CoderId {
  return insertCoder(db, checkedName(db, name, null));
}

/** Renames a coder; their codings, memos and comments point at the row, so all of them keep it. */
export function renameCoder(db: Db, id: CoderId, name: string): { before: string; after: string } {
  const before = getCoder(db, id).name;
  const after = checkedName(db, name, id);
  db.prepare('UPDATE coders SET name = ? WHERE id = ?').run(after, id);
  return { before, after };
}

export function setCoderColour(db: Db, id: CoderId, colour: string): void {
  getCoder(db, id);
  db.prepare('UPDATE coders SET colour = ? WHERE id = ?').run(colour.toLowerCase(), id);
}
