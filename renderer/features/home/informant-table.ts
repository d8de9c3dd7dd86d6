import type { InformantTypeId } from '../../../src/domain/ids';
import type { Attribute, Informant } from '../../../src/domain/types';
import { naturalCompare } from './document-groups';

/** One attribute column of the informants table. */
export interface AttributeColumn {
  readonly name: string;
  /** Every value in the column is a number ("12", "2,5"): align right and sort numerically. */
  readonly numeric: boolean;
  /** Added in this session and not yet stored: it exists in the project once a value is entered. */
  readonly pending: boolean;
}

const NUMBER = /^-?\d+(?:[.,]\d+)?$/;
const toNumber = (value: string): number => Number(value.replace(',', '.'));
const key = (name: string) => name.trim().toLocaleLowerCase();

/**
 * The attribute columns: those the project stores (in its order), any name an informant
 * carries that the list has not caught up with, then the columns the user has just added.
 * Names match case-insensitively, as the store does.
 */
export function attributeColumns(attributes: readonly Attribute[], informants: readonly Informant[], added: readonly string[]): AttributeColumn[] {
  const seen = new Set<string>();
  const names: { name: string; pending: boolean }[] = [];
  const add = (name: string, pending: boolean) => {
    const k = key(name);
    if (!k || seen.has(k)) return;
    seen.add(k);
    names.push({ name: name.trim(), pending });
  };
  for (const a of attributes) add(a.name, false);
  for (const i of informants) for (const name of Object.keys(i.attributes)) add(name, false);
  for (const name of added) add(name, true);
  return names.map(({ name, pending }) => {
    const values = informants.map((i) => attributeValue(i, name)).filter((v) => v !== '');
    const declared = attributes.find((a) => key(a.name) === key(name))?.valueType;
    const numeric = values.length > 0 ? values.every((v) => NUMBER.test(v)) : declared === 'number';
    return { name, numeric, pending };
  });
}

/** An informant's value for a column, matching the name case-insensitively; '' when none. */
export function attributeValue(informant: Informant, column: string): string {
  const exact = informant.attributes[column];
  if (exact !== undefined) return exact;
  const k = key(column);
  const match = Object.entries(informant.attributes).find(([name]) => key(name) === k);
  return match ? match[1] : '';
}

/**
 * What `informants.update` needs to store an edited cell: `{ [name]: value }`, `{ [name]: null }`
 * to clear it, or null when nothing changed (so no empty change lands in the undo history).
 */
export function attributeChange(informant: Informant, column: string, input: string): Record<string, string | null> | null {
  const next = input.trim();
  if (next === attributeValue(informant, column)) return null;
  return { [column]: next === '' ? null : next };
}

export type NewColumnProblem = 'empty' | 'duplicate' | 'reserved';

/** Why a new column name cannot be used, or null. The fixed columns' names are reserved. */
export function newColumnProblem(name: string, columns: readonly AttributeColumn[], reserved: readonly string[]): NewColumnProblem | null {
  const k = key(name);
  if (!k) return 'empty';
  if (columns.some((c) => key(c.name) === k)) return 'duplicate';
  if (reserved.some((r) => key(r) === k)) return 'reserved';
  return null;
}

export type SortKey = 'label' | 'name' | 'type' | 'documents' | `attr:${string}`;
export interface Sort { readonly key: SortKey; readonly descending: boolean }

/**
 * The rows to show: of one type (or all), sorted by a column. Numbers sort as numbers, text
 * naturally ("K-2" before "K-10"); empty cells always go last so the filled ones stay together.
 */
export function informantRows(informants: readonly Informant[], typeId: InformantTypeId | 'all', sort: Sort, columns: readonly AttributeColumn[]): Informant[] {
  const rows = typeId === 'all' ? [...informants] : informants.filter((i) => i.typeId === typeId);
  const column = sort.key.startsWith('attr:') ? columns.find((c) => c.name === sort.key.slice(5)) : undefined;
  const cell = (i: Informant): string | number => {
    switch (sort.key) {
      case 'label': return i.label;
      case 'name': return i.name;
      case 'type': return i.typeName;
      case 'documents': return i.documentIds.length;
      default: {
        const value = attributeValue(i, sort.key.slice(5));
        return column?.numeric && value !== '' ? toNumber(value) : value;
      }
    }
  };
  const direction = sort.descending ? -1 : 1;
  return rows.sort((a, b) => {
    const x = cell(a);
    const y = cell(b);
    if (x === '' && y !== '') return 1;
    if (y === '' && x !== '') return -1;
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : naturalCompare(String(x), String(y));
    return order === 0 ? naturalCompare(a.label, b.label) : order * direction;
  });
}

/** Clicking a header sorts by it; clicking the sorted header again reverses it. */
export const nextSort = (current: Sort, key: SortKey): Sort => ({ key, descending: current.key === key ? !current.descending : false });
