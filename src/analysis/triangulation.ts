import type Database from 'better-sqlite3';
import { TematikError } from '../domain/errors';
import { defineMessages } from '../domain/text';
import type { Convergence, Extract, GroupBy, TriangulationCell, TriangulationMatrix, TriangulationRow } from '../domain/types';
import { attributeCodings, readCodings, type Attribution, type CodingColumns } from './attribution';
import { bucket, IdIndex } from './columnar';
import { codersIncluded, extractsOf } from './extracts';
import { columnIndex, informantGroups, type InformantGroups } from './groups';
import { suggestConvergence } from './suggestion';
import { evidenceCodes, readThemeShapes, themeEvidenceCodes } from './theme-evidence';

const say = defineMessages({
  en: {
    themeNotFound: 'Theme {id} does not exist (it may have been deleted or merged). Refresh the triangulation table and try again.',
    codeNotFound: 'Code {id} does not exist (it may have been deleted or merged). Refresh the triangulation table and try again.',
  },
  id: {
    themeNotFound: 'Tema {id} tidak ada (mungkin sudah dihapus atau digabungkan). Muat ulang tabel triangulasi lalu coba lagi.',
    codeNotFound: 'Kode {id} tidak ada (mungkin sudah dihapus atau digabungkan). Muat ulang tabel triangulasi lalu coba lagi.',
  },
});

type Db = Database.Database;

export interface TriangulationQuery {
  readonly rows: 'themes' | 'codes';
  readonly groupBy?: GroupBy | undefined;
  /** Show discarded themes as rows too (they never lend evidence to a parent theme either way). */
  readonly includeDiscarded?: boolean | undefined;
  /** Count only these coders' codings; absent, every coder's. */
  readonly coders?: readonly number[] | undefined;
}

/** A row before counting: what it is and which codes give it evidence. */
interface RowSource {
  readonly kind: 'theme' | 'code';
  readonly id: number;
  readonly name: string;
  readonly colour: string;
  readonly codeIds: readonly number[];
  readonly convergence: Convergence | null;
  readonly convergenceReason: string;
}

/**
 * For each theme (or code) and each group of informants (informant type, or value
 * of one attribute): how many informants of the group support it, and with how many
 * extracts.
 *
 * - A theme's evidence is the codings of its evidence codes (see `theme-evidence.ts`:
 *   its own and its sub-themes' still in play). A coding counts once even when its code
 *   reaches the theme twice. Two codings on the same passage are two extracts, unless
 *   they are one code applied to it by several coders: that is one piece of evidence.
 * - `coders` limits the codings counted to those coders'; the matrix names the coders it includes.
 * - A code's evidence is its own codings (not its sub-codes').
 * - An extract supports the informants who spoke it (see `attribution.ts`): in a group
 *   interview only the speaker, a passage spanning two speakers both, the interviewer no
 *   one. It counts once in each group of its informants.
 * - `informants` of a row is the number of distinct supporting informants; `extracts`
 *   is every coding of the row, including codings that support no informant (the
 *   interviewer's words, documents linked to no informant).
 * - Column denominators count interviewed informants only (see `groups.ts`).
 *
 * Counting runs over columns of integers read in one pass (see `readIntColumns`),
 * not SQL `COUNT(DISTINCT)` joins: ~20 ms for 200,000 codings.
 */
export function triangulationMatrix(db: Db, query: TriangulationQuery): TriangulationMatrix {
  // Only a read of committed data may be kept: changes made inside a caller's transaction could still be rolled back.
  const reuse = !db.inTransaction;
  return db.transaction(() => {
    const groups = informantGroups(db, query.groupBy);
    const sources = query.rows === 'themes' ? themeRows(db, query.includeDiscarded ?? false) : codeRows(db);
    const evidence = reuse ? reusedCodingsByCode(db, groups) : codingsByCode(db, groups);
    const coders = codersIncluded(db, query.coders);
    const counted = query.coders === undefined ? null : new Set<number>(coders.map((c) => c.id));
    return { groupBy: groups.groupBy, columns: groups.columns, coders, rows: countRows(groups, evidence, sources, counted) };
  })();
}

/** The extracts behind one cell: the row's evidence spoken by informants of that column. */
export function cellExtracts(db: Db, query: { rowKind: 'theme' | 'code'; rowId: number; groupBy?: GroupBy | undefined; column: string; coders?: readonly number[] | undefined }): Extract[] {
  return db.transaction(() => {
    const codeIds = query.rowKind === 'theme' ? themeEvidence(db, query.rowId) : [codeExists(db, query.rowId)];
    const groups = informantGroups(db, query.groupBy);
    const column = columnIndex(groups, query.column);
    return extractsOf(db, codeIds, undefined, undefined, query.coders).filter((extract) => extract.informantIds.some((id) => {
      const m = groups.informants.get(id);
      return m >= 0 && groups.informantColumn[m] === column;
    }));
  })();
}

function codeRows(db: Db): RowSource[] {
  return (db.prepare('SELECT id, name, colour FROM codes ORDER BY sort_order, name COLLATE NOCASE').raw().all() as [number, string, string][])
    .map(([id, name, colour]) => ({ kind: 'code', id, name, colour, codeIds: [id], convergence: null, convergenceReason: '' }));
}

function themeRows(db: Db, includeDiscarded: boolean): RowSource[] {
  const shapes = readThemeShapes(db);
  const codesOf = evidenceCodes(shapes);
  const details = new Map((db.prepare('SELECT id, name, colour, convergence, convergence_reason FROM themes').raw().all() as [number, string, string, Convergence | null, string][])
    .map(([id, ...rest]) => [id, rest] as const));
  return shapes
    .filter((theme) => includeDiscarded || theme.status !== 'discarded')
    .map((theme) => {
      const [name, colour, convergence, convergenceReason] = details.get(theme.id)!;
      return { kind: 'theme', id: theme.id, name, colour, codeIds: codesOf(theme.id), convergence, convergenceReason };
    });
}

function themeEvidence(db: Db, themeId: number): number[] {
  if (db.prepare('SELECT 1 FROM themes WHERE id = ?').get(themeId) === undefined) {
    throw new TematikError('not_found', say('themeNotFound', { id: String(themeId) }));
  }
  return themeEvidenceCodes(db, themeId);
}

function codeExists(db: Db, codeId: number): number {
  if (db.prepare('SELECT 1 FROM codes WHERE id = ?').get(codeId) === undefined) {
    throw new TematikError('not_found', say('codeNotFound', { id: String(codeId) }));
  }
  return codeId;
}

/** Every coding's informants, with the codings grouped by code. */
interface CodingsByCode {
  readonly codes: IdIndex;
  /** The codings of code k (dense index) are `order[first[k]] … order[first[k + 1] - 1]` (coding indices). */
  readonly first: Int32Array;
  readonly order: Int32Array;
  readonly attribution: Attribution;
  /** Each coding's coder id. */
  readonly coderOf: Int32Array;
  /**
   * Each coding's passage: the index of the first coding of the same code on the same range of
   * the same document (itself when no other coder coded it so), so several coders' codings of
   * one passage with one code count once as evidence.
   */
  readonly passage: Int32Array;
}

/** Each connection's last codings by code, with the state of the project it was read in. */
const lastRead = new WeakMap<Db, { readonly state: string; readonly evidence: CodingsByCode }>();

/**
 * `codingsByCode`, kept until the project changes: the table is read again as informant types,
 * attributes and rows are switched (70 of its 100 ms for 200,000 codings). Any change shows in
 * the state: this connection's rows changed (`total_changes()`, counting those its triggers
 * made, so undo and redo too) and commits by any other connection (`data_version`). What the
 * kept value depends on (codings, turns, documents, their informants) changes only by rows.
 */
function reusedCodingsByCode(db: Db, groups: InformantGroups): CodingsByCode {
  const state = `${String(db.pragma('data_version', { simple: true }))}:${String(db.prepare('SELECT total_changes()').pluck().get())}`;
  const last = lastRead.get(db);
  if (last?.state === state) return last.evidence;
  const evidence = codingsByCode(db, groups);
  lastRead.set(db, { state, evidence });
  return evidence;
}

function codingsByCode(db: Db, groups: InformantGroups): CodingsByCode {
  const codes = new IdIndex(db.prepare('SELECT id FROM codes ORDER BY id').pluck().all() as number[]);
  const codings = readCodings(db, ['code_id', 'coder_id']);
  const [codeIds, coderOf] = codings.extra as [Int32Array, Int32Array];
  const codeOf = new Int32Array(codings.count);
  for (let i = 0; i < codings.count; i++) codeOf[i] = codes.get(codeIds[i]!);
  const { first, order } = bucket(codeOf, codes.size);
  return { codes, first, order, attribution: attributeCodings(db, codings, groups.informants), coderOf, passage: passages(codings, codeIds, coderOf) };
}

/** See `CodingsByCode.passage`. With one coder no two codings share a passage (the table's UNIQUE says so), and nothing is keyed. */
function passages(codings: CodingColumns, codeIds: Int32Array, coderOf: Int32Array): Int32Array {
  const passage = new Int32Array(codings.count);
  for (let i = 0; i < codings.count; i++) passage[i] = i;
  if (coderOf.every((coder) => coder === coderOf[0])) return passage;
  const firstOf = new Map<string, number>();
  for (let i = 0; i < codings.count; i++) {
    const key = `${codings.documentIds[i]}:${codeIds[i]}:${codings.starts[i]}:${codings.ends[i]}`;
    const first = firstOf.get(key);
    if (first === undefined) firstOf.set(key, i); else passage[i] = first;
  }
  return passage;
}

function countRows(groups: InformantGroups, evidence: CodingsByCode, sources: readonly RowSource[], coders: ReadonlySet<number> | null): TriangulationRow[] {
  const { columns, informantColumn } = groups;
  const { first: informantsFirst, list: informantsList } = evidence.attribution;
  const width = columns.length;
  // seen[i] === row + 1 when informant i already supports the current row: no clearing between rows.
  const seen = new Int32Array(informantColumn.length);
  // columnSeen[c] === the running coding stamp when the current coding already counted in column c.
  const columnSeen = new Int32Array(width);
  let codingStamp = 0;
  // passageSeen[p] === the row's stamp when passage p already counted for the current row.
  const passageSeen = new Int32Array(evidence.passage.length);
  const { coderOf, passage } = evidence;
  const cellInformants = new Int32Array(width);
  const cellExtracts = new Int32Array(width);
  return sources.map((source, row): TriangulationRow => {
    cellInformants.fill(0);
    cellExtracts.fill(0);
    const stamp = row + 1;
    let informants = 0;
    let extracts = 0;
    for (const codeId of source.codeIds) {
      const k = evidence.codes.get(codeId);
      if (k < 0) continue;
      const end = evidence.first[k + 1]!;
      for (let p = evidence.first[k]!; p < end; p++) {
        const coding = evidence.order[p]!;
        if (coders !== null && !coders.has(coderOf[coding]!)) continue;
        if (passageSeen[passage[coding]!] === stamp) continue;
        passageSeen[passage[coding]!] = stamp;
        extracts++;
        codingStamp++;
        for (let m = informantsFirst[coding]!; m < informantsFirst[coding + 1]!; m++) {
          const informant = informantsList[m]!;
          const column = informantColumn[informant]!;
          if (columnSeen[column] !== codingStamp) {
            columnSeen[column] = codingStamp;
            cellExtracts[column]!++;
          }
          if (seen[informant] !== stamp) {
            seen[informant] = stamp;
            cellInformants[column]!++;
            informants++;
          }
        }
      }
    }
    const cells: TriangulationCell[] = [];
    for (let c = 0; c < width; c++) cells.push({ informants: cellInformants[c]!, extracts: cellExtracts[c]! });
    return {
      kind: source.kind, id: source.id, name: source.name, colour: source.colour, cells, informants, extracts,
      suggestion: suggestConvergence(columns, cells), convergence: source.convergence, convergenceReason: source.convergenceReason,
    };
  });
}
