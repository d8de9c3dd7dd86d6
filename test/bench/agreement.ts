import crypto from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { localClient } from '../../src/api/client';
import { parseTurns } from '../../src/import/turns';
import { documentWriter } from '../../src/store/documents';
import { newGuid } from '../../src/store/row-guid';
import { random, transcript } from './corpus';
import { cpuSeconds } from './import-and-code';
import { figure, fmt, percentile } from './stats';

const CODERS = ['Ayu', 'Bima', 'Citra', 'Dewi'];

/**
 * Inter-coder agreement over 4 coders × `documents` interviews (~`wordsEach` words, speaker
 * turns as import finds them) × 200 codes. The first coder makes 50 codings a document; each of
 * the others keeps about 70 % of them (some moved by a few characters, some to a neighbouring
 * turn) and adds 15 of their own, and every tenth document one of them has not coded at all
 * (missing there, not "absent"). The project is written straight through the store: what is
 * timed is `analysis.agreement` through the handler table, median of `runs` calls, with the
 * process's CPU time beside the wall time.
 */
export async function benchAgreement(dir: string, documents: number, wordsEach: number, runs = 5): Promise<void> {
  const setup = performance.now();
  const file = path.join(dir, 'agreement.tematik');
  const first = localClient({ coder: CODERS[0]! });
  await first.invoke('project.create', { path: file, name: 'Agreement bench' });
  const { store } = first.session;
  const { db } = store;
  const rand = random(20261207);
  const texts: { text: string; turns: { start: number; end: number }[] }[] = [];
  store.change({ action: 'bench.addDocuments', summary: 'Add documents', args: {} }, () => {
    const write = documentWriter(db);
    for (let d = 0; d < documents; d++) {
      const { text, words } = transcript(rand, Math.round(wordsEach * (0.75 + rand() * 0.5)));
      const turns = parseTurns(text);
      write({ title: `interview-${String(d + 1).padStart(4, '0')}`, sourceName: `interview-${d + 1}.txt`, format: 'txt', encoding: 'utf-8', text, turns, wordCount: words,
        contentHash: crypto.createHash('sha256').update(text).digest('hex') }, []);
      texts.push({ text, turns: turns.map((t) => ({ start: t.start, end: t.end })) });
    }
  });
  const codeIds: number[] = [];
  for (let c = 0; c < 200; c++) codeIds.push((await first.invoke('codes.create', { name: `kode ${c + 1}` })).id);
  first.session.close();

  // The coders' rows, made as Tematik makes them: by each opening the project and changing something.
  for (const coder of CODERS) {
    const client = localClient({ coder });
    await client.invoke('project.open', { path: file });
    await client.invoke('project.update', { description: `reviewed by ${coder}` });
    client.session.close();
  }
  const bench = localClient({ coder: CODERS[0]! });
  await bench.invoke('project.open', { path: file });
  const bdb = bench.session.store.db;
  const coderIds = CODERS.map((name) => bdb.prepare('SELECT id FROM coders WHERE name = ?').pluck().get(name) as number);
  const documentIds = bdb.prepare('SELECT id FROM documents ORDER BY id').pluck().all() as number[];
  bdb.transaction(() => {
    const insert = bdb.prepare("INSERT OR IGNORE INTO codings (guid, document_id, code_id, coder_id, start_offset, end_offset, quote, created_at) VALUES (?, ?, ?, ?, ?, ?, '', '2026-12-07T00:00:00Z')");
    documentIds.forEach((documentId, d) => {
      const { text, turns } = texts[d]!;
      const absent = d % 10 === 0 ? 1 + (d / 10) % 3 : -1;
      const within = (turn: { start: number; end: number }): [number, number] => {
        const length = turn.end - turn.start;
        const start = turn.start + Math.floor(rand() * Math.max(1, length - 40));
        return [start, Math.min(turn.end, start + 20 + Math.floor(rand() * 200))];
      };
      const mine = Array.from({ length: 50 }, () => {
        const turn = turns[Math.floor(rand() * turns.length)]!;
        return [codeIds[Math.floor(rand() * codeIds.length)]!, ...within(turn), turns.indexOf(turn)] as const;
      });
      for (const [code, start, end] of mine) insert.run(newGuid(), documentId, code, coderIds[0], start, end);
      for (let c = 1; c < CODERS.length; c++) {
        if (c === absent) continue;
        for (const [code, start, end, t] of mine) {
          const r = rand();
          if (r < 0.5) insert.run(newGuid(), documentId, code, coderIds[c], start, end);
          else if (r < 0.65) insert.run(newGuid(), documentId, code, coderIds[c], Math.max(0, start - 3), Math.min(text.length, end + 3));
          else if (r < 0.7) insert.run(newGuid(), documentId, code, coderIds[c], ...within(turns[Math.min(turns.length - 1, t + 1)]!));
        }
        for (let k = 0; k < 15; k++) insert.run(newGuid(), documentId, codeIds[Math.floor(rand() * codeIds.length)], coderIds[c], ...within(turns[Math.floor(rand() * turns.length)]!));
      }
    });
  })();
  const [codings, turnCount] = bdb.prepare('SELECT (SELECT count(*) FROM codings), (SELECT count(*) FROM turns)').raw().get() as number[];
  console.log(`agreement (setup: ${documents.toLocaleString('en')} documents, ${turnCount!.toLocaleString('en')} turns, 200 codes, ${CODERS.length} coders, `
    + `${codings!.toLocaleString('en')} codings, in ${fmt((performance.now() - setup) / 1000)} s; load ${os.loadavg()[0]!.toFixed(1)})`);

  const time = async (label: string, args: Parameters<typeof bench.invoke<'analysis.agreement'>>[1], target?: number): Promise<void> => {
    const walls: number[] = [];
    const cpus: number[] = [];
    let units = 0;
    for (let r = 0; r < runs; r++) {
      const cpu = process.cpuUsage();
      const start = performance.now();
      const result = await bench.invoke('analysis.agreement', args);
      walls.push((performance.now() - start) / 1000);
      cpus.push(cpuSeconds(cpu));
      units = result.rows[0]!.units;
    }
    const wall = percentile(walls, 50);
    figure(label, `${fmt(wall, 3)} s wall, ${fmt(percentile(cpus, 50), 3)} s CPU (median of ${runs}; ${units.toLocaleString('en')} code × unit pairs)`,
      target === undefined ? undefined : { ok: wall <= target, text: `≤ ${target} s` });
  };
  await time('4 coders × 200 codes, by speaker turn', { coders: CODERS }, 1);
  await time('2 coders × 200 codes, by speaker turn', { coders: CODERS.slice(0, 2) });
  await time('4 coders × 200 codes, by character', { coders: CODERS, unit: 'character' });
  await time('4 coders × 200 codes, by sentence', { coders: CODERS, unit: 'sentence' });
  bench.session.close();
}
