import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { localClient, type LocalClient } from '../../../src/api/client';
import type { DocumentId } from '../../../src/domain/ids';
import { refused } from '../../helpers/refused';
import { newProject, tempDir } from '../../helpers/temp-project';
import { onPostgres } from '../../helpers/test-store';

/** A project with one transcript coded twice by "Peneliti A" (the coder the client was made with). */
async function codedProject(): Promise<{ client: LocalClient & { file: string }; documentId: DocumentId; codeId: number }> {
  const client = await newProject('Peneliti A');
  const file = path.join(tempDir('tematik-coders-src-'), 'P-01.txt');
  fs.writeFileSync(file, 'Narasumber: Kami polling pelanggan di Instagram dulu.');
  const documentId = (await client.invoke('import.files', { paths: [file] })).imported[0]!.documentId;
  const code = await client.invoke('codes.create', { name: 'polling' });
  await client.invoke('codings.apply', { documentId, codeId: code.id, start: 17, end: 24 });
  await client.invoke('codings.apply', { documentId, codeId: code.id, start: 38, end: 47 });
  return { client, documentId, codeId: code.id };
}

const codersOf = async (client: LocalClient) => (await client.invoke('coders.list', {})).coders.map((c) => ({ name: c.name, codings: c.codings }));

describe('coders are people named in the project', () => {
  it('lists who codes, with a colour each and their codings; adds a coder, refusing an empty or taken name in both languages', async () => {
    const { client } = await codedProject();
    const rina = await client.invoke('coders.add', { name: '  Rina   Sari ' });
    expect(rina).toMatchObject({ name: 'Rina Sari', codings: 0, colour: expect.stringMatching(/^#[0-9a-f]{6}$/), guid: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    const list = await client.invoke('coders.list', {});
    expect(list.current).toBe('Peneliti A');
    expect(list.coders.map((c) => ({ name: c.name, codings: c.codings }))).toEqual([{ name: 'Peneliti A', codings: 2 }, { name: 'Rina Sari', codings: 0 }]);
    expect(new Set(list.coders.map((c) => c.colour)).size).toBe(2);

    const empty = await refused(client.invoke('coders.add', { name: '   ' }));
    expect(empty.kind).toBe('invalid_args');
    expect(empty.text).toEqual({ en: expect.stringMatching(/name is empty/), id: expect.stringMatching(/Nama pengode masih kosong/) });
    const taken = await refused(client.invoke('coders.add', { name: 'rina sari' }));
    expect(taken.kind).toBe('conflict');
    expect(taken.text).toEqual({ en: expect.stringMatching(/already a coder named "rina sari"/), id: expect.stringMatching(/Sudah ada pengode bernama "rina sari"/) });
    expect(await codersOf(client)).toEqual([{ name: 'Peneliti A', codings: 2 }, { name: 'Rina Sari', codings: 0 }]);
    client.session.close();
  });

  it('a rename keeps every coding, memo and comment with the coder, and keeps them coding here', async () => {
    const { client, documentId } = await codedProject();
    await client.invoke('memos.create', { title: 'Catatan', body: 'isi', target: { kind: 'project' } });
    const rina = await client.invoke('coders.add', { name: 'Rina' });
    const me = (await client.invoke('coders.list', {})).coders.find((c) => c.name === 'Peneliti A')!;
    const renamed = await client.invoke('coders.rename', { id: me.id, name: 'Dewi Lestari' });
    expect(renamed).toMatchObject({ id: me.id, guid: me.guid, name: 'Dewi Lestari', codings: 2 });
    expect((await client.invoke('codings.forDocument', { documentId })).map((c) => c.coderName)).toEqual(['Dewi Lestari', 'Dewi Lestari']);
    expect((await client.invoke('memos.list', {})).map((m) => m.author)).toEqual(['Dewi Lestari']);
    // Still the one coding here: the next coding is theirs, and so is the undo of the ones before.
    expect((await client.invoke('coders.list', {})).current).toBe('Dewi Lestari');
    await client.invoke('codings.apply', { documentId, codeId: (await client.invoke('codes.list', {}))[0]!.id, start: 0, end: 10 });
    expect(await codersOf(client)).toEqual([{ name: 'Dewi Lestari', codings: 3 }, { name: 'Rina', codings: 0 }]);
    expect((await client.invoke('history.state', {})).undo).toMatch(/Apply code/);

    const clash = await refused(client.invoke('coders.rename', { id: me.id, name: 'RINA' }));
    expect(clash.kind).toBe('conflict');
    expect((await refused(client.invoke('coders.rename', { id: rina.id, name: '' }))).kind).toBe('invalid_args');
    expect(await codersOf(client)).toEqual([{ name: 'Dewi Lestari', codings: 3 }, { name: 'Rina', codings: 0 }]);

    const coloured = await client.invoke('coders.setColour', { id: rina.id, colour: '#E15759' });
    expect(coloured.colour).toBe('#e15759');
    client.session.close();
  });

  it('"who is coding?" records the changes under the chosen coder, each undoing only their own', async () => {
    const { client, documentId, codeId } = await codedProject();
    const chosen = await client.invoke('coders.setCurrent', { name: 'Rina' });
    expect(chosen.current).toBe('Rina');
    expect(chosen.coders.map((c) => c.name)).toEqual(['Peneliti A', 'Rina']);
    await client.invoke('codings.apply', { documentId, codeId, start: 17, end: 24 });
    expect(await codersOf(client)).toEqual([{ name: 'Peneliti A', codings: 2 }, { name: 'Rina', codings: 1 }]);
    await client.invoke('history.undo', {});
    expect(await codersOf(client)).toEqual([{ name: 'Peneliti A', codings: 2 }, { name: 'Rina', codings: 0 }]);
    await refused(client.invoke('history.undo', {}));
    // An existing coder is chosen by name whatever its case, not added again.
    expect((await client.invoke('coders.setCurrent', { name: 'peneliti a' })).current).toBe('Peneliti A');
    expect((await client.invoke('coders.list', {})).coders).toHaveLength(2);
    expect((await refused(client.invoke('coders.setCurrent', { name: ' ' }))).kind).toBe('invalid_args');
    client.session.close();
  });

  // Not on PostgreSQL (TEMATIK_TEST_STORE): On a team server the coder is the login (coders.setCurrent is refused, src/team-server/roles.ts): nothing is remembered per machine.
  it.skipIf(onPostgres())('this machine remembers who codes each project, by the project\'s GUID, so a copy opens as the same coder', async () => {
    const { client } = await codedProject();
    client.session.close();
    const dataDir = tempDir('tematik-machine-');
    const onThisMachine = () => localClient({ coder: 'login-name', host: { kind: 'electron', dataDir } });
    const first = onThisMachine();
    await first.invoke('project.open', { path: client.file });
    expect(await first.invoke('coders.list', {})).toMatchObject({ current: 'login-name', chosen: false });
    expect(await first.invoke('coders.setCurrent', { name: 'Rina' })).toMatchObject({ current: 'Rina', chosen: true });
    first.session.close();

    const copy = path.join(tempDir(), 'salinan.tematik');
    fs.copyFileSync(client.file, copy);
    for (const file of [client.file, copy]) {
      const again = onThisMachine();
      await again.invoke('project.open', { path: file });
      expect(await again.invoke('coders.list', {})).toMatchObject({ current: 'Rina', chosen: true });
      again.session.close();
    }
    // Another project, and the same project on another machine, ask again.
    const other = await newProject('login-name');
    expect(await other.invoke('coders.list', {})).toMatchObject({ current: 'login-name', chosen: false });
    other.session.close();
    const elsewhere = localClient({ coder: 'login-name', host: { kind: 'electron', dataDir: tempDir('tematik-machine-') } });
    await elsewhere.invoke('project.open', { path: client.file });
    expect(await elsewhere.invoke('coders.list', {})).toMatchObject({ current: 'login-name', chosen: false });
    elsewhere.session.close();
  });
});
