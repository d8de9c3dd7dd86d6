import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listBackups } from '../../../src/store/backup';
import { useNativeBinding } from '../../../src/store/native-binding';
import { newProject, tempDir } from '../../helpers/temp-project';

/**
 * In the app the core must load Electron's build of better-sqlite3 for every file it opens: one
 * opened with the default (Node's) build fails there only. A binary that cannot be loaded stands
 * in for the wrong one, so a file opened without the thread's binary shows up here too.
 */
describe('the SQLite binary of the thread', () => {
  afterEach(() => useNativeBinding(undefined));

  it('is the one backups are read with', async () => {
    const client = await newProject('Peneliti A');
    await client.invoke('backup.create', {});
    const file = client.session.project.file;
    client.session.close();
    expect(listBackups(file).backups.map((b) => b.projectName)).toEqual([expect.any(String)]);

    const missing = path.join(tempDir(), 'better_sqlite3.node');
    useNativeBinding(missing);
    const [entry] = listBackups(file).backups;
    expect(entry!.projectName).toBeNull();
    expect(entry!.problem?.en).toContain(missing);
  });
});
