import lunr from 'lunr';
import type Database from 'better-sqlite3';
import { refreshSearchIndex, stemsOf } from '../../src/search/indexer';
import { isStopword } from '../../src/search/stopwords';
import { cpuSeconds, type ImportBench } from './import-and-code';
import { random } from './corpus';
import { figure, fmt, percentile, seconds } from './stats';

/**
 * Queries of the three kinds the target names, drawn from words the corpus really has: stems
 * in more than 50 passages that a query does not drop as stop words, in a seeded order; phrases
 * are fixed ones plus word pairs that stand side by side in the corpus's own passages.
 */
function queries(db: Database.Database, rand: () => number): { one: string[]; two: string[]; phrase: string[] } {
  const stems = (db.prepare('SELECT term FROM search_vocab WHERE doc > 50 ORDER BY term').pluck().all() as string[]).filter((t) => !isStopword(t));
  const pick = () => stems[Math.floor(rand() * stems.length)]!;
  const one = Array.from({ length: 40 }, pick);
  const two = Array.from({ length: 40 }, () => `${pick()} ${pick()}`);
  const units = db.prepare('SELECT max(id) FROM search_units').pluck().get() as number;
  const passage = db.prepare('SELECT d.text, u.start_offset AS s, u.end_offset AS e FROM search_units u JOIN documents d ON d.id = u.document_id WHERE u.id >= ? ORDER BY u.id LIMIT 1');
  const pairs: string[] = [];
  while (pairs.length < 8) {
    const { text, s, e } = passage.get(1 + Math.floor(rand() * units)) as { text: string; s: number; e: number };
    const words = text.slice(s, e).split(/\s+/).slice(1).map((w) => w.replace(/[^\p{L}-]/gu, '')).filter(Boolean);
    const at = Math.floor(rand() * (words.length - 1));
    if (words.length > 2 && !isStopword(words[at]!.toLowerCase())) pairs.push(`"${words[at]} ${words[at + 1]}"`);
  }
  const phrase = ['"open innovation"', '"brand equity"', '"word-of-mouth"', '"co-creation"', '"e-commerce"', '"kami bisa"', '"yang sudah"', '"untuk pelanggan"', ...pairs];
  return { one, two, phrase };
}

/**
 * The issue asks lunr and SQLite FTS5 to be measured side by side on the bench corpus:
 * build time and memory, size on disk, and query latency for one word, two words and phrases.
 */
export async function benchSearch({ client, words, kind }: ImportBench, withLunr: boolean): Promise<void> {
  const { db } = client.session.store;
  console.log(`search, ${kind} corpus`);
  // Rebuild the whole index from scratch, as a first import of this corpus would.
  db.transaction(() => {
    db.exec("DELETE FROM search_units; INSERT OR IGNORE INTO search_dirty SELECT 'document', id FROM documents");
  })();
  let t = performance.now();
  const cpu = process.cpuUsage();
  refreshSearchIndex(db);
  const build = seconds(t);
  figure('FTS5 index build (stems in JS + insert)', `${fmt(build)} s, ${fmt(words / build / 1e6)} M words/s (CPU ${fmt(cpuSeconds(cpu))} s)`, { ok: build <= 15, text: '≤ 15 s' });
  db.pragma('wal_checkpoint(TRUNCATE)');
  const textBytes = db.prepare('SELECT sum(length(CAST(text AS BLOB))) FROM documents').pluck().get() as number;
  const indexBytes = db.prepare(`SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'search_%' OR name LIKE 'sqlite_autoindex_search_%'`).pluck().get() as number;
  figure('FTS5 index on disk', `${fmt(indexBytes / 1e6, 1)} MB for ${fmt(textBytes / 1e6, 1)} MB of text (${fmt(indexBytes / textBytes, 2)}×)`, { ok: indexBytes <= 1.5 * textBytes, text: '≤ 1.5× the text' });

  const q = queries(db, random(11));
  const passages = db.prepare('SELECT count(*) FROM search_units').pluck().get() as number;
  const share = await Promise.all(q.one.map(async (query) => (await client.invoke('search.query', { query })).passages / passages));
  figure('passages one query word matches', `median ${fmt(percentile(share, 50) * 100, 2)} %, p95 ${fmt(percentile(share, 95) * 100, 1)} % of ${passages.toLocaleString('en')}`);
  const target = kind === 'dense' ? 30 : 10;
  const time = (run: (query: string) => unknown, list: readonly string[]) => list.map((query) => { const s = performance.now(); run(query); return performance.now() - s; });
  const fts = (query: string) => client.invoke('search.query', { query });
  for (const [kind, list] of Object.entries(q)) {
    await fts(list[0]!); // warm the statement cache
    const latencies: number[] = [];
    // CPU time beside wall time: on a shared machine the wall time also counts waiting for a core.
    const cpu: number[] = [];
    for (const query of list) {
      const s = performance.now();
      const c = process.cpuUsage();
      await fts(query);
      const used = process.cpuUsage(c);
      latencies.push(performance.now() - s);
      cpu.push((used.user + used.system) / 1000);
    }
    figure(`FTS5 query p95, ${kind === 'one' ? 'one word' : kind === 'two' ? 'two words' : 'phrases'} (KWIC, first 200 hits)`,
      `${fmt(percentile(latencies, 95), 1)} ms (p50 ${fmt(percentile(latencies, 50), 1)}; CPU p95 ${fmt(percentile(cpu, 95), 1)})`, { ok: percentile(latencies, 95) <= target, text: `≤ ${target} ms` });
  }
  if (!withLunr) return;

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
