import { describe, expect, it } from 'vitest';
import type { CodeId } from '../../../src/domain/ids';
import { createCode, deleteCode } from '../../../src/store/codes';
import { beginStep, endStep, historyIsSound, installHistoryTriggers } from '../../../src/store/history';
import { SCHEMA_VERSION } from '../../../src/store/migrations/index';
import { ProjectStore } from '../../../src/store/project-store';
import { GUID_TABLES } from '../../../src/store/row-guid';
import { projectAtVersion } from '../../helpers/old-format';

const V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/**
 * A project as version 8 left it: one row or more of every table that travels, two coders, a
 * journal entry, and an undo step (recorded by version 8's own triggers) that deleted a code.
 */
function version8Project(): string {
  return projectAtVersion(8, (db) => {
    db.exec(`
INSERT INTO coders (id, name, created_at) VALUES (1, 'Peneliti A', '2025-01-01'), (2, 'Rina', '2025-01-02');
INSERT INTO informant_types (id, name) VALUES (1, 'Pemilik UMKM');
INSERT INTO informants (id, label, type_id, created_at) VALUES (1, 'P-01', 1, '2025-01-01'), (2, 'P-02', 1, '2025-01-01');
INSERT INTO attributes (id, name) VALUES (1, 'Kota');
INSERT INTO informant_attributes (informant_id, attribute_id, value) VALUES (1, 1, 'Bandung');
INSERT INTO documents (id, title, source_name, format, encoding, content_hash, text, word_count, imported_at)
  VALUES (1, 'P-01', 'P-01.txt', 'txt', 'utf-8', 'h', 'Narasumber: Kami polling di Instagram dulu.', 6, '2025-01-01');
INSERT INTO document_informants (document_id, informant_id) VALUES (1, 1);
INSERT INTO codes (id, name, colour, created_at) VALUES (1, 'polling', '#4e79a7', '2025-01-01'), (2, 'Instagram', '#f28e2b', '2025-01-01');
INSERT INTO codings (id, document_id, code_id, coder_id, start_offset, end_offset, quote, created_at)
  VALUES (1, 1, 1, 1, 17, 24, 'polling', '2025-01-02'), (2, 1, 1, 2, 17, 24, 'polling', '2025-01-02');
INSERT INTO themes (id, name, colour, created_at, updated_at) VALUES (1, 'Platform digital', '#59a14f', 'x', 'x'), (2, 'Kepercayaan', '#edc948', 'x', 'x');
INSERT INTO theme_codes (theme_id, code_id) VALUES (1, 1);
INSERT INTO theme_links (id, from_theme_id, to_theme_id, kind, created_at) VALUES (1, 1, 2, 'influences', 'x');
INSERT INTO memos (id, kind, title, body, author_id, created_at, updated_at) VALUES (1, 'memo', 'Catatan', 'isi', 1, 'x', 'x'), (2, 'journal', '', 'refleksi', 2, 'x', 'x');
INSERT INTO comments (id, theme_id, author_id, body, created_at) VALUES (1, 1, 2, 'Definisinya?', 'x');
`);
    // Version 8's capture records Rina deleting the code "Instagram", as that version did.
    installHistoryTriggers(db);
    beginStep(db, 'Delete code "Instagram"', 'codes.delete', 2);
    db.prepare('DELETE FROM codes WHERE id = 2').run();
    endStep(db);
  });
}

const rowCounts = (store: ProjectStore) => Object.fromEntries(
  [...GUID_TABLES, 'informant_attributes', 'document_informants', 'theme_codes'].map((t) => [t, store.db.prepare(`SELECT count(*) FROM ${t}`).pluck().get()]),
);

describe('migration 9: a GUID for every row that travels', () => {
  it('keeps every row and gives each a unique version 4 GUID, and each coder a colour', () => {
    const store = ProjectStore.open(version8Project(), 'Peneliti A');
    const { db } = store;
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(rowCounts(store)).toEqual({
      coders: 2, informant_types: 1, informants: 2, attributes: 1, documents: 1, codes: 1, codings: 2, themes: 2, theme_links: 1,
      memos: 2, comments: 1, informant_attributes: 1, document_informants: 1, theme_codes: 1,
    });
    expect(db.prepare('SELECT coder_id, quote FROM codings ORDER BY id').all()).toEqual([{ coder_id: 1, quote: 'polling' }, { coder_id: 2, quote: 'polling' }]);
    const guids = GUID_TABLES.flatMap((t) => db.prepare(`SELECT guid FROM ${t}`).pluck().all() as string[]);
    expect(guids).toHaveLength(16);
    for (const guid of guids) expect(guid).toMatch(V4);
    expect(new Set(guids).size).toBe(guids.length);
    expect(db.prepare('SELECT name, colour FROM coders ORDER BY id').all()).toEqual([{ name: 'Peneliti A', colour: '#4e79a7' }, { name: 'Rina', colour: '#f28e2b' }]);
    expect(historyIsSound(db)).toBe(true);
    store.close();
  });

  it('refuses a row without a GUID and any change of one; a new row gets its own', () => {
    const store = ProjectStore.open(version8Project(), 'Peneliti A');
    const { db } = store;
    expect(() => db.prepare(`INSERT INTO codes (name, colour, created_at) VALUES ('tanpa', '#000000', 'x')`).run()).toThrow(/codes\.guid is required/);
    expect(() => db.prepare(`UPDATE documents SET guid = '7a1c2d3e-0000-4000-8000-000000000001'`).run()).toThrow(/documents\.guid never changes/);
    expect(() => db.prepare('UPDATE memos SET guid = NULL WHERE id = 1').run()).toThrow(/memos\.guid never changes/);
    const taken = db.prepare('SELECT guid FROM codes WHERE id = 1').pluck().get() as string;
    expect(() => db.prepare(`INSERT INTO codes (guid, name, colour, created_at) VALUES (?, 'kembar', '#000000', 'x')`).run(taken)).toThrow(/UNIQUE/);
    const id = store.change({ action: 'codes.create', summary: 'Create "baru"', args: {} }, () => createCode(db, { name: 'baru' }));
    expect(db.prepare('SELECT guid FROM codes WHERE id = ?').pluck().get(id)).toMatch(V4);
    store.close();
  });

  it('undo brings a deleted row back with the same GUID, whether deleted before the upgrade or after', () => {
    const file = version8Project();
    const rina = ProjectStore.open(file, 'Rina');
    const { db } = rina;
    const guidOf = (name: string) => db.prepare('SELECT guid FROM codes WHERE name = ?').pluck().get(name) as string | undefined;
    // Deleted by version 8: the recorded row got its GUID in the migration, so undo and redo keep one.
    expect(rina.undo()).toBe('Delete code "Instagram"');
    const restored = guidOf('Instagram');
    expect(restored).toMatch(V4);
    rina.redo();
    expect(guidOf('Instagram')).toBeUndefined();
    rina.undo();
    expect(guidOf('Instagram')).toBe(restored);
    // Deleted now: the same GUID comes back, and again after redo and undo.
    const polling = guidOf('polling')!;
    rina.change({ action: 'codes.delete', summary: 'Delete code "polling"', args: {} }, () => deleteCode(db, 1 as CodeId));
    expect(db.prepare('SELECT count(*) FROM codings').pluck().get()).toBe(0);
    const codingGuids = () => db.prepare('SELECT guid FROM codings ORDER BY id').pluck().all();
    rina.undo();
    expect(guidOf('polling')).toBe(polling);
    const codings = codingGuids();
    expect(codings).toHaveLength(2);
    rina.redo();
    rina.undo();
    expect(guidOf('polling')).toBe(polling);
    expect(codingGuids()).toEqual(codings);
    rina.close();
  });
});
