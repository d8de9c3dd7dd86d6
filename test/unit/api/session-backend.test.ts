import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { localClient } from '../../../src/api/client';
import type { TematikError } from '../../../src/domain/errors';
import type { OpenProject, ProjectBackend } from '../../../src/store/backend';
import { projectBackend } from '../../../src/store/backends';
import type { ProjectData } from '../../../src/store/project-data';
import { SAMPLE_SHEET, SAMPLE_STUDY, tempDir } from '../../helpers/temp-project';

/**
 * The session opens projects only through its backend, and the handlers and import writers change
 * them only through the store interface: a backend passed in is the one every action reaches. Here
 * it is SQLite under a wrapper that records what was asked of it, as a second backend would be asked.
 */
function recordingBackend() {
  const calls: string[] = [];
  const sqlite = projectBackend();
  const wrap = (project: OpenProject): OpenProject => {
    const data = new Proxy(project.data, {
      get(target, name, receiver) {
        const value = Reflect.get(target, name, receiver) as unknown;
        if (name !== 'change' || typeof value !== 'function') return value;
        const change: ProjectData['change'] = (record, body, summarise) => {
          calls.push(`change ${record.action}`);
          return target.change(record, body, summarise);
        };
        return change;
      },
    });
    return {
      data,
      get file() { return project.file; },
      get readOnly() { return project.readOnly; },
      get committed() { return project.committed; },
      get coder() { return project.coder; },
      actAs: (name) => { calls.push(`actAs ${name}`); project.actAs(name); },
      projectGuid: () => project.projectGuid(),
      copyCoder: () => project.copyCoder(),
      backUpForToday: () => { calls.push('backUpForToday'); return project.backUpForToday(); },
      failure: (error) => { calls.push('failure (project)'); return project.failure(error); },
      close: () => { calls.push('close'); return project.close(); },
    };
  };
  const backend: ProjectBackend = {
    create: async (file, name, opener) => { calls.push(`create ${path.basename(file)} "${name}" by ${opener.coder} (${opener.app})`); return wrap(await sqlite.create(file, name, opener)); },
    open: async (file, opener) => { calls.push(`open ${path.basename(file)}`); return wrap(await sqlite.open(file, opener)); },
    readOnly: async (file, opener) => { calls.push(`readOnly ${path.basename(file)}`); return wrap(await sqlite.readOnly(file, opener)); },
    failure: (error) => { calls.push('failure (none open)'); return sqlite.failure(error); },
    isBusy: (error) => sqlite.isBusy(error),
  };
  return { backend, calls };
}

describe('a session on a backend of its own', () => {
  it('creates, opens and reopens read-only through it, and imports through the store interface it gives', async () => {
    const { backend, calls } = recordingBackend();
    const client = localClient({ coder: 'Peneliti A', backend });
    const file = path.join(tempDir(), 'study.tematik');

    await client.invoke('project.create', { path: file, name: 'Co-creation UMKM' });
    expect(calls).toEqual([`create study.tematik "Co-creation UMKM" by Peneliti A (cli)`, 'backUpForToday']);

    calls.length = 0;
    const report = await client.invoke('import.folder', { folder: SAMPLE_STUDY, sheet: SAMPLE_SHEET });
    expect(report.imported.length).toBeGreaterThan(5);
    expect(calls).toEqual(['change import']);
    // The import's one change named its undo step by what it stored.
    expect((await client.invoke('history.state', {})).undo).toBe(`Import ${report.imported.length} document(s)`);

    calls.length = 0;
    await client.invoke('coders.setCurrent', { name: 'Peneliti B' });
    expect(calls).toContain('actAs Peneliti B');

    calls.length = 0;
    await client.invoke('project.open', { path: file, readOnly: true });
    expect(calls).toEqual(['close', 'readOnly study.tematik', 'backUpForToday']);
    expect((await client.invoke('project.info', {})).readOnly).toBe('requested');

    calls.length = 0;
    const refused = await client.invoke('codes.create', { name: 'Kepercayaan' }).then(() => null, (error: unknown) => error as TematikError);
    expect(refused?.kind).toBe('read_only');
    // The refusal went through the change, and its failure was the open project's to explain.
    expect(calls).toEqual(['change codes.create', 'failure (project)']);
    client.session.close();

    calls.length = 0;
    const missing = await client.invoke('project.open', { path: path.join(tempDir(), 'nowhere.tematik') }).then(() => null, (error: unknown) => error);
    expect(missing).not.toBeNull();
    expect(calls).toEqual(['open nowhere.tematik', 'failure (none open)']);
  });
});
