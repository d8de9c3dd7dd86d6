import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listBackups } from '../../../src/store/backup';
import { useNativeBinding } from '../../../src/store/native-binding';
import { ProjectStore } from '../../../src/store/project-store';
import { readCopy } from '../../../src/team/read-copy';
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

  it('is the one projects and coders\' copies are opened with', async () => {
    const client = await newProject('Peneliti A');
    const file = client.session.project.file;
    client.session.close();
    const store = ProjectStore.open(file, 'Peneliti A');
    store.close();

    const missing = path.join(tempDir(), 'better_sqlite3.node');
    useNativeBinding(missing);
    const failure = (open: () => unknown): string => {
      try {
        open();
      } catch (error) {
        return String((error as Error).message);
      }
      return 'opened';
    };
    expect(failure(() => ProjectStore.open(file, 'Peneliti A').close())).toContain(missing);
    expect(failure(() => readCopy(file, null))).toContain(missing);
  });
});
