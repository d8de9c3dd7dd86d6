import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { TematikError } from '../../../src/domain/errors';
import { MIGRATIONS, SCHEMA_VERSION } from '../../../src/store/migrations/index';
import { search } from '../../../src/search/search';
import { listBackups } from '../../../src/store/backup';
import { APPLICATION_ID, openDatabase } from '../../../src/store/open';
import { tempDir } from '../../helpers/temp-project';

const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

function expectError(fn: () => unknown, kind: string, message: RegExp): void {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(TematikError);
    expect((error as TematikError).kind).toBe(kind);
    expect((error as TematikError).message).toMatch(message);
    return;
  }
  throw new Error('expected an error');
}

describe('project file', () => {
  it('creates a WAL-mode file with foreign keys, the current schema and a project row', () => {
    const file = path.join(tempDir(), 'new.tematik');
    const db = openDatabase(file, { create: true, name: 'Studi UMKM' });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    const project = db.prepare('SELECT name, phase, guid FROM project').get() as { name: string; phase: number; guid: string };
    expect(project.name).toBe('Studi UMKM');
    expect(project.phase).toBe(1);
    expect(project.guid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    // FTS5's own virtual and shadow tables are SQLite's, not ours to declare STRICT.
    const strict = db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE '%STRICT%'
      AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' AND name NOT LIKE 'search\\_fts\\_%' ESCAPE '\\'`).pluck().all();
    expect(strict).toEqual([]);
    db.close();
  });

  it('reopens a project without changing its schema', () => {
    const file = path.join(tempDir(), 'again.tematik');
    openDatabase(file, { create: true }).close();
    const db = openDatabase(file);
    expect(db.prepare('SELECT count(*) FROM project').pluck().get()).toBe(1);
    db.close();
    expect(listBackups(file).backups).toEqual([]);
  });

  it('refuses to create over an existing file and to open a missing one', () => {
    const dir = tempDir();
    const file = path.join(dir, 'x.tematik');
    openDatabase(file, { create: true }).close();
    expectError(() => openDatabase(file, { create: true }), 'conflict', /already exists/);
    expectError(() => openDatabase(path.join(dir, 'missing.tematik')), 'not_found', /No project file/);
  });

  it('refuses a file from a newer Tematik and leaves it byte for byte unchanged', () => {
    const file = path.join(tempDir(), 'future.tematik');
    openDatabase(file, { create: true }).close();
    const raw = new Database(file);
    raw.pragma('journal_mode = DELETE');
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.close();
    const before = sha(file);
    expectError(() => openDatabase(file), 'newer_version', /newer version of Tematik.*has not been changed/);
    expect(sha(file)).toBe(before);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
  });

  it('refuses files that are not Tematik projects without touching them', () => {
    const dir = tempDir();
    const text = path.join(dir, 'notes.tematik');
    fs.writeFileSync(text, 'Pewawancara: ini bukan database');
    expectError(() => openDatabase(text), 'not_a_project', /not an SQLite database/);
    expect(fs.readFileSync(text, 'utf8')).toBe('Pewawancara: ini bukan database');

    const other = path.join(dir, 'other.tematik');
    const foreign = new Database(other);
    foreign.exec('CREATE TABLE things (x)');
    foreign.close();
    const before = sha(other);
    expectError(() => openDatabase(other), 'not_a_project', /another program/);
    expect(sha(other)).toBe(before);
  });
});

/** A project file as version `version` of Tematik wrote it, with rows added by `seed`. */
function fileAtVersion(version: number, seed: (db: Database.Database) => void): string {
  const file = path.join(tempDir(), `v${version}.tematik`);
  const db = new Database(file);
  for (const migration of MIGRATIONS.slice(0, version)) db.exec(migration.sql);
  seed(db);
  db.pragma(`application_id = ${APPLICATION_ID}`);
  db.pragma(`user_version = ${version}`);
  db.close();
  return file;
}

describe('migrations', () => {
  it('1 → current: keeps every row and backs the file up first', () => {
    const file = fileAtVersion(1, (db) => {
      db.prepare(`INSERT INTO project (id, name, created_at) VALUES (1, 'Studi lama', '2025-01-01T00:00:00Z')`).run();
      db.prepare(`INSERT INTO coders (name, created_at) VALUES ('Peneliti', '2025-01-01')`).run();
      db.prepare(`INSERT INTO codes (name, colour, created_at) VALUES ('kolaborasi', '#4e79a7', '2025-01-01')`).run();
    });
    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.prepare('SELECT name FROM project').pluck().get()).toBe('Studi lama');
    expect(db.prepare('SELECT name FROM codes').pluck().all()).toEqual(['kolaborasi']);
    db.close();
    const [copy] = listBackups(file).backups;
    expect(copy).toMatchObject({ kind: 'migration', schemaVersion: 1 });
    const backup = new Database(copy!.path, { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(1);
    expect(backup.prepare('SELECT name FROM codes').pluck().all()).toEqual(['kolaborasi']);
    backup.close();
  });

  it('2 gives an existing project a GUID', () => {
    const file = fileAtVersion(1, (db) => {
      db.prepare(`INSERT INTO project (id, name, created_at) VALUES (1, 'Studi lama', '2025-01-01T00:00:00Z')`).run();
    });
    const db = openDatabase(file);
    expect(db.prepare('SELECT guid FROM project').pluck().get()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    db.close();
  });

  it('3 keeps themes and their codes, with no convergence judgement yet', () => {
    const file = fileAtVersion(2, (db) => {
      db.prepare(`INSERT INTO project (id, name, created_at, guid) VALUES (1, 'Studi', '2025-01-01', 'g')`).run();
      db.prepare(`INSERT INTO codes (id, name, colour, created_at) VALUES (1, 'polling', '#4e79a7', '2025-01-01')`).run();
      db.prepare(`INSERT INTO themes (id, name, colour, status, definition, created_at, updated_at) VALUES (1, 'Platform digital', '#59a14f', 'reviewed', 'Media sosial', '2025-01-01', '2025-01-01')`).run();
      db.prepare('INSERT INTO theme_codes (theme_id, code_id) VALUES (1, 1)').run();
    });
    const db = openDatabase(file);
    expect(db.prepare('SELECT name, status, definition, convergence, convergence_reason AS reason FROM themes').get())
      .toEqual({ name: 'Platform digital', status: 'reviewed', definition: 'Media sosial', convergence: null, reason: '' });
    expect(db.prepare('SELECT code_id FROM theme_codes').pluck().all()).toEqual([1]);
    expect(db.prepare('SELECT count(*) FROM theme_positions').pluck().get()).toBe(0);
    db.close();
  });

  it('4 indexes the transcripts, memos and codes an older project already holds', () => {
    const file = fileAtVersion(3, (db) => {
      db.prepare(`INSERT INTO project (id, name, created_at, guid) VALUES (1, 'Studi', '2025-01-01', 'g')`).run();
      db.prepare(`INSERT INTO coders (id, name, created_at) VALUES (1, 'Peneliti', '2025-01-01')`).run();
      db.prepare(`INSERT INTO documents (id, title, source_name, format, encoding, content_hash, text, word_count, imported_at)
        VALUES (1, 'P-01', 'P-01.txt', 'txt', 'utf-8', 'h', 'Kami berkolaborasi dengan mitra lokal.', 6, '2025-01-01')`).run();
      db.prepare(`INSERT INTO memos (kind, body, author_id, created_at, updated_at) VALUES ('memo', 'Kemitraan sebagai tema', 1, '2025-01-01', '2025-01-01')`).run();
    });
    const db = openDatabase(file);
    expect(db.prepare('SELECT kind FROM search_dirty ORDER BY kind').pluck().all()).toEqual(['document', 'memo']);
    const hits = search(db, { query: 'mitra' }).hits.map((h) => [h.kind, h.match]);
    expect(hits).toEqual(expect.arrayContaining([['document', 'mitra'], ['memo', 'Kemitraan']]));
    expect(search(db, { query: 'kolaborasi' }).hits.map((h) => h.match)).toEqual(['berkolaborasi']);
    db.close();
  });

  it('5 names the informant who spoke each turn of the transcripts an older project holds', () => {
    const file = fileAtVersion(4, (db) => {
      db.prepare(`INSERT INTO project (id, name, created_at, guid) VALUES (1, 'Studi', '2025-01-01', 'g')`).run();
      db.prepare(`INSERT INTO informant_types (id, name) VALUES (1, 'Komunitas Pelanggan'), (2, 'Pemilik UMKM')`).run();
      db.prepare(`INSERT INTO informants (id, label, name, type_id, created_at) VALUES
        (1, 'KP-01', 'Dimas Prasetyo', 1, 'x'), (2, 'KP-02', 'Ayu Larasati', 1, 'x'), (3, 'P-01', 'Fitri Handayani', 2, 'x')`).run();
      const text = 'Moderator: Apa kabar?\nMas Dimas: Baik.\nMbak Ayu: Sehat.';
      db.prepare(`INSERT INTO documents (id, title, source_name, format, encoding, content_hash, text, word_count, imported_at)
        VALUES (1, 'KP', 'KP.txt', 'txt', 'utf-8', 'h1', ?, 6, 'x'), (2, 'P-01', 'P-01.txt', 'txt', 'utf-8', 'h2', 'Pewawancara: Kapan?\nNarasumber: Dulu.', 3, 'x')`).run(text);
      db.prepare('INSERT INTO document_informants VALUES (1, 1), (1, 2), (2, 3)').run();
      db.prepare(`INSERT INTO turns (document_id, seq, speaker, role, start_offset, end_offset) VALUES
        (1, 0, 'Moderator', 'interviewer', 11, 21), (1, 1, 'Mas Dimas', 'informant', 33, 38), (1, 2, 'Mbak Ayu', 'informant', 49, 55),
        (2, 0, 'Pewawancara', 'interviewer', 13, 19), (2, 1, 'Narasumber', 'informant', 32, 37)`).run();
    });
    const db = openDatabase(file);
    const who = db.prepare(`SELECT t.speaker, i.label FROM turns t LEFT JOIN informants i ON i.id = t.informant_id ORDER BY t.document_id, t.seq`).raw().all();
    expect(who).toEqual([['Moderator', null], ['Mas Dimas', 'KP-01'], ['Mbak Ayu', 'KP-02'], ['Pewawancara', null], ['Narasumber', 'P-01']]);
    // The search index learns who spoke each passage, without re-reading the text.
    search(db, { query: 'baik' });
    expect(db.prepare(`SELECT u.role, i.label FROM search_units u LEFT JOIN informants i ON i.id = u.informant_id WHERE u.document_id = 1 ORDER BY u.start_offset`).raw().all())
      .toEqual([['interviewer', null], ['informant', 'KP-01'], ['informant', 'KP-02']]);
    expect(db.prepare('SELECT count(*) FROM redactions').pluck().get()).toBe(0);
    expect(db.prepare('SELECT finding FROM themes').pluck().all()).toEqual([]);
    db.close();
  });

  it('numbers migrations 1, 2, … without gaps', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });
});
