import { describe, expect, it } from 'vitest';
import { search } from '../../../src/search/search';
import { SCHEMA_VERSION } from '../../../src/store/migrations/index';
import { ProjectStore } from '../../../src/store/project-store';
import { projectAtVersion } from '../../helpers/old-format';

/** Emoji, an accent and CJK before the hits: UTF-16 units, code points and UTF-8 bytes all differ. */
const TEXT = 'Pewawancara: Mulai 😍 dari mana?\n\nNarasumber: Café 中文 kami, kopi 👍🏽 dari petani.\n\nPewawancara: Lalu?\n\nNarasumber: Kopi 🎉 itu terbaik.';

/** A project file as version 6 left it, its search index built with code point ranges. */
function version6Project(): string {
  return projectAtVersion(6, (db) => {
    db.prepare(`INSERT INTO documents (id, title, source_name, format, encoding, content_hash, text, word_count, imported_at)
      VALUES (1, 'P-01', 'P-01.txt', 'txt', 'utf-8', 'h', ?, 20, '2025-01-01')`).run(TEXT);
    db.prepare(`INSERT INTO coders (id, name, created_at) VALUES (1, 'Peneliti A', '2025-01-01')`).run();
    db.prepare(`INSERT INTO memos (id, title, body, author_id, created_at, updated_at) VALUES (1, 'Kopi 😍', 'catatan', 1, 'x', 'x')`).run();
    const turns = [...TEXT.matchAll(/: ([^\n]+)/g)].map((m) => [m.index + 2, m.index + 2 + m[1]!.length] as const);
    const unit = db.prepare(`INSERT INTO search_units (document_id, memo_id, start_offset, end_offset, point_start, point_end) VALUES (?, ?, ?, ?, ?, ?)`);
    const fts = db.prepare('INSERT INTO search_fts (rowid, stems) VALUES (?, ?)');
    const points = (offset: number) => [...TEXT.slice(0, offset)].length;
    for (const [start, end] of turns) {
      const id = unit.run(1, null, start, end, points(start), points(end)).lastInsertRowid;
      fts.run(id, TEXT.slice(start, end).toLowerCase().replace(/[^\p{L} ]/gu, ' '));
    }
    fts.run(unit.run(null, 1, 0, 15, 0, 14).lastInsertRowid, 'kopi catatan');
    // Indexed: nothing left for the next search to redo.
    db.exec('DELETE FROM search_dirty');
  });
}

describe('migration 8: search units by byte', () => {
  it('gives every unit its range in UTF-8 bytes, and keyword-in-context lines cut by it read what the text says', () => {
    const store = ProjectStore.open(version6Project(), 'Peneliti A');
    const { db } = store;
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(8);
    expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(8);
    const columns = db.prepare(`SELECT name FROM pragma_table_info('search_units')`).pluck().all();
    expect(columns).toEqual(expect.arrayContaining(['byte_start', 'byte_end']));
    expect(columns).not.toContain('point_start');
    const units = db.prepare('SELECT document_id AS doc, start_offset AS start, end_offset AS end, byte_start AS byteStart, byte_end AS byteEnd FROM search_units ORDER BY id').all() as
      { doc: number | null; start: number; end: number; byteStart: number; byteEnd: number }[];
    expect(units).toHaveLength(5);
    for (const u of units.filter((u) => u.doc !== null)) {
      expect([u.byteStart, u.byteEnd]).toEqual([Buffer.byteLength(TEXT.slice(0, u.start)), Buffer.byteLength(TEXT.slice(0, u.end))]);
    }
    expect(units[4]).toMatchObject({ doc: null, byteStart: 0, byteEnd: Buffer.byteLength('Kopi 😍\ncatatan') });

    const { hits } = search(db, { query: 'kopi', sort: 'document', filters: { scope: ['documents'] } });
    expect(hits.map((h) => [h.match, h.after])).toEqual([['kopi', ' 👍🏽 dari petani.'], ['Kopi', ' 🎉 itu terbaik.']]);
    expect(hits[0]!.before).toBe('Café 中文 kami, ');
    for (const hit of hits) expect(TEXT.slice(hit.start, hit.end)).toBe(hit.match);
    store.close();
  });
});
