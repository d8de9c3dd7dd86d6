import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { invoker } from '../../../src/api/dispatch';
import { cancellable } from '../../../src/domain/cancellation';
import { tempDir } from '../../helpers/temp-project';
import { storedFile } from '../../helpers/test-store';
import { populatedProject } from './fixture';

/** Every row of every table (virtual ones through their shadow tables), so "nothing changed" can be checked. */
function dump(file: string): Record<string, string[]> {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name").pluck().all() as string[];
    return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT * FROM "${t}"`).all().map((row) => JSON.stringify(row)).sort()]));
  } finally {
    db.close();
  }
}

describe('a cancelled REFI-QDA project export', () => {
  it('stops before anything is written, leaves no file or partial file, and changes nothing in the project', async () => {
    const { client } = await populatedProject();
    // What the store keeps: the project file, or on PostgreSQL a copy of what the database holds.
    const before = dump(await storedFile(client.file));
    expect(before['codings']!.length).toBeGreaterThan(0);
    const folder = tempDir('tematik-qdpx-');
    const output = path.join(folder, 'studi.qdpx');
    // The user cancels as the export's first progress report reaches the window; the host sets this flag then.
    const flag = new Int32Array(new SharedArrayBuffer(4));
    const reported: number[] = [];
    const invoke = invoker({ session: client.session, progress: (p) => { reported.push(p.done); Atomics.store(flag, 0, 1); } });
    await expect(cancellable(flag, () => invoke('refi.exportProject', { path: output }))).rejects.toMatchObject({
      kind: 'cancelled', text: { en: 'Cancelled: nothing was changed.', id: 'Dibatalkan: tidak ada yang diubah.' },
    });
    // Stopped inside the archive's sources, before its last step.
    expect(reported).toEqual([0]);
    expect(fs.readdirSync(folder)).toEqual([]);
    expect(dump(await storedFile(client.file))).toEqual(before);

    // Not cancelled, the same export is written, and it is the only file in the folder.
    expect(await invoke('refi.exportProject', { path: output })).toMatchObject({ path: output });
    expect(fs.readdirSync(folder)).toEqual(['studi.qdpx']);
    client.session.close();
  });
});
