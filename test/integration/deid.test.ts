import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { localClient, type LocalClient } from '../../src/api/client';
import { nameFinder, replaceMatches, replacementOf } from '../../src/deid/find';
import { SHARED_PLACEHOLDER } from '../../src/deid/names';
import { stemsOf } from '../../src/search/indexer';
import { dumpTables } from '../helpers/table-dump';
import { SAMPLE_STUDY, tempDir } from '../helpers/temp-project';
import { onPostgres, publishedTeamProject, storedFile } from '../helpers/test-store';

const clients: LocalClient[] = [];
afterEach(() => { for (const c of clients.splice(0)) c.session.close(); });

/** The worked sample study, plus the third parties its transcripts name: a coffee shop, a skincare owner, a customer. */
async function workedStudy() {
  const client = localClient({ coder: 'Peneliti A', host: { kind: 'cli', dataDir: tempDir('tematik-data-'), sampleDir: SAMPLE_STUDY } });
  clients.push(client);
  const info = await client.invoke('app.openSample', { variant: 'worked' });
  let study: LocalClient & { file: string } = { ...client, file: info.path };
  if (onPostgres()) {
    // On PostgreSQL: the sample published to the team server, as a team starts from it.
    client.session.close();
    study = await publishedTeamProject(info.path, 'Peneliti A');
    clients.push(study);
  }
  await study.invoke('redactions.add', { term: 'Kopi Lereng', replacement: '[kedai kopi]', kind: 'business' });
  await study.invoke('redactions.add', { term: 'Mbak Laras', replacement: '[pemilik merek]', kind: 'person' });
  await study.invoke('redactions.add', { term: 'Bayu', replacement: '[pelanggan]', kind: 'person' });
  return study;
}

type Invoke = LocalClient['invoke'];

/** Every transcript's text and codings, by document. */
async function snapshot(invoke: Invoke) {
  const docs = [];
  for (const d of await invoke('documents.list', {})) {
    docs.push({ ...(await invoke('documents.get', { id: d.id })), codings: await invoke('codings.forDocument', { documentId: d.id }) });
  }
  return docs;
}

/**
 * The names that must not survive: informants' full names (any case) and their name parts written
 * capitalised, and the listed names (any case). The coders' names are not among them: the team
 * are the authors, not the participants.
 */
async function forbidden(invoke: Invoke): Promise<RegExp[]> {
  const informants = await invoke('informants.list', {});
  const listed = await invoke('redactions.list', {});
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const whole = (s: string, flags: string) => new RegExp(`(?<![\\p{L}\\p{N}])${escape(s).replace(/ /g, '\\s+')}(?![\\p{L}\\p{N}])`, flags);
  const patterns: RegExp[] = [];
  for (const i of informants) {
    patterns.push(whole(i.name, 'iu'));
    for (const part of i.name.split(' ')) patterns.push(whole(part, 'u'));
  }
  for (const r of listed) patterns.push(whole(r.term.replace(/^Mbak /, ''), 'iu'));
  return patterns;
}

const survivors = (text: string, patterns: readonly RegExp[]): string[] => patterns.filter((p) => p.test(text)).map(String);

describe('de-identifying the transcripts of the sample study', () => {
  it('finds informants and listed names with their honorifics and replaces them in one undoable step, codings on the same words', async () => {
    const { invoke, file } = await workedStudy();
    const before = await snapshot(invoke);
    const tablesBefore = dumpTables(await storedFile(file));
    const triangulation = async () => (await invoke('analysis.triangulation', { rows: 'themes' })).rows.map((r) => [r.name, r.cells.map((c) => [c.informants, c.extracts])]);
    const evidenceBefore = await triangulation();
    const preview = await invoke('deid.preview', {});
    expect(preview.hits.length).toBeGreaterThan(150);
    const byName = new Map(preview.names.map((n) => [n.name, n]));
    expect(byName.get('Joko Santoso')).toMatchObject({ kind: 'informant', replacement: '[A-01]' });
    expect(byName.get('Kopi Lereng')!.hits).toBeGreaterThan(0);
    expect(byName.get('Mbak Laras')!.hits).toBe(2);
    // Interviewers address people by honorific and first name; a hit in a speaker label belongs to the turn it opens.
    const joko = preview.hits.find((h) => h.text === 'Joko' && h.speaker === 'Pak Joko')!;
    expect(joko.before.endsWith('Pak ')).toBe(true);
    expect(preview.suspects).toEqual([]);

    const result = await invoke('deid.apply', { fingerprint: preview.fingerprint });
    expect(result).toMatchObject({ replaced: preview.hits.length, documents: 11 });

    const after = await snapshot(invoke);
    const specs = preview.names;
    const find = nameFinder(specs);
    const byId = new Map(specs.map((s) => [s.id, s]));
    const deid = (text: string) => replaceMatches(text, find(text), (m) => replacementOf(m, byId, SHARED_PLACEHOLDER));
    const patterns = await forbidden(invoke);
    for (const [i, doc] of after.entries()) {
      const old = before[i]!;
      expect(doc.text).toBe(deid(old.text));
      expect(survivors(doc.text, patterns), doc.title).toEqual([]);
      // Every coding kept, on the same words: its quote is the old quote with the names replaced, and is the text it covers.
      expect(doc.codings.map((c) => c.id)).toEqual(old.codings.map((c) => c.id));
      for (const [j, coding] of doc.codings.entries()) {
        expect(coding.quote, `${doc.title} coding ${coding.id}`).toBe(deid(old.codings[j]!.quote));
        expect(doc.text.slice(coding.start, coding.end)).toBe(coding.quote);
      }
      expect(doc.turns.map((t) => t.speaker)).toEqual(old.turns.map((t) => deid(t.speaker)));
    }
    expect(after.find((d) => d.title.startsWith('A-01'))!.turns.some((t) => t.speaker === 'Pak [A-01]')).toBe(true);
    // A relabelled speaker is the same informant: the evidence each informant gives is as it was.
    expect(await triangulation()).toEqual(evidenceBefore);

    // The search index follows: the name is gone, the pseudonym's words are there.
    expect((await invoke('search.query', { query: 'Joko' })).total).toBe(0);
    expect((await invoke('search.query', { query: '"kedai kopi"' })).total).toBeGreaterThan(0);

    // The key holds each name and what it became, with the number of hits.
    const key = await invoke('deid.key', {});
    expect(key.find((k) => k.name === 'Joko Santoso')).toMatchObject({ pseudonym: '[A-01]', kind: 'informant', replaced: byName.get('Joko Santoso')!.hits });
    expect(key.find((k) => k.name === 'Kopi Lereng')).toMatchObject({ pseudonym: '[kedai kopi]', kind: 'business' });
    const keyFile = path.join(tempDir(), 'kunci.csv');
    await invoke('export.table', { table: 'deidKey', path: keyFile });
    expect(fs.readFileSync(keyFile, 'utf8')).toContain('Joko Santoso,[A-01],informant,A-01,');

    // Nothing is left to find; the history names the step; undo puts every table back as it was.
    expect((await invoke('deid.preview', {})).hits).toEqual([]);
    expect((await invoke('history.state', {})).undo).toMatch(/De-identify \d+ name\(s\) in 11 transcript\(s\)/);
    await invoke('history.undo', {});
    expect(dumpTables(await storedFile(file))).toEqual(tablesBefore);
    expect(await invoke('deid.key', {})).toEqual([]);
  });

  it('leaves out the hits and names the user unticks, and refuses a preview the project has moved on from', async () => {
    const { invoke } = await workedStudy();
    const preview = await invoke('deid.preview', {});
    const ayu = preview.names.find((n) => n.name === 'Ayu Larasati')!;
    const kept = preview.hits.find((h) => h.text === 'Joko')!;
    await invoke('redactions.add', { term: 'Sleman', replacement: '[kabupaten]', kind: 'place' });
    await expect(invoke('deid.apply', { fingerprint: preview.fingerprint })).rejects.toThrow(/changed since the preview/);

    const fresh = await invoke('deid.preview', {});
    await expect(invoke('deid.apply', { fingerprint: fresh.fingerprint, skipNames: ['informant:999'] })).rejects.toThrow(/no name "informant:999"/);
    const result = await invoke('deid.apply', { fingerprint: fresh.fingerprint, skipNames: [ayu.id], skipHits: [kept.id] });
    expect(result.replaced).toBe(fresh.hits.length - ayu.hits - 1);
    const doc = await invoke('documents.get', { id: kept.documentId });
    expect(doc.text.slice(kept.start, kept.end)).toBe('Joko');
    const left = await invoke('deid.preview', {});
    expect(left.hits.map((h) => h.text).sort()).toEqual(['Ayu', ...Array(ayu.hits - 1).fill('Ayu'), 'Joko'].sort());
    expect((await invoke('deid.key', {})).some((k) => k.name === 'Ayu Larasati')).toBe(false);

    // Everything unticked: refused, nothing changed.
    const all = await invoke('deid.preview', {});
    await expect(invoke('deid.apply', { fingerprint: all.fingerprint, skipHits: all.hits.map((h) => h.id) })).rejects.toThrow(/No hit is left/);
  });

  it('replaces every name with one placeholder when asked', async () => {
    const { invoke } = await workedStudy();
    const preview = await invoke('deid.preview', { placeholder: '[nama]' });
    expect(new Set(preview.hits.map((h) => h.replacement))).toEqual(new Set(['[nama]']));
    await invoke('deid.apply', { fingerprint: preview.fingerprint, placeholder: '[nama]' });
    const doc = (await snapshot(invoke)).find((d) => d.title.startsWith('A-01'))!;
    expect(doc.text).toContain('Selamat malam, Pak [nama].');
  });
});

// Not on PostgreSQL (TEMATIK_TEST_STORE): a team server refuses deid.share by design (src/team-server/roles.ts); the copy is shared from the desktop.
describe.skipIf(onPostgres())('sharing a de-identified copy', () => {
  it('writes a .tematik and a .qdpx in which no listed name survives anywhere, and leaves the project as it was', async () => {
    const { invoke, file } = await workedStudy();
    // A memo, a journal entry, a code and a theme that name people: shared copies must not carry them.
    await invoke('memos.create', { kind: 'memo', title: 'Catatan Bu Rina', body: 'Bu Rina Kusumawati pemilik Kopi Lereng bercerita tentang Mbak Laras dan Mas Bayu.', target: { kind: 'project' } });
    const code = (await invoke('codes.create', { name: 'Saran dari Dimas', parentId: null, description: 'Usulan Dimas Prasetyo di komunitas' })).id;
    const theme = (await invoke('themes.list', {}))[0]!;
    await invoke('themes.update', { id: theme.id, definition: `${theme.definition} Seperti kata Ibu Lestari.` });
    await invoke('deid.apply', { fingerprint: (await invoke('deid.preview', {})).fingerprint, skipNames: ['informant:4'] });
    const patterns = await forbidden(invoke);
    const projectBefore = dumpTables(file);
    const redactionsBefore = await invoke('redactions.list', {});

    const dir = tempDir();
    const out = path.join(dir, 'dibagikan.tematik');
    const qdpx = path.join(dir, 'dibagikan.qdpx');
    const result = await invoke('deid.share', { path: out, qdpxPath: qdpx, withholdAttributes: ['city'], language: 'id' });
    expect(result).toMatchObject({ path: out, qdpxPath: qdpx, reportPath: path.join(dir, 'dibagikan.deid-report.txt') });
    expect(dumpTables(file)).toEqual(projectBefore);
    expect(await invoke('redactions.list', {})).toEqual(redactionsBefore);

    // Every text of every table of the copy, the index's own tables included.
    const copy = new Database(out, { readonly: true });
    try {
      const tables = copy.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table'`).pluck().all() as string[];
      let scanned = 0;
      for (const table of tables) {
        for (const row of copy.prepare(`SELECT * FROM "${table}"`).all() as Record<string, unknown>[]) {
          for (const [column, value] of Object.entries(row)) {
            if (table === 'coders' && column === 'name') continue;
            const text = typeof value === 'string' ? value : value instanceof Buffer ? value.toString('utf8') : null;
            if (text === null) continue;
            scanned += 1;
            expect(survivors(text, patterns), `${table}.${column}`).toEqual([]);
          }
        }
      }
      expect(scanned).toBeGreaterThan(1000);
      for (const table of ['deid_key', 'redactions', 'history_steps', 'history_ops', 'audit_log', 'copy_origin']) {
        expect(copy.prepare(`SELECT count(*) FROM ${table}`).pluck().get(), table).toBe(0);
      }
      // The index holds only stems of the copy's own text: rebuilt, not carried over.
      const texts = [
        ...(copy.prepare('SELECT text FROM documents').pluck().all() as string[]),
        ...(copy.prepare(`SELECT title || char(10) || body FROM memos`).pluck().all() as string[]),
        ...(copy.prepare(`SELECT name || char(10) || description FROM codes`).pluck().all() as string[]),
      ];
      const stems = new Set(texts.flatMap((t) => stemsOf(t, 0, t.length).split(' ')));
      const vocabulary = copy.prepare('SELECT term FROM search_vocab').pluck().all() as string[];
      expect(vocabulary.length).toBeGreaterThan(500);
      expect(vocabulary.filter((term) => !stems.has(term))).toEqual([]);
      expect(copy.prepare(`SELECT DISTINCT value FROM informant_attributes WHERE attribute_id = (SELECT id FROM attributes WHERE name = 'city')`).pluck().all()).toEqual(['[disamarkan]']);
      expect(copy.prepare(`SELECT DISTINCT name FROM informants`).pluck().all()).toEqual(['']);
      expect(copy.prepare('SELECT name FROM project').pluck().get()).toMatch(/\(identitas disamarkan\)$/);
      expect(copy.prepare('PRAGMA freelist_count').pluck().get()).toBe(0);
      // Codings are where they were, on the de-identified words.
      const byDocument = new Map((copy.prepare('SELECT id, text FROM documents').all() as { id: number; text: string }[]).map((d) => [d.id, d.text]));
      for (const c of copy.prepare('SELECT document_id AS documentId, start_offset AS start, end_offset AS end, quote FROM codings').all() as { documentId: number; start: number; end: number; quote: string }[]) {
        expect(byDocument.get(c.documentId)!.slice(c.start, c.end)).toBe(c.quote);
      }
      expect(copy.prepare('SELECT count(*) FROM codings').pluck().get()).toBeGreaterThan(80);
    } finally {
      copy.close();
    }
    // Nor in the file's bytes: no free page, journal or index block keeps a name.
    const bytes = fs.readFileSync(out).toString('utf8');
    expect(survivors(bytes, patterns)).toEqual([]);

    // Every XML and every source text of the .qdpx.
    const entries = unzipSync(new Uint8Array(fs.readFileSync(qdpx)));
    expect(Object.keys(entries).filter((n) => n.endsWith('.txt')).length).toBe(11);
    for (const [name, content] of Object.entries(entries)) expect(survivors(strFromU8(content), patterns), name).toEqual([]);
    expect(Object.entries(entries).some(([name, content]) => name.endsWith('.txt') && strFromU8(content).includes('Selamat malam, Pak [A-01].'))).toBe(true);

    // The report, beside the copy and returned: counts per name and transcript, and what still looks like a name.
    const report = fs.readFileSync(result.reportPath, 'utf8');
    expect(report).toBe(result.report);
    expect(report).toContain('Laporan ini memuat nama asli');
    const dewi = result.counts.find((c) => c.name === 'Dewi Anggraini')!;
    expect(dewi.documents['K-01_skincare']).toBeGreaterThan(0);
    expect(result.counts.find((c) => c.name === 'Rina Kusumawati')!.elsewhere).toBeGreaterThanOrEqual(2);
    expect(report).toContain('"Dewi Anggraini" → "[K-01]"');

    // The copy opens as a project of its own, and search does not find a name.
    const reader = localClient({ coder: 'Penerima' });
    clients.push(reader);
    await reader.invoke('project.open', { path: out });
    expect((await reader.invoke('search.query', { query: 'Rina' })).total).toBe(0);
    expect((await reader.invoke('codes.list', {})).find((c) => c.id === code)!.name).toBe('Saran dari [KP-01]');
  });

  it('refuses to overwrite a file or the project, and an attribute the project does not have, writing nothing', async () => {
    const { invoke, file } = await workedStudy();
    const dir = tempDir();
    const taken = path.join(dir, 'ada.tematik');
    fs.writeFileSync(taken, 'x');
    await expect(invoke('deid.share', { path: taken })).rejects.toThrow(/already exists/);
    await expect(invoke('deid.share', { path: file })).rejects.toThrow(/over the open project/);
    await expect(invoke('deid.share', { path: path.join(dir, 'baru.tematik'), withholdAttributes: ['kota'] })).rejects.toThrow(/no attribute "kota"/);
    expect(fs.readdirSync(dir)).toEqual(['ada.tematik']);
  });
});
