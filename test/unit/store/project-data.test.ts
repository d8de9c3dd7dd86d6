import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DocumentId, Utf16Offset } from '../../../src/domain/ids';
import { parseTurns } from '../../../src/import/turns';
import type { ProjectData } from '../../../src/store/project-data';
import { ProjectStore } from '../../../src/store/project-store';
import { projectData } from '../../../src/store/sqlite/project-data';
import { newProject, SAMPLE_STUDY, tempDir } from '../../helpers/temp-project';

/** The store interface on a real project file, without the handlers: what a second backend must also pass. */
describe('the store interface on SQLite (src/store/project-data.ts)', () => {
  let store: ProjectStore;
  let data: ProjectData;
  let file: string;

  beforeEach(() => {
    file = path.join(tempDir(), 'study.tematik');
    store = ProjectStore.open(file, 'Peneliti A', { create: true, name: 'Co-creation UMKM' });
    data = projectData(store);
  });
  afterEach(() => store.close());

  const names = async () => (await data.codes.list()).map((c) => c.name);
  const pause = () => new Promise((resolve) => setTimeout(resolve, 20));

  it('commits a change whole: its rows, its audit row and one undo step for all of it', async () => {
    await data.change({ action: 'codes.create', summary: 'Create two codes', args: {} }, async (tx) => {
      const parent = await tx.codes.create({ name: 'Kepercayaan' });
      await tx.codes.create({ name: 'Kepercayaan pelanggan', parentId: parent });
      await tx.memos.create({ kind: 'memo', title: '', body: 'Why trust', target: { kind: 'code', id: parent }, phase: null });
    });
    expect(await names()).toEqual(['Kepercayaan', 'Kepercayaan pelanggan']);
    expect((await data.memos.list({})).map((m) => m.author)).toEqual(['Peneliti A']);
    expect((await data.project.audit(10)).map((a) => a.summary)).toContain('Create two codes');
    expect((await data.history()).undo).toBe('Create two codes');

    expect(await data.undo()).toBe('Create two codes');
    expect(await names()).toEqual([]);
    expect(await data.memos.list({})).toEqual([]);
  });

  it('rolls a change back entirely when its body throws: no rows, no audit row, no undo step', async () => {
    await data.change({ action: 'codes.create', summary: 'Create "Modal"', args: {} }, (tx) => tx.codes.create({ name: 'Modal' }));
    const failing = data.change({ action: 'codes.create', summary: 'Half an action', args: {} }, async (tx) => {
      await tx.codes.create({ name: 'Akses permodalan' });
      await pause();
      // The document does not exist: the store refuses, after the code was written in the same transaction.
      await tx.codings.apply(999 as DocumentId, 1 as never, 0 as Utf16Offset, 1 as Utf16Offset);
    });
    await expect(failing).rejects.toMatchObject({ kind: 'not_found' });
    expect(await names()).toEqual(['Modal']);
    expect((await data.project.audit(10)).map((a) => a.summary)).not.toContain('Half an action');
    expect((await data.history()).undo).toBe('Create "Modal"');
  });

  it('holds a read back while a change is open, so it sees only committed data', async () => {
    let wrote!: () => void;
    const written = new Promise<void>((resolve) => (wrote = resolve));
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const change = data.change({ action: 'codes.create', summary: 'Create "Modal"', args: {} }, async (tx) => {
      await tx.codes.create({ name: 'Modal' });
      wrote();
      await held;
      throw new Error('changed my mind');
    });
    await written;
    const readDuring = names();
    await pause();
    release();
    await expect(change).rejects.toThrow('changed my mind');
    // Had the read run inside the open transaction it would have seen "Modal", which never was.
    expect(await readDuring).toEqual([]);
  });

  it('runs changes that arrive together one after the other, each its own transaction', async () => {
    const create = (name: string) => data.change({ action: 'codes.create', summary: `Create "${name}"`, args: {} }, async (tx) => {
      const id = await tx.codes.create({ name });
      await pause();
      return id;
    });
    const ids = await Promise.all([create('Modal'), create('Pasar'), create('Kemitraan')]);
    expect(ids).toHaveLength(3);
    expect(await names()).toEqual(['Modal', 'Pasar', 'Kemitraan']);
    expect((await data.project.audit(10)).map((a) => a.summary).reverse()).toEqual(['Create "Modal"', 'Create "Pasar"', 'Create "Kemitraan"']);
  });

  it('gives several reads one state of the project, and reads after it see what was committed since', async () => {
    await data.change({ action: 'codes.create', summary: 'Create "Modal"', args: {} }, (tx) => tx.codes.create({ name: 'Modal' }));
    // Another program writing the file meanwhile (SQLite in WAL mode lets it).
    const other = new Database(file);
    try {
      const seen = await data.read(async (reader) => {
        const before = (await reader.codes.list()).length;
        other.prepare("INSERT INTO codes (guid, name, description, colour, in_vivo, created_at) VALUES ('7a1c2d3e-0000-4000-8000-000000000001', 'Pasar', '', '#888888', 0, '2026-12-07T00:00:00Z')").run();
        const after = (await reader.codes.list()).length;
        return [before, after];
      });
      expect(seen).toEqual([1, 1]);
      expect(await names()).toEqual(['Modal', 'Pasar']);
    } finally {
      other.close();
    }
  });

  it('stores what an import brings through tx.imports: GUIDs kept when free, each row found rather than added twice, all in one change', async () => {
    const guid = '5f0c3b1e-8a2d-4c6e-9f1a-2b3c4d5e6f70';
    const text = 'Pewawancara: Bagaimana modal usaha Anda?\nP-01: Modal kami kecil, jadi kami pinjam ke koperasi.';
    const doc = { title: 'P-01', sourceName: 'P-01.txt', format: 'txt' as const, encoding: 'utf-8', text, turns: parseTurns(text), wordCount: 14, contentHash: 'hash-p01' };
    const importOnce = () => data.change({ action: 'import', summary: 'Import', args: {} }, async (tx) => {
      const known = (await tx.imports.documentsByHash()).get(doc.contentHash)?.id;
      const documentId = known ?? await tx.imports.storeDocument(doc, [], undefined, guid);
      const codeId = await tx.imports.codeByName('modal', null) ?? await tx.imports.createCode({ guid, name: 'Modal', parentId: null, description: '' });
      const coderId = await tx.imports.coder('Peneliti B', '0b9d7c6e-1f2a-4b3c-8d4e-5f6a7b8c9d0e');
      const start = text.indexOf('Modal kami') as Utf16Offset;
      const coding = await tx.imports.coding({ guid, documentId, codeId, coderId, start, end: (start + 10) as Utf16Offset, quote: 'Modal kami', createdAt: '2024-03-01T10:00:00.000Z' });
      const memo = { kind: 'memo' as const, title: 'Modal', body: 'Pinjaman koperasi', documentId: null, codeId, themeId: null, codingId: null };
      const memoAdded = !(await tx.imports.hasMemo(memo));
      if (memoAdded) await tx.imports.memo({ ...memo, phase: null, authorId: coderId });
      await tx.imports.indexStored();
      return { documentId, codeId, coding, memoAdded };
    });

    const first = await importOnce();
    expect(first.coding.added).toBe(true);
    expect(first.memoAdded).toBe(true);
    const second = await importOnce();
    // The same file again adds nothing: the same document, code, coding and memo are found.
    expect(second).toEqual({ documentId: first.documentId, codeId: first.codeId, coding: { id: first.coding.id, added: false }, memoAdded: false });
    expect(await names()).toEqual(['Modal']);
    expect((await data.codings.forDocument(first.documentId)).map((c) => [c.coderName, c.createdAt])).toEqual([['Peneliti B', '2024-03-01T10:00:00.000Z']]);
    // One GUID, one row: the document kept the file's, the code and the coding were given new ones.
    const guids = store.db.prepare('SELECT (SELECT guid FROM documents) AS d, (SELECT guid FROM codes) AS c, (SELECT guid FROM codings) AS g').get() as Record<string, string>;
    expect(guids['d']).toBe(guid);
    expect(new Set(Object.values(guids)).size).toBe(3);
    // Stored and indexed: a search finds the passage.
    expect((await data.search.query({ query: 'koperasi' })).total).toBeGreaterThan(0);
    // The first import is one undo step; the second, which changed nothing, left none.
    expect(await data.undo()).toBe('Import');
    expect((await data.history()).undo).toBeNull();
    expect(await data.documents.list()).toEqual([]);
    expect(await names()).toEqual([]);
  });

  it('refuses a read outside the transaction made from inside it, rather than waiting for itself', async () => {
    const change = data.change({ action: 'codes.create', summary: 'Create "Modal"', args: {} }, async (tx) => {
      await tx.codes.create({ name: 'Modal' });
      return data.codes.list();
    });
    await expect(change).rejects.toThrow('read through the transaction the change was given');
    expect(await names()).toEqual([]);
  });
});

describe('actions that arrive together through the handler table', () => {
  it('each commit as their own action, whatever order their awaits interleave in', async () => {
    const client = await newProject();
    try {
      const [document] = (await client.invoke('import.files', { paths: [path.join(SAMPLE_STUDY, fs.readdirSync(SAMPLE_STUDY).find((f) => f.endsWith('.txt'))!)] })).imported;
      const names = ['Modal', 'Pasar', 'Kemitraan', 'Kepercayaan', 'Promosi'];
      const codes = await Promise.all(names.map((name) => client.invoke('codes.create', { name })));
      const codings = await Promise.all(codes.map((code, i) => client.invoke('codings.apply', { documentId: document!.documentId, codeId: code.id, start: i * 10, end: i * 10 + 5 })));
      expect(codings.map((c) => c.codeId)).toEqual(codes.map((c) => c.id));
      expect((await client.invoke('audit.list', {})).filter((a) => a.action === 'codings.apply')).toHaveLength(names.length);
      // One undo step each: undoing the last leaves the other four.
      await client.invoke('history.undo', {});
      expect(await client.invoke('codings.forDocument', { documentId: document!.documentId })).toHaveLength(names.length - 1);
    } finally {
      client.session.close();
    }
  });
});
