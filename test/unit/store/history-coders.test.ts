import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LocalClient } from '../../../src/api/client';
import type { DocumentId } from '../../../src/domain/ids';
import { addDocument } from '../../helpers/documents';
import { newProject, SAMPLE_STUDY } from '../../helpers/temp-project';
import { refused } from '../../helpers/refused';
import { onPostgres, openedAs, reopenedAs } from '../../helpers/test-store';

const TEXT = 'Pewawancara: Bagaimana co-creation dijalankan?\nNarasumber: Kami polling di Instagram dulu, terus pelanggan ikut milih motif. Kolaborasinya bikin mereka merasa memiliki.';

/**
 * Opens the project as `coder`, as a colleague on a shared folder would once the other has closed it;
 * on PostgreSQL as the team server opens it again, from what the database holds (openedAs).
 */
const openAs = (file: string, coder: string): Promise<LocalClient> => openedAs(file, coder);

/**
 * Coders taking turns on one project, as colleagues on a shared folder do: one writer at a time
 * (the project lock), each opening it when it is their turn. `first` has it open.
 */
function takingTurns(first: LocalClient): (coder: string) => Promise<LocalClient> {
  let current = first;
  return async (coder) => {
    if (current.session.project.coder !== coder) current = await reopenedAs(current, coder);
    return current;
  };
}

/** Every undoable row of the project, to show that a refused undo changed nothing. */
const dump = (client: LocalClient) => {
  const { db } = client.session.store;
  return ['codes', 'codings', 'themes', 'theme_codes', 'memos'].map((table) => db.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all());
};

/** Each coding of the document as [id, code name, coder]. */
async function codedAs(client: LocalClient, documentId: DocumentId): Promise<[number, string, string][]> {
  const names = new Map((await client.invoke('codes.list', {})).map((c) => [c.id, c.name]));
  return (await client.invoke('codings.forDocument', { documentId })).map((c) => [c.id, names.get(c.codeId)!, c.coderName]);
}


describe('undo with two coders on one file', () => {
  /** Ani codes a passage and creates a code, then closes; Rina opens the same file. */
  async function aniThenRina() {
    const ani = await newProject('Ani');
    const doc = await addDocument(ani, 'P-01', TEXT);
    const coding = await ani.invoke('codings.apply', { documentId: doc, start: 60, end: 89, codeName: 'polling' });
    await ani.invoke('codes.create', { name: 'kemitraan' });
    await ani.session.close();
    return { file: ani.file, doc, coding };
  }

  it('each undoes only their own actions; the menu offers only your own step', async () => {
    const { file, doc, coding } = await aniThenRina();
    const rina = await openAs(file, 'Rina');
    expect(await rina.invoke('history.state', {})).toEqual({ undo: null, redo: null, undoAction: null, redoAction: null });
    await expect(rina.invoke('history.undo', {})).rejects.toThrow('There is nothing to undo.');
    const other = await rina.invoke('codings.apply', { documentId: doc, start: 130, end: 160, codeName: 'rasa memiliki' });
    await rina.invoke('codings.recode', { id: coding.id, codeName: 'survei' });
    expect((await rina.invoke('history.state', {})).undo).toBe('Re-code a passage as "survei"');

    // Rina's undo takes back her recode only: Ani's coding is back on "polling", Rina's own coding stays.
    await rina.invoke('history.undo', {});
    expect(await codedAs(rina, doc)).toEqual([[coding.id, 'polling', 'Ani'], [other.id, 'rasa memiliki', 'Rina']]);
    await rina.invoke('history.redo', {});
    await rina.session.close();

    // Ani's menu shows her own last step, though Rina acted after her.
    const ani = await openAs(file, 'Ani');
    expect(await ani.invoke('history.state', {})).toMatchObject({ undo: 'Create code "kemitraan"', undoAction: 'codes.create', redo: null });
    await ani.invoke('history.undo', {});
    expect((await ani.invoke('codes.list', {})).map((c) => c.name).sort()).toEqual(['polling', 'rasa memiliki', 'survei']);
    expect((await codedAs(ani, doc)).map((c) => c[1])).toEqual(['survei', 'rasa memiliki']);

    // Her coding was recoded by Rina since: that undo is refused, naming Rina, and changes nothing.
    const before = dump(ani);
    const error = await refused(ani.invoke('history.undo', {}));
    expect(error.kind).toBe('conflict');
    expect(error.message).toBe('Cannot undo "apply a code": Rina has changed the same coding since. Undo is only possible for your own latest changes; nothing was changed.');
    expect(error.text?.id).toBe('Tidak dapat mengurungkan "menerapkan kode": Rina telah mengubah pengodean yang sama sejak itu. Hanya perubahan terakhir Anda sendiri yang bisa diurungkan; tidak ada yang diubah.');
    expect(error.details).toEqual(['Apply code "polling"']);
    expect(dump(ani)).toEqual(before);
    expect((await ani.invoke('history.state', {})).undo).toBe('Apply code "polling"');
    // Redo of her own unrelated step still works.
    await ani.invoke('history.redo', {});
    expect((await ani.invoke('codes.list', {})).map((c) => c.name)).toContain('kemitraan');
    ani.session.close();
  });

  it('each coder\'s redo outlives the other\'s actions in between, and each undo stays their own', async () => {
    const ani = await newProject('Ani');
    const doc = await addDocument(ani, 'P-01', TEXT);
    const as = takingTurns(ani);
    await (await as('Ani')).invoke('codings.apply', { documentId: doc, start: 60, end: 89, codeName: 'polling' });
    await (await as('Ani')).invoke('history.undo', {});
    // Rina writes a memo (a coding would take the id Ani's undo freed, and her redo would be refused).
    await (await as('Rina')).invoke('memos.create', { body: 'Polling sebagai co-creation?', target: { kind: 'document', id: doc } });
    // Rina's new action did not clear Ani's redo.
    expect(await (await as('Ani')).invoke('history.state', {})).toMatchObject({ undo: 'Add P-01', redo: 'Apply code "polling"' });
    await (await as('Ani')).invoke('history.redo', {});
    await (await as('Rina')).invoke('history.undo', {});
    expect((await codedAs(await as('Ani'), doc)).map((c) => c.slice(1))).toEqual([['polling', 'Ani']]);
    expect(await (await as('Ani')).invoke('memos.list', {})).toEqual([]);
    (await as('Ani')).session.close();
  });

  it('refuses to undo a new code another coder has since applied, where the cascade would take their coding', async () => {
    const ani = await newProject('Ani');
    const doc = await addDocument(ani, 'P-01', TEXT);
    const code = await ani.invoke('codes.create', { name: 'kolaborasi' });
    const as = takingTurns(ani);
    await (await as('Rina')).invoke('codings.apply', { documentId: doc, start: 130, end: 160, codeId: code.id });
    const before = dump(await as('Ani'));
    const error = await refused((await as('Ani')).invoke('history.undo', {}));
    expect(error.message).toBe('Cannot undo "create a code": Rina has changed the same coding since. Undo is only possible for your own latest changes; nothing was changed.');
    expect(dump(await as('Ani'))).toEqual(before);
    (await as('Ani')).session.close();
  });

  it('refuses a redo that would take what another coder added since, and one whose name was taken since', async () => {
    const ani = await newProject('Ani');
    const doc = await addDocument(ani, 'P-01', TEXT);
    const as = takingTurns(ani);
    const code = await ani.invoke('codes.create', { name: 'kolaborasi' });
    await ani.invoke('codes.delete', { id: code.id });
    await ani.invoke('history.undo', {});
    await (await as('Rina')).invoke('codings.apply', { documentId: doc, start: 130, end: 160, codeId: code.id });
    const before = dump(await as('Ani'));
    const error = await refused((await as('Ani')).invoke('history.redo', {}));
    expect(error.message).toBe('Cannot redo "delete a code": Rina has changed the same coding since. Redo is only possible while nobody else has changed what it touches; nothing was changed.');
    expect(dump(await as('Ani'))).toEqual(before);

    // Ani deletes a code and Rina creates one of the same name, which takes the freed id: that row is Rina's now.
    const mine = await (await as('Ani')).invoke('codes.create', { name: 'kemitraan' });
    await (await as('Ani')).invoke('codes.delete', { id: mine.id });
    const taken = await (await as('Rina')).invoke('codes.create', { name: 'Kemitraan' });
    expect(taken.id).toBe(mine.id);
    expect((await refused((await as('Ani')).invoke('history.undo', {}))).message)
      .toBe('Cannot undo "delete a code": Rina has changed the same code since. Undo is only possible for your own latest changes; nothing was changed.');

    // With the name taken under another id, bringing Ani's code back would make two of one name.
    const again = await (await as('Ani')).invoke('codes.create', { name: 'inovasi' });
    await (await as('Ani')).invoke('codes.create', { name: 'lain' });
    await (await as('Ani')).invoke('codes.delete', { id: again.id });
    await (await as('Rina')).invoke('codes.create', { name: 'Inovasi' });
    const before2 = dump(await as('Ani'));
    const clash = await refused((await as('Ani')).invoke('history.undo', {}));
    expect(clash.kind).toBe('conflict');
    expect(clash.message).toMatch(/^Cannot undo "delete a code": it clashes with what was changed since/);
    expect(clash.text?.id).toMatch(/^Tidak dapat mengurungkan/);
    expect(dump(await as('Ani'))).toEqual(before2);
    (await as('Ani')).session.close();
  });

  it('refuses to undo an import after another coder said who a speaker is in it', async () => {
    const ani = await newProject('Ani');
    const [doc] = (await ani.invoke('import.files', { paths: [path.join(SAMPLE_STUDY, 'P-01_fashion.txt')] })).imported;
    const as = takingTurns(ani);
    const rina = await as('Rina');
    const speaker = (await rina.invoke('documents.speakers', { id: doc!.documentId })).find((s) => s.role === 'informant')!;
    await rina.invoke('documents.setSpeaker', { id: doc!.documentId, speaker: speaker.speaker, role: 'unknown', informantId: null });
    const turns = async () => (await as('Ani')).session.store.db.prepare('SELECT * FROM turns ORDER BY id').all();
    const before = await turns();
    expect((await refused((await as('Ani')).invoke('history.undo', {}))).message).toMatch(/^Cannot undo "import transcripts": Rina has changed the same speaker turn since/);
    expect(await turns()).toEqual(before);
    // Once Rina takes her change back, the import can go.
    await (await as('Rina')).invoke('history.undo', {});
    await (await as('Ani')).invoke('history.undo', {});
    expect(await turns()).toEqual([]);
    (await as('Ani')).session.close();
  });

  // Not on PostgreSQL (TEMATIK_TEST_STORE): a row changed in the project file behind the store's back; a team project's image is written only through its store.
  it.skipIf(onPostgres())('refuses when the row was changed outside the history, without naming anyone', async () => {
    const ani = await newProject('Ani');
    const doc: DocumentId = await addDocument(ani, 'P-01', TEXT);
    const coding = await ani.invoke('codings.apply', { documentId: doc, start: 60, end: 89, codeName: 'polling' });
    // A change no step recorded (an older copy of the file put back, a tool outside Tematik).
    ani.session.store.db.prepare('UPDATE codings SET end_offset = 90 WHERE id = ?').run(coding.id);
    const error = await refused(ani.invoke('history.undo', {}));
    expect(error.message).toBe('Cannot undo "apply a code": the same coding has been changed since by another action. Undo is only possible for your own latest changes; nothing was changed.');
    ani.session.close();
  });
});
