import { describe, expect, it } from 'vitest';
import { localClient } from '../../../src/api/client';
import { SCHEMA_VERSION } from '../../../src/store/migrations/index';
import { projectAtVersion } from '../../helpers/old-format';

describe('migration 11: copy origin', () => {
  it('adds the empty copy_origin table to a project with rows, which then opens as no copy and asks who is coding', async () => {
    const file = projectAtVersion(10, (db) => {
      db.prepare(`INSERT INTO coders (id, guid, name, created_at) VALUES (1, '7f1c2a40-8d1e-4b7a-9a51-3c1d2e4f5a60', 'Ayu', '2025-01-01')`).run();
      db.prepare(`INSERT INTO codes (id, guid, name, colour, created_at) VALUES (1, '0b9c6a4e-2f3d-4e5a-8b7c-1d2e3f4a5b6c', 'trust', '#123456', '2025-01-01')`).run();
    });
    const client = localClient({ coder: 'Peneliti A' });
    await client.invoke('project.open', { path: file });
    const { db } = client.session.store;
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.prepare('SELECT count(*) FROM copy_origin').pluck().get()).toBe(0);
    expect((await client.invoke('codes.list', {})).map((c) => c.name)).toEqual(['trust']);
    expect(await client.invoke('coders.list', {})).toMatchObject({ current: 'Peneliti A', chosen: false });
    // One row at most, and a coder named.
    expect(() => db.prepare(`INSERT INTO copy_origin VALUES (2, 'g', 'n', 'Bima', 0, 'now', '{}')`).run()).toThrow(/CHECK/);
    expect(() => db.prepare(`INSERT INTO copy_origin VALUES (1, 'g', 'n', ' ', 0, 'now', '{}')`).run()).toThrow(/CHECK/);
    client.session.close();
  });
});
