import { describe, expect, it } from 'vitest';
import { localClient } from '../../../src/api/client';
import { SCHEMA_VERSION } from '../../../src/store/migrations/index';
import { projectAtVersion } from '../../helpers/old-format';

describe('migration 15: de-identification key and kinds of names to hide', () => {
  // From 12, the last version before the issue-15 work began: the migrations between run on the way.
  it('keeps the names to hide as names of kind "other" and adds an empty key', async () => {
    const file = projectAtVersion(12, (db) => {
      db.prepare(`INSERT INTO redactions (id, term, replacement, created_at) VALUES (1, 'Kopi Lereng', '[kedai kopi]', '2025-01-01')`).run();
    });
    const client = localClient({ coder: 'Peneliti A' });
    await client.invoke('project.open', { path: file });
    const { db } = client.session.store;
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(await client.invoke('redactions.list', {})).toMatchObject([{ term: 'Kopi Lereng', replacement: '[kedai kopi]', kind: 'other' }]);
    expect(await client.invoke('deid.key', {})).toEqual([]);
    expect(() => db.prepare(`UPDATE redactions SET kind = 'village' WHERE id = 1`).run()).toThrow(/CHECK/);
    // A listed name gets a kind; the key pairs a name with one pseudonym once, in any case.
    await client.invoke('redactions.update', { id: 1 as never, kind: 'business' });
    expect((await client.invoke('redactions.list', {}))[0]!.kind).toBe('business');
    db.prepare(`INSERT INTO deid_key (name, pseudonym, kind, replaced, first_applied_at, last_applied_at) VALUES ('Joko', '[A-01]', 'informant', 2, 'a', 'a')`).run();
    expect(() => db.prepare(`INSERT INTO deid_key (name, pseudonym, kind, replaced, first_applied_at, last_applied_at) VALUES ('JOKO', '[A-01]', 'informant', 1, 'a', 'a')`).run()).toThrow(/UNIQUE/);
    expect(() => db.prepare(`INSERT INTO deid_key (name, pseudonym, kind, replaced, first_applied_at, last_applied_at) VALUES ('Joko', '[A-01]', 'alien', 1, 'a', 'a')`).run()).toThrow(/CHECK/);
    client.session.close();
  });
});
