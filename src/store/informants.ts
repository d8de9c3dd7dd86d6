import type Database from 'better-sqlite3';
import { INTERVIEWED_SQL } from '../analysis/attribution';
import { TematikError } from '../domain/errors';
import { defineMessages } from '../domain/text';
import type { AttributeId, DocumentId, InformantId, InformantTypeId } from '../domain/ids';
import { paletteColour } from '../domain/palette';
import type { Attribute, AttributeType, Informant, InformantType } from '../domain/types';
import { now } from './project-store';
import { keptGuid, newGuid } from './row-guid';

const say = defineMessages({
  en: {
    typeNotFound: 'Informant type {id} does not exist. Refresh the list and try again.',
    typeNameTaken: 'An informant type named "{name}" already exists. Use it, or choose another name.',
    typeRenameTaken: 'An informant type named "{name}" already exists. Choose another name.',
    typeHasInformant: 'Informant type "{name}" still has 1 informant. Move them to another type first; nothing was deleted.',
    typeHasInformants: 'Informant type "{name}" still has {count} informants. Move them to another type first; nothing was deleted.',
    informantNotFound: 'Informant {id} does not exist. Refresh the list and try again.',
    labelTaken: 'An informant labelled "{label}" already exists. Labels identify informants in reports; choose another.',
    relabelTaken: 'An informant labelled "{label}" already exists. Choose another label.',
  },
  id: {
    typeNotFound: 'Jenis informan {id} tidak ada. Muat ulang daftarnya lalu coba lagi.',
    typeNameTaken: 'Sudah ada jenis informan bernama "{name}". Pakai jenis itu, atau pilih nama lain.',
    typeRenameTaken: 'Sudah ada jenis informan bernama "{name}". Pilih nama lain.',
    typeHasInformant: 'Jenis informan "{name}" masih punya 1 informan. Pindahkan informan itu ke jenis lain lebih dulu; tidak ada yang dihapus.',
    typeHasInformants: 'Jenis informan "{name}" masih punya {count} informan. Pindahkan mereka ke jenis lain lebih dulu; tidak ada yang dihapus.',
    informantNotFound: 'Informan {id} tidak ada. Muat ulang daftarnya lalu coba lagi.',
    labelTaken: 'Sudah ada informan berlabel "{label}". Label menandai informan di laporan; pilih label lain.',
    relabelTaken: 'Sudah ada informan berlabel "{label}". Pilih label lain.',
  },
});

type Db = Database.Database;

export function listInformantTypes(db: Db): InformantType[] {
  return db.prepare(`
    SELECT t.id, t.name, t.description, t.colour, (SELECT count(*) FROM informants i WHERE i.type_id = t.id) AS informantCount,
      (SELECT count(*) FROM informants i WHERE i.type_id = t.id AND ${INTERVIEWED_SQL}) AS interviewedCount
    FROM informant_types t ORDER BY t.sort_order, t.name`).all() as InformantType[];
}

export function getInformantType(db: Db, id: InformantTypeId): InformantType {
  const type = listInformantTypes(db).find((t) => t.id === id);
  if (!type) throw new TematikError('not_found', say('typeNotFound', { id: String(id) }));
  return type;
}

export function findInformantTypeByName(db: Db, name: string): InformantTypeId | undefined {
  return db.prepare('SELECT id FROM informant_types WHERE name = ? COLLATE NOCASE').pluck().get(name.trim()) as InformantTypeId | undefined;
}

export function createInformantType(db: Db, input: { name: string; description?: string; colour?: string }): InformantTypeId {
  if (findInformantTypeByName(db, input.name) !== undefined) {
    throw new TematikError('conflict', say('typeNameTaken', { name: input.name }));
  }
  const count = db.prepare('SELECT count(*) FROM informant_types').pluck().get() as number;
  return Number(db.prepare('INSERT INTO informant_types (guid, name, description, colour, sort_order) VALUES (?, ?, ?, ?, ?)')
    .run(newGuid(), input.name.trim(), input.description ?? '', input.colour ?? paletteColour(count), count).lastInsertRowid) as InformantTypeId;
}

export function updateInformantType(db: Db, id: InformantTypeId, input: { name?: string; description?: string; colour?: string }): void {
  const current = getInformantType(db, id);
  if (input.name !== undefined) {
    const other = findInformantTypeByName(db, input.name);
    if (other !== undefined && other !== id) throw new TematikError('conflict', say('typeRenameTaken', { name: input.name }));
  }
  db.prepare('UPDATE informant_types SET name = ?, description = ?, colour = ? WHERE id = ?')
    .run(input.name?.trim() ?? current.name, input.description ?? current.description, input.colour ?? current.colour, id);
}

export function deleteInformantType(db: Db, id: InformantTypeId): string {
  const type = getInformantType(db, id);
  if (type.informantCount > 0) {
    throw new TematikError('conflict', say(type.informantCount === 1 ? 'typeHasInformant' : 'typeHasInformants', { name: type.name, count: type.informantCount }));
  }
  db.prepare('DELETE FROM informant_types WHERE id = ?').run(id);
  return type.name;
}

export function listAttributes(db: Db): Attribute[] {
  return db.prepare('SELECT id, name, value_type AS valueType FROM attributes ORDER BY name').all() as Attribute[];
}

/** Finds or creates an attribute; numeric columns from a sheet are typed 'number' so they sort as numbers. */
export function ensureAttribute(db: Db, name: string, valueType: AttributeType = 'text'): AttributeId {
  const existing = db.prepare('SELECT id FROM attributes WHERE name = ? COLLATE NOCASE').pluck().get(name.trim()) as AttributeId | undefined;
  if (existing !== undefined) return existing;
  return Number(db.prepare('INSERT INTO attributes (guid, name, value_type) VALUES (?, ?, ?)').run(newGuid(), name.trim(), valueType).lastInsertRowid) as AttributeId;
}

interface InformantRow { id: InformantId; label: string; name: string; typeId: InformantTypeId; typeName: string; interviewed: 0 | 1 }

export function listInformants(db: Db, typeId?: InformantTypeId): Informant[] {
  const rows = db.prepare(`
    SELECT i.id, i.label, i.name, i.type_id AS typeId, t.name AS typeName, ${INTERVIEWED_SQL} AS interviewed
    FROM informants i JOIN informant_types t ON t.id = i.type_id
    WHERE @typeId IS NULL OR i.type_id = @typeId ORDER BY t.sort_order, i.label`).all({ typeId: typeId ?? null }) as InformantRow[];
  const attributes = db.prepare(`
    SELECT ia.informant_id AS informantId, a.name, ia.value FROM informant_attributes ia JOIN attributes a ON a.id = ia.attribute_id`).all() as { informantId: number; name: string; value: string }[];
  const documents = db.prepare('SELECT informant_id AS informantId, document_id AS documentId FROM document_informants ORDER BY document_id').all() as { informantId: number; documentId: DocumentId }[];
  // Grouped once: filtering both lists for every informant was quadratic (3 million comparisons for 1,000 informants).
  const attributesOf = new Map<number, [string, string][]>();
  for (const a of attributes) attributesOf.set(a.informantId, [...(attributesOf.get(a.informantId) ?? []), [a.name, a.value]]);
  const documentsOf = new Map<number, DocumentId[]>();
  for (const d of documents) documentsOf.set(d.informantId, [...(documentsOf.get(d.informantId) ?? []), d.documentId]);
  return rows.map((row) => ({
    ...row,
    interviewed: row.interviewed === 1,
    attributes: Object.fromEntries(attributesOf.get(row.id) ?? []),
    documentIds: documentsOf.get(row.id) ?? [],
  }));
}

export function getInformant(db: Db, id: InformantId): Informant {
  const informant = listInformants(db).find((i) => i.id === id);
  if (!informant) throw new TematikError('not_found', say('informantNotFound', { id: String(id) }));
  return informant;
}

export function findInformantByLabel(db: Db, label: string): InformantId | undefined {
  return db.prepare('SELECT id FROM informants WHERE label = ? COLLATE NOCASE').pluck().get(label.trim()) as InformantId | undefined;
}

export function createInformant(db: Db, input: { label: string; name?: string; typeId: InformantTypeId; attributes?: Record<string, string>; guid?: string }): InformantId {
  getInformantType(db, input.typeId);
  if (findInformantByLabel(db, input.label) !== undefined) {
    throw new TematikError('conflict', say('labelTaken', { label: input.label }));
  }
  const id = Number(db.prepare('INSERT INTO informants (guid, label, name, type_id, created_at) VALUES (?, ?, ?, ?, ?)')
    .run(keptGuid(db, input.guid), input.label.trim(), input.name ?? '', input.typeId, now()).lastInsertRowid) as InformantId;
  setAttributes(db, id, input.attributes ?? {});
  return id;
}

export function updateInformant(db: Db, id: InformantId, input: { label?: string; name?: string; typeId?: InformantTypeId; attributes?: Record<string, string | null> }): void {
  const current = getInformant(db, id);
  if (input.typeId !== undefined) getInformantType(db, input.typeId);
  if (input.label !== undefined) {
    const other = findInformantByLabel(db, input.label);
    if (other !== undefined && other !== id) throw new TematikError('conflict', say('relabelTaken', { label: input.label }));
  }
  db.prepare('UPDATE informants SET label = ?, name = ?, type_id = ? WHERE id = ?')
    .run(input.label?.trim() ?? current.label, input.name ?? current.name, input.typeId ?? current.typeId, id);
  if (input.attributes) setAttributes(db, id, input.attributes);
}

/** Sets attribute values; a null or empty value removes it. */
export function setAttributes(db: Db, id: InformantId, values: Record<string, string | null>): void {
  for (const [name, value] of Object.entries(values)) {
    const attributeId = ensureAttribute(db, name, value !== null && isNumeric(value) ? 'number' : 'text');
    if (value === null || value.trim() === '') {
      db.prepare('DELETE FROM informant_attributes WHERE informant_id = ? AND attribute_id = ?').run(id, attributeId);
    } else {
      db.prepare('INSERT INTO informant_attributes (informant_id, attribute_id, value) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET value = excluded.value')
        .run(id, attributeId, value.trim());
    }
  }
}

export function deleteInformant(db: Db, id: InformantId): string {
  const informant = getInformant(db, id);
  db.prepare('DELETE FROM informants WHERE id = ?').run(id);
  return informant.label;
}

/** Accepts "12", "2,5" (decimal comma) and "1.5". */
function isNumeric(value: string): boolean {
  return /^-?\d+(?:[.,]\d+)?$/.test(value.trim());
}
