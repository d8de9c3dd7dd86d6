import type Database from 'better-sqlite3';
import { paletteColour } from '../domain/palette';
import { keptGuid } from './row-guid';

type Db = Database.Database;

/** Adds a coder with the next palette colour and the GUID a REFI-QDA user brought (when valid and unused) or a new one; returns the row id. */
export function insertCoder(db: Db, name: string, guid?: string): number {
  const count = db.prepare('SELECT count(*) FROM coders').pluck().get() as number;
  return Number(db.prepare('INSERT INTO coders (guid, name, colour, created_at) VALUES (?, ?, ?, ?)')
    .run(keptGuid(db, guid), name, paletteColour(count), new Date().toISOString()).lastInsertRowid);
}
