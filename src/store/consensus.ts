import type Database from 'better-sqlite3';
import type { CoderId } from '../domain/ids';
import { refiGuid } from '../refi/guid';
import { insertCoder } from './coders';
import { prepared } from './prepared';

type Db = Database.Database;

/**
 * The consensus coder's GUID, named from the project's GUID. Every copy of a project shares its
 * GUID, so the consensus coder of a coder's copy is the same row's GUID as the main project's
 * and a merge brings consensus codings onto it; no stored flag (and no migration) is needed to
 * tell it from the people, and a rename keeps it the consensus coder.
 */
export function consensusGuid(db: Db): string {
  const project = prepared(db, 'SELECT guid FROM project WHERE id = 1').pluck().get() as string;
  return refiGuid(project, 'user', 'consensus');
}

/** The consensus coder's row, if the project has one yet. */
export function findConsensusCoder(db: Db): CoderId | undefined {
  return prepared(db, 'SELECT id FROM coders WHERE guid = ?').pluck().get(consensusGuid(db)) as CoderId | undefined;
}

/**
 * The consensus coder, added the first time a disagreement is settled by consensus: named
 * "Consensus", or "Consensus 2" … when a person already has that name.
 */
export function consensusCoder(db: Db): CoderId {
  const found = findConsensusCoder(db);
  if (found !== undefined) return found;
  const taken = prepared(db, 'SELECT 1 FROM coders WHERE name = ? COLLATE NOCASE').pluck();
  let name = 'Consensus';
  for (let n = 2; taken.get(name) !== undefined; n++) name = `Consensus ${n}`;
  return insertCoder(db, name, consensusGuid(db));
}
