import { describe, expect, it } from 'vitest';
import { localClient } from '../../../src/api/client';
import { beginStep, endStep, installHistoryTriggers } from '../../../src/store/history';
import { SCHEMA_VERSION } from '../../../src/store/migrations/index';
import { projectAtVersion } from '../../helpers/old-format';

const G = {
  ayu: '7f1c2a40-8d1e-4b7a-9a51-3c1d2e4f5a60', rina: '7f1c2a40-8d1e-4b7a-9a51-3c1d2e4f5a61',
  theme1: '0b9c6a4e-2f3d-4e5a-8b7c-1d2e3f4a5b01', theme2: '0b9c6a4e-2f3d-4e5a-8b7c-1d2e3f4a5b02', link: '0b9c6a4e-2f3d-4e5a-8b7c-1d2e3f4a5b03',
  c1: 'c0c0c0c0-0000-4000-8000-000000000001', c2: 'c0c0c0c0-0000-4000-8000-000000000002', c3: 'c0c0c0c0-0000-4000-8000-000000000003',
};

/**
 * A project as version 12 left it: comments on a theme and a link (one resolved), and two undo
 * steps of Rina's recorded by version 12's own triggers: one wrote a comment, the next deleted
 * another. Undoing and redoing them after the upgrade replays rows of the old table's shape.
 */
function version12Project(): string {
  return projectAtVersion(12, (db) => {
    db.exec(`
INSERT INTO coders (id, guid, name, created_at) VALUES (1, '${G.ayu}', 'Ayu', '2025-01-01'), (2, '${G.rina}', 'Rina', '2025-01-02');
INSERT INTO themes (id, guid, name, colour, created_at, updated_at) VALUES (1, '${G.theme1}', 'Platform digital', '#59a14f', 'x', 'x'), (2, '${G.theme2}', 'Kepercayaan pelanggan', '#edc948', 'x', 'x');
INSERT INTO theme_links (id, guid, from_theme_id, to_theme_id, kind, created_at) VALUES (1, '${G.link}', 1, 2, 'influences', 'x');
INSERT INTO comments (id, guid, theme_id, link_id, author_id, body, created_at, resolved_at, resolved_by)
  VALUES (1, '${G.c1}', 1, NULL, 1, 'Definisinya terlalu luas?', '2025-02-01T10:00:00.000Z', NULL, NULL),
         (2, '${G.c2}', NULL, 1, 2, 'Arah panahnya benar?', '2025-02-02T10:00:00.000Z', '2025-02-03T10:00:00.000Z', 1);
`);
    installHistoryTriggers(db);
    beginStep(db, 'Comment on theme 2', 'comments.add', 2);
    db.prepare(`INSERT INTO comments (id, guid, theme_id, author_id, body, created_at) VALUES (3, '${G.c3}', 2, 2, 'Bukti dari konsumen?', '2025-02-04T10:00:00.000Z')`).run();
    endStep(db);
    beginStep(db, 'Delete theme link', 'themeLinks.delete', 2);
    db.prepare('DELETE FROM comments WHERE id = 2').run();
    endStep(db);
  });
}

describe('migration 13: comments on codes and codings, reviewers', () => {
  it('keeps every comment with its id, GUID, author and resolution, and undo and redo of steps recorded before it', async () => {
    const client = localClient({ coder: 'Rina' });
    const info = await client.invoke('project.open', { path: version12Project() });
    const { db } = client.session.store;
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    // The history was kept, not cleared as damaged.
    expect(info.notices).toEqual([]);
    expect(db.prepare('SELECT id, guid, theme_id, link_id, author_id, reviewer_name FROM comments ORDER BY id').all()).toEqual([
      { id: 1, guid: G.c1, theme_id: 1, link_id: null, author_id: 1, reviewer_name: null },
      { id: 3, guid: G.c3, theme_id: 2, link_id: null, author_id: 2, reviewer_name: null },
    ]);
    const before = await client.invoke('comments.list', {});

    // The delete recorded by version 12 puts the row back whole, resolution and GUID included.
    await client.invoke('history.undo', {});
    expect(await client.invoke('comments.list', { target: { kind: 'link', id: 1 } })).toEqual([{
      id: 2, guid: G.c2, target: { kind: 'link', id: 1 }, author: 'Rina', review: null, unplaced: null, body: 'Arah panahnya benar?',
      createdAt: '2025-02-02T10:00:00.000Z', resolvedAt: '2025-02-03T10:00:00.000Z', resolvedBy: 'Ayu',
    }]);
    await client.invoke('history.undo', {});
    expect((await client.invoke('comments.list', {})).map((c) => c.guid)).toEqual([G.c1, G.c2]);
    await client.invoke('history.redo', {});
    await client.invoke('history.redo', {});
    expect(await client.invoke('comments.list', {})).toEqual(before);

    // Comments on codes and quotes now have a place; the table's rules still hold.
    const code = await client.invoke('codes.create', { name: 'kepercayaan' });
    const added = await client.invoke('comments.add', { target: { kind: 'code', id: code.id }, body: 'Bedanya dengan loyalitas?' });
    expect(added).toMatchObject({ target: { kind: 'code', id: code.id }, author: 'Rina', review: null });
    expect(() => db.prepare(`INSERT INTO comments (guid, theme_id, code_id, author_id, body, created_at) VALUES ('g1', 1, ${code.id}, 1, 'dua target', 'x')`).run()).toThrow(/CHECK/);
    expect(() => db.prepare(`INSERT INTO comments (guid, theme_id, author_id, reviewer_name, package_guid, body, created_at) VALUES ('g2', 1, 1, 'Dr. Sari', 'p', 'dua penulis', 'x')`).run()).toThrow(/CHECK/);
    expect(() => db.prepare(`INSERT INTO comments (guid, theme_id, body, created_at) VALUES ('g3', 1, 'tanpa penulis', 'x')`).run()).toThrow(/CHECK/);
    expect(() => db.prepare(`INSERT INTO comments (guid, author_id, unplaced_kind, unplaced_guid, unplaced_label, body, created_at) VALUES ('g4', 1, 'theme', 'x', 'y', 'tempat hilang', 'x')`).run()).toThrow(/CHECK/);
    expect(() => db.prepare(`INSERT INTO comments (theme_id, author_id, body, created_at) VALUES (1, 1, 'tanpa GUID', 'x')`).run()).toThrow(/guid is required/);
    expect(() => db.prepare(`UPDATE comments SET guid = 'lain' WHERE id = 1`).run()).toThrow(/guid never changes/);
    client.session.close();
  });
});
