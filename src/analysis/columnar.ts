import type Database from 'better-sqlite3';
import { TematikError } from '../domain/errors';
import { defineMessages } from '../domain/text';

const say = defineMessages({
  en: {
    notNumbers: 'Expected a list of whole numbers from the project file, found "{found}".',
    tooLarge: 'A number in the project file is too large for analysis (over {max}).',
    wrongCount: 'Expected {expected} numbers from the project file, found {found}.',
  },
  id: {
    notNumbers: 'Berkas proyek seharusnya berisi daftar bilangan bulat di sini, tetapi yang terbaca "{found}".',
    tooLarge: 'Sebuah bilangan di berkas proyek terlalu besar untuk dianalisis (lebih dari {max}).',
    wrongCount: 'Berkas proyek seharusnya berisi {expected} bilangan di sini, tetapi yang terbaca {found}.',
  },
});

type Db = Database.Database;

/**
 * Reads whole integer columns of a table in one result row: `columns` must be
 * NOT NULL integer columns (group_concat skips NULLs, which would misalign them).
 * The i-th entries of the returned columns belong to the same row, because all
 * aggregates of one query see the rows in the same order.
 *
 * Why: better-sqlite3 builds a JS array or object per row, which for 200,000
 * codings costs ~100 ms; SQLite concatenating the same numbers into one text,
 * handed over as bytes (no JS string is built) and parsed in a tight loop, ~30 ms.
 * `table` and `columns` are SQL written by this module, never user input.
 */
export function readIntColumns(db: Db, table: string, columns: readonly string[]): { readonly count: number; readonly columns: readonly Int32Array[] } {
  const sql = `SELECT count(*), ${columns.map((column) => `CAST(group_concat(${column}) AS BLOB)`).join(', ')} FROM ${table}`;
  const [count, ...texts] = db.prepare(sql).raw().get() as [number, ...(Uint8Array | null)[]];
  return { count, columns: texts.map((text) => parseIntList(text, count)) };
}

/** Parses the ASCII bytes of "12,7,300" into integers; `count` is the number of values they must hold. */
export function parseIntList(bytes: Uint8Array | null, count: number): Int32Array {
  const out = new Int32Array(count);
  if (bytes === null || count === 0) return out;
  let k = 0;
  let value = 0;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i]!;
    if (c === 44) {
      out[k++] = value;
      value = 0;
    } else {
      const digit = c - 48;
      if (digit < 0 || digit > 9) {
        throw new TematikError('internal', say('notNumbers', { found: Buffer.from(bytes.subarray(Math.max(0, i - 10), i + 10)).toString('latin1') }));
      }
      value = value * 10 + digit;
      if (value > 0x7fffffff) throw new TematikError('internal', say('tooLarge', { max: 0x7fffffff }));
    }
  }
  out[k++] = value;
  if (k !== count) throw new TematikError('internal', say('wrongCount', { expected: count, found: k }));
  return out;
}

/** Maps database ids to dense indices 0…n-1; -1 for an id not in the set. */
export class IdIndex {
  private readonly table: Int32Array | null;
  private readonly map: Map<number, number> | null;

  constructor(readonly ids: ArrayLike<number>) {
    let max = 0;
    for (let i = 0; i < ids.length; i++) max = Math.max(max, ids[i]!);
    // Row ids are dense in practice; a lookup table beats a Map on the hot loops.
    if (max <= 16 * ids.length + 1_000_000) {
      this.table = new Int32Array(max + 1).fill(-1);
      for (let i = 0; i < ids.length; i++) this.table[ids[i]!] = i;
      this.map = null;
    } else {
      this.table = null;
      this.map = new Map();
      for (let i = 0; i < ids.length; i++) this.map.set(ids[i]!, i);
    }
  }

  get size(): number {
    return this.ids.length;
  }

  get(id: number): number {
    if (this.table) return id < this.table.length ? this.table[id]! : -1;
    return this.map!.get(id) ?? -1;
  }
}

/**
 * Counting sort of items by a small integer key (0…keys-1): `first[k]…first[k+1]`
 * are the positions in `order` of the items with key k, in their original order.
 * Items with key -1 are left out.
 */
export function bucket(keyOf: Int32Array, keys: number): { readonly first: Int32Array; readonly order: Int32Array } {
  const first = new Int32Array(keys + 1);
  for (let i = 0; i < keyOf.length; i++) {
    const k = keyOf[i]!;
    if (k >= 0) first[k + 1]!++;
  }
  for (let k = 0; k < keys; k++) first[k + 1]! += first[k]!;
  const next = first.slice(0, keys);
  const order = new Int32Array(first[keys]!);
  for (let i = 0; i < keyOf.length; i++) {
    const k = keyOf[i]!;
    if (k >= 0) order[next[k]!++] = i;
  }
  return { first, order };
}
