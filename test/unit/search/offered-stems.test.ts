import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { offerStems, refreshSearchIndex } from '../../../src/search/indexer';
import { newProject, SAMPLE_STUDY } from '../../helpers/temp-project';

const vocabulary = (db: import('better-sqlite3').Database) => db.prepare('SELECT term, doc, cnt FROM search_vocab ORDER BY term').raw().all();

describe('stems computed while parsing', () => {
  it('index an import exactly as analysing its stored text again does', async () => {
    const client = await newProject();
    await client.invoke('import.folder', { folder: SAMPLE_STUDY, sheet: `${SAMPLE_STUDY}/informants.csv` });
    const { db } = client.session.store;
    const imported = vocabulary(db);
    expect(imported.length).toBeGreaterThan(500);
    db.exec("DELETE FROM search_units; INSERT OR IGNORE INTO search_dirty SELECT 'document', id FROM documents");
    refreshSearchIndex(db);
    expect(vocabulary(db)).toEqual(imported);
    client.session.close();
  });

  it('are stored only for the very text and units they were made from, and only by the next refresh', async () => {
    const client = await newProject();
    const { db } = client.session.store;
    const text = 'Narasumber: kopi kami enak.';
    // A document without turns: its one line is its one unit.
    const units = [{ start: 0, end: text.length }];
    const add = () => Number(db.prepare(`INSERT INTO documents (guid, title, source_name, format, encoding, content_hash, text, word_count, imported_at)
      VALUES (?, 'd', 'd.txt', 'txt', 'utf-8', 'h', ?, 4, 'x')`).run(randomUUID(), text).lastInsertRowid);
    const stems = () => (db.prepare(`SELECT term FROM search_vocab WHERE term IN ('offered', 'kopi')`).pluck().all() as string[]).sort();

    offerStems(db, add(), text, units, ['offered']);
    refreshSearchIndex(db);
    expect(stems()).toEqual(['offered']);

    db.exec('DELETE FROM documents');
    offerStems(db, add(), `${text} `, units, ['offered']);
    refreshSearchIndex(db);
    expect(stems()).toEqual(['kopi']);

    db.exec('DELETE FROM documents');
    offerStems(db, add(), text, [{ start: 12, end: text.length }], ['offered']);
    refreshSearchIndex(db);
    expect(stems()).toEqual(['kopi']);

    // An offer the refresh did not take (a rolled-back import) is gone before the next document comes.
    offerStems(db, 999, text, units, ['offered']);
    refreshSearchIndex(db);
    db.exec('DELETE FROM documents');
    db.prepare("INSERT INTO documents (id, guid, title, source_name, format, encoding, content_hash, text, word_count, imported_at) VALUES (999, ?, 'd', 'd.txt', 'txt', 'utf-8', 'h', ?, 4, 'x')").run(randomUUID(), text);
    refreshSearchIndex(db);
    expect(stems()).toEqual(['kopi']);
    client.session.close();
  });
});
