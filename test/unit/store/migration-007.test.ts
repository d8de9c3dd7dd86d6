import { describe, expect, it } from 'vitest';
import { listDocuments } from '../../../src/store/documents';
import { SCHEMA_VERSION } from '../../../src/store/migrations/index';
import { projectStats } from '../../../src/store/project';
import { ProjectStore } from '../../../src/store/project-store';
import { projectAtVersion } from '../../helpers/old-format';

/** A project file as version 6 of Tematik left it, with two transcripts (one of them with emoji, whose length is in characters). */
function version6Project(): string {
  return projectAtVersion(6, (db) => {
    const insert = db.prepare(`INSERT INTO documents (id, title, source_name, format, encoding, content_hash, text, word_count, imported_at)
      VALUES (?, ?, ?, 'txt', 'utf-8', ?, ?, ?, '2025-01-01')`);
    insert.run(1, 'p-02', 'P-02.txt', 'a', 'Narasumber: Kami polling di Instagram dulu 🙂.', 7);
    insert.run(2, 'K-01', 'K-01.txt', 'b', 'Narasumber: Saya ikut memilih warna.', 5);
  });
}

describe('migration 7: covering indexes', () => {
  it('lists documents and sums their words from the index, with the same answers as from the table', () => {
    const file = version6Project();
    const store = ProjectStore.open(file, 'Peneliti A');
    try {
      const { db } = store;
      expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      expect(listDocuments(db).map((d) => [d.title, d.wordCount, d.charCount, d.importedAt])).toEqual([
        ['K-01', 5, 'Narasumber: Saya ikut memilih warna.'.length, '2025-01-01'],
        // length() counts characters: the emoji is one, not the two UTF-16 units JavaScript counts.
        ['p-02', 7, [...'Narasumber: Kami polling di Instagram dulu 🙂.'].length, '2025-01-01'],
      ]);
      expect(projectStats(db).words).toBe(12);
      // The transcripts' pages are not read: both queries are answered by the index alone.
      const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join('\n');
      expect(plan('SELECT ifnull(sum(word_count), 0) FROM documents')).toContain('COVERING INDEX documents_summary');
      expect(plan(`SELECT d.id, d.title, d.source_name, d.format, d.encoding, d.word_count, length(d.text), d.imported_at FROM documents d ORDER BY d.title COLLATE NOCASE, d.id`))
        .toMatch(/^SCAN d USING COVERING INDEX documents_summary/);
      // Triangulation's integer columns of every coding and turn come from indexes too.
      expect(plan(`SELECT count(*), group_concat(document_id), group_concat(start_offset), group_concat(end_offset), group_concat(code_id) FROM codings`)).toContain('COVERING INDEX codings_span');
      expect(plan(`SELECT count(*), group_concat(document_id), group_concat(start_offset), group_concat(end_offset), group_concat(ifnull(informant_id, 0)) FROM turns`)).toContain('COVERING INDEX turns_span');
      // Kept in step with the text by SQLite itself.
      db.prepare("UPDATE documents SET text = 'Narasumber: Ya.' WHERE id = 2").run();
      expect(listDocuments(db).find((d) => d.id === 2)?.charCount).toBe('Narasumber: Ya.'.length);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      store.close();
    }
  });
});
