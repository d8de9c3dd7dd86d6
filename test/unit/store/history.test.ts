import { beforeEach, describe, expect, it } from 'vitest';
import type { LocalClient } from '../../../src/api/client';
import type { DocumentId } from '../../../src/domain/ids';
import { HISTORY_LIMIT } from '../../../src/store/history';
import { addDocument } from '../../helpers/documents';
import { newProject } from '../../helpers/temp-project';

const TEXT = 'Pewawancara: Bagaimana co-creation dijalankan?\nNarasumber: Kami polling di Instagram dulu, terus pelanggan ikut milih motif. Kolaborasinya bikin mereka merasa memiliki.';

describe('undo and redo at the store level', () => {
  let client: LocalClient;
  let doc: DocumentId;
  const invoke: LocalClient['invoke'] = (name, args) => client.invoke(name, args);
  const table = (sql: string) => client.session.store.db.prepare(sql).all();

  beforeEach(async () => {
    client = await newProject();
    doc = await addDocument(client, 'P-01', TEXT);
  });

  it('undoes and redoes applying a coding, restoring the same row', async () => {
    const coding = await invoke('codings.apply', { documentId: doc, start: 60, end: 89, codeName: 'polling Instagram' });
    expect(coding.quote).toBe(TEXT.slice(60, 89));
    const after = table('SELECT * FROM codings');
    expect((await invoke('history.state', {})).undo).toBe('Apply code "polling Instagram"');
    expect((await invoke('history.state', {})).undoAction).toBe('codings.apply');

    await invoke('history.undo', {});
    expect(table('SELECT * FROM codings')).toEqual([]);
    // The code created on the fly goes too: undo reverts the whole action.
    expect(await invoke('codes.list', {})).toEqual([]);
    expect(await invoke('history.state', {})).toMatchObject({ redo: 'Apply code "polling Instagram"', redoAction: 'codings.apply' });

    await invoke('history.redo', {});
    expect(table('SELECT * FROM codings')).toEqual(after);
    expect((await invoke('codes.list', {})).map((c) => c.name)).toEqual(['polling Instagram']);
  });

  it('undoes removing a coding', async () => {
    const coding = await invoke('codings.apply', { documentId: doc, start: 0, end: 11, codeName: 'pertanyaan' });
    const before = table('SELECT * FROM codings');
    await invoke('codings.remove', { id: coding.id });
    expect(table('SELECT * FROM codings')).toEqual([]);
    await invoke('history.undo', {});
    expect(table('SELECT * FROM codings')).toEqual(before);
  });

  it('undoes create, rename, merge and delete of codes, with cascades and sub-codes', async () => {
    const parent = await invoke('codes.create', { name: 'Praktik co-creation' });
    const child = await invoke('codes.create', { name: 'polling', parentId: parent.id });
    const other = await invoke('codes.create', { name: 'rasa memiliki' });
    await invoke('codings.apply', { documentId: doc, start: 60, end: 89, codeId: child.id });
    await invoke('codings.apply', { documentId: doc, start: 130, end: 160, codeId: other.id });
    const snapshot = () => ({ codes: table('SELECT * FROM codes ORDER BY id'), codings: table('SELECT * FROM codings ORDER BY id') });

    const beforeRename = snapshot();
    await invoke('codes.update', { id: other.id, name: 'ownership' });
    expect((await invoke('codes.list', {})).find((c) => c.id === other.id)?.name).toBe('ownership');
    await invoke('history.undo', {});
    expect(snapshot()).toEqual(beforeRename);

    const beforeMerge = snapshot();
    const merged = await invoke('codes.merge', { sourceId: other.id, targetId: child.id });
    expect(merged.codingCount).toBe(2);
    expect((await invoke('codes.list', {})).map((c) => c.name).sort()).toEqual(['Praktik co-creation', 'polling']);
    await invoke('history.undo', {});
    expect(snapshot()).toEqual(beforeMerge);

    const beforeDelete = snapshot();
    await invoke('codes.delete', { id: parent.id });
    // The sub-code survives, moved up a level; the parent's codings (none) go with it.
    const codes = await invoke('codes.list', {});
    expect(codes.find((c) => c.id === child.id)?.parentId).toBeNull();
    await invoke('history.undo', {});
    expect(snapshot()).toEqual(beforeDelete);

    await invoke('codes.delete', { id: child.id });
    expect(table('SELECT * FROM codings').length).toBe(1);
    await invoke('history.undo', {});
    expect(snapshot()).toEqual(beforeDelete);
    await invoke('history.redo', {});
    expect(table('SELECT * FROM codings').length).toBe(1);
  });

  it('re-codes a passage to a new code in one undoable step', async () => {
    const coding = await invoke('codings.apply', { documentId: doc, start: 60, end: 89, codeName: 'polling' });
    const recoded = await invoke('codings.recode', { id: coding.id, codeName: 'survei pelanggan' });
    expect([recoded.id, recoded.coderName]).toEqual([coding.id, 'Peneliti A']);
    expect((await invoke('codes.list', {})).map((c) => [c.name, c.codingCount])).toEqual([['polling', 0], ['survei pelanggan', 1]]);
    await invoke('history.undo', {});
    expect((await invoke('codes.list', {})).map((c) => [c.name, c.codingCount])).toEqual([['polling', 1]]);
  });

  it('undoes theme edits', async () => {
    const code = await invoke('codes.create', { name: 'polling' });
    await invoke('codings.apply', { documentId: doc, start: 60, end: 89, codeId: code.id });
    const theme = await invoke('themes.create', { name: 'Platform digital', codeIds: [code.id] });
    await invoke('themes.update', { id: theme.id, definition: 'Media sosial sebagai ruang co-creation', status: 'reviewed' });
    await invoke('history.undo', {});
    const restored = (await invoke('themes.list', {}))[0]!;
    expect(restored.status).toBe('candidate');
    expect(restored.definition).toBe('');
    expect(restored.codeIds).toEqual([code.id]);
    await invoke('history.undo', {});
    expect(await invoke('themes.list', {})).toEqual([]);
  });

  it('a new action clears the redo stack; an empty stack is a clear error', async () => {
    await invoke('codes.create', { name: 'a' });
    await invoke('history.undo', {});
    await invoke('codes.create', { name: 'b' });
    expect((await invoke('history.state', {})).redo).toBeNull();
    await expect(invoke('history.redo', {})).rejects.toThrow('There is nothing to redo.');
    await invoke('history.undo', {});
    await invoke('history.undo', {}); // the test document
    await expect(invoke('history.undo', {})).rejects.toThrow('There is nothing to undo.');
  });

  it('a failed action leaves no undo step and changes nothing', async () => {
    await invoke('codes.create', { name: 'kolaborasi' });
    const before = await invoke('history.state', {});
    await expect(invoke('codes.create', { name: 'Kolaborasi' })).rejects.toThrow(/already exists/);
    expect(await invoke('history.state', {})).toEqual(before);
    expect((await invoke('codes.list', {})).length).toBe(1);
  });

  it('keeps at most HISTORY_LIMIT steps', async () => {
    for (let i = 0; i < HISTORY_LIMIT + 5; i++) await invoke('codes.create', { name: `kode ${i}` });
    expect(table('SELECT count(*) AS n FROM history_steps')).toEqual([{ n: HISTORY_LIMIT }]);
  });

  it('writes an audit row for every change, undo included', async () => {
    await invoke('codes.create', { name: 'kemitraan' });
    await invoke('history.undo', {});
    const audit = await invoke('audit.list', {});
    expect(audit.slice(0, 2).map((a) => a.summary)).toEqual(['Undo: Create code "kemitraan"', 'Create code "kemitraan"']);
    expect(audit[0]!.coder).toBe('Peneliti A');
  });
});
