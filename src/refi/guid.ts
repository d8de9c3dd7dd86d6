import { createHash } from 'node:crypto';
import type { XmlElement } from './xml';

/** What an exported GUID stands for; part of the name it is derived from, so kinds never collide. */
export type GuidKind = 'user' | 'code' | 'variable' | 'case' | 'source' | 'selection' | 'coding' | 'note' | 'set' | 'link';

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
