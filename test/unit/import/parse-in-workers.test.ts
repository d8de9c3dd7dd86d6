import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TematikError } from '../../../src/domain/errors';
import { readInParallel } from '../../../src/import/parse-in-workers';
import { readForIndex } from '../../../src/import/read-for-index';
import type { ParsedDocument } from '../../../src/import/types';
import { SAMPLE_STUDY, tempDir } from '../../helpers/temp-project';

describe('parsing an import in worker threads', () => {
  it('gives each file, in order, the document or the error that reading it on this thread gives', async () => {
    const folder = tempDir();
    const names = ['P-01_fashion.txt', 'K-01_skincare.vtt', 'G-01_dinas_koperasi.docx', 'P-03_batik.md', 'K-02_skincare.srt'];
    const files = names.map((name) => path.join(SAMPLE_STUDY, name));
    const empty = path.join(folder, 'kosong.txt');
    fs.writeFileSync(empty, '');
    files.splice(2, 0, empty, path.join(folder, 'hilang.txt'));

    const settle = (read: Promise<ParsedDocument>) => read.then((doc) => ({ doc }), (error: Error) => ({ error: { name: error.name, message: error.message, kind: (error as TematikError).kind } }));
    const here = await Promise.all(files.map((file) => settle(readForIndex(file))));
    const inWorkers = await Promise.all(readInParallel(files, { minBytes: 0 }).reads.map(settle));
    expect(inWorkers).toEqual(here);
    expect(here.filter((r) => 'error' in r).map((r) => (r as { error: { kind: string } }).error.kind)).toEqual(['bad_input', 'bad_input']);
    const docs = here.flatMap((r) => ('doc' in r ? [r.doc] : []));
    expect(docs).toHaveLength(5);
    for (const doc of docs) expect(doc.unitStems!.length).toBeGreaterThan(0);
  });

  it.each([['in threads', 0], ['on this thread', Number.MAX_SAFE_INTEGER]])('stops %s: the files not yet read fail and are never parsed', async (_where, minBytes) => {
    const folder = tempDir();
    const files = Array.from({ length: 40 }, (_, i) => {
      const file = path.join(folder, `P-${String(i).padStart(2, '0')}.txt`);
      fs.writeFileSync(file, `Pewawancara: Bagaimana usahanya?\n\nNarasumber: Kami menjual batik ke ${i} pelanggan.\n`.repeat(3000));
      return file;
    });
    const { reads, stop } = readInParallel(files, { minBytes });
    const first = await reads[0]!;
    expect(first.turns.length).toBeGreaterThan(0);
    stop();
    const outcomes = await Promise.all(reads.map((read) => read.then(() => 'read', (error: Error) => error.message)));
    const dropped = outcomes.filter((o) => o === 'The import stopped before this file was read.');
    // Files already in a thread's hands when stop came may have finished; the rest were dropped.
    expect(dropped.length).toBeGreaterThanOrEqual(20);
    expect(outcomes.slice(outcomes.indexOf(dropped[0]!)).every((o) => o !== 'read')).toBe(true);
  });
});
