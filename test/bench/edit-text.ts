import path from 'node:path';
import { localClient } from '../../src/api/client';
import type { CodeId, DocumentId, Utf16Offset } from '../../src/domain/ids';
import { newGuid } from '../../src/store/row-guid';
import { random, writeCorpus } from './corpus';
import { cpuSeconds } from './import-and-code';
import { figure, fmt, percentile } from './stats';

/**
 * Editing a long coded transcript (issue 15): one word typed into a 15,000-word interview with
 * 1,000 codings, as edit mode sends it (`documents.editText`: every coding, turn, the search
 * index of the document and the undo step), then undoing such edits. Wall time per call and the
 * CPU time of the whole run, which tells the work from waiting for a core on a loaded machine.
 */
export async function benchEditText(dir: string, calls: number): Promise<void> {
  const folder = path.join(dir, 'corpus-edit');
  writeCorpus(folder, 1, 15_000, 2026_12_07, 'realistic');
  const client = localClient({ coder: 'Bench' });
  await client.invoke('project.create', { path: path.join(dir, 'edit.tematik'), name: 'edit' });
  await client.invoke('import.folder', { folder });
  const { db } = client.session.store;
  const doc = db.prepare('SELECT id, text FROM documents').get() as { id: DocumentId; text: string };
  const codes: CodeId[] = [];
  for (let i = 0; i < 50; i++) codes.push((await client.invoke('codes.create', { name: `kode ${i + 1}` })).id);
  const coder = client.session.store.coderId();
  const rand = random(15);
  const insert = db.prepare('INSERT OR IGNORE INTO codings (guid, document_id, code_id, coder_id, start_offset, end_offset, quote, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  db.transaction(() => {
    for (let i = 0; i < 1000; i++) {
      const start = Math.floor(rand() * (doc.text.length - 400));
      const end = start + 50 + Math.floor(rand() * 300);
      insert.run(newGuid(), doc.id, codes[i % codes.length], coder, start, end, doc.text.slice(start, end), '2026-01-01T00:00:00Z');
    }
  })();
  const turns = db.prepare('SELECT count(*) FROM turns').pluck().get() as number;
  console.log(`edit a transcript (${doc.text.length.toLocaleString('en')} characters, ${turns} turns, 1,000 codings)`);
  const latencies: number[] = [];
  const cpu = process.cpuUsage();
  for (let i = 0; i < calls; i++) {
    const { text, contentHash } = await client.invoke('documents.get', { id: doc.id });
    // After a space, so the edit never lands inside a character.
    const at = text.indexOf(' ', Math.floor(rand() * text.length)) + 1 || text.length;
    const t = performance.now();
    await client.invoke('documents.editText', { id: doc.id, expectedHash: contentHash, edits: [{ start: at as Utf16Offset, end: at as Utf16Offset, text: 'kata ' }] });
    latencies.push(performance.now() - t);
  }
  const editCpu = cpuSeconds(cpu);
  figure(`edit-text p50 (${calls} calls)`, `${fmt(percentile(latencies, 50), 1)} ms`);
  figure(`edit-text p99 (${calls} calls)`, `${fmt(percentile(latencies, 99), 1)} ms (CPU ${fmt(editCpu)} s for all)`);
  const undos: number[] = [];
  for (let i = 0; i < Math.min(calls, 50); i++) {
    const t = performance.now();
    await client.invoke('history.undo', {});
    undos.push(performance.now() - t);
  }
  figure(`undo an edit p50 (${undos.length} undos)`, `${fmt(percentile(undos, 50), 1)} ms`);
  client.session.close();
}
