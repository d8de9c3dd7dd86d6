import { describe, expect, it } from 'vitest';
import { localClient } from '../../../src/api/client';
import { SCHEMA_VERSION } from '../../../src/store/migrations/index';
import { projectAtVersion } from '../../helpers/old-format';
import { SAMPLE_STUDY } from '../../helpers/temp-project';

const triggers = (db: import('better-sqlite3').Database) => db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'search_turns_%' ORDER BY name`).pluck().all();

describe('migration 10: turns marked by their document', () => {
  it('drops the mark of each new turn, and the index still follows imports, their undo and their redo', async () => {
    const client = localClient({ coder: 'Peneliti A' });
    await client.invoke('project.open', { path: projectAtVersion(8) });
    const { db } = client.session.store;
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(triggers(db)).toEqual(['search_turns_removed']);

    await client.invoke('import.folder', { folder: SAMPLE_STUDY });
    const found = async () => {
      const result = await client.invoke('search.query', { query: 'pelanggan' });
      return [result.passages, result.hits.map((h) => [h.documentId, h.start, h.end])];
    };
    const imported = await found();
    expect(imported[0]).toBeGreaterThan(3);
    await client.invoke('history.undo', {});
    expect((await found())[0]).toBe(0);
    // Redo puts each document back before its turns: the document's own mark has its turns indexed.
    await client.invoke('history.redo', {});
    expect(await found()).toEqual(imported);
    expect(db.prepare('SELECT count(*) FROM search_dirty').pluck().get()).toBe(0);
    client.session.close();
  });
});
