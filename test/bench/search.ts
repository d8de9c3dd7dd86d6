import lunr from 'lunr';
import { refreshSearchIndex, stemsOf } from '../../src/search/indexer';
import type { ImportBench } from './import-and-code';
import { random } from './corpus';
import { figure, fmt, percentile, seconds } from './stats';

/** Queries of the three kinds the target names, drawn from words the corpus really has. */
function queries(stems: readonly string[], rand: () => number): { one: string[]; two: string[]; phrase: string[] } {
  const pick = () => stems[Math.floor(rand() * stems.length)]!;
  const one = Array.from({ length: 40 }, pick);
  const two = Array.from({ length: 40 }, () => `${pick()} ${pick()}`);
  const phrase = ['"open innovation"', '"brand equity"', '"word-of-mouth"', '"co-creation"', '"e-commerce"', '"kami bisa"', '"yang sudah"', '"untuk pelanggan"'];
  return { one, two, phrase };
}

/**
 * The issue asks lunr and SQLite FTS5 to be measured side by side on the bench corpus:
 * build time and memory, size on disk, and query latency for one word, two words and phrases.
 */
export async function benchSearch({ client, words }: ImportBench): Promise<void> {
  const { db } = client.session.store;
  console.log('search');
  // Rebuild the whole index from scratch, as a first import of this corpus would.
  db.transaction(() => {
    db.exec("DELETE FROM search_units; INSERT OR IGNORE INTO search_dirty SELECT 'document', id FROM documents");
  })();
  let t = performance.now();
  refreshSearchIndex(db);
  const build = seconds(t);
  figure('FTS5 index build (stems in JS + insert)', `${fmt(build)} s, ${fmt(words / build / 1e6)} M words/s`, { ok: build <= 15, text: '≤ 15 s' });
  db.pragma('wal_checkpoint(TRUNCATE)');
  const textBytes = db.prepare('SELECT sum(length(CAST(text AS BLOB))) FROM documents').pluck().get() as number;
  const indexBytes = db.prepare(`SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'search_%' OR name LIKE 'sqlite_autoindex_search_%'`).pluck().get() as number;
  figure('FTS5 index on disk', `${fmt(indexBytes / 1e6, 1)} MB for ${fmt(textBytes / 1e6, 1)} MB of text (${fmt(indexBytes / textBytes, 2)}×)`, { ok: indexBytes <= 1.5 * textBytes, text: '≤ 1.5× the text' });

  const stems = (db.prepare(`SELECT term FROM search_vocab WHERE doc > 50 LIMIT 2000`).pluck().all() as string[]);
  const q = queries(stems, random(11));
  const time = (run: (query: string) => unknown, list: readonly string[]) => list.map((query) => { const s = performance.now(); run(query); return performance.now() - s; });
  const fts = (query: string) => client.invoke('search.query', { query });
  for (const [kind, list] of Object.entries(q)) {
    await fts(list[0]!); // warm the statement cache
    const latencies: number[] = [];
    for (const query of list) { const s = performance.now(); await fts(query); latencies.push(performance.now() - s); }
    figure(`FTS5 query p95, ${kind === 'one' ? 'one word' : kind === 'two' ? 'two words' : 'phrases'} (KWIC, first 200 hits)`, `${fmt(percentile(latencies, 95), 1)} ms (p50 ${fmt(percentile(latencies, 50), 1)})`, { ok: percentile(latencies, 95) <= 30, text: '≤ 30 ms' });
  }

  // lunr over the same passages and the same stems.
  const units = db.prepare('SELECT u.id, d.text, u.start_offset AS s, u.end_offset AS e FROM search_units u JOIN documents d ON d.id = u.document_id').raw().iterate() as Iterable<[number, string, number, number]>;
  t = performance.now();
  const lunrHeapBefore = process.memoryUsage().heapUsed;
  const index = lunr(function build() {
    this.pipeline.reset();
    this.searchPipeline.reset();
    this.ref('id');
    this.field('stems');
    for (const [id, text, s, e] of units) this.add({ id: String(id), stems: stemsOf(text, s, e) });
  });
  const lunrBuild = seconds(t);
  const lunrHeap = (process.memoryUsage().heapUsed - lunrHeapBefore) / 1e6;
  const serialized = JSON.stringify(index).length / 1e6;
  figure('lunr index build (same stems)', `${fmt(lunrBuild)} s, +${fmt(lunrHeap, 0)} MB heap, ${fmt(serialized, 1)} MB serialized, rebuilt on every open`);
  const lunrTimes = time((query) => index.search(query.replace(/"/g, '')), [...q.one, ...q.two]);
  figure('lunr query p95 (one and two words, no positions)', `${fmt(percentile(lunrTimes, 95), 1)} ms`);
}
