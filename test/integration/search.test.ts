import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LocalClient } from '../../src/api/client';
import { localClient } from '../../src/api/client';
import type { SearchHit } from '../../src/domain/types';
import { newProject, SAMPLE_SHEET, SAMPLE_STUDY } from '../helpers/temp-project';
import { onPostgres } from '../helpers/test-store';

const surface = (hits: readonly SearchHit[]) => [...new Set(hits.map((h) => h.match.toLowerCase()))].sort();
const titles = (hits: readonly SearchHit[]) => [...new Set(hits.map((h) => h.title))].sort();

describe('search over the sample study', () => {
  let client: LocalClient & { file: string };
  const find = (query: string, extra: Record<string, unknown> = {}) => client.invoke('search.query', { query, ...extra });

  beforeAll(async () => {
    client = await newProject();
    await client.invoke('import.folder', { folder: SAMPLE_STUDY, sheet: SAMPLE_SHEET });
  });

  it('finds every form of an Indonesian root: kolaborasi, mitra', async () => {
    const kolaborasi = await find('kolaborasi');
    expect(surface(kolaborasi.hits)).toEqual(expect.arrayContaining(['kolaborasi', 'berkolaborasi', 'kolaborasinya', 'dikolaborasikan']));
    const mitra = await find('mitra');
    expect(surface(mitra.hits)).toEqual(expect.arrayContaining(['mitra', 'kemitraan', 'bermitra', 'kemitraannya']));
    const hit = kolaborasi.hits.find((h) => h.match === 'berkolaborasi')!;
    expect(hit).toMatchObject({ kind: 'document', title: 'G-01_dinas_koperasi', informantLabels: ['G-01'], informantTypes: ['Perwakilan Asosiasi/Pemerintah'] });
    expect(hit.speaker).not.toBe('');
    expect(`${hit.before}${hit.match}${hit.after}`).toContain(hit.match);
  });

  it('treats co-creation, co creation and cocreation as one word, and finds English inflections', async () => {
    const variants = surface((await find('co-creation')).hits);
    expect(variants).toEqual(expect.arrayContaining(['co-creation', 'co creation', 'cocreation']));
    expect(surface((await find('cocreation')).hits)).toEqual(variants);
  });

  it('matches exact phrases word for word', async () => {
    const phrase = await find('"brand equity"');
    expect(titles(phrase.hits)).toEqual(['M-01_konsultan', 'M-02_brand_strategist']);
    for (const hit of phrase.hits) expect(hit.match.toLowerCase()).toBe('brand equity');
  });

  it('combines AND, OR, NOT and prefixes', async () => {
    const mitra = new Set((await find('mitra')).hits.map((h) => `${h.documentId}:${h.unitStart}`));
    const kolaborasi = new Set((await find('kolaborasi')).hits.map((h) => `${h.documentId}:${h.unitStart}`));
    const units = (hits: readonly SearchHit[]) => new Set(hits.map((h) => `${h.documentId}:${h.unitStart}`));
    const both = units((await find('mitra AND kolaborasi')).hits);
    for (const unit of both) expect(mitra.has(unit) && kolaborasi.has(unit)).toBe(true);
    const either = units((await find('mitra OR kolaborasi')).hits);
    expect(either).toEqual(new Set([...mitra, ...kolaborasi]));
    const without = units((await find('kolaborasi NOT mitra')).hits);
    for (const unit of without) expect(mitra.has(unit)).toBe(false);
    expect(without.size).toBe([...kolaborasi].filter((u) => !mitra.has(u)).length);
    expect(units((await find('kolaborasi -mitra')).hits)).toEqual(without);
    expect(surface((await find('kolab*')).hits).every((w) => w.includes('kolab'))).toBe(true);
    await expect(find('NOT mitra')).rejects.toThrow(/only says what to leave out/);
    await expect(find('(mitra OR kolaborasi')).rejects.toThrow(/without its "\)"/);
  });

  it('filters by informant type, attribute, document and code', async () => {
    const types = await client.invoke('informantTypes.list', {});
    const consumers = types.find((t) => t.name === 'Konsumen')!;
    const onlyConsumers = await find('polling', { filters: { informantTypeIds: [consumers.id] } });
    expect(onlyConsumers.hits.length).toBeGreaterThan(0);
    for (const hit of onlyConsumers.hits) expect(hit.informantTypes).toEqual(['Konsumen']);

    const semarang = await find('polling', { filters: { attribute: { name: 'city', value: 'Semarang' } } });
    expect(titles(semarang.hits)).toEqual(['K-02_skincare']);

    const docs = await client.invoke('documents.list', {});
    const p01 = docs.find((d) => d.title === 'P-01_fashion')!;
    expect(titles((await find('polling', { filters: { documentIds: [p01.id] } })).hits)).toEqual(['P-01_fashion']);

    const text = (await client.invoke('documents.get', { id: p01.id })).text;
    const start = text.indexOf('polling di Instagram Story');
    const coded = await client.invoke('codings.apply', { documentId: p01.id, start, end: start + 26, codeName: 'Platform digital' });
    const inside = await find('polling', { filters: { codeId: coded.codeId } });
    expect(inside.hits.map((h) => [h.title, h.start])).toEqual([['P-01_fashion', start]]);
  });

  it('sorts by relevance or by document order', async () => {
    const byDocument = (await find('pelanggan', { sort: 'document' })).hits.filter((h) => h.kind === 'document');
    const order = byDocument.map((h) => `${h.title}:${String(h.start).padStart(8, '0')}`);
    expect(order).toEqual([...order].sort((a, b) => a.localeCompare(b, 'id', { numeric: true })));
  });
});

describe('the index follows the project', () => {
  // Not on PostgreSQL (TEMATIK_TEST_STORE): About the index kept in the project file; a team project's image rebuilds its index from PostgreSQL by design.
  it.skipIf(onPostgres())('updates on import, delete, undo and memo edits, and survives reopening without a rebuild', async () => {
    const client = await newProject();
    await client.invoke('import.files', { paths: [path.join(SAMPLE_STUDY, 'P-03_batik.md')] });
    const hits = async (q: string) => (await client.invoke('search.query', { query: q })).total;
    expect(await hits('dikolaborasikan')).toBe(1);
    expect(await hits('batik')).toBeGreaterThan(0);

    const memo = await client.invoke('memos.create', { body: 'Ide tentang kurasi produk', target: { kind: 'project' } });
    expect((await client.invoke('search.query', { query: 'kurasi' })).hits.map((h) => h.kind)).toContain('memo');
    await client.invoke('memos.update', { id: memo.id, body: 'Ide tentang pameran' });
    expect((await client.invoke('search.query', { query: 'kurasi' })).hits.filter((h) => h.kind === 'memo')).toEqual([]);

    const [doc] = await client.invoke('documents.list', {});
    await client.invoke('documents.delete', { id: doc!.id });
    expect(await hits('batik')).toBe(0);
    await client.invoke('history.undo', {});
    expect(await hits('batik')).toBeGreaterThan(0);

    const { db } = client.session.store;
    const units = db.prepare('SELECT count(*) FROM search_units').pluck().get();
    client.session.close();
    const again = localClient({ coder: 'x' });
    await again.invoke('project.open', { path: client.file });
    expect(again.session.store.db.prepare('SELECT count(*) FROM search_dirty').pluck().get()).toBe(0);
    expect(again.session.store.db.prepare('SELECT count(*) FROM search_units').pluck().get()).toBe(units);
    expect((await again.invoke('search.query', { query: 'batik' })).total).toBeGreaterThan(0);
    again.session.close();
  });
});

describe('search-to-code', () => {
  it('codes the hits, their sentences or their turns in one undoable step', async () => {
    const client = await newProject();
    await client.invoke('import.folder', { folder: SAMPLE_STUDY, sheet: SAMPLE_SHEET });
    const result = await client.invoke('search.query', { query: 'mitra' });
    const documentHits = result.hits.filter((h) => h.kind === 'document');

    const byHit = await client.invoke('search.code', { query: 'mitra', unit: 'hit', codeName: 'Kemitraan' });
    expect(byHit.applied).toBe(documentHits.length);
    const quotes = (await client.invoke('codings.forCode', { codeId: byHit.codeId })).map((c) => c.quote.toLowerCase());
    expect(quotes.sort()).toEqual(documentHits.map((h) => h.match.toLowerCase()).sort());
    const again = await client.invoke('search.code', { query: 'mitra', unit: 'hit', codeId: byHit.codeId });
    expect(again).toMatchObject({ applied: 0, skipped: documentHits.length });

    const first = documentHits[0]!;
    const sentence = await client.invoke('search.code', { query: 'mitra', unit: 'sentence', codeName: 'Kalimat kemitraan', hits: [{ documentId: first.documentId!, start: first.start, end: first.end }] });
    const [coded] = await client.invoke('codings.forCode', { codeId: sentence.codeId });
    expect(coded!.quote).toContain(first.match);
    expect(coded!.quote.length).toBeGreaterThan(first.match.length);
    expect(coded!.quote).toMatch(/[.!?…]$/);

    const turn = await client.invoke('search.code', { query: 'mitra', unit: 'turn', codeName: 'Giliran kemitraan', hits: [{ documentId: first.documentId!, start: first.start, end: first.end }] });
    const [turnCoding] = await client.invoke('codings.forCode', { codeId: turn.codeId });
    expect([turnCoding!.start, turnCoding!.end]).toEqual([first.unitStart, first.unitEnd]);

    expect((await client.invoke('history.state', {})).undo).toBe('Code 1 speaker turn(s) of "mitra" as "Giliran kemitraan"');
    await client.invoke('history.undo', {});
    expect(await client.invoke('codings.forCode', { codeId: turn.codeId }).catch(() => [])).toEqual([]);
  });
});

describe('keyword in context next to emoji and combining marks', () => {
  it('places every hit exactly, in UTF-16 offsets of the stored text', async () => {
    const client = await newProject();
    const text = 'Narasumber: Produknya bagus banget 😍👍🏽 dan Cafe\u0301 kami bermitra dengan perajin lokal. Kemitraan itu penting.';
    const { addDocument } = await import('../helpers/documents.js');
    const id = await addDocument(client, 'K-09', text);
    const result = await client.invoke('search.query', { query: 'mitra' });
    expect(result.hits.map((h) => h.match)).toEqual(['bermitra', 'Kemitraan']);
    for (const hit of result.hits) {
      expect(hit.documentId).toBe(id);
      expect(text.slice(hit.start, hit.end)).toBe(hit.match);
      expect(text.slice(0, hit.start).endsWith(hit.before)).toBe(true);
    }
    expect((await client.invoke('search.query', { query: 'cafe' })).hits.map((h) => h.match)).toEqual(['Cafe\u0301']);
  });
});
