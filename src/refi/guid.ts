import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { GuidTable } from '../store/row-guid';
import type { XmlElement } from './xml';

/** What an exported GUID stands for; part of the name it is derived from, so kinds never collide. */
export type GuidKind = 'user' | 'code' | 'variable' | 'case' | 'source' | 'coding' | 'note' | 'set' | 'link' | 'comment';

/** The table whose row each kind of exported element is written from. */
const TABLE_OF: Readonly<Record<GuidKind, GuidTable>> = {
  user: 'coders', code: 'codes', variable: 'attributes', case: 'informants', source: 'documents', coding: 'codings',
  note: 'memos', set: 'themes', link: 'theme_links', comment: 'comments',
};

/**
 * The GUIDs of one export. An element written from a row (numeric id) has the row's own GUID,
 * which every copy of the project shares and no other row has, so a copy's new rows never take
 * another copy's GUIDs; an element derived from a row (`part`: a coding's selection, a theme's
 * scope note) is named from the row's GUID; one of the project's own (string id: the journal
 * set, the informant-type variable) from the project's GUID.
 */
export function exportGuids(db: Database.Database, projectGuid: string): (kind: GuidKind, id: number | string, part?: string) => string {
  const byTable = new Map<GuidTable, ReadonlyMap<number, string>>();
  const rowGuid = (table: GuidTable, id: number): string | undefined => {
    let guids = byTable.get(table);
    if (!guids) {
      guids = new Map((db.prepare(`SELECT id, guid FROM ${table}`).raw().all() as [number, string][]));
      byTable.set(table, guids);
    }
    return guids.get(id);
  };
  return (kind, id, part) => {
    const own = typeof id === 'number' ? rowGuid(TABLE_OF[kind], id) : undefined;
    // A row always has its GUID (migration 9); a dangling id falls back to a name no row has.
    if (own === undefined) return refiGuid(projectGuid, kind, part === undefined ? id : `${id}-${part}`);
    return part === undefined ? own : refiGuid(own, kind, part);
  };
}

const GUID_RE = /^\{?([0-9a-f]{8})-?([0-9a-f]{4})-?([0-9a-f]{4})-?([0-9a-f]{4})-?([0-9a-f]{12})\}?$/i;

/**
 * A name-based GUID in the manner of RFC 9562 version 5: SHA-1 of the project GUID's 16 bytes
 * followed by `kind:id`, with the version and variant bits set. The same project exports the
 * same entity under the same GUID every time, so another tool re-importing a newer export can
 * recognise what it has seen; two projects never share one.
 */
export function refiGuid(projectGuid: string, kind: GuidKind, id: number | string): string {
  const namespace = guidBytes(projectGuid);
  const hash = createHash('sha1').update(namespace).update(`${kind}:${id}`, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/**
 * The canonical form of a GUID read from a file: lower case, no braces. REFI-QDA allows both
 * `{…}` and bare forms in either case, and references must match whatever form the target used.
 * Anything that is not a GUID is kept (trimmed) so that a broken reference still fails to match.
 */
export function normaliseGuid(value: string): string {
  const match = GUID_RE.exec(value.trim());
  return match ? match.slice(1).join('-').toLowerCase() : value.trim();
}

/** The GUID in an element's attribute (`guid`, `targetGUID` …) in canonical form; undefined when absent or blank. */
export function guidAttribute(el: XmlElement, name = 'guid'): string | undefined {
  const value = el.attrs.get(name);
  return value === undefined || value.trim() === '' ? undefined : normaliseGuid(value);
}

function guidBytes(guid: string): Buffer {
  const match = GUID_RE.exec(guid.trim());
  // A project from before migration 002 has a GUID; this guards against a hand-edited file.
  return match ? Buffer.from(match.slice(1).join(''), 'hex') : createHash('sha1').update(guid, 'utf8').digest().subarray(0, 16);
}
