import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { localClient } from '../../../src/api/client';
import type { DocumentId, Utf16Offset } from '../../../src/domain/ids';
import { SCHEMA_VERSION } from '../../../src/store/migrations/index';
import { projectAtVersion } from '../../helpers/old-format';

const TEXT = 'Pewawancara: Bagaimana usahanya?\nBu Rina: Kami jual kopi di pasar pagi.\nPewawancara: Sejak kapan?\nBu Rina: Sejak 2019.';

const HASH = createHash('sha256').update(TEXT, 'utf8').digest('hex');

/** A version-12 project with one coded transcript, written as Tematik 12 wrote it. */
function codedProjectAt12(): string {
  return projectAtVersion(12, (db) => {
    db.prepare(`INSERT INTO coders (id, name, created_at, guid) VALUES (1, 'Peneliti A', '2025-01-01', 'c1')`).run();
    db.prepare(`INSERT INTO codes (id, name, colour, created_at, guid) VALUES (1, 'jualan', '#1f77b4', '2025-01-01', 'k1')`).run();
    db.prepare(`INSERT INTO documents (id, title, source_name, format, encoding, content_hash, text, word_count, imported_at, guid)
      VALUES (1, 'P-01', 'P-01.txt', 'txt', 'utf-8', ?, ?, 15, '2025-01-01', 'd1')`).run(HASH, TEXT);
    const start = TEXT.indexOf('jual kopi');
    db.prepare(`INSERT INTO codings (document_id, code_id, coder_id, start_offset, end_offset, quote, created_at, guid)
      VALUES (1, 1, 1, ?, ?, 'jual kopi', '2025-01-01', 'g1')`).run(start, start + 9);
    // What version 12 guaranteed: the text of a coded document could not change at all.
    expect(() => db.prepare('UPDATE documents SET text = ? WHERE id = 1').run('lain')).toThrow(/frozen/);
  });
}

describe('migration 14: editable transcript text', () => {
  it('lets documents.editText move the codings of an old project, still refuses a text changed alone, and undo puts it back', async () => {
    const client = localClient({ coder: 'Peneliti A' });
    await client.invoke('project.open', { path: codedProjectAt12() });
    const { db } = client.session.store;
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'documents_text%'`).pluck().all()).toEqual(['documents_text_with_hash']);

    const id = 1 as DocumentId;
    const { contentHash } = await client.invoke('documents.get', { id });
    expect(contentHash).toBe(HASH);
    const at = TEXT.indexOf('kopi') as Utf16Offset;
    await client.invoke('documents.editText', { id, expectedHash: HASH, edits: [{ start: at, end: at, text: 'es ' }] });
    expect((await client.invoke('codings.forDocument', { documentId: id }))[0]!.quote).toBe('jual es kopi');
    expect(() => db.prepare('UPDATE documents SET text = ? WHERE id = 1').run('lain')).toThrow(/changed without its content hash/);

    await client.invoke('history.undo', {});
    const back = await client.invoke('documents.get', { id });
    expect([back.text, back.contentHash]).toEqual([TEXT, HASH]);
    expect((await client.invoke('codings.forDocument', { documentId: id }))[0]!.quote).toBe('jual kopi');
    client.session.close();
  });
});
