import path from 'node:path';
import Database from 'better-sqlite3';
import { localClient, type LocalClient } from '../../src/api/client';
import type { CodeId, DocumentId } from '../../src/domain/ids';
import { parseTurns } from '../../src/import/turns';
import { newGuid } from '../../src/store/row-guid';
import { compareProfiles, random, writeCorpus, type CorpusKind } from './corpus';
import { figure, fmt, percentile, seconds } from './stats';

/** Import and search index of 1,000 transcripts (8M words), issue 12: it was 20 s before. */
const IMPORT_SECONDS = 5;

/** CPU seconds of the whole process, its threads included, since `start` (a process.cpuUsage()). */
export function cpuSeconds(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
}

export interface ImportBench {
  readonly client: LocalClient;
  readonly words: number;
  readonly kind: CorpusKind;
}

/** Import throughput against raw better-sqlite3 inserts of the same text, in the same run. */
export async function benchImport(dir: string, documents: number, wordsEach: number, kind: CorpusKind = 'dense'): Promise<ImportBench> {
  let t = performance.now();
  const { texts } = writeCorpus(path.join(dir, `corpus-${kind}`), documents, wordsEach, undefined, kind);
  const words = texts.reduce((n, text) => n + text.split(/\s+/).filter(Boolean).length, 0);
  const megabytes = texts.reduce((n, text) => n + Buffer.byteLength(text), 0) / 1e6;
  console.log(`${kind} corpus: ${documents} transcripts, ${words.toLocaleString('en')} words, ${fmt(megabytes, 1)} MB, written in ${fmt(seconds(t))} s`);

  if (kind === 'realistic') {
    const { sample, corpus, corpusTypes } = compareProfiles(texts);
    const line = (p: typeof sample) => `TTR ${fmt(p.ttr, 3)}, hapax ${fmt(p.hapaxShare * 100, 1)} % of types, top 100 words ${fmt(p.top100Share * 100, 1)} % of tokens, Zipf ${fmt(p.zipf, 2)}`;
    figure(`sample transcripts (${sample.tokens} words)`, line(sample));
    figure(`corpus, the same lengths (${corpus.tokens} words)`, line(corpus), { ok: Math.abs(corpus.ttr - sample.ttr) <= 0.05, text: 'TTR within 0.05 of the sample' });
    figure('distinct word forms in the corpus', corpusTypes.toLocaleString('en'), { ok: corpusTypes >= 30_000, text: '≥ 30,000' });
  }
  const raw = new Database(path.join(dir, `raw-${kind}.sqlite`));
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = NORMAL');
  raw.exec('CREATE TABLE documents (id INTEGER PRIMARY KEY, text TEXT NOT NULL) STRICT');
  raw.exec('CREATE TABLE turns (id INTEGER PRIMARY KEY, document_id INTEGER NOT NULL, seq INTEGER NOT NULL, speaker TEXT NOT NULL, start_offset INTEGER NOT NULL, end_offset INTEGER NOT NULL) STRICT');
  const insertText = raw.prepare('INSERT INTO documents (text) VALUES (?)');
  t = performance.now();
  raw.transaction(() => { for (const text of texts) insertText.run(text); })();
  const rawText = seconds(t);
  const turnsOf = texts.map((text) => parseTurns(text));
  const insertTurn = raw.prepare('INSERT INTO turns (document_id, seq, speaker, start_offset, end_offset) VALUES (?, ?, ?, ?, ?)');
  t = performance.now();
  raw.transaction(() => {
    texts.forEach((text, i) => {
      const id = insertText.run(text).lastInsertRowid;
      turnsOf[i]!.forEach((turn, seq) => insertTurn.run(id, seq, turn.speaker, turn.start, turn.end));
    });
  })();
  const rawRows = seconds(t);
  raw.close();

  const client = localClient({ coder: 'bench' });
  await client.invoke('project.create', { path: path.join(dir, `bench-${kind}.tematik`) });
  t = performance.now();
  // CPU time of the whole process, the import's parsing threads included: beside the wall time, it tells waiting for a core from work.
  const cpu = process.cpuUsage();
  const report = await client.invoke('import.folder', { folder: path.join(dir, `corpus-${kind}`) });
  const imported = seconds(t);
  const importCpu = cpuSeconds(cpu);
  if (report.imported.length !== documents) throw new Error(`imported ${report.imported.length} of ${documents}`);

  console.log('import');
  figure('raw insert, text only', `${fmt(rawText)} s, ${fmt(words / rawText / 1e6)} M words/s`);
  figure('raw insert, text + the same turn rows', `${fmt(rawRows)} s, ${fmt(words / rawRows / 1e6)} M words/s`);
  figure('import (read, decode, parse, stems, store, index)', `${fmt(imported)} s, ${fmt(words / imported / 1e6)} M words/s (CPU ${fmt(importCpu)} s)`,
    { ok: imported <= IMPORT_SECONDS * (documents / 1000), text: `≤ ${fmt(IMPORT_SECONDS * (documents / 1000), 1)} s` });
  figure('import ÷ raw text-only throughput', `${fmt((rawText / imported) * 100, 1)} %`, { ok: rawText / imported >= 0.5, text: '≥ 50 %' });
  figure('import ÷ raw same-rows throughput', `${fmt((rawRows / imported) * 100, 1)} %`, { ok: rawRows / imported >= 0.5, text: '≥ 50 %' });
  return { client, words, kind };
}

/** Apply-code latency through the handler table, with `codings` codings already in the project. */
export async function benchApplyCode({ client }: ImportBench, codings: number, calls: number): Promise<void> {
  const { db } = client.session.store;
  const rand = random(7);
  const docs = db.prepare('SELECT id, text, length(text) AS length FROM documents').all() as { id: DocumentId; text: string; length: number }[];
  const codes: CodeId[] = [];
  for (let i = 0; i < 200; i++) codes.push((await client.invoke('codes.create', { name: `kode ${i + 1}` })).id);
  const coder = client.session.store.coderId();
  const insert = db.prepare('INSERT OR IGNORE INTO codings (guid, document_id, code_id, coder_id, start_offset, end_offset, quote, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  let t = performance.now();
  db.transaction(() => {
    for (let i = 0; i < codings; i++) {
      const doc = docs[Math.floor(rand() * docs.length)]!;
      const start = Math.floor(rand() * (doc.length - 400));
      const end = start + 50 + Math.floor(rand() * 300);
      // The real passage as the quote, as the app stores it: reports and exports read it.
      insert.run(newGuid(), doc.id, codes[i % codes.length], coder, start, end, doc.text.slice(start, end), '2026-01-01T00:00:00Z');
    }
  })();
  const count = db.prepare('SELECT count(*) FROM codings').pluck().get() as number;
  console.log(`apply code (setup: ${count.toLocaleString('en')} codings in ${fmt(seconds(t))} s)`);
  const latencies: number[] = [];
  for (let i = 0; i < calls; i++) {
    const doc = docs[Math.floor(rand() * docs.length)]!;
    const start = Math.floor(rand() * (doc.length - 400));
    t = performance.now();
    await client.invoke('codings.apply', { documentId: doc.id, codeId: codes[Math.floor(rand() * codes.length)]!, start, end: start + 120 });
    latencies.push(performance.now() - t);
  }
  figure(`apply-code p50 (${calls} calls)`, `${fmt(percentile(latencies, 50), 3)} ms`);
  figure(`apply-code p99 (${calls} calls)`, `${fmt(percentile(latencies, 99), 3)} ms`, { ok: percentile(latencies, 99) <= 5, text: '≤ 5 ms' });
}
