import type Database from 'better-sqlite3';
import { TematikError } from '../domain/errors';
import { defineMessages } from '../domain/text';
import type { CoderId, MemoId } from '../domain/ids';
import type { Memo, MemoKind, MemoTarget, Phase } from '../domain/types';
import { now } from './project-store';
import { newGuid } from './row-guid';

const say = defineMessages({
  en: {
    memoNotFound: 'Memo {id} does not exist. Refresh and try again.',
    targetMissing_document: 'The document {id} this memo is for does not exist; the memo was not saved.',
    targetMissing_code: 'The code {id} this memo is for does not exist; the memo was not saved.',
    targetMissing_theme: 'The theme {id} this memo is for does not exist; the memo was not saved.',
    targetMissing_coding: 'The coding {id} this memo is for does not exist; the memo was not saved.',
  },
  id: {
    memoNotFound: 'Memo {id} tidak ada. Muat ulang lalu coba lagi.',
    targetMissing_document: 'Transkrip {id} yang menjadi sasaran memo ini tidak ada; memo tidak disimpan.',
    targetMissing_code: 'Kode {id} yang menjadi sasaran memo ini tidak ada; memo tidak disimpan.',
    targetMissing_theme: 'Tema {id} yang menjadi sasaran memo ini tidak ada; memo tidak disimpan.',
    targetMissing_coding: 'Pengodean {id} yang menjadi sasaran memo ini tidak ada; memo tidak disimpan.',
  },
});

type Db = Database.Database;

interface MemoRow {
  id: MemoId; kind: MemoKind; title: string; body: string; phase: Phase | null; author: string; createdAt: string; updatedAt: string;
  documentId: number | null; codeId: number | null; themeId: number | null; codingId: number | null;
}

const memoSql = `
  SELECT m.id, m.kind, m.title, m.body, m.phase, c.name AS author, m.created_at AS createdAt, m.updated_at AS updatedAt,
    m.document_id AS documentId, m.code_id AS codeId, m.theme_id AS themeId, m.coding_id AS codingId
  FROM memos m JOIN coders c ON c.id = m.author_id`;

const targetColumn = { document: 'document_id', code: 'code_id', theme: 'theme_id', coding: 'coding_id' } as const;
const targetTable = { document: 'documents', code: 'codes', theme: 'themes', coding: 'codings' } as const;

function toMemo(row: MemoRow): Memo {
  const { documentId, codeId, themeId, codingId, ...rest } = row;
  const target: MemoTarget = documentId !== null ? { kind: 'document', id: documentId as never }
    : codeId !== null ? { kind: 'code', id: codeId as never }
    : themeId !== null ? { kind: 'theme', id: themeId as never }
    : codingId !== null ? { kind: 'coding', id: codingId as never }
    : { kind: 'project' };
  return { ...rest, target };
}

export function listMemos(db: Db, filter: { target?: MemoTarget; kind?: MemoKind }): Memo[] {
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (filter.kind) { where.push('m.kind = ?'); params.push(filter.kind); }
  if (filter.target) {
    if (filter.target.kind === 'project') where.push('m.document_id IS NULL AND m.code_id IS NULL AND m.theme_id IS NULL AND m.coding_id IS NULL');
    else { where.push(`m.${targetColumn[filter.target.kind]} = ?`); params.push(filter.target.id); }
  }
  const sql = `${memoSql} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY m.created_at DESC, m.id DESC`;
  return (db.prepare(sql).all(...params) as MemoRow[]).map(toMemo);
}

export function getMemo(db: Db, id: MemoId): Memo {
  const row = db.prepare(`${memoSql} WHERE m.id = ?`).get(id) as MemoRow | undefined;
  if (!row) throw new TematikError('not_found', say('memoNotFound', { id: String(id) }));
  return toMemo(row);
}

export function createMemo(db: Db, input: { kind: MemoKind; title: string; body: string; target: MemoTarget; author: CoderId; phase: Phase | null }): MemoId {
  const ids = { document: null as number | null, code: null as number | null, theme: null as number | null, coding: null as number | null };
  if (input.target.kind !== 'project') {
    const exists = db.prepare(`SELECT 1 FROM ${targetTable[input.target.kind]} WHERE id = ?`).get(input.target.id);
    if (!exists) throw new TematikError('not_found', say(`targetMissing_${input.target.kind}`, { id: String(input.target.id) }));
    ids[input.target.kind] = input.target.id;
  }
  const at = now();
  return Number(db.prepare(`INSERT INTO memos (guid, kind, title, body, phase, author_id, document_id, code_id, theme_id, coding_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
    .run(newGuid(), input.kind, input.title, input.body, input.phase, input.author, ids.document, ids.code, ids.theme, ids.coding, at, at).lastInsertRowid) as MemoId;
}

export function updateMemo(db: Db, id: MemoId, input: { title?: string; body?: string }): void {
  const memo = getMemo(db, id);
  db.prepare('UPDATE memos SET title = ?, body = ?, updated_at = ? WHERE id = ?').run(input.title ?? memo.title, input.body ?? memo.body, now(), id);
}

export function deleteMemo(db: Db, id: MemoId): string {
  const memo = getMemo(db, id);
  db.prepare('DELETE FROM memos WHERE id = ?').run(id);
  return memo.title || memo.body.slice(0, 40);
}
