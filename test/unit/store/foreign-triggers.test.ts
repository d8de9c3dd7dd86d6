import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { localClient, type LocalClient } from '../../../src/api/client';
import { sampleProjectFile } from '../../helpers/project-files';
import { projectAtVersion } from '../../helpers/old-format';
import { tempDir } from '../../helpers/temp-project';

const clients: LocalClient[] = [];
afterEach(() => { for (const c of clients.splice(0)) c.session.close(); });

function client(): LocalClient {
  const c = localClient({ coder: 'Peneliti A' });
  clients.push(c);
  return c;
}

const triggers = (file: string): Record<string, string> => {
  const db = new Database(file, { readonly: true });
  try {
    return Object.fromEntries((db.prepare(`SELECT name, sql FROM sqlite_schema WHERE type = 'trigger'`).all() as { name: string; sql: string }[]).map((r) => [r.name, r.sql]));
  } finally { db.close(); }
};

describe('triggers in a project file', () => {
  it('a project Tematik made opens with no notice and its triggers untouched', async () => {
    const file = await sampleProjectFile();
    const before = triggers(file);
    expect(Object.keys(before).length).toBeGreaterThan(40);
    const info = await client().invoke('project.open', { path: file });
    expect(info.notices).toEqual([]);
    clients.splice(0).forEach((c) => c.session.close());
    expect(triggers(file)).toEqual(before);
  });

  it('a project migrated from format 5 carries exactly the triggers of a new one', async () => {
    const file = projectAtVersion(5);
    const info = await client().invoke('project.open', { path: file });
    expect(info.notices.map((n) => n.en).join(' ')).not.toMatch(/trigger/);
    clients.splice(0).forEach((c) => c.session.close());
    const fresh = path.join(tempDir(), 'baru.tematik');
    await client().invoke('project.create', { path: fresh });
    clients.splice(0).forEach((c) => c.session.close());
    expect(triggers(file)).toEqual(triggers(fresh));
  });

  it('a trigger hidden in a shared project is removed before it can touch the user\'s work, and an altered one of ours is put back', async () => {
    const file = await sampleProjectFile();
    const ours = triggers(file);
    const db = new Database(file);
    // The colleague's "sample": every coding the user makes quietly deletes the journal, and texts may be rewritten again.
    db.exec(`CREATE TRIGGER "zz_wipe" AFTER INSERT ON codings BEGIN DELETE FROM memos; END`);
    db.exec('DROP TRIGGER documents_text_with_hash');
    db.exec('DROP TRIGGER search_code_added');
    db.exec(`CREATE TRIGGER search_code_added AFTER INSERT ON codes BEGIN DELETE FROM codings; END`);
    db.close();

    const c = client();
    const info = await c.invoke('project.open', { path: file });
    expect(info.notices.map((n) => n.en)).toEqual([expect.stringMatching(/contained 3 database trigger\(s\) that Tematik did not make or that had been altered \((?=.*zz_wipe)(?=.*documents_text_with_hash)(?=.*search_code_added).*\)/)]);
    expect(info.notices[0]!.id).toMatch(/berisi 3 trigger basis data/);

    await c.invoke('memos.create', { kind: 'journal', body: 'Catatan reflektif.', target: { kind: 'project' } });
    const memos = (await c.invoke('memos.list', {})).length;
    const docs = await c.invoke('documents.list', {});
    const code = await c.invoke('codes.create', { name: 'kepercayaan' });
    await c.invoke('codings.apply', { documentId: docs[0]!.id, codeId: code.id, start: 0, end: 20 });
    expect((await c.invoke('memos.list', {})).length).toBe(memos);
    expect(await c.invoke('codings.forDocument', { documentId: docs[0]!.id })).toHaveLength(1);
    clients.splice(0).forEach((x) => x.session.close());
    expect(triggers(file)).toEqual(ours);

    // Put right once: the next opening has nothing to say.
    expect((await client().invoke('project.open', { path: file })).notices).toEqual([]);
  });

  it('a trigger whose name holds quotes and spaces is removed too: the name is quoted as SQL, not pasted in', async () => {
    const file = await sampleProjectFile();
    const ours = triggers(file);
    const db = new Database(file);
    db.exec(`CREATE TRIGGER "zz ""wipe""; DROP TABLE codes" AFTER INSERT ON codings BEGIN DELETE FROM memos; END`);
    db.close();
    const info = await client().invoke('project.open', { path: file });
    expect(info.notices.map((n) => n.en)).toEqual([expect.stringMatching(/contained 1 database trigger\(s\) .*zz "wipe"; DROP TABLE codes/)]);
    clients.splice(0).forEach((x) => x.session.close());
    expect(triggers(file)).toEqual(ours);
  });

  it('a project opened read-only is left as it is: nothing is written, and nothing can fire', async () => {
    const file = await sampleProjectFile();
    const db = new Database(file);
    db.exec(`CREATE TRIGGER "zz_wipe" AFTER INSERT ON codings BEGIN DELETE FROM memos; END`);
    db.close();
    const before = triggers(file);
    const info = await client().invoke('project.open', { path: file, readOnly: true });
    expect(info.readOnly).toBe('requested');
    clients.splice(0).forEach((c) => c.session.close());
    expect(triggers(file)).toEqual(before);
  });
});
