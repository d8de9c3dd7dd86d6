import type Database from 'better-sqlite3';
import { informantsOfCode, informantsPerCode } from '../analysis/attribution';
import { TematikError } from '../domain/errors';
import { defineMessages } from '../domain/text';
import type { CodeId, CoderId } from '../domain/ids';
import { paletteColour } from '../domain/palette';
import type { Code } from '../domain/types';
import { now } from './project-store';
import { keptGuid } from './row-guid';

const say = defineMessages({
  en: {
    codeNotFound: 'Code {id} does not exist. Refresh the codebook and try again.',
    noCodeOnPath: 'The codebook has no code "{part}" under "{parent}", so "{wanted}" cannot be placed. Check the path, or create "{missing}" first.',
    nameAmbiguous: 'The code name "{wanted}" is ambiguous: {count} codes have it ({paths}). Give the path of the one you mean, e.g. {example}.',
    nameTakenAtTop: 'A code named "{name}" already exists at the top of the codebook. Use it, or choose another name.',
    nameTakenUnderParent: 'A code named "{name}" already exists under that parent. Use it, or choose another name.',
    siblingNameTaken: 'A sibling code named "{name}" already exists. Merge the two codes instead, or choose another name.',
    moveUnderItself: 'Cannot move "{name}" under itself or one of its sub-codes.',
    parentHasName: 'The new parent already has a code named "{name}". Merge them instead.',
    mergeIntoItself: 'Cannot merge a code into itself. Pick two different codes.',
    mergeIntoSubCode: 'Cannot merge "{source}" into its own sub-code "{target}". Move the sub-code out first.',
    subCodeClash: 'A sub-code named "{name}" exists in both places. Rename or merge one of them first; nothing was changed.',
  },
  id: {
    codeNotFound: 'Kode {id} tidak ada. Muat ulang buku kode lalu coba lagi.',
    noCodeOnPath: 'Buku kode tidak punya kode "{part}" di bawah "{parent}", jadi "{wanted}" tidak bisa ditempatkan. Periksa jalurnya, atau buat "{missing}" lebih dulu.',
    nameAmbiguous: 'Nama kode "{wanted}" ambigu: ada {count} kode dengan nama itu ({paths}). Sebutkan jalur kode yang Anda maksud, mis. {example}.',
    nameTakenAtTop: 'Sudah ada kode bernama "{name}" di tingkat teratas buku kode. Pakai kode itu, atau pilih nama lain.',
    nameTakenUnderParent: 'Sudah ada kode bernama "{name}" di bawah induk itu. Pakai kode itu, atau pilih nama lain.',
    siblingNameTaken: 'Sudah ada kode bernama "{name}" di tingkat yang sama. Gabungkan kedua kode itu, atau pilih nama lain.',
    moveUnderItself: '"{name}" tidak bisa dipindahkan ke bawah dirinya sendiri atau ke bawah salah satu sub-kodenya.',
    parentHasName: 'Induk yang baru sudah punya kode bernama "{name}". Gabungkan keduanya saja.',
    mergeIntoItself: 'Kode tidak bisa digabungkan ke dirinya sendiri. Pilih dua kode yang berbeda.',
    mergeIntoSubCode: '"{source}" tidak bisa digabungkan ke sub-kodenya sendiri, "{target}". Pindahkan sub-kode itu keluar lebih dulu.',
    subCodeClash: 'Sub-kode bernama "{name}" ada di kedua tempat. Ganti nama atau gabungkan salah satunya lebih dulu; tidak ada yang diubah.',
  },
});

type Db = Database.Database;

/** A code's fields and its codings counted: every coder's, or (`@coders`, a JSON list of ids) only those coders'. */
const codeSelect = (byCoders: boolean) => `
  SELECT c.id, c.parent_id AS parentId, c.name, c.description, c.colour, c.in_vivo AS inVivo, c.hotkey,
    (SELECT count(*) FROM codings x WHERE x.code_id = c.id${byCoders ? ' AND x.coder_id IN (SELECT value FROM json_each(@coders))' : ''}) AS codingCount
  FROM codes c`;
const codeSql = codeSelect(false);

type CodeRow = Omit<Code, 'inVivo' | 'informantCount'> & { inVivo: number };
/** `informantCount`: the informants who spoke the code's extracts (see analysis/attribution.ts). */
const toCode = (row: CodeRow, informantCount: number): Code => ({ ...row, inVivo: row.inVivo === 1, informantCount });

/**
 * The codebook in tree order: siblings by sort order then name. With `coders`, the counts are of
 * those coders' codings only (blind mode, a coder filter).
 */
export function listCodes(db: Db, coders?: readonly CoderId[]): Code[] {
  const informants = informantsPerCode(db, coders && new Set(coders));
  const rows = db.prepare(`${codeSelect(coders !== undefined)} ORDER BY c.sort_order, c.name COLLATE NOCASE`).all(...(coders ? [{ coders: JSON.stringify(coders) }] : [])) as CodeRow[];
  return rows.map((row) => toCode(row, informants.get(row.id) ?? 0));
}

/** A code with its counts, as the codebook shows it (the informant count reads the code's codings: not for checks). */
export function getCode(db: Db, id: CodeId): Code {
  return toCode(codeRow(db, id), informantsOfCode(db, id));
}

/** A code's own fields, or not_found: what every check and change needs, without counting informants. */
function codeRow(db: Db, id: CodeId): CodeRow {
  const row = db.prepare(`${codeSql} WHERE c.id = ?`).get(id) as CodeRow | undefined;
  if (!row) throw new TematikError('not_found', say('codeNotFound', { id: String(id) }));
  return row;
}

/** Just the name: cheap, for labels on the hot path (getCode also counts codings). */
export function codeName(db: Db, id: CodeId): string {
  const name = db.prepare('SELECT name FROM codes WHERE id = ?').pluck().get(id) as string | undefined;
  if (name === undefined) throw new TematikError('not_found', say('codeNotFound', { id: String(id) }));
  return name;
}

export function findCodeByName(db: Db, name: string, parentId: CodeId | null = null): CodeId | undefined {
  return db.prepare('SELECT id FROM codes WHERE ifnull(parent_id, 0) = ? AND name = ? COLLATE NOCASE').pluck().get(parentId ?? 0, name.trim()) as CodeId | undefined;
}

/** A code's place in the codebook, "Kanal digital/Polling". */
export function codePath(db: Db, id: CodeId): string {
  return (db.prepare(`
    WITH RECURSIVE up(id, parent_id, name, depth) AS (
      SELECT id, parent_id, name, 0 FROM codes WHERE id = ?
      UNION ALL SELECT c.id, c.parent_id, c.name, up.depth + 1 FROM codes c JOIN up ON c.id = up.parent_id)
    SELECT name FROM up ORDER BY depth DESC`).pluck().all(id) as string[]).join('/');
}

/**
 * The code a user names, found or created in the caller's transaction (codings.apply,
 * recode, search-to-code, the CLI):
 * - a path, "Kanal digital/Polling", is followed from the top of the codebook; its last part
 *   is created under its parent when missing (a missing parent is an error, not a new branch);
 * - a plain name is the one code of that name at any depth; with none it is created at the top;
 * - a name two codes share is refused with their paths, never guessed or duplicated.
 * A name that itself contains "/" ("online/offline") is a plain name unless its first part is
 * a top-level code.
 */
export function resolveCodeName(db: Db, name: string, inVivo = false): CodeId {
  const wanted = name.trim();
  const parts = wanted.split('/').map((part) => part.trim());
  if (parts.length > 1 && parts.every(Boolean) && findCodeByName(db, parts[0]!) !== undefined) {
    let parentId: CodeId | null = null;
    for (const [i, part] of parts.entries()) {
      const found = findCodeByName(db, part, parentId);
      if (found !== undefined) parentId = found;
      else if (i === parts.length - 1) return createCode(db, { name: part, parentId, inVivo });
      else {
        throw new TematikError('not_found', say('noCodeOnPath', { part, parent: parts.slice(0, i).join('/'), wanted, missing: parts.slice(0, i + 1).join('/') }));
      }
    }
    return parentId!;
  }
  const matches = db.prepare('SELECT id FROM codes WHERE name = ? COLLATE NOCASE ORDER BY id').pluck().all(wanted) as CodeId[];
  if (matches.length === 1) return matches[0]!;
  if (matches.length === 0) return createCode(db, { name: wanted, inVivo });
  const paths = matches.map((id) => `"${codePath(db, id)}"`);
  throw new TematikError('invalid_args', say('nameAmbiguous', { wanted, count: matches.length, paths: paths.join(', '), example: paths[0]! }));
}

export function createCode(db: Db, input: { name: string; parentId?: CodeId | null; description?: string; colour?: string; inVivo?: boolean; guid?: string }): CodeId {
  const parentId = input.parentId ?? null;
  if (parentId !== null) codeRow(db, parentId);
  if (findCodeByName(db, input.name, parentId) !== undefined) {
    throw new TematikError('conflict', say(parentId === null ? 'nameTakenAtTop' : 'nameTakenUnderParent', { name: input.name.trim() }));
  }
  const count = db.prepare('SELECT count(*) FROM codes').pluck().get() as number;
  return Number(db.prepare('INSERT INTO codes (guid, parent_id, name, description, colour, in_vivo, sort_order, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
    .run(keptGuid(db, input.guid), parentId, input.name.trim(), input.description ?? '', input.colour ?? paletteColour(count), input.inVivo ? 1 : 0, count, now()).lastInsertRowid) as CodeId;
}

export function updateCode(db: Db, id: CodeId, input: { name?: string; description?: string; colour?: string }): void {
  const current = codeRow(db, id);
  if (input.name !== undefined) {
    const other = findCodeByName(db, input.name, current.parentId);
    if (other !== undefined && other !== id) throw new TematikError('conflict', say('siblingNameTaken', { name: input.name.trim() }));
  }
  db.prepare('UPDATE codes SET name = ?, description = ?, colour = ? WHERE id = ?')
    .run(input.name?.trim() ?? current.name, input.description ?? current.description, input.colour ?? current.colour, id);
}

/** Re-parents a code; refuses to put a code under itself or its own descendant. */
export function moveCode(db: Db, id: CodeId, parentId: CodeId | null): void {
  const code = codeRow(db, id);
  if (parentId !== null) {
    codeRow(db, parentId);
    const ancestors = db.prepare(`
      WITH RECURSIVE up(id) AS (SELECT ? UNION ALL SELECT c.parent_id FROM codes c JOIN up ON c.id = up.id WHERE c.parent_id IS NOT NULL)
      SELECT id FROM up`).pluck().all(parentId) as number[];
    if (ancestors.includes(id)) throw new TematikError('conflict', say('moveUnderItself', { name: code.name }));
  }
  if (findCodeByName(db, code.name, parentId) !== undefined && code.parentId !== parentId) {
    throw new TematikError('conflict', say('parentHasName', { name: code.name }));
  }
  db.prepare('UPDATE codes SET parent_id = ? WHERE id = ?').run(parentId, id);
}

/**
 * Moves every coding, sub-code, theme membership, memo and comment of `source` to `target`,
 * then deletes `source`. A coding that would duplicate one already on `target` is dropped:
 * the same text stays coded, nothing is lost.
 */
export function mergeCodes(db: Db, sourceId: CodeId, targetId: CodeId): { source: string; target: string } {
  if (sourceId === targetId) throw new TematikError('conflict', say('mergeIntoItself'));
  const source = codeRow(db, sourceId);
  const target = codeRow(db, targetId);
  const underSource = db.prepare(`
    WITH RECURSIVE down(id) AS (SELECT ? UNION ALL SELECT c.id FROM codes c JOIN down ON c.parent_id = down.id) SELECT id FROM down`).pluck().all(sourceId) as number[];
  if (underSource.includes(targetId)) throw new TematikError('conflict', say('mergeIntoSubCode', { source: source.name, target: target.name }));
  assertChildrenFit(db, sourceId, targetId);
  db.prepare('UPDATE OR IGNORE codings SET code_id = ? WHERE code_id = ?').run(targetId, sourceId);
  db.prepare('UPDATE codes SET parent_id = ? WHERE parent_id = ?').run(targetId, sourceId);
  db.prepare('INSERT OR IGNORE INTO theme_codes (theme_id, code_id) SELECT theme_id, ? FROM theme_codes WHERE code_id = ?').run(targetId, sourceId);
  db.prepare('UPDATE memos SET code_id = ? WHERE code_id = ?').run(targetId, sourceId);
  db.prepare('UPDATE comments SET code_id = ? WHERE code_id = ?').run(targetId, sourceId);
  // A coding left on the source duplicated one on the target and goes with the source: its comments move to that twin.
  db.prepare(`UPDATE comments SET coding_id = (SELECT t.id FROM codings s JOIN codings t ON t.code_id = ? AND t.document_id = s.document_id
      AND t.coder_id = s.coder_id AND t.start_offset = s.start_offset AND t.end_offset = s.end_offset WHERE s.id = comments.coding_id)
    WHERE coding_id IN (SELECT id FROM codings WHERE code_id = ?)`).run(targetId, sourceId);
  if (source.description && !target.description.includes(source.description)) {
    db.prepare('UPDATE codes SET description = ? WHERE id = ?').run([target.description, source.description].filter(Boolean).join('\n\n'), targetId);
  }
  db.prepare('DELETE FROM codes WHERE id = ?').run(sourceId);
  return { source: source.name, target: target.name };
}

/** Deletes a code with its codings; its sub-codes move up to its parent rather than vanish with it. */
export function deleteCode(db: Db, id: CodeId): string {
  const code = codeRow(db, id);
  assertChildrenFit(db, id, code.parentId);
  db.prepare('UPDATE codes SET parent_id = ? WHERE parent_id = ?').run(code.parentId, id);
  db.prepare('DELETE FROM codes WHERE id = ?').run(id);
  return code.name;
}

/** Sub-codes moving to a new parent must not collide with a name already there. */
function assertChildrenFit(db: Db, fromParent: CodeId, toParent: CodeId | null): void {
  const clash = db.prepare(`
    SELECT child.name FROM codes child JOIN codes sibling
      ON ifnull(sibling.parent_id, 0) = ? AND sibling.name = child.name COLLATE NOCASE AND sibling.id <> child.id
    WHERE child.parent_id = ? LIMIT 1`).pluck().get(toParent ?? 0, fromParent) as string | undefined;
  if (clash !== undefined) {
    throw new TematikError('conflict', say('subCodeClash', { name: clash }));
  }
}
