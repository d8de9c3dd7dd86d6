import type Database from 'better-sqlite3';
import { TematikError } from '../domain/errors';
import { defineMessages } from '../domain/text';
import type { GroupBy, TriangulationColumn } from '../domain/types';
import { INTERVIEWED_SQL } from './attribution';
import { IdIndex } from './columnar';

const say = defineMessages({
  en: {
    noAttribute: 'No informant attribute is named "{name}". Group by one of: {known}.',
    noAttributes: 'No informant attribute is named "{name}". This project has no informant attributes yet; import an informant sheet or add attributes to informants first.',
    noColumn: 'There is no column "{key}" when grouping by {by}; the columns are {columns}. Refresh the table and try again.',
    noColumns: 'There is no column "{key}" when grouping by {by}; there are no columns. Refresh the table and try again.',
    byType: 'informant type',
    byAttribute: 'attribute "{name}"',
  },
  id: {
    noAttribute: 'Tidak ada atribut informan bernama "{name}". Kelompokkan menurut salah satu dari: {known}.',
    noAttributes: 'Tidak ada atribut informan bernama "{name}". Proyek ini belum punya atribut informan; impor lembar informan atau tambahkan atribut pada informan lebih dulu.',
    noColumn: 'Tidak ada kolom "{key}" bila dikelompokkan menurut {by}; kolom yang ada: {columns}. Muat ulang tabelnya lalu coba lagi.',
    noColumns: 'Tidak ada kolom "{key}" bila dikelompokkan menurut {by}; tidak ada kolom sama sekali. Muat ulang tabelnya lalu coba lagi.',
    byType: 'jenis informan',
    byAttribute: 'atribut "{name}"',
  },
});

type Db = Database.Database;

/** Label of the last column when grouping by an attribute: informants with no value for it. */
export const NO_VALUE_LABEL = '(no value)';

/**
 * Column keys are opaque to callers but stable and unambiguous:
 * `type:<id>` for an informant type, `value:<text>` for an attribute value,
 * `none` for informants without a value.
 */
export const typeKey = (id: number): string => `type:${id}`;
export const valueKey = (value: string): string => `value:${value}`;
export const NO_VALUE_KEY = 'none';

/** The informants of a project sorted into the columns of a triangulation table. */
export interface InformantGroups {
  readonly groupBy: GroupBy;
  readonly columns: readonly TriangulationColumn[];
  /** Dense index of every informant id of the project. */
  readonly informants: IdIndex;
  /** Column of each informant, by the informant's dense index. */
  readonly informantColumn: Int32Array;
}

const collator = new Intl.Collator('id', { numeric: true, sensitivity: 'base' });

/** The value of a 'number' attribute ("4", "2,5" or "2.5", as the sheet import accepts them); NaN for text. */
const asNumber = (value: string): number => Number(value.replace(',', '.'));

/** Numbers in numeric order, then anything that is not a number in text order. */
function compareNumbers(a: string, b: string): number {
  const x = asNumber(a);
  const y = asNumber(b);
  if (Number.isNaN(x) || Number.isNaN(y)) return Number.isNaN(x) === Number.isNaN(y) ? compareText(a, b) : Number.isNaN(x) ? 1 : -1;
  return x - y || compareText(a, b);
}

/** Natural, case-blind order ("Kota 2" before "Kota 10"); exact order only to break ties between variants. */
export const compareText = (a: string, b: string): number => collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);

/** Sorts informants into columns: informant types in their sort order, or the sorted values of one attribute. */
export function informantGroups(db: Db, groupBy: GroupBy = { kind: 'type' }): InformantGroups {
  const informants = db.prepare(`SELECT id, type_id, label, ${INTERVIEWED_SQL} FROM informants i ORDER BY id`).raw().all() as [number, number, string, 0 | 1][];
  const index = new IdIndex(informants.map(([id]) => id));
  const informantColumn = new Int32Array(informants.length);
  const counts: number[] = [];
  let columns: { key: string; label: string }[];

  if (groupBy.kind === 'type') {
    const types = db.prepare('SELECT id, name FROM informant_types ORDER BY sort_order, name').raw().all() as [number, string][];
    columns = types.map(([id, name]) => ({ key: typeKey(id), label: name }));
    const columnOfType = new Map(types.map(([id], i) => [id, i]));
    informants.forEach(([, typeId], i) => { informantColumn[i] = columnOfType.get(typeId)!; });
  } else {
    const attribute = db.prepare('SELECT id, value_type FROM attributes WHERE name = ? COLLATE NOCASE').raw().get(groupBy.name.trim()) as [number, string] | undefined;
    if (!attribute) {
      const known = (db.prepare('SELECT name FROM attributes ORDER BY name').pluck().all() as string[]);
      throw new TematikError('not_found', known.length
        ? say('noAttribute', { name: groupBy.name, known: known.join(', ') })
        : say('noAttributes', { name: groupBy.name }));
    }
    const [attributeId, valueType] = attribute;
    const valueOf = new Map<number, string>();
    for (const [informantId, value] of db.prepare('SELECT informant_id, value FROM informant_attributes WHERE attribute_id = ?').raw().all(attributeId) as [number, string][]) {
      if (value.trim()) valueOf.set(index.get(informantId), value.trim());
    }
    const values = [...new Set(valueOf.values())];
    values.sort(valueType === 'number' ? compareNumbers : compareText);
    columns = values.map((value) => ({ key: valueKey(value), label: value }));
    const columnOfValue = new Map(values.map((value, i) => [value, i]));
    if (valueOf.size < informants.length) columns.push({ key: NO_VALUE_KEY, label: NO_VALUE_LABEL });
    for (let i = 0; i < informants.length; i++) {
      const value = valueOf.get(i);
      informantColumn[i] = value === undefined ? values.length : columnOfValue.get(value)!;
    }
  }
  const notInterviewed: string[][] = columns.map(() => []);
  for (let i = 0; i < columns.length; i++) counts.push(0);
  informants.forEach(([, , label, interviewed], i) => {
    if (interviewed) counts[informantColumn[i]!]!++;
    else notInterviewed[informantColumn[i]!]!.push(label);
  });
  for (const labels of notInterviewed) labels.sort(compareText);

  return {
    groupBy: groupBy.kind === 'type' ? { kind: 'type' } : { kind: 'attribute', name: groupBy.name },
    columns: columns.map((column, i) => ({ ...column, informants: counts[i]!, notInterviewed: notInterviewed[i]! })),
    informants: index, informantColumn,
  };
}

/** The column with this key, or a not_found error naming the columns there are. */
export function columnIndex(groups: InformantGroups, key: string): number {
  const i = groups.columns.findIndex((column) => column.key === key);
  if (i < 0) {
    const by = groups.groupBy.kind === 'type' ? say('byType') : say('byAttribute', { name: groups.groupBy.name });
    const columns = groups.columns.map((c) => `${c.key} (${c.label})`).join(', ');
    throw new TematikError('not_found', columns ? say('noColumn', { key, by, columns }) : say('noColumns', { key, by }));
  }
  return i;
}
